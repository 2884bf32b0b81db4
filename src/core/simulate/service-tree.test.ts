// Service trees (pkg/server/service/service.go BuildHTTP): what each kind of service resolves to for one
// request: internal, other providers, outside the workspace, missing (the router fails: 500), cycles, fenced
// and assumed servers, failover and mirroring (the main service answers), and the 503 of an empty balancer.
import { describe, expect, it } from 'vitest';
import type { DynamicService } from '../types.ts';
import type { CompiledRouting } from './compiled.ts';
import { config, lb } from './fixtures.ts';
import { lookupService, resolveService } from './service.ts';

const routingOf = (services: DynamicService[], outside: string[] = []) => ({ config: { ...config({ services }), outside } }) as unknown as CompiledRouting;
const E500 = { status: 500, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' }, body: 'Internal Server Error\n' };

describe('services that cannot be walked', () => {
  it.each([
    { desc: 'internal', name: 'api@internal', outside: [], expected: { tree: { type: 'internal', name: 'api@internal', notes: ['Traefik internal service'] }, target: { type: 'internal', service: 'api@internal' }, setCookies: [] } },
    { desc: 'another provider', name: 'x@file', outside: [], expected: { tree: { type: 'missing', name: 'x@file', notes: ['defined by the file provider, outside the workspace: not simulated'] }, target: { type: 'external', service: 'x@file' }, setCookies: [] } },
    { desc: 'outside the workspace', name: 'o-s-80@kubernetescrd', outside: ['o-s-80@kubernetescrd'], expected: { tree: { type: 'missing', name: 'o-s-80@kubernetescrd', notes: ['assumed to exist outside the workspace: its servers are unknown'] }, target: { type: 'external', service: 'o-s-80@kubernetescrd' }, setCookies: [] } },
    { desc: 'missing', name: 'gone@kubernetescrd', outside: [], expected: { tree: { type: 'missing', name: 'gone@kubernetescrd', notes: ['this service does not exist: Traefik refuses the router'] }, target: null, response: E500, setCookies: [] } },
    { desc: 'missing, without a provider', name: 'gone', outside: [], expected: { tree: { type: 'missing', name: 'gone', notes: ['this service does not exist: Traefik refuses the router'] }, target: null, response: E500, setCookies: [] } },
  ])('$desc', ({ name, outside, expected }) => {
    expect(resolveService(routingOf([], outside), name, {})).toEqual(expected);
  });

  it('a cycle of weighted services is a 500 naming the path', () => {
    const a: DynamicService = { type: 'weighted', name: 'a@kubernetescrd', services: [{ name: 'b@kubernetescrd', weight: 1 }] };
    const b: DynamicService = { type: 'weighted', name: 'b@kubernetescrd', services: [{ name: 'a@kubernetescrd', weight: 1 }] };
    const r = resolveService(routingOf([a, b]), 'a@kubernetescrd', {});
    expect(r.response).toEqual(E500);
    expect(r.target).toBeNull();
    expect(JSON.stringify(r.tree)).toContain('service cycle: a@kubernetescrd → b@kubernetescrd → a@kubernetescrd');
  });

  it('lookupService qualifies a child name with its parent\'s provider', () => {
    const child = lb('c@file', ['http://10.0.0.1:80']);
    const routing = routingOf([child]);
    expect(lookupService(routing, 'c', 'p@file')).toBe(child);
    expect(lookupService(routing, 'c')).toBeUndefined();
    expect(lookupService(routing, 'c@kubernetescrd', 'p@file')).toBeUndefined();
    expect(lookupService(routing, 'c', 'p')).toBeUndefined();
  });
});

describe('load balancers', () => {
  it('fenced servers are listed but never chosen; several servers: the pick is unpredictable', () => {
    const svc = lb('s@kubernetescrd', [], { servers: [{ url: 'http://10.0.0.1:80', source: 'endpointslice', fenced: true }, { url: 'http://10.0.0.2:80', source: 'endpointslice' }, { url: 'http://10.0.0.3:80', source: 'assumed' }] });
    expect(resolveService(routingOf([svc]), 's@kubernetescrd', {})).toEqual({
      tree: {
        type: 'loadBalancer', name: 's@kubernetescrd', scheme: 'http', passHostHeader: true, strategy: 'wrr', chosen: 'http://10.0.0.2:80',
        servers: [{ url: 'http://10.0.0.1:80', source: 'endpointslice', fenced: true }, { url: 'http://10.0.0.2:80', source: 'endpointslice' }, { url: 'http://10.0.0.3:80', source: 'assumed' }],
        notes: ['wrr over 2 servers: the first pick is unpredictable (servers are shuffled); http://10.0.0.2:80 is shown', 'server addresses are assumed (the Service/EndpointSlice is not in the workspace)'],
      },
      target: { type: 'server', url: 'http://10.0.0.2:80', passHostHeader: true, service: 's@kubernetescrd' },
      setCookies: [],
    });
  });

  it('no eligible server: 503 no available server', () => {
    const svc = lb('s@kubernetescrd', [], { servers: [{ url: 'http://10.0.0.1:80', source: 'endpointslice', fenced: true }], strategy: '' });
    const r = resolveService(routingOf([svc]), 's@kubernetescrd', {});
    expect(r.response).toEqual({ status: 503, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' }, body: 'no available server\n' });
    expect(r.tree).toMatchObject({ strategy: 'wrr', chosen: null, notes: ['no server: Traefik answers 503 "no available server"'] });
  });
});

describe('failover and mirroring: the main service answers', () => {
  const main = lb('main@kubernetescrd', ['http://10.0.0.1:80']);
  it('failover', () => {
    const f: DynamicService = { type: 'failover', name: 'f@kubernetescrd', service: 'main@kubernetescrd', fallback: 'spare@kubernetescrd' };
    const r = resolveService(routingOf([main, f]), 'f@kubernetescrd', {});
    expect(r.target).toEqual({ type: 'server', url: 'http://10.0.0.1:80', passHostHeader: true, service: 'main@kubernetescrd' });
    expect(r.tree).toMatchObject({
      type: 'failover', name: 'f@kubernetescrd', main: { type: 'loadBalancer', name: 'main@kubernetescrd' },
      fallback: { type: 'missing', name: 'spare@kubernetescrd', notes: ['used only while the main service is unhealthy'] },
      notes: ['main@kubernetescrd while healthy, else spare@kubernetescrd'],
    });
  });

  // failover.go ServeHTTP / response_writer.go: with errors.status the main service's answer in those ranges
  // is discarded and the request replayed on the fallback; the body is buffered (NewReusableRequest: -1 no
  // limit, else over maxRequestBodyBytes → 413 "Request body too large").
  it.each([
    { errors: { status: ['500-504', '404'] }, fallbackNote: 'used while the main service is unhealthy or answers one of the errors statuses', notes: ['main@kubernetescrd while healthy, else spare@kubernetescrd', 'when the main service answers 500-504, 404, its response is discarded and the request is sent again to spare@kubernetescrd (backend statuses are not simulated)', 'the request body is buffered whole to be replayed (maxRequestBodyBytes -1: no limit)'] },
    { errors: { status: ['503'], maxRequestBodyBytes: 0 }, fallbackNote: 'used while the main service is unhealthy or answers one of the errors statuses', notes: ['main@kubernetescrd while healthy, else spare@kubernetescrd', 'when the main service answers 503, its response is discarded and the request is sent again to spare@kubernetescrd (backend statuses are not simulated)', 'a request body over 0 bytes is refused: 413 "Request body too large" (maxRequestBodyBytes)'] },
    { errors: { maxRequestBodyBytes: 1048576 }, fallbackNote: 'used only while the main service is unhealthy', notes: ['main@kubernetescrd while healthy, else spare@kubernetescrd'] },
  ])('failover with errors $errors', ({ errors, fallbackNote, notes }) => {
    const f: DynamicService = { type: 'failover', name: 'f@kubernetescrd', service: 'main@kubernetescrd', fallback: 'spare@kubernetescrd', errors };
    const r = resolveService(routingOf([main, f]), 'f@kubernetescrd', {});
    expect(r.target).toEqual({ type: 'server', url: 'http://10.0.0.1:80', passHostHeader: true, service: 'main@kubernetescrd' });
    expect(r.tree).toMatchObject({ type: 'failover', fallback: { notes: [fallbackNote] } });
    expect(r.tree.type === 'failover' && r.tree.notes).toEqual(notes);
  });

  it('mirroring', () => {
    const m = { type: 'mirroring', name: 'm@kubernetescrd', service: 'main@kubernetescrd', mirrors: [{ name: 'copy@kubernetescrd', percent: 10 }], mirrorBody: false } as unknown as DynamicService;
    const r = resolveService(routingOf([main, m]), 'm@kubernetescrd', {});
    expect(r.target).toMatchObject({ url: 'http://10.0.0.1:80' });
    expect(r.tree).toMatchObject({
      type: 'mirroring', name: 'm@kubernetescrd', main: { name: 'main@kubernetescrd' }, mirrors: [{ name: 'copy@kubernetescrd', percent: 10 }],
      notes: ['10% of requests are copied to copy@kubernetescrd (its response is discarded)', 'mirrors receive no body (mirrorBody: false)'],
    });
  });

  it('a weighted child that is missing passes its 500 up', () => {
    const w: DynamicService = { type: 'weighted', name: 'w@kubernetescrd', services: [{ name: 'gone@kubernetescrd', weight: 1 }] };
    const r = resolveService(routingOf([w]), 'w@kubernetescrd', {});
    expect(r.response).toEqual(E500);
    expect(r.tree).toMatchObject({ type: 'weighted', chosen: 'gone@kubernetescrd', children: [{ name: 'gone@kubernetescrd', weight: 1, percent: 100 }] });
  });
});
