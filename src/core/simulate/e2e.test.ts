import { describe, expect, it } from 'vitest';
import { extractResources } from '../model/index.ts';
import { buildDynamicConfig, defaultSettings } from '../provider/index.ts';
import type { Settings } from '../types.ts';
import { parseFile } from '../yaml/index.ts';
import { compileRouting, routingExtrasOf } from './compile.ts';
import { ALICE_PASSWORD, SHOP_YAML } from './e2e-fixture.ts';
import { verdictToJson } from './format.ts';
import { sampleRequests } from './sample.ts';
import { simulate } from './simulate.ts';
import { parseTestCases, runTestCases } from './test-cases.ts';
import type { SimRequest } from './verdict.ts';

function load(text: string, settings: Settings) {
  const { resources } = extractResources([parseFile('shop.yaml', text)]);
  const { config, diagnostics } = buildDynamicConfig(resources, settings, { texts: { 'shop.yaml': text } });
  return { routing: compileRouting(config, settings, routingExtrasOf(resources)), config, diagnostics };
}

const settings: Settings = {
  ...defaultSettings(),
  entryPoints: [
    { name: 'web', port: 80, redirectTo: { to: 'websecure', scheme: 'https', permanent: true } },
    { name: 'websecure', port: 443 },
  ],
};
const { routing, config } = load(SHOP_YAML, settings);
const req = (url: string, over: Partial<SimRequest> = {}): SimRequest => ({ method: 'GET', url, headers: {}, clientIP: '203.0.113.7', ...over });
const basic = (user: string, password: string) => ({ Authorization: 'Basic ' + btoa(`${user}:${password}`) });

describe('end to end from YAML', () => {
  it('the provider output is what the simulator serves', () => {
    expect(Object.values(config.routers).filter((r) => r.disabled)).toEqual([]);
    expect(Object.keys(routing.entryPoints['websecure']!.https.routes.map((r) => r.router.name))).toHaveLength(3);
  });

  it('plain HTTP is redirected to HTTPS by the entryPoint', () => {
    const v = simulate(routing, req('http://shop.example.com/api/orders?page=2'));
    expect(v).toMatchObject({ type: 'responded', router: 'web-to-websecure@internal', response: { status: 301, headers: { Location: 'https://shop.example.com/api/orders?page=2' } } });
  });

  it('the API route: certificate from the Secret, prefix stripped, password checked, Authorization removed', () => {
    const v = simulate(routing, req('https://shop.example.com/api/orders?page=2', { headers: basic('alice', ALICE_PASSWORD) }));
    expect(v.tls).toMatchObject({ option: 'default', certificate: { type: 'store', secret: 'apps/shop-tls' } });
    expect(v.router).toMatch(/^apps-shop-[0-9a-f]{20}@kubernetescrd$/);
    expect(v.middlewares.map((m) => [m.name, m.status])).toEqual([['apps-strip-api@kubernetescrd', 'applied'], ['apps-admins-only@kubernetescrd', 'applied']]);
    expect(v.type === 'forwarded' && v.upstream).toMatchObject({ url: 'http://10.1.0.7:8080/orders?page=2', host: 'shop.example.com' });
    expect(v.type === 'forwarded' && v.upstream.headers['Authorization']).toBeUndefined();
    const bob = simulate(routing, req('https://shop.example.com/api/orders', { headers: basic('bob', 'test') }));
    expect(bob.type).toBe('forwarded');
    expect(simulate(routing, req('https://shop.example.com/api/orders', { headers: basic('alice', 'nope') }))).toMatchObject({ type: 'responded', response: { status: 401 } });
  });

  it('the web route: weighted canary 90/10 with a sticky cookie', () => {
    const v = simulate(routing, req('https://www.shop.example.com/', { headers: { Host: 'shop.example.com' } }));
    expect(v.tls?.sni).toBe('www.shop.example.com');
    expect(v.type).toBe('forwarded');
    expect(v.type === 'forwarded' && v.upstream.url).toBe('http://10.2.0.5:3000/');
    expect(v.service?.tree.type === 'weighted' && v.service.tree.children.map((c) => c.percent)).toEqual([90, 10]);
    // sticky.go: first 16 hex of sha256 of the child as the provider names it, `apps-shop-web-80` (no @kubernetescrd).
    expect(v.type === 'forwarded' && String(v.responseHeaders['Set-Cookie'])).toBe('shop_version=920d31499c2c21cb; Path=/');
  });

  it('admin: strict TLS option, IP allow list, security headers', () => {
    const inside = simulate(routing, req('https://admin.example.com/', { clientIP: '10.20.1.1' }));
    expect(inside.tls).toMatchObject({ option: 'apps-strict@kubernetescrd', certificate: { type: 'none' }, handshake: 'failed' });
    expect(inside.type).toBe('no-response');
  });

  it('admin with a certificate covering it: 403 outside the office, headers inside', () => {
    const certs = { ...config, certificates: [...config.certificates, { secret: 'apps/admin-tls', sans: ['admin.example.com'], present: true }] };
    const r = compileRouting(certs, settings);
    expect(simulate(r, req('https://admin.example.com/'))).toMatchObject({ type: 'responded', response: { status: 403, body: 'Forbidden' } });
    const ok = simulate(r, req('https://admin.example.com/', { clientIP: '10.20.1.1' }));
    expect(ok.type === 'forwarded' && ok.upstream.headers['X-Admin']).toBe('1');
    expect(ok.type === 'forwarded' && ok.responseHeaders).toMatchObject({ 'X-Frame-Options': 'DENY', 'Strict-Transport-Security': 'max-age=63072000' });
    // Host admin.example.com on a connection whose SNI picked the default option: 421.
    expect(simulate(r, req('https://shop.example.com/', { headers: { Host: 'admin.example.com' }, clientIP: '10.20.1.1' }))).toMatchObject({ type: 'responded', cause: 'misdirected' });
  });

  it('every router\'s sample request reaches it', () => {
    const withAdminCert = compileRouting({ ...config, certificates: [...config.certificates, { secret: 'apps/admin-tls', sans: ['admin.example.com'], present: true }] }, settings);
    for (const router of Object.values(config.routers)) {
      for (const sample of sampleRequests(router)) {
        const v = simulate(withAdminCert, { ...sample, clientIP: '10.20.1.1', headers: { ...sample.headers, ...basic('alice', ALICE_PASSWORD) } });
        expect(v.routing[0]?.winner ?? v.router).toBe(router.name);
      }
    }
  });

  it('a test suite against the workspace', () => {
    const { cases } = parseTestCases(`
- name: api
  request: { url: "https://shop.example.com/api/x", headers: { Authorization: "Basic ${btoa(`alice:${ALICE_PASSWORD}`)}" } }
  expect: { router: apps/shop#0, upstreamPath: /x, service: apps/shop-api:8080 }
- name: web
  request: { url: "https://shop.example.com/" }
  expect: { router: apps/shop#1, tlsOption: default, upstreamHost: shop.example.com }
`);
    const { results, coverage } = runTestCases(routing, cases);
    expect(results.map((r) => r.failures)).toEqual([[], []]);
    expect(coverage.exercised).toHaveLength(2);
    expect(coverage.total).toHaveLength(3);
  });

  it('v2.11: the same YAML (Rule kinds set) routes the same way', () => {
    const v2 = load(SHOP_YAML, { ...settings, target: 'v2.11', version: '2.11.50' }).routing;
    const v = simulate(v2, req('https://shop.example.com/api/x', { headers: basic('alice', ALICE_PASSWORD) }));
    expect(verdictToJson(v).outcome).toMatchObject({ type: 'forwarded', upstream: { url: 'http://10.1.0.7:8080/x' } });
  });
});
