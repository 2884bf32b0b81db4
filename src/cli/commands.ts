/** The CLI's commands over the core: the same functions the browser's worker calls. */
import { writeFileSync } from 'node:fs';
import { dump } from 'js-yaml';
import { toFileProviderShape } from '../core/provider/index.ts';
import { compileRouting, routingExtrasOf, formatVerdict, parseTestCases, runTestCases, simulate, verdictToJson, type SimRequest } from '../core/simulate/index.ts';
import { parsingRulesOnce, runRulesJsonlLine } from '../core/rules/index.ts';
import { formatJson, formatSarif, formatText, locate } from './format.ts';
import { readInputs, settingsFrom, UsageError, type Io } from './io.ts';
import { junitReport } from './junit.ts';
import { analyzeParallel } from './parallel.ts';

export interface Common {
  files: string[];
  static?: string | undefined;
  traefik?: string | undefined;
  strict?: boolean | undefined;
}

/** `onePass`: nothing after the analysis asks for a rule again (validate, export), so parsed rules are not kept. */
function load(opts: Common, io: Io, onePass = false) {
  const files = readInputs(opts.files, io);
  const settings = settingsFrom(opts);
  // Large workspaces are parsed on every core; the analysis is the same as analyze's.
  const run = () => analyzeParallel(files, settings);
  return { files, settings, analysis: onePass ? parsingRulesOnce(run) : run() };
}

export function validateCommand(opts: Common & { format?: string | undefined }, io: Io): number {
  const { files, analysis } = load(opts, io, true);
  const located = locate(analysis.diagnostics, files);
  const format = opts.format ?? 'text';
  if (format === 'json') io.stdout(formatJson(located));
  else if (format === 'sarif') io.stdout(formatSarif(located));
  else if (format === 'text') {
    io.stdout(formatText(located));
    const errors = analysis.diagnostics.filter((d) => d.severity === 'error').length;
    const warnings = analysis.diagnostics.filter((d) => d.severity === 'warning').length;
    io.stderr(`${errors} errors, ${warnings} warnings, ${located.length - errors - warnings} infos in ${files.length} file(s)\n`);
  } else throw new UsageError(`--format must be text, json or sarif (got ${format})`);
  return analysis.diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
}

export function exportCommand(opts: Common & { format?: string | undefined; force?: boolean | undefined; output?: string | undefined }, io: Io): number {
  const { files, analysis } = load(opts, io, true);
  const format = opts.format ?? 'yaml';
  let out: string;
  if (format === 'yaml') {
    const errors = analysis.diagnostics.filter((d) => d.severity === 'error');
    if (errors.length > 0 && !opts.force) {
      io.stderr(formatText(locate(errors, files)));
      io.stderr(`refusing to export: ${errors.length} error(s); fix them or pass --force\n`);
      return 1;
    }
    out = files.map((f) => f.text.replace(/\s*$/, '\n')).join('---\n');
  } else if (format === 'dynamic-json') {
    out = JSON.stringify(toFileProviderShape(analysis.config), null, 2) + '\n';
  } else if (format === 'dynamic-yaml') {
    out = dump(toFileProviderShape(analysis.config), { noRefs: true, lineWidth: -1 });
  } else throw new UsageError(`--format must be yaml, dynamic-json or dynamic-yaml (got ${format})`);
  if (opts.output) writeFileSync(opts.output, out);
  else io.stdout(out);
  return 0;
}

export interface SimulateOptions extends Common {
  url?: string | undefined;
  method?: string | undefined;
  header?: string[] | undefined;
  clientIp?: string | undefined;
  sni?: string | undefined;
  noSni?: boolean | undefined;
  entrypoint?: string | undefined;
  json?: boolean | undefined;
}

export function requestFrom(opts: SimulateOptions): SimRequest {
  if (!opts.url) throw new UsageError('simulate needs --url');
  try {
    new URL(opts.url);
  } catch {
    throw new UsageError(`--url is not a URL: ${opts.url}`);
  }
  const headers: Record<string, string[]> = {};
  for (const h of opts.header ?? []) {
    const i = h.indexOf(':');
    if (i <= 0) throw new UsageError(`--header must be 'Name: value' (got ${h})`);
    const name = h.slice(0, i).trim();
    (headers[name] ??= []).push(h.slice(i + 1).trim());
  }
  const request: SimRequest = { method: (opts.method ?? 'GET').toUpperCase(), url: opts.url, headers, clientIP: opts.clientIp ?? '203.0.113.7' };
  if (opts.noSni) request.sni = null;
  else if (opts.sni !== undefined) request.sni = opts.sni;
  if (opts.entrypoint) request.entryPoint = opts.entrypoint;
  return request;
}

export function simulateCommand(opts: SimulateOptions, io: Io): number {
  const request = requestFrom(opts);
  const { analysis } = load(opts, io);
  const routing = compileRouting(analysis.config, analysis.settings, routingExtrasOf(analysis.resources));
  const verdict = simulate(routing, request);
  io.stdout(opts.json ? JSON.stringify(verdictToJson(verdict), null, 2) + '\n' : formatVerdict(verdict));
  return 0;
}

export function testCommand(
  opts: Common & { cases?: string | undefined; failUnder?: string | undefined; format?: string | undefined },
  io: Io,
): number {
  if (!opts.cases) throw new UsageError('test needs --cases FILE');
  const [casesFile] = readInputs([opts.cases], io);
  const parsed = parseTestCases(casesFile!.text);
  if (parsed.errors.length > 0) {
    io.stderr(parsed.errors.map((e) => `${opts.cases}: ${e}\n`).join(''));
    return 2;
  }
  const { analysis } = load(opts, io);
  const routing = compileRouting(analysis.config, analysis.settings, routingExtrasOf(analysis.resources));
  const { results, coverage } = runTestCases(routing, parsed.cases);
  const passed = results.filter((r) => r.passed).length;
  const failed = results.length - passed;
  const percent = coverage.total.length ? (100 * coverage.exercised.length) / coverage.total.length : 100;
  if (opts.format === 'junit') io.stdout(junitReport(results));
  else {
    for (const r of results) {
      io.stdout(`${r.passed ? 'PASS' : 'FAIL'} ${r.name}\n`);
      for (const f of r.failures) io.stdout(`     ${f}\n`);
    }
    const missed = coverage.total.filter((n) => !coverage.exercised.includes(n));
    io.stdout(`router coverage: ${coverage.exercised.length}/${coverage.total.length} (${percent.toFixed(1)} %)\n`);
    for (const m of missed) io.stdout(`  not exercised: ${m}\n`);
    io.stdout(`${passed} passed, ${failed} failed\n`);
  }
  let code = failed > 0 ? 1 : 0;
  if (opts.failUnder !== undefined) {
    const min = Number(opts.failUnder);
    if (!Number.isFinite(min)) throw new UsageError('--fail-under takes a percentage');
    if (percent < min) {
      io.stderr(`router coverage ${percent.toFixed(1)} % is under ${min} %\n`);
      code = 1;
    }
  }
  return code;
}

export function rulesCommand(opts: { jsonl?: boolean | undefined }, io: Io): number {
  if (!opts.jsonl) throw new UsageError('rules needs --jsonl (reads one JSON object per line on standard input)');
  const lines = io.readStdin().split('\n');
  let out = '';
  for (const line of lines) {
    if (line.trim() === '') continue;
    out += runRulesJsonlLine(line) + '\n';
  }
  io.stdout(out);
  return 0;
}
