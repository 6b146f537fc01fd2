/**
 * What only a chapter page has, loaded by src/layouts/ChapterLayout.astro beside every-page.ts:
 * the "Report a problem" link's details, the glossary terms' tooltips and "Copy page as Markdown".
 * Each module enhances server HTML that works without it; the chapter's budget counts both entries.
 */
import './report-link.ts';
import './glossary-start.ts';
import './markdown-copy.ts';
