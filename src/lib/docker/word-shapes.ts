/** Small shared helpers on how docker words look. One definition each, used everywhere. */

/** A flag word: `-p`, `--publish`, `-itd`, `--name=bot`; not `-` (stdin), `--` or `-1`. */
export const isFlag = (t: string): boolean => /^--?[A-Za-z]/.test(t);

/** The long flag name without dashes: `--publish` → `publish` (the anchor suffix). */
export const flagName = (long: string): string => long.replace(/^-+/, '');

/** A flag as --help prints its names: `-p, --publish` or `--privileged`. */
export const flagLabel = (f: { short?: string | undefined; long: string }): string => (f.short ? `${f.short}, ${f.long}` : f.long);

/** A placeholder of a reference example or a synopsis: `IMAGE`, `HOST_PORT:CONTAINER_PORT`, `...`. */
export const isPlaceholder = (t: string): boolean => t === '...' || t === '\u2026' || /^[A-Z][A-Z0-9_]*(?:[:=][A-Z][A-Z0-9_]*)*(?:\.\.\.)?$/.test(t);

/** Anchor of a flag's reference section: command id + long name, `docker-run-publish`. */
export const flagAnchorOf = (commandId: string, long: string): string => `${commandId}-${flagName(long)}`;

/** `NAME=value` set in front of a command; the value may be quoted (`A="x y"`). */
const ASSIGNMENT = String.raw`[A-Za-z_][A-Za-z0-9_]*=(?:"[^"]*"|'[^']*'|[^\s"'])*`;

/**
 * A shell line that runs docker, as the walk (tokenize.ts) reads one: `docker ps`, `sudo docker ps`,
 * `DOCKER_HOST=ssh://robot docker ps`, `sudo -E DOCKER_CONTEXT=robot docker ps`; not `dockerd`,
 * `echo docker ps` or `docker` alone.
 */
export const DOCKER_LINE = new RegExp(String.raw`^\s*(?:${ASSIGNMENT}\s+)*(?:sudo(?:\s+-\S+)*\s+(?:${ASSIGNMENT}\s+)*)?docker\s+\S`);
export const isDockerLine = (line: string): boolean => DOCKER_LINE.test(line);

/**
 * An image reference as the CLI accepts it: `[HOST[:PORT]/]NAME[:TAG][@DIGEST]`, the repository
 * lower case (`ubuntu:22.04`, `duckietown/dt-core:ente-arm64v8`, `localhost:5000/bot@sha256:…`).
 */
export const IMAGE_REFERENCE =
  /^(?:[a-zA-Z0-9]+(?:[._-][a-zA-Z0-9]+)*(?::\d+)?\/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*(?::\w[\w.-]{0,127})?(?:@sha256:[a-f0-9]{64})?$/;

/** Whether a word is an image reference the CLI accepts (`docker run` fails on any other with "invalid reference format"). */
export const isImageReference = (ref: string): boolean => IMAGE_REFERENCE.test(ref);

/** Docker Hub's host names: `docker.io/library/nginx` is `nginx`. */
const DOCKER_HUB = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);

export interface ImageReference {
  /** The registry, when the first part names a host: `localhost:5000`, `ghcr.io`, `docker.io`. */
  registry?: string;
  /** Everything before the tag, as written: `localhost:5000/bot`, `docker.io/library/nginx`. */
  repository: string;
  /** The repository as docker resolves it, Docker Hub's host and `library/` left out: `docker.io/library/nginx` → `nginx`. */
  name: string;
  /** The tag as written (none: docker uses `latest`, unless a digest is given). */
  tag?: string;
  /** `sha256:…` after `@`. */
  digest?: string;
}

/**
 * The parts of an image reference: registry (when the first part names a host), repository, tag,
 * digest, and the name docker resolves it to (`docker.io/library/nginx`, `library/nginx` and
 * `nginx` are one image). The one reading of an image reference: the explainer, the risks, the
 * exercise checker and the content checks all use it.
 */
export function parseImageReference(ref: string): ImageReference {
  const [written, digest] = ref.split('@') as [string, string | undefined];
  const slash = written.lastIndexOf('/');
  const colon = written.lastIndexOf(':');
  const repository = colon > slash ? written.slice(0, colon) : written;
  const first = repository.split('/')[0]!;
  const registry = repository.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost') ? first : undefined;
  const onHub = registry === undefined || DOCKER_HUB.has(registry);
  const path = registry !== undefined && onHub ? repository.slice(registry.length + 1) : repository;
  const out: ImageReference = { repository, name: onHub ? path.replace(/^library\/(?=[^/]+$)/, '') : repository };
  if (registry !== undefined) out.registry = registry;
  if (colon > slash) out.tag = written.slice(colon + 1);
  if (digest) out.digest = digest;
  return out;
}
