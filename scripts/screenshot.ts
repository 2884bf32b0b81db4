/**
 * Regenerates the README's workbench screenshots from the built app (`npx vite build` first):
 * `npx tsx scripts/screenshot.ts [port]` writes docs/workbench-{1280,1440,1920,200-nodes}.png.
 */
import { chromium, type Page } from '@playwright/test';
import { spawn } from 'node:child_process';
import { generateWorkspace } from '../bench/generate-yaml.ts';

const port = Number(process.argv[2] ?? 4174);
const origin = `http://127.0.0.1:${port}`;
// 24 generated IngressRoutes (55 routes) make a graph of about 200 nodes.
const big = generateWorkspace(24).text;

async function open(page: Page, example: string): Promise<void> {
  await page.goto(`${origin}/?example=${example}`);
  await page.evaluate(() => localStorage.clear());
  await page.goto(`${origin}/?example=${example}`);
  await page.getByTestId('yaml-editor').locator('.view-lines').waitFor();
  await page.getByRole('status').filter({ hasText: /analysed in/ }).waitFor();
}

const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], { stdio: 'ignore' });
try {
  await new Promise((r) => setTimeout(r, 2500));
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  for (const [width, height, select] of [[1280, 720, false], [1440, 900, true], [1920, 1080, true]] as const) {
    const page = await browser.newPage({ viewport: { width, height } });
    await open(page, 'default');
    await page.getByRole('textbox', { name: 'URL' }).fill('https://shop.example.com/api/orders?page=2');
    await page.getByRole('region', { name: 'Verdict' }).getByTestId('verdict-headline').waitFor();
    // With the inspector open on the winning route: YAML, graph, request, verdict and form together.
    if (select) await page.getByRole('group', { name: 'route shop/shop-web#1', exact: true }).locator('.gnode-label').click();
    // The pointer off the graph: hovering a node would light its path instead of the request's.
    await page.mouse.move(1, 1);
    await page.waitForTimeout(1500);
    await page.screenshot({ path: `docs/workbench-${width}.png` });
    await page.close();
  }
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.route('**/examples/generated.yaml', (route) => route.fulfill({ body: big, contentType: 'text/yaml' }));
  await open(page, 'generated');
  await page.getByRole('textbox', { name: 'URL' }).fill('http://app2.team-1.example.com/v1/orders');
  await page.waitForTimeout(1500);
  await page.screenshot({ path: 'docs/workbench-200-nodes.png' });
  await browser.close();
} finally {
  server.kill();
}
