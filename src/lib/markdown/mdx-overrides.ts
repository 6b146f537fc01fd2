/**
 * The HTML elements of a chapter that src/pages/[slug].astro renders with its own components
 * (`<Content components={{ h2: H2, … }} />`). MDX's `optimize` (astro.config.mjs) turns every
 * other static part of a chapter into one HTML string at compile time (a highlighted code block's
 * hundreds of token spans become one string, not a tree of calls the bundler holds for every
 * chapter), and must leave these elements as they are, or their components would not apply.
 * tests/unit/page-conventions.test.ts checks this list against the page's `components`.
 */
export const MDX_ELEMENT_OVERRIDES = ['h2', 'h3', 'pre', 'code', 'table'] as const;
