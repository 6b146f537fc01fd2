/**
 * Image tags in the command reference are ones a student can use today: a Duckietown tag names
 * the CPU architecture (Duckietown publishes one tag a CPU, e.g. `ente-arm64v8` for the robot and
 * `ente-amd64` for a laptop; a bare `ente` pulls nothing useful), and no example recommends a
 * release past its end of life. Every text field of every entry is checked, and a failure names
 * the entry, the field and the tag.
 */
import { describe, expect, test } from 'vitest';
import { COMMANDS_FILE, loadCommands } from '../support/reference-data.ts';
import { parseImageReference } from '~/lib/docker/word-shapes.ts';

const commands = loadCommands();

/** Every string in an entry, with its path (`examples[2].command`). */
function strings(value: unknown, path = ''): Array<{ path: string; text: string }> {
  if (typeof value === 'string') return [{ path, text: value }];
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, `${path}[${i}]`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => strings(v, path ? `${path}.${k}` : k));
  return [];
}

/** Duckietown's architecture suffixes (facts.md F-D8, F-M6), or the `${ARCH}` placeholder of its compose files. */
const DUCKIETOWN_ARCH = /-(amd64|arm64v8|arm32v7)$|\$\{?ARCH\}?/;

/**
 * Releases past their end of life, with the date support ended:
 * ROS Noetic: ROS REP 2000 (May 2025); Ubuntu: ubuntu.com/about/release-cycle (end of standard
 * support); Alpine: alpinelinux.org/releases (main repository support, about two years).
 */
const END_OF_LIFE: Array<{ tag: RegExp; until: string; what: string }> = [
  { tag: /^ros:(noetic|melodic|kinetic)\b/, until: '2025-05-31', what: 'ROS 1 (Noetic was the last release)' },
  { tag: /^ubuntu:(16\.04|18\.04|xenial|bionic)$/, until: '2023-05-31', what: 'Ubuntu 18.04 and older' },
  { tag: /^ubuntu:(20\.04|focal)$/, until: '2025-05-31', what: 'Ubuntu 20.04' },
  { tag: /^alpine:3\.(1?\d)(\.\d+)?$/, until: '2025-11-01', what: 'Alpine 3.19 and older' },
  { tag: /^alpine:3\.20(\.\d+)?$/, until: '2026-04-01', what: 'Alpine 3.20' },
  { tag: /^alpine:3\.21(\.\d+)?$/, until: '2026-11-01', what: 'Alpine 3.21' },
  { tag: /^alpine:3\.22(\.\d+)?$/, until: '2027-05-01', what: 'Alpine 3.22' },
  { tag: /^alpine:3\.23(\.\d+)?$/, until: '2027-11-01', what: 'Alpine 3.23' },
];

/** Image references written as NAME:TAG in running text or commands. */
const imageRefs = (text: string) => [...text.matchAll(/(?<![\w./-])((?:[a-z0-9-]+\/)?[a-z0-9][a-z0-9._-]*:[A-Za-z0-9${}._-]+)/g)].map((m) => m[1]!);

describe('image tags in the reference', () => {
  test('the checks see the tags (the reference uses Duckietown and Ubuntu images)', () => {
    const all = commands.flatMap((c) => strings(c).flatMap((s) => imageRefs(s.text)));
    expect(all.some((r) => r.startsWith('duckietown/'))).toBe(true);
    expect(all.some((r) => r.startsWith('ubuntu:'))).toBe(true);
  });

  test('every Duckietown tag names the CPU architecture', () => {
    const problems = commands.flatMap((c) =>
      strings(c).flatMap(({ path, text }) =>
        imageRefs(text)
          .filter((r) => r.startsWith('duckietown/') && !DUCKIETOWN_ARCH.test(parseImageReference(r).tag ?? ''))
          .map((r) => `${COMMANDS_FILE}: "${c.id}" ${path}: ${r} has no architecture; use ${r}-arm64v8 on the robot or ${r}-amd64 on a laptop`),
      ),
    );
    expect(problems).toEqual([]);
  });

  test('no tag is past its end of life', () => {
    const today = new Date().toISOString().slice(0, 10);
    const problems = commands.flatMap((c) =>
      strings(c).flatMap(({ path, text }) =>
        imageRefs(text).flatMap((r) =>
          END_OF_LIFE.filter((e) => e.tag.test(r) && e.until <= today).map(
            (e) => `${COMMANDS_FILE}: "${c.id}" ${path}: ${r} (${e.what}) reached end of life on ${e.until}; use a supported release`,
          ),
        ),
      ),
    );
    expect(problems).toEqual([]);
  });

  test('the checks catch a bare tag and an end-of-life release', () => {
    expect(imageRefs('docker run --rm duckietown/dt-core:ente ls').filter((r) => !DUCKIETOWN_ARCH.test(parseImageReference(r).tag ?? ''))).toEqual(['duckietown/dt-core:ente']);
    expect(imageRefs('FROM ros:noetic and alpine:3.20').filter((r) => END_OF_LIFE.some((e) => e.tag.test(r)))).toEqual(['ros:noetic', 'alpine:3.20']);
    expect(imageRefs('e.g. ubuntu:22.04 or dt-duckiebot-interface:ente-${ARCH}').every((r) => !END_OF_LIFE.some((e) => e.tag.test(r)))).toBe(true);
  });
});
