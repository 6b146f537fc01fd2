/**
 * The only script a page loads up front: one module per behaviour, bundled into this one small
 * entry (the page-weight budget counts it whole). Each module enhances server HTML that works
 * without it.
 */
import './site/theme-select.ts';
import './site/search-shortcuts.ts';
import './site/toc-spy.ts';
import './site/copy.ts';
import './site/anchor-redirect.ts';
import './site/offline.ts';
import './site/self-check.ts';
