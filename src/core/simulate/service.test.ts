import { describe, expect, it } from 'vitest';
import type { DynamicService } from '../types.ts';
import type { CompiledRouting } from './compiled.ts';
import { config as makeConfig, lb } from './fixtures.ts';
import { buildUpstream } from './backend.ts';
import { parseClientRequest } from './request.ts';
import { runEntryPointPipeline } from './entrypoint.ts';
import { resolveService } from './service.ts';
import { stickyCookieName, stickyCookieValue } from './backend.ts';

const routingOf = (services: DynamicService[]) => ({ config: makeConfig({ services }) }) as unknown as CompiledRouting;

describe('services', () => {
  const web = lb('apps-web-80@kubernetescrd', ['http://10.1.0.7:8080', 'http://10.1.0.8:8080']);
  const canary = lb('apps-web-canary-80@kubernetescrd', ['http://10.1.1.1:8080']);
  const weighted: DynamicService = { type: 'weighted', name: 'apps-split@kubernetescrd', services: [{ name: 'apps-web-80@kubernetescrd', weight: 3 }, { name: 'apps-web-canary-80@kubernetescrd', weight: 1 }, { name: 'apps-off@kubernetescrd', weight: 0 }] };
  const routing = routingOf([web, canary, weighted]);

  it('a load balancer picks a server (first shown, WRR start is unpredictable)', () => {
    const r = resolveService(routing, web.name, {});
    expect(r.target).toEqual({ type: 'server', url: 'http://10.1.0.7:8080', passHostHeader: true, service: web.name });
    expect(r.tree.type === 'loadBalancer' && r.tree.notes.join(' ')).toContain('unpredictable');
  });

  it('weighted children become percentages; weight 0 is never chosen', () => {
    const r = resolveService(routing, weighted.name, {});
    expect(r.tree.type).toBe('weighted');
    if (r.tree.type !== 'weighted') return;
    expect(r.tree.children.map((c) => [c.name, c.percent])).toEqual([['apps-web-80@kubernetescrd', 75], ['apps-web-canary-80@kubernetescrd', 25], ['apps-off@kubernetescrd', 0]]);
    expect(r.tree.chosen).toBe('apps-web-80@kubernetescrd');
  });

  it('an empty load balancer answers 503 no available server', () => {
    const r = resolveService(routingOf([lb('x@kubernetescrd', [])]), 'x@kubernetescrd', {});
    expect(r.response).toMatchObject({ status: 503, body: 'no available server\n' });
  });

  it('sticky cookies: generated name, hashed value, honoured when present', () => {
    const sticky = lb('apps-s@kubernetescrd', ['http://10.0.0.1:80', 'http://10.0.0.2:80'], { sticky: { name: 'my cookie', httpOnly: true, sameSite: 'lax' } });
    const r = routingOf([sticky]);
    const first = resolveService(r, sticky.name, {});
    // Values from Traefik's algorithm (sticky.go sha256Hash: first 16 hex of sha256(server URL)), written out:
    // sha256('http://10.0.0.1:80') = df5bd2f9c0180410…, sha256('http://10.0.0.2:80') = e0c6f0ca44f87f06…
    expect(first.setCookies).toEqual(['my_cookie=df5bd2f9c0180410; Path=/; HttpOnly; SameSite=Lax']);
    const again = resolveService(r, sticky.name, { Cookie: ['a=b; my_cookie=e0c6f0ca44f87f06'] });
    expect(again.target).toMatchObject({ url: 'http://10.0.0.2:80' });
    expect(again.setCookies).toEqual([]);
    // cookie.go GenerateName: '_' + first 5 hex of sha1('_TRAEFIK_BACKEND_' + qualified service name).
    expect(stickyCookieName('', 'apps-s@kubernetescrd')).toBe('_9fe3d');
    expect(stickyCookieValue('http://10.0.0.1:80')).toBe('df5bd2f9c0180410');
  });

  it('mirroring forwards to the main service and describes mirrors', () => {
    const mirror: DynamicService = { type: 'mirroring', name: 'm@kubernetescrd', service: web.name, mirrorBody: true, maxBodySize: -1, mirrors: [{ name: canary.name, percent: 10 }] };
    const r = resolveService(routingOf([web, canary, mirror]), mirror.name, {});
    expect(r.target).toMatchObject({ url: 'http://10.1.0.7:8080' });
    expect(r.tree.type === 'mirroring' && r.tree.mirrors).toEqual([{ name: canary.name, percent: 10 }]);
  });

  it('services of other providers are not simulated; missing CRD services fail', () => {
    expect(resolveService(routing, 'api@file', {}).target).toEqual({ type: 'external', service: 'api@file' });
    expect(resolveService(routing, 'gone@kubernetescrd', {}).response?.status).toBe(500);
    expect(resolveService(routing, 'noop@internal', {}).target).toEqual({ type: 'internal', service: 'noop@internal' });
  });
});

describe('upstream request', () => {
  function request(url: string, headers: Record<string, string> = {}) {
    const p = parseClientRequest({ method: 'GET', url, headers, clientIP: '203.0.113.7' });
    if (!p.ok) throw new Error();
    const r = runEntryPointPipeline(p.value.request, { name: 'web', port: 80 });
    if (!r.ok) throw new Error();
    return r.request;
  }
  it('keeps path and query, passes the Host, appends X-Forwarded-For, drops hop-by-hop headers', () => {
    const up = buildUpstream(request('http://Shop.com/a%2Fb?x=1;y=2', { 'Keep-Alive': '5', Te: 'trailers' }), { url: 'http://10.1.0.7:8080', passHostHeader: true }, false);
    expect(up.url).toBe('http://10.1.0.7:8080/a%2Fb?x=1&y=2');
    expect(up.host).toBe('Shop.com');
    expect(up.headers['X-Forwarded-For']).toBe('203.0.113.7');
    expect(up.headers['Keep-Alive']).toBeUndefined();
    expect(up.headers['X-Forwarded-Host']).toBe('Shop.com');
  });
  it('uses the server address as Host without passHostHeader; can omit X-Forwarded-For', () => {
    const up = buildUpstream(request('http://shop.com/'), { url: 'https://backend.internal:8443', passHostHeader: false }, true);
    expect(up.host).toBe('backend.internal:8443');
    expect(up.url).toBe('https://backend.internal:8443/');
    expect(up.headers['X-Forwarded-For']).toBeUndefined();
  });
});
