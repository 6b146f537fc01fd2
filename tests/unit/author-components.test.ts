/**
 * Tabs, TabItem and FileTree rendered with Astro's container API: the server HTML a reader gets
 * without JavaScript (every panel, with its heading and a stable id), and the build errors an
 * author gets for bad input, naming the component and what to write.
 */
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { describe, expect, it } from 'vitest';
import FileTree from '~/components/mdx/FileTree.astro';
import TabItem from '~/components/mdx/TabItem.astro';
import Tabs from '~/components/mdx/Tabs.astro';
import { writtenAt, writtenIn } from '~/components/mdx/written-in.ts';
import { TAG_POSITION_PROP } from '~/lib/markdown/tag-positions.ts';

const container = await AstroContainer.create();

/** Render Tabs with TabItems given as [label, value?] pairs. */
async function tabs(props: Record<string, unknown>, items: Array<[string, string?]>) {
  const panels = await Promise.all(
    items.map(([label, value]) =>
      container.renderToString(TabItem, { props: value ? { label, value } : { label }, slots: { default: `<p>About ${label}</p>` } }),
    ),
  );
  return container.renderToString(Tabs, { props, slots: { default: panels.join('') } });
}

describe('Tabs', () => {
  it('renders every panel with its heading and an id from the group id and the value, and a tab per panel', async () => {
    const html = await tabs({ id: 'install', label: 'Operating system', syncKey: 'os' }, [['Ubuntu'], ['Windows'], ['macOS', 'mac']]);
    for (const [v, label] of [
      ['ubuntu', 'Ubuntu'],
      ['windows', 'Windows'],
      ['mac', 'macOS'],
    ]) {
      expect(html).toContain(`<section class="tab-panel" id="install-${v}" data-tab-value="${v}" data-tab-label="${label}">`);
      expect(html).toMatch(new RegExp(`<h3 class="tab-heading"[^>]*>${label}</h3>`));
      expect(html).toMatch(new RegExp(`role="tab" id="install-${v}-tab" aria-controls="install-${v}"`));
    }
    expect(html).toMatch(/<tab-group[^>]*data-sync-key="os"/);
    expect(html).toMatch(/role="tablist" aria-label="Operating system"/);
    // The first tab is the one the CSS shows before the script runs.
    expect(html.match(/aria-selected="true"/g)).toHaveLength(1);
    expect(html).toMatch(/aria-selected="true" tabindex="0" data-value="ubuntu"/);
  });

  it('shows a label with & as written, once escaped (not &amp;)', async () => {
    const html = await tabs({ id: 'tools', label: 'Tools' }, [
      ['Docker & Compose', 'compose'],
      ['Podman', 'podman'],
    ]);
    expect(html).toMatch(/role="tab" id="tools-compose-tab"[^>]*>Docker &amp; Compose<\/button>/);
    expect(html).not.toContain('&amp;amp;');
  });

  it('fails with the group and what to do', async () => {
    await expect(tabs({ id: 'x', label: 'L' }, [['Only']])).rejects.toThrow(/^page \/: <Tabs id="x"> needs at least two <TabItem> children, found 1/);
    await expect(
      tabs({ id: 'x', label: 'L' }, [
        ['A', 'same'],
        ['B', 'same'],
      ]),
    ).rejects.toThrow(/has two tabs with the value "same"; give each <TabItem> its own label or value="…"/);
    await expect(tabs({ id: 'Bad Id', label: 'L' }, [['A'], ['B']])).rejects.toThrow(
      /<Tabs id="Bad Id"> has id "Bad Id"; an id is lower-case letters, digits and "-"/,
    );
    await expect(tabs({ id: 'x', label: 'L', syncKey: 'OS' }, [['A'], ['B']])).rejects.toThrow(/has syncKey="OS"; a syncKey is lower-case/);
    await expect(container.renderToString(TabItem, { props: { label: 'A', value: 'Not OK' } })).rejects.toThrow(
      /^page \/: <TabItem label="A"> has value "Not OK"; a value is lower-case letters, digits and "-", e\.g\. value="not-ok"/,
    );
  });
});

describe('FileTree', () => {
  it('frames one list as a labelled figure', async () => {
    const html = await container.renderToString(FileTree, {
      props: { label: 'Context' },
      slots: { default: '<ul>\n<li>my-node/<ul><li>Dockerfile</li></ul></li>\n</ul>' },
    });
    expect(html).toMatch(/<figure class="file-tree[^"]*" aria-label="Context"[^>]*><ul>/);
    expect(html).toContain('<li>Dockerfile</li>');
  });
  it('fails when the content is not one list', async () => {
    await expect(container.renderToString(FileTree, { props: { label: 'Context' }, slots: { default: '<p>my-node/ Dockerfile</p>' } })).rejects.toThrow(
      /^page \/: <FileTree label="Context"> must hold one Markdown list/,
    );
    await expect(container.renderToString(FileTree, { props: { label: 'C' }, slots: { default: '<ul><li>a</li></ul>\n<ul><li>b</li></ul>' } })).rejects.toThrow(
      /must hold one Markdown list/,
    );
  });
});

describe('component errors name where the tag is written', () => {
  it('outside a chapter, from the page being rendered, at either base path', () => {
    expect(writtenIn(new URL('http://localhost/security/'), '/')).toBe('content/chapters/security.mdx, page /security/');
    expect(writtenIn(new URL('http://localhost/docker-basics/security/'), '/docker-basics/')).toBe(
      'content/chapters/security.mdx, page /docker-basics/security/',
    );
    expect(writtenIn(new URL('http://localhost/'), '/')).toBe('page /');
  });
  it('in a chapter, from the position the MDX pipeline gives the tag', async () => {
    const at = { [TAG_POSITION_PROP]: 'content/chapters/install.mdx:12:3' };
    expect(writtenAt({ props: at, url: new URL('http://localhost/install/') })).toBe('content/chapters/install.mdx:12:3');
    await expect(tabs({ label: 'L', ...at }, [['A'], ['B']])).rejects.toThrow(/^content\/chapters\/install\.mdx:12:3: <Tabs> needs an id="…"/);
  });
  it('a Tabs group without an id says so, not "undefined"', async () => {
    await expect(tabs({ label: 'L' }, [['A'], ['B']])).rejects.toThrow(/^page \/: <Tabs> needs an id="…"; it is lower-case/);
  });
});
