/**
 * The CLI figure of `npm run bench` (issue 19): `validate` of 5,000 generated IngressRoutes as a whole
 * process of the built CLI (dist-cli, rebuilt here), against a whole process that reads the same file
 * and calls js-yaml's `loadAll` (the schema Kubernetes reads, as in the analysis figures). Runs
 * alternate loadAll, validate, validate with a helper thread forced and validate on one thread, and each ratio compares the runs taken one
 * right after the other: on this shared machine the same process varies by 2× between minutes.
 * Run alone with `npx tsx bench/cli.ts [runs]`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { generateWorkspace } from './generate-yaml.ts';
import { spread, timing, type Timing } from './stats.ts';

const root = fileURLToPath(new URL('../', import.meta.url));
const BASELINE = `
const { loadAll, YAML11_SCHEMA, Schema, timestampTag } = require('js-yaml');
const schema = new Schema(YAML11_SCHEMA.tags.filter((t) => t !== timestampTag));
loadAll(require('node:fs').readFileSync(process.argv[1], 'utf8'), { schema });
`;

/** GNU time, when there is one, also gives the CPU time of each process (user + system, all threads). */
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

function wall(args: string[], env: NodeJS.ProcessEnv = process.env): { ms: number; cpu: number; stdout: number } {
  const command = TIME ? [TIME, '-f', '@cpu %U %S', process.execPath, ...args] : [process.execPath, ...args];
  const t = performance.now();
  const r = spawnSync(command[0]!, command.slice(1), { cwd: root, env, encoding: 'utf8', maxBuffer: 1 << 28 });
  const ms = performance.now() - t;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  const cpu = /@cpu ([\d.]+) ([\d.]+)/.exec(r.stderr);
  return { ms, cpu: cpu ? (Number(cpu[1]) + Number(cpu[2])) * 1000 : NaN, stdout: r.stdout.length };
}

/** Runs the CLI benchmark; returns what bench/out/core.json records under `cli_validate_5000`. */
export function benchCli(runs = 7, log: (s: string) => void = console.log): Record<string, unknown> {
  const build = spawnSync(process.execPath, ['scripts/build-cli.mjs'], { cwd: root, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`build-cli failed: ${build.stderr}`);
  const ws = generateWorkspace(5000);
  mkdirSync(new URL('./out/', import.meta.url), { recursive: true });
  const file = fileURLToPath(new URL('./out/cli-5000.yaml', import.meta.url));
  writeFileSync(file, ws.text);
  const cli = ['dist-cli/ingressroute-studio.mjs', 'validate', file];
  const single = { ...process.env, INGRESSROUTE_STUDIO_THREADS: '0' };
  // validate decides by the load average whether a helper thread pays; this one always has one.
  const helper = { ...process.env, INGRESSROUTE_STUDIO_THREADS: '1' };
  // One of each first, so that every measured run finds the files in the page cache.
  wall(['-e', BASELINE, file]);
  const first = wall(cli);
  const firstSingle = wall(cli, single);
  const firstHelper = wall(cli, helper);
  if (first.stdout !== firstSingle.stdout || first.stdout !== firstHelper.stdout) throw new Error('validate printed different output with and without helper threads');
  const s = {
    base: [] as number[], cli: [] as number[], helper: [] as number[], single: [] as number[],
    ratio: [] as number[], helperRatio: [] as number[], singleRatio: [] as number[],
    cpuRatio: [] as number[], helperCpuRatio: [] as number[], singleCpuRatio: [] as number[],
    load: [] as number[],
  };
  for (let r = 0; r < runs; r++) {
    s.load.push(os.loadavg()[0]!);
    const b = wall(['-e', BASELINE, file]);
    const c = wall(cli);
    const h = wall(cli, helper);
    const o = wall(cli, single);
    s.base.push(b.ms);
    s.cli.push(c.ms);
    s.helper.push(h.ms);
    s.single.push(o.ms);
    s.ratio.push(c.ms / b.ms);
    s.helperRatio.push(h.ms / b.ms);
    s.singleRatio.push(o.ms / b.ms);
    s.cpuRatio.push(c.cpu / b.cpu);
    s.helperCpuRatio.push(h.cpu / b.cpu);
    s.singleCpuRatio.push(o.cpu / b.cpu);
  }
  const x = (t: Timing) => `${t.median.toFixed(2)}× (min ${t.min.toFixed(2)}×, max ${t.max.toFixed(2)}×)`;
  const result = {
    loadAll: timing(s.base),
    validate: timing(s.cli),
    validateWithHelper: timing(s.helper),
    validateOneThread: timing(s.single),
    ratio: timing(s.ratio),
    ratioWithHelper: timing(s.helperRatio),
    ratioOneThread: timing(s.singleRatio),
    // CPU time (all threads) against loadAll's: the work done, whatever else the machine runs.
    cpuRatio: TIME ? timing(s.cpuRatio) : null,
    cpuRatioWithHelper: TIME ? timing(s.helperCpuRatio) : null,
    cpuRatioOneThread: TIME ? timing(s.singleCpuRatio) : null,
    loadAverage: timing(s.load),
    bytes: ws.text.length,
    diagnosticsOutput: first.stdout,
  };
  log(`CLI validate, whole process, 5,000 IngressRoutes (${(ws.text.length / 1e6).toFixed(2)} MB), built CLI:`);
  log(`  node -e loadAll                      ${spread(result.loadAll)}`);
  log(`  machine load average during the runs ${result.loadAverage.min.toFixed(1)}–${result.loadAverage.max.toFixed(1)} (${os.availableParallelism()} cores)`);
  log(`  validate                             ${spread(result.validate)} → ${x(result.ratio)} loadAll  (target ≤ 3×, stretch ≤ 2×)`);
  log(`  validate, one helper thread forced   ${spread(result.validateWithHelper)} → ${x(result.ratioWithHelper)} loadAll`);
  log(`  validate, one thread forced          ${spread(result.validateOneThread)} → ${x(result.ratioOneThread)} loadAll`);
  if (result.cpuRatio && result.cpuRatioWithHelper && result.cpuRatioOneThread) {
    log(`  CPU time (all threads) vs loadAll's: validate ${x(result.cpuRatio)}, helper ${x(result.cpuRatioWithHelper)}, one thread ${x(result.cpuRatioOneThread)}`);
  }
  return result;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  benchCli(Number(process.argv[2] ?? 7));
}
