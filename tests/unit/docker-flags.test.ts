/**
 * Every docker line of the site against the docker model (src/lib/docker/): the CLI 28.2 captures
 * and the Engine 29.7 table, Compose 5.5 and Buildx 0.36 tables, overlaid by the reference. Every
 * failure names the file, the entry or line, the flag and, when only one version lacks it, the
 * version. A version difference passes when the text around the line names the version.
 * The chapters' docker lines are checked by the build (src/lib/checks/docker-lines.ts; its fixture
 * is tests/fixtures/bad/course/docker-flags.mdx).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { checkLine, mentionsVersion } from '~/lib/docker/check.ts';
import { buildModel, indexModel } from '~/lib/docker/model.ts';
import { parseHelp, parseTable } from '~/lib/docker/sources.ts';
import { CAPTURE_VERSION, loadSources } from '~/lib/docker/data.ts';
import { checkDockerCommandLine, dockerModel } from '../support/docker-model.ts';
import { parseCommandsFile } from '~/schemas/command.ts';
import { COMMANDS_FILE, loadCommands } from '../support/reference-data.ts';

const commands = loadCommands();
const { model, problems } = dockerModel();

describe('the CLI data', () => {
  test('the captures record the client version; the tables name theirs', () => {
    expect(CAPTURE_VERSION).toMatch(/^Docker version 28\.\d+\.\d+/);
    expect(model.engines).toEqual(
      loadSources()
        .filter((s) => s.product === 'engine')
        .map((s) => s.label),
    );
    expect(model.engines.length).toBe(2);
    expect(Object.keys(model.plugins).sort()).toEqual(['buildx', 'compose']);
  });
  test('the reference agrees with the CLI data (the build fails on the same list)', () => {
    expect(problems).toEqual([]);
  });
  test('a flag one version lacks is marked with that version', () => {
    const run = model.commands.find((c) => c.name === 'docker run')!;
    const missing = (long: string) => run.flags.find((f) => f.long === long)?.missing?.map((e) => model.engines[e]);
    expect(missing('--kernel-memory')).toEqual([model.engines[1]]);
    expect(missing('--disable-content-trust')).toEqual([model.engines[1]]);
    expect(missing('--publish')).toBeUndefined();
  });
});

test('the product data lives in content/reference/: nothing in src/ reads from tests/', () => {
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(`${dir}/${e.name}`) : [`${dir}/${e.name}`]));
  const offenders = files('src').filter(
    (f) => /\.(ts|astro|mjs)$/.test(f) && /from\s+['"][^'"]*\btests\/|glob[^(]*\(\s*['"][^'"]*\btests\//.test(readFileSync(f, 'utf8')),
  );
  expect(offenders).toEqual([]);
});

describe('every example in the reference passes both CLI versions', () => {
  for (const c of commands) {
    test(c.id, () => {
      const examples = [
        ...c.examples.map((e, i) => ({ e, at: `example ${i + 1}` })),
        ...c.topics.flatMap((t) => t.examples.map((e, i) => ({ e, at: `topic ${t.id} example ${i + 1}` }))),
      ];
      const found = examples.flatMap(({ e, at }) => checkDockerCommandLine(e.command, `${COMMANDS_FILE}: "${c.id}" ${at}`, { context: e.does }));
      // The right spellings the entry points to, and its aliases, are real commands too.
      const rights = [...c.mistakes, ...c.flags.flatMap((f) => f.mistakes)].map((m) => m.right).filter((r) => /^docker /.test(r));
      for (const r of [...rights, ...c.aliases]) found.push(...checkDockerCommandLine(r, `${COMMANDS_FILE}: "${c.id}" (${r})`, { fragment: true }));
      expect(found).toEqual([]);
    });
  }
});

describe('the check itself', () => {
  test('accepts hidden aliases, global flags, sudo, bundles, values, placeholders, Compose and Buildx', () => {
    for (const ok of [
      'docker run --net=host ubuntu',
      'docker run --net host ubuntu',
      'docker run --dns-opt ndots:1 ubuntu',
      'sudo docker -H duckiebot.local run -dit --privileged --name joystick --network=host -v /data:/data duckietown/dt-core:ente',
      'docker run -p8080:80 -e A=1 -e=B --rm nginx',
      'docker run --rm ubuntu ls -la --color',
      'docker ps -aq | xargs docker rm -f',
      'docker rm -f $(docker ps -aq)',
      'docker images',
      'docker image list -q',
      'docker compose -f robot.yaml up -d --build',
      'docker compose logs -f --tail 50 web',
      'docker buildx build --platform linux/arm64,linux/amd64 -t me/app:1 --push .',
      '$ docker run --rm \\\n  -v "$PWD:/work" \\\n  -w /work ubuntu ls',
      'docker run ...',
      'docker -H duckiebot.local ...',
      'docker COMMAND --help',
      'docker run IMAGE',
      'docker push USER/APP:TAG',
    ]) {
      expect(checkDockerCommandLine(ok, 'ok'), ok).toEqual([]);
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
    expect(checkDockerCommandLine('docker run -d /dev/video0 myimage', 's')[0]).toMatch(
      /"\/dev\/video0" is not a valid image reference.*-d \(--detach\), takes no value/,
    );
    expect(checkDockerCommandLine('docker run --rm Ubuntu', 's')[0]).toMatch(/"Ubuntu" is not a valid image reference/);
    expect(checkDockerCommandLine('docker compose up --detatch', 's')[0]).toMatch(/docker compose up has no flag --detatch; did you mean -d, --detach\?/);
    expect(checkDockerCommandLine('ls && docker run "x', 's')[0]).toMatch(/never closed/);
  });
  test('a flag one CLI version lacks fails with the version named, unless the text says so', () => {
    const [engine28, engine29] = model.engines as [string, string];
    expect(checkDockerCommandLine('docker run --kernel-memory 1g ubuntu', 'f:3')).toEqual([
      `f:3: \`docker run --kernel-memory 1g ubuntu\`: docker run --kernel-memory is not in ${engine29} (only in ${engine28}).`,
    ]);
    expect(checkDockerCommandLine('docker build --disable-content-trust .', 'f:3')[0]).toMatch(new RegExp(`is not in ${engine29}`));
    expect(checkDockerCommandLine('docker run --kernel-memory 1g ubuntu', 'f:3', { context: 'Docker 29 removed this flag.' })).toEqual([]);
    expect(checkDockerCommandLine('docker run --kernel-memory 1g ubuntu', 'f:3', { context: 'An old flag.' })).toHaveLength(1);
    expect(checkDockerCommandLine('docker bake', 'f:4')[0]).toMatch(new RegExp(`docker bake is not in ${engine28}`));
    expect(mentionsVersion('works on CLI 28.x only', engine28)).toBe(true);
    expect(mentionsVersion('port 29 of the host', engine29)).toBe(false);
  });
  test('parseHelp reads usage, aliases, flags with types and wrapped descriptions', () => {
    const help = parseHelp(
      "Usage:  docker image ls [OPTIONS] [REPOSITORY[:TAG]]\n\nList images\n\nAliases:\n  docker image ls, docker image list,\n  docker images\n\nOptions:\n  -a, --all             Show all images (default hides intermediate images)\n      --format string   Format output using a custom template:\n                        'table': ...\n",
    );
    expect(help).toMatchObject({ name: 'docker image ls', summary: 'List images', aliases: ['docker image ls', 'docker image list', 'docker images'] });
    expect(help.flags).toEqual([
      { short: '-a', long: '--all', description: 'Show all images (default hides intermediate images)' },
      { long: '--format', type: 'string', description: "Format output using a custom template: 'table': ..." },
    ]);
  });
  test('a table row that is not a table row fails with the file and line', () => {
    expect(() => parseTable('# compose 5.5.0: x\ncommand\tlong\nnot a row', 'content/reference/cli/compose-5.5.0.tsv')).toThrow(
      /compose-5\.5\.0\.tsv:3: expected "command<TAB>long/,
    );
    expect(() => parseTable('compose', 'content/reference/cli/x.tsv')).toThrow(/x\.tsv: line 1 must say/);
  });
  test('a reference entry that contradicts the CLI data is named, with what to do', () => {
    const base = { id: 'docker-ps', name: 'docker ps', group: 'managing-containers', synopsis: 'docker ps [OPTIONS]', summary: 'List.', chapter: 'x' };
    const bad = parseCommandsFile(
      [
        {
          ...base,
          flags: [
            { long: '--alll', meaning: 'x' },
            { short: '-q', long: '--quiet', arg: 'X', meaning: 'x' },
          ],
          hiddenFlags: { '--zz': '--nope' },
        },
        { ...base, id: 'docker-nope', name: 'docker nope' },
      ],
      ['x'],
    );
    const found = buildModel(loadSources(), bad).problems;
    expect(found).toEqual([
      expect.stringMatching(/"docker-ps": flag --alll does not exist for docker ps/),
      expect.stringMatching(/"docker-ps": flag --quiet: the CLI data says it takes no value; drop arg "X"/),
      expect.stringMatching(/"docker-ps": hiddenFlags --zz: --nope is not a flag of docker ps/),
      expect.stringMatching(/"docker-nope": no command `docker nope` in .*capture its --help with `sh content\/reference\/refresh-docker-help.sh`/),
    ]);
    expect(indexModel(buildModel(loadSources(), []).model).byName.get('docker container ls')?.name).toBe('docker container ls');
  });
  test('the same line checks the same with checkLine on a fresh index', () => {
    expect(checkLine('docker run --port 1 x', indexModel(model), { source: 's' })).toEqual(checkDockerCommandLine('docker run --port 1 x', 's'));
  });
});
