/**
 * A reference entry's synopsis, from the CLI data: the Usage line of the command's `--help`
 * capture (content/reference/docker-help/, CLI 28.2), with the entry's own spelling of the command
 * (`docker run` where the capture says `docker container run`). Compose and Buildx commands have no
 * capture (their tables hold no Usage line), so their entries write `synopsis` in commands.yaml,
 * and it must start with the command. Pure: entries and sources in, synopses and problems out.
 */
import type { Command } from '../../schemas/command.ts';
import type { Source } from '../docker/sources.ts';
import { COMMANDS_FILE } from '../docker/model.ts';

export function referenceSynopses(
  commands: readonly Pick<Command, 'id' | 'name' | 'synopsis'>[],
  sources: readonly Source[],
): { synopses: Map<string, string>; problems: string[] } {
  const synopses = new Map<string, string>();
  const problems: string[] = [];
  const captured = sources.flatMap((s) => s.commands.filter((c) => c.usage));
  for (const c of commands) {
    const where = `${COMMANDS_FILE}: "${c.id}"`;
    const capture = captured.find((x) => x.aliases.includes(c.name));
    if (capture?.usage) {
      if (c.synopsis) problems.push(`${where}: drop synopsis: it comes from the Usage line of \`${capture.name} --help\` (content/reference/docker-help/)`);
      synopses.set(c.id, `${c.name}${capture.usage.slice(capture.name.length)}`);
    } else if (!c.synopsis) {
      problems.push(`${where}: add a synopsis (the Usage line of \`${c.name} --help\`): there is no --help capture of ${c.name} to take it from`);
    } else if (c.synopsis !== c.name && !c.synopsis.startsWith(`${c.name} `)) {
      problems.push(`${where}: synopsis "${c.synopsis}" must start with the command, "${c.name}"`);
    } else synopses.set(c.id, c.synopsis);
  }
  return { synopses, problems };
}
