import { expect, test, type Page } from '@playwright/test';
import { BASE_ORIGIN } from '../support/origins.ts';

/**
 * The teaching chapters in the production build: each renders with its figures, the diagrams are
 * accessible SVGs that follow the theme and fit a 320 px screen, and self-check answers stay
 * hidden until asked.
 */
const CHAPTERS = [
  { slug: 'what-is-docker', figures: 1 },
  { slug: 'how-docker-works', figures: 1 },
  { slug: 'images-and-containers', figures: 2 },
  { slug: 'docker-for-robots', figures: 0 },
  { slug: 'keep-services-running', figures: 0 },
  { slug: 'robot-hardware', figures: 0 },
  { slug: 'windows-and-macos', figures: 0 },
  { slug: 'security', figures: 0 },
  { slug: 'troubleshooting', figures: 0 },
  { slug: 'further-resources', figures: 0 },
] as const;

/** Chromium reports CSP violations on the console; a blocked style would unstyle the diagrams. */
function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

test.describe('chapters', () => {
  for (const { slug, figures } of CHAPTERS) {
    test(`${slug} renders with its headings, figures, hands-on and self-check`, async ({ page }) => {
      const errors = collectErrors(page);
      const res = await page.goto(`/${slug}/`);
      expect(res?.status()).toBe(200);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      const article = page.locator('article');
      // Every h2/h3 has an id.
      const withoutId = await article.locator(':is(h2, h3):not([id])').count();
      expect(withoutId).toBe(0);
      await expect(article.locator('h2#hands-on')).toHaveCount(1);
      await expect(article.locator('h2#self-check')).toHaveCount(1);
      // Top-level figures (not sub-figures), each numbered and captioned.
      const figs = article.locator('figure.figure');
      await expect(figs).toHaveCount(figures);
      for (let i = 0; i < figures; i++) {
        await expect(figs.nth(i).locator(':scope > figcaption')).toContainText(`Figure ${i + 1}.`);
        const svgs = figs.nth(i).locator('svg[role="img"]');
        expect(await svgs.count()).toBeGreaterThan(0);
      }
      expect(errors).toEqual([]);
    });
  }

  test('Figure 1 compares containers and VMs in two captioned sub-figures with accessible SVGs', async ({ page }) => {
    await page.goto('/what-is-docker/');
    const fig = page.locator('figure#fig-containers-vs-vms');
    await expect(fig.locator(':scope > figcaption')).toHaveText(/Figure 1\.\s+Comparison between containers and VMs/);
    const subs = fig.locator('figure');
    await expect(subs).toHaveCount(2);
    await expect(subs.nth(0).locator(':scope > figcaption')).toHaveText(/\(a\)\s+Using containers/);
    await expect(subs.nth(1).locator(':scope > figcaption')).toHaveText(/\(b\)\s+Using VMs/);
    // Each SVG is an image with an accessible name and a description.
    await expect(subs.nth(0).getByRole('img', { name: 'Using containers' })).toBeVisible();
    await expect(subs.nth(1).getByRole('img', { name: 'Using virtual machines' })).toBeVisible();
    for (const svg of await fig.locator('svg').all()) {
      await expect(svg).toHaveAttribute('role', 'img');
      await expect(svg).toHaveAccessibleDescription(/.{40,}/);
    }
    // Drawn from data: the layers are there, as text, in the SVG.
    await expect(subs.nth(0).locator('svg')).toContainText('Docker Engine');
    await expect(subs.nth(0).locator('svg')).toContainText('shared Linux kernel');
    await expect(subs.nth(0).locator('svg')).not.toContainText('Hypervisor');
    await expect(subs.nth(1).locator('svg')).toContainText('Hypervisor');
    await expect(subs.nth(1).locator('svg')).toContainText('Guest OS');
  });

  test('the diagrams of How Docker works and Images, containers and registries are accessible images', async ({ page }) => {
    await page.goto('/how-docker-works/');
    await expect(page.getByRole('img', { name: 'The path of a docker run request' })).toBeVisible();
    await page.goto('/images-and-containers/');
    await expect(page.getByRole('img', { name: 'Image layers and container layers' })).toBeVisible();
    await expect(page.getByRole('img', { name: 'The container lifecycle' })).toBeVisible();
  });

  test('diagram colours follow the theme, and text stays readable', async ({ page }) => {
    await page.goto('/what-is-docker/');
    const box = page.locator('#fig-containers-vs-vms [data-kind="kernel"] rect');
    const text = page.locator('#fig-containers-vs-vms [data-kind="kernel"] text');
    const fill = () => box.evaluate((el) => getComputedStyle(el).fill);
    const theme = page.getByRole('combobox', { name: 'Theme' });
    await theme.selectOption('light');
    const light = await fill();
    const lightText = await text.evaluate((el) => getComputedStyle(el).fill);
    await theme.selectOption('dark');
    const dark = await fill();
    const darkText = await text.evaluate((el) => getComputedStyle(el).fill);
    expect(light).not.toBe('rgb(0, 0, 0)');
    expect(light).not.toBe(dark);
    expect(lightText).not.toBe(darkText);
    // Print uses the light colours even in dark mode.
    await page.emulateMedia({ media: 'print' });
    expect(await fill()).toBe(light);
  });

  test('at 320 px the figures fit the screen and their text stays legible', async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 800 });
    for (const slug of ['what-is-docker', 'how-docker-works', 'images-and-containers']) {
      await page.goto(`/${slug}/`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${slug} scrolls sideways`).toBeLessThanOrEqual(0);
      for (const svg of await page.locator('article svg.diagram').all()) {
        const { width, right, scale } = await svg.evaluate((el) => {
          const r = el.getBoundingClientRect();
          return { width: r.width, right: r.right, scale: r.width / (el as SVGSVGElement).viewBox.baseVal.width };
        });
        expect(right).toBeLessThanOrEqual(320);
        expect(width).toBeGreaterThan(200);
        // 13 user-unit labels render at 10 px or more.
        expect(13 * scale).toBeGreaterThanOrEqual(10);
      }
    }
  });

  test('self-check answers are hidden until asked', async ({ page }) => {
    await page.goto('/images-and-containers/');
    const section = page.locator('.self-check');
    expect(await section.count()).toBeGreaterThanOrEqual(2);
    const first = section.first();
    const details = first.locator('details');
    const isOpen = () => details.evaluate((d) => (d as HTMLDetailsElement).open);
    expect(await isOpen()).toBe(false);
    const answer = details.locator('.self-check-body');
    await expect(answer).toBeHidden();
    await details.locator('summary').click();
    expect(await isOpen()).toBe(true);
    await expect(answer).toBeVisible();
    await expect(answer).toContainText('whiteout');
  });

  test('links between chapters are relative and work under the sub-path build', async ({ page }) => {
    await page.goto(`${BASE_ORIGIN}/docker-basics/how-docker-works/`);
    await expect(page.getByRole('img', { name: 'The path of a docker run request' })).toBeVisible();
    const link = page.locator('article a[href="../security/#docker-socket"]').first();
    await expect(link).toHaveAttribute('href', '../security/#docker-socket');
    await link.click();
    await expect(page).toHaveURL(`${BASE_ORIGIN}/docker-basics/security/#docker-socket`);
    await expect(page.locator('h2#docker-socket')).toBeVisible();
  });
});
