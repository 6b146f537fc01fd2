/**
 * What a value means, by the kind its flag declares (flags[].value in commands.yaml, see
 * kinds.ts), and what an image reference says. A value may carry a risk for the explainer's
 * summary (the Docker socket or / mounted, the host network, a daemon over plain TCP).
 */
import type { ValueKind } from './kinds.ts';
import { isReadOnlyValue, mountFields, portMapping } from './values.ts';
import { parseImageReference } from './word-shapes.ts';

export type RiskId =
  | 'privileged'
  | 'docker-socket'
  | 'root-mount'
  | 'host-network'
  | 'plain-tcp'
  | 'host-command'
  | 'flag'
  // Line-level risks (risks.ts):
  | 'data-loss'
  | 'shared-namespace'
  | 'root-on-host'
  | 'ports-ignored'
  | 'secret-in-env'
  | 'sudo-env'
  | 'arch-mismatch'
  | 'no-bash';

/** Where a value stands: the command it belongs to, and the subcommand after it (`up` after `docker compose -f x.yaml`). */
export interface ValueContext {
  command: string;
  next?: string | undefined;
}

export interface Described {
  text: string;
  caution?: string;
  risk?: { id: RiskId; text: string };
}

const SOCKETS = new Set(['/var/run/docker.sock', '/run/docker.sock']);

function mountOf(src: string, dst: string, ro: boolean, what: string): Described {
  const text = `Mount ${what} at ${dst || '(no target given)'} inside the container${ro ? ', read-only (ro)' : ', read-write'}.`;
  if (SOCKETS.has(src)) {
    return {
      text,
      caution: 'This gives the container control of the Docker daemon: it is root on the host, and :ro does not change that.',
      risk: { id: 'docker-socket', text: 'The Docker socket is mounted: the container controls Docker, so it is root on the host.' },
    };
  }
  if (src === '/') {
    return {
      text,
      caution: `The host's whole filesystem becomes visible${ro ? '' : ' and writable'} in the container.`,
      risk: { id: 'root-mount', text: `The host's / is mounted${ro ? ' (read-only)' : ', writable'}: the container sees every file of the host.` },
    };
  }
  return { text };
}

/**
 * Restart policies (https://docs.docker.com/engine/containers/start-containers-automatically/):
 * `no`, `on-failure[:max-retries]`, `always`, `unless-stopped`.
 */
function describeRestart(value: string): string {
  const [policy, retries] = value.split(':');
  switch (policy) {
    case 'no':
      return 'Restart policy no: Docker never restarts the container (the default).';
    case 'always':
      return 'Restart policy always: Docker restarts the container whenever it stops, and starts it again when the Docker daemon starts (after a reboot), even if you had stopped it by hand.';
    case 'unless-stopped':
      return 'Restart policy unless-stopped: Docker restarts the container whenever it stops and after a reboot, unless you stop it yourself (docker stop); then it stays stopped.';
    case 'on-failure':
      return `Restart policy on-failure: Docker restarts the container only when it exits with an error (a non-zero exit code)${retries ? `, at most ${retries} times` : ''}.`;
    default:
      return `Restart policy "${value}": not one Docker knows (no, on-failure[:N], always, unless-stopped), so docker run fails.`;
  }
}

/** What a mount field means (https://docs.docker.com/engine/storage/bind-mounts/, volumes/, tmpfs/). */
const MOUNT_FIELDS: Record<string, (v: string, type: string) => string> = {
  type: (v) =>
    v === 'bind'
      ? 'a bind mount: a file or folder of the host'
      : v === 'volume'
        ? 'a volume Docker manages'
        : v === 'tmpfs'
          ? 'a temporary filesystem in memory'
          : `a ${v} mount`,
  source: (v, type) => (type === 'bind' ? `the host path ${v}` : `the named volume ${v}`),
  destination: (v) => `where it appears inside the container: ${v}`,
  readonly: (v) => (v === 'false' || v === '0' ? 'read-write' : 'read-only: the container cannot change it'),
  'bind-propagation': (v) => `bind propagation ${v}`,
  'volume-opt': (v) => `a volume driver option (${v})`,
  'tmpfs-size': (v) => `at most ${v} bytes`,
};

/** Namespace flags of docker run whose kind the reference does not declare: --pid, --ipc, --uts, --userns, --cgroupns. */
function describeNamespace(flag: string, value: string): string | undefined {
  const what: Record<string, string> = {
    '--pid': 'process (PID)',
    '--ipc': 'IPC (shared memory)',
    '--uts': 'hostname (UTS)',
    '--userns': 'user',
    '--cgroupns': 'cgroup',
  };
  const ns = what[flag];
  if (!ns) return undefined;
  if (value === 'host') return `Use the host's ${ns} namespace instead of one of the container's own.`;
  if (value.startsWith('container:')) return `Share the ${ns} namespace of the container ${value.slice(10)}.`;
  if (value === 'private') return `A ${ns} namespace of the container's own (the default).`;
  if (value === 'shareable') return `A ${ns} namespace of the container's own that other containers may join.`;
  return undefined;
}

/** Describe the value of a flag of the given kind. `flag` names it in the fallback text; `context` says where it stands. */
export function describeValue(kind: ValueKind | undefined, value: string, flag: string, context?: ValueContext): Described {
  switch (kind) {
    case 'port-mapping': {
      const p = portMapping(value);
      if (!p) return { text: `Port mapping "${value}" (expected HOST_PORT:CONTAINER_PORT).` };
      const hostPart = p.host ? `port ${p.host} of the host` : 'a random free port of the host';
      return {
        text: `Send ${hostPart}${p.ip ? ` (address ${p.ip} only)` : ''} to port ${p.container} inside the container${p.proto !== 'tcp' ? ` (${p.proto})` : ''}.`,
      };
    }
    case 'volume': {
      const parts = value.split(':');
      if (parts.length === 1) return { text: `An anonymous volume mounted at ${value} inside the container.` };
      const [src, dst = '', opts] = parts as [string, string | undefined, string | undefined];
      const isPath = /^[/.~$]/.test(src);
      return mountOf(src, dst, !!opts?.split(',').includes('ro'), isPath ? `the host path ${src}` : `the named volume ${src}`);
    }
    case 'mount': {
      const list = mountFields(value);
      const fields = new Map(list.map((f) => [f.field, f.value]));
      const type = fields.get('type') ?? 'volume';
      const src = fields.get('source') ?? '';
      const dst = fields.get('destination') ?? '';
      const ro = isReadOnlyValue(fields.get('readonly'));
      // Field by field, as typed: type=bind: a bind mount; src=/data: the host path /data; ...
      const each = list.map((f) => `${f.written}: ${MOUNT_FIELDS[f.field]?.(f.value, type) ?? 'an option of the mount'}`);
      const whole =
        type === 'tmpfs'
          ? { text: `A temporary in-memory filesystem at ${dst} inside the container.` }
          : mountOf(src, dst, ro, type === 'bind' ? `the host path ${src}` : src ? `the named volume ${src}` : 'a new anonymous volume');
      return { ...whole, text: `${whole.text} Field by field: ${each.join('; ')}.` };
    }
    case 'env': {
      const eq = value.indexOf('=');
      return eq < 0
        ? { text: `Copy the variable ${value} from your shell into the container.` }
        : { text: `Set the variable ${value.slice(0, eq)} to "${value.slice(eq + 1)}" inside the container.` };
    }
    case 'device': {
      const [host, inner, perms] = value.split(':');
      return { text: `Give the container the host device ${host}${inner ? ` (as ${inner})` : ''}${perms ? ` with permissions ${perms}` : ''}.` };
    }
    case 'network':
      if (value === 'host') {
        return {
          text: "Use the host's network directly: no IP address of its own; a program listening on a port in the container listens on that port of the host.",
          risk: { id: 'host-network', text: "Host network: the container uses the host's network stack and can reach every service listening on the host." },
        };
      }
      if (value === 'none') return { text: 'No network at all.' };
      // https://docs.docker.com/engine/network/#container-networks
      if (value.startsWith('container:'))
        return { text: `Share the network stack of the container ${value.slice(10)}: the same IP address and ports; localhost reaches its services.` };
      if (value === 'bridge' || value === 'default') return { text: "Docker's default bridge network (what a container gets without --network)." };
      return { text: `Connect to the network "${value}": containers on the same user-defined network reach each other by name.` };
    case 'restart':
      return { text: describeRestart(value) };
    case 'host': {
      const tcp = /^tcp:\/\//.test(value) || !/^\w+:\/\//.test(value);
      const text = /^\w+:\/\//.test(value)
        ? `Talk to the Docker daemon at ${value}.`
        : `Talk to the Docker daemon on ${value} (a bare host name means tcp://${value}:2375, unencrypted).`;
      return tcp
        ? {
            text,
            risk: { id: 'plain-tcp', text: `A remote daemon over plain TCP (${value}): unencrypted and unauthenticated unless TLS is set up; prefer ssh://.` },
          }
        : { text };
    }
    case 'name':
      return { text: `The container will be called "${value}"; later commands can use that name.` };
    case 'user':
      return { text: `Run as the user ${value} inside the container.` };
    case 'platform': {
      // https://docs.docker.com/build/building/multi-platform/: os/arch[/variant], a comma-separated list when building.
      const list = value.split(',').filter(Boolean);
      if (list.length > 1)
        return {
          text: `Build for ${list.length} platforms: ${list.slice(0, -1).join(', ')} and ${list.at(-1)}, one image for each, under one name (a multi-platform image).`,
        };
      return {
        text: context?.command.endsWith('build')
          ? `Build the image for ${value}.`
          : `Use the image variant for ${value}; on a machine with another CPU it runs under emulation, if that is set up.`,
      };
    }
    case 'file':
      // https://docs.docker.com/reference/cli/docker/compose/ (-f, --file); https://docs.docker.com/reference/cli/docker/buildx/build/ (-f, --file).
      if (context?.command === 'docker compose')
        return {
          text: `Compose reads ${value} instead of compose.yaml (or docker-compose.yml) in this folder: ${context.next ? `${context.next} acts` : 'the command after it acts'} on the services that file defines.`,
        };
      if (/build$/.test(context?.command ?? ''))
        return { text: `Build with the Dockerfile ${value} instead of the file named Dockerfile in the build context.` };
      return { text: `The file ${value}.` };
    default:
      return { text: describeNamespace(flag, value) ?? `Value of ${flag}.` };
  }
}

/** Describe an image reference: registry, repository, tag (read by the model's parseImageReference). */
export function describeImage(ref: string): string {
  const { registry, repository, name, tag, digest } = parseImageReference(ref);
  const where = registry && name === repository ? `from the registry ${registry}` : 'from Docker Hub';
  const official = !name.includes('/') ? ' (an official image)' : '';
  const version = digest ? `, exactly the digest ${digest}` : tag ? `, tag ${tag}` : ', tag latest (no tag given)';
  return `The image: repository ${name}${official}${version}, ${where}. Docker downloads it first if it is not on the machine.`;
}
