/**
 * The command card's content: the entries of src/data/card-entries.ts resolved against the
 * reference, grouped as the reference page is, each text cut to its first sentence so the card
 * fits one two-sided A4 sheet.
 */
import type { Command, CommandFlag } from '../../schemas/command.ts';
import type { CardEntry } from '../../data/card-entries.ts';
import { commandAnchor, flagAnchor, flagLabel, groupCommands } from './commands.ts';

export interface CardFlag {
  label: string;
  arg?: string;
  meaning: string;
  caution?: string;
  anchor: string;
}
export interface CardCommand {
  name: string;
  summary: string;
  cautions: string[];
  anchor: string;
  flags: CardFlag[];
}
export interface CardGroup {
  id: string;
  title: string;
  commands: CardCommand[];
}

/** The id of a group's heading on /card/ (a published anchor: keep it). */
export const cardGroupAnchor = (g: Pick<CardGroup, 'id'>): string => `card-${g.id}`;

/**
 * The first sentence of a text: up to the first `.`, `!` or `?` that is followed by a space and a
 * capital letter (or ends the text) and is not inside double quotes or backticks.
 */
export function firstSentence(text: string): string {
  const t = text.trim().replace(/\s+/g, ' ');
  let quotes = 0;
  let ticks = 0;
  for (let i = 0; i < t.length; i++) {
    const ch = t[i]!;
    if (ch === '"') quotes++;
    else if (ch === '`') ticks++;
    else if ('.!?'.includes(ch) && quotes % 2 === 0 && ticks % 2 === 0 && (i === t.length - 1 || /^ [A-Z]/.test(t.slice(i + 1, i + 3))))
      return t.slice(0, i + 1);
  }
  return t;
}

/** Resolve the card against the reference; throws one error listing every id or flag that does not exist. */
export function commandCard(entries: readonly CardEntry[], commands: readonly Command[], file = 'src/data/card-entries.ts'): CardGroup[] {
  const byId = new Map(commands.map((c) => [c.id, c]));
  const problems: string[] = [];
  const wanted = new Map<string, CardEntry>();
  for (const e of entries) {
    const c = byId.get(e.command);
    if (!c) {
      problems.push(`${file}: command "${e.command}" is not an id in content/reference/commands.yaml`);
      continue;
    }
    for (const f of e.flags ?? []) {
      if (!c.flags.some((x) => x.long === f))
        problems.push(
          `${file}: ${e.command} has no flag ${f} in content/reference/commands.yaml (flags there: ${c.flags.map((x) => x.long).join(', ') || 'none'})`,
        );
    }
    wanted.set(e.command, e);
  }
  if (problems.length) throw new Error(`The command card has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n  ${problems.join('\n  ')}`);
  const flag = (c: Command, f: CommandFlag): CardFlag => ({
    label: flagLabel(f),
    ...(f.arg ? { arg: f.arg } : {}),
    meaning: firstSentence(f.meaning),
    ...(f.caution ? { caution: firstSentence(f.caution) } : {}),
    anchor: flagAnchor(c, f),
  });
  return groupCommands(commands.filter((c) => wanted.has(c.id)))
    .map((g) => ({
      id: g.id,
      title: g.title,
      commands: g.commands.map((c) => {
        const longs = wanted.get(c.id)!.flags ?? [];
        return {
          name: c.name,
          summary: firstSentence(c.summary),
          cautions: c.cautions.map(firstSentence),
          anchor: commandAnchor(c),
          flags: longs.map((l) =>
            flag(
              c,
              c.flags.find((f) => f.long === l)!,
            ),
          ),
        };
      }),
    }))
    .filter((g) => g.commands.length > 0);
}
