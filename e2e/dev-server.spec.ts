/**
 * `npm start`'s first visit: a dev server started with an empty dependency-optimizer cache shows the example
 * without reloading the page. (Vite used to find monaco-yaml's worker only when the page asked for it,
 * re-bundle, log "optimized dependencies changed. reloading" and reload: a blank page for ~10 s, then a
 * reload.) This spec starts its own dev server, on its own port and cache directory, not the preview server.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, EditorPane, OutlinePane } from './fixtures.ts';

const PORT = Number(process.env.E2E_PORT ?? 4173) + 2000;

test.describe('npm start, first visit', () => {
  let server: ChildProcess | undefined;
  let cache = '';
  let log = '';

  test.beforeAll(async () => {
    cache = mkdtempSync(join(tmpdir(), 'irs-vite-cache-'));
    server = spawn('npx', ['vite', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort', '--force'], {
      env: { ...process.env, VITE_CACHE_DIR: cache, NO_COLOR: '1' },
      detached: true,
    });
    server.stdout?.on('data', (d: Buffer) => (log += d.toString()));
    server.stderr?.on('data', (d: Buffer) => (log += d.toString()));
    await expect.poll(() => log, { timeout: 120_000 }).toContain(`http://127.0.0.1:${PORT}/`);
  });

  test.afterAll(() => {
    if (server?.pid) process.kill(-server.pid, 'SIGTERM');
    rmSync(cache, { recursive: true, force: true });
  });

  test('shows the example without a reload', async ({ page }) => {
    // A guard against a hang only: the first visit bundles every dependency (~15 s on an idle 2-core machine).
    test.setTimeout(300_000);
    let loads = 0;
    page.on('load', () => loads++);
    const yamlWorker = page.waitForRequest(/yaml\.worker/, { timeout: 240_000 });
    await page.goto(`http://127.0.0.1:${PORT}/?example=default`, { timeout: 240_000 });
    const editor = new EditorPane(page);
    await expect(editor.root.locator('.view-lines')).toBeVisible({ timeout: 240_000 });
    await expect(editor.line('kind: IngressRoute')).toBeVisible();
    await expect(new OutlinePane(page).item('shop-web')).toBeVisible();
    // The worker that used to be found late has been requested, and everything it pulls in is served.
    await yamlWorker;
    await page.waitForLoadState('networkidle');

    // The optimizer bundled once, at start-up, with the workers' dependencies in the first bundle.
    expect(log).not.toContain('reloading');
    expect(log.match(/bundling dependencies/g) ?? []).toHaveLength(1);
    const metadata = join(cache, 'deps', '_metadata.json');
    expect(existsSync(metadata)).toBe(true);
    const optimized = Object.keys((JSON.parse(readFileSync(metadata, 'utf8')) as { optimized: Record<string, unknown> }).optimized);
    expect(optimized).toEqual(expect.arrayContaining(['monaco-yaml/yaml.worker.js', 'monaco-editor/esm/vs/editor/editor.worker.js']));
    expect(loads).toBe(1);
  });
});
