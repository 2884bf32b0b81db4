import { beforeAll, describe, expect, it } from 'vitest';
import type { CompiledRouting } from './compiled.ts';
import { compileRouting } from './compile.ts';
import { baseSettings, config, lb, middleware, router, tlsOption } from './fixtures.ts';
import { formatVerdict, verdictToJson } from './format.ts';
import { sampleRequests, exampleFromPattern } from './sample.ts';
import { simulate } from './simulate.ts';
import { parseTestCases, runTestCases } from './test-cases.ts';

const conf = config({
  routers: [
    router('apps-shop-0123456789abcdef0123@kubernetescrd', 'Host(`shop.example.com`) && PathPrefix(`/api`)', {
      tls: true, middlewares: ['apps-strip@kubernetescrd'], origin: { resourceId: 'IngressRoute/apps/shop', file: 'a.yaml', range: { start: 0, end: 1 }, routeIndex: 0 },
    }),
    router('apps-shop-fedcba9876543210fedc@kubernetescrd', 'Host(`shop.example.com`)', {
      tls: true, origin: { resourceId: 'IngressRoute/apps/shop', file: 'a.yaml', range: { start: 0, end: 1 }, routeIndex: 1 },
    }),
    router('apps-admin-aaaaaaaaaaaaaaaaaaaa@kubernetescrd', 'Host(`admin.example.com`) && ClientIP(`10.0.0.0/8`) && Method(`POST`) && Header(`X-Token`, `t`) && Query(`debug`, `1`)', { options: 'apps-modern@kubernetescrd' }),
  ],
  services: [lb('apps-shop-0123456789abcdef0123@kubernetescrd', ['http://10.1.0.7:8080'])],
  middlewares: [middleware('apps-strip@kubernetescrd', 'stripPrefix', { prefixes: ['/api'] }, 'apps')],
  tlsOptions: [tlsOption('apps-modern@kubernetescrd')],
  certificates: [{ secret: 'apps/shop-tls', sans: ['shop.example.com'], present: true }],
});
// Built in a hook, not at module level: Stryker switches a mutant on in a beforeAll, after module code has run.
let routing: CompiledRouting;
beforeAll(() => {
  routing = compileRouting(conf, baseSettings({ entryPoints: [{ name: 'web', port: 80, redirectTo: { to: 'websecure', scheme: 'https', permanent: true } }, { name: 'websecure', port: 443 }] }));
});

describe('verdictToJson', () => {
  it('has exactly the DESIGN.md keys', () => {
    const json = verdictToJson(simulate(routing, { method: 'GET', url: 'https://shop.example.com/api/cart', headers: {}, clientIP: '203.0.113.7' }));
    expect(Object.keys(json)).toEqual(['entryPoint', 'tls', 'router', 'ranking', 'middlewares', 'outcome']);
    expect(json.entryPoint).toBe('websecure');
    expect(json.tls).toEqual({ sni: 'shop.example.com', option: 'default', certificate: 'apps/shop-tls' });
    expect(json.router).toBe('apps-shop-0123456789abcdef0123@kubernetescrd');
    expect(Object.keys(json.ranking[0]!)).toEqual(['router', 'priority', 'result', 'because']);
    expect(json.middlewares).toEqual([{ name: 'apps-strip@kubernetescrd', effect: expect.stringContaining('stripped "/api"') }]);
    expect(json.outcome).toMatchObject({ type: 'forwarded', service: 'apps-shop-0123456789abcdef0123@kubernetescrd', upstream: { method: 'GET', url: 'http://10.1.0.7:8080/cart', headers: { Host: 'shop.example.com' } } });
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });
  it('describes Traefik\'s own responses and refused connections', () => {
    expect(verdictToJson(simulate(routing, { method: 'GET', url: 'http://shop.example.com/x', headers: {}, clientIP: '1.2.3.4' })).outcome)
      .toEqual({ type: 'responded', status: 301, headers: { Location: 'https://shop.example.com/x' }, body: 'Moved Permanently' });
    expect(verdictToJson(simulate(routing, { method: 'GET', url: 'http://a.com:81/', headers: {}, clientIP: '1.2.3.4' }))).toMatchObject({ entryPoint: null, outcome: { type: 'no-response' } });
  });
});

describe('formatVerdict', () => {
  it('prints every step', () => {
    const text = formatVerdict(simulate(routing, { method: 'GET', url: 'https://shop.example.com/api/cart', headers: {}, clientIP: '203.0.113.7' }));
    for (const part of ['1 entryPoint  websecure', '2 TLS', '3 request', '4 routing', '5 421 check', '6 middlewares', '7 service', '→ forwarded: GET http://10.1.0.7:8080/cart']) expect(text).toContain(part);
    // Numbered as printed: consecutive, whichever steps the verdict has.
    const numbers = text.split('\n').map((l) => /^(\d+) /.exec(l)?.[1]).filter((x) => x !== undefined).map(Number);
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
  });
});

describe('sampleRequests', () => {
  it('derives host, path, method, headers, query and client IP from the rule', () => {
    const admin = conf.routers['apps-admin-aaaaaaaaaaaaaaaaaaaa@kubernetescrd']!;
    expect(sampleRequests(admin)).toEqual([{ method: 'POST', url: 'https://admin.example.com/?debug=1', headers: { 'X-Token': 't' }, clientIP: '10.0.0.1', entryPoint: 'websecure' }]);
  });
  it('one sample per alternative, and each sample is routed to its router', () => {
    const r = router('x@kubernetescrd', '(Host(`a.com`) || Host(`*.b.com`)) && !PathPrefix(`/`) || PathRegexp(`^/api/v[0-9]+/`)');
    const samples = sampleRequests(r);
    expect(samples.map((s) => s.url)).toEqual(['http://a.com/other', 'http://www.b.com/other', 'http://example.com/api/v1/']);
    const many = router('m@kubernetescrd', 'Host(`m.com`) && (Path(`/a`) || Path(`/b`))');
    const rt = compileRouting(config({ routers: [many] }), baseSettings());
    for (const s of sampleRequests(many)) expect(simulate(rt, s).router).toBe('m@kubernetescrd');
  });
  it('turns simple regexes and v2 templates into examples', () => {
    expect(exampleFromPattern('^/users/[0-9]+$')).toBe('/users/1');
    expect(exampleFromPattern('{sub:[a-z]+}.example.com')).toBe('a.example.com');
    expect(exampleFromPattern('^(?:foo|bar)\\.com$')).toBe('foo.com');
    expect(exampleFromPattern('a(?=b)')).toBeUndefined();
  });
});

describe('test cases', () => {
  const yaml = `
cases:
  - name: api goes to the first route, path stripped
    request: { url: https://shop.example.com/api/cart }
    expect: { router: apps/shop#0, status: 200, service: apps-shop-0123456789abcdef0123, tlsOption: default, upstreamPath: /cart, upstreamHost: shop.example.com, headers: { X-Forwarded-Prefix: /api } }
  - name: home goes to the second route
    request: { url: https://shop.example.com/ }
    expect: { router: apps/shop#1 }
  - name: plain http is redirected
    request: { url: http://shop.example.com/x, method: POST }
    expect: { status: 308, location: https://shop.example.com/x, router: web-to-websecure@internal }
  - name: wrong expectation
    request: { url: https://nothing.example.com/ }
    expect: { router: apps/shop, status: 200 }
`;
  it('parses cases and reports unknown expectations', () => {
    const { cases, errors } = parseTestCases(yaml);
    expect(cases).toHaveLength(4);
    expect(errors).toEqual([]);
    expect(cases[0]!.request).toEqual({ method: 'GET', url: 'https://shop.example.com/api/cart', headers: {}, clientIP: '192.0.2.1' });
    expect(parseTestCases('- name: x\n  request: { url: http://a.com/ }\n  expect: { statuss: 200 }\n').errors).toEqual(['x: unknown expectation "statuss"']);
    expect(parseTestCases('cases: [').errors[0]).toContain('YAML');
    expect(parseTestCases('- request: {}').errors[0]).toContain('request.url is required');
  });
  it('runs them with coverage', () => {
    const { results, coverage } = runTestCases(routing, parseTestCases(yaml).cases);
    expect(results.map((r) => r.passed)).toEqual([true, true, true, false]);
    expect(results[3]!.failures).toEqual(['router: expected apps/shop, got none', 'status: expected 200, got 404']);
    expect(coverage.exercised).toEqual(['apps-shop-0123456789abcdef0123@kubernetescrd', 'apps-shop-fedcba9876543210fedc@kubernetescrd']);
    expect(coverage.total).toHaveLength(3);
  });
});

describe('never throws', () => {
  it('on malformed requests and configurations', () => {
    const bad = { method: 7, url: 42, headers: null, clientIP: undefined } as unknown as Parameters<typeof simulate>[1];
    expect(simulate(routing, bad)).toMatchObject({ type: 'no-response', cause: 'invalid-request' });
    const broken = { ...conf, routers: { x: { ...conf.routers['apps-admin-aaaaaaaaaaaaaaaaaaaa@kubernetescrd']!, rule: undefined as unknown as string, middlewares: undefined as unknown as string[] } } };
    const r = compileRouting(broken, baseSettings());
    expect(simulate(r, { method: 'GET', url: 'https://admin.example.com/', headers: {}, clientIP: '10.0.0.1' }).type).toBeDefined();
    expect(sampleRequests(broken.routers.x)).toBeInstanceOf(Array);
  });
});
