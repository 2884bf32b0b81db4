import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';

type Box = { x: number; y: number; width: number; height: number };

async function box(l: Locator): Promise<Box> {
  const b = await l.boundingBox();
  if (!b) throw new Error('not on screen');
  return b;
}

const overlaps = (a: Box, b: Box) => a.x < b.x + b.width - 1 && b.x < a.x + a.width - 1 && a.y < b.y + b.height - 1 && b.y < a.y + a.height - 1;
const inside = (a: Box, outer: Box) => a.x >= outer.x - 1 && a.y >= outer.y - 1 && a.x + a.width <= outer.x + outer.width + 1 && a.y + a.height <= outer.y + outer.height + 1;

/** The graph nodes whose box lies (at least half) inside the graph pane's box. */
async function visibleNodes(page: Page): Promise<number> {
  const pane = await box(page.getByRole('region', { name: 'Graph' }));
  const nodes = await page.getByRole('region', { name: 'Graph' }).locator('.react-flow__node').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as Box));
  return nodes.filter((n) => {
    const w = Math.min(n.x + n.width, pane.x + pane.width) - Math.max(n.x, pane.x);
    const h = Math.min(n.y + n.height, pane.y + pane.height) - Math.max(n.y, pane.y);
    return w > 0 && h > 0 && w * h >= (n.width * n.height) / 2;
  }).length;
}

/** Eight files with long names, each a small IngressRoute. */
function eightFiles() {
  return Array.from({ length: 8 }, (_, i) => ({
    name: `platform-networking-production-eu-west-ingressroutes-${i + 1}.yaml`,
    mimeType: 'text/yaml',
    buffer: Buffer.from(`apiVersion: traefik.io/v1alpha1
kind: IngressRoute
metadata:
  name: team-${i + 1}
  namespace: apps
spec:
  entryPoints: [websecure]
  routes:
    - kind: Rule
      match: Host(\`team${i + 1}.example.com\`)
      services:
        - name: team-${i + 1}
          port: 80
`),
  }));
}

test.describe('workbench', () => {
  for (const [width, height] of [[1280, 720], [1440, 900], [1920, 1080]] as const) {
    test(`at ${width}×${height} the YAML, the graph, the request and the verdict are on screen together, without overlap`, async ({ page, openExample }) => {
      await page.setViewportSize({ width, height });
      await openExample();
      const viewport = { x: 0, y: 0, width, height };
      const panes = [
        page.getByTestId('yaml-editor'),
        page.getByRole('region', { name: 'Graph' }),
        page.getByRole('region', { name: 'Request' }),
        page.getByRole('region', { name: 'Verdict' }),
      ];
      const boxes = await Promise.all(panes.map(box));
      for (const b of boxes) {
        expect(inside(b, viewport)).toBe(true);
        expect(b.width).toBeGreaterThan(200);
        expect(b.height).toBeGreaterThan(30);
      }
      for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) expect(overlaps(boxes[i]!, boxes[j]!)).toBe(false);
      // Selecting a resource opens the inspector beside them; they all stay on screen.
      const nav = page.getByRole('navigation', { name: 'Resources' });
      const show = nav.getByRole('button', { name: 'Show resources' });
      if (await show.count()) await show.click();
      await nav.getByRole('button', { name: /shop\/shop-web/ }).click();
      const form = await box(page.getByRole('region', { name: 'Form' }));
      expect(form.width).toBeGreaterThan(250);
      const after = await Promise.all([...panes, page.getByRole('complementary', { name: 'Inspector' })].map(box));
      for (const b of after) expect(inside(b, viewport)).toBe(true);
      for (let i = 0; i < after.length; i++) for (let j = i + 1; j < after.length; j++) expect(overlaps(after[i]!, after[j]!)).toBe(false);
    });
  }

  test('at 1440×900, typing a URL names the winning router in the verdict and lights its path in the graph, with no view switch', async ({ page, openExample }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await openExample();
    const url = page.getByRole('region', { name: 'Request' }).getByRole('textbox', { name: 'URL' });
    await url.fill('');
    await url.pressSequentially('https://shop.example.com/api/orders');
    const verdict = page.getByRole('region', { name: 'Verdict' });
    await expect(verdict.getByTestId('verdict-headline')).toContainText(/Routed by shop-shop-web-[0-9a-f]{20}@kubernetescrd/);
    await expect(verdict).toBeInViewport();
    const graph = page.getByRole('region', { name: 'Graph' });
    await expect(graph).toBeInViewport();
    await expect(graph.locator('.gstate-winner').first()).toBeVisible();
    await expect.poll(() => visibleNodes(page)).toBeGreaterThanOrEqual(5);
  });

  test('the verdict names select their graph nodes', async ({ page, openExample }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await openExample();
    const verdict = page.getByRole('region', { name: 'Verdict' });
    await expect(verdict.getByTestId('verdict-headline')).toContainText('Routed');
    await verdict.getByTestId('verdict-headline').getByRole('button', { name: /^shop-api-canary@kubernetescrd$/ }).click();
    // The graph names a service by namespace/name (Traefik's shop-api-canary@kubernetescrd is shop/api-canary).
    const selected = page.getByRole('region', { name: 'Graph' }).locator('.react-flow__node.selected');
    await expect(selected).toHaveAttribute('aria-label', 'service shop/api-canary');
    await expect(selected).toContainText('shop/api-canary');
    // The selection opens its resource in the inspector.
    await expect(page.getByRole('region', { name: 'Form' })).toBeVisible();
  });

  test('at 1280×720 with eight files opened, the header stays one line, no toast covers it, every file tab is one line', async ({ page, openExample }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await openExample();
    await page.getByTestId('open-files').setInputFiles(eightFiles());
    const tabs = page.getByRole('tablist', { name: 'Files' }).getByRole('tab');
    await expect(tabs).toHaveCount(9);
    await expect(page.locator('.toast')).not.toHaveCount(0);
    const header = page.getByRole('banner');
    const h = await box(header);
    // One row: every control of the header sits on the same line, and the header is no taller than one.
    const controls = await header.locator(':scope > button, :scope > select, :scope > h1').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as Box));
    expect(controls.length).toBeGreaterThanOrEqual(8);
    const rowHeight = Math.max(...controls.map((c) => c.height));
    expect(h.height).toBeLessThanOrEqual(rowHeight + 16);
    for (const c of controls) {
      expect(c.y).toBeGreaterThanOrEqual(h.y);
      expect(c.y + c.height).toBeLessThanOrEqual(h.y + h.height + 0.5);
      expect(c.x + c.width).toBeLessThanOrEqual(1280);
    }
    for (const toast of await page.locator('.toast').all()) expect(overlaps(await box(toast), h)).toBe(false);
    // Each tab is one line of text high (long names truncate, the full name is in the title).
    const lineHeight = await tabs.first().evaluate((e) => parseFloat(getComputedStyle(e).lineHeight));
    for (const tab of await tabs.all()) {
      const name = await tab.getAttribute('title');
      expect(name).toContain('.yaml');
      const b = await tab.boundingBox();
      if (b) expect(b.height).toBeLessThan(lineHeight * 2);
    }
    await expect(tabs.filter({ hasText: 'platform-networking' }).first()).toHaveAttribute('title', /platform-networking-production-eu-west-ingressroutes-1\.yaml/);
  });

  test('the problems strip is one line high when there are no problems, and grows with them', async ({ page, openExample, editor }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await openExample('https-redirect');
    const strip = page.getByTestId('bottom-strip');
    await expect(page.getByRole('tab', { name: 'Problems (0)' })).toBeVisible();
    const tab = await box(page.getByRole('tab', { name: 'Problems (0)' }));
    const idle = await box(strip);
    expect(idle.height).toBeLessThanOrEqual(tab.height + 4);
    // An error: the strip grows to list it.
    await editor.cursorAtEndOf('kind: IngressRoute');
    await page.keyboard.type('X');
    await expect(page.getByRole('tab', { name: /^Problems \([1-9]/ })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Problems' }).getByRole('listitem').first()).toBeVisible();
    expect((await box(strip)).height).toBeGreaterThan(idle.height + 20);
  });

  test('panel sizes persist across a reload', async ({ page, openExample }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await openExample();
    const splitter = page.getByRole('separator', { name: 'Resize editor' });
    const before = Number(await splitter.getAttribute('aria-valuenow'));
    await splitter.focus();
    await page.keyboard.press('Shift+ArrowRight');
    await expect(splitter).toHaveAttribute('aria-valuenow', String(before + 50));
    await page.reload();
    await expect(page.getByRole('separator', { name: 'Resize editor' })).toHaveAttribute('aria-valuenow', String(before + 50));
  });

  test('the inspector closes and reopens when something is selected', async ({ page, openExample, outline }) => {
    await page.setViewportSize({ width: 1600, height: 1000 });
    await openExample();
    await outline.item('shop/shop-admin').click();
    await expect(page.getByRole('region', { name: 'Form' })).toBeVisible();
    await page.getByRole('button', { name: 'Close inspector' }).click();
    await expect(page.getByRole('region', { name: 'Form' })).toHaveCount(0);
    await outline.item('shop/shop-web').click();
    await expect(page.getByRole('region', { name: 'Form' })).toBeVisible();
  });
});
