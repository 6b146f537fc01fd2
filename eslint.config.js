// @ts-check
/**
 * ESLint for the TypeScript, the Astro components and the config files: the recommended rules of
 * ESLint, typescript-eslint and eslint-plugin-astro, with zero warnings allowed (`npm run lint`).
 */
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import astro from 'eslint-plugin-astro';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'dist-*/',
      '.astro/',
      '.astro-cache/',
      'node_modules/',
      'test-results/',
      'playwright-report/',
      'bench-results/',
      '.snapshots/',
      'tests/bench/starlight/',
      'tests/fixtures/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...astro.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      // Storage and clipboard calls that may throw (private mode, no permission) are tried and
      // their failure ignored on purpose, each with a comment or an obvious fallback.
      'no-empty': ['error', { allowEmptyCatch: true }],
      // Control characters in regular expressions are deliberate here: the checks reject titles
      // with control characters and strip terminal colour codes.
      'no-control-regex': 'off',
      // `_`-prefixed names are deliberately unused (a parameter kept for its position).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
);
