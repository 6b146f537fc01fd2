/**
 * The page conventions' building blocks: "Last updated" dates from git (none for uncommitted work,
 * none and a clear status in a shallow clone), the SITE_REPO links and their errors, and the
 * link-preview card (a real 1200 x 630 PNG with the title wrapped).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { chapterDate, gitDateStatus, lastCommitDate, readChapterDates } from '../../src/lib/site/git-dates.ts';
import { parseRepo, repoLinks, siteVersion, SECTION_PLACEHOLDER } from '../../src/lib/links/repo-links.ts';
import { OG_HEIGHT, OG_WIDTH, ogPng, wrapTitle } from '../../src/lib/site/og-image.ts';
import { MDX_ELEMENT_OVERRIDES } from '../../src/lib/markdown/mdx-overrides.ts';

const temp: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'dates-'));
  temp.push(d);
  return d;
};
afterAll(() => temp.forEach((d) => rmSync(d, { recursive: true, force: true })));

function repoWithCommit(date: string): string {
  const dir = tempDir();
  const git = (...args: string[]) =>
    execFileSync('git', args, {
      cwd: dir,
      env: {
        ...process.env,
        GIT_AUTHOR_DATE: date,
        GIT_COMMITTER_DATE: date,
        GIT_AUTHOR_NAME: 't',
        GIT_AUTHOR_EMAIL: 't@example.com',
        GIT_COMMITTER_NAME: 't',
        GIT_COMMITTER_EMAIL: 't@example.com',
      },
      stdio: 'ignore',
    });
  git('init', '-q');
  writeFileSync(join(dir, 'a.mdx'), 'one\n');
  writeFileSync(join(dir, 'b.mdx'), 'two\n');
  git('add', '.');
  git('commit', '-qm', 'first');
  return dir;
}

describe('MDX element overrides', () => {
  it("MDX's optimize leaves exactly the elements that [slug].astro renders with its own components", () => {
    const page = readFileSync(new URL('../../src/pages/[slug].astro', import.meta.url), 'utf8');
    const mapping = /<Content components=\{\{([^}]*)\}\}/.exec(page)?.[1];
    expect(mapping, 'src/pages/[slug].astro passes components to <Content>').toBeTruthy();
    const keys = [...mapping!.matchAll(/(\w+)\s*:/g)].map((m) => m[1]).sort();
    expect(keys, 'add an element mapped in [slug].astro to MDX_ELEMENT_OVERRIDES in src/lib/markdown/mdx-overrides.ts').toEqual(
      [...MDX_ELEMENT_OVERRIDES].sort(),
    );
    const config = readFileSync(new URL('../../astro.config.mjs', import.meta.url), 'utf8');
    expect(config).toMatch(/mdx\(\{ optimize: \{ ignoreElementNames: \[\.\.\.MDX_ELEMENT_OVERRIDES\] \} \}\)/);
  });
});

describe('last updated, from git', () => {
  it('is the date of the last commit that touched the file', () => {
    const dir = repoWithCommit('2026-03-04T05:06:07Z');
    expect(gitDateStatus(dir)).toBe('ok');
    expect(lastCommitDate('a.mdx', dir)?.toISOString()).toBe('2026-03-04T05:06:07.000Z');
  });

  it('is left out for a file with uncommitted changes or not tracked', () => {
    const dir = repoWithCommit('2026-03-04T05:06:07Z');
    writeFileSync(join(dir, 'a.mdx'), 'changed\n');
    writeFileSync(join(dir, 'new.mdx'), 'new\n');
    expect(lastCommitDate('a.mdx', dir)).toBeUndefined();
    expect(lastCommitDate('new.mdx', dir)).toBeUndefined();
    expect(lastCommitDate('b.mdx', dir)).toBeInstanceOf(Date);
  });

  it('says "shallow" in a shallow clone and gives no date (every file would get the tip date)', () => {
    const dir = repoWithCommit('2026-03-04T05:06:07Z');
    const clone = join(tempDir(), 'clone');
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${dir}`, clone], { stdio: 'ignore' });
    expect(gitDateStatus(clone)).toBe('shallow');
    expect(lastCommitDate('a.mdx', clone)).toBeUndefined();
  });

  it('reads every file in one git log, each with its own last commit', () => {
    const dir = repoWithCommit('2026-03-04T05:06:07Z');
    writeFileSync(join(dir, 'b.mdx'), 'two, revised\n');
    const env = {
      ...process.env,
      GIT_COMMITTER_DATE: '2026-05-06T07:08:09Z',
      GIT_AUTHOR_NAME: 't',
      GIT_AUTHOR_EMAIL: 't@example.com',
      GIT_COMMITTER_NAME: 't',
      GIT_COMMITTER_EMAIL: 't@example.com',
    };
    execFileSync('git', ['commit', '-qam', 'second'], { cwd: dir, env, stdio: 'ignore' });
    expect(readChapterDates('.', dir).dates).toEqual({ './a.mdx': '2026-03-04T05:06:07.000Z', './b.mdx': '2026-05-06T07:08:09.000Z' });
    // The same answer as asking git for each chapter of this repository on its own.
    const ours = readChapterDates();
    for (const [file, iso] of Object.entries(ours.dates)) {
      const alone = execFileSync('git', ['log', '-1', '--first-parent', '--format=%cI', '--', file], { encoding: 'utf8' }).trim();
      const dirty = execFileSync('git', ['status', '--porcelain', '--', file], { encoding: 'utf8' }).trim();
      expect(iso, file).toBe(dirty || !alone ? null : new Date(alone).toISOString());
    }
  });

  it('says "no-git" outside a checkout', () => {
    expect(gitDateStatus(tempDir())).toBe('no-git');
  });

  it('is read for every chapter before the build (none for new work), and pages take that reading', () => {
    const dir = repoWithCommit('2026-03-04T05:06:07Z');
    writeFileSync(join(dir, 'new.mdx'), 'new\n');
    writeFileSync(join(dir, 'notes.txt'), 'not a chapter\n');
    const read = readChapterDates('.', dir);
    expect(read).toEqual({ status: 'ok', dates: { './a.mdx': '2026-03-04T05:06:07.000Z', './b.mdx': '2026-03-04T05:06:07.000Z', './new.mdx': null } });
    expect(chapterDate('./a.mdx', read)?.toISOString()).toBe('2026-03-04T05:06:07.000Z');
    expect(chapterDate('./new.mdx', read)).toBeUndefined();
    // A reading outside a checkout (or in a shallow clone) gives no dates, even for a file that
    // git here would date.
    expect(readChapterDates('.', tempDir())).toEqual({ status: 'no-git', dates: {} });
    expect(chapterDate('content/chapters/what-is-docker.mdx', { status: 'no-git', dates: {} })).toBeUndefined();
  });
});

describe('edit and report links (SITE_REPO)', () => {
  it('without SITE_REPO: no edit link, and the report is an e-mail naming page, section and version', () => {
    const links = repoLinks(parseRepo(undefined), 'content/chapters/a.mdx', 'A page', 'https://x.example/a/', 'main', 'page of 2026-12-01');
    expect(links.edit).toBeUndefined();
    const mail = new URL(links.report);
    expect(mail.protocol).toBe('mailto:');
    expect(mail.pathname).toBe('');
    // Spaces as %20, not +: mail programs show a + as it is.
    expect(links.report).not.toContain('+');
    const params = new URLSearchParams(mail.search);
    expect(params.get('subject')).toBe('Problem on "A page"');
    expect(params.get('body')).toBe(
      `Page: https://x.example/a/\nSection: ${SECTION_PLACEHOLDER}\nSite version: page of 2026-12-01\n\nWhat is wrong, and what did you expect?\n`,
    );
  });

  it('name the site version: SITE_VERSION, else the page date, else unreleased', () => {
    expect(siteVersion('2027-spring', new Date('2026-12-01T10:00:00Z'))).toBe('2027-spring');
    expect(siteVersion(undefined, new Date('2026-12-01T10:00:00Z'))).toBe('page of 2026-12-01');
    expect(siteVersion('  ', undefined)).toMatch(/^unreleased/);
  });

  it('edit the source on the branch and open an issue that names the page', () => {
    const links = repoLinks(
      parseRepo('https://github.com/owner/docker-basics/'),
      'content/chapters/security.mdx',
      'Security essentials',
      'https://owner.github.io/docker-basics/security/',
    );
    expect(links?.edit).toBe('https://github.com/owner/docker-basics/edit/main/content/chapters/security.mdx');
    const report = new URL(links!.report);
    expect(report.pathname).toBe('/owner/docker-basics/issues/new');
    expect(report.searchParams.get('title')).toBe('Problem on "Security essentials"');
    expect(report.searchParams.get('body')).toContain('Page: https://owner.github.io/docker-basics/security/\nSection: ');
  });

  it('reject a value that is not a repository address, naming SITE_REPO', () => {
    expect(() => parseRepo('github.com/owner/repo')).toThrow(/SITE_REPO must be .*got "github.com\/owner\/repo"/);
    expect(() => parseRepo('http://github.com/owner/repo')).toThrow(/SITE_REPO must be an https address/);
    expect(() => parseRepo('https://github.com/owner')).toThrow(/SITE_REPO/);
  });
});

describe('link-preview card', () => {
  it('wraps a long title into at most three lines and marks a cut', () => {
    expect(wrapTitle('Compose: run a robot stack', 24, 3)).toEqual(['Compose: run a robot', 'stack']);
    const cut = wrapTitle('one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen', 20, 3);
    expect(cut).toHaveLength(3);
    expect(cut[2]).toMatch(/…$/);
  });

  it('renders a 1200 x 630 PNG', async () => {
    const png = Buffer.from(await ogPng('Set up Docker', 'Chapter 2 of 14', 'Docker basics'));
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([OG_WIDTH, OG_HEIGHT]);
    // Text was drawn: the card is not a blank rectangle of a few hundred bytes.
    expect(png.length).toBeGreaterThan(10_000);
  });
});
