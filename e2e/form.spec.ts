import { test, expect, savedWorkspace, showView } from './fixtures.ts';

test.describe('form editor', () => {
  test('priority and middleware edits in the form become minimal YAML edits that undo', async ({ page, openExample, editor, outline }) => {
    await openExample();
    await outline.item('shop/shop-web').click();
    await showView(page, 'Form');
    const form = page.getByRole('form', { name: 'IngressRoute form' });
    await expect(form).toBeVisible();
    // routes[1] (the API route): set its priority.
    const route2 = form.getByRole('group', { name: 'route 2' }).locator('xpath=..');
    const priority = route2.getByLabel('priority', { exact: true }).first();
    await priority.fill('250');
    await priority.press('Enter');
    await expect(editor.line('priority: 250')).toBeVisible();
    // Comments elsewhere are untouched.
    await expect(editor.line('# The API lives under /api')).toBeVisible();
    // Add a middleware reference to the first route.
    const route1 = form.getByRole('group', { name: 'route 1' }).locator('xpath=..');
    await route1.getByRole('button', { name: 'Add middleware' }).first().click();
    await expect(route1.getByRole('group', { name: 'middleware 2' })).toHaveCount(1);
    // Route 1's name fields: middleware 1, the new middleware 2, then its service.
    const newName = route1.getByRole('combobox', { name: 'name', exact: true }).nth(1);
    await expect(newName).toHaveValue('');
    await newName.fill('office-only');
    await newName.press('Enter');
    const saved = async () => (JSON.parse((await savedWorkspace(page)) || '{}') as { state?: { files?: { text: string }[] } }).state?.files?.[0]?.text ?? '';
    // The new reference lands right after the existing one; the comments are untouched.
    await expect.poll(saved).toMatch(/- name: security-headers\n\s+- name: ["']?office-only["']?\n/);
    const withEdits = await saved();
    expect(withEdits).toContain('# The storefront: everything on shop.example.com that no more specific route takes.');
    expect(withEdits).toContain('# The API lives under /api; the backend does not know about the prefix.');
    expect(withEdits).toContain('priority: 250');
    // Ctrl+Z in the editor undoes the form edits.
    await editor.line('kind: IngressRoute').click();
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+z');
    await expect(editor.line('priority: 250')).toHaveCount(0);
  });

  test('typing a new entryPoint in the YAML shows in the form', async ({ page, openExample, editor, outline }) => {
    await openExample();
    await outline.item('platform/status').click();
    await showView(page, 'Form');
    await editor.cursorAtEndOf('- websecure');
    // The status IngressRoute is the fourth document; find its entryPoints line via the outline selection.
    await page.keyboard.press('Enter');
    await page.keyboard.type('- traefik-internal');
    const form = page.getByRole('form', { name: 'IngressRoute form' });
    await expect(form.locator('input[value="traefik-internal"]')).toHaveCount(1);
  });
});
