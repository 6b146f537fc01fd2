/**
 * The only script a page loads up front: one module per behaviour, bundled into this one small
 * entry (the page-weight budget counts it whole). Each module enhances server HTML that works
 * without it.
 */
import './theme-switch.ts';
import './search-shortcuts.ts';
import './toc-start.ts';
import './copy-buttons.ts';
import './anchor-redirect.ts';
import './offline-start.ts';
import './self-check-start.ts';
import './report-link.ts';
import './glossary-start.ts';
import './markdown-copy.ts';
