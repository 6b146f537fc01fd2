/**
 * The printable command card (/card/): which commands and flags a student needs in the first
 * weeks. Only ids and long flag names: every word printed comes from content/reference/commands.yaml
 * (summary, meaning, caution), so the card cannot disagree with the reference. A missing id or flag
 * fails the build (src/lib/reference/command-card.ts), naming this file.
 */
export interface CardEntry {
  /** A command id in commands.yaml, e.g. `docker-run`. */
  command: string;
  /** Long names of the flags to show, as in commands.yaml (`--publish`). */
  flags?: readonly string[];
}

export const COMMAND_CARD: readonly CardEntry[] = [
  {
    command: 'docker-run',
    flags: [
      '--interactive',
      '--tty',
      '--detach',
      '--rm',
      '--name',
      '--publish',
      '--volume',
      '--env',
      '--network',
      '--device',
      '--restart',
      '--user',
      '--platform',
      '--privileged',
    ],
  },
  { command: 'docker-exec', flags: ['--interactive', '--tty'] },
  { command: 'docker-ps', flags: ['--all'] },
  { command: 'docker-logs', flags: ['--follow', '--tail'] },
  { command: 'docker-container-stop' },
  { command: 'docker-container-start' },
  { command: 'docker-restart' },
  { command: 'docker-container-rm', flags: ['--force'] },
  { command: 'docker-cp' },
  { command: 'docker-inspect', flags: ['--format'] },
  { command: 'docker-stats', flags: ['--no-stream'] },
  { command: 'docker-image-ls' },
  { command: 'docker-image-pull', flags: ['--platform'] },
  { command: 'docker-image-rm' },
  { command: 'docker-tag' },
  { command: 'docker-push' },
  { command: 'docker-login' },
  { command: 'docker-save', flags: ['--output'] },
  { command: 'docker-load', flags: ['--input'] },
  { command: 'docker-build', flags: ['--tag', '--file', '--platform'] },
  { command: 'docker-buildx-build', flags: ['--platform', '--push', '--load'] },
  { command: 'docker-volume-create' },
  { command: 'docker-volume-ls' },
  { command: 'docker-volume-rm' },
  { command: 'docker-network-create' },
  { command: 'docker-network-ls' },
  { command: 'docker-compose-up', flags: ['--detach'] },
  { command: 'docker-compose-down', flags: ['--volumes'] },
  { command: 'docker-compose-ps' },
  { command: 'docker-compose-logs', flags: ['--follow'] },
  { command: 'docker-compose-pull' },
  { command: 'docker-compose-exec' },
  { command: 'docker', flags: ['--host'] },
  { command: 'docker-context-use' },
  { command: 'docker-version' },
  { command: 'docker-info' },
  { command: 'docker-system-df' },
  { command: 'docker-system-prune', flags: ['--all', '--volumes'] },
];
