import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect, savedWorkspace, showView } from './fixtures.ts';

const savedText = async (page: Page) => (JSON.parse((await savedWorkspace(page)) || '{}') as { state?: { files?: { text: string }[] } }).state?.files?.[0]?.text ?? '';

/** The new document as the form writes it: the template, then each edit in place. */
const NEW_ROUTE = `---
apiVersion: traefik.io/v1alpha1
kind: IngressRoute
metadata:
  name: checkout
  namespace: shop
spec:
  entryPoints:
    - websecure
  routes:
    - kind: Rule
      match: Host(\`checkout.example.com\`) && PathPrefix(\`/pay\`)
      services:
        - name: admin
          port: 8081
      middlewares:
        - name: security-headers
  tls: {}
`;

async function expectNoSeriousA11yIssue(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).include('section[aria-label="Form"]').withTags(['wcag2a', 'wcag2aa']).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test.describe('form editor', () => {
  test('a new IngressRoute built entirely from the form: rule rows, picked middleware and service; 0 errors; Ctrl+Z steps back', async ({ page, openExample, editor, outline }) => {
    await openExample();
    await outline.item('shop/shop-web').click();
    await showView(page, 'Form');
    await expect(page.getByRole('form', { name: 'IngressRoute form' })).toBeVisible();
    await expect.poll(() => savedText(page)).toContain('kind: IngressRoute');
    const original = await savedText(page);

    await page.getByRole('combobox', { name: 'New resource' }).first().selectOption('IngressRoute');
    // The new document lands right after shop-web, is selected in the editor and opens in the form, name focused.
    const name = page.getByRole('form', { name: 'IngressRoute form' }).getByRole('textbox', { name: 'name', exact: true });
    await expect(name).toHaveValue('new-route');
    await expect(name).toBeFocused();
    await expect(editor.selectedText().first()).toBeVisible();
    await expect(page.getByTestId('count-errors')).toHaveText('0 errors');
    await name.fill('checkout');
    await name.press('Enter');

    const form = page.getByRole('form', { name: 'IngressRoute form' });
    await expect(form.getByRole('textbox', { name: 'name', exact: true })).toHaveValue('checkout');
    const route = form.getByRole('group', { name: 'Route 1' });
    const rule = route.getByRole('group', { name: 'Rule' });
    // Row 1 is the template's Host: give it the real domain.
    const domain = rule.getByRole('group', { name: 'Condition 1' }).getByRole('textbox', { name: 'domain' });
    await domain.fill('checkout.example.com');
    await expect(rule.getByText('Priority 28 (length of the rule)')).toBeVisible();
    await domain.press('Enter');
    // Row 2: a PathPrefix; the priority follows the typing before anything is written.
    await rule.getByRole('button', { name: 'Add condition' }).click();
    const row2 = rule.getByRole('group', { name: 'Condition 2' });
    await expect(row2.getByRole('combobox', { name: 'Matcher' })).toHaveValue('PathPrefix');
    await row2.getByRole('textbox', { name: 'prefix' }).fill('/pay');
    await expect(rule.getByText('Priority 50 (length of the rule)')).toBeVisible();
    await row2.getByRole('textbox', { name: 'prefix' }).press('Enter');
    await expect.poll(() => savedText(page)).toContain('match: Host(`checkout.example.com`) && PathPrefix(`/pay`)');

    // A middleware of the workspace, picked from the list.
    await route.getByRole('button', { name: 'Add middleware' }).click();
    await route.getByRole('combobox', { name: 'New middleware' }).selectOption('security-headers');
    await expect(route.getByRole('combobox', { name: 'Middleware 1', exact: true })).toHaveValue('security-headers');
    // A Service of the workspace: its port comes with it.
    await route.getByRole('combobox', { name: 'Service 1', exact: true }).selectOption('Service|shop|admin');
    await expect(route.getByRole('combobox', { name: 'Port of service 1' })).toHaveValue('8081');

    await expect.poll(() => savedText(page)).toContain(NEW_ROUTE);
    const built = await savedText(page);
    expect(built.replace(NEW_ROUTE, '')).toBe(original);
    expect(built.indexOf(NEW_ROUTE)).toBe(original.indexOf('---\napiVersion: traefik.io/v1alpha1\nkind: IngressRoute\nmetadata:\n  name: shop-admin'));
    await expect(page.getByTestId('count-errors')).toHaveText('0 errors');
    await expectNoSeriousA11yIssue(page);

    // Ctrl+Z in the editor steps back through the form's edits, one at a time, to the original text.
    await editor.line('name: checkout').click();
    const steps = [
      (t: string) => t.includes('        - name: app\n          port: 80\n      middlewares:'),
      (t: string) => !t.includes('middlewares:\n        - name: security-headers\n  tls: {}'),
      (t: string) => t.includes('match: Host(`checkout.example.com`)\n'),
      (t: string) => t.includes('match: Host(`app.example.com`)\n'),
      (t: string) => t.includes('name: new-route\n'),
      (t: string) => t === original,
    ];
    for (const [i, step] of steps.entries()) {
      await page.keyboard.press('Control+z');
      await expect.poll(async () => step(await savedText(page)), { message: `undo step ${i + 1}` }).toBe(true);
    }
  });

  test('shop/shop-web at 1440×900: the first route’s match is on screen in a field, server-managed metadata is not', async ({ page, openExample, editor, outline }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await openExample();
    // The API server's fields, as `kubectl get -o yaml` shows them.
    await editor.cursorAtEndOf('namespace: shop');
    const managed = ['uid: 6c0f3f5e-1b2a-4c1d-9a61-3f1f0e2d9b7a', 'resourceVersion: 48213', 'generation: 3', 'creationTimestamp: 2026-01-05T10:00:00Z', 'deletionTimestamp: 2026-02-01T10:00:00Z', 'selfLink: /apis/traefik.io/v1alpha1/namespaces/shop/ingressroutes/shop-web', 'finalizers: []', 'ownerReferences: []', 'managedFields: []'];
    for (const line of managed) {
      await page.keyboard.press('Enter');
      await page.keyboard.type(line);
    }
    await outline.item('shop/shop-web').click();
    await showView(page, 'Form');
    const form = page.getByRole('form', { name: 'IngressRoute form' });
    const match = form.getByRole('group', { name: 'Route 1' }).getByRole('group', { name: 'Condition 1' }).getByRole('textbox', { name: 'domain' });
    await expect(match).toHaveValue('shop.example.com');
    await expect(match).toBeInViewport();
    expect(await form.evaluate((f) => f.closest('.form-scroll')?.scrollTop ?? 0)).toBe(0);
    // Open every "More options" of the metadata: still none of the server's fields.
    await form.getByRole('button', { name: /More options/ }).first().click();
    for (const field of ['uid', 'resourceVersion', 'generation', 'creationTimestamp', 'deletionTimestamp', 'selfLink', 'finalizers', 'ownerReferences', 'managedFields']) {
      await expect(form.getByText(field, { exact: true })).toHaveCount(0);
      await expect(form.getByLabel(field, { exact: true })).toHaveCount(0);
    }
    // A form edit leaves them in the text as they were.
    const domain = match;
    await domain.fill('www.shop.example.com');
    await domain.press('Enter');
    await expect.poll(() => savedText(page)).toContain('match: Host(`www.shop.example.com`)');
    const text = await savedText(page);
    for (const line of managed) expect(text).toContain(`  ${line}\n`);
    await expectNoSeriousA11yIssue(page);
  });

  test('typing a resource’s name in the editor keeps its form on screen and the resource selected, keystroke after keystroke', async ({ page, openExample, editor, outline }) => {
    await openExample();
    await outline.item('shop/shop-web').click();
    await showView(page, 'Form');
    const form = page.getByRole('form', { name: 'IngressRoute form' });
    await expect(form.getByRole('textbox', { name: 'name', exact: true })).toHaveValue('shop-web');
    // Count every removal of the form's element: each renamed id used to blank the form and build it again.
    await page.evaluate(() => {
      const w = window as unknown as { __formsRemoved: number };
      w.__formsRemoved = 0;
      const host = document.querySelector('form.schema-form')!.parentElement!;
      new MutationObserver((list) => list.forEach((m) => m.removedNodes.forEach((n) => { if (n instanceof HTMLFormElement) w.__formsRemoved++; }))).observe(host, { childList: true });
    });
    await editor.cursorAtEndOf('name: shop-web');
    for (const typed of ['shop-webx', 'shop-webxy', 'shop-webxyz']) {
      await page.keyboard.type(typed.slice(-1));
      await expect(outline.item(`shop/${typed}\\b`)).toHaveAttribute('aria-current', 'true');
      await expect(form.getByRole('textbox', { name: 'name', exact: true })).toHaveValue(typed);
    }
    expect(await page.evaluate(() => (window as unknown as { __formsRemoved: number }).__formsRemoved)).toBe(0);
  });

  test('"Create middleware…" from a route: a new Middleware of the chosen type, attached to the route and opened', async ({ page, openExample, outline }) => {
    await openExample();
    await outline.item('shop/shop-web').click();
    await showView(page, 'Form');
    const route = page.getByRole('form', { name: 'IngressRoute form' }).getByRole('group', { name: 'Route 1' });
    await route.getByRole('button', { name: 'Add middleware' }).click();
    // Middlewares of other namespaces are marked; the shop's own come first.
    await expect(route.getByRole('combobox', { name: 'New middleware' }).getByRole('option', { name: 'strip-api · stripPrefix' })).toHaveCount(1);
    await route.getByRole('combobox', { name: 'New middleware' }).selectOption({ label: 'Create middleware…' });
    await route.getByRole('combobox', { name: 'Type of the new middleware' }).selectOption('addPrefix');
    const form = page.getByRole('form', { name: 'Middleware form' });
    await expect(form.getByRole('textbox', { name: 'name', exact: true })).toHaveValue('add-prefix');
    await expect(form.getByRole('textbox', { name: 'name', exact: true })).toBeFocused();
    await expect(form.getByRole('combobox', { name: 'Middleware type' })).toHaveValue('addPrefix');
    await expect
      .poll(() => savedText(page))
      .toContain('      middlewares:\n        - name: security-headers\n        - name: add-prefix\n');
    await expect.poll(() => savedText(page)).toContain('---\napiVersion: traefik.io/v1alpha1\nkind: Middleware\nmetadata:\n  name: add-prefix\n  namespace: shop\nspec:\n  addPrefix:\n    prefix: /api\n---\napiVersion: traefik.io/v1alpha1\nkind: IngressRoute\nmetadata:\n  name: shop-admin\n');
    await expect(page.getByTestId('count-errors')).toHaveText('0 errors');
  });
});
