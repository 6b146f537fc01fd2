import { fileURLToPath } from 'node:url';
import { getViteConfig } from 'astro/config';

/** Unit tests (tests/unit) and checks over the built site (tests/build). */
export default getViteConfig({
  test: {
    root: fileURLToPath(new URL('..', import.meta.url)),
    include: ['tests/unit/**/*.test.ts', 'tests/build/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
