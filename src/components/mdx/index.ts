/**
 * Components for chapter authors. Import them in MDX from one path:
 *   import { Aside, Figure } from '~/components/mdx';
 * Page chrome lives in src/components/site/ and is not for use in chapters.
 */
export { default as CodeBlock } from '../prose/CodeBlock.astro';
export { default as Aside } from './Aside.astro';
export { default as Figure } from './Figure.astro';
export { default as SubFigure } from './SubFigure.astro';
export { default as StackDiagram } from './StackDiagram.astro';
export { default as FlowDiagram } from './FlowDiagram.astro';
export { default as SelfCheck } from './SelfCheck.astro';
export { default as CommandReference } from '../reference/CommandReference.astro';
export { default as CommandEntry } from '../reference/CommandEntry.astro';
export { default as FlagTable } from '../reference/FlagTable.astro';
export { default as Tabs } from './Tabs.astro';
export { default as TabItem } from './TabItem.astro';
export { default as FileTree } from './FileTree.astro';
export { default as Exercise } from './Exercise.astro';
