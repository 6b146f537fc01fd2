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
