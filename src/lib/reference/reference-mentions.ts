/**
 * Reference ↔ chapter, both ways: a chapter section that links to a reference anchor
 * (`[--privileged](../commands/#docker-run-privileged)` under `## ... {#privileged}`) gets a link
 * back from that entry ("Explained in: Security essentials › ..."). Derived from the chapters'
 * own links, so there is no second list to keep.
 */
import { REFERENCE_CHAPTER } from './commands.ts';

export interface Mention {
  /** Chapter slug and section id: the back-link goes to `../<chapter>/#<section>`. */
  chapter: string;
  section: string;
  /** "Security essentials › The --privileged flag". */
  label: string;
}

const HEADING = /^#{2,3}\s+(.+?)\s*\{#([a-z0-9-]+)\}\s*$/;
const LINK = new RegExp(`\\]\\(\\.\\./${REFERENCE_CHAPTER}/#([a-z0-9-]+)\\)`, 'g');

/** Heading text as read: Markdown code and emphasis marks removed. */
const plain = (md: string) => md.replace(/[`*_]/g, '');

/** Every reference anchor the chapters link to, with the sections that link (first link order, no repeats). */
export function referenceMentions(chapters: ReadonlyArray<{ id: string; title: string; body: string }>): Map<string, Mention[]> {
  const out = new Map<string, Mention[]>();
  for (const c of chapters) {
    if (c.id === REFERENCE_CHAPTER) continue;
    let section: { id: string; title: string } | undefined;
    let fence = false;
    for (const line of c.body.split('\n')) {
      if (/^\s*(```|~~~)/.test(line)) fence = !fence;
      if (fence) continue;
      const h = HEADING.exec(line);
      if (h) {
        section = { id: h[2]!, title: plain(h[1]!) };
        continue;
      }
      if (!section) continue;
      for (const m of line.matchAll(LINK)) {
        const list = out.get(m[1]!) ?? [];
        if (!list.some((x) => x.chapter === c.id && x.section === section!.id)) {
          list.push({ chapter: c.id, section: section.id, label: `${c.title} › ${section.title}` });
          out.set(m[1]!, list);
        }
      }
    }
  }
  return out;
}
