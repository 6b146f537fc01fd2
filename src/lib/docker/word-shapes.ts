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

/** The parts of an image reference: registry (when the first part names a host), repository, tag, digest. */
export function parseImageReference(ref: string): { registry?: string; repository: string; tag?: string; digest?: string } {
  const [name, digest] = ref.split('@') as [string, string | undefined];
  const slash = name.lastIndexOf('/');
  const colon = name.lastIndexOf(':');
  const repository = colon > slash ? name.slice(0, colon) : name;
  const first = repository.split('/')[0]!;
  const out: { registry?: string; repository: string; tag?: string; digest?: string } = { repository };
  if (repository.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost')) out.registry = first;
  if (colon > slash) out.tag = name.slice(colon + 1);
  if (digest) out.digest = digest;
  return out;
}
