import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../analyze.ts';
import { defaultSettings } from '../provider/settings.ts';
import { secretsOf } from '../secrets.ts';
import { compileRouting, runTestCases, simulate, verdictToJson } from '../simulate/index.ts';
import type { SimRequest } from '../simulate/verdict.ts';
import { failuresByRouter, testFailureDiagnostics, unexercised } from './test-markers.ts';
import { caseFromVerdict, findTestsFile, readCases, serializeCases, uniqueCaseName } from './tests-file.ts';

const text = readFileSync(new URL('../../../public/examples/default.yaml', import.meta.url), 'utf8');

function load(yaml: string) {
  const analysis = analyze([{ name: 'default.yaml', text: yaml }], defaultSettings());
  const routing = compileRouting(analysis.config, analysis.settings, { secrets: secretsOf(analysis.resources) });
  return { analysis, routing };
}

const api: SimRequest = { method: 'GET', url: 'https://shop.example.com/api/orders?page=2', headers: {}, clientIP: '203.0.113.7' };
const plain: SimRequest = { method: 'GET', url: 'http://shop.example.com/cart', headers: { 'X-Trace': 'on' }, clientIP: '203.0.113.7', entryPoint: 'web' };

describe('caseFromVerdict', () => {
  const { analysis, routing } = load(text);

  it('records a forwarded request: route, TLS option, service, upstream path and Host', () => {
    const c = caseFromVerdict('api orders', api, verdictToJson(simulate(routing, api)), analysis.config);
    expect(c.name).toBe('api orders');
    expect(c.expect).toMatchObject({ router: 'shop/shop-web#1', tlsOption: 'shop-modern-tls@kubernetescrd', upstreamPath: '/orders?page=2', upstreamHost: 'shop.example.com' });
    expect(c.expect.service).toBe('shop-api-canary@kubernetescrd');
    expect(c.expect.status).toBeUndefined();
    // A route's own service is named like the router: not recorded.
    const status: SimRequest = { method: 'GET', url: 'https://status.example.com/', headers: {}, clientIP: '203.0.113.7' };
    expect(caseFromVerdict('status', status, verdictToJson(simulate(routing, status)), analysis.config).expect.service).toBeUndefined();
  });

  it('records a redirect: status and Location, no upstream', () => {
    const c = caseFromVerdict('to https', plain, verdictToJson(simulate(routing, plain)), analysis.config);
    expect(c.expect).toMatchObject({ router: 'shop/http-to-https#0', status: 301, location: 'https://shop.example.com/cart' });
    expect(c.expect.upstreamPath).toBeUndefined();
    expect(c.request.entryPoint).toBe('web');
  });

  it('records no router for an unknown host, with the Traefik name when no config is given', () => {
    const req: SimRequest = { method: 'GET', url: 'https://nobody.example.org/', headers: {}, clientIP: '203.0.113.7' };
    expect(caseFromVerdict('404', req, verdictToJson(simulate(routing, req))).expect).toMatchObject({ router: null, status: 404 });
    const named = caseFromVerdict('api', api, verdictToJson(simulate(routing, api)));
    expect(named.expect.router).toMatch(/^shop-shop-web-[0-9a-f]{20}@kubernetescrd$/);
  });

  it('recorded cases pass against the config they were recorded from, and fail after a breaking edit', () => {
    const cases = [api, plain].map((r, i) => caseFromVerdict(`case ${i}`, r, verdictToJson(simulate(routing, r)), analysis.config));
    const { results } = runTestCases(routing, cases);
    expect(results.map((r) => r.passed)).toEqual([true, true]);
    const broken = load(text.replace('prefixes:\n      - /api', 'prefixes:\n      - /ap'));
    const after = runTestCases(broken.routing, cases).results;
    expect(after.map((r) => r.passed)).toEqual([false, true]);
    expect(after[0]!.failures.join('\n')).toContain('upstreamPath: expected /orders?page=2');
  });
});

describe('serializeCases / readCases', () => {
  const { analysis, routing } = load(text);
  const cases = [api, plain].map((r, i) => caseFromVerdict(`case ${i}`, r, verdictToJson(simulate(routing, r)), analysis.config));

  it('round-trips through the DESIGN.md file format', () => {
    const yaml = serializeCases(cases);
    expect(yaml.startsWith('# Route tests')).toBe(true);
    expect(yaml).toContain('- name: case 0\n  request:\n    method: GET\n    url: https://shop.example.com/api/orders?page=2');
    const back = readCases(yaml);
    expect(back.errors).toEqual([]);
    expect(back.cases).toEqual(cases);
  });

  it('writes an empty list as a valid file', () => {
    expect(readCases(serializeCases([]))).toEqual({ cases: [], errors: [] });
  });

  it('keeps a null SNI and a null router', () => {
    const c = { name: 'no sni', request: { ...api, sni: null }, expect: { router: null, status: 421 } };
    expect(readCases(serializeCases([c])).cases[0]).toEqual(c);
  });

  it('names and files', () => {
    expect(uniqueCaseName(cases, 'case 0')).toBe('case 0 (2)');
    expect(uniqueCaseName(cases, 'new')).toBe('new');
    expect(findTestsFile([{ name: 'a.yaml' }, { name: 'shop.routes-test.yaml' }])?.name).toBe('shop.routes-test.yaml');
  });
});

describe('markers for failing tests and coverage', () => {
  const { analysis, routing } = load(text);
  const cases = [api, plain].map((r, i) => caseFromVerdict(`case ${i}`, r, verdictToJson(simulate(routing, r)), analysis.config));
  const broken = load(text.replace('PathPrefix(`/api`)', 'PathPrefix(`/apis`)'));
  const run = runTestCases(broken.routing, cases);

  it('marks the expected route and the route that won instead', () => {
    const byRouter = failuresByRouter(broken.analysis.config, cases, run.results);
    const names = [...byRouter.keys()];
    expect(names).toHaveLength(2);
    expect(names.every((n) => n.startsWith('shop-shop-web-'))).toBe(true);
    const diags = testFailureDiagnostics(broken.analysis.config, cases, run.results);
    expect(diags).toHaveLength(2);
    expect(diags[0]).toMatchObject({ code: 'ROUTE_TEST_FAILED', severity: 'error', file: 'default.yaml' });
    expect(diags[0]!.message).toContain('case 0');
  });

  it('lists the routers no case reaches', () => {
    const missed = unexercised(run.coverage);
    expect(missed.some((n) => n.startsWith('platform-status-'))).toBe(true);
    expect(missed.some((n) => n.startsWith('shop-http-to-https-'))).toBe(false);
  });
});
