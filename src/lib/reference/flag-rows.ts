/**
 * Every flag of a reference entry, from the docker model (src/lib/docker/model.ts): the flags the
 * entry describes in commands.yaml (curated text, rendered by FlagTable.astro) and all the others
 * the CLI data has for the command (the CLI 28.2 captures, the Engine 29.7, Compose 5.5 and Buildx
 * 0.36 tables), each with its anchor, the CLI's own description where the data has one, and its
 * marks: hidden, deprecated, missing from one Engine version. `--help` is left out (every command
 * has it) and so are hidden spellings of a flag (`--net`: alias anchors, see aliasAnchors()).
 */
import type { Command } from '../../schemas/command.ts';
import type { Model, ModelCommand } from '../docker/model.ts';
import { flagAnchorOf, flagLabel } from '../docker/word-shapes.ts';
import { escapeHtml } from './commands.ts';

/** A flag the entry does not describe, as the CLI data has it. */
export interface CliFlagRow {
  long: string;
  short?: string;
  /** Value type as the CLI prints it (`bytes`, `list`, `string`); absent for on/off flags. */
  type?: string;
  /**
   * `docker-run-shm-size`: the same scheme as a described flag's anchor, unless that is a command's
   * anchor (`docker --version` would be `#docker-version`, the entry of `docker version`): then
   * `docker-flag-version`.
   */
  anchor: string;
  /** The CLI's own one-line description, when the data has it (the 28.2 captures do; the tables do not). */
  description?: string;
  hidden: boolean;
  deprecated: boolean;
  /** Engine versions (labels, e.g. "Docker CLI 29.7.2") that lack the flag. */
  missingIn: string[];
}

/** The model's command for a reference entry; throws naming the entry when the model has none. */
export function modelCommandOf(c: Pick<Command, 'id' | 'name'>, model: Model): ModelCommand {
  const m = model.commands.find((x) => x.anchor === c.id);
  if (!m) throw new Error(`content/reference/commands.yaml: "${c.id}": the docker model has no command ${c.name}`);
  return m;
}

/** The flags of `c` that the entry does not describe, in --help order (by long name). */
export function cliFlagRows(c: Pick<Command, 'id' | 'name' | 'flags'>, model: Model): CliFlagRow[] {
  const described = new Set(c.flags.map((f) => f.long));
  const commandAnchors = new Set(model.commands.flatMap((m) => (m.anchor ? [m.anchor] : [])));
  const anchorOf = (long: string) => {
    const anchor = flagAnchorOf(c.id, long);
    return commandAnchors.has(anchor) ? flagAnchorOf(`${c.id}-flag`, long) : anchor;
  };
  return modelCommandOf(c, model)
    .flags.filter((f) => !f.of && f.long !== '--help' && !described.has(f.long))
    .map((f) => {
      const row: CliFlagRow = {
        long: f.long,
        anchor: anchorOf(f.long),
        hidden: !!f.hidden,
        deprecated: !!f.deprecated,
        missingIn: (f.missing ?? []).map((e) => model.engines[e]!),
      };
      if (f.short) row.short = f.short;
      if (f.type) row.type = f.type;
      if (f.meaning) row.description = f.meaning;
      return row;
    })
    .sort((a, b) => a.long.localeCompare(b.long, 'en'));
}

/** Anchors of the flags the entry does not describe (cliFlagRows()), in page order. */
export const cliFlagAnchors = (c: Pick<Command, 'id' | 'name' | 'flags'>, model: Model): string[] => cliFlagRows(c, model).map((r) => r.anchor);

/** The marks of a row as short phrases: "hidden", "deprecated", "not in Docker CLI 28.2.2". */
export function rowMarks(r: Pick<CliFlagRow, 'hidden' | 'deprecated' | 'missingIn'>): string[] {
  return [...(r.hidden ? ['hidden: --help does not list it'] : []), ...(r.deprecated ? ['deprecated'] : []), ...r.missingIn.map((v) => `not in ${v}`)];
}

/**
 * The rows as HTML table rows, built here rather than in a component so that several hundred rows
 * carry no per-element scoping classes and as few elements as a row needs (the page's weight, and
 * the time a browser or an accessibility checker spends on it): each name is an h4 with the flag's
 * anchor, so links and search land on the row; the type and the CLI's one-liner are left out of
 * the search index (a word like "list" or "token" in them would outrank the course's sections). `product`: where the data comes from, named when a
 * row has no description ("Docker Compose 5.5.0").
 */
export function cliFlagRowsHtml(rows: readonly CliFlagRow[], product: string): string {
  return rows
    .map((r) => {
      const marks = rowMarks(r);
      const value = r.type ? ` <code data-pagefind-ignore>${escapeHtml(r.type)}</code>` : ' on/off';
      const mark = marks.length ? `<strong>${escapeHtml(marks.map((m) => m[0]!.toUpperCase() + m.slice(1)).join('; '))}.</strong> ` : '';
      const text = r.description
        ? `<td data-pagefind-ignore>${mark}${escapeHtml(r.description)}</td>`
        : `<td class="flag-nodesc" data-pagefind-ignore>${mark}No description in the site's CLI data (${escapeHtml(product)} table: name, type, default only).</td>`;
      return `<tr><td><h4 id="${r.anchor}"><code>${escapeHtml(flagLabel(r))}</code></h4>${value}</td>${text}</tr>`;
    })
    .join('');
}

/** A row's text for the stand-in height of its entry (reference-layout.ts): its two cells. */
export const rowLayoutLines = (r: CliFlagRow, product: string): string[] => [
  `${flagLabel(r)} ${r.type ?? 'on/off'}`,
  `${rowMarks(r).join('; ')} ${r.description ?? `No description in the site's CLI data (${product} table: name, type, default only).`}`,
];
