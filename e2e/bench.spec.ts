/**
 * The browser targets of issue 19, measured for `npm run bench` (bench/run.ts runs this spec with BENCH=1 and
 * prints the table). Skipped unless BENCH=1: these are benchmarks, not tests, and assert no time.
 *
 * - First-load JS: every JS response of a first load (fresh context, until the outline and the graph show
 *   the default example), except the lazily loaded editor, gzipped one by one (node:zlib, default level).
 * - Cold analysis: from handing a generated workspace to the page (the file input's `change` event) until
 *   the outline counts its documents and the status bar says "analysed in", against js-yaml's `loadAll` of
 *   the same text timed in the same page (YAML 1.1 schema without timestamps, as bench/run.ts).
 * - Keystroke: from the keydown until outline, problems, markers and graph all show the edit (e2e/bench-page.ts
 *   says how each is checked), timed in the page. The keystroke types `X` at the end of IngressRoute `app-0`'s
 *   name: an upper-case name is a schema error, so each keystroke renames the resource in the outline, the
 *   problems (the group's title) and the graph (the route nodes' names), and widens the error's squiggle.
 *   When each pane first showed the edit is recorded too (`panes`), to tell which one is slow.
 * - Typing runs: a typing run is a burst of 5 keystrokes (each one waited for, then 200 ms) after the page
 *   settled (status "analysed in", then 1 s). 10 bursts in one page session; a burst passes when no
 *   main-thread task over 50 ms was observed (PerformanceObserver `longtask`) during it.
 * Each test writes bench/out/browser/<name>.json. BENCH_BURSTS, BENCH_BURST_KEYS and BENCH_KEYS_5000
 * shorten the runs while developing.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { test, expect, longTasks, watchLongTasks } from './fixtures.ts';
import { openDefault, openWorkspace, timeKeystroke, timeLoadAll, prepareTyping, firstLoadJs, median, type OpenedWorkspace } from './bench-page.ts';

const BURSTS = Number(process.env.BENCH_BURSTS ?? 10);
const BURST_KEYS = Number(process.env.BENCH_BURST_KEYS ?? 5);
const KEYS_5000 = Number(process.env.BENCH_KEYS_5000 ?? 3);

function write(name: string, result: unknown): void {
  mkdirSync('bench/out/browser', { recursive: true });
  writeFileSync(`bench/out/browser/${name}.json`, JSON.stringify({ ...(result as object), date: new Date().toISOString() }, null, 2));
  console.log(`${name}: ${JSON.stringify(result)}`);
}

/** What both typing benchmarks record of the workspace, its cold analysis and the keystrokes. */
function typingFigures(ws: OpenedWorkspace, keystrokes: number[]) {
  return {
    bytes: ws.bytes,
    documents: ws.documents,
    coldMs: ws.coldMs,
    coldLoadAllMs: ws.loadAllMs,
    coldRatio: ws.coldMs / median(ws.loadAllMs),
    keystrokeMs: keystrokes,
    medianKeystrokeMs: median(keystrokes),
  };
}

test.describe('benchmark (BENCH=1)', () => {
  test.skip(!process.env.BENCH, 'benchmarks run with BENCH=1 (npm run bench)');

  test('first-load JS outside the editor', async ({ page }) => {
    test.setTimeout(300_000);
    const files = await firstLoadJs(page);
    expect(files.length).toBeGreaterThan(0);
    const counted = files.filter((f) => !f.editor);
    write('first-load', {
      files,
      gzipBytes: counted.reduce((s, f) => s + f.gzip, 0),
      gzipBytesPage: counted.filter((f) => !f.worker).reduce((s, f) => s + f.gzip, 0),
      editorGzipBytes: files.filter((f) => f.editor).reduce((s, f) => s + f.gzip, 0),
    });
  });

  test('1,000 IngressRoutes: cold analysis, keystrokes, long tasks', async ({ page, editor }) => {
    test.setTimeout(1_800_000);
    await openDefault(page);
    const ws = await openWorkspace(page, 1000);
    const target = await prepareTyping(page, editor, ws);
    await watchLongTasks(page);
    const keystrokes: number[] = [];
    const bursts: { keystrokes: number[]; panes: Record<string, number>[]; longTasks: number[] }[] = [];
    for (let b = 0; b < BURSTS; b++) {
      await page.waitForFunction(() => (document.querySelector('footer.statusbar')?.textContent ?? '').includes('analysed in'), null, { timeout: 300_000 });
      await page.waitForTimeout(1000);
      await longTasks(page, { reset: true });
      const times: number[] = [];
      const panes: Record<string, number>[] = [];
      for (let k = 0; k < BURST_KEYS; k++) {
        const shown = await timeKeystroke(page, target);
        times.push(shown.ms);
        panes.push(shown.panes);
        await page.waitForTimeout(200);
      }
      const { tasks } = await longTasks(page, { reset: true });
      bursts.push({ keystrokes: times, panes, longTasks: tasks });
      keystrokes.push(...times);
    }
    // The edits are in the text, and the page shows the renamed resource.
    expect(await editor.visibleText()).toContain(`name: ${target.name()}`);
    const loadAll = await timeLoadAll(page, 5);
    write('typing-1000', {
      ...typingFigures(ws, keystrokes),
      loadAllMs: loadAll,
      keystrokeRatio: median(keystrokes) / median(loadAll),
      bursts,
      burstsWithoutLongTask: bursts.filter((b) => b.longTasks.length === 0).length,
      burstKeys: BURST_KEYS,
    });
  });

  test('5,000 IngressRoutes: cold analysis, keystroke against loadAll', async ({ page, editor }) => {
    test.setTimeout(1_800_000);
    await openDefault(page);
    const ws = await openWorkspace(page, 5000);
    const target = await prepareTyping(page, editor, ws);
    // Each keystroke is paired with a loadAll of the text just before it, after the page settled.
    const keystrokes: number[] = [];
    const loadAll: number[] = [];
    const ratios: number[] = [];
    const panes: Record<string, number>[] = [];
    for (let k = 0; k < KEYS_5000; k++) {
      await page.waitForFunction(() => (document.querySelector('footer.statusbar')?.textContent ?? '').includes('analysed in'), null, { timeout: 600_000 });
      await page.waitForTimeout(1000);
      const [base] = await timeLoadAll(page, 1, 0);
      await page.waitForTimeout(500);
      const shown = await timeKeystroke(page, target, 600_000);
      const key = shown.ms;
      panes.push(shown.panes);
      keystrokes.push(key);
      loadAll.push(base!);
      ratios.push(key / base!);
    }
    write('typing-5000', {
      ...typingFigures(ws, keystrokes),
      loadAllMs: loadAll,
      keystrokeRatios: ratios,
      panes,
      keystrokeRatio: median(ratios),
    });
  });
});
