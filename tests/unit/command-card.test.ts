/**
 * The command card's data: every id and flag of src/data/card-entries.ts exists in the reference
 * (a wrong one fails naming the file), texts are cut at a real sentence end, and the card keeps the
 * reference's group order.
 */
import { describe, expect, it } from 'vitest';
import { COMMAND_CARD } from '../../src/data/card-entries.ts';
import { commandCard, firstSentence } from '../../src/lib/reference/command-card.ts';
import { COMMAND_GROUPS } from '../../src/schemas/command.ts';
import { loadCommands } from '../../src/lib/reference/load.ts';

const commands = loadCommands();

describe('command card', () => {
  it('resolves every entry against the reference, grouped in the reference order', () => {
    const groups = commandCard(COMMAND_CARD, commands);
    const order = COMMAND_GROUPS.map((g) => g.id);
    expect(groups.map((g) => order.indexOf(g.id as (typeof order)[number]))).toEqual(
      [...groups.map((g) => order.indexOf(g.id as (typeof order)[number]))].sort((a, b) => a - b),
    );
    expect(groups.flatMap((g) => g.commands).length).toBe(COMMAND_CARD.length);
    const run = groups.flatMap((g) => g.commands).find((c) => c.anchor === 'docker-run')!;
    expect(run.flags.map((f) => f.anchor)).toContain('docker-run-publish');
  });

  it('fails naming the file, the id and the flag when the data is wrong', () => {
    expect(() => commandCard([{ command: 'docker-runn' }, { command: 'docker-run', flags: ['--port'] }], commands)).toThrow(
      /command card has 2 problems:\n {2}src\/data\/card-entries\.ts: command "docker-runn" is not an id[^\n]*\n {2}src\/data\/card-entries\.ts: docker-run has no flag --port/,
    );
  });

  it('cuts at a sentence end, never inside quotes or code', () => {
    expect(firstSentence('Give the container a name. Names must be unique.')).toBe('Give the container a name.');
    expect(firstSentence('If the name is taken you get "Conflict. The container name is in use": remove it. More.')).toBe(
      'If the name is taken you get "Conflict. The container name is in use": remove it.',
    );
    expect(firstSentence('Use `docker ps -a. Then` rm. Next.')).toBe('Use `docker ps -a. Then` rm.');
    expect(firstSentence('e.g. /dev/video0 works. Also i2c.')).toBe('e.g. /dev/video0 works.');
    expect(firstSentence('No end')).toBe('No end');
  });
});
