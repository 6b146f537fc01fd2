/**
 * The only script a page loads up front: one module per behaviour, bundled into this one small
 * entry (the page-weight budget counts it whole). Each module enhances server HTML that works
 * without it. What only a chapter has (its report link, glossary terms, "Copy page as Markdown")
 * loads from chapter-page.ts instead, so the tool pages (the explainer's budget) do not carry it.
 */
import './theme-switch.ts';
import './search-shortcuts.ts';
import './toc-start.ts';
import './copy-buttons.ts';
import './anchor-redirect.ts';
import './offline-start.ts';
import './self-check-start.ts';
