/**
 * Reference and chapters link both ways (dist/ and dist-base/): for every link in a chapter
 * section to a reference command or flag, that entry (or flag row) links back to the section.
 * Read from the built pages, so it checks what a reader can click.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const builds = ['dist', 'dist-base'];

/** Links from chapter pages to reference anchors, with the id of the h2/h3 section they stand in. */
function chapterLinks(dir: string): Array<{ chapter: string; section: string; anchor: string }> {
  const out: Array<{ chapter: string; section: string; anchor: string }> = [];
  for (const chapter of readdirSync(dir)) {
    if (chapter === 'commands' || !existsSync(`${dir}/${chapter}/index.html`)) continue;
    const html = readFileSync(`${dir}/${chapter}/index.html`, 'utf8');
    const body = /<article[^>]*data-pagefind-body[^>]*>([\s\S]*?)<\/article>/.exec(html)?.[1];
    if (!body) continue;
    let section: string | undefined;
    for (const m of body.matchAll(/<h[23] id="([^"]+)"|href="\.\.\/commands\/#([a-z0-9-]+)"/g)) {
      if (m[1]) section = m[1];
      else if (section && m[2]) out.push({ chapter, section, anchor: m[2] });
    }
  }
  return out;
}

/** The reference's block for an anchor: a command's entry, or a flag's table row. */
function block(reference: string, anchor: string): string | undefined {
  const entry = new RegExp(`<section class="cmd-entry[^"]*" aria-labelledby="${anchor}"[^>]*>[\\s\\S]*?<p class="cmd-related[^"]*"[\\s\\S]*?</p>`).exec(
    reference,
  )?.[0];
  if (entry) return entry;
  const i = reference.indexOf(` id="${anchor}"`);
  if (i < 0) return undefined;
  const start = reference.lastIndexOf('<tr', i);
  const end = reference.indexOf('</tr>', i);
  // Only a row that holds the anchor itself (not a heading after the end of some earlier table).
  if (start < 0 || end < i || reference.slice(start, i).includes('</tr>')) return undefined;
  return reference.slice(start, end);
}

describe.each(builds)('reference back-links in %s/', (dir) => {
  it('every chapter link to a command or flag is answered by a link back to its section', () => {
    expect(existsSync(`${dir}/commands/index.html`), 'run npm run build:all first').toBe(true);
    const reference = readFileSync(`${dir}/commands/index.html`, 'utf8');
    const links = chapterLinks(dir);
    expect(links.length).toBeGreaterThan(10);
    const missing: string[] = [];
    let checked = 0;
    for (const l of links) {
      const b = block(reference, l.anchor);
      if (!b) continue; // a topic or alias anchor: not an entry or flag row
      checked++;
      if (!new RegExp(`href="[^"]*/${l.chapter}/#${l.section}"`).test(b)) missing.push(`#${l.anchor} does not link back to /${l.chapter}/#${l.section}`);
    }
    expect(checked).toBeGreaterThan(10);
    expect(missing).toEqual([]);
  });

  it('--privileged and the Security chapter link each other', () => {
    const reference = readFileSync(`${dir}/commands/index.html`, 'utf8');
    expect(block(reference, 'docker-run-privileged')).toMatch(/Explained in: .*href="[^"]*\/security\/#[a-z-]+"/s);
  });
});
