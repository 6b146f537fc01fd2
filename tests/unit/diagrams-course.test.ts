/**
 * The course diagrams of "Data and networks" (chapter 6) and "Compose" (chapter 7), and the two
 * chapters that draw them.
 *
 * - the diagram data is valid, draws what the chapter says (checked against the chapter's own
 *   compose.yaml example, not a copy of it), and bad data with the new kinds fails with a message;
 * - both chapters stay between 800 and 2,500 words, end with their sources (primary documents),
 *   draw each figure from the data, and keep a warning next to every risky command.
 *
 * Every chapter's structure (order, lint, ids, hands-on, self-check, links) is tested in
 * tests/unit/chapters.test.ts, and its docker lines in tests/unit/docker-flags.test.ts.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { codeFences, headings } from '../../src/lib/checks/content-lint.ts';
import { LAYER_KINDS, placeStack, stackDiagrams, stackProblems, type PlacedCell, type StackDiagramData } from '../../src/data/diagrams.ts';

const root = new URL('../../', import.meta.url);
const read = (p: string) => readFileSync(new URL(p, root), 'utf8');

/** The diagrams each of these chapters draws, in figure order. (Order, lint, ids, hands-on,
 * self-check, links and docker lines are checked for every chapter by chapters.test.ts and
 * docker-flags.test.ts.) */
const FIGURES = {
  'volumes-and-networks': [
    { id: 'fig-mounts', diagram: 'mounts' },
    { id: 'fig-networks', diagram: 'networks' },
  ],
  compose: [{ id: 'fig-robot-stack', diagram: 'robot-stack' }],
} satisfies Record<string, Array<{ id: string; diagram: keyof typeof stackDiagrams }>>;
type Slug = keyof typeof FIGURES;
const slugs = Object.keys(FIGURES) as Slug[];
const source = Object.fromEntries(slugs.map((s) => [s, read(`content/chapters/${s}.mdx`)])) as Record<Slug, string>;

const cells = (name: keyof typeof stackDiagrams): PlacedCell[] => placeStack(name, stackDiagrams[name] as StackDiagramData);
/** The cells that cover column `col` (0-based), top to bottom. */
const column = (name: keyof typeof stackDiagrams, col: number) =>
  cells(name)
    .filter((c) => c.col <= col && col < c.col + c.span)
    .sort((a, b) => a.row - b.row);

/** Words a reader reads: prose and code, without frontmatter, imports and component tags. */
function wordCount(src: string): number {
  const body = src
    .replace(/^---[\s\S]*?\n---\n/, '')
    .replace(/^import .*$/gm, '')
    .replace(/<\/?[A-Z][^>]*>/g, ' ');
  return body.split(/\s+/).filter((w) => /[A-Za-z0-9]/.test(w)).length;
}

/** The robot-stack example in the Compose chapter: the yaml block that declares a `name:`. */
function robotStackExample() {
  const fence = codeFences(source.compose).find((f) => f.lang === 'yaml' && /^name: /m.test(f.code));
  expect(fence, 'compose.mdx has the worked example (a yaml block with a top-level name:)').toBeDefined();
  return parse(fence!.code) as {
    services: Record<string, { network_mode?: string; devices?: string[]; volumes?: string[]; profiles?: string[]; privileged?: boolean }>;
    volumes?: Record<string, unknown>;
  };
}

describe('the course diagrams', () => {
  it('are valid', () => {
    for (const name of ['mounts', 'networks', 'robot-stack'] as const) {
      expect(stackProblems(name, stackDiagrams[name] as StackDiagramData), name).toEqual([]);
    }
  });

  it('mounts: a bind mount and a volume are kept on disk, tmpfs lives in memory', () => {
    const kinds = (col: number) => column('mounts', col).map((c) => c.kind);
    expect(kinds(0)).toEqual(['writable', 'bind-mount', 'bind-mount', 'host-disk']);
    expect(kinds(1)).toEqual(['writable', 'volume', 'volume', 'host-disk']);
    expect(kinds(2)).toEqual(['writable', 'tmpfs', 'tmpfs', 'memory']);
    // The same words the chapter's table uses.
    const labels = cells('mounts')
      .map((c) => c.label)
      .join(' | ');
    expect(labels).toMatch(/bind mount/);
    expect(labels).toMatch(/volume/);
    expect(labels).toMatch(/tmpfs/);
  });

  it('networks: only the host-network container bypasses Docker Engine', () => {
    const byLabel = new Map(
      cells('networks')
        .filter((c) => c.kind === 'container')
        .map((c) => [c.label, c.col]),
    );
    expect([...byLabel.keys()].sort()).toEqual(['db', 'plain run', 'ros-node', 'web']);
    for (const [label, col] of byLabel) {
      const below = column('networks', col).map((c) => c.kind);
      expect(below.at(-1), `${label} ends on the host interfaces`).toBe('infrastructure');
      expect(below.includes('engine'), `${label}: through Docker Engine (NAT)?`).toBe(label !== 'ros-node');
    }
    // web and db share one network box: the user-defined bridge, where names resolve.
    const [web, db] = [column('networks', byLabel.get('web')!)[1], column('networks', byLabel.get('db')!)[1]];
    expect(web && db && { row: web.row, col: web.col }).toEqual(db && { row: db.row, col: db.col });
    expect(web!.label).toMatch(/names resolve/);
  });

  it("robot-stack: draws the services, mounts and devices of the chapter's own example", () => {
    const example = robotStackExample();
    const services = Object.keys(example.services);
    const drawn = cells('robot-stack')
      .filter((c) => c.kind === 'container')
      .map((c) => c.label.split(':')[0]);
    expect(drawn.sort()).toEqual([...services].sort());
    // Every service is on the host network, as the diagram's network row says.
    for (const [name, s] of Object.entries(example.services)) expect(s.network_mode, name).toBe('host');
    expect(cells('robot-stack').find((c) => c.kind === 'network')?.label).toMatch(/network_mode: host/);
    // Devices, named volumes and the /data bind mount in the file are in the picture.
    const labels = cells('robot-stack').map((c) => `${c.kind}:${c.label}`);
    for (const s of Object.values(example.services)) {
      for (const d of s.devices ?? []) expect(labels).toContain(`device:${d.split(':')[0]}`);
      for (const v of s.volumes ?? []) {
        const src = v.split(':')[0]!;
        if (src.startsWith('/'))
          expect(
            labels.some((l) => l.startsWith('bind-mount:') && l.includes(src)),
            `${src} drawn as a bind mount`,
          ).toBe(true);
        else
          expect(
            labels.some((l) => l.startsWith('volume:') && l.includes(src)),
            `${src} drawn as a volume`,
          ).toBe(true);
      }
    }
    for (const v of Object.keys(example.volumes ?? {})) expect(labels.some((l) => l.startsWith('volume:') && l.includes(v))).toBe(true);
    // The profile the diagram names is the recorder's.
    const profiled = Object.entries(example.services).filter(([, s]) => s.profiles?.length);
    for (const [name, s] of profiled) expect(labels).toContain(`container:${name}: only with --profile ${s.profiles![0]}`);
    // The example takes the chapter's advice: no privileged service.
    expect(Object.values(example.services).some((s) => s.privileged)).toBe(false);
  });

  it('the descriptions name what the picture shows', () => {
    const d = (name: keyof typeof stackDiagrams) => stackDiagrams[name].description;
    for (const w of ['bind mount', 'named volume', 'tmpfs', 'memory']) expect(d('mounts')).toContain(w);
    for (const w of ['app-net', 'default bridge', '--network host', 'NAT']) expect(d('networks')).toContain(w);
    for (const s of Object.keys(robotStackExample().services)) expect(d('robot-stack')).toContain(s);
  });

  const base: StackDiagramData = {
    title: 'T',
    description: 'D',
    columns: 3,
    rows: [
      [
        { kind: 'volume', label: 'bags' },
        { kind: 'tmpfs', label: 'cache' },
        { kind: 'device', label: 'cam' },
      ],
    ],
  };
  it('accept the new kinds, and bad data still fails with a message that says what to fix', () => {
    expect(stackProblems('x', base)).toEqual([]);
    for (const k of ['container', 'network', 'bind-mount', 'volume', 'tmpfs', 'host-disk', 'memory', 'device']) expect(LAYER_KINDS).toContain(k);
    expect(stackProblems('x', { ...base, rows: [[{ kind: 'mount' as never, label: 'A', span: 3 }]] })[0]).toMatch(
      new RegExp(`Diagram "x" \\(src/data/diagrams.ts\\): row 1: unknown kind "mount" for "A"; expected one of .*bind-mount, volume, tmpfs`),
    );
    // A service name that cannot wrap does not fit a quarter of the width.
    expect(
      stackProblems('x', {
        ...base,
        columns: 4,
        rows: [
          [
            { kind: 'container', label: 'lane-follower' },
            { kind: 'container', label: 'b', span: 3 },
          ],
        ],
      })[0],
    ).toMatch(/the label "lane-follower" does not fit its box/);
    expect(() => placeStack('x', { ...base, rows: [[{ kind: 'volume', label: 'bags' }]] })).toThrow(/row 1 leaves 2 of 3 columns empty/);
  });
});

describe('Data and networks, and Compose', () => {
  it.each(slugs)('%s is between 800 and 2,500 words', (slug) => {
    const n = wordCount(source[slug]);
    expect(n).toBeGreaterThanOrEqual(800);
    expect(n).toBeLessThanOrEqual(2500);
  });

  it.each(slugs)('%s ends with its sources: links to the primary documents', (slug) => {
    expect(headings(source[slug]).at(-1)).toMatchObject({ depth: 3, id: 'sources' });
    const sources = source[slug].slice(source[slug].indexOf('{#sources}'));
    const links = [...sources.matchAll(/\]\((https:\/\/[^)\s]+)\)/g)].map((m) => m[1]!);
    expect(links.length).toBeGreaterThanOrEqual(4);
    for (const l of links) expect(l).toMatch(/^https:\/\/(docs\.docker\.com|github\.com\/duckietown)\//);
  });

  it.each(slugs)('%s numbers its figures and draws each from the data', (slug) => {
    const figs = [...source[slug].matchAll(/<Figure id="([^"]+)" number=\{(\d+)\} caption="([^"]+)">\s*<StackDiagram diagram="([^"]+)" \/>/g)];
    expect(figs.map((f) => ({ id: f[1], diagram: f[4] }))).toEqual(FIGURES[slug]);
    figs.forEach((f, i) => expect(Number(f[2])).toBe(i + 1));
  });

  it('every risky command has its warning next to it', () => {
    const warnedNear = (slug: Slug, pattern: RegExp, title: RegExp) => {
      const src = source[slug];
      const at = src.search(pattern);
      expect(at, `${pattern} appears in ${slug}`).toBeGreaterThan(-1);
      const around = src.slice(Math.max(0, at - 1500), at + 1500);
      expect(around, `a warning near ${pattern} in ${slug}`).toMatch(new RegExp(`<Aside type="(caution|danger)" title="[^"]*${title.source}`));
    };
    warnedNear('volumes-and-networks', /docker volume prune/, /prune/);
    warnedNear('volumes-and-networks', /-p 8080:80/, /-p without an address/);
    warnedNear('volumes-and-networks', /-v "\$PWD":\/out/, /bind mount/);
    warnedNear('compose', /privileged: true/, /privileged/);
    warnedNear('compose', /docker compose down -v/, /down -v/);
    warnedNear('compose', /docker\.sock/, /Docker socket/);
  });
});
