/**
 * The "Link to this course" page names each section as the reader sees it (dist/ and dist-base/):
 * every row whose address ends in a heading's id carries that heading's text, so no row shows a
 * name made up from an id ("Links building images", "Card clean up").
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeEntities } from '../../src/lib/text/html-entities.ts';

const text = (html: string) =>
  decodeEntities(html.replace(/<[^>]+>/g, ''))
    .replace(/\s+/g, ' ')
    .trim();

describe.each([
  { dir: 'dist', base: '/' },
  { dir: 'dist-base', base: '/docker-basics/' },
])('the links page in $dir/', ({ dir, base }) => {
  const rows = [
    ...readFileSync(`${dir}/links/index.html`, 'utf8').matchAll(/<li class="links-depth-\d[^"]*"[^>]*><a href="([^"#]+)#([^"]+)"[^>]*>([\s\S]*?)<\/a>/g),
  ].map((m) => ({
    page: m[1]!.slice(base.length - 1),
    id: decodeURIComponent(m[2]!),
    title: text(m[3]!),
  }));
  const pages = new Map<string, string>();
  const html = (page: string) => pages.get(page) ?? (pages.set(page, readFileSync(`${dir}${page}index.html`, 'utf8')), pages.get(page)!);

  it('lists sections', () => expect(rows.length, 'run npm run build:all first').toBeGreaterThan(100));

  it("gives every section of a heading that heading's text", () => {
    const wrong = rows.flatMap((r) => {
      const id = r.id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const heading = new RegExp(`<(h[1-6])[^>]*\\sid="${id}"[^>]*>([\\s\\S]*?)</\\1>`).exec(html(r.page));
      if (!heading) return []; // an alias anchor (a span) or a table row: no heading to match
      const name = text(heading[2]!).replace(/\s*#$/, '');
      return r.title.includes(name) ? [] : [`${r.page}#${r.id}: "${r.title}" does not name the heading "${name}"`];
    });
    expect(wrong).toEqual([]);
  });
});
