/**
 * The reference and the chapters against the real docker CLI (tests/fixtures/docker-help/, from
 * `docker <command> --help`; refresh with tests/fixtures/refresh-docker-help.sh). Every failure
 * names the file, the entry or line, and the flag.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { codeFences, COPYABLE_LANGUAGES } from '~/lib/content-lint.ts';
import { copyText } from '~/lib/copy-text.ts';
import { checkCommandLine, findFlag, HIDDEN_FLAGS, parseHelp, buildCli } from '~/lib/docker-cli.ts';
import { checkDockerCommandLine, dockerCli, DOCKER_HELP_VERSION } from '~/lib/docker-help-fixtures.ts';
import { COMMANDS_FILE, loadCommands } from '../support/reference-data.ts';

const commands = loadCommands();

describe('the fixtures', () => {
  test('record the docker client version', () => {
    expect(DOCKER_HELP_VERSION).toMatch(/^Docker version \d+\.\d+\.\d+/);
  });
  test('cover every command of the reference', () => {
    const missing = commands.filter((c) => !dockerCli.byName.has(c.name)).map((c) => `${COMMANDS_FILE}: "${c.id}": no help fixture for \`${c.name}\``);
    expect(missing).toEqual([]);
  });
});

describe('every flag in the reference exists for its command', () => {
  for (const c of commands) {
    test(c.id, () => {
      const help = dockerCli.byName.get(c.name);
      if (!help) return; // reported above
      const problems: string[] = [];
      const where = `${COMMANDS_FILE}: "${c.id}"`;
      for (const alias of c.aliases) {
        if (!help.aliases.includes(alias)) problems.push(`${where}: alias "${alias}" is not an alias of ${c.name} (--help lists: ${help.aliases.join(', ')})`);
      }
      for (const f of c.flags) {
        const h = findFlag(help, f.long);
        if (!h || h.hidden) {
          problems.push(`${where}: flag ${f.long} does not exist for ${c.name}`);
          continue;
        }
        if (h.short !== f.short) problems.push(`${where}: flag ${f.long}: short form is ${h.short ?? '(none)'} in --help, ${f.short ?? '(none)'} in the data`);
        if (!!h.type !== !!f.arg) problems.push(`${where}: flag ${f.long}: --help says it ${h.type ? `takes a value (${h.type})` : 'takes no value'}, the data ${f.arg ? `gives arg "${f.arg}"` : 'gives no arg'}`);
        for (const a of f.aliases) {
          if (findFlag(help, a)?.hidden !== f.long) problems.push(`${where}: flag ${f.long}: alias ${a} is not a hidden alias of ${f.long}; list it in HIDDEN_FLAGS (src/lib/docker-cli.ts) only if the CLI accepts it`);
        }
      }
      expect(problems).toEqual([]);
    });
  }
});

describe('every example in the reference uses real flags', () => {
  for (const c of commands) {
    test(c.id, () => {
      const examples = [...c.examples.map((e, i) => ({ e, at: `example ${i + 1}` })), ...c.topics.flatMap((t) => t.examples.map((e, i) => ({ e, at: `topic ${t.id} example ${i + 1}` })))];
      const problems = examples.flatMap(({ e, at }) => checkDockerCommandLine(e.command, `${COMMANDS_FILE}: "${c.id}" ${at}`));
      expect(problems).toEqual([]);
    });
  }
});

/** Docker command lines in a chapter's copyable code blocks, with their line numbers. */
function chapterCommandLines(source: string): Array<{ line: number; text: string }> {
  const out: Array<{ line: number; text: string }> = [];
  for (const fence of codeFences(source)) {
    if (!COPYABLE_LANGUAGES.has(fence.lang)) continue;
    const lines = fence.code.split('\n');
    const copied = copyText(fence.code, fence.lang).replace(/\\\n/g, '\\\u0000').split('\n');
    let from = 0;
    for (const cmd of copied) {
      const text = cmd.replace(/\\\u0000/g, '\\\n');
      const firstLine = text.split('\n')[0]!.trim();
      const idx = lines.findIndex((l, i) => i >= from && l.includes(firstLine));
      if (idx >= 0) from = idx + 1;
      if (/\bdocker\b/.test(text)) out.push({ line: fence.line + 1 + Math.max(idx, 0), text });
    }
  }
  return out;
}

describe('every docker command in the chapters uses real flags', () => {
  const dir = 'content/chapters';
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.mdx')).sort()) {
    test(file, () => {
      const path = `${dir}/${file}`;
      const problems = chapterCommandLines(readFileSync(path, 'utf8')).flatMap(({ line, text }) => checkDockerCommandLine(text, `${path}:${line}`));
      expect(problems).toEqual([]);
    });
  }
});

describe('the check itself', () => {
  test('accepts hidden aliases, global flags, sudo, bundles and values', () => {
    for (const ok of [
      'docker run --net=host ubuntu',
      'docker run --net host ubuntu',
      'sudo docker -H duckiebot.local run -dit --privileged --name joystick --network=host -v /data:/data duckietown/dt-core:ente',
      'docker run -p8080:80 -e A=1 --rm nginx',
      'docker run --rm ubuntu ls -la --color',
      'docker ps -aq | xargs docker rm -f',
      'docker rm -f $(docker ps -aq)',
      'docker images',
      'docker image list -q',
      'docker compose -f robot.yaml up -d --build',
      '$ docker run --rm \\\n  -v "$PWD:/work" \\\n  -w /work ubuntu ls',
      'docker run ...',
      'docker -H duckiebot.local ...',
      'docker COMMAND --help',
      'docker compose pull',
    ]) {
      expect(checkDockerCommandLine(ok, 'ok')).toEqual([]);
    }
  });
  test('names the source, the command and the flag', () => {
    expect(checkDockerCommandLine('docker run --port 8080:80 nginx', 'content/chapters/x.mdx:12')).toEqual([
      'content/chapters/x.mdx:12: `docker run --port 8080:80 nginx`: docker run has no flag --port',
    ]);
    expect(checkDockerCommandLine('docker run -itz ubuntu', 's')[0]).toMatch(/docker run has no flag -z \(in -itz\)/);
    expect(checkDockerCommandLine('docker -H x --hostname y ps', 's')[0]).toMatch(/docker \(global options, before the command\) has no flag --hostname/);
    expect(checkDockerCommandLine('docker image details ubuntu', 's')[0]).toMatch(/unknown docker command "docker image details"/);
    expect(checkDockerCommandLine('docker system prune --images', 's')[0]).toMatch(/docker system prune has no flag --images/);
    // -d is --detach (no value), so the device path would be read as the image name.
    expect(checkDockerCommandLine('docker run -d /dev/video0 myimage', 's')[0]).toMatch(/"\/dev\/video0" is not a valid image reference/);
    expect(checkDockerCommandLine('docker run --rm Ubuntu', 's')[0]).toMatch(/"Ubuntu" is not a valid image reference/);
  });
  test('hidden aliases are listed in one place and point at real flags', () => {
    for (const [cmd, flags] of Object.entries(HIDDEN_FLAGS)) {
      const help = dockerCli.byName.get(cmd)!;
      for (const target of Object.values(flags)) expect(findFlag(help, target), `${cmd} ${target}`).toBeDefined();
    }
  });
  test('parseHelp reads usage, aliases, flags with types and wrapped descriptions', () => {
    const help = parseHelp(
      'Usage:  docker image ls [OPTIONS] [REPOSITORY[:TAG]]\n\nList images\n\nAliases:\n  docker image ls, docker image list,\n  docker images\n\nOptions:\n  -a, --all             Show all images (default hides intermediate images)\n      --format string   Format output using a custom template:\n                        \'table\': ...\n',
    );
    expect(help).toMatchObject({ name: 'docker image ls', summary: 'List images', aliases: ['docker image ls', 'docker image list', 'docker images'] });
    expect(help.flags).toEqual([
      { short: '-a', long: '--all', description: 'Show all images (default hides intermediate images)' },
      { long: '--format', type: 'string', description: 'Format output using a custom template:' },
    ]);
    const cli = buildCli([parseHelp('Usage:  docker [OPTIONS] COMMAND\n\nx\n\nGlobal Options:\n  -H, --host list   Daemon socket\n'), help]);
    expect(checkCommandLine('docker images --al', 'f', cli)).toEqual(['f: `docker images --al`: docker image ls has no flag --al']);
  });
});
