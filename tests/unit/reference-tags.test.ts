/**
 * The image-tag rule (src/lib/checks/image-tags.ts), which the build runs over every chapter line
 * and every text field of the reference: a Duckietown tag names the CPU architecture, and no tag
 * is past its end of life. Here: the rule sees the reference's tags, and catches what it must.
 */
import { describe, expect, test } from 'vitest';
import { imageRefs, imageTagProblems, strings } from '~/lib/checks/image-tags.ts';
import { loadCommands } from '../support/reference-data.ts';

describe('image tags', () => {
  test('the rule sees the tags of the reference (it uses Duckietown and Ubuntu images)', () => {
    const all = loadCommands().flatMap((c) => strings(c).flatMap((s) => imageRefs(s.text)));
    expect(all.some((r) => r.startsWith('duckietown/'))).toBe(true);
    expect(all.some((r) => r.startsWith('ubuntu:'))).toBe(true);
  });

  test('a bare Duckietown tag and an end-of-life release fail; an architecture, ${ARCH} and a supported release pass', () => {
    expect(imageTagProblems('docker run --rm duckietown/dt-core:ente ls', '2026-12-06')).toEqual([
      'duckietown/dt-core:ente has no architecture; use duckietown/dt-core:ente-arm64v8 on the robot or duckietown/dt-core:ente-amd64 on a laptop',
    ]);
    expect(imageTagProblems('FROM ros:noetic and alpine:3.20', '2026-12-06')).toEqual([
      'ros:noetic (ROS 1 (Noetic was the last release)) reached end of life on 2025-05-31; use a supported release',
      'alpine:3.20 (Alpine 3.20) reached end of life on 2026-04-01; use a supported release',
    ]);
    expect(imageTagProblems('e.g. ubuntu:22.04 or duckietown/dt-duckiebot-interface:ente-${ARCH}', '2026-12-06')).toEqual([]);
  });

  test('a release fails from the day its support ends', () => {
    expect(imageTagProblems('alpine:3.21', '2026-10-31')).toEqual([]);
    expect(imageTagProblems('alpine:3.21', '2026-11-01')).toHaveLength(1);
  });
});
