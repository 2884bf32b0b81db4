/**
 * The browser part of `npm run bench`: e2e/bench.spec.ts run by Playwright with BENCH=1, as a child process.
 * CI=true makes Playwright build the app and serve it itself (never a server already running on the port),
 * on E2E_PORT (default 4391, so as not to take the dev server's 5173 or `npm run preview`'s 4173). Each test
 * writes bench/out/browser/<name>.json; the files of an earlier run are removed first, so that a test that
 * failed leaves its row empty rather than showing an old figure.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const BROWSER_PARTS = ['first-load', '1000', '5000'] as const;
export type BrowserPart = (typeof BROWSER_PARTS)[number];

/** The test titles of e2e/bench.spec.ts, as `playwright test -g` patterns. */
const TITLES: Record<BrowserPart, string> = {
  'first-load': 'first-load JS',
  '1000': '1,000 IngressRoutes',
  '5000': '5,000 IngressRoutes',
};
/** The file each test writes. */
const FILES: Record<BrowserPart, string> = { 'first-load': 'first-load', '1000': 'typing-1000', '5000': 'typing-5000' };

const root = fileURLToPath(new URL('../', import.meta.url));
const out = (name: string) => fileURLToPath(new URL(`./out/browser/${name}.json`, import.meta.url));

/** Runs the given tests of e2e/bench.spec.ts; returns Playwright's exit status. */
export function runBrowserBench(parts: readonly BrowserPart[], line: (s: string) => void): number {
  for (const p of parts) rmSync(out(FILES[p]), { force: true });
  const port = process.env.E2E_PORT ?? '4391';
  const grep = parts.map((p) => TITLES[p]).join('|');
  line(`browser: npx playwright test e2e/bench.spec.ts -g "${grep}" (BENCH=1, CI=true, E2E_PORT=${port}; builds the app first)`);
  const r = spawnSync('npx', ['playwright', 'test', 'e2e/bench.spec.ts', '--retries=0', '--reporter=list', '-g', grep], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, BENCH: '1', CI: 'true', E2E_PORT: port },
  });
  return r.status ?? 1;
}

export interface BrowserResults {
  firstLoad?: FirstLoad;
  typing1000?: Typing;
  typing5000?: Typing;
}

export interface FirstLoad {
  files: { file: string; bytes: number; gzip: number; editor: boolean; worker: boolean }[];
  gzipBytes: number;
  gzipBytesPage: number;
  editorGzipBytes: number;
  date: string;
}

export interface Typing {
  bytes: number;
  coldMs: number;
  coldLoadAllMs: number[];
  coldRatio: number;
  keystrokeMs: number[];
  medianKeystrokeMs: number;
  loadAllMs: number[];
  keystrokeRatio: number;
  bursts?: { keystrokes: number[]; panes?: Record<string, number>[]; longTasks: number[] }[];
  /** 5,000: per keystroke, when each pane first showed it (ms from the keydown). */
  panes?: Record<string, number>[];
  burstsWithoutLongTask?: number;
  burstKeys?: number;
  date: string;
}

/** What the browser tests wrote (missing files: not run, or failed); only `parts`' when given (this run's). */
export function readBrowserResults(parts: readonly BrowserPart[] = BROWSER_PARTS): BrowserResults {
  const read = <T>(name: string): T | undefined =>
    parts.some((p) => FILES[p] === name) && existsSync(out(name)) ? (JSON.parse(readFileSync(out(name), 'utf8')) as T) : undefined;
  const firstLoad = read<FirstLoad>('first-load');
  const typing1000 = read<Typing>('typing-1000');
  const typing5000 = read<Typing>('typing-5000');
  return { ...(firstLoad ? { firstLoad } : {}), ...(typing1000 ? { typing1000 } : {}), ...(typing5000 ? { typing5000 } : {}) };
}
