import { readFileSync } from 'node:fs';
import { test, expect, showView } from './fixtures.ts';

test.describe('graph', () => {
  test('the example graph has its entryPoints, routes, middlewares and services', async ({ page, openExample }) => {
    await openExample();
    const graph = page.getByRole('figure', { name: 'Routing graph' });
    await expect(graph.getByTestId('graph-node-router')).toHaveCount(5);
    await expect(graph.getByTestId('graph-node-entryPoint')).toHaveCount(2);
    await expect(graph.getByTestId('graph-node-middleware')).toHaveCount(5);
    await expect(graph.getByRole('button', { name: 'route shop/shop-web#1' })).toContainText('PathPrefix');
    await expect(graph.getByRole('button', { name: 'middleware shop-strip-api' })).toContainText('stripPrefix /api');
    await expect(graph.getByRole('button', { name: 'service shop-api-canary' })).toContainText('weighted 9:1');
  });

  test('clicking a route node selects its YAML range', async ({ page, openExample, editor }) => {
    await openExample();
    await page.getByRole('figure', { name: 'Routing graph' }).getByRole('button', { name: 'route shop/shop-admin#0' }).click();
    await expect(editor.selectedText().first()).toBeVisible();
    await expect(editor.line('admin.shop.example.com')).toBeVisible();
  });

  test('the cursor in a route selects that route in the graph', async ({ page, openExample, editor }) => {
    await openExample();
    const graph = page.getByRole('figure', { name: 'Routing graph' });
    await editor.cursorAtEndOf('PathPrefix(`/api`)');
    await expect(graph.locator('.react-flow__node.selected')).toHaveCount(1);
    await expect(graph.locator('.react-flow__node.selected')).toContainText('shop/shop-web#1');
    // Up into the first route of the same IngressRoute: the selection follows.
    await editor.cursorAtEndOf('match: Host(`shop.example.com`)');
    await expect(graph.locator('.react-flow__node.selected')).toContainText('shop/shop-web#0');
  });

  test('a simulation highlights the winning path and dims the losers', async ({ page, openExample }) => {
    await openExample();
    await showView(page, 'Simulator');
    await page.getByRole('textbox', { name: 'URL' }).fill('https://shop.example.com/api/orders');
    await expect(page.getByRole('region', { name: 'Verdict' }).getByTestId('verdict-headline')).toContainText('Routed');
    await showView(page, 'Graph');
    const graph = page.getByRole('figure', { name: 'Routing graph' });
    await expect(graph.locator('.gstate-winner').filter({ hasText: 'shop/shop-web#1' })).toHaveCount(1);
    await expect(graph.locator('.gstate-winner').filter({ hasText: 'shop-strip-api' })).toHaveCount(1);
    await expect(graph.locator('.gstate-loser').filter({ hasText: 'shop/shop-admin#0' })).toHaveCount(1);
    await expect(graph.locator('.gstate-winner').filter({ hasText: 'shop/shop-admin#0' })).toHaveCount(0);
  });

  test('SVG export downloads the whole graph with every label', async ({ page, openExample }) => {
    await openExample();
    const graph = page.getByRole('figure', { name: 'Routing graph' });
    await expect(graph.getByTestId('graph-node-router')).toHaveCount(5);
    const labels = await graph.locator('.gnode-label').allTextContents();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export graph as SVG' }).click();
    const file = await download;
    const svg = readFileSync((await file.path())!, 'utf8');
    expect(svg.startsWith('<svg')).toBe(true);
    for (const label of labels) expect(svg).toContain(label.replace(/&/g, '&amp;'));
  });
});
