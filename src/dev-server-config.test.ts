// The dev server's dependency optimizer must know every dependency the first visit loads, workers included:
// one it discovers late makes Vite re-bundle and reload the page ("optimized dependencies changed. reloading").
// The same was checked by hand (and by e2e/dev-server.spec.ts) on a dev server started with an empty cache.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import config, { optimizeDeps } from '../vite.config.ts';

const ROOT = new URL('..', import.meta.url).pathname;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [path] : [];
  });
}

/** `src/**\/*.worker.ts` as a test: a path under src/ whose file name ends in .worker.ts. */
const crawledAsEntry = (path: string) => optimizeDeps.entries.some((g) => g === 'src/**/*.worker.ts') && /^src\/(.+\/)?[^/]+\.worker\.ts$/.test(path);
const isBare = (spec: string) => !spec.startsWith('.') && !spec.startsWith('/') && !spec.startsWith('node:');

describe('vite.config optimizeDeps', () => {
  // The page's code: src/cli is the Node CLI (its worker_threads are not Vite's business).
  const files = sources(join(ROOT, 'src'))
    .map((p) => ({ path: relative(ROOT, p), text: readFileSync(p, 'utf8') }))
    .filter((f) => !f.path.startsWith('src/cli/'));

  it('is the configuration Vite uses', () => {
    expect(config).toMatchObject({ optimizeDeps });
    expect(optimizeDeps.entries).toContain('index.html');
  });

  it('crawls every worker the app starts (new Worker(new URL(…)) or a ?worker import of a project file)', () => {
    const workers = new Set<string>();
    for (const f of files) {
      for (const m of f.text.matchAll(/new Worker\(new URL\('([^']+)'/g)) workers.add(relative(ROOT, join(ROOT, f.path, '..', m[1]!)));
      for (const m of f.text.matchAll(/from '(\.[^']+)\?worker'/g)) workers.add(relative(ROOT, join(ROOT, f.path, '..', m[1]!)));
    }
    expect([...workers].sort()).toEqual(['src/ui/editor/yaml.worker.ts', 'src/worker/analysis.worker.ts']);
    for (const w of workers) expect(crawledAsEntry(w), w).toBe(true);
  });

  it("declares each package worker loaded with ?worker, and each package a worker file imports", () => {
    const needed = new Set<string>();
    for (const f of files) {
      for (const m of f.text.matchAll(/from '([^']+)\?worker'/g)) if (isBare(m[1]!)) needed.add(m[1]!);
      if (f.path.endsWith('.worker.ts')) for (const m of f.text.matchAll(/^import (?:[^'"]+ from )?'([^']+)'/gm)) if (isBare(m[1]!)) needed.add(m[1]!);
    }
    // Monaco's editor worker and monaco-yaml's worker: the one Vite found late and reloaded the page for.
    expect(needed).toContain('monaco-editor/esm/vs/editor/editor.worker.js');
    expect(needed).toContain('monaco-yaml/yaml.worker.js');
    for (const dep of needed) expect(optimizeDeps.include, dep).toContain(dep);
  });
});
