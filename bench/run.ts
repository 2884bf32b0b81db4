/**
 * `npm run bench`: the figures BENCHMARKS.md records. Core benchmarks run here in Node (bench/out/core.json);
 * the browser ones (cold analysis and keystrokes at 1,000 and 5,000 IngressRoutes, long tasks while typing,
 * first-load JS) run in e2e/bench.spec.ts as a child process (bench/browser.ts, bench/out/browser/*.json).
 * The run ends with the table of issue 19's targets (bench/targets.ts), also written to bench/out/targets.json.
 *
 *   npm run bench                          everything
 *   npm run bench -- --no-browser          without the browser part
 *   npm run bench -- --only=simulate,layout,browser:first-load
 *                                          some sections (analysis, worker, simulate, layout, rules, parse,
 *                                          cli-start, cli, browser, or browser:first-load|1000|5000); their
 *                                          figures are merged into bench/out/core.json
 *   npm run bench -- --summary             only the table, from the JSON files of earlier runs
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { loadAll, YAML11_SCHEMA, Schema, timestampTag } from 'js-yaml';
import { analyze, Analyzer } from '../src/core/analyze.ts';
import { defaultSettings } from '../src/core/provider/settings.ts';
import { compileRouting, simulate, simulateLinear, generateConfig } from '../src/core/simulate/index.ts';
import { generateGraph, layoutGraph } from '../src/core/graph/index.ts';
import { buildGraph } from '../src/core/graph/index.ts';
import { generateRules } from '../src/core/rules/generate.ts';
import { parseRule, evaluateRule, buildRoutingRequest } from '../src/core/rules/index.ts';
import { generateWorkspace } from './generate-yaml.ts';
import { once, spread, time, timing, type Timing } from './stats.ts';
import { benchCli } from './cli.ts';
import { benchWorkerKeystroke } from './worker-keystroke.ts';
import { benchCliStart, printCliStart } from './cli-start.ts';
import { parseFile } from '../src/core/yaml/index.ts';
import { generateIngressRoutes } from '../src/core/yaml/fixture-generator.ts';
import { readBrowserResults, runBrowserBench, BROWSER_PARTS, type BrowserPart } from './browser.ts';
import { printTargets, targetRows } from './targets.ts';

const args = process.argv.slice(2);
const only = args.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',').filter(Boolean);
const summaryOnly = args.includes('--summary');
const noBrowser = args.includes('--no-browser');
const unknown = args.filter((a) => !a.startsWith('--only=') && a !== '--summary' && a !== '--no-browser');
if (unknown.length) throw new Error(`unknown arguments ${unknown.join(' ')} (use --no-browser, --only=section,… or --summary)`);
const SECTIONS = ['analysis', 'worker', 'simulate', 'layout', 'rules', 'parse', 'cli-start', 'cli', 'browser', ...BROWSER_PARTS.map((p) => `browser:${p}`)];
const unknownSections = only?.filter((s) => !SECTIONS.includes(s)) ?? [];
if (unknownSections.length) throw new Error(`unknown sections ${unknownSections.join(', ')} (known: ${SECTIONS.join(', ')})`);
const want = (section: string) => !summaryOnly && (!only || only.includes(section));
const browserParts: BrowserPart[] = summaryOnly || noBrowser ? [] : !only || only.includes('browser') ? [...BROWSER_PARTS] : BROWSER_PARTS.filter((p) => only.includes(`browser:${p}`));

const K8S = new Schema(YAML11_SCHEMA.tags.filter((t) => t !== timestampTag));
const results: Record<string, unknown> = {};
const line = (s: string) => console.log(s);

function machine(): string {
  return `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, load average ${os.loadavg()[0]!.toFixed(1)}`;
}
line(`machine: ${machine()}`);
line(`date: ${new Date().toISOString()}`);

// 1. Analysis against a bare js-yaml loadAll of the same text.
for (const n of want('analysis') ? [100, 1000, 5000] : []) {
  const ws = generateWorkspace(n);
  const runs = n >= 5000 ? 7 : 11;
  // Runs interleave the baseline and the measured work, and each ratio compares one run with the
  // baseline of the same run: on this shared VM the same loadAll varied from 360 to 710 ms between
  // separate series, which made ratios of medians taken minutes apart meaningless.
  const analysis = analyze([{ name: 'bench.yaml', text: ws.text }], defaultSettings());
  // What a keystroke costs: a one-character edit somewhere in the file, re-analysed by the Analyzer the
  // worker keeps (changed documents only), the graph rebuilt and laid out from the previous layout.
  const analyzer = new Analyzer();
  analyzer.analyze([{ name: 'bench.yaml', text: ws.text }], defaultSettings());
  // The graph as the editor's worker builds it: without backends (the graph pane asks for them when it shows them).
  const graphOf = (a: typeof analysis) => buildGraph(a.config, a.resources, a.diagnostics, { backends: false });
  let layout = layoutGraph(graphOf(analysis));
  const names = [...ws.text.matchAll(/^ {2}name: (app-\d+)$/gm)].map((m) => m.index! + m[0].length);
  let k = 0;
  const editOnce = () => {
    const at = names[(k * 7919) % names.length]!;
    const text = `${ws.text.slice(0, at)}${'x'.repeat((k++ % 3) + 1)}${ws.text.slice(at)}`;
    const a = analyzer.analyze([{ name: 'bench.yaml', text }], defaultSettings());
    layout = layoutGraph(graphOf(a), layout);
  };
  const coldOnce = () => {
    const a = analyze([{ name: 'bench.yaml', text: ws.text }], defaultSettings());
    layoutGraph(graphOf(a));
  };
  const baseOnce = () => loadAll(ws.text, { schema: K8S });
  baseOnce();
  coldOnce();
  editOnce();
  const samples = { base: [] as number[], cold: [] as number[], edit: [] as number[], coldRatio: [] as number[], editRatio: [] as number[] };
  for (let r = 0; r < runs; r++) {
    const b = once(baseOnce);
    const c = once(coldOnce);
    const e = once(editOnce);
    samples.base.push(b);
    samples.cold.push(c);
    samples.edit.push(e);
    samples.coldRatio.push(c / b);
    samples.editRatio.push(e / b);
  }
  const base = timing(samples.base);
  const cold = timing(samples.cold);
  const edit = timing(samples.edit);
  const ratio = timing(samples.coldRatio);
  const editRatio = timing(samples.editRatio);
  results[`analysis_${n}`] = { loadAll: base, cold, edit, ratio, editRatio, bytes: ws.text.length, routers: Object.keys(analysis.config.routers).length };
  const x = (t: Timing) => `${t.median.toFixed(2)}× (min ${t.min.toFixed(2)}×, max ${t.max.toFixed(2)}×)`;
  line(`analysis ${n} IngressRoutes (${(ws.text.length / 1e6).toFixed(2)} MB, ${Object.keys(analysis.config.routers).length} routers):`);
  line(`  js-yaml loadAll                                  ${spread(base)}`);
  line(`  cold: analyze + graph + layout                   ${spread(cold)} → ${x(ratio)} loadAll`);
  line(`  one-character edit: re-analysis + graph + layout ${spread(edit)} → ${x(editRatio)} loadAll  (target ≤ 3×)`);
}

// 1b. What the editor's worker does per keystroke before the page can show it (AnalysisService: analysis,
// routing, tests, graph, layout, summary and the delta), and the shadow check it sends after.
for (const n of want('worker') ? [1000, 5000] : []) results[`worker_keystroke_${n}`] = benchWorkerKeystroke(n, n >= 5000 ? 5 : 9, line);

// 2. One simulation against 500 and 5,000 routers, indexed vs Traefik's linear scan.
for (const n of want('simulate') ? [500, 5000] : []) {
  const config = generateConfig(n, 7);
  const routing = compileRouting(config, defaultSettings(), { secrets: {} });
  const routers = Object.values(config.routers);
  const requests = Array.from({ length: 200 }, (_, i) => {
    const r = routers[(i * 37) % routers.length]!;
    const host = /Host\(`([^`]+)`\)/.exec(r.rule)?.[1] ?? 'none.example.com';
    return { method: 'GET', url: `https://${host}/api/x${i}`, headers: {}, clientIP: '10.0.0.1' };
  });
  let k = 0;
  const indexed = time(() => simulate(routing, requests[k++ % requests.length]!), { runs: 400, warmup: 50 });
  k = 0;
  const linear = time(() => simulateLinear(routing, requests[k++ % requests.length]!), { runs: 400, warmup: 50 });
  results[`simulate_${n}`] = { indexed, linear, speedup: linear.median / indexed.median };
  line(`simulate one request, ${n} routers: indexed ${spread(indexed)}; linear scan ${spread(linear)}; ${(linear.median / indexed.median).toFixed(1)}× (target < 1 ms)`);
}

// 3. Graph layout of 5,000 nodes.
if (want('layout')) {
  const graph = generateGraph(5000, 3);
  const t = time(() => layoutGraph(graph), { runs: 15, warmup: 3 });
  results['layout_5000'] = t;
  line(`layout 5,000 nodes: ${spread(t)} (target < 100 ms)`);
}

// 4. Rule parse + match throughput over 10,000 generated rules.
if (want('rules')) {
  const rules = generateRules(10_000, 11);
  const req = buildRoutingRequest({ method: 'GET', host: 'app1.example.com', escapedPath: '/api/users', rawQuery: 'a=1', headers: { 'X-Canary': 'on' }, clientIP: '10.1.2.3' });
  const t: Timing = time(
    () => {
      for (const r of rules) {
        const { ast } = parseRule(r, 'v3');
        if (ast) evaluateRule(ast, req);
      }
    },
    { runs: 5, warmup: 1 },
  );
  results['rules_10000'] = { ...t, perSecond: 10_000 / (t.median / 1000) };
  line(`rules: parse + match 10,000 rules ${spread(t)} → ${Math.round(10_000 / (t.median / 1000)).toLocaleString()} rules/s`);
}

// 5. YAML: a 5 MB file of 10,000 documents, and parseFile against a bare loadAll (the unit tests count the
// work instead: src/core/yaml/limits.test.ts).
if (want('parse')) {
  const big = generateIngressRoutes(6700);
  const t = time(() => parseFile('big.yaml', big), { runs: 5, warmup: 1 });
  results['parse_5mb'] = { ...t, bytes: big.length };
  line(`parseFile of ${(big.length / 1e6).toFixed(1)} MB (10,000+ documents): ${spread(t)} (target ~1.5 s)`);
  const text = generateIngressRoutes(1000);
  const load = time(() => loadAll(text, { schema: K8S }), { runs: 7, warmup: 2 });
  const parse = time(() => parseFile('f.yaml', text), { runs: 7, warmup: 2 });
  results['parse_vs_loadAll_1000'] = { load, parse, ratio: parse.min / load.min };
  line(`parseFile vs loadAll, 1,000 IngressRoutes: ${spread(parse)} vs ${spread(load)} → ${(parse.min / load.min).toFixed(2)}× (best of each; target ≤ 3×)`);
}

// 7. CLI start (whole processes).
if (want('cli-start')) {
  const r = benchCliStart();
  results['cli_start'] = r;
  printCliStart(r, line);
}

// 6. CLI validate of 5,000 IngressRoutes, whole processes of the built CLI against node -e loadAll (bench/cli.ts).
if (want('cli')) results['cli_validate_5000'] = benchCli(7, line);

// A run of some sections updates their figures in core.json and keeps the others'.
const coreFile = new URL('./out/core.json', import.meta.url);
const earlier = (only || summaryOnly) && existsSync(coreFile) ? (JSON.parse(readFileSync(coreFile, 'utf8')) as Record<string, unknown>) : {};
const core = { ...earlier, ...results };
if (Object.keys(results).length > 0) {
  mkdirSync(new URL('./out/', import.meta.url), { recursive: true });
  writeFileSync(coreFile, JSON.stringify(core, null, 2));
  line('written bench/out/core.json');
}

// 8. The browser (e2e/bench.spec.ts, a fresh build served on E2E_PORT).
let browserStatus: number | null = null;
if (browserParts.length > 0) browserStatus = runBrowserBench(browserParts, line);

// The targets of issue 19: this run's figures (with --summary or --only, the latest recorded ones).
const latest = !!(summaryOnly || only);
const browser = readBrowserResults(latest ? undefined : browserParts);
const rows = targetRows(latest ? core : results, browser);
printTargets(rows, line);
mkdirSync(new URL('./out/', import.meta.url), { recursive: true });
writeFileSync(new URL('./out/targets.json', import.meta.url), JSON.stringify({ date: new Date().toISOString(), machine: machine(), rows }, null, 2));
line('written bench/out/targets.json');
if (browserStatus !== null && browserStatus !== 0) {
  line(`the browser benchmark exited with ${browserStatus}: its rows may be missing (see its output above)`);
  process.exitCode = 1;
}
