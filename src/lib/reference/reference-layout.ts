/**
 * A generous guess at the height of one command entry on a phone, for `contain-intrinsic-size`:
 * entries off screen are not laid out (`content-visibility: auto`), and stand in at this height
 * until they come near. The guess must not be smaller than the entry: tools that measure
 * off-screen elements (axe's target-size in Lighthouse) lay out an entry's content without its
 * box, and a box smaller than its content would overlap the next entry's links.
 *
 * Fitted on the rendered reference (31 entries; text at 30 characters a 27 px line, 30 px a
 * block): with 32 characters a line the real height was at most 0.87 of the guess at 390 px and
 * 0.96 at 320 px, hence 30; at 75 entries the shortest ones (docker unpause, docker context show)
 * needed one more block of fixed overhead (9, not 8). Once an entry has been rendered the browser remembers its real size
 * (`auto`). tests/e2e/site.spec.ts checks the guess against the rendered entries.
 */
import type { Command, CommandExample } from '../../schemas/command.ts';

const CHARS_PER_LINE = 30;
const LINE_PX = 27;
const BLOCK_PX = 30;

const exampleText = (e: CommandExample) => [e.does, e.command, e.output ?? ''];

/** `extra`: lines the entry adds beyond its data, e.g. its "Explained in" back-links, its synopsis from the CLI data, a row of each flag it does not describe (one block each). */
export function entryHeightPx(c: Command, extra: readonly string[] = []): number {
  const texts = [
    ...extra,
    c.name,
    c.summary,
    c.synopsis ?? '',
    ...c.aliases,
    ...c.keywords,
    ...c.details,
    ...c.cautions,
    ...c.mistakes.flatMap((m) => [m.wrong, m.right, m.note]),
    ...c.args.flatMap((a) => [a.name, a.meaning]),
    ...c.examples.flatMap(exampleText),
    ...c.flags.flatMap((f) => [
      f.short ?? '',
      f.long,
      f.arg ?? '',
      f.meaning,
      f.caution ?? '',
      ...f.keywords,
      ...f.aliases,
      ...f.mistakes.flatMap((m) => [m.wrong, m.right, m.note]),
    ]),
    ...c.topics.flatMap((t) => [t.title, t.body, t.caution ?? '', ...t.keywords, ...t.examples.flatMap(exampleText)]),
    ...c.related,
  ];
  const chars = texts.reduce((n, t) => n + t.length + 1, 0);
  const blocks =
    9 +
    extra.length +
    c.details.length +
    c.cautions.length +
    c.mistakes.length +
    2 * c.args.length +
    2 * c.examples.length +
    (c.flags.length ? 2 : 0) +
    c.flags.reduce((n, f) => n + 3 + (f.caution ? 1 : 0) + f.aliases.length + f.mistakes.length + (f.keywords.length ? 1 : 0), 0) +
    c.topics.reduce((n, t) => n + 2 + (t.caution ? 1 : 0) + (t.keywords.length ? 1 : 0) + 2 * t.examples.length, 0);
  return Math.ceil((chars / CHARS_PER_LINE) * LINE_PX + blocks * BLOCK_PX);
}
