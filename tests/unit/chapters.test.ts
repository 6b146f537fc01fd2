/**
 * The teaching chapters (every chapter except the command reference): structure, correctness and
 * their diagrams.
 *
 * - every chapter passes the content lint, ends with a hands-on section and two or three
 *   self-check questions;
 * - none states a known-wrong fact (a list of wrong statements, each allowed only next to the
 *   correction);
 * - no code block uses a wrong spelling the reference lists as a mistake (`--port`,
 *   `docker image details`); every docker line itself is checked against both CLI versions in
 *   tests/unit/docker-flags.test.ts;
 * - the diagram data is valid, and bad data gives a clear message.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { codeFences, headings, lintChapter } from '../../src/lib/checks/content-lint.ts';
import { REFERENCE_CHAPTER } from '../../src/lib/reference/commands.ts';
import { checkDockerCommandLine } from '../support/docker-model.ts';
import { loadCommands } from '../support/reference-data.ts';
import {
  LAYER_KINDS,
  flowDiagrams,
  flowProblems,
  stackDiagrams,
  stackProblems,
  type FlowDiagramData,
  type StackDiagramData,
} from '../../src/data/diagrams.ts';

const root = new URL('../../', import.meta.url);
const read = (p: string) => readFileSync(new URL(p, root), 'utf8');

/**
 * The teaching chapters: every file in content/chapters/ except the command reference, with the
 * sidebar order from its own frontmatter. A new chapter is checked without editing this test.
 */
const CHAPTERS: Record<string, number> = Object.fromEntries(
  readdirSync(new URL('content/chapters/', root))
    .filter((f) => f.endsWith('.mdx') && f !== `${REFERENCE_CHAPTER}.mdx`)
    .map((f) => {
      const src = read(`content/chapters/${f}`);
      const front = /^---\n([\s\S]*?)\n---/.exec(src)?.[1] ?? '';
      return [f.slice(0, -4), Number((parseYaml(front) as { order?: unknown })?.order)];
    }),
);
type Slug = string;
const slugs = Object.keys(CHAPTERS).sort((a, b) => CHAPTERS[a]! - CHAPTERS[b]!);
const source: Record<Slug, string> = Object.fromEntries(slugs.map((s) => [s, read(`content/chapters/${s}.mdx`)]));
const text = (slug: Slug): string => source[slug] ?? '';

/** Source with fenced code blocks blanked out (line numbers kept), frontmatter removed. */
function prose(src: string): string {
  const lines = src.split('\n');
  const fences = codeFences(src);
  for (const f of fences) {
    const n = f.code.split('\n').length + 2;
    for (let i = f.line - 1; i < f.line - 1 + n && i < lines.length; i++) lines[i] = '';
  }
  const end = lines.indexOf('---', 1);
  for (let i = 0; i <= end; i++) lines[i] = '';
  return lines.join('\n');
}

/** Sentences of the prose (paragraphs split at sentence ends), with their paragraph. */
function sentences(src: string): Array<{ sentence: string; next: string }> {
  const out: Array<{ sentence: string; next: string }> = [];
  for (const para of prose(src).split(/\n\s*\n/)) {
    const flat = para.replace(/\s+/g, ' ').trim();
    if (!flat) continue;
    const parts = flat.split(/(?<=[.!?:])\s+(?=[A-Z`(*"])/);
    parts.forEach((s, i) => out.push({ sentence: s, next: parts[i + 1] ?? '' }));
  }
  return out;
}

describe('chapter structure', () => {
  it('the chapters and the reference have unique orders 1, 2, 3... with no gap', () => {
    const reference = /^order:\s*(\d+)\s*$/m.exec(read(`content/chapters/${REFERENCE_CHAPTER}.mdx`))?.[1];
    const orders = [...Object.values(CHAPTERS), Number(reference)].sort((a, b) => a - b);
    expect(orders).toEqual(orders.map((_, i) => i + 1));
  });

  it.each(slugs)('%s passes the content lint', (slug) => {
    expect(lintChapter(`content/chapters/${slug}.mdx`, text(slug))).toEqual([]);
  });

  it.each(slugs)('%s ends with a hands-on section, then two or three self-check questions', (slug) => {
    const h2 = headings(text(slug)).filter((h) => h.depth === 2);
    expect(h2.length).toBeGreaterThanOrEqual(3);
    expect(h2.at(-1)?.id).toBe('self-check');
    expect(h2.at(-2)?.id).toBe('hands-on');
    const selfCheck = text(slug).slice(text(slug).indexOf('{#self-check}'));
    const questions = selfCheck.match(/<SelfCheck question="[^"]+\?">/g) ?? [];
    expect(questions.length).toBeGreaterThanOrEqual(2);
    expect(questions.length).toBeLessThanOrEqual(3);
    // Every question has an answer body.
    for (const m of selfCheck.matchAll(/<SelfCheck question="[^"]+">([\s\S]*?)<\/SelfCheck>/g)) expect(m[1]!.trim().length).toBeGreaterThan(20);
    // The hands-on section has something to do: a code block or a numbered step.
    const handsOn = text(slug).slice(text(slug).indexOf('{#hands-on}'), text(slug).indexOf('{#self-check}'));
    expect(handsOn).toMatch(/```(bash|console)|^\d+\. /m);
  });

  it.each(slugs)('%s has explicit, short, lower-case heading ids', (slug) => {
    for (const h of headings(text(slug))) {
      expect(h.id, `heading "${h.text}"`).toMatch(/^[a-z][a-z0-9-]{1,30}$/);
    }
  });

  it.each(slugs)('%s links to other chapters relatively, with reference anchors in the documented form', (slug) => {
    const links = [...prose(text(slug)).matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!);
    for (const href of links) {
      if (/^https?:\/\//.test(href)) {
        expect(href, 'external links use https').toMatch(/^https:\/\//);
        continue;
      }
      expect(href, `internal link ${href} must be relative (../page/ or #anchor)`).toMatch(/^(\.\.\/[a-z-]+\/(#[a-z][a-z0-9-]*)?|#[a-z][a-z0-9-]*)$/);
      const [page, anchor] = href.replace(/^\.\.\//, '').split('/#');
      if (href.startsWith('#')) {
        const ids = new Set([...headings(text(slug)).map((h) => h.id), ...[...text(slug).matchAll(/<Figure id="([^"]+)"/g)].map((m) => m[1])]);
        expect(ids.has(href.slice(1)), `${href} exists on the page`).toBe(true);
      } else if (page! in CHAPTERS && anchor) {
        const ids = new Set(headings(text(page!)).map((h) => h.id));
        expect(ids.has(anchor), `${href}: #${anchor} exists in ${page}.mdx`).toBe(true);
      } else if (page === 'commands' && anchor) {
        expect(anchor, 'reference anchors are the command words (and long flag) joined with "-"').toMatch(/^docker(-[a-z0-9]+)+$/);
      }
    }
  });
});

describe('the figures', () => {
  it('chapter 1 has "Comparison between containers and VMs" with two captioned sub-figures drawn from data', () => {
    const m = /<Figure id="fig-containers-vs-vms" number=\{1\} caption="Comparison between containers and VMs">([\s\S]*?)<\/Figure>/.exec(text('what-is-docker'));
    expect(m).not.toBeNull();
    const subs = [...m![1]!.matchAll(/<SubFigure label="([a-z])" caption="([^"]+)">\s*<StackDiagram diagram="([a-z-]+)" \/>/g)].map((s) => s.slice(1));
    expect(subs).toEqual([
      ['a', 'Using containers', 'containers'],
      ['b', 'Using VMs', 'vms'],
    ]);
  });

  it('How Docker works draws the request path; Images, containers and registries the layer stack and the lifecycle', () => {
    expect(text('how-docker-works')).toMatch(/<FlowDiagram diagram="request-path" \/>/);
    expect(text('images-and-containers')).toMatch(/<StackDiagram diagram="layers" \/>/);
    expect(text('images-and-containers')).toMatch(/<FlowDiagram diagram="lifecycle" \/>/);
  });

  it.each(slugs)('%s numbers its figures 1, 2, 3... with unique ids and a caption', (slug) => {
    const figs = [...text(slug).matchAll(/<Figure id="([^"]+)" number=\{(\d+)\} caption="([^"]+)">/g)];
    figs.forEach((f, i) => {
      expect(Number(f[2])).toBe(i + 1);
      expect(f[3]!.length).toBeGreaterThan(10);
    });
    expect(new Set(figs.map((f) => f[1])).size).toBe(figs.length);
    for (const d of text(slug).matchAll(/<StackDiagram diagram="([^"]+)"/g)) expect(Object.keys(stackDiagrams)).toContain(d[1]);
    for (const d of text(slug).matchAll(/<FlowDiagram diagram="([^"]+)"/g)) expect(Object.keys(flowDiagrams)).toContain(d[1]);
  });

  it('every diagram in src/data/diagrams.ts is valid', () => {
    for (const [name, d] of Object.entries(stackDiagrams)) expect(stackProblems(name, d as StackDiagramData)).toEqual([]);
    for (const [name, d] of Object.entries(flowDiagrams)) expect(flowProblems(name, d as FlowDiagramData)).toEqual([]);
  });

  it('the containers-vs-VMs data has the layers the chapter describes', () => {
    const kinds = (d: StackDiagramData) => new Set(d.rows.flat().map((c) => c.kind));
    expect([...kinds(stackDiagrams.containers)].sort()).toEqual(['app', 'engine', 'infrastructure', 'kernel', 'libs']);
    expect([...kinds(stackDiagrams.vms)].sort()).toEqual(['app', 'guest-os', 'hypervisor', 'infrastructure', 'libs']);
    // No guest OS and no hypervisor on the container side.
    expect(kinds(stackDiagrams.containers).has('hypervisor')).toBe(false);
    expect(kinds(stackDiagrams.containers).has('guest-os')).toBe(false);
  });

  const base: StackDiagramData = { title: 'T', description: 'D', columns: 2, rows: [[{ kind: 'app', label: 'A' }, { kind: 'libs', label: 'B' }]] };
  it('bad layer data fails with a message that says what to fix', () => {
    expect(stackProblems('x', { ...base, rows: [] })).toEqual([expect.stringMatching(/Diagram "x" .*rows is empty/)]);
    expect(stackProblems('x', { ...base, rows: [[{ kind: 'cpu' as never, label: 'A', span: 2 }]] })[0]).toMatch(
      new RegExp(`unknown kind "cpu" for "A"; expected one of ${LAYER_KINDS.join(', ')}`),
    );
    expect(stackProblems('x', { ...base, rows: [[{ kind: 'app', label: 'A' }]] })[0]).toMatch(/row 1 leaves 1 of 2 columns empty/);
    expect(stackProblems('x', { ...base, rows: [[{ kind: 'app', label: 'A', span: 3 }]] })[0]).toMatch(/does not fit/);
    expect(stackProblems('x', { ...base, rows: [[{ kind: 'app', label: 'Supercalifragilisticexpialidocious' }, { kind: 'app', label: 'B' }]] })[0]).toMatch(
      /label "Supercalifragilisticexpialidocious" does not fit its box/,
    );
    expect(stackProblems('x', { ...base, title: '' })[0]).toMatch(/title is empty; it is the SVG's accessible name/);
  });

  const flow: FlowDiagramData = { title: 'T', description: 'D', nodes: [{ id: 'a', kind: 'client', label: 'A' }, { id: 'b', kind: 'daemon', label: 'B' }], edges: [{ from: 'a', to: 'b' }] };
  it('bad flow data fails with a message that says what to fix', () => {
    expect(flowProblems('f', { ...flow, nodes: [] })[0]).toMatch(/at least two nodes/);
    expect(flowProblems('f', { ...flow, edges: [{ from: 'a', to: 'zz' }] })[0]).toMatch(/edge to unknown node "zz"; nodes are a, b/);
    expect(flowProblems('f', { ...flow, nodes: [flow.nodes[0]!, { id: 'a', kind: 'vm' as never, label: 'B' }] })).toEqual(
      expect.arrayContaining([expect.stringMatching(/duplicate node id "a"/), expect.stringMatching(/unknown kind "vm"/)]),
    );
  });
});

/* ------------------------------------------------------------------------------------------ */
/* Wrong statements that must never appear as facts. Each may appear only in a sentence that    */
/* corrects it (or the sentence right after does).                                               */

const CORRECTION = /\b(not|no|never|wrong|unknown|instead|rejects|myth|does not|is not|isn't|nothing)\b|what is wrong/i;

const WRONG: Array<{ what: string; re: RegExp }> = [
  { what: 'containers described as virtual machines', re: /\bcontainers?\b[^.]*\b(is|are)\b (a |just )?(lightweight |small |mini |tiny )?(virtual machines?|VMs?)\b/i },
  { what: 'Docker described as a lightweight VM', re: /\bDocker\b[^.]*\bis\b[^.]*\b(lightweight|small|mini) (VM|virtual machine)/i },
  { what: 'containers partitioning the hardware', re: /partition(s|ing)? (the )?hardware/i },
  { what: 'Docker needing a hypervisor on Linux', re: /\bDocker\b[^.]*\b(needs|requires|runs on|uses) (a |an )?hypervisor\b/i },
  { what: 'a --port flag', re: /--port\b/ },
  { what: '-d as --device', re: /`-d`[^.]{0,12}`--device`|`--device`[^.]{0,6}\(`-d`\)|-d, --device/ },
  { what: '-H as --hostname', re: /`-H`[^.]{0,12}`--hostname`|`--hostname`[^.]{0,6}\(`-H`\)|-H, --hostname|--hostname duckiebot/ },
  { what: 'docker image details', re: /docker image details/ },
  { what: 'system prune removing volumes by default', re: /system prune(?! -a| --volumes)[^.]*(remove|delete)s?\b[^.]*volumes(?! unless)/i },
  { what: 'system prune removing every unused image by default', re: /system prune(?! -a)[^.]*(remove|delete)s?\b[^.]*\b(all|every) (unused )?images?\b/i },
  { what: 'attach opening a shell', re: /\battach\b[^.]*\b(opens?|gives you|starts?) (a |an )?(new )?(shell|terminal|bash)/i },
  { what: '"just pull again" as an update', re: /(just|simply) pull(ing)?( the (container )?image| it)? again|as easy as pulling/i },
  { what: 'latest meaning the newest version', re: /`?latest`?[^.]*\b(always )?(points?|pointing) to the (latest|newest|most recent)/i },
  { what: 'one image for laptop and robot (ignores the CPU architecture)', re: /\bsame image works\b[^.]*\bon the (robot|Jetson|Duckiebot)\b/i },
  { what: 'ros:noetic as a tag to use (ROS Noetic reached end of life in May 2025)', re: /\bros:noetic\b/ },
  { what: '"keep Docker updated" against the course\'s version pin', re: /\bkeep docker (updated|up to date)\b/i },
  { what: 'a "random" container ID as hostname', re: /\brandom container ID\b/i },
];

describe('no wrong statements', () => {
  it.each(slugs)('%s states none of the known-wrong facts (except to correct them)', (slug) => {
    const found: string[] = [];
    for (const { sentence, next } of sentences(text(slug))) {
      for (const { what, re } of WRONG) {
        if (re.test(sentence) && !CORRECTION.test(sentence) && !CORRECTION.test(next)) found.push(`${what}: "${sentence}"`);
      }
    }
    expect(found).toEqual([]);
  });

  // The wrong spellings the reference lists (`--port`, `docker image details`, `docker-compose up`).
  // A listed command spelling that the CLI accepts after all (`docker image list`, an alias) is not a mistake.
  const mistakes = loadCommands()
    .flatMap((c) => [...c.mistakes, ...c.flags.flatMap((f) => f.mistakes)])
    .map((m) => m.wrong)
    .filter((w) => !w.startsWith('docker') || checkDockerCommandLine(w, 'mistake').length > 0);
  const escape = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const mistakeRe = new RegExp(`(?:^|\\s)(?:${mistakes.map(escape).join('|')})(?=\\s|=|$)`, 'm');
  it.each(slugs)('%s uses none of the reference\'s listed mistakes in a code block', (slug) => {
    expect(mistakes.length).toBeGreaterThan(0);
    for (const f of codeFences(text(slug))) {
      if (f.lang === 'text') continue;
      const m = mistakeRe.exec(f.code);
      if (m) expect.fail(`content/chapters/${slug}.mdx:${f.line}: code block uses "${m[0].trim()}", listed as a mistake in content/reference/commands.yaml`);
    }
  });

  it('the wrong-statement patterns catch the seed and the old Duckietown chapters', () => {
    const seed = [
      'Containerization is a process that allows partitioning the hardware and the kernel of an operating systems.',
      'With a Docker container, the same process is as easy as pulling the container image again.',
      'docker system prune will delete all stopped containers, all volumes and all images not used by running containers.',
      'Use `-d` (`--device`) to give access to the camera.',
      'Use `-H` (`--hostname`) to talk to the robot.',
      'docker attach opens a terminal in the container.',
      'Publish a port with --port 8080:80.',
      'Docker on Linux needs a hypervisor to run containers.',
      '`latest` is a special tag always pointing to the latest version of an image.',
      'The same image works on your laptop, in the grader\'s CI and on the robot.',
      'Use an explicit tag such as `ros:noetic`.',
      '- **Keep Docker updated**: kernel and engine fixes protect every container.',
      'The first prints a random container ID, the second your laptop\'s name.',
    ];
    for (const s of seed) expect(WRONG.some(({ re }) => re.test(s)), s).toBe(true);
  });
});
