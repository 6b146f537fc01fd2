import { describe, expect, test } from 'vitest';
import { describeImage, describeValue, editDistance, explain, type Part } from '~/lib/explain.ts';
import { loadExplainData } from '../support/reference-data.ts';

const data = loadExplainData();
const parts = (line: string) => explain(line, data).parts;
const brief = (ps: Part[]) => ps.map((p) => `${p.kind}:${p.text}`);

describe('explain', () => {
  test('the Duckietown example, token by token', () => {
    const r = explain('docker run -itd --privileged -v /dev:/dev --name bot -p 8080:80 duckietown/dt-core:ente ls', data);
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
      'image:duckietown/dt-core:ente',
      'inner-command:ls',
    ]);
    const byText = new Map(r.parts.map((p) => [p.text, p]));
    expect(byText.get('run')!.anchor).toBe('docker-run');
    expect(byText.get('-i')!).toMatchObject({ label: '-i, --interactive', anchor: 'docker-run-interactive', from: '-itd' });
    expect(byText.get('-t')!.anchor).toBe('docker-run-tty');
    expect(byText.get('-d')!.anchor).toBe('docker-run-detach');
    expect(byText.get('--privileged')!).toMatchObject({ anchor: 'docker-run-privileged' });
    expect(byText.get('--privileged')!.caution).toMatch(/root/);
    expect(byText.get('/dev:/dev')!.explanation).toMatch(/host path \/dev at \/dev/);
    expect(byText.get('8080:80')!.explanation).toMatch(/port 8080 of the host to port 80 inside the container/);
    expect(byText.get('-p')!.anchor).toBe('docker-run-publish');
    expect(byText.get('duckietown/dt-core:ente')!.explanation).toMatch(/repository duckietown\/dt-core, tag ente/);
  });

  test('--flag=value, read-only mounts and bundled value flags', () => {
    expect(brief(parts('docker run --name=bot -v /data:/data:ro -p8080:80 ubuntu'))).toEqual([
      'program:docker', 'command:run', 'flag:--name', 'value:bot', 'flag:-v', 'value:/data:/data:ro', 'flag:-p', 'value:8080:80', 'image:ubuntu',
    ]);
    const ps = parts('docker run --name=bot -v /data:/data:ro ubuntu');
    expect(ps[2]!.from).toBe('--name=bot');
    expect(ps[5]!.explanation).toMatch(/read-only/);
  });

  test('unknown flags are marked, with a suggestion', () => {
    const port = parts('docker run --port 8080:80 nginx').find((p) => p.kind === 'unknown-flag')!;
    expect(port.text).toBe('--port');
    expect(port.suggestion).toMatchObject({ text: '-p, --publish', anchor: 'docker-run-publish' });
    expect(brief(parts('docker run --port 8080:80 nginx'))).toEqual(['program:docker', 'command:run', 'unknown-flag:--port', 'value:8080:80', 'image:nginx']);
    expect(parts('docker run -itz ubuntu').map((p) => `${p.kind}:${p.text}`)).toEqual(['program:docker', 'command:run', 'flag:-i', 'flag:-t', 'unknown-flag:-z', 'image:ubuntu']);
    const typo = parts('docker run --privilegd ubuntu').find((p) => p.kind === 'unknown-flag')!;
    expect(typo.suggestion?.text).toBe('--privileged');
  });

  test('the hidden alias --net=host is --network host', () => {
    const ps = parts('docker run --net=host ubuntu');
    expect(ps[2]).toMatchObject({ kind: 'flag', text: '--net', anchor: 'docker-run-network' });
    expect(ps[2]!.explanation).toMatch(/hidden spelling of --network/);
    expect(ps[3]!.explanation).toMatch(/host's network/);
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
    const compose = explain('docker-compose up -d', data);
    expect(compose.parts[0]!.suggestion?.text).toBe('docker compose up');
  });

  test('flags after the image belong to the command in the container', () => {
    expect(brief(parts('docker exec -it bot ls -la /data'))).toEqual(['program:docker', 'command:exec', 'flag:-i', 'flag:-t', 'argument:bot', 'inner-command:ls', 'argument:-la', 'argument:/data']);
  });

  test('continuations, prompts and pipes', () => {
    expect(brief(parts('$ docker run --rm \\\n  ubuntu:22.04 | less')).slice(0, 4)).toEqual(['program:docker', 'command:run', 'flag:--rm', 'image:ubuntu:22.04']);
    expect(parts('docker ps -a | grep bot').at(-1)!.kind).toBe('other');
  });

  test('not a docker command', () => {
    expect(explain('ls -la', data).error).toMatch(/not a docker command/);
    expect(explain('   ', data).error).toMatch(/Paste a docker command/);
  });
});

describe('helpers', () => {
  test('describeValue', () => {
    expect(describeValue('--publish', '127.0.0.1:8080:80/udp').text).toBe('Send port 8080 of the host (address 127.0.0.1 only) to port 80 inside the container (udp).');
    expect(describeValue('--publish', '80').text).toMatch(/random free port/);
    expect(describeValue('--volume', '/var/run/docker.sock:/var/run/docker.sock').caution).toMatch(/root on the host/);
    expect(describeValue('--volume', 'bags:/data').text).toMatch(/named volume bags/);
    expect(describeValue('--env', 'VEHICLE_NAME=duckie').text).toBe('Set the variable VEHICLE_NAME to "duckie" inside the container.');
    expect(describeValue('--device', '/dev/video0').text).toMatch(/\/dev\/video0/);
  });
  test('describeImage', () => {
    expect(describeImage('ubuntu')).toMatch(/repository ubuntu \(an official image\), tag latest/);
    expect(describeImage('ghcr.io/x/y:1')).toMatch(/registry ghcr.io/);
  });
  test('editDistance', () => {
    expect(editDistance('--privilegd', '--privileged')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
  });
});
