// No Traefik counterpart: where failing route tests show up in the YAML and on the graph — on the route the
// case expected and on the route that won instead — and which routers no case reaches (coverage).
import { diagnostic } from '../diagnostic.ts';
import type { TestCase } from '../simulate/index.ts';
import type { Diagnostic, DynamicConfig } from '../types.ts';
import { REVIEW_CODES } from './codes.ts';

/** A test result as the panel and the markers need it (simulate's TestResult fits). */
export interface CaseResult {
  name: string;
  passed: boolean;
  failures: string[];
  verdict?: { router: string | null };
}

const bare = (name: string) => name.replace(/@kubernetescrd$/, '');

/**
 * The routers a `router` expectation designates: a Traefik name (with or without `@kubernetescrd`),
 * `namespace/ingressroute` (all its routes) or `namespace/ingressroute#N`.
 *
 * @example
 * expectedRouters(config, 'shop/shop-web#1') // ['shop-shop-web-…@kubernetescrd']
 */
export function expectedRouters(config: DynamicConfig, expected: string): string[] {
  if (config.routers[expected]) return [expected];
  const m = /^([^/#@]+)\/([^/#@]+)(?:#(\d+))?$/.exec(expected);
  return Object.values(config.routers)
    .filter((r) => {
      if (bare(r.name) === bare(expected)) return true;
      if (!m || r.origin.resourceId.split('#', 1)[0] !== `IngressRoute/${m[1]}/${m[2]}`) return false;
      return m[3] === undefined || r.origin.routeIndex === Number(m[3]);
    })
    .map((r) => r.name);
}

/**
 * Failing cases per router: the routers each failing case expected and the router that won instead.
 *
 * @example
 * failuresByRouter(config, cases, results).get('shop-shop-web-…@kubernetescrd') // ['api orders: router: expected …']
 */
export function failuresByRouter(config: DynamicConfig, cases: readonly TestCase[], results: readonly CaseResult[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const add = (router: string, line: string) => {
    if (!config.routers[router]) return;
    const list = out.get(router) ?? [];
    if (!list.includes(line)) list.push(line);
    out.set(router, list);
  };
  results.forEach((result, i) => {
    if (result.passed) return;
    const c = cases.find((x) => x.name === result.name) ?? cases[i];
    const line = `${result.name}: ${result.failures.join('; ')}`;
    if (typeof c?.expect.router === 'string') for (const name of expectedRouters(config, c.expect.router)) add(name, line);
    if (result.verdict?.router) add(result.verdict.router, line);
  });
  return out;
}

/**
 * Diagnostics (`ROUTE_TEST_FAILED`) on the routes failing cases touch, for editor markers and the problems
 * panel; the graph can mark the same routers from `failuresByRouter`.
 *
 * @example
 * testFailureDiagnostics(config, cases, results) // [{ code: 'ROUTE_TEST_FAILED', message: 'Route test "api" fails: …' }]
 */
export function testFailureDiagnostics(config: DynamicConfig, cases: readonly TestCase[], results: readonly CaseResult[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const [router, lines] of failuresByRouter(config, cases, results)) {
    const origin = config.routers[router]!.origin;
    if (origin.file === '') continue;
    const message = lines.length === 1 ? `Route test ${lines[0]}` : `${lines.length} route tests fail here:\n${lines.join('\n')}`;
    out.push(diagnostic(REVIEW_CODES, 'ROUTE_TEST_FAILED', message, origin.file, origin.range));
  }
  return out;
}

/**
 * Routers that no case reaches, from runTestCases' coverage.
 *
 * @example
 * unexercised({ exercised: ['a'], total: ['a', 'b'] }) // ['b']
 */
export function unexercised(coverage: { exercised: readonly string[]; total: readonly string[] }): string[] {
  const hit = new Set(coverage.exercised);
  return coverage.total.filter((n) => !hit.has(n));
}
