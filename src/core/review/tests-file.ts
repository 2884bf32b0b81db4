// No Traefik counterpart: the `*.routes-test.yaml` route test suite of DESIGN.md — recording the simulator's
// current verdict as a test case, saving cases, and reading them back (through simulate's parseTestCases).
import { dump } from 'js-yaml';
import { parseTestCases, type TestCase, type TestExpect, type VerdictJson } from '../simulate/index.ts';
import type { SimRequest } from '../simulate/verdict.ts';
import type { DynamicConfig } from '../types.ts';

/** The file a workspace's cases are saved to when it has none yet. */
export const DEFAULT_TESTS_FILE = 'routes.routes-test.yaml';

const HEADER = '# Route tests for IngressRoute Studio. Run them in CI with:\n#   ingressroute-studio test FILE… --cases <this file> [--fail-under PCT] [--format junit]\n';

/**
 * The name a router expectation is written with: `namespace/ingressroute#N` when the router comes from a
 * route of an IngressRoute (stable when the rule text changes), else the Traefik name.
 *
 * @example
 * routerExpectation(config, 'shop-shop-web-1a2b…@kubernetescrd') // 'shop/shop-web#1'
 */
export function routerExpectation(config: DynamicConfig | null | undefined, router: string): string {
  const origin = config?.routers[router]?.origin;
  if (origin?.routeIndex === undefined) return router;
  const m = /^IngressRoute\/([^/#]+)\/([^/#]+)/.exec(origin.resourceId);
  return m ? `${m[1]}/${m[2]}#${origin.routeIndex}` : router;
}

function upstreamParts(url: string): { path: string } | null {
  const m = /^[a-z0-9+.-]+:\/\/[^/]*(\/[^?#]*)?(\?[^#]*)?/i.exec(url);
  if (!m) return null;
  return { path: (m[1] ?? '/') + (m[2] ?? '') };
}

const bare = (name: string) => name.replace(/@kubernetescrd$/, '');

function headerValue(headers: Record<string, string | string[]>, name: string): string | undefined {
  for (const [k, v] of Object.entries(headers)) if (k.toLowerCase() === name.toLowerCase()) return Array.isArray(v) ? v[0] : v;
  return undefined;
}

/**
 * A test case that expects what the simulator answers now: the router, the status Traefik answers with
 * (not for forwarded requests, whose status is the backend's), the TLS option, the service (when it is not
 * just the route's own service), the upstream path and Host, and the redirect Location.
 *
 * @example
 * caseFromVerdict('api orders', request, verdictToJson(simulate(routing, request)), config)
 * // { name: 'api orders', request, expect: { router: 'shop/shop-web#1', tlsOption: 'shop-modern-tls@kubernetescrd', … } }
 */
export function caseFromVerdict(name: string, request: SimRequest, verdict: VerdictJson, config?: DynamicConfig | null): TestCase {
  // Stryker disable next-line ConditionalExpression: routerExpectation of null finds no router and gives null back
  const expect: TestExpect = { router: verdict.router === null ? null : routerExpectation(config, verdict.router) };
  const outcome = verdict.outcome;
  if (outcome.type === 'responded') {
    expect.status = outcome.status;
    const location = headerValue(outcome.headers, 'Location');
    if (location !== undefined) expect.location = location;
  }
  if (verdict.tls) expect.tlsOption = verdict.tls.option;
  if (outcome.type === 'forwarded') {
    // A route with Kubernetes Services gets a service named like its router (hash of the rule included):
    // expecting it would only repeat `router` and break on every edit of the rule.
    if (outcome.service && (verdict.router === null || bare(outcome.service) !== bare(verdict.router))) expect.service = outcome.service;
    const parts = upstreamParts(outcome.upstream.url);
    if (parts) expect.upstreamPath = parts.path;
    const host = headerValue(outcome.upstream.headers, 'Host');
    if (host !== undefined) expect.upstreamHost = host;
  }
  return { name, request: cleanRequest(request), expect };
}

/** The request without empty or undefined fields, headers copied. */
function cleanRequest(r: SimRequest): SimRequest {
  const out: SimRequest = { method: r.method || 'GET', url: r.url, headers: { ...r.headers }, clientIP: r.clientIP };
  if (r.sni !== undefined) out.sni = r.sni;
  if (r.entryPoint !== undefined && r.entryPoint !== '') out.entryPoint = r.entryPoint;
  return out;
}

/** A name not yet used by the cases: `base`, `base (2)`, … */
export function uniqueCaseName(cases: readonly TestCase[], base: string): string {
  const names = new Set(cases.map((c) => c.name));
  if (!names.has(base)) return base;
  for (let i = 2; ; i++) if (!names.has(`${base} (${i})`)) return `${base} (${i})`;
}

/**
 * The cases as the YAML file DESIGN.md describes (a list of `{ name, request, expect }`), with a header
 * comment naming the CLI command.
 *
 * @example
 * serializeCases([caseFromVerdict('home', request, json)]) // '# Route tests…\n- name: home\n  request:\n …'
 */
export function serializeCases(cases: readonly TestCase[]): string {
  const list = cases.map((c) => {
    const request: Record<string, unknown> = { method: c.request.method, url: c.request.url };
    if (Object.keys(c.request.headers).length > 0) request['headers'] = c.request.headers;
    request['clientIP'] = c.request.clientIP;
    // js-yaml's dump leaves out keys whose value is undefined (dump({ a: undefined }) is `{}`): an absent
    // SNI, entryPoint or expectation is not written.
    request['sni'] = c.request.sni;
    request['entryPoint'] = c.request.entryPoint;
    return { name: c.name, request, expect: c.expect };
  });
  // No references between cases that share an object, no folding of long names; `[]` for no case.
  return HEADER + dump(list, { noRefs: true, lineWidth: -1 });
}

/**
 * Reads a `*.routes-test.yaml` file. Never throws; problems come back as messages.
 *
 * @example
 * readCases(serializeCases(cases)).cases // deep-equal to cases
 */
export function readCases(text: string): { cases: TestCase[]; errors: string[] } {
  return parseTestCases(text);
}

/** The workspace's route test file, if any (the first `*.routes-test.yaml`). */
export function findTestsFile<F extends { name: string }>(files: readonly F[]): F | undefined {
  return files.find((f) => /\.routes-test\.ya?ml$/i.test(f.name));
}
