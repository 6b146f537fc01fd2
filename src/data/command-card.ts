/**
 * The printable command card (/card/): which commands and flags a student needs in the first
 * weeks. Only ids and long flag names: every word printed comes from content/reference/commands.yaml
 * (summary, meaning, caution), so the card cannot disagree with the reference. A missing id or flag
 * fails the build (src/lib/command-card.ts), naming this file.
 */
export interface CardEntry {
  /** A command id in commands.yaml, e.g. `docker-run`. */
  command: string;
  /** Long names of the flags to show, as in commands.yaml (`--publish`). */
  flags?: readonly string[];
}

export const COMMAND_CARD: readonly CardEntry[] = [
  { command: 'docker-run', flags: ['--interactive', '--tty', '--detach', '--rm', '--name', '--publish', '--volume', '--env', '--network', '--device', '--privileged'] },
  { command: 'docker-exec', flags: ['--interactive', '--tty'] },
  { command: 'docker-ps', flags: ['--all'] },
  { command: 'docker-logs', flags: ['--follow'] },
  { command: 'docker-container-stop' },
  { command: 'docker-container-start' },
  { command: 'docker-container-rm', flags: ['--force'] },
  { command: 'docker-image-ls' },
  { command: 'docker-image-pull' },
  { command: 'docker-image-rm' },
  { command: 'docker-build', flags: ['--tag', '--file', '--platform'] },
  { command: 'docker-tag' },
  { command: 'docker-push' },
  { command: 'docker-login' },
  { command: 'docker-system-df' },
  { command: 'docker-system-prune', flags: ['--all', '--volumes'] },
  { command: 'docker', flags: ['--host'] },
  { command: 'docker-volume-ls' },
  { command: 'docker-volume-create' },
  { command: 'docker-network-ls' },
  { command: 'docker-compose-up', flags: ['--detach'] },
  { command: 'docker-compose-down', flags: ['--volumes'] },
];
