import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect, showView } from './fixtures.ts';

/**
 * WCAG 2.1 A/AA (axe-core) over every view of the workbench: no serious or critical violation.
 *
 * Two assertions per view: the page outside the Graph region (React Flow) and the Form region, and the
 * whole page with them included, so that a failure says at once whether it is in the shell or in them.
 */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const GRAPH = 'section[aria-label="Graph"]';
const FORM = 'section[aria-label="Form"]';

async function seriousViolations(page: Page, { excludeGraphAndForm }: { excludeGraphAndForm: boolean }): Promise<string[]> {
  // label-content-name-mismatch (WCAG 2.5.3) is one of axe's experimental rules: enabled explicitly.
  let builder = new AxeBuilder({ page }).withTags(TAGS).options({ rules: { 'label-content-name-mismatch': { enabled: true } } });
  if (excludeGraphAndForm) builder = builder.exclude(GRAPH).exclude(FORM);
  const { violations } = await builder.analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')} — ${n.failureSummary?.split('\n')[1]?.trim() ?? ''}`));
}

/** Each view: a name and how to bring it on screen from the example just opened. */
const VIEWS: { name: string; open(page: Page): Promise<void> }[] = [
  { name: 'the workbench with the example', open: async () => {} },
  {
    name: 'a verdict with the request options open',
    open: async (page) => {
      await page.getByRole('textbox', { name: 'URL' }).fill('https://shop.example.com/api/orders?page=2');
      await expect(page.getByRole('region', { name: 'Verdict' }).getByTestId('verdict-headline')).toContainText('Routed');
      await showView(page, 'Simulator');
    },
  },
  {
    name: 'the inspector open on a selected IngressRoute',
    open: async (page) => {
      await page.getByRole('navigation', { name: 'Resources' }).getByRole('button', { name: /shop\/shop-web/ }).click();
      await expect(page.getByRole('region', { name: 'Form' })).toBeVisible();
    },
  },
  ...(['Problems', 'Routers', 'Tests', 'Compare'] as const).map((tab) => ({
    name: `the ${tab} tab`,
    open: async (page: Page) => {
      await showView(page, tab);
      await expect(page.getByRole('tab', { name: new RegExp(`^${tab}`), selected: true })).toBeVisible();
    },
  })),
  {
    name: 'the settings dialog',
    open: async (page) => {
      await page.getByRole('button', { name: 'Settings…' }).click();
      await expect(page.getByRole('dialog')).toBeVisible();
    },
  },
  {
    name: 'the export dialog',
    open: async (page) => {
      await page.getByRole('button', { name: 'Export…' }).click();
      await expect(page.getByRole('dialog', { name: 'Export' })).toBeVisible();
    },
  },
  {
    name: 'the new-resource menu',
    open: async (page) => {
      const control = page.getByRole('banner').getByRole('combobox', { name: /New resource/ }).or(page.getByRole('banner').getByRole('button', { name: /New resource/ }));
      await control.first().focus();
      // A menu button opens its menu; a native select is checked closed (its options are the browser's).
      if ((await control.first().getAttribute('aria-haspopup')) !== null) await control.first().click();
    },
  },
];

test.describe('accessibility (axe-core, WCAG 2.1 A/AA)', () => {
  test.use({ viewport: { width: 1440, height: 900 } });
  for (const view of VIEWS) {
    test(`${view.name}: no serious or critical violation outside the graph and the form`, async ({ page, openExample }) => {
      await openExample();
      await view.open(page);
      expect(await seriousViolations(page, { excludeGraphAndForm: true })).toEqual([]);
    });
    test(`${view.name}: no serious or critical violation on the whole page (graph and form included)`, async ({ page, openExample }) => {
      await openExample();
      await view.open(page);
      expect(await seriousViolations(page, { excludeGraphAndForm: false })).toEqual([]);
    });
  }

  test('every control of the shell is reachable with Tab', async ({ page, openExample }) => {
    await openExample();
    const focused = () =>
      page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el) return { name: '', inEditor: false };
        return { name: el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 40) ?? '', inEditor: !!el.closest('.monaco-editor') };
      });
    const reached: string[] = [];
    // From the top to the editor (Tab inside Monaco indents; Ctrl+M there toggles Tab to move focus).
    await page.getByRole('banner').getByRole('heading').click();
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press('Tab');
      const f = await focused();
      if (f.inEditor) break;
      reached.push(f.name);
    }
    // From the splitter after the editor to the end of the page.
    await page.getByRole('separator', { name: 'Resize editor' }).focus();
    // The graph's nodes, chips and connections in view are each a stop (keyboard editing): the more of the
    // graph the centre shows, the longer the way through it.
    for (let i = 0; i < 150; i++) {
      reached.push((await focused()).name);
      await page.keyboard.press('Tab');
    }
    const expected = ['Traefik target', 'Open files…', 'Paste…', 'Examples', 'Settings…', 'Share…', 'Export…', 'Hide resources', 'example.yaml', 'Resize editor', 'Method', 'URL', 'More…', 'Resize verdict panel', 'Open inspector', 'Problems'];
    for (const name of expected) expect(reached.some((r) => r.startsWith(name)), `${name} is reachable by Tab (reached: ${reached.join(' | ')})`).toBe(true);
  });
});
