import { test, expect, showView } from './fixtures.ts';

const HOSTILE = `apiVersion: traefik.io/v1alpha1
kind: IngressRoute
metadata:
  name: "<img src=x onerror=window.__pwned=1>"
  namespace: "<script>window.__pwned=2</script>"
  annotations:
    note: "<svg onload=window.__pwned=3>"
spec:
  entryPoints: [websecure]
  routes:
    # <script>window.__pwned=4</script>
    - kind: Rule
      match: Host(\`<b onmouseover=window.__pwned=5>x</b>\`) && PathPrefix(\`/"><img src=x onerror=window.__pwned=6>\`)
      middlewares:
        - name: "<iframe src=javascript:window.__pwned=7>"
      services:
        - name: "<img src=x onerror=window.__pwned=8>"
          port: 80
`;

test.describe('security', () => {
  test('a whole visit makes no request beyond the page origin', async ({ page, openExample, editor, baseURL }) => {
    const foreign: string[] = [];
    const origin = new URL(baseURL ?? 'http://127.0.0.1:4173').origin;
    page.on('request', (r) => {
      const url = new URL(r.url());
      if (!['http:', 'https:'].includes(url.protocol)) return; // data:, blob: stay in the page
      if (url.origin !== origin) foreign.push(r.url());
    });
    await openExample();
    await editor.cursorAtEndOf('name: shop-web');
    await page.keyboard.type('-x');
    await showView(page, 'Simulator');
    await page.getByRole('textbox', { name: 'URL' }).fill('https://shop.example.com/api/orders');
    await expect(page.getByRole('region', { name: 'Verdict' })).toBeVisible();
    await showView(page, 'Graph');
    await showView(page, 'Routers');
    await page.getByRole('button', { name: 'Export…' }).click();
    const download = page.waitForEvent('download');
    await page.getByRole('dialog', { name: 'Export' }).getByRole('button', { name: 'Dynamic configuration (JSON)' }).click();
    await download;
    await page.getByRole('dialog', { name: 'Export' }).getByRole('button', { name: 'Close' }).click();
    await page.getByRole('button', { name: 'Share…' }).click();
    await page.getByRole('dialog', { name: 'Share link' }).getByRole('button', { name: /Redact/ }).click();
    await expect(page.getByRole('textbox', { name: 'Share link' })).toHaveValue(/#share=/);
    expect(foreign).toEqual([]);
  });

  test('the page is served with a CSP that forbids inline script and eval', async ({ page }) => {
    const response = await page.goto('/?example=default');
    const csp = response?.headers()['content-security-policy'] ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(meta).toContain("script-src 'self'");
    // The page enforces it: an injected inline script does not run and raises a CSP violation.
    // (DevTools-evaluated code itself is exempt from CSP, so eval cannot be probed from here.)
    const result = await page.evaluate(async () => {
      const violations: string[] = [];
      document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective));
      const script = document.createElement('script');
      script.textContent = 'window.__inlineRan = true';
      document.body.append(script);
      await new Promise((r) => setTimeout(r, 100));
      return { ran: (window as unknown as { __inlineRan?: boolean }).__inlineRan === true, violations };
    });
    expect(result.ran).toBe(false);
    expect(result.violations.some((v) => v.startsWith('script-src'))).toBe(true);
  });

  test('names, rules and comments from untrusted files are never rendered as HTML', async ({ page, openExample }) => {
    await openExample();
    await page.getByTestId('open-files').setInputFiles([{ name: 'hostile.yaml', mimeType: 'text/yaml', buffer: Buffer.from(HOSTILE) }]);
    await expect(page.getByRole('navigation', { name: 'Resources' })).toContainText('<img src=x onerror=window.__pwned=1>');
    for (const tab of ['Graph', 'Routers', 'Simulator'] as const) {
      await showView(page, tab);
      await page.waitForTimeout(300);
    }
    await showView(page, 'Routers');
    await page.locator('tbody tr').first().hover();
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('img[src="x"], iframe, svg[onload]').count()).toBe(0);
  });
});
