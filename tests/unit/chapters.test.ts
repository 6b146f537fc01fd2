/**
 * The teaching chapters' figures and diagrams, and the patterns of the wrong-statement rule.
 * The rules over every chapter (structure, heading ids, links, figure numbers, wrong statements,
 * the reference's listed mistakes, end-of-life tags, docker lines) run in the build
 * (src/lib/checks/, tested with fixtures in tests/unit/bad-input.test.ts).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { sentences, WRONG_STATEMENTS } from '../../src/lib/checks/course-rules.ts';
import { REFERENCE_CHAPTER } from '../../src/lib/reference/commands.ts';
import { LAYER_KINDS, flowDiagrams, flowProblems, stackDiagrams, stackProblems, type FlowDiagramData, type StackDiagramData } from '../../src/data/diagrams.ts';

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

describe('the figures', () => {
  it('chapter 1 has "Comparison between containers and VMs" with two captioned sub-figures drawn from data', () => {
    const m = /<Figure id="fig-containers-vs-vms" number=\{1\} caption="Comparison between containers and VMs">([\s\S]*?)<\/Figure>/.exec(
      text('what-is-docker'),
    );
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

  it.each(slugs)('%s draws only diagrams that exist in src/data/diagrams.ts', (slug) => {
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

  const base: StackDiagramData = {
    title: 'T',
    description: 'D',
    columns: 2,
    rows: [
      [
        { kind: 'app', label: 'A' },
        { kind: 'libs', label: 'B' },
      ],
    ],
  };
  it('bad layer data fails with a message that says what to fix', () => {
    expect(stackProblems('x', { ...base, rows: [] })).toEqual([expect.stringMatching(/Diagram "x" .*rows is empty/)]);
    expect(stackProblems('x', { ...base, rows: [[{ kind: 'cpu' as never, label: 'A', span: 2 }]] })[0]).toMatch(
      new RegExp(`unknown kind "cpu" for "A"; expected one of ${LAYER_KINDS.join(', ')}`),
    );
    expect(stackProblems('x', { ...base, rows: [[{ kind: 'app', label: 'A' }]] })[0]).toMatch(/row 1 leaves 1 of 2 columns empty/);
    expect(stackProblems('x', { ...base, rows: [[{ kind: 'app', label: 'A', span: 3 }]] })[0]).toMatch(/does not fit/);
    expect(
      stackProblems('x', {
        ...base,
        rows: [
          [
            { kind: 'app', label: 'Supercalifragilisticexpialidocious' },
            { kind: 'app', label: 'B' },
          ],
        ],
      })[0],
    ).toMatch(/label "Supercalifragilisticexpialidocious" does not fit its box/);
    expect(stackProblems('x', { ...base, title: '' })[0]).toMatch(/title is empty; it is the SVG's accessible name/);
  });

  const flow: FlowDiagramData = {
    title: 'T',
    description: 'D',
    nodes: [
      { id: 'a', kind: 'client', label: 'A' },
      { id: 'b', kind: 'daemon', label: 'B' },
    ],
    edges: [{ from: 'a', to: 'b' }],
  };
  it('bad flow data fails with a message that says what to fix', () => {
    expect(flowProblems('f', { ...flow, nodes: [] })[0]).toMatch(/at least two nodes/);
    expect(flowProblems('f', { ...flow, edges: [{ from: 'a', to: 'zz' }] })[0]).toMatch(/edge to unknown node "zz"; nodes are a, b/);
    expect(flowProblems('f', { ...flow, nodes: [flow.nodes[0]!, { id: 'a', kind: 'vm' as never, label: 'B' }] })).toEqual(
      expect.arrayContaining([expect.stringMatching(/duplicate node id "a"/), expect.stringMatching(/unknown kind "vm"/)]),
    );
  });
});

describe('the wrong-statement rule (src/lib/checks/course-rules.ts)', () => {
  it('its patterns catch the seed and the old Duckietown chapters', () => {
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
      "The same image works on your laptop, in the grader's CI and on the robot.",
      'Use an explicit tag such as `ros:noetic`.',
      '- **Keep Docker updated**: kernel and engine fixes protect every container.',
      "The first prints a random container ID, the second your laptop's name.",
    ];
    for (const s of seed)
      expect(
        WRONG_STATEMENTS.some(({ re }) => re.test(s)),
        s,
      ).toBe(true);
  });
  it('sentences are read across line breaks, each with the line it starts on and the next sentence (the correction may be there)', () => {
    const chapter = (body: string) => `---\ntitle: T\n---\n\n${body}\n`;
    expect(sentences(chapter('One line.\nContainers are virtual\nmachines. No: they are processes.'))).toEqual([
      { sentence: 'One line.', line: 5, next: 'Containers are virtual machines.' },
      { sentence: 'Containers are virtual machines.', line: 6, next: 'No: they are processes.' },
      { sentence: 'No: they are processes.', line: 7, next: '' },
    ]);
  });
});
