import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { test, expect, showView } from './fixtures.ts';

/** The Tests tab: recorded route tests, their results and router coverage. */
class TestsPane {
  readonly root: Locator;
  constructor(private readonly page: Page) {
    this.root = page.getByRole('region', { name: 'Route tests' });
  }
  async open(): Promise<void> {
    await showView(this.page, 'Tests');
    await expect(this.root).toBeVisible();
  }
  async record(): Promise<void> {
    await this.root.getByRole('button', { name: 'Record current request as test' }).click();
  }
  cases(): Locator {
    return this.root.getByRole('list', { name: 'Test cases' }).locator(':scope > li');
  }
  item(text: string | RegExp): Locator {
    return this.cases().filter({ hasText: text });
  }
  summary(): Locator {
    return this.root.getByTestId('tests-summary');
  }
}

/** The Compare tab: a base version loaded from files, and the diff against the workspace. */
class ComparePane {
  readonly root: Locator;
  constructor(private readonly page: Page) {
    this.root = page.getByRole('region', { name: 'Compare versions' });
  }
  async open(): Promise<void> {
    await showView(this.page, 'Compare');
    await expect(this.root).toBeVisible();
  }
  async loadBase(name: string, text: string): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.root.getByRole('button', { name: 'Compare with…' }).click();
    await (await chooser).setFiles({ name, mimeType: 'text/yaml', buffer: Buffer.from(text) });
  }
  routingRows(): Locator {
    return this.root.getByRole('table', { name: 'Routing changes' }).locator('tbody tr');
  }
}

async function simulateUrl(page: Page, url: string): Promise<void> {
  await showView(page, 'Simulator');
  await page.getByRole('textbox', { name: 'URL' }).fill(url);
  const headline = page.getByRole('region', { name: 'Verdict' }).getByTestId('verdict-headline');
  await expect(headline).toContainText('Routed');
}

const DEFAULT_EXAMPLE = readFileSync(new URL('../public/examples/default.yaml', import.meta.url), 'utf8');

test.describe('route tests and review', () => {
  test('record two tests from the simulator, break one by editing the YAML, see it fail', async ({ page, openExample, editor, outline, problems }) => {
    await openExample();
    const tests = new TestsPane(page);

    await simulateUrl(page, 'https://shop.example.com/api/orders');
    await tests.open();
    await tests.record();
    await expect(tests.cases()).toHaveCount(1);

    await simulateUrl(page, 'https://status.example.com/');
    await tests.open();
    await tests.record();
    await expect(tests.cases()).toHaveCount(2);
    await expect(tests.summary()).toHaveText('2 passed, 0 failed');
    await expect(tests.item(/status\.example\.com/)).toContainText('PASS');
    // The recorded expectations name the route, its TLS option and the upstream path.
    await expect(tests.item(/api\/orders/)).toContainText('shop-modern-tls@kubernetescrd');
    await expect(tests.item(/api\/orders/)).toContainText('upstreamPath /orders');

    // Rename the status host: the recorded request no longer reaches the status route.
    await outline.item('IR platform/status').click();
    await editor.cursorAtEndOf('Host(`status.example.com`)');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.type('-old');
    await expect(editor.line('status.example.com-old')).toBeVisible();

    await tests.open();
    await expect(tests.summary()).toHaveText('1 passed, 1 failed');
    const broken = tests.item(/status\.example\.com/);
    await expect(broken).toContainText('FAIL');
    await expect(broken.getByRole('list', { name: /^Failures of/ })).toContainText(/router: expected platform\/status/);
    await expect(tests.item(/api\/orders/)).toContainText('PASS');
    // The status route is no longer reached by any test.
    await expect(tests.root.getByRole('list', { name: 'Routers no test reaches' })).toContainText('platform-status-');
    // The failure is also a problem (and an editor marker) on the route the case expected.
    await showView(page, 'Problems');
    await expect(problems.item(/Route test .*status\.example\.com.*router: expected platform\/status/)).toBeVisible();
  });

  test('edit a recorded expectation and delete a test', async ({ page, openExample }) => {
    await openExample();
    const tests = new TestsPane(page);
    await simulateUrl(page, 'https://shop.example.com/');
    await tests.open();
    await tests.record();
    await expect(tests.summary()).toHaveText('1 passed, 0 failed');
    const item = tests.cases().first();
    await item.getByRole('button', { name: /^Edit test/ }).click();
    const form = item.getByRole('form', { name: /^Edit test/ });
    await form.getByRole('textbox', { name: 'Name' }).fill('storefront home');
    await form.getByRole('textbox', { name: 'Upstream path' }).fill('/elsewhere');
    await page.keyboard.press('Enter');
    await expect(tests.summary()).toHaveText('0 passed, 1 failed');
    await expect(tests.item('storefront home')).toContainText('upstreamPath: expected /elsewhere');
    await tests.item('storefront home').getByRole('button', { name: 'Delete test storefront home' }).click();
    await expect(tests.cases()).toHaveCount(0);
  });

  test('compare with a base version and see the changed winner', async ({ page, openExample, editor }) => {
    await openExample();
    // Head: the API route drops to priority 1, below the storefront's catch-all for the host.
    await editor.cursorAtEndOf('PathPrefix(`/api`)');
    await page.keyboard.press('Enter');
    // insertText, not type: typed keys would open the schema completion, which takes the `:`.
    await page.keyboard.insertText('priority: 1');
    await expect(editor.line('priority: 1')).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: /analysed in/ })).toBeVisible();

    const compare = new ComparePane(page);
    await compare.open();
    await compare.loadBase('main.yaml', DEFAULT_EXAMPLE);
    await expect(compare.root.getByTestId('diff-summary')).toContainText('routed differently');
    const apiRow = compare.routingRows().filter({ hasText: 'https://shop.example.com/api' }).first();
    await expect(apiRow).toBeVisible();
    await expect(apiRow).toContainText(/winner: shop-shop-web-[0-9a-f]{20}@kubernetescrd → shop-shop-web-[0-9a-f]{20}@kubernetescrd/);
    await expect(apiRow.getByTestId('changed-winner')).toBeVisible();
    // The router's priority change is listed too.
    await expect(compare.root.getByRole('list', { name: 'Router changes' })).toContainText('priority');
  });
});

// On websecure, `catch-all` (PathPrefix(`/`), priority 100) ranks above `api` (priority 10): every request of `api`
// goes to `catch-all`, so api can never win. (On web the example's HTTP-to-HTTPS router would shadow it too.)
const SHADOWED = `apiVersion: traefik.io/v1alpha1
kind: IngressRoute
metadata: { name: api, namespace: apps }
spec:
  entryPoints: [websecure]
  routes:
    - match: Host(\`api.example.com\`) && PathPrefix(\`/v1\`)
      priority: 10
      services: [{ name: api, port: 80 }]
---
apiVersion: traefik.io/v1alpha1
kind: IngressRoute
metadata: { name: catch-all, namespace: apps }
spec:
  entryPoints: [websecure]
  routes:
    - match: PathPrefix(\`/\`)
      priority: 100
      services: [{ name: web, port: 80 }]
`;

test.describe('routers that can never win', () => {
  for (const where of ['in the analysis worker', 'on the main thread when the worker cannot start'] as const) {
    test(`are found ${where}, and an edit that ends the shadowing clears them`, async ({ page, openExample, editor, problems }) => {
      if (where !== 'in the analysis worker') await page.route(/analysis\.worker/, (route) => route.abort());
      await openExample();
      // The status bar says where the analysis runs when it is not the worker.
      await expect(page.getByTestId('main-thread')).toHaveCount(where === 'in the analysis worker' ? 0 : 1);
      await page.getByTestId('open-files').setInputFiles([{ name: 'shadow.yaml', mimeType: 'text/yaml', buffer: Buffer.from(SHADOWED) }]);
      await expect(problems.item(/Router apps-api-[0-9a-f]{20}@kubernetescrd can never win on websecure: apps-catch-all-/)).toBeVisible();
      // The catch-all below the api route: no router is shadowed any more.
      await editor.cursorAtEndOf('priority: 100');
      await page.keyboard.press('Backspace');
      await page.keyboard.press('Backspace');
      await expect(editor.line(/priority:\s1\s*$/)).toBeVisible();
      await expect(problems.root.getByRole('listitem').filter({ hasText: 'can never win' })).toHaveCount(0);
      // The graph follows each analysis, from the worker and from the main thread alike: a new priority on the api
      // route shows on its node, and the status bar waits for the graph.
      await editor.cursorAtEndOf('priority: 10');
      await page.keyboard.type('5');
      // (The namespace's routes, fitted: the graph draws the nodes in its viewport only.)
      await page.getByRole('combobox', { name: 'Filter by namespace' }).selectOption('apps');
      await page.getByRole('button', { name: 'Fit view' }).click();
      const graph = page.getByRole('figure', { name: 'Routing graph' });
      await expect(graph.getByRole('group', { name: 'route apps/api#0', exact: true })).toContainText('prio 105');
      await expect(page.locator('footer.statusbar')).toContainText('analysed in');
    });
  }
});
