import { describe, expect, it } from 'vitest';
import { codeFences, formatProblems, headings, lintChapter, lintCopyableCode, suggestId } from '../../src/lib/checks/content-lint.ts';

const doc = (body: string) => `---\ntitle: T\ndescription: A description long enough.\norder: 1\n---\n\n${body}\n`;
const messages = (body: string) => lintChapter('content/chapters/x.mdx', doc(body)).map((p) => `${p.line}: ${p.message}`);

describe('lintChapter', () => {
  it('accepts a clean chapter', () => {
    expect(messages('## Intro {#intro}\n\nText with `--privileged` and an em dash — in prose.\n\n```bash\ndocker ps -a\n```')).toEqual([]);
  });
  it('rejects an unknown code-fence language, naming the line and the allowed ones', () => {
    const [m] = messages('```bsh\ndocker ps\n```');
    expect(m).toMatch(/^7: unknown code-fence language "bsh"; use one of: bash, sh/);
  });
  it('rejects a fence without a language', () => {
    expect(messages('```\nls\n```')[0]).toMatch(/code fence has no language/);
  });
  it('rejects headings without an explicit id and duplicate ids', () => {
    const ms = messages('## One {#one}\n\n## Two\n\n### Three {#one}');
    expect(ms).toEqual([
      expect.stringMatching(/^9: heading "Two" has no explicit id; write it as `## Two \{#two\}`/),
      expect.stringMatching(/^11: duplicate heading id "#one" \(first used on line 7\)/),
    ]);
  });
  it('ignores headings inside code fences', () => {
    expect(messages('```bash\n## not a heading\n```')).toEqual([]);
  });
  it('rejects a flag typed with a smart dash in prose', () => {
    expect(messages('Run it with \u2014privileged to see.')[0]).toMatch(/"\u2014privileged" looks like a flag typed with a smart dash/);
    expect(messages('Use \u2013rm for one-off runs.')[0]).toMatch(/smart dash/);
  });
  it('rejects non-ASCII inside inline code', () => {
    expect(messages('Use `docker run \u2013d` here.')).toContainEqual(expect.stringMatching(/inline code `docker run \u2013d` contains a en dash/));
  });
  it('rejects a $ prompt and non-ASCII characters in copyable blocks', () => {
    expect(messages('```bash\n$ docker ps\n```')[0]).toMatch(/starts with a "\$ " prompt/);
    expect(messages('```bash\ndocker run\u00a0--rm ubuntu\n```')[0]).toMatch(/no-break space U\+00A0/);
    expect(messages('```bash\ndocker ps\u200b\n```')[0]).toMatch(/zero-width space U\+200B/);
    expect(messages('```console\n$ docker ps\nCONTAINER ID\n```')).toEqual([]);
  });
});

describe('lintChapter: mistakes that used to pass', () => {
  it('rejects setext headings (=== and ---) but not a thematic break, a table or frontmatter', () => {
    expect(messages('Title\n=====\n\nSub title\n---')).toEqual([
      expect.stringMatching(/^7: heading "Title" is underlined \(setext\); write it as `## Title \{#some-id\}`/),
      expect.stringMatching(/^10: heading "Sub title" is underlined \(setext\)/),
    ]);
    expect(messages('Text.\n\n---\n\nMore.')).toEqual([]);
    expect(messages('| a | b |\n|---|---|\n| 1 | 2 |')).toEqual([]);
    expect(messages('- item\n---')).toEqual([]);
    expect(messages('```yaml\nkey: value\n---\n```')).toEqual([]);
  });
  it('rejects root and user@host prompts in shell blocks, keeps plain comments', () => {
    expect(messages('```bash\nroot@pi:~# docker ps\n```')[0]).toMatch(/^7: line 1 of the code starts with a "root@pi:~# " prompt/);
    expect(messages('```sh\nduckie@robot:~/lab$ docker ps\n```')[0]).toMatch(/starts with a "duckie@robot:~\/lab\$ " prompt/);
    expect(messages('```bash\n# docker ps\n```')[0]).toMatch(/starts with a "# " root prompt before a command/);
    expect(messages('```bash\n# sudo systemctl restart docker\n```')[0]).toMatch(/root prompt/);
    expect(messages('```console\n# docker ps\nCONTAINER ID\n```')[0]).toMatch(/root prompt/);
    expect(messages('```bash\n# List the running containers:\ndocker ps\n```')).toEqual([]);
    expect(messages('```console\n$ cat Dockerfile\n# syntax=docker/dockerfile:1\n```')).toEqual([]);
  });
  it('rejects raw <script>, <iframe>, <object> and <embed> outside code, not inside it', () => {
    expect(messages('<script src="/x.js"></script>')[0]).toMatch(/^7: raw <script> in a chapter/);
    expect(messages('Watch: <iframe src="x"></iframe>')[0]).toMatch(/raw <iframe>/);
    expect(messages('<OBJECT data="x"></OBJECT>')[0]).toMatch(/raw <object>/);
    expect(messages('<embed src="x">')[0]).toMatch(/raw <embed>/);
    expect(messages('Never paste a `<script>` tag.')).toEqual([]);
    expect(messages('```text\n<script>alert(1)</script>\n```')).toEqual([]);
  });
  it('checks dockerfile and yaml blocks for non-ASCII (not json or text)', () => {
    expect(messages('```dockerfile\nRUN apt-get install \u2013y curl\n```')[0]).toMatch(/^7: line 1 of the code has a en dash/);
    expect(messages('```yml\nimage: \u201cnginx\u201d\n```')[0]).toMatch(/curly quote/);
    expect(messages('```text\nnaïve output\n```')).toEqual([]);
    expect(messages('```dockerfile\n# $ is fine in a Dockerfile\nRUN echo $HOME\n```')).toEqual([]);
  });
});

describe('helpers', () => {
  it('codeFences returns language, line and code', () => {
    expect(codeFences('a\n```yaml title="x"\nk: v\n```\n')).toEqual([
      { lang: 'yaml', meta: 'title="x"', line: 2, endLine: 4, code: 'k: v', closed: true, marker: '```' },
    ]);
    expect(codeFences('a\n```bash\nls\n')).toEqual([{ lang: 'bash', meta: '', line: 2, endLine: 4, code: 'ls\n', closed: false, marker: '```' }]);
    // A fence with a language never closes a block (CommonMark); a longer opener keeps shorter fences as code.
    expect(codeFences('````md\n```bash\nls\n```\n````').map((f) => [f.line, f.endLine, f.closed])).toEqual([[1, 5, true]]);
  });
  it('headings reads explicit ids', () => {
    expect(headings('---\n# comment: not a heading\n---\n## A b {#ab}\n### C {#c .x}\n#### D')).toEqual([
      { depth: 2, id: 'ab', text: 'A b', line: 4, attributes: '{#ab}' },
      { depth: 3, id: 'c', text: 'C', line: 5, attributes: '{#c .x}' },
      { depth: 4, id: undefined, text: 'D', line: 6 },
    ]);
  });
  it('lintCopyableCode allows prompts only in console blocks', () => {
    expect(lintCopyableCode('$ ls', 'console')).toEqual([]);
    expect(lintCopyableCode('$ ls', 'sh')).toHaveLength(1);
  });
  it('formatProblems groups problems under their file', () => {
    const out = formatProblems([
      { file: 'a.mdx', line: 3, message: 'm1' },
      { file: 'b.mdx', line: 1, message: 'm2' },
      { file: 'a.mdx', line: 9, message: 'm3' },
    ]);
    expect(out).toBe('a.mdx\n  a.mdx:3  m1\n  a.mdx:9  m3\nb.mdx\n  b.mdx:1  m2');
  });
});

describe('lintChapter: what Markdown would swallow or misread', () => {
  it('a fence a longer opener keeps as code, and a heading in a text block after a closed fence, pass', () => {
    expect(messages('````text\n```bash\ndocker ps\n```\n````')).toEqual([]);
    expect(messages('```text\nsample output\n```\n\n## Next {#next}')).toEqual([]);
  });
  it('a chapter over the size limit fails naming the way out, before any other rule', () => {
    const big = doc(`## Intro {#intro}\n\n${'Some text. '.repeat(20_000)}`);
    expect(lintChapter('content/chapters/big.mdx', big).map((p) => `${p.line}: ${p.message}`)).toEqual([
      expect.stringMatching(/^1: the chapter is 220 KB; a chapter may be at most 200 KB of source: split it into several chapters/),
    ]);
  });
  it('ids suggested from the heading text are valid ids', () => {
    expect(suggestId('3 ways to run `docker run`')).toBe('ways-to-run-docker-run');
    expect(suggestId('Images & layers')).toBe('images-layers');
    expect(suggestId('42')).toBe('section');
  });
});
