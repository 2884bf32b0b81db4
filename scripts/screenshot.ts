/** Regenerates docs/screenshot.png (and optional extra views) from the built app: `npx tsx scripts/screenshot.ts [tab]`. */
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';

const tab = process.argv[2] ?? 'Graph';
const out = process.argv[3] ?? 'docs/screenshot.png';
const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', '4174', '--strictPort'], { stdio: 'ignore' });
try {
  await new Promise((r) => setTimeout(r, 2500));
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  const page = await browser.newPage({ viewport: { width: 1680, height: 980 } });
  page.on('console', (m) => m.type() === 'error' && console.error('console:', m.text()));
  page.on('pageerror', (e) => console.error('pageerror:', e.message));
  await page.goto('http://127.0.0.1:4174/?example=default');
  await page.getByTestId('yaml-editor').locator('.view-lines').waitFor();
  await page.getByRole('status').filter({ hasText: /analysed in/ }).waitFor();
  if (tab === 'Simulator') {
    await page.getByRole('tab', { name: 'Simulator' }).click();
    await page.getByRole('textbox', { name: 'URL' }).fill('https://shop.example.com/api/orders?page=2');
    await page.getByRole('region', { name: 'Verdict' }).waitFor();
  } else await page.getByRole('tab', { name: tab }).click();
  await page.waitForTimeout(1500);
  await page.screenshot({ path: out });
  await browser.close();
} finally {
  server.kill();
}
