/**
 * The teaching chapters (every chapter except the command reference): structure, correctness and
 * their diagrams.
 *
 * - every chapter passes the content lint, ends with a hands-on section and two or three
 *   self-check questions;
 * - none states a known-wrong fact (a list of wrong statements, each allowed only next to the
 *   correction);
 * - every `docker` command in inline code parses against the CLI's own `--help` text (the shared
 *   checker and fixtures of tests/unit/docker-flags.test.ts, which also checks the code blocks);
 * - the diagram data is valid, and bad data gives a clear message.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { codeFences, headings, lintChapter } from '../../src/lib/content-lint.ts';
import { checkDockerCommandLine } from '../../src/lib/docker-help-fixtures.ts';
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

/** The chapters this suite owns, with their sidebar order (13 is the command reference). */
const CHAPTERS = {
  'what-is-docker': 1,
  'how-docker-works': 3,
  'images-and-containers': 4,
  'docker-for-robots': 8,
  'robot-hardware': 9,
  'windows-and-macos': 10,
  security: 11,
  troubleshooting: 12,
  'further-resources': 14,
} as const;
type Slug = keyof typeof CHAPTERS;
const slugs = Object.keys(CHAPTERS) as Slug[];
const source = Object.fromEntries(slugs.map((s) => [s, read(`content/chapters/${s}.mdx`)])) as Record<Slug, string>;

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
  it.each(slugs)('%s has the expected order and passes the content lint', (slug) => {
    const order = /^order:\s*(\d+)\s*$/m.exec(source[slug])?.[1];
    expect(Number(order)).toBe(CHAPTERS[slug]);
    expect(lintChapter(`content/chapters/${slug}.mdx`, source[slug])).toEqual([]);
  });

  it.each(slugs)('%s ends with a hands-on section, then two or three self-check questions', (slug) => {
    const h2 = headings(source[slug]).filter((h) => h.depth === 2);
    expect(h2.length).toBeGreaterThanOrEqual(3);
    expect(h2.at(-1)?.id).toBe('self-check');
    expect(h2.at(-2)?.id).toBe('hands-on');
    const selfCheck = source[slug].slice(source[slug].indexOf('{#self-check}'));
    const questions = selfCheck.match(/<SelfCheck question="[^"]+\?">/g) ?? [];
    expect(questions.length).toBeGreaterThanOrEqual(2);
    expect(questions.length).toBeLessThanOrEqual(3);
    // Every question has an answer body.
    for (const m of selfCheck.matchAll(/<SelfCheck question="[^"]+">([\s\S]*?)<\/SelfCheck>/g)) expect(m[1]!.trim().length).toBeGreaterThan(20);
    // The hands-on section has something to do: a code block or a numbered step.
    const handsOn = source[slug].slice(source[slug].indexOf('{#hands-on}'), source[slug].indexOf('{#self-check}'));
    expect(handsOn).toMatch(/```(bash|console)|^\d+\. /m);
  });

  it.each(slugs)('%s has explicit, short, lower-case heading ids', (slug) => {
    for (const h of headings(source[slug])) {
      expect(h.id, `heading "${h.text}"`).toMatch(/^[a-z][a-z0-9-]{1,30}$/);
    }
  });

  it.each(slugs)('%s links to other chapters relatively, with reference anchors in the documented form', (slug) => {
    const links = [...prose(source[slug]).matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!);
    for (const href of links) {
      if (/^https?:\/\//.test(href)) {
        expect(href, 'external links use https').toMatch(/^https:\/\//);
        continue;
      }
      expect(href, `internal link ${href} must be relative (../page/ or #anchor)`).toMatch(/^(\.\.\/[a-z-]+\/(#[a-z][a-z0-9-]*)?|#[a-z][a-z0-9-]*)$/);
      const [page, anchor] = href.replace(/^\.\.\//, '').split('/#');
      if (href.startsWith('#')) {
        const ids = new Set([...headings(source[slug]).map((h) => h.id), ...[...source[slug].matchAll(/<Figure id="([^"]+)"/g)].map((m) => m[1])]);
        expect(ids.has(href.slice(1)), `${href} exists on the page`).toBe(true);
      } else if (page! in CHAPTERS && anchor) {
        const ids = new Set(headings(source[page as Slug]).map((h) => h.id));
        expect(ids.has(anchor), `${href}: #${anchor} exists in ${page}.mdx`).toBe(true);
      } else if (page === 'commands' && anchor) {
        expect(anchor, 'reference anchors are the command words (and long flag) joined with "-"').toMatch(/^docker(-[a-z0-9]+)+$/);
      }
    }
  });
});

describe('the figures', () => {
  it('chapter 1 has "Comparison between containers and VMs" with two captioned sub-figures drawn from data', () => {
    const m = /<Figure id="fig-containers-vs-vms" number=\{1\} caption="Comparison between containers and VMs">([\s\S]*?)<\/Figure>/.exec(source['what-is-docker']);
    expect(m).not.toBeNull();
    const subs = [...m![1]!.matchAll(/<SubFigure label="([a-z])" caption="([^"]+)">\s*<StackDiagram diagram="([a-z-]+)" \/>/g)].map((s) => s.slice(1));
    expect(subs).toEqual([
      ['a', 'Using containers', 'containers'],
      ['b', 'Using VMs', 'vms'],
    ]);
  });

  it('How Docker works draws the request path; Images, containers and registries the layer stack and the lifecycle', () => {
    expect(source['how-docker-works']).toMatch(/<FlowDiagram diagram="request-path" \/>/);
    expect(source['images-and-containers']).toMatch(/<StackDiagram diagram="layers" \/>/);
    expect(source['images-and-containers']).toMatch(/<FlowDiagram diagram="lifecycle" \/>/);
  });

  it.each(slugs)('%s numbers its figures 1, 2, 3... with unique ids and a caption', (slug) => {
    const figs = [...source[slug].matchAll(/<Figure id="([^"]+)" number=\{(\d+)\} caption="([^"]+)">/g)];
    figs.forEach((f, i) => {
      expect(Number(f[2])).toBe(i + 1);
      expect(f[3]!.length).toBeGreaterThan(10);
    });
    expect(new Set(figs.map((f) => f[1])).size).toBe(figs.length);
    for (const d of source[slug].matchAll(/<StackDiagram diagram="([^"]+)"/g)) expect(Object.keys(stackDiagrams)).toContain(d[1]);
    for (const d of source[slug].matchAll(/<FlowDiagram diagram="([^"]+)"/g)) expect(Object.keys(flowDiagrams)).toContain(d[1]);
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
    for (const { sentence, next } of sentences(source[slug])) {
      for (const { what, re } of WRONG) {
        if (re.test(sentence) && !CORRECTION.test(sentence) && !CORRECTION.test(next)) found.push(`${what}: "${sentence}"`);
      }
    }
    expect(found).toEqual([]);
  });

  it.each(slugs)('%s has no wrong flag in any code block', (slug) => {
    for (const f of codeFences(source[slug])) {
      expect(f.code, `code block on line ${f.line}`).not.toMatch(/--port\b|docker image details|\s-d\s+\/dev\/|docker\s+(-\S+\s+)*--hostname/);
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

/* ------------------------------------------------------------------------------------------ */
/* Docker commands in inline code, checked against the CLI's help text with the shared checker     */
/* (src/lib/docker-cli.ts; code blocks are checked in tests/unit/docker-flags.test.ts).            */

/** Intentionally wrong examples, shown only to correct them (troubleshooting table). */
const KNOWN_WRONG = new Set([
  'docker run --port 8080:80 nginx',
  'docker run -d /dev/video0 myimage',
  'docker image details ubuntu',
  'docker --hostname duckiebot.local ps',
]);

/** Every `docker …` command written as inline code in a chapter's prose, with its line. */
function inlineDockerCommands(src: string): Array<{ cmd: string; line: number }> {
  return prose(src)
    .split('\n')
    .flatMap((text, i) => [...text.matchAll(/`((?:sudo )?docker [^`]+)`/g)].map((m) => ({ cmd: m[1]!.replace(/\s+/g, ' '), line: i + 1 })));
}

describe('docker commands in inline code against the CLI help text', () => {
  it.each(slugs)('every inline docker command in %s exists with the flags it uses', (slug) => {
    const problems: string[] = [];
    for (const { cmd, line } of inlineDockerCommands(source[slug])) {
      const p = checkDockerCommandLine(cmd, `content/chapters/${slug}.mdx:${line}`);
      if (KNOWN_WRONG.has(cmd)) {
        expect(p.length, `"${cmd}" is listed as a known-wrong example and must fail the check`).toBeGreaterThan(0);
        continue;
      }
      problems.push(...p);
    }
    expect(problems).toEqual([]);
  });

  it('the known-wrong examples are really in the chapters', () => {
    const all = slugs.flatMap((s) => inlineDockerCommands(source[s]).map((c) => c.cmd));
    for (const wrong of KNOWN_WRONG) expect(all, wrong).toContain(wrong);
  });
});
