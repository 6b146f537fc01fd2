/**
 * The command reference covers what the course uses: every docker command that appears in code on
 * any built page (code blocks and inline code, every chapter, the explainer and the reference
 * itself) has an entry in content/reference/commands.yaml (shown on /commands/). The list of
 * commands is derived from the built HTML, so a chapter that starts using a new command fails
 * here, naming the command and the pages, until the command gets an entry.
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dockerInvocations, shellWords, type HelpInfo } from '../../src/lib/docker-cli.ts';
import { dockerCli } from '../../src/lib/docker-help-fixtures.ts';
import { htmlToText } from '../../src/lib/copy-text.ts';
import { readSite } from '../../src/lib/link-check.ts';
import { COMMANDS_FILE, loadCommands } from '../support/reference-data.ts';

/** Global options that take a value (`docker -H robot ps`). */
const GLOBAL_WITH_VALUE = new Set(['-H', '--host', '-c', '--context', '--config', '-l', '--log-level', '--tlscacert', '--tlscert', '--tlskey']);

/** The command a docker invocation runs (its `--help`), or undefined for a bare management command or an unknown one. */
export function invokedCommand(invocation: string): HelpInfo | undefined {
  const words = shellWords(invocation);
  let help = dockerCli.root;
  for (let i = 1; i < words.length; i++) {
    const w = words[i]!;
    if (help === dockerCli.root && w.startsWith('-')) {
      if (GLOBAL_WITH_VALUE.has(w)) i++;
      continue;
    }
    const next = dockerCli.byName.get(`${help.name} ${w}`);
    if (!next) break;
    help = next;
  }
  // `docker`, `docker compose`, `docker context` alone are prose mentions of a command family.
  return help === dockerCli.root || help.subcommands.length > 0 ? undefined : help;
}

/** Text of every <pre> and <code> element of a page, one line a string (`$ ` prompts removed). */
function codeLines(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/<(pre|code)\b[^>]*>([\s\S]*?)<\/\1>/g)) {
    for (const line of htmlToText(m[2]!).split('\n')) out.push(line.replace(/^\s*\$ /, ''));
  }
  return out;
}

describe('the command reference covers every docker command the site uses', () => {
  const dist = 'dist';
  it('every command in the built pages has an entry', () => {
    expect(existsSync(`${dist}/commands/index.html`), 'run npm run build first').toBe(true);
    const commands = loadCommands();
    // Every spelling an entry answers to (`docker rm` is the entry docker container rm).
    const covered = new Set(commands.flatMap((c) => [c.name, ...c.aliases]));
    const used = new Map<string, { help: HelpInfo; pages: Set<string> }>();
    for (const [file, html] of readSite(dist)) {
      if (!html || !file.endsWith('.html')) continue;
      for (const line of codeLines(html)) {
        for (const inv of dockerInvocations(line)) {
          const help = invokedCommand(inv);
          if (!help) continue;
          const u = used.get(help.name) ?? { help, pages: new Set<string>() };
          u.pages.add(file);
          used.set(help.name, u);
        }
      }
    }
    // The derivation must find the commands the course is built on, or it is reading nothing.
    for (const name of ['docker run', 'docker compose up', 'docker context create', 'docker buildx build']) expect([...used.keys()], name).toContain(name);
    const missing = [...used.values()]
      .filter((u) => !u.help.aliases.some((a) => covered.has(a)))
      .map((u) => `\`${u.help.name}\` (used in ${[...u.pages].sort().join(', ')}) has no entry in ${COMMANDS_FILE}`);
    expect(missing, missing.join('\n')).toEqual([]);
  });
});
