// The CLI bundle (dist-cli/ingressroute-studio.mjs): how it is built, and whether it is older than its sources.
// Shared by `npm run build:cli` and by scripts/cli.mjs, which rebuilds it on first use.
import { existsSync, readdirSync, renameSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const BUNDLE = join(ROOT, 'dist-cli', 'ingressroute-studio.mjs');
/** What the bundle is made of: the CLI, the core, and the dependencies installed from the lockfile. */
const SOURCE_DIRS = ['src/core', 'src/cli'].map((d) => join(ROOT, d));
const SOURCE_FILES = ['package-lock.json', 'scripts/cli-bundle.mjs'].map((f) => join(ROOT, f));

function newestIn(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestIn(path));
    else if (entry.isFile() && !/\.test\.tsx?$/.test(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/** Why the bundle must be (re)built, or null when it is newer than every source file (tests excepted). */
export function staleReason() {
  if (!existsSync(BUNDLE) || !existsSync(join(ROOT, 'dist-cli', 'parse-worker.mjs'))) return 'missing';
  const built = statSync(BUNDLE).mtimeMs;
  const sources = Math.max(...SOURCE_DIRS.map(newestIn), ...SOURCE_FILES.filter((f) => existsSync(f)).map((f) => statSync(f).mtimeMs));
  return sources > built ? 'older than its sources' : null;
}

/**
 * Object spread written as helper calls. In Node 20 (V8 11.3) js-yaml 5's ESM build parses ~2.7× slower than
 * its CommonJS build: its parseEvents makes the parser state, once per document, with a spread literal
 * (`{ ...DEFAULT_PARSER_OPTIONS, ...options, input, position: 0, … }`), and every read of that state in the parser
 * is slow; the same code with the state made by Object.assign (what the CommonJS build's helper does) parses
 * 5,000 IngressRoutes in ~175 ms instead of ~470 ms. `require('js-yaml')`, and so the loadAll baseline of
 * `npm run bench`, gets the CommonJS build. Validate of that file: ~2.0 s → ~1.75 s, output identical.
 * Chromium's V8 does not do this (measured): the browser bundle keeps native spread.
 */
const LOWERED = { 'object-rest-spread': false };

/** esbuild's options for one of the CLI's bundles (`entry` relative to the repository). */
export function bundleOptions(entry) {
  return { entryPoints: [join(ROOT, entry)], bundle: true, platform: 'node', format: 'esm', target: 'node20', supported: LOWERED, logLevel: 'warning' };
}

/** Bundles src/cli/main.ts with esbuild into one ESM file; written aside and renamed, so that two CI jobs
 * building at once never run a half-written file. */
export async function buildCli() {
  const { build } = await import('esbuild');
  const tmp = `${BUNDLE}.${process.pid}.tmp`;
  await build({
    ...bundleOptions('src/cli/main.ts'),
    outfile: tmp,
    banner: { js: "#!/usr/bin/env node\nimport { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
  });
  // The helper thread that parses large workspaces (src/cli/parallel.ts): a bundle of its own beside the
  // CLI, so that it starts without loading the whole CLI. Built first: the CLI's mtime says both are fresh.
  const worker = join(ROOT, 'dist-cli', 'parse-worker.mjs');
  await build({ ...bundleOptions('src/cli/parallel-worker.ts'), outfile: `${worker}.${process.pid}.tmp` });
  renameSync(`${worker}.${process.pid}.tmp`, worker);
  renameSync(tmp, BUNDLE);
  return BUNDLE;
}
