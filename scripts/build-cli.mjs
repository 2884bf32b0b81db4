// Bundles the CLI for the package's `bin` (see cli-bundle.mjs; npm run build; `prepare`, so that `npm ci` and
// `npm pack` — which pre-commit's node hooks use — make it; npm run cli also builds it on first use).
// With --if-available, a missing esbuild (an install without devDependencies) is a note, not a failure.
import { chmodSync } from 'node:fs';
import { buildCli } from './cli-bundle.mjs';

try {
  chmodSync(await buildCli(), 0o755);
} catch (e) {
  if (!process.argv.includes('--if-available') || e?.code !== 'ERR_MODULE_NOT_FOUND') throw e;
  console.warn(`ingressroute-studio: CLI bundle not built (${e.message}); npm run build:cli builds it.`);
}
