// `npm run cli -- …`: runs the bundled CLI (dist-cli/ingressroute-studio.mjs) in this process, building it first
// when it is missing or older than src/core, src/cli or the lockfile. Starting the bundle takes a fraction of
// what starting tsx on the TypeScript sources does (`npm run cli:dev` still does that, for development).
import { pathToFileURL } from 'node:url';
import { BUNDLE, buildCli, staleReason } from './cli-bundle.mjs';

const reason = staleReason();
if (reason) {
  process.stderr.write(`ingressroute-studio: building the CLI bundle (${reason})…\n`);
  await buildCli();
}
const { run, processIo } = await import(pathToFileURL(BUNDLE).href);
process.exitCode = run(process.argv.slice(2), processIo);
