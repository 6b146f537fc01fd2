import { describe, expect, it } from 'vitest';
import {
  FLAG_VALUE_KINDS,
  MAX_QUERY_CHARS,
  MAX_QUERY_WORDS,
  capQuery,
  flagsForValues,
  matchStrength,
  mergePageData,
  queryTerms,
  rankSections,
  significantTerms,
  snapshotPageData,
  toSectionHits,
  withHighlight,
  type PagefindResultData,
  COMMON_RARITY,
  flagUsage,
  highlightWords,
  pathParts,
} from '../../src/lib/search/ranking.ts';
import { loadCommands } from '../../src/lib/reference/load.ts';
import { VALUE_SHAPES } from '../../src/lib/docker/kinds.ts';
import { loadModel } from '../support/reference-data.ts';

/** A page as Pagefind's data() returns it, from sections of text (the first is the h1). */
function page(url: string, sections: Array<{ id: string; el: string; title: string; text: string; weight?: number }>): PagefindResultData {
  const words: string[] = [];
  const subs = sections.map((s) => {
    const start = words.length;
    const own = `${s.title} ${s.text}`.split(/\s+/).filter(Boolean);
    words.push(...own);
    const locations = own.map((_, i) => start + i);
    const titleLen = s.title.split(/\s+/).length;
    return {
      title: s.title,
      url: `${url}#${s.id}`,
      excerpt: s.text,
      anchor: { element: s.el, id: s.id, location: start },
      locations,
      weighted_locations: locations.map((l) => ({ location: l, weight: l - start < titleLen ? (s.weight ?? 6) : 1, balanced_score: 1 })),
    };
  });
  const anchors = subs.map((sub) => ({ element: sub.anchor.element, id: sub.anchor.id, text: sub.title, location: sub.anchor.location }));
  return { url, excerpt: '', content: words.join(' '), meta: { title: sections[0]!.title }, sub_results: subs, anchors };
}

describe('query words', () => {
  it('are normalised: case, sentence punctuation; flags and paths kept', () => {
    expect(queryTerms('Conflict. The "/bot" --rm, docker.sock:')).toEqual(['conflict', 'the', '/bot', '--rm', 'docker.sock']);
  });
  it('lose stop words unless nothing else is left', () => {
    expect(significantTerms('remove all stopped containers')).toEqual(['remove', 'stopped', 'containers']);
    expect(significantTerms('the')).toEqual(['the']);
  });
  it('drop "vs" as a comparison word, and keep a Compose subcommand that is a stop word', () => {
    expect(significantTerms('COPY vs ADD')).toEqual(['copy', 'add']);
    expect(significantTerms('docker compose up -d')).toEqual(['docker', 'compose', 'up', '-d']);
    expect(significantTerms('docker compose down -v')).toEqual(['docker', 'compose', 'down', '-v']);
    expect(significantTerms('stop up to three containers')).toEqual(['stop', 'three', 'containers']);
  });
});

describe('matchStrength', () => {
  it('grades exact words, stems, compound words and parts', () => {
    expect(matchStrength('--rm', '--rm')).toBe(1);
    expect(matchStrength('Containers,', 'container')).toBe(0.9);
    expect(matchStrength('/var/run/docker.sock:', 'docker.sock')).toBe(0.9);
    expect(matchStrength('docker.sock', 'sock')).toBe(0.4);
    expect(matchStrength('--rm', 'rm')).toBe(0.4);
    expect(matchStrength('-aG', '-a')).toBe(0);
    expect(matchStrength('running', 'run')).toBe(0.9);
  });
});

describe('flags are names: case and spelling matter', () => {
  it('keeps the case of a one-letter flag only', () => {
    expect(queryTerms('-T -t -P --Volume -itd Docker')).toEqual(['-T', '-t', '-P', '--volume', '-itd', 'docker']);
  });
  it('matches a flag only as spelled, never by stem or case', () => {
    expect(matchStrength('--volumes', '--volume')).toBe(0);
    expect(matchStrength('--volumes', '--volume', true)).toBe(0.8); // still being typed
    expect(matchStrength('--volume', '--volume')).toBe(1);
    expect(matchStrength('-T,', '-t')).toBe(0);
    expect(matchStrength('-T,', '-T')).toBe(1);
    expect(matchStrength('-P', '-p')).toBe(0);
  });
});

describe('a bare flag lands under the command the course uses it with', () => {
  // A reference where `-v` is a flag of three commands, and a chapter whose examples use it.
  const reference = page('/commands/', [
    { id: '_top', el: 'h1', title: 'Commands', text: 'Every docker command.' },
    { id: 'docker-container-rm', el: 'h3', title: 'docker container rm', text: 'Remove containers: docker rm -v old', weight: 10 },
    { id: 'docker-container-rm-volumes', el: 'h4', title: '-v, --volumes', text: 'Remove anonymous volumes with the container.', weight: 10 },
    { id: 'docker-run', el: 'h3', title: 'docker run', text: 'Create and start a container.', weight: 10 },
    { id: 'docker-run-volume', el: 'h4', title: '-v, --volume', text: 'Bind mount a volume.', weight: 10 },
    { id: 'docker-compose-exec', el: 'h3', title: 'docker compose exec', text: 'Run a command in a service.', weight: 10 },
    { id: 'docker-compose-exec-no-tty', el: 'h4', title: '-T, --no-tty', text: 'No pseudo-TTY.', weight: 10 },
    { id: 'docker-buildx-build', el: 'h3', title: 'docker buildx build', text: 'Build with BuildKit.', weight: 10 },
    { id: 'docker-buildx-build-tag', el: 'h4', title: '-t, --tag', text: 'Name the image.', weight: 10 },
    { id: 'docker-build', el: 'h3', title: 'docker build', text: 'Build an image.', weight: 10 },
    { id: 'docker-build-tag', el: 'h4', title: '-t, --tag', text: 'Name the image.', weight: 10 },
  ]);
  const chapter = page('/volumes/', [
    {
      id: '_top',
      el: 'h1',
      title: 'Volumes',
      text: 'Run docker run -v /data:/data ubuntu and docker run --rm -v "$(pwd)":/src img, then docker build -t me/app:v1 . and docker -H robot run -d -v logs:/logs img',
    },
  ]);
  const top = (q: string) => rankSections([reference, chapter], q)[0]?.sub.url;

  it('counts the uses per command, as written', () => {
    expect(Object.fromEntries(flagUsage([reference, chapter], '-v'))).toEqual({ rm: 1, run: 3 });
    expect(Object.fromEntries(flagUsage([reference, chapter], '-t'))).toEqual({ build: 1 });
    expect(Object.fromEntries(flagUsage([reference, chapter], '-T'))).toEqual({});
  });
  it("ranks that command's flag first, the others after it", () => {
    const urls = rankSections([reference, chapter], '-v').map((s) => s.sub.url);
    expect(urls[0]).toBe('/commands/#docker-run-volume');
    expect(urls).toContain('/commands/#docker-container-rm-volumes');
  });
  it('tells -t from -T and --volume from --volumes', () => {
    expect(top('-t')).toBe('/commands/#docker-build-tag'); // not buildx build's: `docker build -t` is what the course types
    expect(top('-T')).toBe('/commands/#docker-compose-exec-no-tty');
    expect(top('--volume')).toBe('/commands/#docker-run-volume');
    expect(top('--volumes')).toBe('/commands/#docker-container-rm-volumes');
  });
});

describe('a page without headings (a tool page)', () => {
  it('is titled by its title, so a query of its title words finds it', () => {
    const tool: PagefindResultData = {
      url: '/explain/',
      excerpt: '',
      content: 'The explainer explains a docker command line.',
      meta: { title: 'Explain a command' },
      sub_results: [{ title: 'Explain a command', url: '/explain/', excerpt: '', locations: [2, 5], weighted_locations: [] }],
      anchors: [],
    };
    const chapter = page('/troubleshooting/', [
      { id: '_top', el: 'h1', title: 'Troubleshooting', text: 'Errors.' },
      { id: 'unknown-flag', el: 'h2', title: 'Unknown flags', text: 'Explain it. Then every command says so: command, command.' },
    ]);
    expect(rankSections([chapter, tool], 'explain command')[0]?.sub.url).toBe('/explain/');
  });
});

describe('words inside paths and file names', () => {
  it('are looked up by the parts of the last path segment', () => {
    expect(pathParts(['daemon.json'])).toEqual(['daemon', 'json']);
    expect(pathParts(['/etc/docker/daemon.json'])).toEqual(['daemon', 'json']);
    expect(pathParts(['/tmp/.x11-unix'])).toEqual(['x11', 'unix']);
    expect(pathParts(['docker', 'compose.yaml'])).toEqual(['compose', 'yaml']);
  });
  it('leave flags, port mappings, key=value pairs and plain words alone', () => {
    expect(pathParts(['--net=host', '8080:80', 'type=bind,src=/data', 'docker', '-itd', '127.0.0.1'])).toEqual([]);
  });
  it('are matched inside the whole word of the page', () => {
    const robot = page('/robot-hardware/', [
      { id: '_top', el: 'h1', title: 'Robot hardware', text: 'Hardware.' },
      { id: 'jetson-gpu', el: 'h3', title: 'On the Jetson', text: 'The daemon reads /etc/docker/daemon.json: at start.' },
      { id: 'x11', el: 'h3', title: 'X11 on Linux', text: 'Mount -v /tmp/.X11-unix:/tmp/.X11-unix:ro and set DISPLAY.' },
    ]);
    expect(rankSections([robot], 'daemon.json')[0]?.sub.url).toBe('/robot-hardware/#jetson-gpu');
    expect(rankSections([robot], '.X11-unix')[0]?.sub.url).toBe('/robot-hardware/#x11');
  });
});

describe('a page\'s rank factor (Pagefind meta "rank")', () => {
  it('puts the chapter section that teaches a term before the glossary entry that defines it', () => {
    const chapter = page('/images-and-containers/', [
      { id: '_top', el: 'h1', title: 'Images, containers and registries', text: 'Images.' },
      { id: 'layers', el: 'h2', title: 'Images and layers', text: 'An image is a stack of layers; each layer is a set of changes.' },
    ]);
    const glossary = page('/glossary/', [
      { id: '_top', el: 'h1', title: 'Glossary', text: 'Docker words.' },
      { id: 'layer', el: 'h2', title: 'layer', text: 'One read-only set of filesystem changes in an image.' },
    ]);
    // Without the factor the glossary's one-word heading wins; with it the chapter does.
    expect(rankSections([glossary, chapter], 'layers')[0]?.sub.url).toBe('/glossary/#layer');
    glossary.meta['rank'] = '0.4';
    expect(rankSections([glossary, chapter], 'layers')[0]?.sub.url).toBe('/images-and-containers/#layers');
    expect(rankSections([glossary, chapter], 'layers').map((s) => s.sub.url)).toContain('/glossary/#layer');
  });
});

describe('rankSections', () => {
  const reference = page('/commands/', [
    { id: '_top', el: 'h1', title: 'Commands', text: 'Every docker command.' },
    { id: 'docker-ps', el: 'h3', title: 'docker ps', text: 'List containers. Search terms: list containers.', weight: 10 },
    { id: 'docker-ps-all', el: 'h4', title: '-a, --all', text: 'Also list stopped containers.', weight: 10 },
    { id: 'docker-container-prune', el: 'h3', title: 'docker container prune', text: 'Search terms: remove all stopped containers.', weight: 10 },
  ]);
  const chapter = page('/troubleshooting/', [
    { id: '_top', el: 'h1', title: 'Troubleshooting', text: 'When docker says no.' },
    { id: 'port-allocated', el: 'h2', title: 'Port is already allocated', text: 'Bind for 0.0.0.0:8080 failed: port is already allocated.' },
  ]);
  const top = (q: string) => rankSections([chapter, reference], q)[0]?.sub.url;

  it('finds a flag under its command (the command words come from the parent heading)', () => {
    expect(top('docker ps -a')).toBe('/commands/#docker-ps-all');
    expect(top('docker ps')).toBe('/commands/#docker-ps');
  });
  it('prefers the section whose words stand together as in the query', () => {
    expect(top('remove stopped containers')).toBe('/commands/#docker-container-prune');
  });
  it('ranks across pages, not page by page', () => {
    expect(top('port is already allocated')).toBe('/troubleshooting/#port-allocated');
  });
  it('counts rare words more than common ones', () => {
    const rarity = (t: string) => (t === 'docker' ? 0.01 : 1);
    expect(rankSections([chapter, reference], 'docker prune', rarity)[0]?.sub.url).toBe('/commands/#docker-container-prune');
  });
});

describe('toSectionHits', () => {
  it('links each hit to its section with the searched words for highlighting', () => {
    const p = page('/troubleshooting/', [
      { id: '_top', el: 'h1', title: 'Troubleshooting', text: 'Errors.' },
      { id: 'no-space', el: 'h2', title: 'No space left on device', text: 'Free disk space.' },
    ]);
    const [hit] = toSectionHits([p], { highlight: 'disk space' });
    expect(hit).toMatchObject({ url: '/troubleshooting/?hl=disk+space#no-space', pageTitle: 'Troubleshooting', section: 'No space left on device' });
  });
  it('keeps a page without sections at all, at the end', () => {
    const p: PagefindResultData = { url: '/x/', excerpt: 'x', meta: { title: 'X' }, sub_results: [] };
    expect(toSectionHits([p], { highlight: 'xx' })).toMatchObject([{ url: '/x/?hl=xx', section: undefined }]);
  });
  it('drops a page none of whose sections has a query word (Pagefind matched a word start: "xyzzy")', () => {
    const p = page('/troubleshooting/', [
      { id: '_top', el: 'h1', title: 'Troubleshooting', text: 'Errors.' },
      { id: 'x11', el: 'h2', title: 'Cannot open display', text: 'X11 forwarding with xhost.' },
    ]);
    expect(toSectionHits([p], { highlight: 'xyzzy' })).toEqual([]);
  });
  it('says which command a flag belongs to, like a breadcrumb', () => {
    const ref = page('/commands/', [
      { id: '_top', el: 'h1', title: 'Command reference', text: 'Every command.' },
      { id: 'running', el: 'h2', title: 'Running containers', text: 'Start them.' },
      { id: 'docker-run', el: 'h3', title: 'docker run', text: 'Create a container.', weight: 10 },
      { id: 'docker-run-detach', el: 'h4', title: '-d, --detach', text: 'Run in the background; -itd bundles it.', weight: 10 },
    ]);
    const hit = toSectionHits([ref], { highlight: '-itd' }).find((h) => h.section === '-d, --detach');
    expect(hit?.trail).toEqual(['Command reference', 'Running containers', 'docker run']);
    // Also when the headings above do not match the query (Pagefind returns only matching sections).
    const only = { ...ref, sub_results: ref.sub_results!.filter((s) => s.anchor?.id === 'docker-run-detach') };
    expect(toSectionHits([only], { highlight: 'background' })[0]?.trail).toEqual(['Command reference', 'Running containers', 'docker run']);
  });
});

describe('the words a result page marks', () => {
  // `docker` and `container` are on every page; `allocated` and `8080` are not.
  const rarity = (t: string) => (({ docker: 0.01, container: 0.04, port: 0.2 }) as Record<string, number>)[t] ?? 1;
  it('leave out words on nearly every page of the site', () => {
    expect(highlightWords('docker: Error response from daemon: container web port is already allocated', rarity)).toBe(
      'error response daemon web port already allocated',
    );
    expect(rarity('container')).toBeLessThan(COMMON_RARITY);
  });
  it('keep the common words when the query has nothing else', () => {
    expect(highlightWords('docker container', rarity)).toBe('docker container');
  });
  it('are the ones the result links carry', () => {
    const p = page('/troubleshooting/', [
      { id: '_top', el: 'h1', title: 'Troubleshooting', text: 'Errors.' },
      { id: 'port-allocated', el: 'h2', title: 'Port is already allocated', text: 'docker container port allocated' },
    ]);
    expect(toSectionHits([p], { highlight: 'docker port allocated', rarity })[0]?.url).toBe('/troubleshooting/?hl=port+allocated#port-allocated');
  });
});

describe('withHighlight', () => {
  it('adds the significant words before the fragment, under any base path', () => {
    expect(withHighlight('/docker-basics/commands/#docker-run', '--rm -it')).toBe('/docker-basics/commands/?hl=--rm+-it#docker-run');
    expect(withHighlight('/a/', '  ')).toBe('/a/');
    expect(withHighlight('/a/', 'how do I remove the container')).toBe('/a/?hl=remove+container');
  });
});

/** Words as a student pastes them: a log of `n` characters. */
const paste = (n: number) => {
  const words = [
    'error',
    'response',
    'from',
    'daemon:',
    'container',
    'abc123',
    'failed',
    'the',
    'socket',
    '/var/run/docker.sock:',
    'permission',
    'denied',
    'xqzt',
  ];
  let out = '';
  for (let i = 0; out.length < n; i++) out += `${words[i % words.length]}${i % 7 === 0 ? i : ''} `;
  return out.slice(0, n);
};

describe('a long paste is capped, linear and bounded', () => {
  it('searches the first MAX_QUERY_WORDS words and says it left the rest out', () => {
    const c = capQuery(paste(10_000));
    expect(c.truncated).toBe(true);
    expect(c.words).toBe(MAX_QUERY_WORDS);
    expect(c.text.length).toBeLessThanOrEqual(MAX_QUERY_CHARS);
    expect(capQuery('docker run -it ubuntu')).toEqual({ text: 'docker run -it ubuntu', words: 4, truncated: false });
  });
  it('caps one enormous word too', () => {
    const c = capQuery('x'.repeat(100_000));
    expect(c).toMatchObject({ words: 1, truncated: true });
    expect(c.text.length).toBe(MAX_QUERY_CHARS);
  });
  it('ranks a paste of 10,000 to 100,000 characters as its first words: the same hits, for the same work', () => {
    const sections = Array.from({ length: 400 }, (_, i) => ({
      id: `s${i}`,
      el: i ? 'h3' : 'h1',
      title: `docker thing${i}`,
      text: paste(300 + (i % 5) * 40),
    }));
    const big = page('/commands/', sections);
    /** Rank with a rarity that counts its calls: one per query word and per heading word ranked, so words past the cap would add calls. */
    const rank = (query: string) => {
      let calls = 0;
      const rarity = (word: string) => (calls++, word.length % 3 ? 0.5 : 0.1);
      const hits = toSectionHits([big], { highlight: query, rarity });
      return { hits, calls };
    };
    const capped = rank(capQuery(paste(10_000)).text);
    expect(capped.hits.length).toBeGreaterThan(0);
    for (const n of [10_000, 30_000, 100_000]) {
      const q = paste(n);
      expect(capQuery(q).text, `${n} characters`).toBe(capQuery(paste(10_000)).text);
      const { hits, calls } = rank(q);
      expect(calls, `${n} characters`).toBe(capped.calls);
      expect(hits, `${n} characters`).toEqual(capped.hits);
      expect(hits[0]!.url.length).toBeLessThan(300);
    }
  });
});

describe('a flag value lands on the flag that takes it', () => {
  it('recognises device paths, port mappings, mount specs and restart policies', () => {
    expect(flagsForValues(['/dev/video0'])).toEqual(['--device']);
    expect(flagsForValues(['/dev/ttyusb0:/dev/ttyusb0'])).toEqual(['--device']);
    expect(flagsForValues(['8080:80'])).toEqual(['--publish']);
    expect(flagsForValues(['127.0.0.1:8080:80/tcp'])).toEqual(['--publish']);
    expect(flagsForValues(['type=bind,src=/data,dst=/data'])).toEqual(['--mount']);
    expect(flagsForValues(['unless-stopped'])).toEqual(['--restart']);
    expect(flagsForValues(['on-failure:3'])).toEqual(['--restart']);
    expect(flagsForValues(['-p', '8080:80', '--publish'])).toEqual([]);
    expect(flagsForValues(['docker', 'run', '/var/run/docker.sock', 'ubuntu:22.04', 'always'])).toEqual([]);
  });
  it('names flags that declare that kind of value in the docker model', () => {
    const commands = loadCommands();
    const run = loadModel().commands.find((c) => c.name === 'docker run')!;
    for (const k of FLAG_VALUE_KINDS) {
      const shape = VALUE_SHAPES.find((v) => v.flag === k.flag)!;
      expect(run.flags.find((f) => f.long === k.flag)?.value, `${k.kind}: docker run ${k.flag} does not take a ${shape.kind} value in the model`).toBe(
        shape.kind,
      );
    }
    // The restart policies the search recognises are the ones the reference names.
    const restart = commands.flatMap((c) => c.flags).find((f) => f.long === '--restart')!;
    for (const policy of ['unless-stopped', 'on-failure']) expect(restart.meaning).toContain(policy);
  });
});

describe('merging one page from several searches', () => {
  it('unions matched locations per section and keeps copies', () => {
    const a = page('/p/', [{ id: '_top', el: 'h1', title: 'P', text: 'one two' }]);
    const b = snapshotPageData(a);
    b.sub_results![0]!.locations = [9];
    b.sub_results![0]!.weighted_locations = [{ location: 9, weight: 1, balanced_score: 1 }];
    const merged = mergePageData([snapshotPageData(a), b]);
    expect(merged.sub_results![0]!.locations).toEqual([0, 1, 2, 9]);
    expect(a.sub_results![0]!.locations).toEqual([0, 1, 2]);
  });
});
