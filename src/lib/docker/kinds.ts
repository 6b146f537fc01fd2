/**
 * The declared semantics the command reference may give its entries (see src/schemas/command.ts),
 * as plain constants so the browser code can use them without the schema library.
 */

/**
 * What kind of value a flag takes; chooses the describer in describe.ts.
 * - `port-mapping`: `[IP:][HOST_PORT:]CONTAINER_PORT[/PROTO]` (`-p 8080:80`)
 * - `volume`: `SRC:DST[:OPTS]`, a host path or a named volume (`-v /data:/data:ro`)
 * - `mount`: `type=bind,src=...,dst=...` (`--mount`)
 * - `env`: `KEY=VALUE` or `KEY` (`-e`)
 * - `device`: `HOST_DEVICE[:CONTAINER_DEVICE[:PERMS]]` (`--device`)
 * - `network`: a network name, `host` or `none` (`--network`)
 * - `restart`: a restart policy (`--restart`)
 * - `host`: a daemon address (`-H tcp://...`, `ssh://...`)
 * - `name`: a name later commands use (`--name`)
 * - `user`: `UID[:GID]` or a user name (`-u`)
 * - `platform`: `OS/ARCH` (`--platform`)
 * - `file`: a file on the host (`-f compose.yaml`)
 */
export const VALUE_KINDS = ['port-mapping', 'volume', 'mount', 'env', 'device', 'network', 'restart', 'host', 'name', 'user', 'platform', 'file'] as const;
export type ValueKind = (typeof VALUE_KINDS)[number];

/**
 * Value kinds whose shape alone says what a word is, with the flag of `docker run` that takes them:
 * a student who searches for `/dev/video0`, `8080:80`, `type=bind,src=...` or `unless-stopped`
 * means that flag (src/lib/search/ranking.ts). tests/unit/search.test.ts checks that each flag
 * declares this kind in the model.
 */
export const VALUE_SHAPES: ReadonlyArray<{ kind: ValueKind; label: string; flag: string; shape: RegExp }> = [
  { kind: 'device', label: 'device path', flag: '--device', shape: /^\/dev\/[\w.\-/]+(?::[\w.\-/]*)*$/ },
  {
    kind: 'port-mapping',
    label: 'port mapping',
    flag: '--publish',
    shape: /^(?:[\d.]+:|\[[\da-f:]+\]:)?\d{1,5}(?:-\d{1,5})?:\d{1,5}(?:-\d{1,5})?(?:\/(?:tcp|udp|sctp))?$/,
  },
  { kind: 'mount', label: 'mount spec', flag: '--mount', shape: /^(?:type|src|source|dst|destination|target|readonly|ro)=[^,\s]*(?:,[\w-]+(?:=[^,\s]*)?)*$/ },
  { kind: 'restart', label: 'restart policy', flag: '--restart', shape: /^(?:unless-stopped|on-failure(?::\d+)?)$/ },
];

/**
 * What a positional argument is. Derived from the argument's name where the name says it
 * (IMAGE, CONTAINER, COMMAND, SERVICE, VOLUME, NETWORK); declare it where the name does not
 * (`docker image pull NAME` is an image).
 * - `image`: an image reference, checked like the CLI checks it (lower case, `name[:tag][@digest]`)
 * - `container`: a container name or ID
 * - `command`: the command run inside the container; docker stops reading flags at the first
 *   argument of a command that has one, so everything after it belongs to that command
 * - `service`: a Compose service
 * - `volume`, `network`: a volume or network name
 * - `path`: a file or folder (a build context, a copy source)
 * - `other`: anything else
 */
export const ARG_ROLES = ['image', 'container', 'command', 'service', 'volume', 'network', 'path', 'other'] as const;
export type ArgRole = (typeof ARG_ROLES)[number];

/**
 * Topics the explainer links to when it meets the thing they explain.
 * - `docker-socket`: mounting the Docker socket (`-v /var/run/docker.sock:...`)
 * - `bundled-flags`: short flags written together (`-itd`)
 */
export const TOPIC_ROLES = ['docker-socket', 'bundled-flags'] as const;
export type TopicRole = (typeof TOPIC_ROLES)[number];

/** The role an argument name implies: `IMAGE`, `SOURCE_IMAGE[:TAG]` → image, `CONTAINER` → container ... */
export function roleFromName(name: string): ArgRole {
  const n = name.toUpperCase();
  if (/^COMMAND\b/.test(n)) return 'command';
  if (/IMAGE/.test(n)) return 'image';
  if (/^CONTAINER\b/.test(n) && !n.includes(':')) return 'container';
  if (/^SERVICE/.test(n)) return 'service';
  if (/^VOLUME/.test(n)) return 'volume';
  if (/^NETWORK/.test(n)) return 'network';
  if (/PATH|FILE|DIR/.test(n)) return 'path';
  return 'other';
}
