import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DynamicRouter } from '../types.ts';
import { compileRouting } from './compile.ts';
import { baseSettings, config, router } from './fixtures.ts';
import { generateConfig, generateRequests } from './generate.ts';
import { simulate, simulateLinear } from './simulate.ts';
import type { SimRequest, Verdict } from './verdict.ts';

/**
 * fast-check seed: fixed so a failure reproduces (fast-check prints it); FC_SEED=n explores another.
 * FC_RUNS=n caps the runs of each property (mutation testing sets it: every mutant re-runs them).
 */
const runs = (n: number): number => Math.min(n, Number(process.env.FC_RUNS ?? n));
const SEED = Number(process.env.FC_SEED ?? 2104);

const HOSTS = ['a.com', 'b.com', 'x.a.com', 'y.a.com', 'A.com', 'a.com.', 'c.org', '10.0.0.1'];
const q = (s: string) => `\`${s}\``;

const leafArb = fc.oneof(
  fc.constantFrom(...HOSTS).map((h) => `Host(${q(h)})`),
  fc.constantFrom('*.a.com', '*', '*.com').map((h) => `Host(${q(h)})`),
  fc.constantFrom('/', '/a', '/a/b', '/b').map((p) => `PathPrefix(${q(p)})`),
  fc.constantFrom('/a', '/b').map((p) => `Path(${q(p)})`),
  fc.constantFrom('GET', 'POST').map((m) => `Method(${q(m)})`),
  fc.constantFrom('^a\\.', 'com$', '^$').map((r) => `HostRegexp(${q(r)})`),
  fc.constant(`Header(${q('X-T')}, ${q('1')})`),
  fc.constant(`Query(${q('v')})`),
);

const ruleArb: fc.Arbitrary<string> = fc.letrec((tie) => ({
  rule: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leafArb, leafArb, tie('and'), tie('or'), tie('not')),
  and: fc.tuple(tie('rule'), tie('rule')).map(([a, b]) => `${a} && ${b}`),
  or: fc.tuple(tie('rule'), tie('rule')).map(([a, b]) => `(${a} || ${b})`),
  not: tie('rule').map((a) => `!(${a})`),
})).rule as fc.Arbitrary<string>;

const routerArb = fc.record({ rule: ruleArb, priority: fc.constantFrom(0, 0, 0, 5, 20), tls: fc.boolean(), v2: fc.boolean() });

const requestArb: fc.Arbitrary<SimRequest> = fc.record({
  host: fc.constantFrom(...HOSTS, 'z.a.com', 'other.net'),
  path: fc.constantFrom('/', '/a', '/a/b', '/b', '/c'),
  method: fc.constantFrom('GET', 'POST'),
  https: fc.boolean(),
  header: fc.boolean(),
  query: fc.boolean(),
}).map((r) => ({
  method: r.method,
  url: `${r.https ? 'https' : 'http'}://${r.host}${r.path}${r.query ? '?v' : ''}`,
  headers: (r.header ? { 'X-T': '1' } : {}) as Record<string, string>,
  clientIP: '203.0.113.7',
}));

function shape(v: Verdict) {
  return {
    type: v.type,
    router: v.router,
    winners: v.routing.map((s) => s.winner),
    rankings: v.routing.map((s) => s.ranking.map((e) => [e.router, e.priority, e.rank, e.result])),
    nondeterministic: v.routing.map((s) => s.nondeterministic),
    status: v.type === 'responded' ? v.response.status : 0,
  };
}

describe('the host index never changes the outcome (vs Traefik\'s linear scan)', () => {
  it.each([['v3', '3.7.9'], ['v3', '3.6.20'], ['v2.11', '2.11.50']] as const)('random configs and requests, %s %s', (target, version) => {
    fc.assert(
      fc.property(fc.array(routerArb, { minLength: 1, maxLength: 25 }), fc.array(requestArb, { minLength: 1, maxLength: 8 }), (routers, requests) => {
        const list: DynamicRouter[] = routers.map((r, i) => router(`r${i}@kubernetescrd`, r.rule, { priority: r.priority, ...(r.tls ? { tls: true } : {}), ruleSyntax: r.v2 ? 'v2' : 'v3' }));
        const routing = compileRouting(config({ routers: list }), baseSettings({ target, version }));
        for (const request of requests) expect(shape(simulate(routing, request))).toEqual(shape(simulateLinear(routing, request)));
      }),
      { seed: SEED, numRuns: runs(150) },
    );
  });

  it('a generated config of 2,000 routers and 300 requests', () => {
    const conf = generateConfig(2000, 7);
    const routing = compileRouting(conf, baseSettings());
    for (const request of generateRequests(conf, 300, 11)) expect(shape(simulate(routing, request))).toEqual(shape(simulateLinear(routing, request)));
  });
});
