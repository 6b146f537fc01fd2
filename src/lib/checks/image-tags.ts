/**
 * Image tags a student can use today: a Duckietown tag names the CPU architecture (Duckietown
 * publishes one tag a CPU, e.g. `ente-arm64v8` for the robot and `ente-amd64` for a laptop; a bare
 * `ente` pulls nothing useful), and no text recommends a release past its end of life. The build
 * checks every chapter line and every text field of the reference (src/integrations/lint-content.ts).
 */
import { parseImageReference } from '../docker/word-shapes.ts';

/** Duckietown's architecture suffixes (facts.md F-D8, F-M6), or the `${ARCH}` placeholder of its compose files. */
const DUCKIETOWN_ARCH = /-(amd64|arm64v8|arm32v7)$|\$\{?ARCH\}?/;

/**
 * Releases past their end of life, with the date support ended:
 * ROS Noetic: ROS REP 2000 (May 2025); Ubuntu: ubuntu.com/about/release-cycle (end of standard
 * support); Alpine: alpinelinux.org/releases (main repository support, about two years).
 */
export const END_OF_LIFE: ReadonlyArray<{ tag: RegExp; until: string; what: string }> = [
  { tag: /^ros:(noetic|melodic|kinetic)\b/, until: '2025-05-31', what: 'ROS 1 (Noetic was the last release)' },
  { tag: /^ubuntu:(16\.04|18\.04|xenial|bionic)$/, until: '2023-05-31', what: 'Ubuntu 18.04 and older' },
  { tag: /^ubuntu:(20\.04|focal)$/, until: '2025-05-31', what: 'Ubuntu 20.04' },
  { tag: /^alpine:3\.(1?\d)(\.\d+)?$/, until: '2025-11-01', what: 'Alpine 3.19 and older' },
  { tag: /^alpine:3\.20(\.\d+)?$/, until: '2026-04-01', what: 'Alpine 3.20' },
  { tag: /^alpine:3\.21(\.\d+)?$/, until: '2026-11-01', what: 'Alpine 3.21' },
  { tag: /^alpine:3\.22(\.\d+)?$/, until: '2027-05-01', what: 'Alpine 3.22' },
  { tag: /^alpine:3\.23(\.\d+)?$/, until: '2027-11-01', what: 'Alpine 3.23' },
];

const IMAGE_REF = /(?<![\w./-])((?:[a-z0-9-]+\/)?[a-z0-9][a-z0-9._-]*:[A-Za-z0-9${}._-]+)/g;

/** Image references written as NAME:TAG in running text or commands. */
export const imageRefs = (text: string): string[] => [...text.matchAll(IMAGE_REF)].map((m) => m[1]!);

/** What is wrong with the image tags in `text` on `today` (YYYY-MM-DD): one message a tag, with where the tag starts. */
export function imageTagProblemsAt(text: string, today: string): Array<{ index: number; message: string }> {
  const out: Array<{ index: number; message: string }> = [];
  // Only lines naming an image the rules know can have a problem: read just those.
  let at = 0;
  for (const line of text.split('\n')) {
    if (RULED_IMAGE.test(line)) {
      for (const m of line.matchAll(IMAGE_REF)) for (const message of imageTagProblems(m[1]!, today)) out.push({ index: at + m.index, message });
    }
    at += line.length + 1;
  }
  return out;
}

/** A line that names a Duckietown image or an image with end-of-life releases (`ros:`, `ubuntu:`, `alpine:`). */
const RULED_IMAGE = new RegExp(`duckietown/|\\b(?:${[...new Set(END_OF_LIFE.map((e) => /^\^(\w+):/.exec(e.tag.source)![1]!))].join('|')}):`);

/** What is wrong with the image tags in `text` on `today` (YYYY-MM-DD), one message a tag. */
export function imageTagProblems(text: string, today: string): string[] {
  const out: string[] = [];
  for (const ref of imageRefs(text)) {
    const { name, tag = '' } = parseImageReference(ref);
    if (name.startsWith('duckietown/') && !DUCKIETOWN_ARCH.test(tag)) {
      out.push(`${ref} has no architecture; use ${ref}-arm64v8 on the robot or ${ref}-amd64 on a laptop`);
    }
    for (const e of END_OF_LIFE) {
      if (e.tag.test(ref) && e.until <= today) out.push(`${ref} (${e.what}) reached end of life on ${e.until}; use a supported release`);
    }
  }
  return out;
}

/** Every string in a value, with its path (`examples[2].command`). */
export function strings(value: unknown, path = ''): Array<{ path: string; text: string }> {
  if (typeof value === 'string') return [{ path, text: value }];
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, `${path}[${i}]`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => strings(v, path ? `${path}.${k}` : k));
  return [];
}
