/**
 * The explainer (src/lib/docker/explain.ts) part by part, and the one grammar: the checker and
 * the explainer fed the same tricky lines must find the same problems (they share the tokenizer).
 */
import { describe, expect, test } from 'vitest';
import { describeImage, describeValue } from '~/lib/docker/describe.ts';
import { explain, LIMITS, type Part, type Risk } from '~/lib/docker/explain.ts';
import { lineProblems } from '~/lib/docker/check.ts';
import { checkDockerCommandLine, dockerModel } from '../support/docker-model.ts';
import { isDestructiveWord } from '~/lib/docker/deletes.ts';
import { loadExplainData } from '../support/reference-data.ts';
import { loadProbes, misses } from '../explain/score.ts';

const data = loadExplainData();
const parts = (line: string) => explain(line, data).parts;
const brief = (ps: Part[]) => ps.map((p) => `${p.kind}:${p.text}`);

describe('explain', () => {
  test('the Duckietown example, token by token', () => {
    const r = explain('docker run -itd --privileged -v /dev:/dev --name bot -p 8080:80 duckietown/dt-core:ente-arm64v8 ls', data);
    expect(r.command).toBe('docker run');
    expect(brief(r.parts)).toEqual([
      'program:docker',
      'command:run',
      'flag:-i',
      'flag:-t',
      'flag:-d',
      'flag:--privileged',
      'flag:-v',
      'value:/dev:/dev',
      'flag:--name',
      'value:bot',
      'flag:-p',
      'value:8080:80',
      'image:duckietown/dt-core:ente-arm64v8',
      'inner-command:ls',
    ]);
    const byText = new Map(r.parts.map((p) => [p.text, p]));
    expect(byText.get('run')!.anchor).toBe('docker-run');
    expect(byText.get('-i')!).toMatchObject({ label: '-i, --interactive', anchor: 'docker-run-interactive', from: '-itd' });
    expect(byText.get('-i')!.explanation).toMatch(/-itd is -i -t -d written together/);
    expect(byText.get('-t')!.anchor).toBe('docker-run-tty');
    expect(byText.get('-d')!.anchor).toBe('docker-run-detach');
    expect(byText.get('--privileged')!).toMatchObject({ anchor: 'docker-run-privileged' });
    expect(byText.get('--privileged')!.caution).toMatch(/root/);
    expect(byText.get('/dev:/dev')!.explanation).toMatch(/host path \/dev at \/dev/);
    expect(byText.get('8080:80')!.explanation).toMatch(/port 8080 of the host to port 80 inside the container/);
    expect(byText.get('duckietown/dt-core:ente-arm64v8')!.explanation).toMatch(/repository duckietown\/dt-core, tag ente-arm64v8/);
    // The -arm64v8 tag: a risk of the context (it fails on an amd64 laptop), linked to the image's part.
    expect(r.risks.map((x) => x.id)).toEqual(['privileged', 'arch-mismatch']);
    expect(r.risks[0]!.anchor).toBe('docker-run-privileged');
    expect(r.parts[r.risks[1]!.part!]!.kind).toBe('image');
  });

  test('--flag=value, -e=FOO, read-only mounts and bundled value flags', () => {
    expect(brief(parts('docker run --name=bot -v /data:/data:ro -p8080:80 -e=FOO ubuntu'))).toEqual([
      'program:docker',
      'command:run',
      'flag:--name',
      'value:bot',
      'flag:-v',
      'value:/data:/data:ro',
      'flag:-p',
      'value:8080:80',
      'flag:-e',
      'value:FOO',
      'image:ubuntu',
    ]);
    const ps = parts('docker run --name=bot -v /data:/data:ro -e=FOO ubuntu');
    expect(ps[2]!.from).toBe('--name=bot');
    expect(ps[5]!.explanation).toMatch(/read-only/);
    expect(ps[7]!.explanation).toBe('Copy the variable FOO from your shell into the container.');
  });

  test('unknown flags are marked, with a suggestion', () => {
    const port = parts('docker run --port 8080:80 nginx').find((p) => p.kind === 'unknown-flag')!;
    expect(port.suggestion).toMatchObject({ text: '-p, --publish', anchor: 'docker-run-publish' });
    expect(brief(parts('docker run --port 8080:80 nginx'))).toEqual(['program:docker', 'command:run', 'unknown-flag:--port', 'value:8080:80', 'image:nginx']);
    expect(brief(parts('docker run -itz ubuntu'))).toEqual(['program:docker', 'command:run', 'flag:-i', 'flag:-t', 'unknown-flag:-z', 'image:ubuntu']);
    expect(parts('docker run --privilegd ubuntu').find((p) => p.kind === 'unknown-flag')!.suggestion?.text).toBe('--privileged');
  });

  test('hidden flags: --net=host is --network host, --dns-opt is --dns-option', () => {
    const ps = parts('docker run --net=host ubuntu');
    expect(ps[2]).toMatchObject({ kind: 'flag', text: '--net', anchor: 'docker-run-network' });
    expect(ps[2]!.explanation).toMatch(/hidden spelling of --network/);
    expect(ps[3]!.explanation).toMatch(/host's network/);
    expect(brief(parts('docker run --dns-opt ndots:1 ubuntu'))).toEqual(['program:docker', 'command:run', 'flag:--dns-opt', 'value:ndots:1', 'image:ubuntu']);
  });

  test('a variable set in front of the command (DOCKER_HOST=… docker ps), also after sudo', () => {
    const r = explain('DOCKER_HOST=ssh://duckie@duckiebot.local docker ps -a', data);
    expect(r.error).toBeUndefined();
    expect(r.command).toBe('docker ps');
    expect(brief(r.parts)).toEqual(['variable:DOCKER_HOST=ssh://duckie@duckiebot.local', 'program:docker', 'command:ps', 'flag:-a']);
    expect(r.parts[0]).toMatchObject({ label: 'DOCKER_HOST', anchor: 'docker-host' });
    expect(r.parts[0]!.explanation).toBe(
      'Sets DOCKER_HOST, for this command only: the daemon socket the docker client connects to (as -H, --host does). Talk to the Docker daemon at ssh://duckie@duckiebot.local.',
    );
    expect(r.risks).toEqual([]);
    // Plain TCP is the same risk as -H tcp://…, with the same link.
    const tcp = explain('DOCKER_HOST=tcp://duckiebot.local:2375 docker images', data);
    const unlinked = (rs: Risk[]) => rs.map(({ part: _part, ...rest }) => rest);
    expect(unlinked(tcp.risks)).toEqual(unlinked([explain('docker -H tcp://duckiebot.local:2375 images', data).risks[0]!]));
    expect(tcp.risks.map((x) => [x.id, x.anchor])).toEqual([['plain-tcp', 'docker-host']]);
    expect(brief(parts('sudo -E DOCKER_CONTEXT=duckiebot docker ps'))).toEqual([
      'sudo:sudo',
      'sudo:-E',
      'variable:DOCKER_CONTEXT=duckiebot',
      'program:docker',
      'command:ps',
    ]);
    expect(parts('DOCKER_CONTEXT=duckiebot docker ps')[0]!.explanation).toMatch(/overrides DOCKER_HOST/);
    const other = parts('ROS_DOMAIN_ID=7 FOO="a b" docker ps');
    expect(brief(other)).toEqual(['variable:ROS_DOMAIN_ID=7', 'variable:FOO=a b', 'program:docker', 'command:ps']);
    expect(other[0]!.explanation).toBe('Sets the environment variable ROS_DOMAIN_ID to "7" for this command only (not one the Docker CLI reference lists).');
    // Not an assignment: a quoted name, or a lone NAME=value with no command after it.
    expect(explain('"A=1" docker ps', data).error).toMatch(/not a docker command/);
    expect(explain('DOCKER_HOST=ssh://robot', data).error).toMatch(/not a docker command/);
  });

  test('aliases, global flags and sudo', () => {
    const ps = parts('sudo docker -H duckiebot.local images -a');
    expect(brief(ps)).toEqual(['sudo:sudo', 'program:docker', 'global-flag:-H', 'value:duckiebot.local', 'command:images', 'flag:-a']);
    expect(ps[2]!.anchor).toBe('docker-host');
    expect(ps[4]!.anchor).toBe('docker-image-ls');
    expect(ps[5]!.anchor).toBe('docker-image-ls-all');
    expect(explain('docker image list', data).command).toBe('docker image ls');
  });

  test('management commands and wrong command names', () => {
    expect(brief(parts('docker system prune -a --volumes'))).toEqual(['program:docker', 'command:system', 'command:prune', 'flag:-a', 'flag:--volumes']);
    expect(parts('docker system prune -a')[3]!.anchor).toBe('docker-system-prune-all');
    const details = parts('docker image details ubuntu').find((p) => p.kind === 'unknown-command')!;
    expect(details.suggestion).toMatchObject({ text: 'docker image inspect', anchor: 'docker-image-inspect' });
    expect(explain('docker-compose up -d', data).parts[0]!.suggestion?.text).toBe('docker compose up');
  });

  test('typos say "did you mean" with the spelling distance, never a destructive command', () => {
    const rnu = parts('docker rnu hello-world')[1]!;
    expect(rnu).toMatchObject({ kind: 'unknown-command', suggestion: { text: 'docker run', anchor: 'docker-run' } });
    // Every typo one letter away from a harmless command: the suggestion is never a deleting one.
    const { index } = dockerModel();
    for (const word of ['rnu', 'ppull', 'imagse', 'strat', 'sotp', 'exce', 'lgos', 'rmm', 'rmii', 'prun']) {
      const s = parts(`docker ${word}`)[1]!.suggestion?.text.split(' ').at(-1);
      if (s) expect(isDestructiveWord(s), `docker ${word} -> ${s}`).toBe(false);
    }
    expect(index.children.get('docker')).toContain('rm');
  });

  test('flags after the image are flagged, with the fix', () => {
    const p = parts('docker run ubuntu -it bash').find((x) => x.kind === 'inner-command')!;
    expect(p.problems[0]).toMatchObject({ code: 'flag-after-image', severity: 'error' });
    expect(p.suggestion?.text).toBe('docker run -it ubuntu bash');
    // A program's own flags after its name are fine.
    expect(brief(parts('docker exec -it bot ls -la /data'))).toEqual([
      'program:docker',
      'command:exec',
      'flag:-i',
      'flag:-t',
      'argument:bot',
      'inner-command:ls',
      'inner-argument:-la',
      'inner-argument:/data',
    ]);
  });

  test('quotes stay one word; && starts a second docker command, explained too', () => {
    const r = explain('docker run --rm ubuntu bash -c "echo hi && ls" && docker ps -a', data);
    expect(brief(r.parts)).toEqual([
      'program:docker',
      'command:run',
      'flag:--rm',
      'image:ubuntu',
      'inner-command:bash',
      'inner-argument:-c',
      'inner-argument:echo hi && ls',
      'operator:&&',
      'program:docker',
      'command:ps',
      'flag:-a',
    ]);
    expect(r.commands).toEqual(['docker run', 'docker ps']);
    expect(r.parts.at(-1)!.anchor).toBe('docker-ps-all');
  });

  test('host shell syntax is named as such, with a warning when the host runs a command', () => {
    const r = explain('docker run $(rm -rf /)', data);
    const image = r.parts.find((p) => p.kind === 'image')!;
    expect(image.explanation).not.toMatch(/Docker Hub/);
    expect(image.problems[0]).toMatchObject({ code: 'host-command', severity: 'warning' });
    expect(image.problems[0]!.message).toMatch(/your shell runs `rm -rf \/` on your computer/);
    expect(r.risks.map((x) => x.id)).toContain('host-command');
    const redirect = explain('docker logs bot > log.txt 2>&1', data).parts.filter((p) => p.kind === 'redirect');
    expect(redirect.map((p) => p.text)).toEqual(['> log.txt', '2>&1']);
    expect(redirect[0]!.explanation).toMatch(/writes the output to the file log.txt/);
    const ticks = explain('docker rm `docker ps -aq`', data);
    expect(ticks.parts.find((p) => p.kind === 'argument')!.problems[0]!.code).toBe('host-command');
    // A docker command in the substitution is not a host-command risk; deleting every container is a data-loss one.
    expect(ticks.risks.map((x) => x.id)).toEqual(['data-loss']);
  });

  test('the risk summary lists the socket, / mounted, host network and plain TCP, with links', () => {
    const r = explain('docker -H tcp://robot:2375 run --privileged -v /var/run/docker.sock:/var/run/docker.sock -v /:/host --network host ubuntu', data);
    expect(r.risks.map((x) => x.id)).toEqual(['plain-tcp', 'privileged', 'docker-socket', 'root-mount', 'host-network', 'root-on-host']);
    expect(r.risks.find((x) => x.id === 'docker-socket')!.anchor).toBe('docker-run-docker-sock');
    expect(r.risks.find((x) => x.id === 'plain-tcp')!.anchor).toBe('docker-host');
    expect(explain('docker -H ssh://me@robot ps', data).risks).toEqual([]);
  });

  test('Compose and Buildx lines are explained from their tables', () => {
    expect(brief(parts('docker compose -f robot.yaml up -d --build'))).toEqual([
      'program:docker',
      'command:compose',
      'flag:-f',
      'value:robot.yaml',
      'command:up',
      'flag:-d',
      'flag:--build',
    ]);
    expect(brief(parts('docker buildx build --platform linux/arm64 -t me/app --push .')).slice(0, 5)).toEqual([
      'program:docker',
      'command:buildx',
      'command:build',
      'flag:--platform',
      'value:linux/arm64',
    ]);
    expect(parts('docker compose up --detatch')[3]!.suggestion?.text).toBe('-d, --detach');
  });

  test('a docker command run by xargs or watch after a pipe is explained too', () => {
    const r = explain('docker ps -aq | xargs -n 1 docker rm -f', data);
    expect(brief(r.parts)).toEqual([
      'program:docker',
      'command:ps',
      'flag:-a',
      'flag:-q',
      'operator:|',
      'runner:xargs',
      'runner:-n',
      'runner:1',
      'program:docker',
      'command:rm',
      'flag:-f',
    ]);
    expect(r.commands).toEqual(['docker ps', 'docker container rm']);
    expect(r.parts[5]!.explanation).toMatch(/output of the command before the pipe/);
    expect(r.risks.map((x) => [x.id, r.parts[x.part!]!.text])).toEqual([['data-loss', 'rm']]);
    expect(r.risks[0]!.text).toMatch(/IDs come through the pipe, running ones too/);
    expect(explain('watch -n 5 docker ps', data).commands).toEqual(['docker ps']);
    // Not a runner without docker after it.
    expect(brief(parts('docker ps | xargs echo')).slice(-2)).toEqual(['other:xargs', 'other:echo']);
  });

  test('continuations, prompts and pipes', () => {
    expect(brief(parts('$ docker run --rm \\\n  ubuntu:22.04 | less')).slice(0, 4)).toEqual([
      'program:docker',
      'command:run',
      'flag:--rm',
      'image:ubuntu:22.04',
    ]);
    expect(parts('docker ps -a | grep bot').at(-1)!.kind).toBe('other');
  });

  test('not a docker command', () => {
    expect(explain('ls -la', data).error).toMatch(/not a docker command/);
    expect(explain('   ', data).error).toMatch(/Paste a docker command/);
  });
});

describe('the verdict', () => {
  test('each problem once, linked to its part', () => {
    const r = explain('docker run --privilged --privilged ubuntu', data);
    expect(r.verdict.problems).toEqual([{ text: 'docker run has no flag --privilged.', part: 2 }]);
    expect(r.parts[2]!.text).toBe('--privilged');
    expect(r.verdict.fix).toBe('docker run --privileged --privileged ubuntu');
  });
  test('the repaired line: every problem repaired, across commands; none when one cannot be', () => {
    expect(explain('docker-compose up -d', data).verdict.fix).toBe('docker compose up -d');
    expect(explain('docker ps -a && docker rnu Ubuntu -it bash', data).verdict.fix).toBe('docker ps -a && docker run -it ubuntu bash');
    expect(explain('$ docker run --rm "ubuntu', data).verdict.fix).toBe('docker run --rm "ubuntu"');
    // --name needs a value, which nothing can guess: the problems are listed, no line is offered.
    const r = explain('docker run --privilged --name', data);
    expect(r.verdict.problems.map((p) => p.text)).toEqual(['docker run has no flag --privilged.', '--name needs a value, but the line ends here.']);
    expect(r.verdict.fix).toBeUndefined();
    // A problem inside $( ) is not repaired from outside.
    expect(explain('docker rm $(docker ps --al)', data).verdict.fix).toBeUndefined();
    expect(explain('docker run --rm ubuntu', data).verdict).toEqual({ problems: [] });
  });
});

describe('hostile input is capped and fast', () => {
  const time = (f: () => void) => {
    const t = performance.now();
    f();
    return performance.now() - t;
  };
  test('one huge bundle of short flags', () => {
    const line = 'docker run -' + 'itd'.repeat(2600) + ' ubuntu';
    let r!: ReturnType<typeof explain>;
    expect(time(() => (r = explain(line, data)))).toBeLessThan(1000);
    expect(r.truncated).toMatch(new RegExp(`^Only the first ${LIMITS.chars} characters were explained \\(the line has ${line.length}\\)`));
    expect(r.parts.length).toBeLessThanOrEqual(LIMITS.tokens);
  });
  test('5,000 flags in a 38 KB line', () => {
    const line = 'docker run ' + Array.from({ length: 5000 }, (_, i) => `--env V${i}=x`).join(' ') + ' ubuntu';
    expect(line.length).toBeGreaterThan(38_000);
    let r!: ReturnType<typeof explain>;
    expect(time(() => (r = explain(line, data)))).toBeLessThan(1000);
    expect(r.truncated).toMatch(/^Only the first 4000 characters were explained/);
  });
  test('many short parts within the character cap stop at the part cap, with the message', () => {
    const line = 'docker ps ' + '-a '.repeat(1200);
    let r!: ReturnType<typeof explain>;
    expect(time(() => (r = explain(line, data)))).toBeLessThan(1000);
    expect(r.truncated).toBe(`Only the first ${LIMITS.tokens} parts were explained; the rest of the line was not read.`);
    expect(r.parts.length).toBe(LIMITS.tokens);
  });
  test('unknown flags, quotes and substitutions in bulk', () => {
    // Repairable typos (the repaired line is walked again), risks on every flag, mounts read field by field.
    for (const line of [
      'docker run ' + '--privilged '.repeat(400),
      'docker run ' + '-v /:/h --pid=host -e TOKEN=1 --rm '.repeat(150),
      'docker run ' + '--mount type=bind,src=/a,dst=/b,readonly '.repeat(100) + 'alpine bash',
      'docker run ubuntu ' + '-it '.repeat(1300),
    ]) {
      expect(
        time(() => explain(line, data)),
        line.slice(0, 20),
      ).toBeLessThan(1000);
    }
    for (const line of [
      'docker run ' + '--nope '.repeat(800),
      'docker run ' + '"a'.repeat(2000),
      'docker run ' + '$('.repeat(1500),
      'docker ' + 'x'.repeat(4000),
      '`'.repeat(4000),
    ]) {
      expect(
        time(() => explain(line, data)),
        line.slice(0, 20),
      ).toBeLessThan(1000);
    }
  });
});

/**
 * The tricky lines: each with the problem codes both consumers must find. The checker reports the
 * errors; the explainer shows every problem on its parts. They share one tokenizer, and this
 * table proves it on the cases that once disagreed (the reference's listed mistakes are tried the
 * same way in docker-grammar.test.ts, from the model).
 */
const TRICKY: Array<[line: string, problems: string[]]> = [
  ['docker run -d /dev/video0 myimage', ['invalid-image']],
  ['docker run --rm Ubuntu', ['invalid-image']],
  ['docker run -e=FOO ubuntu', []],
  ['docker rnu hello-world', ['unknown-command']],
  ['docker run ubuntu -it bash', ['flag-after-image']],
  ['docker run --dns-opt ndots:1 ubuntu', []],
  ['docker run $(rm -rf /)', ['host-command']],
  ['docker run "ubuntu', ['unclosed-quote']],
  ["docker run 'ubuntu", ['unclosed-quote']],
  ['docker run `id -u` ubuntu', ['host-command']],
  ['docker logs bot > log.txt', ['redirect']],
  ['docker run --rm ubuntu bash -c "echo hi && ls"', []],
  ['docker ps -a && docker imgaes', ['unknown-command']],
  ['docker run --kernel-memory 1g ubuntu', ['version']],
  ['docker run --name', ['missing-value']],
  ['docker --hostname duckiebot.local ps', ['unknown-flag']],
  ['docker compose up --detatch', ['unknown-flag']],
  ['docker run -it --rm ubuntu:22.04 ls -la --color', []],
  ['docker run IMAGE', []],
  ['docker logs CONTAINER', []],
  ['docker -H duckiebot.local ...', []],
  ['docker COMMAND --help', []],
  ['docker rm -f $(docker ps -aq)', ['host-command']],
  ['docker run --net=host ubuntu', []],
  ['sudo -E docker run -p8080:80 nginx', []],
  ['docker run -- ubuntu', []],
];

describe('one grammar: the checker and the explainer agree', () => {
  const { index } = dockerModel();
  test.each(TRICKY)('%s', (line, codes) => {
    const found = lineProblems(line, index).map((f) => f.problem.code);
    expect(found).toEqual(codes);
    const shown = explain(line, data).parts.flatMap((p) => p.problems.map((x) => x.code));
    expect(shown).toEqual(found);
    const errors = lineProblems(line, index).filter((f) => f.problem.severity === 'error').length;
    expect(checkDockerCommandLine(line, 's').length).toBe(errors);
  });
});

describe('helpers', () => {
  test('describeValue by declared kind', () => {
    expect(describeValue('port-mapping', '127.0.0.1:8080:80/udp', '--publish').text).toBe(
      'Send port 8080 of the host (address 127.0.0.1 only) to port 80 inside the container (udp).',
    );
    expect(describeValue('port-mapping', '80', '--publish').text).toMatch(/random free port/);
    expect(describeValue('volume', '/var/run/docker.sock:/var/run/docker.sock', '-v').caution).toMatch(/root on the host/);
    expect(describeValue('mount', 'type=bind,src=/,dst=/host,readonly', '--mount').risk?.id).toBe('root-mount');
    expect(describeValue('volume', 'bags:/data', '-v').text).toMatch(/named volume bags/);
    expect(describeValue('env', 'VEHICLE_NAME=duckie', '-e').text).toBe('Set the variable VEHICLE_NAME to "duckie" inside the container.');
    expect(describeValue('device', '/dev/video0', '--device').text).toMatch(/\/dev\/video0/);
    expect(describeValue(undefined, 'x', '--foo').text).toBe('Value of --foo.');
  });
  test('describeImage', () => {
    expect(describeImage('ubuntu')).toMatch(/repository ubuntu \(an official image\), tag latest/);
    expect(describeImage('ghcr.io/x/y:1')).toMatch(/registry ghcr.io/);
  });
});

describe('the page downloads a core model and loads full flag lists when needed', () => {
  test('core + flags = the model; a line on a partial command asks for them', async () => {
    const { splitModel, completeModel } = await import('~/lib/docker/model.ts');
    const { core, flags } = splitModel(data.model);
    expect(completeModel(core, flags)).toEqual(data.model);
    const coreData = { ...data, model: core };
    expect(explain('docker run --rm ubuntu', coreData).incomplete).toEqual(['docker run']);
    expect(explain('docker run --rm ubuntu', data).incomplete).toBeUndefined();
    // The core keeps no flag meanings (the page waits for the list, "Loading the flags of ..."),
    // so it stays small; once loaded, the reference's meaning is there.
    expect(core.commands.find((c) => c.name === 'docker run')!.flags.map((f) => f.long)).not.toContain('--rm');
    expect(explain('docker run --rm ubuntu', data).parts[2]!.explanation).toMatch(/^Delete the container/);
    expect(JSON.stringify(core).length).toBeLessThan(JSON.stringify(data.model).length / 2);
  });
});

test('a part of a huge word names only its start', () => {
  const r = explain('docker run -' + 'itd'.repeat(2600) + ' ubuntu', data);
  expect(Math.max(...r.parts.map((p) => (p.from ?? '').length + p.explanation.length))).toBeLessThan(400);
});

/** The tuned probes (tests/explain/probes.yaml): lines students paste, each with what a correct explanation must say. */
describe('the tuned probes', () => {
  const probes = loadProbes('tests/explain/probes.yaml');
  test('there are at least 25 of them, and with the hold-out at least 40', () => {
    expect(probes.length).toBeGreaterThanOrEqual(25);
    expect(probes.length + loadProbes('tests/explain/holdout.yaml').length).toBeGreaterThanOrEqual(40);
  });
  test.each(probes.map((p) => [p.line, p] as const))('%s', (_line, probe) => {
    expect(misses(probe, data)).toEqual([]);
  });
});
