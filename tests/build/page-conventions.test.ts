/**
 * The page conventions in the built site (dist/ and dist-base/, `npm run build:all`): every chapter
 * has a link-preview card that exists, a "Last updated" date and a sitemap <lastmod> that agree
 * with git (none for a file with uncommitted changes), robots.txt names the sitemap's full address,
 * the edit link appears only in the build that has SITE_REPO (build:base sets an example
 * repository; the root build has none) and the report link in both: an issue with SITE_REPO, a
 * pre-filled e-mail with the details shown to paste without.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const SITE_ORIGIN = process.env['SITE_URL'] ?? 'http://localhost:4321';
const builds = [
  { dir: 'dist', base: '/', repo: undefined },
  { dir: 'dist-base', base: '/docker-basics/', repo: 'https://github.com/example/docker-basics' },
];
const slugs = readdirSync('content/chapters')
  .filter((f) => f.endsWith('.mdx'))
  .map((f) => f.replace(/\.mdx$/, ''));

/** What git says: the last commit date (YYYY-MM-DD, UTC) of a clean tracked file, else undefined. */
function gitDay(file: string): string | undefined {
  const shallow = execFileSync('git', ['rev-parse', '--is-shallow-repository'], { encoding: 'utf8' }).trim();
  if (shallow === 'true') return undefined;
  if (execFileSync('git', ['status', '--porcelain', '--', file], { encoding: 'utf8' }).trim()) return undefined;
  const iso = execFileSync('git', ['log', '-1', '--format=%cI', '--', file], { encoding: 'utf8' }).trim();
  return iso ? new Date(iso).toISOString().slice(0, 10) : undefined;
}

describe.each(builds)('page conventions in $dir/', ({ dir, base, repo }) => {
  const page = (slug: string) => readFileSync(`${dir}/${slug}/index.html`, 'utf8');
  const sitemap = () => readFileSync(`${dir}/sitemap.xml`, 'utf8');

  it('the build exists', () => expect(existsSync(`${dir}/index.html`), `run npm run build:all first`).toBe(true));

  it.each(slugs)('%s has an og:image card that exists in the build', (slug) => {
    const src = /<meta property="og:image" content="([^"]+)"/.exec(page(slug))?.[1];
    expect(src).toBe(new URL(`${base}og/${slug}.png`, SITE_ORIGIN).href);
    const png = readFileSync(`${dir}/og/${slug}.png`);
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
    expect(page(slug)).toContain('<meta name="twitter:card" content="summary_large_image">');
  });

  it.each(slugs)('%s: "Last updated" and sitemap <lastmod> agree with git', (slug) => {
    const day = gitDay(`content/chapters/${slug}.mdx`);
    const shown = /Last updated: <time datetime="([^"]+)"/.exec(page(slug))?.[1]?.slice(0, 10);
    const loc = new URL(`${base}${slug}/`, SITE_ORIGIN).href;
    const lastmod = new RegExp(`<loc>${loc}</loc>(?:<lastmod>([^<]+)</lastmod>)?`).exec(sitemap());
    expect(lastmod, `${loc} in sitemap.xml`).not.toBeNull();
    expect(shown).toBe(day);
    expect(lastmod![1]).toBe(day);
  });

  it.each(slugs)('%s shows none of the tag positions its components are given (src/lib/markdown/tag-positions.ts)', (slug) => {
    expect(page(slug)).not.toMatch(/__at\b|\.mdx:\d+:\d+/);
  });

  it('robots.txt names the full sitemap address', () => {
    expect(readFileSync(`${dir}/robots.txt`, 'utf8')).toContain(`Sitemap: ${new URL(`${base}sitemap.xml`, SITE_ORIGIN).href}\n`);
  });

  it.each(slugs)(`%s has an edit link only when SITE_REPO is set, and a report link always (${repo ?? 'not set'})`, (slug) => {
    const html = page(slug);
    if (!repo) {
      expect(html).not.toContain('Edit this page');
      const mail = /<a href="(mailto:[^"]+)"[^>]*>Report a problem<\/a>/.exec(html)?.[1];
      expect(mail, 'a mailto: report link').toBeDefined();
      const body = new URLSearchParams(new URL(mail!.replace(/&amp;/g, '&')).search).get('body');
      expect(body).toContain(`Page: ${new URL(`${base}${slug}/`, SITE_ORIGIN).href}\n`);
      expect(body).toMatch(/\nSite version: \S/);
      expect(html).toContain('Details to paste into a report');
      return;
    }
    expect(html).toContain(`<a href="${repo}/edit/main/content/chapters/${slug}.mdx"`);
    const report = /<a href="([^"]+)"[^>]*>Report a problem<\/a>/.exec(html)?.[1];
    expect(report && new URL(report.replace(/&amp;/g, '&')).searchParams.get('body')).toContain(new URL(`${base}${slug}/`, SITE_ORIGIN).href);
  });
});
