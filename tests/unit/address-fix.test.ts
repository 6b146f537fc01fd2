import { describe, expect, test } from 'vitest';
import { fixAddress, type AddressFixData } from '../../src/lib/links/address-fix.ts';

const data: AddressFixData = {
  pages: ['/', '/compose/', '/what-is-docker/', '/commands/', '/card/'],
  reference: { path: '/commands/', anchors: ['containers', 'docker-run', 'docker-image-ls'] },
};

describe('fixAddress: what the 404 page sends on', () => {
  test('a known page in the wrong case, or without its slash', () => {
    expect(fixAddress('/Compose/', '/', data)).toBe('/compose/');
    expect(fixAddress('/Compose', '/', data)).toBe('/compose/');
    expect(fixAddress('/WHAT-IS-DOCKER', '/', data)).toBe('/what-is-docker/');
    expect(fixAddress('/docker-basics/Compose/', '/docker-basics/', data)).toBe('/docker-basics/compose/');
  });

  test('a reference entry written as a page goes to its anchor', () => {
    expect(fixAddress('/commands/docker-run/', '/', data)).toBe('/commands/#docker-run');
    expect(fixAddress('/Commands/Docker-Run', '/', data)).toBe('/commands/#docker-run');
    expect(fixAddress('/commands/docker%20image%20ls/', '/', data)).toBe('/commands/#docker-image-ls');
    expect(fixAddress('/docker-basics/commands/docker-run/', '/docker-basics/', data)).toBe('/docker-basics/commands/#docker-run');
  });

  test('anything else is left to the suggestion', () => {
    expect(fixAddress('/commands/docker-runn/', '/', data)).toBeUndefined();
    expect(fixAddress('/composer/', '/', data)).toBeUndefined();
    expect(fixAddress('/compose/', '/', data)).toBeUndefined(); // a real page: no loop
    expect(fixAddress('/%E0%A4%A/', '/', data)).toBeUndefined();
    expect(fixAddress('/other/compose/', '/docker-basics/', data)).toBeUndefined();
  });
});
