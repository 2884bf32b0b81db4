/**
 * Browser figures for BENCHMARKS.md: first load, and typing a character on the 1,000-IngressRoute
 * workspace until markers and graph update, with the longest main-thread task meanwhile. Always asserted:
 * each keystroke reaches the editor, the outline and the status bar, and asks monaco-yaml's worker for nothing
 * that reads the whole document. With BENCH=1 it is a benchmark: it
 * writes bench/out/browser.json and holds the longest task under 150 ms (target 50 ms) — a gate with less
 * than a 10× margin over what the machine does, so not one for every run. The figures of issue 19's targets
 * (every pane waited for, 10 typing runs, cold analysis and 5,000 IngressRoutes) are e2e/bench.spec.ts's.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { test, expect, longTasks, watchLongTasks } from './fixtures.ts';
import { generateWorkspace } from '../bench/generate-yaml.ts';

test.describe('performance', () => {
  test.setTimeout(240_000);

  test('typing on a 1,000-IngressRoute file keeps the page responsive', async ({ page, openExample, editor }) => {
    // The requests the page makes of monaco-yaml's worker, by method: on a large file each one parses the whole
    // document there (getCodeAction, asked at every cursor move, cost ~350 ms of CPU per keystroke).
    await page.addInitScript(() => {
      const asked: string[] = [];
      (window as unknown as { __yamlAsked: string[] }).__yamlAsked = asked;
      const post = Worker.prototype.postMessage;
      Worker.prototype.postMessage = function (this: Worker, data: unknown, ...rest: unknown[]) {
        const d = data as { method?: unknown; args?: unknown[] } | null;
        if (d && typeof d === 'object' && d.method === '$fmr' && typeof d.args?.[0] === 'string') asked.push(d.args[0]);
        return (post as (...a: unknown[]) => void).call(this, data, ...rest);
      };
    });
    await openExample();
    const loadStart = Date.now();
    await page.reload();
    await expect(page.getByRole('navigation', { name: 'Resources' })).toContainText('shop/shop-web');
    const firstLoadMs = Date.now() - loadStart;

    const ws = generateWorkspace(1000);
    await page.getByTestId('open-files').setInputFiles([{ name: 'big.yaml', mimeType: 'text/yaml', buffer: Buffer.from(ws.text) }]);
    const outline = page.getByRole('navigation', { name: 'Resources' });
    await expect(outline.getByRole('heading')).toContainText(String(ws.documents + 17), { timeout: 60_000 });
    await expect(page.getByRole('status').filter({ hasText: /analysed in/ })).toBeVisible({ timeout: 60_000 });

    await watchLongTasks(page);

    const samples: number[] = [];
    await outline.getByRole('searchbox', { name: 'Filter resources' }).fill('/app-0');
    await outline.getByRole('button', { name: /\/app-0\b/ }).click();
    await editor.cursorAtEndOf('name: app-0');
    await page.waitForTimeout(1000);
    await longTasks(page, { reset: true });
    const askedBefore = await page.evaluate(() => (window as unknown as { __yamlAsked: string[] }).__yamlAsked.length);
    for (let i = 0; i < 5; i++) {
      const t0 = Date.now();
      await page.keyboard.type('x');
      // Waiting with a cheap DOM check: Playwright's role queries over this page are long tasks of their
      // own, and they would be counted against the app.
      await page.waitForFunction(
        (name) => {
          const outlineText = document.querySelector('nav.outline')?.textContent ?? '';
          const status = document.querySelector('footer.statusbar')?.textContent ?? '';
          return outlineText.includes(name) && status.includes('analysed in');
        },
        `app-0${'x'.repeat(i + 1)}`,
        { polling: 50, timeout: 30_000 },
      );
      samples.push(Date.now() - t0);
      await page.waitForTimeout(500);
    }
    // The five keystrokes are in the text, and the page shows the renamed resource.
    expect(await editor.visibleText()).toMatch(/name: app-0xxxxx\b/);
    await expect(outline).toContainText('app-0xxxxx');
    // Typing asked monaco-yaml's worker for nothing that reads the whole document.
    const asked = await page.evaluate((n) => (window as unknown as { __yamlAsked: string[] }).__yamlAsked.slice(n), askedBefore);
    expect(asked.filter((m) => ['getCodeAction', 'findDocumentSymbols', 'getFoldingRanges', 'findLinks', 'doValidation'].includes(m))).toEqual([]);
    const { longest, tasks } = await longTasks(page);
    samples.sort((a, b) => a - b);
    const result = { firstLoadMs, typingToUpdateMs: samples, medianTypingMs: samples[2], longestTaskMs: longest, longTasks: tasks.length, bytes: ws.text.length };
    console.log(JSON.stringify(result));
    if (process.env.BENCH) {
      mkdirSync('bench/out', { recursive: true });
      writeFileSync('bench/out/browser.json', JSON.stringify(result, null, 2));
      // The target is no task over 50 ms (BENCHMARKS.md records the figure); this fails well before the
      // 229 ms this was at before the analysis went to the page in deltas and slices.
      expect(longest).toBeLessThan(150);
    }
  });
});
