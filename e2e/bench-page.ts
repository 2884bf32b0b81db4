/**
 * Page-side measurements of e2e/bench.spec.ts. Everything timed is timed inside the page
 * (`performance.now()` from the keydown or the file input's `change` event), and the waits poll cheap DOM
 * checks on animation frames: Playwright's role queries over this page are long tasks of their own.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { gzipSync } from 'node:zlib';
import { transformSync } from 'esbuild';
import type { Page } from '@playwright/test';
import { expect, type EditorPane } from './fixtures.ts';
import { generateWorkspace } from '../bench/generate-yaml.ts';

type BenchWindow = Window & Record<string, unknown>;

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
}

/** js-yaml's browser build, made a script that sets `__benchYaml` (the page's CSP does not apply to Playwright's evaluation). */
function jsYamlScript(): string {
  const source = readFileSync('node_modules/js-yaml/dist/js-yaml.mjs', 'utf8');
  const { code } = transformSync(source, { format: 'iife', globalName: '__benchYaml' });
  return `(() => { ${code}; globalThis.__benchYaml = __benchYaml; })()`;
}

/** Milliseconds of `runs` js-yaml `loadAll` calls of the workspace text in the page (after `warmup` untimed ones). */
export function timeLoadAll(page: Page, runs: number, warmup = 1): Promise<number[]> {
  return page.evaluate(
    ({ runs, warmup }) => {
      const w = window as unknown as BenchWindow;
      const yaml = w.__benchYaml as { loadAll(text: string, options: unknown): unknown };
      const out: number[] = [];
      for (let i = 0; i < warmup + runs; i++) {
        const t = performance.now();
        yaml.loadAll(w.__benchText as string, { schema: w.__benchSchema });
        if (i >= warmup) out.push(performance.now() - t);
      }
      return out;
    },
    { runs, warmup },
  );
}

/** The default example on a fresh local storage (fixtures' openExample, with waits for a busy machine). */
export async function openDefault(page: Page): Promise<void> {
  await page.goto('/?example=default');
  await page.evaluate(() => localStorage.clear());
  await page.goto('/?example=default');
  await expect(page.getByTestId('yaml-editor').locator('.view-lines')).toBeVisible({ timeout: 180_000 });
  await expect(page.getByRole('status').filter({ hasText: /analysed in/ })).toBeVisible({ timeout: 180_000 });
}

export interface OpenedWorkspace {
  n: number;
  text: string;
  bytes: number;
  documents: number;
  /** Handing the file to the page until outline and status show its analysis. */
  coldMs: number;
  /** loadAll of the same text in the page, just before. */
  loadAllMs: number[];
}

/** Adds a generated workspace of `n` IngressRoutes to the open page through the file input, timing the cold analysis. */
export async function openWorkspace(page: Page, n: number): Promise<OpenedWorkspace> {
  const ws = generateWorkspace(n);
  await page.evaluate(jsYamlScript());
  await page.evaluate((text) => {
    const w = window as unknown as BenchWindow;
    const y = w.__benchYaml as { Schema: new (tags: unknown[]) => unknown; YAML11_SCHEMA: { tags: unknown[] }; timestampTag: unknown };
    // Kubernetes reads YAML 1.1 without timestamps: the schema bench/run.ts and bench/cli.ts use.
    w.__benchSchema = new y.Schema(y.YAML11_SCHEMA.tags.filter((t) => t !== y.timestampTag));
    w.__benchText = text;
    document.addEventListener('change', (e) => {
      if (e.target instanceof HTMLInputElement && e.target.type === 'file') w.__benchChange = performance.now();
    }, true);
  }, ws.text);
  const loadAllMs = await timeLoadAll(page, n >= 5000 ? 3 : 5);
  const before = Number(await page.locator('nav.outline .pane-title .muted').textContent());
  await page.getByTestId('open-files').setInputFiles([{ name: 'big.yaml', mimeType: 'text/yaml', buffer: Buffer.from(ws.text) }]);
  const cold = await page.waitForFunction(
    (count) => {
      const w = window as unknown as BenchWindow;
      const shown = document.querySelector('nav.outline .pane-title .muted')?.textContent === count;
      const done = (document.querySelector('footer.statusbar')?.textContent ?? '').includes('analysed in');
      return shown && done && typeof w.__benchChange === 'number' ? performance.now() - w.__benchChange : false;
    },
    String(before + ws.documents),
    { polling: 'raf', timeout: 900_000 },
  );
  return { n, text: ws.text, bytes: ws.text.length, documents: ws.documents, coldMs: (await cold.jsonValue()) as number, loadAllMs };
}

export interface TypingTarget {
  namespace: string;
  charWidth: number;
  typed: number;
  name(): string;
}

/**
 * Puts the cursor at the end of IngressRoute `app-0`'s name, with the outline filtered to it and the graph
 * filtered to its namespace, as a user picks it in the graph's toolbar (so the renamed IngressRoute's routes stay shown
 * whatever the selection), and records keydowns. Until session 14 the
 * graph was filtered by the text `app-0`: a text filter reads every route's text, and the worker builds the whole
 * graph for it (core/graph/view.ts).
 */
export async function prepareTyping(page: Page, editor: EditorPane, ws: OpenedWorkspace): Promise<TypingTarget> {
  const namespace = /^ {2}name: app-0\n {2}namespace: (\S+)$/m.exec(ws.text)?.[1];
  if (!namespace) throw new Error('no IngressRoute app-0 in the generated workspace');
  const outline = page.getByRole('navigation', { name: 'Resources' });
  await outline.getByRole('searchbox', { name: 'Filter resources' }).fill('/app-0');
  await outline.getByRole('button', { name: /\/app-0\b/ }).click();
  await page.getByRole('combobox', { name: 'Filter by namespace' }).selectOption(namespace);
  await editor.cursorAtEndOf('name: app-0');
  const charWidth = await page.evaluate(() => {
    const line = [...document.querySelectorAll<HTMLElement>('[data-testid="yaml-editor"] .view-line')].find((l) => (l.textContent ?? '').replace(/\u00a0/g, ' ').trimEnd().endsWith('name: app-0'));
    const span = line?.firstElementChild as HTMLElement | null;
    if (!line || !span) throw new Error('the line of app-0 is not on screen');
    return span.offsetWidth / (line.textContent ?? '').length;
  });
  await page.evaluate(() => {
    const w = window as unknown as BenchWindow;
    window.addEventListener('keydown', () => {
      w.__benchKey = performance.now();
      w.__benchPanes = {};
    }, true);
  });
  const target: TypingTarget = { namespace, charWidth, typed: 0, name: () => `app-0${'X'.repeat(target.typed)}` };
  // Every pane shows app-0 before the first keystroke (no marker: the name is valid).
  await panesShow(page, target, false, 300_000);
  return target;
}

/**
 * Waits until the outline, the problems, the graph, the editor's markers and the status bar show `target`'s
 * current name; returns the milliseconds since the last keydown.
 * - outline: its button for the IngressRoute (title "IngressRoute ns/name (apiVersion)");
 * - problems: the group of the IngressRoute's problems (its accessible name is "IngressRoute ns/name");
 * - graph: the node of its first route ("route ns/name#0");
 * - markers: the error squiggle on the name's line is as wide as the name (the previous keystroke's marker
 *   does not grow with the text typed after it: only the new analysis's marker covers the whole name);
 * - status: "analysed in" (no analysis pending).
 */
export interface Shown {
  ms: number;
  /** Milliseconds from the keydown until each pane first showed the edit (status: until no analysis was pending). */
  panes: Record<string, number>;
}

async function panesShow(page: Page, target: TypingTarget, marker: boolean, timeout: number): Promise<Shown> {
  const arg = { ns: target.namespace, name: target.name(), charWidth: target.charWidth, marker };
  try {
    const handle = await page.waitForFunction(
      ({ ns, name, charWidth, marker }) => {
        const w = window as unknown as BenchWindow;
        const q = (s: string) => document.querySelector(s);
        const outline = !!q(`nav.outline button[title^="IngressRoute ${ns}/${name} ("]`);
        const problems = !!q(`section.problems [role="group"][aria-label="IngressRoute ${ns}/${name}"]`);
        const graph = !!q(`.graph-area .react-flow__node[aria-label="route ${ns}/${name}#0"]`);
        const status = (q('footer.statusbar')?.textContent ?? '').includes('analysed in');
        let markers = !marker;
        let squiggle = NaN;
        if (marker) {
          const line = [...document.querySelectorAll<HTMLElement>('[data-testid="yaml-editor"] .view-line')].find((l) => (l.textContent ?? '').replace(/\u00a0/g, ' ').trimEnd().endsWith(`name: ${name}`));
          const overlay = line && [...document.querySelectorAll<HTMLElement>('[data-testid="yaml-editor"] .view-overlays > div')].find((d) => d.style.top === line.style.top);
          squiggle = parseFloat(overlay?.querySelector<HTMLElement>('.squiggly-error')?.style.width ?? 'NaN');
          markers = Math.abs(squiggle - name.length * charWidth) < charWidth / 2;
        }
        w.__benchState = { name, outline, problems, graph, status, markers, squiggle, expected: name.length * charWidth };
        // When each pane first showed the edit (the last one's time is the keystroke's).
        const since = performance.now() - ((w.__benchKey as number | undefined) ?? performance.now());
        const panes = ((w.__benchPanes as Record<string, number> | undefined) ??= {});
        for (const [pane, shown] of Object.entries({ outline, problems, graph, markers, status })) if (shown) panes[pane] ??= Math.round(since);
        return outline && problems && graph && status && markers ? { ms: since, panes } : false;
      },
      arg,
      { polling: 'raf', timeout },
    );
    return (await handle.jsonValue()) as Shown;
  } catch (e) {
    const state = await page.evaluate(() => (window as unknown as BenchWindow).__benchState).catch(() => undefined);
    throw new Error(`the panes did not all show ${arg.name}: ${JSON.stringify(state)}\n${String(e)}`);
  }
}

/** Types one `X` at the end of the name; returns the milliseconds until every pane shows it, and each pane's. */
export async function timeKeystroke(page: Page, target: TypingTarget, timeout = 300_000): Promise<Shown> {
  target.typed++;
  await page.keyboard.type('X');
  return panesShow(page, target, true, timeout);
}

export interface LoadedJs {
  file: string;
  bytes: number;
  gzip: number;
  /** Monaco, monaco-yaml and their workers: loaded lazily, outside the first-load budget. */
  editor: boolean;
  worker: boolean;
  /** Holds js-yaml (its YAMLException class). */
  jsYaml: boolean;
}

/**
 * The JS a first load fetches (fresh context, so nothing comes from a cache) until the outline and the graph
 * show the default example. The editor is told apart by the names the build gives it (YamlEditor-*,
 * editor.worker-*, yaml.worker-*) and by chunks that import the YamlEditor chunk (Monaco's YAML language).
 */
export async function firstLoadJs(page: Page): Promise<LoadedJs[]> {
  const pending: Promise<LoadedJs>[] = [];
  let recording = true;
  page.context().on('response', (response) => {
    const path = new URL(response.url()).pathname;
    if (!recording || !/\.m?js$/.test(path)) return;
    const file = basename(path);
    pending.push(
      response.body().then(
        (body) => {
          const text = body.toString('utf8');
          const editor = /^(YamlEditor|editor\.worker|yaml\.worker)-/.test(file) || /from\s*["']\.\/YamlEditor-/.test(text);
          return { file, bytes: body.length, gzip: gzipSync(body).length, editor, worker: /\.worker-/.test(file), jsYaml: text.includes('YAMLException') };
        },
        (e: unknown) => Promise.reject(new Error(`no body for ${file}: ${String(e)}`)),
      ),
    );
  });
  await page.goto('/?example=default');
  await expect(page.getByRole('navigation', { name: 'Resources' })).toContainText('shop/shop-web', { timeout: 120_000 });
  await page.locator('.graph-area .react-flow__node').first().waitFor({ timeout: 120_000 });
  recording = false;
  const files = await Promise.all(pending);
  return files.sort((a, b) => b.gzip - a.gzip);
}
