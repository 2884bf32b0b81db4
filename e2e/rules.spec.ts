import { test, expect } from './fixtures.ts';

test.describe('rules in the editor', () => {
  test('a rule error is reported at the exact column of the faulty matcher', async ({ page, openExample, editor, problems }) => {
    await openExample();
    // Line 22: `      match: Host(\`shop.example.com\`) && PathPrefix(\`/api\`)`; misspell PathPrefix.
    await editor.cursorAtEndOf('PathPrefix(`/api`)');
    // From the end of the line, step back over "(`/api`)" and turn "PathPrefix" into "PathPrefx".
    for (let i = 0; i < 8; i++) await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('x');
    const problem = problems.item(/PathPrefx/);
    await expect(problem).toContainText('RULE_UNKNOWN_MATCHER');
    // `PathPrefx` starts at column 42 of line 22 (after `      match: Host(\`shop.example.com\`) && `).
    await expect(problem).toContainText('example.yaml:22:42');
    await expect(editor.markers('error').first()).toBeVisible();
  });

  test('a v2 rule gets a quick fix that rewrites it in v3 syntax', async ({ page, openExample, editor }) => {
    await openExample('v2-syntax');
    await expect(editor.markers('error').first()).toBeVisible();
    // Put the cursor inside `Headers` (the marker's range), then ask for quick fixes.
    await editor.cursorAtEndOf('Headers(`X-Tenant`');
    for (let i = 0; i < 21; i++) await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Control+.');
    const action = page.getByText('Convert this rule to Traefik v3 syntax').first();
    await expect(action).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(editor.line('Header(`X-Tenant`, `acme`)')).toBeVisible();
  });
});
