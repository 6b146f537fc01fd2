/**
 * Bad input must fail, with a message that names the file and what is wrong. Each case is a tiny
 * fixture in tests/fixtures/bad/: a chapter for the content lint and the docker flag check, a built
 * site for the link checker, and one real Astro site whose chapter has invalid frontmatter.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeFences, COPYABLE_LANGUAGES, formatProblems, lintChapter } from '../../src/lib/checks/content-lint.ts';
import { checkLinks, formatLinkProblems, readSite } from '../../src/lib/links/link-check.ts';
import { checkDockerCommandLine } from '../support/docker-model.ts';
import { parseYamlFile } from '../../src/lib/reference/yaml-file.ts';

const BAD = 'tests/fixtures/bad';
const chapter = (name: string) => `${BAD}/chapters/${name}.mdx`;
const lint = (name: string) => formatProblems(lintChapter(chapter(name), readFileSync(chapter(name), 'utf8')));

describe('content lint rejects bad chapters, naming file, line and problem', () => {
  it('an unknown code-fence language', () => {
    expect(lint('unknown-fence-language')).toContain(`${chapter('unknown-fence-language')}:9  unknown code-fence language "dockerfil"`);
  });

  it('a "$ " prompt in a bash block', () => {
    expect(lint('prompt-in-bash')).toContain(`${chapter('prompt-in-bash')}:9  line 1 of the code starts with a "$ " prompt`);
  });

  it('a smart dash in copyable code', () => {
    expect(lint('smart-dash')).toMatch(new RegExp(`${chapter('smart-dash')}:9  line 1 of the code has a en dash \\(–\\) U\\+2013`));
  });

  it('a no-break space in copyable code', () => {
    expect(lint('no-break-space')).toContain(`${chapter('no-break-space')}:9  line 1 of the code has a no-break space U+00A0`);
  });

  it('a zero-width character in copyable code (console blocks too)', () => {
    expect(lint('zero-width')).toContain(`${chapter('zero-width')}:9  line 1 of the code has a zero-width space U+200B`);
  });

  it('a setext heading (Title over -----), which would get an unstable automatic id', () => {
    expect(lint('setext-heading')).toContain(
      `${chapter('setext-heading')}:11  heading "Running containers" is underlined (setext); write it as \`## Running containers {#some-id}\``,
    );
  });

  it('a root prompt in a bash block (root@pi:~# and a bare "# ")', () => {
    const out = lint('root-prompt');
    expect(out).toContain(`${chapter('root-prompt')}:9  line 1 of the code starts with a "root@pi:~# " prompt`);
    expect(out).toContain(`${chapter('root-prompt')}:13  line 1 of the code starts with a "# " root prompt before a command`);
  });

  it('a raw <script> in a chapter (inline code is fine)', () => {
    expect(lint('raw-script')).toBe(
      `${chapter('raw-script')}\n  ${chapter('raw-script')}:11  raw <script> in a chapter: the site's CSP blocks it; use a component from ~/components/mdx, or show it in a code fence`,
    );
  });

  it('a raw <iframe> in a chapter', () => {
    expect(lint('raw-iframe')).toContain(`${chapter('raw-iframe')}:11  raw <iframe> in a chapter`);
  });

  it('non-ASCII in a dockerfile block', () => {
    expect(lint('non-ascii-dockerfile')).toContain(`${chapter('non-ascii-dockerfile')}:9  line 2 of the code has a en dash (–) U+2013`);
  });

  it('non-ASCII in a yaml block', () => {
    expect(lint('non-ascii-yaml')).toContain(`${chapter('non-ascii-yaml')}:9  line 5 of the code has a curly quote (“) U+201C`);
  });

  it('a duplicate heading id', () => {
    expect(lint('duplicate-heading-id')).toContain(
      `${chapter('duplicate-heading-id')}:11  duplicate heading id "#images" (first used on line 7)`,
    );
  });
});

describe('docker command examples are checked against the docker CLI', () => {
  it('an unknown flag names the file, line, command and flag', () => {
    const file = chapter('unknown-flag');
    const source = readFileSync(file, 'utf8');
    const problems = codeFences(source)
      .filter((f) => COPYABLE_LANGUAGES.has(f.lang))
      .flatMap((f) => f.code.split('\n').flatMap((l, i) => checkDockerCommandLine(l, `${file}:${f.line + 1 + i}`)));
    expect(problems).toEqual([`${file}:10: \`docker run --port 8080:80 nginx\`: docker run has no flag --port`]);
  });
});

describe('a YAML syntax error in the command reference names the file, line and column', () => {
  const cases: Array<[string, RegExp]> = [
    ['bad-indentation', /^tests\/fixtures\/bad\/yaml\/bad-indentation\.yaml:[23]:\d+: YAML syntax error: /],
    ['tab', /^tests\/fixtures\/bad\/yaml\/tab\.yaml:3:1: YAML syntax error: .*[Tt]ab/],
    ['repeated-key', /^tests\/fixtures\/bad\/yaml\/repeated-key\.yaml:3:3: YAML syntax error: Map keys must be unique/],
  ];
  it.each(cases)('%s', (name, expected) => {
    const file = `${BAD}/yaml/${name}.yaml`;
    expect(() => parseYamlFile(readFileSync(file, 'utf8'), file)).toThrow(expected);
  });
  it('a valid file parses', () => {
    expect(parseYamlFile('- id: docker-ps\n  summary: List containers\n', 'x.yaml')).toEqual([{ id: 'docker-ps', summary: 'List containers' }]);
  });
});

describe('the link checker rejects broken links, naming page and link', () => {
  it('a link to a missing page and a link to a missing anchor', () => {
    const problems = checkLinks(readSite(`${BAD}/links/dist`), { label: `${BAD}/links/dist/` });
    expect(formatLinkProblems(problems)).toBe(
      [
        `${BAD}/links/dist/chapter/index.html: link to /chapter/#volumes: no element with id "volumes" on /chapter/`,
        `${BAD}/links/dist/index.html: link to /missing-page/: no such page`,
      ].join('\n'),
    );
  });
});

describe('invalid frontmatter fails the build', () => {
  it('names the file and the field (a real astro build of a tiny fixture site)', () => {
    const root = resolve(`${BAD}/frontmatter`);
    const out = mkdtempSync(join(tmpdir(), 'docker-basics-bad-fm-'));
    const bin = resolve('node_modules/.bin');
    try {
      const r = spawnSync(join(bin, 'astro'), ['build'], {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, PATH: `${bin}:${process.env['PATH']}`, OUT_DIR: join(out, 'dist'), ASTRO_CACHE_DIR: join(out, 'cache'), NO_COLOR: '1', FORCE_COLOR: '0' },
        timeout: 120_000,
      });
      const output = `${r.stdout}\n${r.stderr}`;
      expect(r.status, output).not.toBe(0);
      expect(output).toContain('bad-frontmatter data does not match collection schema');
      expect(output).toMatch(/order: order is required: the chapter position as a whole number/);
      expect(output).toContain('tests/fixtures/bad/frontmatter/content/chapters/bad-frontmatter.md');
    } finally {
      rmSync(out, { recursive: true, force: true });
      rmSync(join(root, '.astro'), { recursive: true, force: true });
      rmSync(join(root, 'node_modules'), { recursive: true, force: true });
    }
  });
});
