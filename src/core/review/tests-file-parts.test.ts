// Route test files and failure markers on hand-built verdicts and configurations: what a recorded case
// expects, the file text it is saved as, and which routes a failing case marks.
import { describe, expect, it } from 'vitest';
import { config, router } from '../simulate/fixtures.ts';
import type { TestCase, VerdictJson } from '../simulate/index.ts';
import type { SimRequest } from '../simulate/verdict.ts';
import type { DynamicRouter } from '../types.ts';
import { expectedRouters, failuresByRouter, testFailureDiagnostics, unexercised, type CaseResult } from './test-markers.ts';
import { caseFromVerdict, DEFAULT_TESTS_FILE, findTestsFile, routerExpectation, serializeCases, uniqueCaseName } from './tests-file.ts';

const N = (name: string) => `${name}@kubernetescrd`;
const origin = (resourceId: string, routeIndex?: number, file = 'apps.yaml', start = 0) => ({
  resourceId, file, range: { start, end: start + 10 }, ...(routeIndex === undefined ? {} : { routeIndex }),
});
const R = (name: string, o: DynamicRouter['origin']) => router(N(name), 'Host(`a.com`)', { origin: o });

const cfg = config({
  routers: [
    R('shop-web-0', origin('IngressRoute/shop/web', 0, 'shop.yaml', 100)),
    R('shop-web-1', origin('IngressRoute/shop/web', 1, 'shop.yaml', 200)),
    R('shop-other', origin('IngressRoute/shop/other', 0, 'shop.yaml', 300)),
    R('no-index', origin('IngressRoute/shop/x')),
    R('from-ingress', origin('Ingress/shop/web', 0)),
    R('look-alike', origin('NotIngressRoute/shop/web', 0)),
    R('shop-web-12', origin('IngressRoute/shop/web', 12, 'shop.yaml', 400)),
    { ...router('internal@file', 'Host(`i.com`)'), origin: origin('', undefined, '') },
  ],
});

describe('routerExpectation', () => {
  it.each([
    [N('shop-web-1'), 'shop/web#1'],
    [N('shop-web-0'), 'shop/web#0'],
    [N('no-index'), N('no-index')],
    [N('from-ingress'), N('from-ingress')],
    [N('look-alike'), N('look-alike')],
    [N('shop-web-12'), 'shop/web#12'],
    [N('unknown'), N('unknown')],
  ])('%s → %s', (name, expected) => {
    expect(routerExpectation(cfg, name)).toBe(expected);
  });

  it('the Traefik name without a configuration', () => {
    expect(routerExpectation(null, N('shop-web-1'))).toBe(N('shop-web-1'));
    expect(routerExpectation(undefined, N('shop-web-1'))).toBe(N('shop-web-1'));
  });
});

describe('caseFromVerdict on hand-built verdicts', () => {
  const request: SimRequest = { method: 'GET', url: 'https://a.com/x', headers: { 'X-A': '1' }, clientIP: '203.0.113.7' };
  const base: Omit<VerdictJson, 'outcome'> = { entryPoint: 'websecure', tls: null, router: N('shop-web-1'), ranking: [], middlewares: [] };
  const forwarded = (service: string, url: string, headers: Record<string, string | string[]> = {}): VerdictJson => ({
    ...base, outcome: { type: 'forwarded', service, upstream: { method: 'GET', url, headers } },
  });

  it.each<[string, VerdictJson, TestCase['expect']]>([
    ['the route own service is left out', forwarded(N('shop-web-1'), 'http://10.0.0.1:80/x?y=1#f'), { router: 'shop/web#1', upstreamPath: '/x?y=1' }],
    ['another service is kept', forwarded('shop-canary@kubernetescrd', 'http://10.0.0.1:80'), { router: 'shop/web#1', service: 'shop-canary@kubernetescrd', upstreamPath: '/' }],
    ['a service written without its provider is the route own', forwarded('shop-web-1', 'http://10.0.0.1/a#b'), { router: 'shop/web#1', upstreamPath: '/a' }],
    ['an upstream URL that is no URL', forwarded(N('shop-web-1'), '10.0.0.1/x'), { router: 'shop/web#1' }],
    ['an upstream URL that does not start with its scheme', forwarded(N('shop-web-1'), 'see http://10.0.0.1/x'), { router: 'shop/web#1' }],
    ['a forwarded request without a router keeps its service', { ...forwarded('s@file', 'http://10.0.0.1/'), router: null }, { router: null, service: 's@file', upstreamPath: '/' }],
    ['a scheme in upper case', forwarded(N('shop-web-1'), 'HTTP://10.0.0.1/a?b', { Host: 'a.com' }), { router: 'shop/web#1', upstreamPath: '/a?b', upstreamHost: 'a.com' }],
    [
      'the Host header in any case, the first of a list',
      forwarded(N('shop-web-1'), 'http://10.0.0.1/', { 'X-Other': 'x', host: ['b.com', 'c.com'] }),
      { router: 'shop/web#1', upstreamPath: '/', upstreamHost: 'b.com' },
    ],
    [
      'a response with a Location header in lower case',
      { ...base, outcome: { type: 'responded', status: 308, headers: { 'content-type': 'text/plain', location: 'https://a.com/x' }, body: '' } },
      { router: 'shop/web#1', status: 308, location: 'https://a.com/x' },
    ],
    [
      'a Location header as Go writes it',
      { ...base, outcome: { type: 'responded', status: 301, headers: { Location: ['https://a.com/y', 'https://b.com/'] }, body: '' } },
      { router: 'shop/web#1', status: 301, location: 'https://a.com/y' },
    ],
    ['a response without Location', { ...base, router: null, outcome: { type: 'responded', status: 404, headers: {}, body: '' } }, { router: null, status: 404 }],
    ['no response', { ...base, router: null, outcome: { type: 'no-response', reason: 'x' } }, { router: null }],
    [
      'the TLS option of the handshake',
      { ...base, tls: { sni: 'a.com', option: 'shop-modern@kubernetescrd', certificate: null }, outcome: { type: 'no-response', reason: 'x' } },
      { router: 'shop/web#1', tlsOption: 'shop-modern@kubernetescrd' },
    ],
  ])('%s', (_, verdict, expected) => {
    const c = caseFromVerdict('case', request, verdict, cfg);
    // Strict: an expectation the verdict does not give is absent, not undefined.
    expect(c).toStrictEqual({ name: 'case', request, expect: expected });
  });

  it('cleans the request: a default method, no empty entryPoint, SNI kept (null too), headers copied', () => {
    const v = forwarded(N('x'), 'http://10.0.0.1/');
    const headers = { 'X-A': '1' };
    const c = caseFromVerdict('c', { method: '', url: 'https://a.com/', headers, clientIP: '10.0.0.1', entryPoint: '', sni: null }, v);
    expect(c.request).toEqual({ method: 'GET', url: 'https://a.com/', headers: { 'X-A': '1' }, clientIP: '10.0.0.1', sni: null });
    expect(c.request.headers).not.toBe(headers);
    const d = caseFromVerdict('d', { method: 'PUT', url: 'https://a.com/', headers: {}, clientIP: '10.0.0.1', entryPoint: 'websecure', sni: 'b.com' }, v);
    expect(d.request).toEqual({ method: 'PUT', url: 'https://a.com/', headers: {}, clientIP: '10.0.0.1', sni: 'b.com', entryPoint: 'websecure' });
    expect(Object.keys(caseFromVerdict('e', { method: 'GET', url: 'http://a.com/', headers: {}, clientIP: '1.2.3.4' }, v).request)).toEqual(['method', 'url', 'headers', 'clientIP']);
  });
});

describe('serializeCases', () => {
  it('writes the file format byte for byte', () => {
    const cases: TestCase[] = [
      { name: 'home', request: { method: 'GET', url: 'https://a.com/', headers: {}, clientIP: '203.0.113.7' }, expect: { router: 'shop/web#0', status: undefined, tlsOption: 'default' } },
      {
        name: 'api', request: { method: 'POST', url: 'http://a.com/api', headers: { 'X-A': ['1', '2'] }, clientIP: '10.0.0.1', sni: null, entryPoint: 'web' },
        expect: { router: null, status: 404 },
      },
    ];
    expect(serializeCases(cases)).toBe(
      '# Route tests for IngressRoute Studio. Run them in CI with:\n'
      + '#   ingressroute-studio test FILE… --cases <this file> [--fail-under PCT] [--format junit]\n'
      + '- name: home\n  request:\n    method: GET\n    url: https://a.com/\n    clientIP: 203.0.113.7\n  expect:\n    router: shop/web#0\n    tlsOption: default\n'
      + '- name: api\n  request:\n    method: POST\n    url: http://a.com/api\n    headers:\n      X-A:\n        - \'1\'\n        - \'2\'\n    clientIP: 10.0.0.1\n    sni: null\n    entryPoint: web\n'
      + '  expect:\n    router: null\n    status: 404\n',
    );
  });

  it('writes long names on one line, and objects shared by two cases twice', () => {
    const headers = { 'X-A': '1' };
    const name = 'a long case name, '.repeat(6).trim();
    const cases: TestCase[] = ['one', 'two'].map((n) => ({ name: `${name} ${n}`, request: { method: 'GET', url: 'http://a.com/', headers, clientIP: '1.2.3.4' }, expect: {} }));
    const text = serializeCases(cases);
    expect(text).toContain(`- name: ${name} one\n`);
    expect(text.match(/X-A: '1'/g)).toHaveLength(2);
    expect(text).not.toContain('&');
  });

  it('an empty list', () => {
    expect(serializeCases([])).toBe(
      '# Route tests for IngressRoute Studio. Run them in CI with:\n#   ingressroute-studio test FILE… --cases <this file> [--fail-under PCT] [--format junit]\n[]\n',
    );
  });
});

describe('names and files', () => {
  const cases = ['a', 'a (2)', 'b'].map((name): TestCase => ({ name, request: { method: 'GET', url: 'http://a.com/', headers: {}, clientIP: '1.2.3.4' }, expect: {} }));
  it.each([
    ['a', 'a (3)'],
    ['b', 'b (2)'],
    ['c', 'c'],
    ['a (2)', 'a (2) (2)'],
  ])('uniqueCaseName %s → %s', (name, unique) => {
    expect(uniqueCaseName(cases, name)).toBe(unique);
  });

  it.each<[string[], string | undefined]>([
    [['a.yaml', 'x.routes-test.yml', 'y.routes-test.yaml'], 'x.routes-test.yml'],
    [['X.ROUTES-TEST.YAML'], 'X.ROUTES-TEST.YAML'],
    [['routes-test.yaml', 'a.routes-test.yaml.bak', 'a.routes-testyaml'], undefined],
    [[DEFAULT_TESTS_FILE], 'routes.routes-test.yaml'],
  ])('findTestsFile %j', (names, found) => {
    expect(findTestsFile(names.map((name) => ({ name })))?.name).toBe(found);
  });
});

describe('expectedRouters', () => {
  it.each<[string, string[]]>([
    [N('shop-web-1'), [N('shop-web-1')]],
    ['shop-web-1', [N('shop-web-1')]],
    ['shop/web#1', [N('shop-web-1')]],
    ['shop/web#0', [N('shop-web-0')]],
    ['shop/web', [N('shop-web-0'), N('shop-web-1'), N('shop-web-12')]],
    ['shop/web#12', [N('shop-web-12')]],
    ['shop/web#7', []],
    ['shop/we', []],
    ['hop/web', []],
    ['shop/x', [N('no-index')]],
    ['shop/x#0', []],
    ['shop/web#1x', []],
    ['x/shop/web', []],
    ['nobody', []],
  ])('%s', (expected, routers) => {
    expect(expectedRouters(cfg, expected)).toEqual(routers);
  });

  it('a resource id with a suffix after # still names its IngressRoute', () => {
    const c = config({ routers: [R('r', origin('IngressRoute/shop/web#route-2', 2))] });
    expect(expectedRouters(c, 'shop/web#2')).toEqual([N('r')]);
  });
});

describe('failure markers', () => {
  const tc = (name: string, router?: string | null): TestCase => ({
    name, request: { method: 'GET', url: 'http://a.com/', headers: {}, clientIP: '1.2.3.4' }, expect: router === undefined ? {} : { router },
  });
  const res = (name: string, passed: boolean, failures: string[], winner?: string | null): CaseResult => ({
    name, passed, failures, ...(winner === undefined ? {} : { verdict: { router: winner } }),
  });

  it('marks the expected routes and the winner, once per line, skipping passed cases and unknown routers', () => {
    const cases = [tc('one', 'shop/web'), tc('two', N('shop-other')), tc('ok', 'shop/web#0'), tc('three', null)];
    const results = [
      res('one', false, ['router: expected shop/web, got x', 'status: expected 200'], N('shop-other')),
      res('two', false, ['router: expected other'], 'gone@file'),
      res('ok', true, [], N('shop-web-0')),
      res('three', false, ['router: expected none'], N('shop-other')),
    ];
    const map = failuresByRouter(cfg, cases, results);
    expect([...map.entries()]).toEqual([
      [N('shop-web-0'), ['one: router: expected shop/web, got x; status: expected 200']],
      [N('shop-web-1'), ['one: router: expected shop/web, got x; status: expected 200']],
      [N('shop-web-12'), ['one: router: expected shop/web, got x; status: expected 200']],
      [N('shop-other'), ['one: router: expected shop/web, got x; status: expected 200', 'two: router: expected other', 'three: router: expected none']],
    ]);
  });

  it('the same line once when the case expected the router that won', () => {
    const map = failuresByRouter(cfg, [tc('x', 'shop/other#0')], [res('x', false, ['status: expected 200'], N('shop-other'))]);
    expect([...map.entries()]).toEqual([[N('shop-other'), ['x: status: expected 200']]]);
  });

  it('finds the case by name, else by position', () => {
    const cases = [tc('first', 'shop/web#0'), tc('second', 'shop/web#1')];
    expect([...failuresByRouter(cfg, cases, [res('second', false, ['f'])]).keys()]).toEqual([N('shop-web-1')]);
    expect([...failuresByRouter(cfg, cases, [res('renamed', false, ['f'])]).keys()]).toEqual([N('shop-web-0')]);
    expect([...failuresByRouter(cfg, cases, [res('a', false, ['f']), res('b', false, ['f']), res('c', false, ['f'], null)]).keys()]).toEqual([N('shop-web-0'), N('shop-web-1')]);
  });

  it('diagnostics: one line, several lines, none for routers without a file', () => {
    const internal = failuresByRouter(cfg, [tc('i', 'internal@file')], [res('i', false, ['f'])]);
    expect([...internal.keys()]).toEqual(['internal@file']);
    expect(testFailureDiagnostics(cfg, [tc('i', 'internal@file')], [res('i', false, ['f'])])).toEqual([]);
    const cases = [tc('one', 'shop/web#0'), tc('two', 'shop/web#0'), tc('three', 'shop/web#1')];
    const diags = testFailureDiagnostics(cfg, cases, [res('one', false, ['a']), res('two', false, ['b', 'c']), res('three', false, ['d'])]);
    expect(diags).toEqual([
      { code: 'ROUTE_TEST_FAILED', severity: 'error', family: 'runtime', file: 'shop.yaml', range: { start: 100, end: 110 }, message: '2 route tests fail here:\none: a\ntwo: b; c' },
      { code: 'ROUTE_TEST_FAILED', severity: 'error', family: 'runtime', file: 'shop.yaml', range: { start: 200, end: 210 }, message: 'Route test three: d' },
    ]);
  });

  it('unexercised routers keep their order', () => {
    expect(unexercised({ exercised: ['b', 'x'], total: ['c', 'b', 'a'] })).toEqual(['c', 'a']);
    expect(unexercised({ exercised: [], total: [] })).toEqual([]);
  });
});
