// No Traefik counterpart: the route test suite of DESIGN.md (`test FILE --cases CASES.yaml`): requests with
// expectations, run against the compiled routing, with router coverage.
import { load } from 'js-yaml';
import type { CompiledRouting } from './compiled.ts';
import { objOf, strOf, numOf } from './middlewares/kit.ts';
import { simulate } from './simulate.ts';
import type { ServiceNode, SimRequest, Verdict } from './verdict.ts';

export interface TestExpect {
  /** Traefik name (with or without `@kubernetescrd`), `namespace/ingressroute`, or `namespace/ingressroute#N`; null = no router. */
  router?: string | null;
  status?: number;
  service?: string;
  tlsOption?: string;
  upstreamPath?: string;
  upstreamHost?: string;
  headers?: Record<string, string>;
  location?: string;
}

export interface TestCase {
  name: string;
  request: SimRequest;
  expect: TestExpect;
}

export interface TestResult {
  name: string;
  passed: boolean;
  failures: string[];
  verdict: Verdict;
}

function headerRecord(v: unknown): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, val] of Object.entries(objOf(v) ?? {})) out[k] = Array.isArray(val) ? val.map(String) : String(val);
  return out;
}

function parseCase(raw: unknown, i: number, errors: string[]): TestCase | null {
  const o = objOf(raw);
  const where = `case ${i + 1}`;
  if (!o) return (errors.push(`${where}: not a mapping`), null);
  const name = strOf(o['name']) ?? where;
  const req = objOf(o['request']);
  const url = strOf(req?.['url']);
  if (!req || !url) return (errors.push(`${name}: request.url is required`), null);
  const request: SimRequest = { method: (strOf(req['method']) ?? 'GET'), url, headers: headerRecord(req['headers']), clientIP: strOf(req['clientIP']) ?? '192.0.2.1' };
  if (req['sni'] === null) request.sni = null;
  else if (strOf(req['sni']) !== undefined) request.sni = strOf(req['sni'])!;
  if (strOf(req['entryPoint']) !== undefined) request.entryPoint = strOf(req['entryPoint'])!;
  const e = objOf(o['expect']) ?? {};
  const expect: TestExpect = {};
  if ('router' in e) expect.router = e['router'] === null ? null : strOf(e['router']) ?? null;
  const status = numOf(e['status']);
  if (status !== undefined) expect.status = status;
  for (const key of ['service', 'tlsOption', 'upstreamPath', 'upstreamHost', 'location'] as const) {
    const v = strOf(e[key]);
    if (v !== undefined) expect[key] = v;
  }
  if (objOf(e['headers'])) expect.headers = Object.fromEntries(Object.entries(objOf(e['headers'])!).map(([k, v]) => [k, String(v)]));
  for (const key of Object.keys(e)) {
    if (!['router', 'status', 'service', 'tlsOption', 'upstreamPath', 'upstreamHost', 'headers', 'location'].includes(key)) errors.push(`${name}: unknown expectation "${key}"`);
  }
  return { name, request, expect };
}

/**
 * Reads test cases: a YAML list, or a mapping with `cases:`. Never throws.
 *
 * @example
 * parseTestCases('- name: home\n  request: { url: https://shop.example.com/ }\n  expect: { status: 200 }\n').cases.length // 1
 */
export function parseTestCases(yamlText: string): { cases: TestCase[]; errors: string[] } {
  let doc: unknown;
  try {
    doc = yamlText.trim() === '' ? [] : load(yamlText);
  } catch (e) {
    return { cases: [], errors: [`YAML: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`] };
  }
  const list = Array.isArray(doc) ? doc : objOf(doc)?.['cases'];
  if (!Array.isArray(list)) return { cases: [], errors: ['expected a list of cases, or a mapping with `cases:`'] };
  const errors: string[] = [];
  const cases = list.map((c, i) => parseCase(c, i, errors)).filter((c): c is TestCase => c !== null);
  return { cases, errors };
}

const bare = (name: string) => name.replace(/@kubernetescrd$/, '');

/** Whether a router name satisfies a `router` expectation. */
export function routerMatchesExpectation(routing: CompiledRouting, actual: string, expected: string): boolean {
  if (actual === expected || bare(actual) === bare(expected)) return true;
  const m = /^([^/#@]+)\/([^/#@]+)(?:#(\d+))?$/.exec(expected);
  const r = routing.routers[actual]?.router;
  if (!m || !r) return false;
  const id = r.origin.resourceId.replace(/#.*$/, '');
  if (id !== `IngressRoute/${m[1]}/${m[2]}`) return false;
  return m[3] === undefined || r.origin.routeIndex === Number(m[3]);
}

function statusOf(v: Verdict): number | null {
  return v.type === 'responded' ? v.response.status : v.type === 'forwarded' ? 200 : null;
}

/** Names a service expectation may use: Traefik names, `namespace/name` (and `:port`) of the Kubernetes Service or TraefikService. */
function serviceNames(routing: CompiledRouting, v: Verdict): string[] {
  const names: string[] = [];
  const walk = (n: ServiceNode) => {
    names.push(n.name);
    const svc = routing.config.services[n.name];
    const k8s = svc?.type === 'loadBalancer' ? svc.kubernetesService : undefined;
    if (k8s) names.push(`${k8s.namespace}/${k8s.name}`, `${k8s.namespace}/${k8s.name}:${k8s.port}`);
    const id = svc?.origin?.resourceId.replace(/#.*$/, '').split('/');
    if (id && id[0] === 'TraefikService') names.push(`${id[1]}/${id[2]}`);
    if (n.type === 'weighted') n.children.filter((c) => c.name === n.chosen).forEach((c) => walk(c.node));
    if (n.type === 'mirroring' || n.type === 'failover') walk(n.main);
    if (n.type === 'highestRandomWeight') n.children.forEach((c) => walk(c.node));
  };
  if (v.service) walk(v.service.tree);
  return names;
}

function check(routing: CompiledRouting, v: Verdict, e: TestExpect): string[] {
  const f: string[] = [];
  if (e.router !== undefined) {
    if (e.router === null ? v.router !== null : v.router === null || !routerMatchesExpectation(routing, v.router, e.router)) f.push(`router: expected ${e.router ?? 'none'}, got ${v.router ?? 'none'}`);
  }
  if (e.status !== undefined && statusOf(v) !== e.status) f.push(`status: expected ${e.status}, got ${statusOf(v) ?? `no response (${v.type === 'no-response' ? v.reason : ''})`}${v.type === 'forwarded' ? ' (forwarded: the backend status is assumed 200)' : ''}`);
  if (e.service !== undefined) {
    const names = serviceNames(routing, v);
    if (!names.some((s) => s === e.service || bare(s) === bare(e.service!))) f.push(`service: expected ${e.service}, got ${v.service ? names.filter((n) => !n.includes('/')).join(' → ') : 'none'}`);
  }
  if (e.tlsOption !== undefined) {
    const got = v.tls?.option ?? null;
    if (got === null || (got !== e.tlsOption && bare(got) !== bare(e.tlsOption))) f.push(`tlsOption: expected ${e.tlsOption}, got ${got ?? 'no TLS'}`);
  }
  const upstream = v.type === 'forwarded' ? v.upstream : null;
  if (e.upstreamPath !== undefined) {
    const m = upstream ? /^[a-z0-9+.-]+:\/\/[^/]*(\/[^?]*)(\?.*)?$/i.exec(upstream.url) : null;
    const got = m ? (e.upstreamPath.includes('?') ? m[1]! + (m[2] ?? '') : m[1]!) : null;
    if (got !== e.upstreamPath) f.push(`upstreamPath: expected ${e.upstreamPath}, got ${got ?? 'not forwarded'}`);
  }
  if (e.upstreamHost !== undefined && upstream?.host !== e.upstreamHost) f.push(`upstreamHost: expected ${e.upstreamHost}, got ${upstream?.host ?? 'not forwarded'}`);
  if (e.headers) {
    const have = v.type === 'forwarded' ? v.upstream.headers : v.type === 'responded' ? v.response.headers : {};
    const lower = Object.fromEntries(Object.entries(have).map(([k, val]) => [k.toLowerCase(), Array.isArray(val) ? val.join(', ') : val]));
    for (const [k, val] of Object.entries(e.headers)) {
      if (lower[k.toLowerCase()] !== val) f.push(`header ${k}: expected "${val}", got ${lower[k.toLowerCase()] === undefined ? 'none' : `"${lower[k.toLowerCase()]}"`}`);
    }
  }
  if (e.location !== undefined) {
    const loc = v.type === 'responded' ? v.response.headers['Location'] : undefined;
    if (loc !== e.location) f.push(`location: expected ${e.location}, got ${loc ?? 'none'}`);
  }
  return f;
}

/**
 * Runs test cases; coverage counts the served, non-internal routers that handled at least one case.
 *
 * @example
 * const { results, coverage } = runTestCases(routing, parseTestCases(text).cases);
 * results.filter((r) => !r.passed).length
 */
export function runTestCases(routing: CompiledRouting, cases: readonly TestCase[]): {
  results: TestResult[];
  coverage: { exercised: string[]; total: string[] };
} {
  const exercised = new Set<string>();
  const results = cases.map((c) => {
    const verdict = simulate(routing, c.request);
    for (const step of verdict.routing) if (step.winner) exercised.add(step.winner);
    const failures = check(routing, verdict, c.expect);
    return { name: c.name, passed: failures.length === 0, failures, verdict };
  });
  const total = Object.values(routing.routers).filter((r) => !r.internal && r.skipReason === null).map((r) => r.name).sort();
  return { results, coverage: { exercised: total.filter((n) => exercised.has(n)), total } };
}
