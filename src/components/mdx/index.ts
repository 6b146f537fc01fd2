/**
 * Components for chapter authors. Import them in MDX from one path:
 *   import { Aside, Figure } from '~/components/mdx';
 * Page chrome lives in src/components/site/ and is not for use in chapters.
 */
export { default as CommandBlock } from './CommandBlock.astro';
export { default as Aside } from './Aside.astro';
