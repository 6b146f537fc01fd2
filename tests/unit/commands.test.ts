import { describe, expect, test } from 'vitest';
import { parseCommandsFile } from '~/schemas/command.ts';
import { aliasAnchors, commandAnchor, findCommand, findMistake, flagAnchor, flagLabel, groupCommands, inlineCode, referenceAnchors, referenceToc, topicAnchor } from '~/lib/commands.ts';
import { loadCommands } from '../support/reference-data.ts';

const commands = loadCommands();

describe('anchors', () => {
  test('command, flag and topic anchors follow the published scheme', () => {
    const run = findCommand(commands, 'docker run')!;
    expect(commandAnchor(run)).toBe('docker-run');
    expect(flagAnchor(run, { long: '--privileged' })).toBe('docker-run-privileged');
    expect(topicAnchor(run, 'itd')).toBe('docker-run-itd');
    expect(flagLabel({ short: '-p', long: '--publish' })).toBe('-p, --publish');
  });

  test('every anchor instructors link to exists, and anchors are unique', () => {
    const anchors = referenceAnchors(commands);
    expect(new Set(anchors).size).toBe(anchors.length);
    for (const a of [
      'docker-run', 'docker-ps', 'docker-exec', 'docker-logs', 'docker-restart', 'docker-cp', 'docker-inspect', 'docker-build', 'docker-tag', 'docker-push', 'docker-login',
      'docker-container-rm', 'docker-container-attach', 'docker-container-start', 'docker-container-stop', 'docker-container-prune',
      'docker-image-ls', 'docker-image-rm', 'docker-image-pull', 'docker-image-prune', 'docker-image-inspect', 'docker-image-history',
      'docker-system-prune', 'docker-system-df', 'docker-network-ls', 'docker-volume-ls', 'docker-volume-create', 'docker-volume-rm',
      'docker-compose-up', 'docker-compose-down',
      'docker-run-interactive', 'docker-run-tty', 'docker-run-detach', 'docker-run-itd', 'docker-run-volume', 'docker-run-mount', 'docker-run-publish',
      'docker-run-privileged', 'docker-run-device', 'docker-run-group-add', 'docker-run-cap-add', 'docker-run-docker-sock', 'docker-run-rm', 'docker-run-name',
      'docker-run-env', 'docker-run-network', 'docker-run-restart', 'docker-run-user', 'docker-run-workdir', 'docker-run-entrypoint', 'docker-run-gpus',
      'docker-system-prune-all', 'docker-system-prune-volumes', 'docker-host',
    ]) {
      expect(anchors, a).toContain(a);
    }
  });
});

describe('alias anchors', () => {
  test('links written with an alias or a mistake land on the right entry, never shadowing a real anchor', () => {
    const extra = [...aliasAnchors(commands).values()].flat();
    const byId = new Map(extra.map((a) => [a.id, a.target]));
    expect(byId.get('docker-images')).toBe('docker-image-ls');
    expect(byId.get('docker-rmi')).toBe('docker-image-rm');
    expect(byId.get('docker-image-details')).toBe('docker-image-inspect');
    expect(byId.get('docker-run-port')).toBe('docker-run-publish');
    expect(byId.get('docker-run-net')).toBe('docker-run-network');
    const real = new Set(referenceAnchors(commands));
    for (const a of extra) expect(real.has(a.id), a.id).toBe(false);
    expect(new Set(extra.map((a) => a.id)).size).toBe(extra.length);
  });
});

describe('lookups', () => {
  test('aliases lead to the entry', () => {
    expect(findCommand(commands, 'docker images')?.id).toBe('docker-image-ls');
    expect(findCommand(commands, 'docker image list')?.id).toBe('docker-image-ls');
    expect(findCommand(commands, 'docker  rmi')?.id).toBe('docker-image-rm');
    expect(findCommand(commands, 'docker rm')?.id).toBe('docker-container-rm');
  });
  test('wrong spellings lead to the right entry', () => {
    expect(findMistake(commands, '--port')).toMatchObject({ anchor: 'docker-run-publish', right: '-p, --publish' });
    expect(findMistake(commands, 'docker image details')).toMatchObject({ anchor: 'docker-image-inspect' });
    // --net=host is not a mistake: --net is a hidden alias that works.
    expect(findMistake(commands, '--net=host')).toBeUndefined();
  });
  test('--net is listed as a hidden alias of --network', () => {
    const network = findCommand(commands, 'docker run')!.flags.find((f) => f.long === '--network')!;
    expect(network.aliases).toEqual(['--net']);
  });
  test('system prune states its default behaviour', () => {
    const prune = findCommand(commands, 'docker system prune')!;
    expect(prune.summary).toMatch(/stopped containers.*networks not used.*dangling images.*build cache/);
    expect(prune.summary).toMatch(/Volumes and tagged images stay/);
  });
  test('--privileged and the socket carry their warnings, with narrower choices', () => {
    const run = findCommand(commands, 'docker run')!;
    const privileged = run.flags.find((f) => f.long === '--privileged')!;
    expect(privileged.caution).toMatch(/root/);
    expect(privileged.caution).toMatch(/--device.*--group-add.*--cap-add/);
    expect(run.topics.find((t) => t.id === 'docker-sock')!.caution).toMatch(/root on the host/);
  });
});

describe('page structure', () => {
  test('groups in page order; the ToC lists groups and commands but no flags', () => {
    expect(groupCommands(commands).map((g) => g.id)).toEqual(['running-containers', 'managing-containers', 'images', 'clean-up', 'more-commands']);
    const toc = referenceToc(commands);
    expect(toc[0]).toEqual({ depth: 2, slug: 'running-containers', text: 'Running containers' });
    expect(toc[1]).toEqual({ depth: 3, slug: 'docker-run', text: 'docker run' });
    expect(toc.some((h) => h.slug === 'docker-run-privileged')).toBe(false);
  });
  test('inlineCode escapes and renders code spans', () => {
    // Code spans carry line-break hints (src/lib/inline-code.ts): a flag never breaks inside.
    expect(inlineCode('use `-p 80:80` & <not> --port')).toBe(
      'use <code><span class="nobr">-p</span> <span class="nobr">80:80</span></code> &amp; &lt;not&gt; --port',
    );
    expect(inlineCode('`--privileged`')).toBe('<code class="nobr">--privileged</code>');
  });
});

describe('bad data fails with the entry named', () => {
  const base = { name: 'docker ps', id: 'docker-ps', group: 'managing-containers', synopsis: 'docker ps [OPTIONS]', summary: 'List containers.', chapter: 'x' };
  const parse = (data: unknown) => () => parseCommandsFile(data, ['x']);
  test('duplicate ids', () => {
    expect(parse([base, base])).toThrow(/entry 2 "docker-ps" > id: duplicate id "docker-ps"/);
  });
  test('unknown related id', () => {
    expect(parse([{ ...base, related: ['docker-nope'] }])).toThrow(/"docker-ps": related id "docker-nope" is not a command/);
  });
  test('unknown chapter', () => {
    expect(parse([{ ...base, chapter: 'nope' }])).toThrow(/command "docker-ps": unknown chapter "nope"; use one of: x/);
  });
  test('flag without meaning', () => {
    expect(parse([{ ...base, flags: [{ short: '-a', long: '--all' }] }])).toThrow(/entry 1 "docker-ps" > flags\[0\] \(--all\) > meaning: meaning is required/);
  });
  test('id that does not match the name', () => {
    expect(parse([{ ...base, id: 'docker-container-ls' }])).toThrow(/id "docker-container-ls" does not match name "docker ps": it must be "docker-ps"/);
  });
  test('an example with a prompt or curly quotes', () => {
    expect(parse([{ ...base, examples: [{ command: '$ docker ps', does: 'x' }] }])).toThrow(/must not start with a "\$ " prompt/);
    expect(parse([{ ...base, examples: [{ command: 'docker ps \u2013a', does: 'x' }] }])).toThrow(/plain ASCII/);
  });
});
