import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { stackDiagrams, type StackDiagramData } from '../../src/data/diagrams.ts';

/**
 * The figures of "Data and networks" and "Compose" in the production build, derived from the
 * chapters' sources and the diagram data: at 390 px each renders as an image with its accessible
 * name and description, fits the screen with legible text and shows every label of its data;
 * the new kinds follow the theme, print light, keep their dashes for what does not last, and
 * switch to system colours in forced-colours mode.
 */
const SLUGS = ['volumes-and-networks', 'compose'] as const;

interface Fig {
  slug: string;
  id: string;
  number: number;
  caption: string;
  diagram: string;
  data: StackDiagramData;
}

const figures: Fig[] = SLUGS.flatMap((slug) => {
  const src = readFileSync(new URL(`../../content/chapters/${slug}.mdx`, import.meta.url), 'utf8');
  return [...src.matchAll(/<Figure id="([^"]+)" number=\{(\d+)\} caption="([^"]+)">\s*<StackDiagram diagram="([^"]+)" \/>/g)].map((m) => ({
    slug,
    id: m[1]!,
    number: Number(m[2]),
    caption: m[3]!,
    diagram: m[4]!,
    data: (stackDiagrams as Record<string, StackDiagramData>)[m[4]!]!,
  }));
});

test('the chapters have figures to check', () => {
  expect(figures.map((f) => f.diagram)).toEqual(['mounts', 'networks', 'robot-stack']);
  for (const f of figures) expect(f.data, `${f.diagram} is in src/data/diagrams.ts`).toBeDefined();
});

test.describe('at 390 px', () => {
  test.use({ viewport: { width: 390, height: 844 } });
  for (const f of figures) {
    test(`${f.slug}: Figure ${f.number} (${f.diagram}) is a legible image with its name and labels`, async ({ page }) => {
      const errors: string[] = [];
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      await page.goto(`/${f.slug}/`);
      const fig = page.locator(`figure#${f.id}`);
      await expect(fig.locator(':scope > figcaption')).toHaveText(new RegExp(`Figure ${f.number}\\.\\s+${f.caption}`));
      const img = fig.getByRole('img', { name: f.data.title });
      await expect(img).toBeVisible();
      await expect(img).toHaveAccessibleDescription(f.data.description);
      for (const label of f.data.rows.flat().map((c) => c.label)) {
        // Labels wrap into <tspan>s; compare without the line breaks.
        const text = (await img.locator('text').allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim());
        expect(
          text.some((t) => t === label || t.replace(/\s/g, '') === label.replace(/\s/g, '')),
          `label "${label}"`,
        ).toBe(true);
      }
      await img.scrollIntoViewIfNeeded();
      const box = await img.evaluate((el) => {
        const r = el.getBoundingClientRect();
        return { left: r.left, right: r.right, width: r.width, scale: r.width / (el as SVGSVGElement).viewBox.baseVal.width };
      });
      expect(box.left).toBeGreaterThanOrEqual(0);
      expect(box.right).toBeLessThanOrEqual(390);
      expect(box.width).toBeGreaterThan(250);
      // 13-unit labels render at 10 px or more.
      expect(13 * box.scale).toBeGreaterThanOrEqual(10);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, 'the page does not scroll sideways').toBeLessThanOrEqual(0);
      expect(errors).toEqual([]);
    });
  }
});

test('the new kinds follow the theme, print light, and keep their dashes', async ({ page }) => {
  await page.goto('/volumes-and-networks/');
  const volume = page.locator('#fig-mounts [data-kind="volume"] rect').first();
  const tmpfs = page.locator('#fig-mounts [data-kind="tmpfs"] rect').first();
  const fill = () => volume.evaluate((el) => getComputedStyle(el).fill);
  const theme = page.getByRole('combobox', { name: 'Theme' });
  await theme.selectOption('light');
  const light = await fill();
  await theme.selectOption('dark');
  const dark = await fill();
  expect(light).not.toBe(dark);
  await page.emulateMedia({ media: 'print' });
  expect(await fill()).toBe(light);
  await page.emulateMedia({ media: 'screen' });
  expect(await tmpfs.evaluate((el) => getComputedStyle(el).strokeDasharray)).not.toBe('none');
  expect(await volume.evaluate((el) => getComputedStyle(el).strokeDasharray)).toBe('none');
});

test('in forced-colours mode the boxes use system colours', async ({ page }) => {
  await page.goto('/compose/');
  const box = page.locator('#fig-robot-stack [data-kind="device"] rect').first();
  const normal = await box.evaluate((el) => getComputedStyle(el).fill);
  await page.emulateMedia({ forcedColors: 'active' });
  const forced = await box.evaluate((el) => getComputedStyle(el).fill);
  const canvas = await page.evaluate(() => {
    const probe = document.createElement('div');
    probe.style.backgroundColor = 'Canvas';
    document.body.append(probe);
    const c = getComputedStyle(probe).backgroundColor;
    probe.remove();
    return c;
  });
  expect(forced).not.toBe(normal);
  expect(forced).toBe(canvas);
});
