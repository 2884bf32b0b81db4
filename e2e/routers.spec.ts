import { test, expect, showView } from './fixtures.ts';

test.describe('routers table and settings', () => {
  test('lists the example routers with Traefik names and sorts by priority', async ({ page, openExample }) => {
    await openExample();
    await showView(page, 'Routers');
    const table = page.getByRole('region', { name: 'Routers' }).getByRole('table');
    const rows = table.locator('tbody tr');
    await expect(rows).toHaveCount(5);
    // Traefik's names: namespace-name-<first 20 hex of sha256(match)>@kubernetescrd.
    const names = await table.locator('tbody tr td:first-child button').allTextContents();
    for (const n of names) expect(n).toMatch(/^(shop|platform)-[a-z0-9-]+-[0-9a-f]{20}@kubernetescrd$/);
    // Sorted by priority, descending by default: the admin route (priority 100) is first.
    const priorities = (await table.locator('tbody tr td:nth-child(4)').allTextContents()).map(Number);
    expect(priorities).toEqual([...priorities].sort((a, b) => b - a));
    expect(names[0]).toContain('shop-shop-admin-');
    await table.getByRole('button', { name: /^Priority/ }).click();
    const ascending = (await table.locator('tbody tr td:nth-child(4)').allTextContents()).map(Number);
    expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
    await page.getByRole('searchbox', { name: 'Filter routers' }).fill('status');
    await expect(rows).toHaveCount(1);
  });

  test('a broken middleware reference shows a marker, a problem and a fix hint', async ({ page, openExample, editor, problems }) => {
    await openExample();
    await page.getByRole('navigation', { name: 'Resources' }).getByRole('button', { name: /shop\/shop-admin/ }).click();
    await editor.cursorAtEndOf('- name: office-only');
    await page.keyboard.type('-typo');
    const problem = problems.item(/office-only-typo/);
    await expect(problem).toBeVisible();
    await expect(problem).toContainText(/add|create|check|did you mean/i);
    await expect(editor.markers('error').first()).toBeVisible();
  });
});
