/**
 * What a value means, by the kind its flag declares (flags[].value in commands.yaml, see
 * kinds.ts), and what an image reference says. A value may carry a risk for the explainer's
 * summary (the Docker socket or / mounted, the host network, a daemon over plain TCP).
 */
import type { ValueKind } from './kinds.ts';

export type RiskId = 'privileged' | 'docker-socket' | 'root-mount' | 'host-network' | 'plain-tcp' | 'host-command' | 'flag';

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

/** Describe the value of a flag of the given kind. `flag` names it in the fallback text. */
export function describeValue(kind: ValueKind | undefined, value: string, flag: string): Described {
  switch (kind) {
    case 'port-mapping': {
      const [ports = '', proto] = value.split('/');
      const bits = ports.split(':');
      const container = bits.pop() ?? '';
      const host = bits.pop();
      const ip = bits.join(':');
      if (!/^\d+(-\d+)?$/.test(container) || (host && !/^\d+(-\d+)?$/.test(host))) return { text: `Port mapping "${value}" (expected HOST_PORT:CONTAINER_PORT).` };
      const hostPart = host ? `port ${host} of the host` : 'a random free port of the host';
      return { text: `Send ${hostPart}${ip ? ` (address ${ip} only)` : ''} to port ${container} inside the container${proto ? ` (${proto})` : ''}.` };
    }
    case 'volume': {
      const parts = value.split(':');
      if (parts.length === 1) return { text: `An anonymous volume mounted at ${value} inside the container.` };
      const [src, dst = '', opts] = parts as [string, string | undefined, string | undefined];
      const isPath = /^[/.~$]/.test(src);
      return mountOf(src, dst, !!opts?.split(',').includes('ro'), isPath ? `the host path ${src}` : `the named volume ${src}`);
    }
    case 'mount': {
      const fields = new Map(value.split(',').map((kv) => [kv.split('=')[0]!, kv.includes('=') ? kv.slice(kv.indexOf('=') + 1) : 'true']));
      const type = fields.get('type') ?? 'volume';
      const src = fields.get('source') ?? fields.get('src') ?? '';
      const dst = fields.get('destination') ?? fields.get('dst') ?? fields.get('target') ?? '';
      const ro = ['readonly', 'ro'].some((k) => fields.has(k) && fields.get(k) !== 'false');
      if (type === 'tmpfs') return { text: `A temporary in-memory filesystem at ${dst} inside the container.` };
      return mountOf(src, dst, ro, type === 'bind' ? `the host path ${src}` : src ? `the named volume ${src}` : 'a new anonymous volume');
    }
    case 'env': {
      const eq = value.indexOf('=');
      return eq < 0 ? { text: `Copy the variable ${value} from your shell into the container.` } : { text: `Set the variable ${value.slice(0, eq)} to "${value.slice(eq + 1)}" inside the container.` };
    }
    case 'device': {
      const [host, inner, perms] = value.split(':');
      return { text: `Give the container the host device ${host}${inner ? ` (as ${inner})` : ''}${perms ? ` with permissions ${perms}` : ''}.` };
    }
    case 'network':
      if (value === 'host') {
        return {
          text: "Use the host's network directly: no own IP address, and -p port mappings are ignored.",
          risk: { id: 'host-network', text: "Host network: the container uses the host's network stack and can reach every service listening on the host." },
        };
      }
      if (value === 'none') return { text: 'No network at all.' };
      return { text: `Connect to the network "${value}".` };
    case 'restart':
      return { text: `Restart policy "${value}".` };
    case 'host': {
      const tcp = /^tcp:\/\//.test(value) || !/^\w+:\/\//.test(value);
      const text = /^\w+:\/\//.test(value) ? `Talk to the Docker daemon at ${value}.` : `Talk to the Docker daemon on ${value} (a bare host name means tcp://${value}:2375, unencrypted).`;
      return tcp ? { text, risk: { id: 'plain-tcp', text: `A remote daemon over plain TCP (${value}): unencrypted and unauthenticated unless TLS is set up; prefer ssh://.` } } : { text };
    }
    case 'name':
      return { text: `The container will be called "${value}"; later commands can use that name.` };
    case 'user':
      return { text: `Run as the user ${value} inside the container.` };
    case 'platform':
      return { text: `Use the image variant for ${value}.` };
    case 'file':
      return { text: `The file ${value}.` };
    default:
      return { text: `Value of ${flag}.` };
  }
}

/** Describe an image reference: registry, repository, tag. */
export function describeImage(ref: string): string {
  const [name, digest] = ref.split('@') as [string, string | undefined];
  const slash = name.lastIndexOf('/');
  const colon = name.lastIndexOf(':');
  const hasTag = colon > slash;
  const repo = hasTag ? name.slice(0, colon) : name;
  const tag = hasTag ? name.slice(colon + 1) : undefined;
  const first = repo.split('/')[0]!;
  const registry = repo.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost') ? first : undefined;
  const where = registry ? `from the registry ${registry}` : 'from Docker Hub';
  const official = !repo.includes('/') ? ' (an official image)' : '';
  const version = digest ? `, exactly the digest ${digest}` : tag ? `, tag ${tag}` : ', tag latest (no tag given)';
  return `The image: repository ${repo}${official}${version}, ${where}. Docker downloads it first if it is not on the machine.`;
}
