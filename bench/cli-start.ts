/**
 * CLI start: `validate` of a one-route file as a whole process, the way a CI job calls it — through the bundle
 * (`node scripts/cli.mjs`, what `npm run cli` runs), through `npm run cli` itself, and through tsx on the
 * TypeScript sources (`npm run cli:dev`) — plus the first use, which builds the bundle. Run alone with
 * `npx tsx bench/cli-start.ts`, or as part of `npm run bench`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spread, timing, type Timing } from './stats.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BUNDLE = join(ROOT, 'dist-cli', 'ingressroute-studio.mjs');

const ONE_ROUTE = `apiVersion: traefik.io/v1alpha1
kind: IngressRoute
metadata: {name: web, namespace: apps}
spec:
  entryPoints: [web]
  routes:
    - match: Host(\`a.example.com\`)
      kind: Rule
      services: [{name: web, port: 80}]
`;

/** Wall-clock milliseconds of one process, which must exit 0. */
function wall(command: string, args: string[]): number {
  const t = performance.now();
  const r = spawnSync(command, args, { cwd: ROOT, encoding: 'utf8' });
  const ms = performance.now() - t;
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

export interface CliStart {
  /** The machine's 1-minute load average before and after: figures taken on a busy machine say so. */
  load: [number, number];
  bundle: Timing;
  npmRunCli: Timing;
  tsx: Timing;
  firstUse: Timing;
}

/** Medians of `runs` processes each (first use: 3 builds), one after the other. */
export function benchCliStart(runs = 9): CliStart {
  const loadBefore = loadavg()[0]!;
  const dir = mkdtempSync(join(tmpdir(), 'irs-bench-'));
  const file = join(dir, 'one-route.yaml');
  writeFileSync(file, ONE_ROUTE);
  const series = (command: string, args: string[]) => timing(Array.from({ length: runs }, () => wall(command, args)));
  const firstUse = timing(
    Array.from({ length: 3 }, () => {
      rmSync(BUNDLE, { force: true });
      return wall('node', ['scripts/cli.mjs', 'validate', file]);
    }),
  );
  wall('node', ['scripts/cli.mjs', 'validate', file]); // warm the file cache
  const result = {
    bundle: series('node', ['scripts/cli.mjs', 'validate', file]),
    npmRunCli: series('npm', ['run', '--silent', 'cli', '--', 'validate', file]),
    tsx: series('npx', ['tsx', 'src/cli/main.ts', 'validate', file]),
    firstUse,
    load: [loadBefore, loadavg()[0]!] as [number, number],
  };
  rmSync(dir, { recursive: true, force: true });
  return result;
}

export function printCliStart(r: CliStart, line: (s: string) => void): void {
  line(`CLI start, validate of a one-route file (whole process; target < 500 ms; load average ${r.load.map((l) => l.toFixed(1)).join(' → ')}):`);
  line(`  node scripts/cli.mjs (bundle)         ${spread(r.bundle)}`);
  line(`  npm run cli                           ${spread(r.npmRunCli)}`);
  line(`  tsx src/cli/main.ts (npm run cli:dev) ${spread(r.tsx)}`);
  line(`  first use (builds the bundle)         ${spread(r.firstUse)}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const line = (s: string) => console.log(s);
  line(`date: ${new Date().toISOString()}`);
  printCliStart(benchCliStart(), line);
}
