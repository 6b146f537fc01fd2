/**
 * Bad input must fail, with a message that names the file and what is wrong. Each case is a tiny
 * fixture in tests/fixtures/bad/: chapters for the content lint (chapters/), a course with one
 * author mistake a chapter for every content check of the build (course/), YAML files, and two
 * real Astro sites: one whose chapter has invalid frontmatter, one whose chapter fails the content
 * checks. The built-site check has its fixture in tests/build/links.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import mdxRenderer from '@astrojs/mdx/server.js';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { formatProblems, lintChapter } from '../../src/lib/checks/content-lint.ts';
import { checkContent } from '../../src/lib/checks/check-content.ts';
import { chapterSchema } from '../../src/schemas/chapter.ts';
import { publishStaged } from '../../src/integrations/staged-output.ts';
import { parseYamlFile } from '../../src/lib/reference/yaml-file.ts';

const BAD = 'tests/fixtures/bad';

// <Exercise> reads the course's exercises through the content collections, which Vitest does not
// load: give it the same exercises, read from content/ with the docker model.
vi.mock('~/lib/exercises/course-exercises.ts', async (importOriginal) => {
  const { loadExercises } = await import('~/lib/exercises/catalogue.ts');
  const { dockerModel } = await import('../support/docker-model.ts');
  return { ...(await importOriginal<object>()), courseExercises: async () => loadExercises(dockerModel().index) };
});
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
    expect(lint('duplicate-heading-id')).toContain(`${chapter('duplicate-heading-id')}:11  duplicate heading id "#images" (first used on line 7)`);
  });
});

/**
 * The build's content checks over tests/fixtures/bad/course/: each file is a complete chapter
 * (good.mdx) with one author mistake, and must fail with exactly these problems, each naming the
 * file and the line. One run, as the build runs it (src/integrations/lint-content.ts).
 */
describe("the build's content checks reject each author mistake, naming the file and the line", () => {
  const dir = `${BAD}/course`;
  const { problems, chapters } = checkContent({ root: process.cwd(), chaptersDir: resolve(dir), today: '2026-12-06' });
  const of = (name: string) => problems.filter((p) => p.file === `${dir}/${name}`).map((p) => `${p.line}: ${p.message}`);
  const expected: Record<string, RegExp[]> = {
    'good.mdx': [],
    'unclosed-fence-middle.mdx': [/^9: the code block opened here is never closed: line 12 starts a heading \(## Demo \{#demo\}\) inside it/],
    'unclosed-bash-fence.mdx': [/^11: the code block opened here is never closed: line 14 starts a heading/],
    'link-missing-anchor.mdx': [
      /^11: link to "\.\.\/good\/#set-up": .*good\.mdx has no heading, figure or tab with id "set-up"/,
      /^11: link to "#nothing-here": /,
    ],
    'link-missing-chapter.mdx': [/^11: link to "\.\.\/networking\/": there is no chapter "networking"/],
    'javascript-link.mdx': [/^11: link to "javascript:alert\(1": javascript: links run code/],
    'http-link.mdx': [
      /^11: link to "http:\/\/docs\.docker\.com\/get-started\/" uses http:\/\/; link with https:\/\//,
      /^13: link to "http:\/\/hub\.docker\.com\/" uses http:\/\//,
    ],
    'img-without-alt.mdx': [/^11: raw <img> without alt text/],
    'heading-id-tab-panel.mdx': [/^12: tab panel id "os-ubuntu" is already used on line 9/],
    'tabs-without-label.mdx': [/^11: <Tabs> has no label: it is the accessible name/],
    'filetree-without-label.mdx': [/^11: <FileTree> has no label/],
    'duplicate-figure-number.mdx': [/^15: <Figure> number=\{1\}: this is figure 2 of the chapter;.*write number=\{2\}/],
    'second-title.mdx': [/^9: heading "Another title" is a second title/, /^13: heading "Details" has no explicit id; write it as `#### Details \{#details\}`/],
    'bad-heading-ids.mdx': [
      /^9: heading "My heading": \{#My Heading\} is not one id .*write `\{#my-heading\}`/,
      /^11: heading "Images": id "Images" is not valid \(it has upper-case letters\).*\{#images\}/,
      /^13: heading "Run and remove": id "run_and_remove" is not valid \(it has "_"\).*\{#run-and-remove\}/,
      /^15: heading "3 ways to run": id "3-ways" is not valid \(it starts with a digit\).*\{#ways-to-run\}/,
    ],
    'repeated-question.mdx': [/^25: self-check question "What does docker ps list\?" is already asked on line 21/],
    'wrong-statement.mdx': [/^11: states a known-wrong fact \(containers described as virtual machines\)/],
    'end-of-life-tag.mdx': [/^14: ros:noetic \(ROS 1 .*\) reached end of life on 2025-05-31/],
    'docker-flags.mdx': [
      /^13: the code block uses "--port", listed as a mistake/,
      /^14: `docker run --kernel-memory 1g ubuntu`: docker run --kernel-memory is not in Docker CLI 29\.\d+\.\d+ \(only in Docker CLI 28\./,
      /^15: `docker run --port 8080:80 nginx`: docker run has no flag --port/,
    ],
    'no-hands-on.mdx': [/^9: a chapter ends with two sections: `## Hands-on \{#hands-on\}`/],
    'empty-chapter.mdx': [/^1: the chapter has no content after its frontmatter/],
    'duplicate-order-a.mdx': [/^4: order 98 is also the order of .*duplicate-order-b\.mdx/],
    'duplicate-order-b.mdx': [/^4: order 98 is also the order of .*duplicate-order-a\.mdx/],
    'markdown-chapter.md': [/^1: chapters are MDX files: rename it to markdown-chapter\.mdx/],
  };
  it('every fixture is listed here, so none is left unchecked', () => {
    expect(Object.keys(expected).sort()).toEqual(readdirSync(dir).sort());
    expect(chapters).toBe(readdirSync(dir).filter((f) => f.endsWith('.mdx')).length);
  });
  it.each(Object.entries(expected))('%s', (name, want) => {
    const got = [...of(name)].sort((a, b) => parseInt(a) - parseInt(b));
    expect(got.length, got.join('\n')).toBe(want.length);
    want.forEach((re, i) => expect(got[i]).toMatch(re));
  });
});

/**
 * A component's own checks (what only the rendered component can know: a Tabs group's children, a
 * FileTree's list, an exercise id) name the chapter file, the line and the column of the tag. Each
 * fixture in tests/fixtures/bad/components/ is a chapter with one such mistake, compiled by the
 * project's MDX pipeline (the Vitest config is the site's Vite config) and rendered as its page.
 */
describe("a component's errors name the file, line and column of its tag", () => {
  const dir = `${BAD}/components`;
  const fixtures = import.meta.glob<{ default: Parameters<AstroContainer['renderToString']>[0] }>('../fixtures/bad/components/*.mdx');
  const expected: Record<string, [string, RegExp]> = {
    'tabs-one-item.mdx': ['10:1', /<Tabs id="install"> needs at least two <TabItem> children, found 1/],
    'tabitem-bad-value.mdx': ['16:3', /<TabItem label="Windows"> has value "Win 11"; .* e\.g\. value="win-11"/],
    'filetree-not-a-list.mdx': ['10:1', /<FileTree label="The project folder"> must hold one Markdown list/],
    'figure-without-caption.mdx': ['10:1', /<Figure id="fig-stack"> needs a caption="…" that says what the figure shows/],
    'exercise-unknown-id.mdx': [
      '12:1',
      /<Exercise id="compose-up-backgroun"> names no exercise of content\/exercises\/compose\.yaml \(its ids: compose-up-background, /,
    ],
    'stack-diagram-unknown.mdx': [
      '11:3',
      /<StackDiagram> has diagram="layer-cake": src\/data\/diagrams\.ts has no such diagram; write one of diagram="containers", /,
    ],
    'aside-unknown-type.mdx': ['10:1', /<Aside> has type="warning"; write one of type="note", type="tip", type="caution", type="danger"/],
    'subfigure-bad-label.mdx': ['12:3', /<SubFigure> has label="B"; the label is one lower-case letter/],
    'selfcheck-without-answer.mdx': ['10:9', /<SelfCheck question="Does a container boot its own kernel\?"> has no answer/],
  };
  /** The message the page's render fails with (rendered as /compose/, whose exercises the exercise fixture names). */
  const renderError = async (name: string) => {
    const container = await AstroContainer.create();
    container.addServerRenderer({ name: 'astro:jsx', renderer: mdxRenderer });
    const page = await fixtures[`../fixtures/bad/components/${name}`]!();
    return container.renderToString(page.default, { request: new Request('http://localhost/compose/') }).then(
      () => 'rendered without an error',
      (e: Error) => e.message,
    );
  };
  it('every fixture is listed here, so none is left unchecked', () => {
    expect(Object.keys(expected).sort()).toEqual(readdirSync(dir).sort());
  });
  it.each(Object.entries(expected))('%s', async (name, [at, message]) => {
    const error = await renderError(name);
    expect(error.startsWith(`${dir}/${name}:${at}: <`), error).toBe(true);
    expect(error).toMatch(message);
  });
});

describe('frontmatter messages say what is wrong with the value', () => {
  const base = { title: 'A title', description: 'A description long enough.', order: 1 };
  const issues = (data: object) => {
    const r = chapterSchema.safeParse(data);
    return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  };
  it('a number where text belongs is not "required"', () => {
    expect(issues({ ...base, title: 12345 })).toEqual([
      'title: title must be text, but it is the number 12345 (write it in quotes if it is text: title: "12345")',
    ]);
    expect(issues({ ...base, order: 'two' })).toEqual(['order: order must be a whole number, 1 for the first chapter, but it is the string two']);
    expect(issues({ description: base.description, order: 1 })).toEqual([
      'title: title is required: the chapter title as a short phrase, e.g. "What is Docker?"',
    ]);
  });
  it('a control character in the title or description (it would break the link-preview image)', () => {
    expect(issues({ ...base, title: 'Red\u001b[31m title' })).toEqual([
      'title: title contains a control character (a tab, an escape or a line break); remove it',
    ]);
    expect(issues({ ...base, description: 'A description\twith a tab in it.' })).toEqual([
      'description: description contains a control character (a tab, an escape or a line break); remove it',
    ]);
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
  it('one tab in commands.yaml prints the right first error and a count, not thousands of follow-on errors', () => {
    const lines = readFileSync('content/reference/commands.yaml', 'utf8').split('\n');
    const at = lines.findIndex((l, i) => i > 20 && /^ {4}\S/.test(l));
    lines[at] = `\t${lines[at]}`;
    let message = '';
    try {
      parseYamlFile(lines.join('\n'), 'content/reference/commands.yaml');
    } catch (e) {
      message = (e as Error).message;
    }
    const out = message.split('\n');
    expect(out[0]).toMatch(new RegExp(`^content/reference/commands\\.yaml:${at + 1}:1: YAML syntax error: .*\\btabs?\\b`, 'i'));
    expect(out.length).toBeLessThanOrEqual(7);
    expect(message).toMatch(/\.\.\.and \d+ more error\(s\) after these, most of them caused by the first/);
    for (const l of out) expect(l.length).toBeLessThan(260);
  });
  it('a valid file parses', () => {
    expect(parseYamlFile('- id: docker-ps\n  summary: List containers\n', 'x.yaml')).toEqual([{ id: 'docker-ps', summary: 'List containers' }]);
  });
});

/**
 * `astro build` of a fixture site in tests/fixtures/bad/, into a temporary folder (dist/ and the
 * cache) that `cleanUp` removes with what the build left in the fixture. Returns its exit status
 * and everything it printed.
 */
function fixtureSite(name: string) {
  const root = resolve(`${BAD}/${name}`);
  const out = mkdtempSync(join(tmpdir(), `docker-basics-${name}-`));
  const bin = resolve('node_modules/.bin');
  const build = (env: Record<string, string> = {}) => {
    const r = spawnSync(join(bin, 'astro'), ['build'], {
      cwd: root,
      encoding: 'utf8',
      env: {
        ...process.env,
        PATH: `${bin}:${process.env['PATH']}`,
        OUT_DIR: join(out, 'dist'),
        ASTRO_CACHE_DIR: join(out, 'cache'),
        NO_COLOR: '1',
        FORCE_COLOR: '0',
        ...env,
      },
      timeout: 120_000,
    });
    return { status: r.status, output: `${r.stdout}\n${r.stderr}` };
  };
  const cleanUp = () => {
    rmSync(out, { recursive: true, force: true });
    rmSync(join(root, '.astro'), { recursive: true, force: true });
    rmSync(join(root, 'node_modules'), { recursive: true, force: true });
  };
  return { out, build, cleanUp };
}

describe('invalid frontmatter fails the build', () => {
  it('names the file and the field (a real astro build of a tiny fixture site)', () => {
    const site = fixtureSite('frontmatter');
    try {
      const { status, output } = site.build();
      expect(status, output).not.toBe(0);
      expect(output).toContain('bad-frontmatter data does not match collection schema');
      expect(output).toMatch(/order: order must be a whole number, 1 for the first chapter, but it is the string two/);
      expect(output).toContain('tests/fixtures/bad/frontmatter/content/chapters/bad-frontmatter.md');
    } finally {
      site.cleanUp();
    }
  });
});

describe('the content checks run in the build', () => {
  it('astro build of a site with an unclosed fence fails naming the file and line (tests/fixtures/bad/lint-site)', () => {
    const site = fixtureSite('lint-site');
    try {
      const { status, output } = site.build();
      expect(status, output).not.toBe(0);
      expect(output).toContain('tests/fixtures/bad/lint-site/content/chapters/unclosed-fence-middle.mdx:9  the code block opened here is never closed');
    } finally {
      site.cleanUp();
    }
  });
});

describe('a failed build never leaves a half-built site where it is served', () => {
  it('a page that fails to render leaves the previous dist/ as it was (tests/fixtures/bad/render-site)', () => {
    const site = fixtureSite('render-site');
    const { out } = site;
    // `astro build`, then the last post-build step (src/build/steps.ts) when it succeeded.
    const build = (env: Record<string, string>) => {
      const r = site.build(env);
      if (r.status === 0) publishStaged(join(out, 'dist'));
      return r;
    };
    try {
      const good = build({ BUILD_MARK: 'one' });
      expect(good.status, good.output).toBe(0);
      expect(readFileSync(join(out, 'dist/index.html'), 'utf8')).toContain('Build one');
      expect(readdirSync(out).sort()).toEqual(['cache', 'dist']);

      const bad = build({ BUILD_MARK: 'two', FAIL_RENDER: '1' });
      expect(bad.status).not.toBe(0);
      expect(bad.output).toContain('This page failed to render');
      // The site that is served is still the whole previous one; the failed build is beside it.
      expect(readFileSync(join(out, 'dist/index.html'), 'utf8')).toContain('Build one');
      expect(readdirSync(join(out, 'dist')).sort()).toEqual(['index.html', 'second']);
      expect(readdirSync(out).sort()).toEqual(['cache', 'dist', 'dist.building']);

      const again = build({ BUILD_MARK: 'three' });
      expect(again.status).toBe(0);
      expect(readFileSync(join(out, 'dist/index.html'), 'utf8')).toContain('Build three');
      expect(readdirSync(out).sort()).toEqual(['cache', 'dist']);
    } finally {
      site.cleanUp();
    }
  });

  it('publishing refuses an output folder that is the project folder', () => {
    const here = process.cwd();
    const tmp = mkdtempSync(join(tmpdir(), 'docker-basics-publish-'));
    try {
      process.chdir(tmp);
      mkdirSync(`${tmp}.building`);
      expect(() => publishStaged(tmp)).toThrow(/is the project folder or above it: the staged build stays in/);
    } finally {
      process.chdir(here);
      rmSync(tmp, { recursive: true, force: true });
      rmSync(`${tmp}.building`, { recursive: true, force: true });
    }
  });
});
