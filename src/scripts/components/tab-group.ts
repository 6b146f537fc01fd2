/**
 * `<tab-group>`: upgrades the server-rendered panels of Tabs.astro to WAI-ARIA tabs (automatic
 * activation, roving tabindex, Left/Right, Home/End). Groups with the same `data-sync-key`
 * switch together, keeping the clicked group where it was on screen, and the choice is stored
 * in localStorage. A link to a panel (or to something in it) opens that panel.
 */
import { storageKey } from '~/lib/site/tab-choice.ts';

type Tab = HTMLButtonElement;

class TabGroup extends HTMLElement {
  tabs: Tab[] = [];

  connectedCallback() {
    this.tabs = [...this.querySelectorAll<Tab>('[role=tab]')];
    for (const tab of this.tabs) {
      const panel = this.panel(tab);
      panel.setAttribute('role', 'tabpanel');
      panel.setAttribute('aria-labelledby', tab.id);
      panel.tabIndex = 0;
    }
    this.addEventListener('click', (e) => {
      const tab = (e.target as Element).closest<Tab>('[role=tab]');
      if (tab) choose(this, tab.dataset['value']!);
    });
    this.addEventListener('keydown', (e) => {
      const i = this.tabs.indexOf(e.target as Tab);
      if (i < 0) return;
      const last = this.tabs.length - 1;
      const to = { ArrowRight: i === last ? 0 : i + 1, ArrowLeft: i === 0 ? last : i - 1, Home: 0, End: last }[e.key];
      if (to === undefined) return;
      e.preventDefault();
      const tab = this.tabs[to]!;
      choose(this, tab.dataset['value']!);
      tab.focus();
    });
    const key = this.dataset['syncKey'];
    let stored: string | null = null;
    try {
      if (key) stored = localStorage.getItem(storageKey(key));
    } catch {
      // Storage blocked: start with the first tab.
    }
    const target = location.hash ? document.getElementById(decodeHash(location.hash)) : null;
    const linked = target && this.tabs.find((t) => this.panel(t).contains(target));
    this.select(linked?.dataset['value'] ?? stored ?? '');
    this.dataset['ready'] = '';
    if (linked) target.scrollIntoView();
  }

  panel(tab: Tab): HTMLElement {
    return document.getElementById(tab.getAttribute('aria-controls')!)!;
  }

  /** Show the tab with `value` (the first tab if there is none). */
  select(value: string) {
    const chosen = this.tabs.find((t) => t.dataset['value'] === value) ?? this.tabs[0]!;
    for (const tab of this.tabs) {
      const on = tab === chosen;
      tab.setAttribute('aria-selected', String(on));
      tab.tabIndex = on ? 0 : -1;
      this.panel(tab).toggleAttribute('data-active', on);
    }
  }
}

function decodeHash(hash: string): string {
  try {
    return decodeURIComponent(hash.slice(1));
  } catch {
    return hash.slice(1);
  }
}

/** Select `value` in `group` and in every group with its sync key; remember it. */
function choose(group: TabGroup, value: string) {
  const key = group.dataset['syncKey'];
  const top = group.getBoundingClientRect().top;
  const groups = key ? document.querySelectorAll<TabGroup>(`tab-group[data-sync-key="${key}"]`) : [group];
  for (const g of groups) g.select(value);
  // Groups above may have changed height: keep the one the reader is using in place.
  window.scrollBy(0, group.getBoundingClientRect().top - top);
  try {
    if (key) localStorage.setItem(storageKey(key), value);
  } catch {
    // Storage blocked: the choice lasts for this page only.
  }
}

customElements.define('tab-group', TabGroup);
