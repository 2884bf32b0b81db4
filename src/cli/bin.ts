/**
 * The package's bin (dist-cli/ingressroute-studio.mjs): loads the CLI bundle (dist-cli/cli.cjs, src/cli/main.ts
 * bundled) with V8's code cache (code-cache.ts). The bundle runs its command itself when this file is the process's
 * entry (main.ts checks the entry's name); `npm run cli` (scripts/cli.mjs) imports this file and calls `run`.
 * A run that found no usable cache saves one when the process ends, when everything it ran has been compiled.
 */
import { fileURLToPath } from 'node:url';
import { loadBundle } from './code-cache.ts';
import type * as Main from './main.ts';

const cli = loadBundle(fileURLToPath(new URL('./cli.cjs', import.meta.url)));
if (cli.cache !== 'accepted') process.once('exit', () => cli.save());

const main = cli.exports as unknown as typeof Main;
export const run = main.run;
export const processIo = main.processIo;
