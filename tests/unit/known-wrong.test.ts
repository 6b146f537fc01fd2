/**
 * The known-wrong list (content/reference/known-wrong.yaml) as the build applies it
 * (src/lib/checks/known-wrong.ts): every chapter passes, every entry catches its own examples,
 * a correction next to a wrong statement passes, an end-of-life tag fails from its date on, every
 * text field of the command reference passes the prose rules, and a bad file fails naming the
 * entry and the field.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it, test } from 'vitest';
import { checkKnownWrong, parseKnownWrong, sentencesOf, statesWrong } from '../../src/lib/checks/known-wrong.ts';
import { loadCommands } from '../support/reference-data.ts';

const FILE = 'content/reference/known-wrong.yaml';
const data = parseKnownWrong(readFileSync(FILE, 'utf8'), FILE);
const today = new Date().toISOString().slice(0, 10);
const chapters = readdirSync('content/chapters').filter((f) => f.endsWith('.mdx'));

describe('the chapters', () => {
  it.each(chapters)('%s states nothing on the known-wrong list and uses no end-of-life tag', (f) => {
    const file = `content/chapters/${f}`;
    expect(checkKnownWrong(file, readFileSync(file, 'utf8'), data, today).map((p) => `${p.file}:${p.line} ${p.message}`)).toEqual([]);
  });
});

describe('the list', () => {
  test('has statements and tags', () => {
    expect(data.statements.length).toBeGreaterThan(5);
    expect(data.tags.length).toBeGreaterThan(2);
  });

  it.each(data.statements.map((s) => [s.id, s] as const))('%s catches its examples, in a chapter as the build reads it', (_id, s) => {
    for (const example of s.examples) {
      const chapter =
        s.in === 'code'
          ? `---\ntitle: T\n---\n\n\`\`\`${s.languages?.[0] ?? 'bash'}\n${example}\n\`\`\`\n`
          : `---\ntitle: T\n---\n\nIntro line.\n\n${example}\n`;
      const problems = checkKnownWrong('fixture.mdx', chapter, { statements: [s], tags: [] }, today);
      expect(problems, example).toHaveLength(1);
      expect(problems[0]!.line).toBe(s.in === 'code' ? 6 : 7);
      expect(problems[0]!.message).toContain(s.id);
    }
  });

  test('a sentence that corrects the statement, or the next one that does, passes', () => {
    const windows = data.statements.find((s) => s.id === 'windows-10-docker-desktop')!;
    expect(statesWrong(windows, 'It needs Windows 10 22H2.')).toBe(true);
    expect(statesWrong(windows, 'Windows 10 is no longer supported.')).toBe(false);
    expect(statesWrong(windows, 'It ran on Windows 10.', 'That is not true any more.')).toBe(false);
    const api = data.statements.find((s) => s.id === 'api-minimum-engine-29')!;
    expect(statesWrong(api, 'Docker Engine 29 refuses clients below API 1.44.')).toBe(true);
    expect(statesWrong(api, 'Docker Engine 29.0 to 29.2 refuse clients below API 1.44, and 29.3 lowered it to 1.40.')).toBe(false);
  });

  test('an end-of-life tag fails from its date on, in prose and in code, and names the line', () => {
    const tag = data.tags.find((t) => t.pattern.includes('nginx'))!;
    const chapter = '---\ntitle: T\n---\n\nRun `nginx:1.27` here.\n\n```bash\ndocker run -d nginx:1.27\ndocker run -d nginx:1.30\n```\n';
    const due = checkKnownWrong('x.mdx', chapter, { statements: [], tags: [tag] }, tag.since);
    expect(due.map((p) => p.line)).toEqual([5, 8]);
    expect(due[0]!.message).toMatch(/nginx:1\.27: nginx 1\.29 and older.*, past its support since/);
    expect(checkKnownWrong('x.mdx', chapter, { statements: [], tags: [tag] }, '2000-01-01')).toEqual([]);
    // A prose line that names the old tag to correct it passes; a code line never does.
    expect(checkKnownWrong('x.mdx', 'Do not use `nginx:1.27`.\n', { statements: [], tags: [tag] }, tag.since)).toEqual([]);
  });

  test('sentences keep their line numbers across wrapped paragraphs and code blocks', () => {
    const src = '---\ntitle: T\n---\n\nFirst sentence. Second\nsentence here.\n\n```bash\necho Windows 10\n```\n\nThird.\n';
    expect(sentencesOf(src).map((s) => [s.line, s.sentence])).toEqual([
      [5, 'First sentence.'],
      [5, 'Second sentence here.'],
      [12, 'Third.'],
    ]);
  });
});

describe('the command reference', () => {
  test('no text field of commands.yaml states a known-wrong statement', () => {
    const strings = (v: unknown, path: string): Array<[string, string]> =>
      typeof v === 'string'
        ? [[path, v]]
        : Array.isArray(v)
          ? v.flatMap((x, i) => strings(x, `${path}[${i}]`))
          : v && typeof v === 'object'
            ? Object.entries(v).flatMap(([k, x]) => strings(x, `${path}.${k}`))
            : [];
    const prose = data.statements.filter((s) => s.in === 'prose');
    const found = loadCommands().flatMap((c) =>
      strings(c, c.id).flatMap(([path, text]) =>
        sentencesOf(text).flatMap((s) => prose.filter((p) => statesWrong(p, s.sentence, s.next)).map((p) => `${path}: ${p.id}: ${s.sentence}`)),
      ),
    );
    expect(found).toEqual([]);
  });
});

describe('a bad list fails naming the entry and the field', () => {
  const entry = "  - id: x\n    what: a thing\n    pattern: 'bad thing'\n    source: https://docs.docker.com/\n    examples: ['a bad thing here']\n";
  test('a valid entry parses', () => {
    expect(parseKnownWrong(`statements:\n${entry}`, 'k.yaml').statements[0]!.id).toBe('x');
  });
  test('a pattern that does not compile', () => {
    expect(() => parseKnownWrong(`statements:\n${entry.replace("'bad thing'", "'bad ('")}`, 'k.yaml')).toThrow(
      /k\.yaml has 1 problem.*\n.*statements\[0\] \(x\) > pattern: pattern is not a valid regular expression/,
    );
  });
  test('an example its pattern does not catch', () => {
    expect(() => parseKnownWrong(`statements:\n${entry.replace('a bad thing here', 'all fine')}`, 'k.yaml')).toThrow(
      /statements \(x\) > examples: "all fine" is not caught/,
    );
  });
  test('a missing source, a bad date, an unknown key, a YAML error', () => {
    expect(() => parseKnownWrong(`statements:\n${entry.replace(/ {4}source:.*\n/, '')}`, 'k.yaml')).toThrow(/statements\[0\] \(x\) > source/);
    expect(() => parseKnownWrong("tags:\n  - { pattern: '^a:1$', what: old a, since: soon, source: https://example.org/a }\n", 'k.yaml')).toThrow(
      /tags\[0\] \(\^a:1\$\) > since: since must be a date/,
    );
    expect(() => parseKnownWrong(`statements:\n${entry}    colour: red\n`, 'k.yaml')).toThrow(/statements\[0\] \(x\)/);
    expect(() => parseKnownWrong('statements:\n  - id: x\n   what: y\n', 'k.yaml')).toThrow(/^k\.yaml: /);
  });
});
