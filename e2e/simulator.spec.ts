import { test, expect, showView } from './fixtures.ts';

test.describe('simulator', () => {
  test('a request to the API route: winner, losers with failing leaves, TLS option, stripped upstream path', async ({ page, openExample }) => {
    await openExample();
    await showView(page, 'Simulator');
    await page.getByRole('textbox', { name: 'URL' }).fill('https://shop.example.com/api/orders?page=2');
    const verdict = page.getByRole('region', { name: 'Verdict' });
    await expect(verdict.getByTestId('verdict-headline')).toContainText('Routed');
    await expect(verdict.getByTestId('verdict-headline')).toContainText(/shop-shop-web-[0-9a-f]{20}@kubernetescrd/);
    const ranking = verdict.locator('table.ranking tbody tr');
    await expect(ranking.filter({ hasText: 'winner' })).toHaveCount(1);
    // The storefront route matched too but lost on priority; the admin route failed on its Host leaf.
    await expect(ranking.filter({ hasText: 'shop-shop-admin-' })).toContainText(/host `admin\.shop\.example\.com`/i);
    await expect(ranking.filter({ hasText: 'shop-shop-admin-' })).toContainText('not-matched');
    await expect(verdict.getByTestId('tls-option')).toHaveText('shop-modern-tls@kubernetescrd');
    await expect(verdict.getByTestId('upstream-url')).toContainText('/orders?page=2');
    await expect(verdict.getByTestId('upstream-url')).not.toContainText('/api/');
  });

  test('an SNI mapped to another TLS option than the routed host gets 421', async ({ page, openExample }) => {
    await openExample();
    await showView(page, 'Simulator');
    await page.getByRole('textbox', { name: 'URL' }).fill('https://shop.example.com/');
    await page.getByRole('combobox', { name: 'SNI mode' }).selectOption('custom');
    await page.getByRole('textbox', { name: 'SNI' }).fill('status.example.com');
    const verdict = page.getByRole('region', { name: 'Verdict' });
    await expect(verdict.getByTestId('response-status')).toHaveText('421');
    await expect(verdict).toContainText('Misdirected Request');
  });

  test('plain HTTP is redirected to HTTPS by the middleware', async ({ page, openExample }) => {
    await openExample();
    await showView(page, 'Simulator');
    await page.getByRole('textbox', { name: 'URL' }).fill('http://shop.example.com/cart');
    const verdict = page.getByRole('region', { name: 'Verdict' });
    await expect(verdict.getByTestId('response-status')).toHaveText('301');
    await expect(verdict).toContainText('https://shop.example.com/cart');
  });
});
