import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { test, expect, savedWorkspace, showView, type EditorPane } from './fixtures.ts';

/** The example as shipped: every edit below is checked against it, line for line. */
const original = readFileSync(new URL('../public/examples/default.yaml', import.meta.url), 'utf8');

/** `original` with one exact change (the change must apply exactly once). */
function changed(from: string, to: string): string {
  expect(original.split(from)).toHaveLength(2);
  return original.replace(from, to);
}

const ROUTE0_CHAIN = '        - name: security-headers\n      services:\n        - name: storefront';
const ROUTE1_CHAIN = '        - name: strip-api\n        - name: security-headers\n';

async function text(page: Page): Promise<string> {
  const saved = JSON.parse((await savedWorkspace(page)) || '{}') as { state?: { files?: { text: string }[] } };
  return saved.state?.files?.[0]?.text ?? '';
}

/** Ctrl+Z in the editor undoes the graph edit: the text is the example again. */
async function undoRestores(page: Page, editor: EditorPane): Promise<void> {
  await focusEditor(editor);
  await page.keyboard.press('Control+z');
  await expect.poll(() => text(page)).toBe(original);
}

/** Puts the keyboard focus in the editor (a click amid whatever lines it shows, clear of sticky headers). */
async function focusEditor(editor: EditorPane): Promise<void> {
  await editor.root.click({ position: { x: 300, y: 240 } });
}

/** Drags with the mouse from the centre of one element to the centre of another, in small steps. */
async function drag(page: Page, from: Locator, to: Locator): Promise<void> {
  const a = (await from.boundingBox())!;
  const b = (await to.boundingBox())!;
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(a.x + a.width / 2 + 10, a.y + a.height / 2, { steps: 3 });
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 12 });
  await page.mouse.up();
}

test.describe('editing in the graph', () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test.beforeEach(async ({ page, openExample }) => {
    await openExample();
    await showView(page, 'Graph');
    await expect.poll(() => text(page)).toBe(original);
  });

  const graphOf = (page: Page) => page.getByRole('figure', { name: 'Routing graph' });

  test('dragging from a route to a middleware attaches it: one added line, undone by Ctrl+Z', async ({ page, editor }) => {
    const graph = graphOf(page);
    const route = graph.getByRole('group', { name: 'route shop/shop-web#0', exact: true });
    const middleware = graph.getByRole('group', { name: 'middleware strip-api', exact: true });
    await drag(page, route.locator('.react-flow__handle-left'), middleware.locator('.react-flow__handle-right'));
    await expect.poll(() => text(page)).toBe(changed(ROUTE0_CHAIN, '        - name: security-headers\n        - name: strip-api\n      services:\n        - name: storefront'));
    await expect(route.getByRole('button', { name: 'strip-api, middleware 2 of 2' })).toBeVisible();
    await undoRestores(page, editor);
  });

  test('selecting a connection and pressing Delete detaches it: one removed line, undone by Ctrl+Z', async ({ page, editor }) => {
    const graph = graphOf(page);
    const connection = graph.getByRole('group', { name: 'connection: middleware strip-api on shop/shop-web#1 (position 1)', exact: true });
    await connection.click();
    await expect(graph.locator('.react-flow__edge.selected')).toHaveCount(1);
    await page.keyboard.press('Delete');
    await expect.poll(() => text(page)).toBe(changed(ROUTE1_CHAIN, '        - name: security-headers\n'));
    await undoRestores(page, editor);
  });

  test('dragging a chip onto another reorders the chain: two lines swap, undone by Ctrl+Z', async ({ page, editor }) => {
    const route = graphOf(page).getByRole('group', { name: 'route shop/shop-web#1', exact: true });
    await route.getByRole('button', { name: 'security-headers, middleware 2 of 2' }).dragTo(route.getByRole('button', { name: 'strip-api, middleware 1 of 2' }));
    await expect.poll(() => text(page)).toBe(changed(ROUTE1_CHAIN, '        - name: security-headers\n        - name: strip-api\n'));
    await undoRestores(page, editor);
  });

  test('the keyboard does the same: Alt+Arrow moves a chip, Delete detaches a chip or a connection', async ({ page, editor }) => {
    const graph = graphOf(page);
    const route = graph.getByRole('group', { name: 'route shop/shop-web#1', exact: true });
    await route.getByRole('button', { name: 'strip-api, middleware 1 of 2' }).focus();
    await page.keyboard.press('Alt+ArrowDown');
    const swapped = changed(ROUTE1_CHAIN, '        - name: security-headers\n        - name: strip-api\n');
    await expect.poll(() => text(page)).toBe(swapped);
    // Focus followed the chip to its new place: Delete detaches it.
    await expect(route.getByRole('button', { name: 'strip-api, middleware 2 of 2' })).toBeFocused();
    await page.keyboard.press('Delete');
    await expect.poll(() => text(page)).toBe(changed(ROUTE1_CHAIN, '        - name: security-headers\n'));
    // A focused connection: Delete.
    await graph.getByRole('group', { name: 'connection: middleware office-only on shop/shop-admin#0 (position 1)', exact: true }).focus();
    await page.keyboard.press('Delete');
    await expect.poll(() => text(page)).not.toContain('- name: office-only');
    // Each was one undo step.
    await focusEditor(editor);
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+z');
    await expect.poll(() => text(page)).toBe(swapped);
    await page.keyboard.press('Control+z');
    await expect.poll(() => text(page)).toBe(original);
  });

  test('"+" on a route attaches an existing middleware from a searchable list, by keyboard', async ({ page }) => {
    const route = graphOf(page).getByRole('group', { name: 'route shop/shop-admin#0', exact: true });
    await route.getByRole('button', { name: 'Add a middleware or service to shop/shop-admin#0' }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Add to shop/shop-admin#0' });
    await expect(dialog.getByRole('searchbox', { name: 'Search middlewares and services' })).toBeFocused();
    await page.keyboard.type('to-https');
    await expect(dialog.getByRole('list', { name: 'Middlewares and services' }).getByRole('button')).toHaveCount(1);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => text(page)).toBe(changed('        - name: admin-auth\n', '        - name: admin-auth\n        - name: to-https\n'));
    await expect(dialog).toHaveCount(0);
  });

  test('"+" creates a new middleware: a new document appended and attached, in one undo step', async ({ page, editor }) => {
    const route = graphOf(page).getByRole('group', { name: 'route shop/shop-web#0', exact: true });
    await route.getByRole('button', { name: 'Add a middleware or service to shop/shop-web#0' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add to shop/shop-web#0' });
    await dialog.getByRole('combobox', { name: 'Type of the new resource' }).selectOption('rateLimit');
    await dialog.getByRole('textbox', { name: 'Name of the new resource' }).fill('limit');
    await dialog.getByRole('button', { name: 'Create and attach' }).click();
    await expect.poll(() => text(page)).toContain('        - name: security-headers\n        - name: limit\n      services:');
    const after = await text(page);
    expect(after.startsWith(original)).toBe(false);
    expect(after).toContain('---\napiVersion: traefik.io/v1alpha1\nkind: Middleware\nmetadata:\n  name: limit\n  namespace: shop\nspec:\n  rateLimit:\n    average: 100\n    burst: 50\n');
    await expect(graphOf(page).getByRole('group', { name: 'middleware limit', exact: true })).toContainText('rateLimit');
    await undoRestores(page, editor);
  });

  test('double-clicking a middleware renames it and the routes that use it', async ({ page, editor }) => {
    await graphOf(page).getByRole('group', { name: 'middleware security-headers', exact: true }).dblclick();
    const dialog = page.getByRole('dialog', { name: 'Rename security-headers' });
    const name = dialog.getByRole('textbox', { name: 'New name' });
    await name.fill('headers-v2');
    await name.press('Enter');
    await expect.poll(() => text(page)).toBe(original.replaceAll('security-headers', 'headers-v2'));
    await expect(graphOf(page).getByRole('group', { name: 'middleware headers-v2', exact: true })).toContainText('×2');
    await undoRestores(page, editor);
  });
});
