import { describe, expect, test } from 'vitest';
import { COMMAND_GROUPS, parseCommandsFile } from '~/schemas/command.ts';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { headings } from '~/lib/checks/content-lint.ts';
import { decodeEntities } from '~/lib/text/html-entities.ts';
import { dockerModel } from '../support/docker-model.ts';
import { tokenize } from '~/lib/docker/tokenize.ts';
import { anchorRedirects } from '~/lib/links/redirects.ts';
import {
  aliasAnchors,
  commandAnchor,
  REFERENCE_CHAPTER,
  findCommand,
  flagAnchor,
  flagLabel,
  groupCommands,
  inlineCode,
  referenceAnchors,
  referenceToc,
  topicAnchor,
} from '~/lib/reference/commands.ts';
import { loadCommands } from '../support/reference-data.ts';
import { ANCHORS_FILE } from '~/lib/links/published-anchors.ts';
import { cliFlagAnchors, cliFlagRows, cliFlagRowsHtml, modelCommandOf } from '~/lib/reference/flag-rows.ts';
import { referenceSynopses } from '~/lib/reference/synopsis.ts';
import { loadSources } from '~/lib/docker/data.ts';

const commands = loadCommands();

describe('anchors', () => {
  test('command, flag and topic anchors follow the published scheme', () => {
    const run = findCommand(commands, 'docker run')!;
    expect(commandAnchor(run)).toBe('docker-run');
    expect(flagAnchor(run, { long: '--privileged' })).toBe('docker-run-privileged');
    expect(topicAnchor(run, 'itd')).toBe('docker-run-itd');
    expect(flagLabel({ short: '-p', long: '--publish' })).toBe('-p, --publish');
  });

  test('every published reference anchor is still rendered (or redirected), and anchors are unique', () => {
    const { model } = dockerModel();
    const anchors = referenceAnchors(commands, (c) => cliFlagAnchors(c, model));
    expect(new Set(anchors).size).toBe(anchors.length);
    // The anchors instructors may have linked to come from the published list, not from this test.
    const rendered = new Set([
      ...anchors,
      ...[...aliasAnchors(commands, (c) => cliFlagAnchors(c, model)).values()].flat().map((a) => a.id),
      ...headings(readFileSync(`content/chapters/${REFERENCE_CHAPTER}.mdx`, 'utf8')).map((h) => h.id),
    ]);
    const published = readFileSync(ANCHORS_FILE, 'utf8')
      .split('\n')
      .filter((l) => l.startsWith(`/${REFERENCE_CHAPTER}/#`))
      .map((l) => l.slice(l.indexOf('#') + 1))
      .filter((a) => a !== '_top');
    expect(published.length).toBeGreaterThan(0);
    const gone = published.filter((a) => !rendered.has(a) && !(`/${REFERENCE_CHAPTER}/#${a}` in anchorRedirects));
    expect(gone).toEqual([]);
  });
});

describe('alias anchors', () => {
  test('links written with an alias or a mistake land on the right entry, never shadowing a real anchor', () => {
    const extra = [...aliasAnchors(commands).values()].flat();
    const byId = new Map(extra.map((a) => [a.id, a.target]));
    expect(byId.get('docker-images')).toBe('docker-image-ls');
    expect(byId.get('docker-rmi')).toBe('docker-image-rm');
    expect(byId.get('docker-image-details')).toBe('docker-image-inspect');
    expect(byId.get('docker-run-port')).toBe('docker-run-publish');
    expect(byId.get('docker-run-net')).toBe('docker-run-network');
    const real = new Set(referenceAnchors(commands));
    for (const a of extra) expect(real.has(a.id), a.id).toBe(false);
    expect(new Set(extra.map((a) => a.id)).size).toBe(extra.length);
  });
});

describe('lookups', () => {
  test('aliases lead to the entry', () => {
    expect(findCommand(commands, 'docker images')?.id).toBe('docker-image-ls');
    expect(findCommand(commands, 'docker image list')?.id).toBe('docker-image-ls');
    expect(findCommand(commands, 'docker  rmi')?.id).toBe('docker-image-rm');
    expect(findCommand(commands, 'docker rm')?.id).toBe('docker-container-rm');
  });
  test('--net is listed as a hidden alias of --network', () => {
    const network = findCommand(commands, 'docker run')!.flags.find((f) => f.long === '--network')!;
    expect(network.aliases).toEqual(['--net']);
  });
  test('system prune states its default behaviour', () => {
    const prune = findCommand(commands, 'docker system prune')!;
    expect(prune.summary).toMatch(/stopped containers.*networks not used.*dangling images.*build cache/);
    expect(prune.summary).toMatch(/Volumes and tagged images stay/);
  });
  test('--privileged and the socket carry their warnings, with narrower choices', () => {
    const run = findCommand(commands, 'docker run')!;
    const privileged = run.flags.find((f) => f.long === '--privileged')!;
    expect(privileged.caution).toMatch(/root/);
    expect(privileged.caution).toMatch(/--device.*--group-add.*--cap-add/);
    expect(run.topics.find((t) => t.id === 'docker-sock')!.caution).toMatch(/root on the host/);
  });
});

describe('every flag of every entry', () => {
  const { model } = dockerModel();
  const others = (c: (typeof commands)[number]) => cliFlagAnchors(c, model);
  test('each flag the CLI data has for an entry is either described or a row of its own, with an anchor; none twice', () => {
    let rows = 0;
    let described = 0;
    for (const c of commands) {
      const m = modelCommandOf(c, model);
      const flags = m.flags.filter((f) => !f.of && f.long !== '--help').map((f) => f.long);
      const cli = cliFlagRows(c, model).map((r) => r.long);
      // Every flag of the model is on the page exactly once: curated text or the CLI's row.
      expect([...c.flags.map((f) => f.long), ...cli].sort(), c.id).toEqual([...flags].sort());
      rows += cli.length;
      described += c.flags.length;
    }
    const anchors = referenceAnchors(commands, others);
    expect(new Set(anchors).size).toBe(anchors.length);
    // Alias and mistake anchors never take the id of a row (so pages that do not pass the rows agree).
    const aliases = [...aliasAnchors(commands).values()].flat().map((a) => a.id);
    expect(aliases.filter((a) => anchors.includes(a))).toEqual([]);
    expect(aliasAnchors(commands, others)).toEqual(aliasAnchors(commands));
    console.log(`reference flags: ${described} described + ${rows} from the CLI data = ${described + rows}, every one anchored`);
  });
  test('rows say what the data says: the description, hidden, deprecated, and the Engine version that lacks a flag', () => {
    const [old, current] = model.engines;
    const run = findCommand(commands, 'docker run')!;
    const rows = cliFlagRows(run, model);
    // --kernel-memory is in CLI 28.2 and gone in 29.7 (the captures and the tables say so).
    const kernel = rows.find((r) => r.long === '--kernel-memory')!;
    expect(kernel.missingIn).toEqual([current]);
    expect(cliFlagRowsHtml([kernel], current!)).toContain(`Not in ${current}.`);
    // A flag the 29.7 table adds is marked as missing from 28.2, and has no description in the data.
    const added = rows.find((r) => r.missingIn.includes(old!));
    if (added) expect(added.description).toBeUndefined();
    // A wrapped --help description is read whole.
    expect(rows.find((r) => r.long === '--device-read-bps')!.description).toBe('Limit read rate (bytes per second) from a device (default [])');
    // Hidden and deprecated flags of the plugin tables are marked.
    const marked = commands.flatMap((c) => cliFlagRows(c, model)).filter((r) => r.hidden || r.deprecated);
    for (const r of marked) expect(cliFlagRowsHtml([r], 'x')).toMatch(r.hidden ? /Hidden: --help does not list it/ : /Deprecated/);
    // A row with no description says where it comes from; text is escaped.
    expect(cliFlagRowsHtml([{ long: '--x', anchor: 'docker-x-x', hidden: false, deprecated: true, missingIn: [], type: 'a<b' }], 'Docker Compose 5.5.0')).toBe(
      '<tr><td><h4 id="docker-x-x"><code>--x</code></h4> <code data-pagefind-ignore>a&lt;b</code></td><td class="flag-nodesc" data-pagefind-ignore><strong>Deprecated.</strong> No description in the site\'s CLI data (Docker Compose 5.5.0 table: name, type, default only).</td></tr>',
    );
  });
  test("the robotics flags have curated text checked against Docker's documentation", () => {
    const run = findCommand(commands, 'docker run')!;
    const wanted = [
      '--shm-size',
      '--ipc',
      '--pid',
      '--ulimit',
      '--init',
      '--add-host',
      '--env-file',
      '--group-add',
      '--cap-add',
      '--cap-drop',
      '--security-opt',
      '--cpus',
      '--memory-swap',
      '--log-opt',
      '--stop-timeout',
    ];
    const health = modelCommandOf(run, model)
      .flags.filter((f) => f.long.startsWith('--health-'))
      .map((f) => f.long);
    expect(health.length).toBeGreaterThan(4);
    for (const long of [...wanted, ...health]) {
      const f = run.flags.find((x) => x.long === long);
      expect(f, `docker run ${long} has no curated text in content/reference/commands.yaml`).toBeDefined();
      expect(f!.source, `docker run ${long}: cite the page of docs.docker.com it was checked against`).toMatch(/^https:\/\/docs\.docker\.com\//);
    }
  });
});

describe('synopses come from the CLI data', () => {
  const sources = loadSources();
  test("an Engine entry gets its capture's Usage line, with its own spelling of the command", () => {
    const { synopses, problems } = referenceSynopses(commands, sources);
    expect(problems).toEqual([]);
    expect(synopses.get('docker-run')).toBe('docker run [OPTIONS] IMAGE [COMMAND] [ARG...]');
    expect(synopses.get('docker-ps')).toBe('docker ps [OPTIONS]');
    expect(synopses.get('docker-compose-up')).toBe(findCommand(commands, 'docker compose up')!.synopsis);
    // Only commands without a capture (Compose, Buildx) write one.
    const written = commands.filter((c) => c.synopsis).map((c) => c.name);
    expect(written.length).toBeGreaterThan(0);
    for (const name of written) expect(name, `${name} has a --help capture, so its synopsis must come from it`).toMatch(/^docker (compose|buildx)\b/);
  });
  test('a hand-written synopsis where a capture exists, a missing one, or one for another command fails with the entry named', () => {
    const { problems } = referenceSynopses(
      [
        { id: 'docker-ps', name: 'docker ps', synopsis: 'docker ps [OPTIONS]' },
        { id: 'docker-compose-up', name: 'docker compose up' },
        { id: 'docker-compose-ps', name: 'docker compose ps', synopsis: 'docker ps [OPTIONS]' },
      ],
      sources,
    );
    expect(problems).toEqual([
      expect.stringMatching(/commands\.yaml: "docker-ps": drop synopsis: it comes from the Usage line of `docker container ls --help`/),
      expect.stringMatching(/"docker-compose-up": add a synopsis .*no --help capture of docker compose up/),
      expect.stringMatching(/"docker-compose-ps": synopsis "docker ps \[OPTIONS\]" must start with the command, "docker compose ps"/),
    ]);
  });
});

describe('page structure', () => {
  test('groups in page order; the ToC lists groups and commands but no flags', () => {
    // Every group in COMMAND_GROUPS order; the published group anchors stay.
    expect(groupCommands(commands).map((g) => g.id)).toEqual(COMMAND_GROUPS.map((g) => g.id));
    for (const id of ['running-containers', 'managing-containers', 'images', 'clean-up', 'more-commands'])
      expect(
        COMMAND_GROUPS.map((g) => g.id),
        id,
      ).toContain(id);
    const toc = referenceToc(commands);
    expect(toc[0]).toEqual({ depth: 2, slug: 'running-containers', text: 'Running containers' });
    expect(toc[1]).toEqual({ depth: 3, slug: 'docker-run', text: 'docker run' });
    expect(toc.some((h) => h.slug === 'docker-run-privileged')).toBe(false);
  });
  test('inlineCode escapes and renders code spans', () => {
    // Code spans carry line-break hints (src/lib/markdown/inline-code.ts): a flag never breaks inside.
    expect(inlineCode('use `-p 80:80` & <not> --port')).toBe(
      'use <code><span class="nobr">-p</span> <span class="nobr">80:80</span></code> &amp; &lt;not&gt; --port',
    );
    expect(inlineCode('`--privileged`')).toBe('<code class="nobr">--privileged</code>');
  });
});

describe('bad data fails with the entry named', () => {
  const base = { name: 'docker ps', id: 'docker-ps', group: 'managing-containers', synopsis: 'docker ps [OPTIONS]', summary: 'List containers.', chapter: 'x' };
  const parse = (data: unknown) => () => parseCommandsFile(data, ['x']);
  test('duplicate ids', () => {
    expect(parse([base, base])).toThrow(/entry 2 "docker-ps" > id: duplicate id "docker-ps"/);
  });
  test('unknown related id', () => {
    expect(parse([{ ...base, related: ['docker-nope'] }])).toThrow(/"docker-ps": related id "docker-nope" is not a command/);
  });
  test('unknown chapter', () => {
    expect(parse([{ ...base, chapter: 'nope' }])).toThrow(/command "docker-ps": unknown chapter "nope"; use one of: x/);
  });
  test('flag without meaning', () => {
    expect(parse([{ ...base, flags: [{ short: '-a', long: '--all' }] }])).toThrow(/entry 1 "docker-ps" > flags\[0\] \(--all\) > meaning: meaning is required/);
  });
  test('id that does not match the name', () => {
    expect(parse([{ ...base, id: 'docker-container-ls' }])).toThrow(/id "docker-container-ls" does not match name "docker ps": it must be "docker-ps"/);
  });
  test('declared semantics that contradict the entry', () => {
    expect(parse([{ ...base, flags: [{ long: '--all', value: 'port-mapping', meaning: 'x' }] }])).toThrow(
      /entry 1 "docker-ps" > flags\[0\] \(--all\) > value: command "docker-ps": flag --all has value "port-mapping" but takes no value \(no arg\)/,
    );
    expect(parse([{ ...base, flags: [{ long: '--all', value: 'colour', arg: 'X', meaning: 'x' }] }])).toThrow(/value must be one of: port-mapping, volume/);
    expect(parse([{ ...base, flags: [{ long: '--all', risk: 'bad', meaning: 'x' }] }])).toThrow(/flag --all has a risk but no caution/);
    expect(parse([{ ...base, args: [{ name: 'X', meaning: 'x', role: 'thing' }] }])).toThrow(/role must be one of: image, container/);
    expect(
      parse([
        {
          ...base,
          args: [
            { name: 'A', meaning: 'x', rest: true },
            { name: 'B', meaning: 'y' },
          ],
        },
      ]),
    ).toThrow(/argument A has rest: true but is not the last argument/);
    expect(
      parse([
        {
          ...base,
          topics: [
            { id: 'a', role: 'docker-socket', title: 't', body: 'b' },
            { id: 'b', role: 'docker-socket', title: 't', body: 'b' },
          ],
        },
      ]),
    ).toThrow(/topics "a" and "b" both have role docker-socket/);
    expect(parse([{ ...base, flags: [{ long: '--all', meaning: 'x' }], hiddenFlags: { '--al': '--all' } }])).toThrow(
      /--all is described in flags, so put --al in its aliases instead of hiddenFlags/,
    );
  });
  test('an example with a prompt or curly quotes', () => {
    expect(parse([{ ...base, examples: [{ command: '$ docker ps', does: 'x' }] }])).toThrow(/must not start with a "\$ " prompt/);
    expect(parse([{ ...base, examples: [{ command: 'docker ps \u2013a', does: 'x' }] }])).toThrow(/plain ASCII/);
  });
});

/**
 * Every docker command used on the built pages has an entry in the reference. The commands are
 * read from the pages themselves (every `<code>` of dist/, inline and blocks) with the one
 * tokenizer, so a chapter that starts using `docker diff` fails here until the entry exists.
 * Needs a build (`npm run build`); skipped, and reported as skipped, without one.
 */
const DIST = 'dist';
describe('the reference covers every docker command the site uses', () => {
  test.skipIf(!existsSync(`${DIST}/index.html`))('every command in the code of dist/ has an entry in /commands/', () => {
    const { index } = dockerModel();
    const pages = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory()
          ? e.name === 'pagefind' || e.name === '_astro'
            ? []
            : pages(`${dir}/${e.name}`)
          : e.name.endsWith('.html')
            ? [`${dir}/${e.name}`]
            : [],
      );
    const used = new Map<string, Set<string>>();
    for (const file of pages(DIST)) {
      const html = readFileSync(file, 'utf8');
      for (const m of html.matchAll(/<code\b[^>]*>([\s\S]*?)<\/code>/g)) {
        const text = decodeEntities(m[1]!.replace(/<[^>]+>/g, ''));
        for (const line of text.split('\n')) {
          if (!/\bdocker\b/.test(line)) continue;
          for (const seg of tokenize(line, index).segments) {
            if (!seg.docker || !seg.command || seg.command === 'docker') continue;
            const page = file.slice(DIST.length).replace(/index\.html$/, '');
            used.set(seg.command, (used.get(seg.command) ?? new Set()).add(page));
          }
        }
      }
    }
    expect(used.size).toBeGreaterThan(10);
    const covered = (name: string) => {
      const c = index.byName.get(name);
      if (c?.anchor) return true;
      // A group (`docker compose`) is covered when one of its commands has an entry.
      return (index.children.get(name) ?? []).some((k) => index.byName.get(`${name} ${k}`)?.anchor);
    };
    const missing = [...used]
      .sort(([a], [b]) => a.localeCompare(b))
      .filter(([name]) => !covered(name))
      .map(([name, where]) => `${name} (used on ${[...where].sort().join(', ')}): add an entry to ${'content/reference/commands.yaml'}`);
    expect(missing).toEqual([]);
  });
});
