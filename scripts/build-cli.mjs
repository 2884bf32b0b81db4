// Bundles the CLI into one ESM file for the package's `bin` (npm run build).
import { build } from 'esbuild';

await build({
  entryPoints: ['src/cli/main.ts'],
  outfile: 'dist-cli/ingressroute-studio.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  banner: { js: "#!/usr/bin/env node\nimport { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
  logLevel: 'warning',
});

// The helper thread that parses large workspaces (src/cli/parallel.ts): a bundle of its own, so that
// it starts without loading the whole CLI.
await build({
  entryPoints: ['src/cli/parallel-worker.ts'],
  outfile: 'dist-cli/parse-worker.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'warning',
});
