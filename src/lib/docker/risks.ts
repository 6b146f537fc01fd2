/**
 * Risks of a docker command as a whole, beyond one flag's own: data that is deleted, namespaces
 * shared with the host, combinations (said once, and only when every part is on the line),
 * secrets on the command line, and the context the line runs in (sudo, the CPU architecture an
 * image is built for, a shell the image lacks). Each rule reads the tokens of one segment
 * (tokenize.ts); the explainer links each risk to the part that causes it. Every fact is Docker's
 * documentation or its issue trackers, cited beside the rule.
 */
import type { RiskId } from './describe.ts';
import type { ModelIndex } from './model.ts';
import type { Segment, Token } from './tokenize.ts';
import { deletedByFlag, deletingFlags } from './deletes.ts';
import { mountFields } from './values.ts';
import { parseImageReference } from './word-shapes.ts';

export interface SegmentRisk {
  id: RiskId;
  text: string;
  /** The token the risk comes from (the explainer links to its part). */
  token: Token;
}

/** The flags of a segment by long name (hidden spellings as the flag they stand for), each with its token and values. */
function flagsOf(tokens: Token[]): Map<string, { token: Token; values: string[] }> {
  const out = new Map<string, { token: Token; values: string[] }>();
  for (const t of tokens) {
    if (!t.flag || (t.kind !== 'flag' && t.kind !== 'value')) continue;
    const long = t.flag.of ?? t.flag.long;
    let e = out.get(long);
    if (!e) out.set(long, (e = { token: t, values: [] }));
    if (t.kind === 'value') e.values.push(t.text);
  }
  return out;
}

/**
 * Names of variables that hold secrets (the shapes Docker's build check SecretsUsedInArgOrEnv
 * looks for: https://docs.docker.com/reference/build-checks/secrets-used-in-arg-or-env/).
 */
const SECRET_NAME = /(?:PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|ACCESS_KEY|PRIVATE_KEY|CREDENTIALS?|AUTH)|(?:^|_)(?:KEY|PASS)$/i;

/**
 * CPU architectures as image names and tags spell them (Docker Hub's per-architecture
 * namespaces such as arm64v8/ubuntu, Duckietown's `daffy-arm64v8` tags). An image built for one
 * architecture fails on another with "exec format error" (docker/for-linux and image issues, e.g.
 * https://github.com/jlesage/docker-crashplan-pro/issues/212) unless emulation is set up
 * (https://docs.docker.com/build/building/multi-platform/).
 */
const ARCH = /(?:^|[-_.])(arm64v8|arm64|aarch64|arm32v[567]|armhf|armv7l?|amd64|x86_64|i386|ppc64le|s390x|riscv64)(?:$|[-_.])/;
const ARCH_NAMESPACE = /^(arm64v8|arm32v[567]|amd64|i386|ppc64le|s390x|riscv64)\//;

/** The architecture an image reference names, if any. */
export function imageArch(ref: string): string | undefined {
  const { name, tag } = parseImageReference(ref);
  const ns = ARCH_NAMESPACE.exec(name)?.[1];
  if (ns) return ns;
  return tag === undefined ? undefined : ARCH.exec(tag)?.[1];
}

/**
 * Images without bash: Alpine and BusyBox ship sh only ("the Alpine images do not include bash",
 * https://github.com/docker-library/php/issues/469; "use sh", https://github.com/docker/for-linux/issues/963).
 */
function hasNoBash(ref: string): boolean {
  const { name, tag } = parseImageReference(ref);
  return /^(?:alpine|busybox)$/.test(name.split('/').at(-1)!) || /alpine/.test(tag ?? '');
}

const SHELL = /^(?:\/bin\/|\/usr\/bin\/)?(?:bash|sh|ash|zsh)$/;

/** The risks of one docker command (its segment also holds what stands before `docker`: sudo, variables). */
export function segmentRisks(seg: Segment, index: ModelIndex): SegmentRisk[] {
  if (!seg.docker || !seg.command) return [];
  const out: SegmentRisk[] = [];
  const tokens = seg.tokens;
  // Any spelling of a command: `docker rm` is `docker container rm`.
  const is = (name: string) => index.byName.get(name)?.name === seg.command;
  const flags = flagsOf(tokens);
  const has = (long: string) => flags.has(long);
  const value = (long: string) => flags.get(long)?.values.at(-1);
  const tokenOf = (long: string) => flags.get(long)!.token;
  const first = tokens.find((t) => t.kind === 'command') ?? tokens[0]!;
  const args = tokens.filter((t) => t.kind === 'argument');
  const image = tokens.find((t) => t.kind === 'image');
  const inner = tokens.find((t) => t.kind === 'inner-command');
  const add = (id: RiskId, text: string, token: Token) => out.push({ id, text, token });

  // sudo resets the environment (sudoers' env_reset, on by default): variables set before sudo do
  // not reach docker (`sudo env` shows no DOCKER_HOST: https://github.com/mviereck/x11docker/issues/79).
  const sudoAt = tokens.findIndex((t) => t.kind === 'sudo');
  const lost = sudoAt > 0 ? tokens.slice(0, sudoAt).filter((t) => t.kind === 'variable' && /^DOCKER_/.test(t.text)) : [];
  for (const v of lost) {
    const name = v.text.slice(0, v.text.indexOf('='));
    add(
      'sudo-env',
      `${name} is set before sudo, and sudo resets the environment: docker never sees ${name}${name === 'DOCKER_HOST' || name === 'DOCKER_CONTEXT' ? ', so it talks to the Docker daemon on this computer, not the one you named' : ''}. Put it after sudo, or use docker -H / --context.`,
      v,
    );
  }

  if (is('docker run') || is('docker create')) {
    // Namespaces shared with the host (https://docs.docker.com/reference/cli/docker/container/run/,
    // "--pid", "--ipc", "--uts", "--userns", "--cgroupns", "--network container:"; the run
    // reference's "PID settings" and "UTS settings": --uts=host "gives the container full access to
    // change the hostname of the host"; https://docs.docker.com/engine/security/userns-remap/).
    const pid = value('--pid');
    if (pid === 'host')
      add('shared-namespace', '--pid host: the container sees every process of the host, and as root it can signal (kill) them.', tokenOf('--pid'));
    const ipc = value('--ipc');
    if (ipc === 'host')
      add('shared-namespace', "--ipc host: the container shares the host's shared memory and IPC objects with every process of the host.", tokenOf('--ipc'));
    if (value('--uts') === 'host')
      add('shared-namespace', "--uts host: the container shares the host's hostname, and can change it for the whole host.", tokenOf('--uts'));
    if (value('--userns') === 'host')
      add(
        'shared-namespace',
        "--userns host: turns off the daemon's user-namespace remapping (userns-remap) for this container, so root inside is root on the host.",
        tokenOf('--userns'),
      );
    if (value('--cgroupns') === 'host') add('shared-namespace', "--cgroupns host: the container sees the host's whole cgroup tree.", tokenOf('--cgroupns'));
    const net = value('--network');
    if (net?.startsWith('container:'))
      add(
        'shared-namespace',
        `--network ${net}: the container shares the network stack of the container ${net.slice(10)}: the same IP address and ports, and localhost reaches its services.`,
        tokenOf('--network'),
      );

    // A combination, said once: privileged with the host's processes or its / is root on the host
    // (https://docs.docker.com/engine/security/#docker-daemon-attack-surface).
    const rootMount =
      (flags.get('--volume')?.values ?? []).some((v) => v.split(':')[0] === '/') ||
      (flags.get('--mount')?.values ?? []).some((v) => mountFields(v).some((f) => f.field === 'source' && f.value === '/'));
    if (has('--privileged') && (pid === 'host' || rootMount)) {
      const parts = ['--privileged', ...(pid === 'host' ? ['--pid host'] : []), ...(rootMount ? ["the host's / mounted"] : [])];
      add(
        'root-on-host',
        `Together, ${parts.join(' and ').replace(/ and (?=[^,]*and)/, ', ')} are root on the host: the container can enter the host's processes and change any file of it.`,
        tokenOf('--privileged'),
      );
    }

    // -p with the host network is ignored; the daemon warns "Published ports are discarded when
    // using host network mode" (https://github.com/docker/for-mac/issues/3143, https://github.com/moby/moby/issues/35500).
    const publish = flags.get('--publish') ?? flags.get('--publish-all');
    if (publish && net === 'host')
      add(
        'ports-ignored',
        `-p is ignored under --network host ("Published ports are discarded when using host network mode"): the container's ports are the host's ports.`,
        publish.token,
      );

    // -e NAME=secret: visible in docker inspect and the shell's history
    // (https://docs.docker.com/reference/cli/docker/container/run/#env; https://github.com/docker-library/postgres/issues/111).
    for (const t of tokens) {
      if (t.kind !== 'value' || (t.flag?.of ?? t.flag?.long) !== '--env') continue;
      const eq = t.text.indexOf('=');
      const name = t.text.slice(0, eq);
      if (eq > 0 && eq < t.text.length - 1 && SECRET_NAME.test(name)) {
        add(
          'secret-in-env',
          `-e ${name}=… puts a secret on the command line: your shell's history keeps it, and anyone who can run docker inspect on the container reads it. Use -e ${name} (copied from your shell) or --env-file; for real secrets mount a file (Compose secrets).`,
          t,
        );
      }
    }

    // --rm deletes the container with every file written inside it (https://docs.docker.com/reference/cli/docker/container/run/#rm):
    // a risk when a shell works in it and nothing is in a volume.
    const interactive = !inner ? has('--interactive') || has('--tty') : SHELL.test(inner.text);
    if (has('--rm') && interactive && !has('--volume') && !has('--mount'))
      add(
        'data-loss',
        '--rm: when you leave, the container is deleted with every file you wrote inside it; nothing on this line is in a volume or mount.',
        tokenOf('--rm'),
      );

    if (image && !image.subst) {
      const arch = imageArch(image.text);
      if (arch)
        add(
          'arch-mismatch',
          `The image is built for ${arch}: it runs only on a machine with that CPU (a robot's Raspberry Pi or Jetson is arm64, most laptops amd64). Elsewhere it fails with "exec format error" unless emulation is set up.`,
          image,
        );
      if (inner && /^(?:\/bin\/|\/usr\/bin\/)?bash$/.test(inner.text) && hasNoBash(image.text))
        add(
          'no-bash',
          `${image.text} has no bash (small images such as Alpine and BusyBox only have sh): this fails with "executable file not found". Use sh.`,
          inner,
        );
    }
  }

  // Commands that delete data.
  const force = has('--force');
  const all = has('--all');
  if (is('docker rm')) {
    const every = args.some((a) => (a.subst ?? []).some((s) => /\bdocker\s+(?:container\s+)?(?:ps|ls)\b.*\s-[a-z]*a/.test(` ${s} `)));
    const piped = tokens.some((t) => t.kind === 'runner' && t.text === 'xargs');
    const which = every
      ? 'every container on the machine (docker ps -a lists them all)'
      : piped
        ? 'the containers whose IDs come through the pipe'
        : 'the containers named';
    add(
      'data-loss',
      `Deletes ${which}${force ? ', running ones too (-f stops them first)' : ''}, with every file written inside them that is not in a volume.`,
      every ? args.find((a) => a.subst)! : first,
    );
  }
  // https://docs.docker.com/reference/cli/docker/system/prune/: stopped containers, unused
  // networks, dangling images and build cache; -a every unused image; --volumes anonymous volumes
  // only (https://github.com/docker/docs/pull/25818): since Engine 23 (API 1.42) prunes leave named
  // volumes unless asked (https://docs.docker.com/reference/cli/docker/volume/prune/ "API 1.42+";
  // https://github.com/testcontainers/moby-ryuk/pull/77, moby/moby#44216).
  if (is('docker system prune')) {
    add(
      'data-loss',
      `Deletes every stopped container, every network no container uses, ${all ? 'every image no container uses (not only dangling ones)' : 'dangling images'} and the build cache${has('--volumes') ? `, and ${deletedByFlag('docker system prune', '--volumes')} (since Engine 23 named volumes stay; before, they went too)` : ''}.`,
      first,
    );
  }
  if (is('docker image prune'))
    add(
      'data-loss',
      `Deletes ${all ? 'every image no container uses (unused images, not only dangling ones)' : 'dangling images (untagged layers no image needs)'}.`,
      first,
    );
  if (is('docker container prune')) add('data-loss', 'Deletes every stopped container, with the files written inside them.', first);
  // https://docs.docker.com/reference/cli/docker/volume/prune/: anonymous ones; -a also named ones.
  if (is('docker volume prune'))
    add(
      'data-loss',
      `Deletes ${all ? 'every volume no container uses, named ones too' : 'the anonymous volumes no container uses (since Engine 23; before, named ones too)'}, with their data.`,
      first,
    );
  if (is('docker volume rm'))
    add(
      'data-loss',
      `Deletes the volume${args.length > 1 ? 's' : ''} ${args.map((a) => a.text).join(', ') || 'named'} with all the data in ${args.length > 1 ? 'them' : 'it'}; it cannot be undone.`,
      first,
    );
  // https://docs.docker.com/reference/cli/docker/compose/down/: -v removes named volumes of the
  // Compose file and anonymous volumes of the containers.
  // Flags that delete data as well (deletes.ts); prune's own sentence names its --volumes.
  if (!is('docker system prune'))
    for (const [long, what] of deletingFlags(seg.command))
      if (has(long)) add('data-loss', `${tokenOf(long).flag?.short ?? long} also deletes ${what}, with their data.`, tokenOf(long));
  return out;
}
