/**
 * How docker reads the values of a kind (kinds.ts): a port mapping's parts and a mount's fields.
 * The explainer's describers (describe.ts), the risks and the exercise checker (through same.ts)
 * read values through these, so they agree on what a value says.
 */
export interface PortMapping {
  /** The host address, IPv6 without its brackets; empty: every address. */
  ip: string;
  /** The host port or range; empty: a random free port. */
  host: string;
  container: string;
  /** `tcp` when none is written. */
  proto: string;
}

/** A port mapping as docker reads it: `[IP:][HOST:]CONTAINER[/PROTO]`; undefined when it is not one. */
export function portMapping(v: string): PortMapping | undefined {
  const m = v.match(/^(.*?)(?:\/(tcp|udp|sctp))?$/i)!;
  const parts = m[1]!.split(':');
  const container = parts.pop()!;
  const host = parts.pop() ?? '';
  const ip = parts.join(':').replace(/^\[|\]$/g, '');
  if (!/^\d+(-\d+)?$/.test(container) || (host && !/^\d+(-\d+)?$/.test(host))) return undefined;
  return { ip, host, container, proto: (m[2] ?? 'tcp').toLowerCase() };
}

/** The names docker accepts for a mount's fields (https://docs.docker.com/engine/storage/bind-mounts/#options-for---mount). */
const MOUNT_FIELD_NAMES: Readonly<Record<string, string>> = { src: 'source', dst: 'destination', target: 'destination', ro: 'readonly' };

export interface MountField {
  /** As typed: `src=/data`, `ro`. */
  written: string;
  /** The field's one name: `source`, `destination`, `readonly`, `type`, ... */
  field: string;
  /** Its value; a field without `=` (`readonly`, `ro`) is `true`. */
  value: string;
}

/** The fields of a `--mount` value, in order: `type=bind,src=/data,dst=/data,ro`. */
export function mountFields(v: string): MountField[] {
  return v.split(',').map((written) => {
    const eq = written.indexOf('=');
    const key = eq < 0 ? written : written.slice(0, eq);
    return { written, field: MOUNT_FIELD_NAMES[key] ?? key, value: eq < 0 ? 'true' : written.slice(eq + 1) };
  });
}

/** Whether a mount is read-only: `readonly`, `ro`, `ro=true`, `readonly=1` (not `readonly=false`). */
export const isReadOnlyValue = (v: string | undefined): boolean => v !== undefined && !['false', '0'].includes(v);
