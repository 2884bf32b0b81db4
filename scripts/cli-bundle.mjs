// The CLI bundle: how it is built, and whether it is older than its sources. Shared by `npm run build:cli` and by
// scripts/cli.mjs, which rebuilds it on first use. dist-cli/ holds the bin, ingressroute-studio.mjs (src/cli/bin.ts),
// which runs cli.cjs (src/cli/main.ts and everything it imports) with V8's code cache (cli.cjs.cache, see
// src/cli/code-cache.ts), and parse-worker.mjs, the helper thread of large workspaces.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const BUNDLE = join(ROOT, 'dist-cli', 'ingressroute-studio.mjs');
const CLI = join(ROOT, 'dist-cli', 'cli.cjs');
const WORKER = join(ROOT, 'dist-cli', 'parse-worker.mjs');
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
  if (![BUNDLE, CLI, WORKER].every((f) => existsSync(f))) return 'missing';
  const built = statSync(BUNDLE).mtimeMs;
  const sources = Math.max(...SOURCE_DIRS.map(newestIn), ...SOURCE_FILES.filter((f) => existsSync(f)).map((f) => statSync(f).mtimeMs));
  return sources > built ? 'older than its sources' : null;
}

/**
 * js-yaml's parser state made with Object.assign. In Node 20 (V8 11.3) js-yaml 5's ESM build parsed ~2.7× slower
 * than its CommonJS build: its parseEvents makes the parser state, once per document, with a spread literal
 * (`{ ...DEFAULT_PARSER_OPTIONS, ...options, input, position: 0, … }`), and every read of that state in the parser
 * is slow. Lowering object spread in the whole bundle (esbuild's helpers, as the CommonJS build does with its own)
 * gave the CommonJS speed (5,000 IngressRoutes: ~470 → ~175 ms) but made each state with defineProperties, ~8 µs
 * per document; Object.assign makes it fast and reads as fast (~165 → ~140 ms), and the rest of the bundle keeps
 * native spread. Chromium's V8 does not do this (measured): the browser bundle is unchanged.
 * Fails the build when js-yaml's code no longer has that literal, so that an upgrade is looked at again.
 */
const PARSER_STATE = /const state = \{\s*\.\.\.DEFAULT_PARSER_OPTIONS,\s*\.\.\.options,([^;]*?events: \[\]\s*)\};/;
const parserState = {
  name: 'js-yaml-parser-state',
  setup(build) {
    build.onLoad({ filter: /[\\/]js-yaml[\\/]dist[\\/]js-yaml\.mjs$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      if (!PARSER_STATE.test(text)) throw new Error(`${args.path}: parseEvents no longer makes its state with { ...DEFAULT_PARSER_OPTIONS, ...options, … }; look at scripts/cli-bundle.mjs's parserState again`);
      return { contents: text.replace(PARSER_STATE, 'const state = Object.assign({}, DEFAULT_PARSER_OPTIONS, options, {$1});'), loader: 'js' };
    });
  },
};

/**
 * esbuild's options for one of the CLI's bundles (`entry` relative to the repository). The CLI itself is CommonJS,
 * the format V8's code cache can be used with in Node 20 (vm.Script); its `import.meta.url` is its own file's URL.
 */
export function bundleOptions(entry) {
  const common = { entryPoints: [join(ROOT, entry)], bundle: true, platform: 'node', target: 'node20', plugins: [parserState], logLevel: 'warning' };
  if (entry !== 'src/cli/main.ts') return { ...common, format: 'esm' };
  return {
    ...common,
    format: 'cjs',
    define: { 'import.meta.url': '__bundleUrl' },
    banner: { js: "const __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
  };
}

/** The examples whose validation fills the code cache when the CLI is built (absent from a packed install). */
const PRIMING = join(ROOT, 'public', 'examples');

/** Bundles the CLI with esbuild. Each file is written aside and renamed, so that two CI jobs building at once
 * never run a half-written file; the bin goes last, as its mtime says the whole is fresh. Then one validation of
 * the examples makes the code cache, so that the first run after `npm ci` already has it. */
export async function buildCli() {
  const { build } = await import('esbuild');
  const tmp = (file) => `${file}.${process.pid}.tmp`;
  await build({ ...bundleOptions('src/cli/main.ts'), outfile: tmp(CLI) });
  // The helper thread that parses large workspaces (src/cli/parallel.ts): a bundle of its own beside the
  // CLI, so that it starts without loading the whole CLI.
  await build({ ...bundleOptions('src/cli/parallel-worker.ts'), outfile: tmp(WORKER) });
  await build({ ...bundleOptions('src/cli/bin.ts'), outfile: tmp(BUNDLE), banner: { js: '#!/usr/bin/env node' } });
  rmSync(`${CLI}.cache`, { force: true });
  renameSync(tmp(WORKER), WORKER);
  renameSync(tmp(CLI), CLI);
  renameSync(tmp(BUNDLE), BUNDLE);
  if (existsSync(PRIMING)) {
    const examples = readdirSync(PRIMING).filter((f) => f.endsWith('.yaml')).map((f) => join(PRIMING, f));
    spawnSync(process.execPath, [BUNDLE, 'validate', ...examples], { stdio: 'ignore' });
  }
  return BUNDLE;
}
