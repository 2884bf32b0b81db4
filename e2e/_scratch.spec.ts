import { test, expect } from './fixtures.ts';
test('no worker', async ({ page, openExample }) => {
  await page.route(/analysis\.worker/, (route) => route.abort());
  await openExample();
  await expect(page.getByRole('status').filter({ hasText: /analysed in/ })).toBeVisible({ timeout: 20_000 });
  console.log(await page.locator('footer.statusbar').textContent());
  console.log(await page.locator('.notices').textContent());
});
