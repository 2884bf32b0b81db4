// The route test suite of DESIGN.md (`test FILE --cases CASES.yaml`): how cases are read, how each expectation
// is checked against the verdict (with its failure message), and router coverage.
import { describe, expect, it } from 'vitest';
import type { DynamicService } from '../types.ts';
import { compileRouting } from './compile.ts';
import { baseSettings, config, lb, middleware, router } from './fixtures.ts';
import { parseTestCases, routerMatchesExpectation, runTestCases, type TestExpect } from './test-cases.ts';

const origin = (resourceId: string, routeIndex?: number) => ({ resourceId, file: 'a.yaml', range: { start: 0, end: 0 }, ...(routeIndex === undefined ? {} : { routeIndex }) });
const shopSvc: DynamicService = { ...lb('apps-shop-80@kubernetescrd', ['http://10.0.0.7:80']), kubernetesService: { namespace: 'apps', name: 'shop', port: 80 } } as DynamicService;
const wrr: DynamicService = { type: 'weighted', name: 'apps-split@kubernetescrd', services: [{ name: 'apps-shop-80@kubernetescrd', weight: 1 }], origin: origin('TraefikService/apps/split') };
/** Built inside each test: mutation testing switches the code under test on per test. */
const routingOf = () => compileRouting(config({
  routers: [
    router('apps-shop-aaaa@kubernetescrd', 'Host(`shop.com`) && PathPrefix(`/api`)', {
      service: 'apps-split@kubernetescrd', middlewares: ['apps-strip@kubernetescrd'], origin: origin('IngressRoute/apps/shop', 0),
    }),
    router('apps-shop-bbbb@kubernetescrd', 'Host(`shop.com`)', { service: 'apps-shop-80@kubernetescrd', origin: origin('IngressRoute/apps/shop#a.yaml:1', 1) }),
    router('apps-deny-cccc@kubernetescrd', 'Host(`deny.com`)', { middlewares: ['apps-deny@kubernetescrd'], origin: origin('IngressRoute/apps/deny', 0) }),
    router('apps-off-dddd@kubernetescrd', 'Host(`off.com`', { origin: origin('IngressRoute/apps/off', 0) }),
    router('apps-tls-eeee@kubernetescrd', 'Host(`tls.com`)', { tls: true, origin: origin('IngressRoute/apps/tls', 0) }),
  ],
  services: [shopSvc, wrr],
  middlewares: [
    middleware('apps-strip@kubernetescrd', 'stripPrefix', { prefixes: ['/api'] }, 'apps'),
    middleware('apps-deny@kubernetescrd', 'redirectRegex', { regex: '.*', replacement: 'https://else.com/', permanent: false }, 'apps'),
  ],
}), baseSettings());

describe('parseTestCases', () => {
  it('reads a list or a mapping with cases, with defaults', () => {
    const list = parseTestCases('- request: { url: http://a.com/ }\n');
    expect(list).toEqual({ cases: [{ name: 'case 1', request: { method: 'GET', url: 'http://a.com/', headers: {}, clientIP: '192.0.2.1' }, expect: {} }], errors: [] });
    expect(parseTestCases('cases:\n  - request: { url: http://a.com/ }\n').cases).toHaveLength(1);
    expect(parseTestCases('  \n')).toEqual({ cases: [], errors: [] });
  });

  it('reads every request field and expectation', () => {
    const { cases, errors } = parseTestCases(`
- name: all
  request: { url: 'https://a.com/', method: POST, clientIP: 10.0.0.1, sni: b.com, entryPoint: websecure, headers: { X-A: 1, X-B: [1, two] } }
  expect: { router: apps/shop#0, status: 404, service: apps/shop, tlsOption: default, upstreamPath: /x, upstreamHost: a.com, location: 'https://b/', headers: { X-C: 3 } }
- name: no sni
  request: { url: 'https://a.com/', sni: null }
  expect: { router: null }
- name: sni not a string
  request: { url: 'https://a.com/', sni: [x], entryPoint: { a: 1 } }
  expect: { router: [x] }
`);
    expect(errors).toEqual([]);
    expect(cases.map((c) => c.request)).toEqual([
      { method: 'POST', url: 'https://a.com/', headers: { 'X-A': '1', 'X-B': ['1', 'two'] }, clientIP: '10.0.0.1', sni: 'b.com', entryPoint: 'websecure' },
      { method: 'GET', url: 'https://a.com/', headers: {}, clientIP: '192.0.2.1', sni: null },
      { method: 'GET', url: 'https://a.com/', headers: {}, clientIP: '192.0.2.1' },
    ]);
    expect(cases.map((c) => c.expect)).toEqual([
      { router: 'apps/shop#0', status: 404, service: 'apps/shop', tlsOption: 'default', upstreamPath: '/x', upstreamHost: 'a.com', location: 'https://b/', headers: { 'X-C': '3' } },
      { router: null },
      { router: null },
    ]);
  });

  it.each([
    ['cases: [', 'YAML: '],
    ['a: 1', 'expected a list of cases, or a mapping with `cases:`'],
    ['cases: 3', 'expected a list of cases, or a mapping with `cases:`'],
    ['- 3', 'case 1: not a mapping'],
    ['- name: n\n  request: {}', 'n: request.url is required'],
    ['- name: n', 'n: request.url is required'],
    ['- request: { url: http://a/ }\n  expect: { statuss: 1, router: x }', 'case 1: unknown expectation "statuss"'],
  ])('%j → %j', (yaml, error) => {
    const { cases, errors } = parseTestCases(yaml);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.startsWith(error)).toBe(true);
    expect(cases.length).toBeLessThanOrEqual(1);
  });

  it('a YAML error keeps only its first line', () => {
    expect(parseTestCases('cases: [').errors[0]).not.toContain('\n');
  });
});

describe('routerMatchesExpectation', () => {
  it.each([
    ['apps-shop-aaaa@kubernetescrd', 'apps-shop-aaaa@kubernetescrd', true],
    ['apps-shop-aaaa@kubernetescrd', 'apps-shop-aaaa', true],
    ['apps-shop-aaaa@kubernetescrd', 'apps/shop', true],
    ['apps-shop-aaaa@kubernetescrd', 'apps/shop#0', true],
    ['apps-shop-aaaa@kubernetescrd', 'apps/shop#1', false],
    ['apps-shop-bbbb@kubernetescrd', 'apps/shop#1', true],
    ['apps-shop-aaaa@kubernetescrd', 'apps/deny', false],
    ['apps-shop-aaaa@kubernetescrd', 'other/shop', false],
    ['apps-shop-aaaa@kubernetescrd', 'apps/shop/x', false],
    ['apps-shop-aaaa@kubernetescrd', 'apps-shop-bbbb', false],
    ['unknown@kubernetescrd', 'apps/shop', false],
  ])('%s against %s → %s', (actual, expected, ok) => {
    expect(routerMatchesExpectation(routingOf(), actual, expected)).toBe(ok);
  });
});

describe('runTestCases: each expectation', () => {
  const run = (url: string, e: TestExpect, over: { method?: string; sni?: string | null } = {}) =>
    runTestCases(routingOf(), [{ name: 'c', request: { method: over.method ?? 'GET', url, headers: {}, clientIP: '10.0.0.1', ...(over.sni === undefined ? {} : { sni: over.sni }) }, expect: e }]).results[0]!;

  it.each<[string, string, TestExpect, string[]]>([
    ['all met on a forwarded request', 'http://shop.com/api/x?q=1', {
      router: 'apps/shop#0', status: 200, service: 'apps/shop:80', upstreamPath: '/x', upstreamHost: 'shop.com', headers: { 'x-forwarded-prefix': '/api' },
    }, []],
    ['the upstream path with its query when asked', 'http://shop.com/api/x?q=1', { upstreamPath: '/x?q=1' }, []],
    ['service by TraefikService name', 'http://shop.com/api/x', { service: 'apps/split' }, []],
    ['service by Traefik name without provider', 'http://shop.com/api/x', { service: 'apps-shop-80' }, []],
    ['service by Kubernetes Service', 'http://shop.com/', { service: 'apps/shop' }, []],
    ['wrong router, status, service', 'http://shop.com/', { router: 'apps/deny', status: 404, service: 'apps/other' }, [
      'router: expected apps/deny, got apps-shop-bbbb@kubernetescrd',
      'status: expected 404, got 200 (forwarded: the backend status is assumed 200)',
      'service: expected apps/other, got apps-shop-80@kubernetescrd',
    ]],
    ['no router expected', 'http://shop.com/', { router: null }, ['router: expected none, got apps-shop-bbbb@kubernetescrd']],
    ['a router expected, none matched', 'http://none.com/', { router: 'apps/shop', service: 'x', upstreamPath: '/', upstreamHost: 'none.com' }, [
      'router: expected apps/shop, got none', 'service: expected x, got none', 'upstreamPath: expected /, got not forwarded', 'upstreamHost: expected none.com, got not forwarded',
    ]],
    ['no router, as expected', 'http://none.com/', { router: null, status: 404 }, []],
    ['wrong upstream path and host', 'http://shop.com/api/x', { upstreamPath: '/api/x', upstreamHost: 'x.com' }, [
      'upstreamPath: expected /api/x, got /x', 'upstreamHost: expected x.com, got shop.com',
    ]],
    ['a response: location and headers', 'http://deny.com/', { status: 302, location: 'https://else.com/', headers: { location: 'https://else.com/' } }, []],
    ['a response: wrong location and missing header', 'http://deny.com/', { location: 'https://x/', headers: { 'X-Nope': '1', Location: 'y' } }, [
      'header X-Nope: expected "1", got none', 'header Location: expected "y", got "https://else.com/"', 'location: expected https://x/, got https://else.com/',
    ]],
    ['no location on a forwarded request', 'http://shop.com/', { location: 'https://x/' }, ['location: expected https://x/, got none']],
    ['a TLS option on plain HTTP', 'http://shop.com/', { tlsOption: 'default' }, ['tlsOption: expected default, got no TLS']],
    ['a TLS option met', 'https://tls.com/', { tlsOption: 'default@kubernetescrd' }, []],
    ['a TLS option not met', 'https://tls.com/', { tlsOption: 'strict' }, ['tlsOption: expected strict, got default']],
  ])('%s', (_desc, url, e, failures) => {
    const r = run(url, e);
    expect(r.failures).toEqual(failures);
    expect(r.passed).toBe(failures.length === 0);
  });

  it('no response at all', () => {
    const r = run('http://shop.com:81/', { status: 200 });
    expect(r.failures).toHaveLength(1);
    expect(r.failures[0]).toMatch(/^status: expected 200, got no response \(.+\)$/);
  });

  it('headers of a forwarded request, lists joined', () => {
    expect(run('http://shop.com/api/x', { headers: { 'X-Forwarded-Host': 'shop.com' } }).failures).toEqual([]);
  });
});

describe('runTestCases: coverage', () => {
  it('counts served, non-internal routers that won a case', () => {
    const withRedirect = compileRouting(routingOf().config, baseSettings({ entryPoints: [{ name: 'web', port: 80, redirectTo: { to: 'websecure', scheme: 'https', permanent: true } }, { name: 'websecure', port: 443 }] }));
    const { results, coverage } = runTestCases(withRedirect, parseTestCases('- request: { url: http://shop.com/ }\n- request: { url: https://tls.com/ }\n- request: { url: https://tls.com/x }\n').cases);
    expect(results.map((r) => r.verdict.router)).toEqual(['web-to-websecure@internal', 'apps-tls-eeee@kubernetescrd', 'apps-tls-eeee@kubernetescrd']);
    expect(coverage).toEqual({
      exercised: ['apps-tls-eeee@kubernetescrd'],
      total: ['apps-deny-cccc@kubernetescrd', 'apps-shop-aaaa@kubernetescrd', 'apps-shop-bbbb@kubernetescrd', 'apps-tls-eeee@kubernetescrd'],
    });
  });
});
