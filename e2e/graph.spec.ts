import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect, showView } from './fixtures.ts';
import { generateWorkspace } from '../bench/generate-yaml.ts';

/**
 * On-screen size of the text inside graph nodes: for each text node, its element's font size times the
 * viewport zoom, and the height of its box (getBoundingClientRect).
 */
async function nodeText(page: Page): Promise<{ fontPx: number[]; boxPx: number[] }> {
  return page.evaluate(() => {
    const fontPx: number[] = [];
    const boxPx: number[] = [];
    for (const n of document.querySelectorAll('.react-flow__node')) {
      const walker = document.createTreeWalker(n, NodeFilter.SHOW_TEXT);
      for (let t = walker.nextNode(); t; t = walker.nextNode()) {
        const el = t.parentElement;
        if (!el || !t.textContent?.trim()) continue;
        const box = el.getBoundingClientRect();
        if (box.height === 0) continue;
        // The node's rendered scale: its box on screen over its layout size.
        const node = n as HTMLElement;
        const scale = node.getBoundingClientRect().width / node.offsetWidth;
        boxPx.push(box.height);
        fontPx.push(parseFloat(getComputedStyle(el).fontSize) * scale);
      }
    }
    return { fontPx, boxPx };
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

/** The graph's own count of its nodes (React Flow renders only the nodes in view). */
const nodeCount = (page: Page) => page.getByRole('toolbar', { name: 'Graph filters and export' }).getByText(/^\d+ nodes$/);

/** The generated 40-IngressRoute workspace (~200 graph nodes) added to the example, the graph shown and settled. */
async function openTeamWorkspace(page: Page) {
  const ws = generateWorkspace(40);
  await page.getByTestId('open-files').setInputFiles([{ name: 'team.yaml', mimeType: 'text/yaml', buffer: Buffer.from(ws.text) }]);
  await expect(page.getByRole('status').filter({ hasText: /analysed in/ })).toBeVisible();
  await showView(page, 'Graph');
  await expect.poll(async () => parseInt((await nodeCount(page).textContent()) ?? '0', 10)).toBeGreaterThan(180);
  await page.waitForTimeout(500);
  return page.getByRole('figure', { name: 'Routing graph' });
}

test.describe('graph', () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test('opens readable: node text at least 11 px high on screen on the built-in example', async ({ page, openExample }) => {
    await openExample();
    await showView(page, 'Graph');
    await expect(nodeCount(page)).toHaveText('15 nodes');
    const graph = page.getByRole('figure', { name: 'Routing graph' });
    await page.waitForTimeout(500); // the opening fit runs on the next frame
    const { fontPx, boxPx } = await nodeText(page);
    expect(fontPx.length).toBeGreaterThan(40);
    expect(median(fontPx)).toBeGreaterThanOrEqual(11);
    expect(median(boxPx)).toBeGreaterThanOrEqual(11);
    // Every text, not only the median: nothing smaller than 11 px.
    expect(Math.min(...fontPx)).toBeGreaterThanOrEqual(11);
    // And most of the example is on screen at that size: every route.
    for (const name of ['shop/shop-web#0', 'shop/shop-web#1', 'shop/shop-admin#0', 'shop/http-to-https#0']) {
      await expect(graph.getByRole('group', { name: `route ${name}`, exact: true })).toBeInViewport({ ratio: 0.9 });
    }
  });

  test('routes show their rule, priority, TLS, entryPoints and chain; services their children', async ({ page, openExample }) => {
    await openExample();
    await showView(page, 'Graph');
    const graph = page.getByRole('figure', { name: 'Routing graph' });
    // React Flow renders only the nodes in view: Fit view brings all of them on screen to be counted.
    await graph.getByRole('button', { name: 'Fit view' }).click();
    await expect(graph.getByTestId('graph-node-middleware')).toHaveCount(5);
    await expect(graph.getByTestId('graph-node-entryPoint')).toHaveCount(0);
    await expect(graph.getByTestId('graph-node-backend')).toHaveCount(0);
    const api = graph.getByRole('group', { name: 'route shop/shop-web#1', exact: true });
    await expect(api).toContainText('PathPrefix');
    await expect(api).toContainText('prio 46');
    await expect(api).toContainText('TLS modern-tls');
    await expect(api).toContainText('websecure');
    await expect(api.getByRole('list', { name: 'Middlewares of shop/shop-web#1, in order' }).getByRole('button')).toHaveText(['strip-api', 'security-headers']);
    // The position is drawn (CSS) and spoken (the accessible name), in the chain's order.
    await expect(api.getByRole('button', { name: 'strip-api, middleware 1 of 2', exact: true })).toBeVisible();
    await expect(api.getByRole('button', { name: 'security-headers, middleware 2 of 2', exact: true })).toBeVisible();
    await expect(graph.getByRole('group', { name: 'middleware strip-api', exact: true })).toContainText('stripPrefix /api');
    const canary = graph.getByRole('group', { name: 'service shop/api-canary', exact: true });
    await expect(canary).toContainText('weighted 9:1');
    await expect(canary.getByRole('listitem')).toHaveText(['shop/api-v1:808090%', 'shop/api-v2:808010%']);
    // Backends only when asked.
    const count = nodeCount(page);
    await expect(count).toHaveText('15 nodes');
    await page.getByRole('button', { name: 'Backends' }).click();
    await expect(count).toHaveText('20 nodes');
    await graph.getByRole('button', { name: 'Fit view' }).click();
    await expect(graph.getByTestId('graph-node-backend')).toHaveCount(5);
    await expect(graph.getByRole('group', { name: 'backend http://api-v1.shop.svc:8080', exact: true })).toBeVisible();
  });

  test('a selected middleware chip lights the same middleware on every route', async ({ page, openExample }) => {
    await openExample();
    await showView(page, 'Graph');
    const graph = page.getByRole('figure', { name: 'Routing graph' });
    // The example's request is simulated after it opens, and the newest of verdict and selection is lit: a chip
    // clicked before the first verdict reached the graph lost to it (1 run in 10 here), so the verdict comes first.
    await expect(graph.locator('.gstate-winner').first()).toBeVisible();
    await graph.getByRole('group', { name: 'route shop/shop-web#0', exact: true }).getByRole('button', { name: 'security-headers, middleware 1 of 1' }).click();
    await page.mouse.move(1, 1); // hovering a node lights that node's paths instead
    await expect(graph.locator('.react-flow__node.selected')).toContainText('security-headers');
    // Both routes that use it light up, the one that does not stays dim.
    await expect(graph.locator('.gstate-lit').filter({ hasText: 'shop/shop-web#0' })).toHaveCount(1);
    await expect(graph.locator('.gstate-lit').filter({ hasText: 'shop/shop-web#1' })).toHaveCount(1);
    await expect(graph.locator('.gstate-lit').filter({ hasText: 'shop/shop-admin#0' })).toHaveCount(0);
  });

  test('clicking a route node selects its YAML range', async ({ page, openExample, editor }) => {
    await openExample();
    await showView(page, 'Graph');
    await page.getByRole('figure', { name: 'Routing graph' }).getByRole('group', { name: 'route shop/shop-admin#0', exact: true }).locator('.gnode-label').click();
    // The route's mapping, from its first key to its last value (without the list dash).
    expect(await editor.selection()).toBe(
      'kind: Rule\n      match: Host(`admin.shop.example.com`) && (Path(`/`) || PathPrefix(`/admin`))\n      priority: 100\n' +
        '      middlewares:\n        - name: office-only\n        - name: admin-auth\n      services:\n        - name: admin\n          port: http',
    );
    await expect(editor.line('admin.shop.example.com')).toBeVisible();
  });

  test('the cursor in a route selects that route in the graph', async ({ page, openExample, editor }) => {
    await openExample();
    await showView(page, 'Graph');
    const graph = page.getByRole('figure', { name: 'Routing graph' });
    await editor.cursorAtEndOf('PathPrefix(`/api`)');
    await expect(graph.locator('.react-flow__node.selected')).toHaveCount(1);
    await expect(graph.locator('.react-flow__node.selected')).toContainText('shop/shop-web#1');
    await expect(graph.locator('.react-flow__node.selected')).toBeInViewport();
    // Up into the first route of the same IngressRoute: the selection follows.
    await editor.cursorAtEndOf('match: Host(`shop.example.com`)');
    await expect(graph.locator('.react-flow__node.selected')).toContainText('shop/shop-web#0');
  });

  test('a selection hidden by a filter is announced, with a way to clear the filter', async ({ page, openExample, editor }) => {
    await openExample();
    await showView(page, 'Graph');
    const graph = page.getByRole('figure', { name: 'Routing graph' });
    await page.getByRole('combobox', { name: 'Filter by namespace' }).selectOption('platform');
    await editor.cursorAtEndOf('PathPrefix(`/api`)');
    const notice = page.getByRole('status').filter({ hasText: 'is hidden by the filters' });
    await expect(notice).toContainText('shop/shop-web#1');
    await notice.getByRole('button', { name: 'Clear the filters' }).click();
    await expect(notice).toHaveCount(0);
    await expect(graph.locator('.react-flow__node.selected')).toContainText('shop/shop-web#1');
  });

  test('a simulation highlights the winning path and dims the losers', async ({ page, openExample }) => {
    await openExample();
    await showView(page, 'Simulator');
    await page.getByRole('textbox', { name: 'URL' }).fill('https://shop.example.com/api/orders');
    await expect(page.getByRole('region', { name: 'Verdict' }).getByTestId('verdict-headline')).toContainText('Routed');
    await showView(page, 'Graph');
    const graph = page.getByRole('figure', { name: 'Routing graph' });
    // The request's options are open and the graph is shorter: Fit view brings every route on screen (React
    // Flow renders only the nodes in view) to check each one's state.
    await graph.getByRole('button', { name: 'Fit view' }).click();
    await expect(graph.locator('.gstate-winner').filter({ hasText: 'shop/shop-web#1' })).toHaveCount(1);
    await expect(graph.locator('.gstate-winner').filter({ hasText: 'stripPrefix /api' })).toHaveCount(1);
    await expect(graph.locator('.gstate-loser').filter({ hasText: 'shop/shop-admin#0' })).toHaveCount(1);
    await expect(graph.locator('.gstate-winner').filter({ hasText: 'shop/shop-admin#0' })).toHaveCount(0);
  });

  test('a 200-node workspace opens readable, with fit-all, the overview and the filters', async ({ page, openExample }) => {
    await openExample();
    const graph = await openTeamWorkspace(page);
    const opening = await nodeText(page);
    expect(median(opening.fontPx)).toBeGreaterThanOrEqual(11);
    await expect(graph.getByRole('img', { name: 'Graph overview: click to move the view' })).toBeVisible();
    await expect(page.getByRole('combobox', { name: 'Filter by namespace' })).toBeVisible();
    // Fit view shows everything: many more nodes on screen, at a zoom for the overall shape.
    await graph.getByRole('button', { name: 'Fit view' }).click();
    await page.waitForTimeout(600);
    const all = await nodeText(page);
    expect(all.fontPx.length).toBeGreaterThan(opening.fontPx.length * 2);
    expect(median(all.fontPx)).toBeLessThan(11);
  });

  test('a simulated request brings its route into view in a large workspace', async ({ page, openExample }) => {
    await openExample();
    const graph = await openTeamWorkspace(page);
    // The last generated IngressRoute's first route (Host app39… && PathPrefix /users0) is far below the opening view.
    const route = graph.getByTestId('graph-node-router').filter({ hasText: 'team-0/app-39#0' });
    const onScreen = async () => {
      const pane = await graph.locator('.react-flow').boundingBox();
      const box = (await route.count()) === 1 ? await route.boundingBox() : null;
      return !!pane && !!box && box.y >= pane.y && box.y + box.height <= pane.y + pane.height && box.x >= pane.x && box.x + box.width <= pane.x + pane.width;
    };
    expect(await onScreen()).toBe(false);
    await page.getByRole('textbox', { name: 'URL' }).fill('https://app39.team-0.example.com/users0/list');
    await expect(page.getByRole('region', { name: 'Verdict' }).getByTestId('verdict-headline')).toContainText('team-0-app-39-');
    await expect.poll(onScreen).toBe(true);
    await expect(graph.locator('.gstate-winner').filter({ hasText: 'team-0/app-39#0' })).toHaveCount(1);
  });

  test('a large graph opens on one namespace, follows the selection and the filters, and exports whole', async ({ page, openExample }) => {
    test.slow();
    await openExample();
    const ws = generateWorkspace(600);
    await page.getByTestId('open-files').setInputFiles([{ name: 'big.yaml', mimeType: 'text/yaml', buffer: Buffer.from(ws.text) }]);
    await expect(page.getByRole('status').filter({ hasText: /analysed in/ })).toBeVisible({ timeout: 60_000 });
    await showView(page, 'Graph');
    const graph = page.getByRole('figure', { name: 'Routing graph' });
    const notice = page.getByRole('status').filter({ hasText: /^Large graph/ });
    await expect(notice).toContainText(/Large graph \(\d+ nodes\): showing namespace team-\d+/);
    const [, total, opened] = /\((\d+) nodes\): showing namespace (team-\d+)/.exec((await notice.textContent())!)!;
    expect(Number(total)).toBeGreaterThan(2500);
    const count = page.getByRole('toolbar', { name: 'Graph filters and export' }).getByText(/ nodes$/);
    const shownCount = async () => Number(/^(\d+)/.exec((await count.textContent()) ?? '')?.[1]);
    await expect(count).toHaveText(new RegExp(`^\\d+ of ${total} nodes$`));
    expect(await shownCount()).toBeLessThan(Number(total) / 4);
    const namespacesShown = async () => new Set((await graph.getByTestId('graph-node-router').locator('.gnode-label').allTextContents()).map((l) => l.split('/')[0]));
    expect(await namespacesShown()).toEqual(new Set([opened]));

    // Another namespace from the filter: its routes come from the worker.
    // An IngressRoute of a namespace the graph did not open on, and a third namespace.
    const [, app, target] = [...ws.text.matchAll(/^ {2}name: (app-\d+)\n {2}namespace: (\S+)$/gm)].find((m) => m[2] !== opened)!;
    const other = [...new Set([...ws.text.matchAll(/^ {2}namespace: (team-\d+)$/gm)].map((m) => m[1]!))].find((ns) => ns !== opened && ns !== target)!;
    await page.getByRole('combobox', { name: 'Filter by namespace' }).selectOption(other);
    await expect.poll(namespacesShown).toEqual(new Set([other]));
    await expect(notice).toHaveCount(0);

    // A route of another namespace selected: the filter hides it, and the pane says so.
    const outline = page.getByRole('navigation', { name: 'Resources' });
    await outline.getByRole('searchbox', { name: 'Filter resources' }).fill(`/${app}`);
    await outline.getByRole('button', { name: new RegExp(`/${app}\\b`) }).click();
    await expect(page.getByRole('status').filter({ hasText: 'is hidden by the filters' })).toContainText(`The selected route ${target}/${app}#0 is hidden`);
    // Without the filter the graph opens on the selection's namespace, the route selected.
    await page.getByRole('combobox', { name: 'Filter by namespace' }).selectOption('');
    await expect(notice).toContainText(`showing namespace ${target}`);
    await expect(graph.locator('.react-flow__node.selected')).toContainText(`${target}/${app}#0`);
    await expect(page.getByRole('status').filter({ hasText: 'is hidden by the filters' })).toHaveCount(0);

    // The export draws the whole graph, not the namespace shown.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export graph as SVG' }).click();
    const svg = readFileSync((await (await download).path())!, 'utf8');
    for (const ns of [opened, other, target]) expect(svg).toContain(`${ns}/`);

    // Everything, when asked.
    await notice.getByRole('button', { name: 'show everything' }).click();
    await expect(count).toHaveText(`${total} nodes`, { timeout: 30_000 });
  });

  test('a large graph\'s notice takes one line of the graph\'s height at 1280×720 and 1440×900', async ({ page, openExample }) => {
    test.slow();
    for (const size of [{ width: 1280, height: 720 }, { width: 1440, height: 900 }]) {
      await page.setViewportSize(size);
      await openExample();
      await page.getByTestId('open-files').setInputFiles([{ name: 'big.yaml', mimeType: 'text/yaml', buffer: Buffer.from(generateWorkspace(600).text) }]);
      await expect(page.getByRole('status').filter({ hasText: /analysed in/ })).toBeVisible({ timeout: 60_000 });
      await showView(page, 'Graph');
      const notice = page.getByRole('status').filter({ hasText: /^Large graph/ });
      await expect(notice).toContainText('show everything');
      // Two lines made ~20 px of graph fewer at 1280×720, where the graph has the least room.
      expect((await notice.boundingBox())!.height).toBeLessThan(32);
    }
  });

  test('the graph has no serious or critical accessibility violation', async ({ page, openExample }) => {
    await openExample();
    await showView(page, 'Graph');
    await expect(nodeCount(page)).toHaveText('15 nodes');
    const results = await new AxeBuilder({ page }).include('.react-flow').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(bad.map((v) => `${v.id}: ${v.nodes.length} (${v.nodes[0]?.target.join(' ')})`)).toEqual([]);
  });

  test('SVG export downloads the whole graph with every label', async ({ page, openExample }) => {
    await openExample();
    await showView(page, 'Graph');
    const graph = page.getByRole('figure', { name: 'Routing graph' });
    await graph.getByRole('button', { name: 'Fit view' }).click();
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
