/**
 * Mark the first use of each glossary term in a chapter's rendered prose: the word becomes a link
 * to its entry on /glossary/ (`<a class="term" href=".../glossary/#bind-mount">`), which is all a
 * reader without JavaScript gets; src/scripts/boot/glossary-start.ts shows the definition on
 * hover, focus or tap. Never inside code, headings, links, buttons, summaries, figures or forms,
 * nor in a part of the page search ignores (the sources).
 *
 * The HTML is not re-serialised: the text between tags is scanned and each mark is spliced into
 * the source string, so everything else stays byte for byte as Astro rendered it.
 */
import type { Term } from './schema.ts';

/** Elements whose text is never marked (a link inside them would be wrong or unreadable). */
const SKIP = new Set([
  'a',
  'code',
  'pre',
  'kbd',
  'samp',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'button',
  'summary',
  'label',
  'select',
  'option',
  'textarea',
  'figure',
  'svg',
  'script',
  'style',
  'template',
  'form',
  'dfn',
  'abbr',
  'copy-button',
]);
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One regular expression over every form of every term: longest first, whole words, plural -s/-es. */
function termPattern(terms: readonly Term[]): { re: RegExp; byForm: Map<string, Term> } {
  const byForm = new Map<string, Term>();
  for (const t of terms) for (const f of t.forms) byForm.set(f.toLowerCase(), t);
  const forms = [...byForm.keys()].sort((a, b) => b.length - a.length);
  const alt = forms
    .map((lower) => {
      const original = terms.flatMap((t) => t.forms).find((f) => f.toLowerCase() === lower)!;
      const first = original[0]!;
      // A lower-case form also matches with a capital (a sentence's first word); a capitalised one as written.
      const head = first === first.toLowerCase() && first !== first.toUpperCase() ? `[${first}${first.toUpperCase()}]` : escapeRe(first);
      return head + escapeRe(original.slice(1)).replace(/ /g, '\\s+');
    })
    .join('|');
  return { re: new RegExp(`(?<![\\w-])(?:${alt})(?:e?s)?(?![\\w-])`, 'g'), byForm };
}

/** The term a matched word belongs to (the word may be a plural of the form). */
function termOf(word: string, byForm: Map<string, Term>): Term | undefined {
  const w = word.replace(/\s+/g, ' ').toLowerCase();
  return byForm.get(w) ?? byForm.get(w.replace(/s$/, '')) ?? byForm.get(w.replace(/es$/, ''));
}

export interface MarkedProse {
  html: string;
  /** The ids of the terms marked, in the order they first appear. */
  marked: string[];
}

/**
 * `html` with the first use of each term linked to `glossaryPath` + `#id`. Terms in `skip` (ids)
 * are left unmarked.
 */
export function markTerms(html: string, terms: readonly Term[], glossaryPath: string, skip: ReadonlySet<string> = new Set()): MarkedProse {
  if (terms.length === 0) return { html, marked: [] };
  const { re, byForm } = termPattern(terms);
  const done = new Set(skip);
  const marked: string[] = [];
  const cuts: Array<{ start: number; end: number; text: string }> = [];
  const stack: Array<{ name: string; skips: boolean }> = [];
  let skipping = 0;
  const tag = /<!--[\s\S]*?-->|<\/?([A-Za-z][\w-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
  let last = 0;
  const scanText = (from: number, to: number) => {
    if (skipping > 0 || to <= from) return;
    const text = html.slice(from, to);
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const t = termOf(m[0], byForm);
      if (!t || done.has(t.id)) continue;
      done.add(t.id);
      marked.push(t.id);
      cuts.push({ start: from + m.index, end: from + m.index + m[0].length, text: `<a class="term" href="${glossaryPath}#${t.id}">${m[0]}</a>` });
    }
  };
  for (let m = tag.exec(html); m; m = tag.exec(html)) {
    scanText(last, m.index);
    last = m.index + m[0].length;
    const name = m[1]?.toLowerCase();
    if (!name) continue;
    const closing = m[0][1] === '/';
    if (closing) {
      // Close up to the matching element (tolerates an unclosed <p> or <li>).
      const at = stack.map((e) => e.name).lastIndexOf(name);
      if (at === -1) continue;
      for (const e of stack.splice(at)) if (e.skips) skipping--;
      continue;
    }
    if (VOID.has(name) || /\/\s*$/.test(m[2] ?? '')) continue;
    const skips = SKIP.has(name) || /\sdata-pagefind-ignore\b/.test(m[2] ?? '');
    stack.push({ name, skips });
    if (skips) skipping++;
    // Raw text elements: jump over their content.
    if (name === 'script' || name === 'style') {
      const end = html.indexOf(`</${name}`, last);
      if (end !== -1) tag.lastIndex = last = end;
    }
  }
  scanText(last, html.length);
  let out = html;
  for (const c of cuts.reverse()) out = out.slice(0, c.start) + c.text + out.slice(c.end);
  return { html: out, marked };
}
