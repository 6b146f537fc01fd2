import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { buildVocabulary, editDistance, MAX_CORRECTED, Speller } from '../../src/lib/search/spelling.ts';

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and swaps', () => {
    expect(editDistance('daemon', 'daemon')).toBe(0);
    expect(editDistance('deamon', 'daemon')).toBe(1); // swap
    expect(editDistance('dokcer', 'docker')).toBe(1); // swap
    expect(editDistance('privilaged', 'privileged')).toBe(1); // substitution
    expect(editDistance('contianer', 'container')).toBe(1); // swap
    expect(editDistance('contaner', 'container')).toBe(1); // deletion
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });
  it('stops early above max', () => {
    expect(editDistance('kitten', 'sitting', 1)).toBe(2);
    expect(editDistance('a', 'abcdef', 2)).toBe(3);
  });
});

describe('buildVocabulary', () => {
  it('lists words of 2+ letters, most frequent first', () => {
    const v = buildVocabulary(['The daemon runs. The daemon listens on docker.sock', 'Docker images']);
    expect(v.words.split(' ').slice(0, 3)).toEqual(['daemon', 'docker', 'the']);
    expect(v.words).toContain('sock');
    expect(v.words).toMatch(/\bon\b/);
    expect(v.words.split(' ')).not.toContain('a');
  });
});

describe('Speller', () => {
  const speller = new Speller(['docker', 'container', 'containers', 'daemon', 'privileged', 'image', 'images', 'remove', 'port', 'socket', 'sort']);
  it('suggests the closest word for typos', () => {
    expect(speller.suggest('deamon')).toBe('daemon');
    expect(speller.suggest('dokcer')).toBe('docker');
    expect(speller.suggest('contianer')).toBe('container');
    expect(speller.suggest('privilaged')).toBe('privileged');
  });
  it('leaves known words, stems, numbers and short words alone', () => {
    expect(speller.suggest('docker')).toBeUndefined();
    expect(speller.suggest('removing')).toBeUndefined();
    expect(speller.suggest('removal')).toBeUndefined();
    expect(speller.suggest('ports')).toBeUndefined();
    expect(speller.suggest('8080')).toBeUndefined();
    expect(speller.suggest('rm')).toBeUndefined();
  });
  it('treats a word still being typed as known', () => {
    expect(speller.suggest('conta', true)).toBeUndefined();
    expect(speller.correct('docker conta')).toBeUndefined();
  });
  it('rates rare words higher than frequent ones, flags and unknown words highest', () => {
    expect(speller.rarity('docker')).toBeLessThan(speller.rarity('sort'));
    expect(speller.rarity('ports')).toBe(speller.rarity('port'));
    expect(speller.rarity('--rm')).toBe(1);
    expect(speller.rarity('kubernetes')).toBe(1);
  });
  it('gives up when nothing is close', () => {
    expect(speller.suggest('kubernetes')).toBeUndefined();
  });
  it('allows two edits only inside long words, not a different ending', () => {
    const sp = new Speller(['different', 'privileged']);
    expect(sp.suggest('difference')).toBeUndefined();
    expect(sp.suggest('privelaged')).toBe('privileged');
  });
  it('does not "correct" a real word it lacks into a different word: compounds of known words', () => {
    const sp = new Speller(['multi', 'state', 'platform', 'read', 'only', 'health', 'check', 'docker', 'file', 'privileged', 'daemon']);
    expect(sp.correct('multi-stage')).toBeUndefined(); // not multi-state
    expect(sp.correct('multi-stage build')).toBeUndefined();
    expect(sp.correct('read-onyl')).toBeUndefined(); // a compound with a known part is left as typed
    expect(sp.correct('healthcheck')).toBeUndefined();
    expect(sp.correct('dockerfile')).toBeUndefined();
    expect(sp.correct('stage')).toBe('state'); // alone, an unknown word is still corrected
    expect(sp.correct('--privilaged')).toBe('--privileged');
    expect(sp.correct('deamon-file')).toBeUndefined();
  });
  it('stays fast on a pasted log: at most MAX_CORRECTED look-ups, no work on giant words', () => {
    const vocab = buildVocabulary([
      readFileSync(new URL('../../content/chapters/troubleshooting.mdx', import.meta.url), 'utf8'),
      readFileSync(new URL('../../content/reference/commands.yaml', import.meta.url), 'utf8'),
    ]);
    const sp = new Speller(vocab);
    const junk = Array.from({ length: 3000 }, (_, i) => `qwv${'abcdefghij'[i % 10]}zzkx${i % 97}`).join(' ');
    for (const q of [junk, `${'a'.repeat(50_000)} ${'b'.repeat(50_000)}`, 'contianer '.repeat(3000)]) {
      const t = performance.now();
      sp.correct(q);
      const ms = performance.now() - t;
      expect(ms, `correct() took ${ms.toFixed(0)} ms on ${q.length} characters`).toBeLessThan(1000);
    }
    expect(MAX_CORRECTED).toBeLessThanOrEqual(10);
  });
  it('corrects queries, keeping flag dashes and other words', () => {
    expect(speller.correct('--privilaged')).toBe('--privileged');
    expect(speller.correct('deamon socket')).toBe('daemon socket');
    expect(speller.correct('remove contianer')).toBe('remove container');
    expect(speller.correct('docker image')).toBeUndefined();
  });
});

import { indexedText } from '../../src/lib/search/spelling.ts';
describe('indexedText', () => {
  it('keeps only the data-pagefind-body element, without ignored parts', () => {
    const html =
      '<html><nav>Sidebar words</nav><article class="content" data-pagefind-body><h1>Daemon</h1><article>inner</article><a class="anchor-link" data-pagefind-ignore>Link to section</a><p>The <code>docker.sock</code> socket</p></article><footer>Footer</footer></html>';
    const t = indexedText(html);
    expect(t).toContain('Daemon');
    expect(t).toContain('inner');
    expect(t).toContain('docker.sock');
    expect(t).not.toContain('Sidebar');
    expect(t).not.toContain('Footer');
    expect(t).not.toContain('Link to section');
  });
  it('is empty for pages that are not indexed', () => {
    expect(indexedText('<html><main>Search</main></html>')).toBe('');
  });
});
