import { describe, expect, it } from 'vitest';
import type { Diagnostic, DynamicService } from '../types.ts';
import { buildGraph, collapseGroups, hideBackends, pathOf, type Graph } from './index.ts';
import { config, FILE, ingressRoute, lb, mw, router } from './fixtures.ts';

const K = '@kubernetescrd';
const resources = [ingressRoute('shop', 'web'), ingressRoute('shop', 'admin'), ingressRoute('pay', 'checkout')];

const web = router('shop', 'web', 0, 'Host(`shop.example.com`)', { middlewares: [`shop-headers${K}`], service: `shop-storefront${K}`, tls: { resolvedOptions: 'default' } });
const api = router('shop', 'web', 1, 'Host(`shop.example.com`) && PathPrefix(`/api`)', { middlewares: [`shop-strip${K}`, `shop-headers${K}`], service: `shop-canary${K}`, priority: 100, effectivePriority: 100 });
const admin = router('shop', 'admin', 0, 'Host(`admin.example.com`)', { middlewares: [`shop-secure${K}`, `shop-headers${K}`], service: `shop-admin${K}` });
const broken = router('shop', 'web', 2, 'Host(`old.example.com`)', { middlewares: [`shop-typo${K}`], service: `shop-nope${K}`, disabled: { reason: 'a middleware reference does not resolve', code: 'PROVIDER_ROUTE_SKIPPED' } });
const mirrored = router('pay', 'checkout', 0, 'Host(`pay.example.com`)', { service: `pay-mirror${K}` });
const failover = router('pay', 'checkout', 1, 'Host(`pay.example.com`) && Path(`/health`)', { service: `pay-failover${K}`, middlewares: ['auth@file', `pay-errors${K}`] });
const internal = router('pay', 'checkout', 2, 'Host(`traefik.example.com`)', { service: 'api@internal', entryPoints: ['web', 'websecure'] });

const services: DynamicService[] = [
  lb(`shop-storefront${K}`, 80, ['http://10.0.0.1:3000', 'http://10.0.0.2:3000']),
  lb(`shop-admin${K}`, 8081),
  lb(`shop-apiv1${K}`, 8080, ['http://10.0.1.1:8080']),
  lb(`shop-apiv2${K}`, 8080, ['http://10.0.2.1:8080']),
  { type: 'weighted', name: `shop-canary${K}`, services: [{ name: `shop-apiv1${K}`, weight: 9 }, { name: `shop-apiv2${K}`, weight: 1 }] },
  lb(`pay-v1${K}`, 8080, ['http://10.1.0.1:8080']),
  lb(`pay-shadow${K}`, 8080, ['http://10.1.9.1:8080']),
  { type: 'mirroring', name: `pay-mirror${K}`, service: `pay-v1${K}`, mirrorBody: true, maxBodySize: -1, mirrors: [{ name: `pay-shadow${K}`, percent: 10 }] },
  { type: 'failover', name: `pay-failover${K}`, service: `pay-v1${K}`, fallback: `pay-gone${K}` },
  lb(`pay-errorpage${K}`, 80, ['http://10.1.5.1:80']),
  { type: 'weighted', name: `pay-unused${K}`, services: [{ name: `pay-v1${K}`, weight: 1 }] },
];
const middlewares = [
  mw(`shop-headers${K}`, 'headers', { frameDeny: true, stsSeconds: 31536000 }, 90_000),
  mw(`shop-strip${K}`, 'stripPrefix', { prefixes: ['/api'] }, 91_000),
  mw(`shop-office${K}`, 'ipAllowList', { sourceRange: ['10.20.0.0/16'] }, 92_000),
  mw(`shop-auth${K}`, 'basicAuth', { secret: 'admin-users' }, 93_000),
  mw(`shop-secure${K}`, 'chain', { middlewares: [`shop-office${K}`, `shop-auth${K}`] }, 94_000),
  mw(`pay-errors${K}`, 'errors', { status: ['500-599'], service: `pay-errorpage${K}`, query: '/{status}.html' }, 95_000),
  mw(`shop-unused${K}`, 'addPrefix', { prefix: '/v2' }, 96_000),
];
const cfg = config({ routers: [web, api, admin, broken, mirrored, failover, internal], services, middlewares });

function diag(severity: Diagnostic['severity'], start: number): Diagnostic {
  return { code: 'X', severity, family: 'schema', message: 'x', file: FILE, range: { start, end: start + 1 } };
}
const diagnostics = [diag('error', web.origin.range.start + 3), diag('warning', web.origin.range.start + 5), diag('warning', 91_010), diag('info', 91_011)];
const graph = buildGraph(cfg, resources, diagnostics);
const node = (g: Graph, id: string) => g.nodes.find((n) => n.id === id)!;
const labelsOn = (g: Graph, r: string) => {
  const p = pathOf(g, r);
  return g.nodes.filter((n) => p.nodes.has(n.id)).map((n) => n.label);
};

describe('buildGraph', () => {
  it('puts every kind in its column and names routers after their IngressRoute and route', () => {
    const cols = Object.fromEntries(['entryPoint', 'router', 'middleware', 'service', 'backend'].map((k) => [k, new Set(graph.nodes.filter((n) => n.kind === k).map((n) => n.column))]));
    expect(cols).toEqual({ entryPoint: new Set(), router: new Set([1]), middleware: new Set([0]), service: new Set([2]), backend: new Set([3]) });
    const r = node(graph, `router:${api.name}`);
    expect(r.label).toBe('shop/web#1');
    expect(r.group).toBe('IngressRoute/shop/web');
    expect(r.groupLabel).toBe('shop/web');
    expect(r.namespace).toBe('shop');
    expect(r.detail).toBe('Host(`shop.example.com`) && PathPrefix(`/api`)');
    expect(r.badges.priority).toBe(100);
    expect(r.fullText).toContain('priority 100');
    expect(node(graph, `router:${web.name}`).badges.tls).toBe('default');
    expect(r.layoutKey).toBe('route:IngressRoute/shop/web#1');
    expect(r.entryPoints).toEqual(['websecure']);
    expect(r.chain).toEqual([
      { id: `middleware:shop-strip${K}`, label: 'shop-strip' },
      { id: `middleware:shop-headers${K}`, label: 'shop-headers' },
    ]);
    expect(node(graph, `router:${broken.name}`).chain).toEqual([{ id: `missing:middleware:shop-typo${K}`, label: 'shop-typo', missing: true }]);
  });

  it("joins each of a route's middlewares to it with its chain position, and the route to its service and backends", () => {
    const e = (s: string, t: string) => graph.edges.find((x) => x.source === s && x.target === t);
    const R = `router:${api.name}`;
    expect(e(`middleware:shop-strip${K}`, R)).toMatchObject({ kind: 'chain', order: 1, routers: [api.name] });
    expect(e(`middleware:shop-headers${K}`, R)).toMatchObject({ kind: 'chain', order: 2, routers: [api.name] });
    expect(e(R, `service:shop-canary${K}`)?.kind).toBe('service');
    // The canary's children are rows of its node: their servers hang off it.
    expect(e(`service:shop-canary${K}`, `backend:http://10.0.1.1:8080`)?.routers).toEqual([api.name]);
    expect(graph.nodes.some((n) => n.id === `service:shop-apiv1${K}`)).toBe(false);
    expect(e(`middleware:shop-strip${K}`, `middleware:shop-headers${K}`)).toBeUndefined(); // no chain-through edges between a route's middlewares
  });

  it('joins a chain middleware to its members in order; the route shows the chain as one chip', () => {
    const p = pathOf(graph, admin.name);
    expect([...p.edges].sort()).toEqual(
      [
        `middleware:shop-secure${K}->router:${admin.name}`,
        `middleware:shop-office${K}->middleware:shop-secure${K}`,
        `middleware:shop-auth${K}->middleware:shop-secure${K}`,
        `middleware:shop-headers${K}->router:${admin.name}`,
        `router:${admin.name}->service:shop-admin${K}`,
        `service:shop-admin${K}->backend:http://10.0.0.1:8081`,
      ].sort(),
    );
    expect(graph.edges.find((x) => x.id === `middleware:shop-auth${K}->middleware:shop-secure${K}`)!.order).toBe(2);
    expect(node(graph, `router:${admin.name}`).chain!.map((c) => c.label)).toEqual(['shop-secure', 'shop-headers']);
    expect(node(graph, `middleware:shop-secure${K}`).detail).toBe('chain shop-office, shop-auth');
  });

  it('shares a middleware between routes: one node with a usage count, each path exactly its own', () => {
    const headers = node(graph, `middleware:shop-headers${K}`);
    expect(headers.badges.usage).toBe(3);
    expect(headers.routerNames.sort()).toEqual([web.name, api.name, admin.name].sort());
    // Lighting the API route does not light the storefront's hop out of the shared node.
    const p = pathOf(graph, api.name);
    expect(p.edges.has(`middleware:shop-headers${K}->router:${web.name}`)).toBe(false);
    expect(p.nodes.has(`service:shop-storefront${K}`)).toBe(false);
    expect(labelsOn(graph, api.name).sort()).toEqual(['shop-canary', 'shop-headers', 'shop-strip', 'shop/web#1', 'http://10.0.1.1:8080', 'http://10.0.2.1:8080'].sort());
    // Each route has its own edge from the shared node.
    expect(graph.edges.filter((x) => x.source === `middleware:shop-headers${K}`).map((x) => x.routers)).toEqual([[web.name], [api.name], [admin.name]]);
  });

  it('draws references that do not resolve as missing nodes joined by edges', () => {
    const mwMissing = node(graph, `missing:middleware:shop-typo${K}`);
    const svcMissing = node(graph, `missing:service:shop-nope${K}`);
    expect(mwMissing).toMatchObject({ kind: 'missing', column: 0, missing: 'middleware', label: 'shop-typo' });
    expect(svcMissing).toMatchObject({ kind: 'missing', column: 2, missing: 'service', label: 'shop-nope' });
    expect(pathOf(graph, broken.name).edges).toEqual(new Set([`missing:middleware:shop-typo${K}->router:${broken.name}`, `router:${broken.name}->missing:service:shop-nope${K}`]));
    expect(node(graph, `router:${broken.name}`).badges.disabled).toBe(true);
    // A failover's fallback that does not exist is a missing row of the failover.
    expect(node(graph, `service:pay-failover${K}`).rows).toEqual([
      { label: 'pay/v1:8080', share: 'primary' },
      { label: 'pay-gone', share: 'fallback', missing: true },
    ]);
  });

  it('lists weighted children with their share, mirrors with their percent, inside the parent node', () => {
    expect(node(graph, `service:shop-canary${K}`).rows).toEqual([
      { label: 'shop/apiv1:8080', share: '90%' },
      { label: 'shop/apiv2:8080', share: '10%' },
    ]);
    expect(node(graph, `service:shop-canary${K}`).detail).toBe('weighted 9:1');
    expect(node(graph, `service:pay-mirror${K}`).rows).toEqual([
      { label: 'pay/v1:8080', share: 'main' },
      { label: 'pay/shadow:8080', share: 'mirror 10%' },
    ]);
    expect(labelsOn(graph, mirrored.name)).toEqual(expect.arrayContaining(['pay-mirror', 'http://10.1.0.1:8080', 'http://10.1.9.1:8080']));
  });

  it('draws a nested composite child as a node of its own, joined to its parent', () => {
    const nested = config({
      routers: [router('shop', 'web', 0, 'Host(`a`)', { service: `shop-mirror${K}` })],
      services: [lb(`shop-v1${K}`), lb(`shop-v2${K}`), { type: 'weighted', name: `shop-canary${K}`, services: [{ name: `shop-v1${K}`, weight: 3 }, { name: `shop-v2${K}`, weight: 1 }] }, { type: 'mirroring', name: `shop-mirror${K}`, service: `shop-canary${K}`, mirrorBody: true, maxBodySize: -1, mirrors: [] }],
    });
    const g = buildGraph(nested, resources, []);
    expect(node(g, `service:shop-mirror${K}`).rows).toEqual([{ label: 'shop-canary', share: 'main', id: `service:shop-canary${K}` }]);
    expect(g.edges.find((e) => e.id === `service:shop-mirror${K}->service:shop-canary${K}`)).toMatchObject({ kind: 'child', label: 'main' });
    expect(node(g, `service:shop-canary${K}`).rows!.map((r) => r.share)).toEqual(['75%', '25%']);
  });

  it('shows a middleware its type and key setting, a service its port and scheme', () => {
    expect(node(graph, `middleware:shop-strip${K}`).detail).toBe('stripPrefix /api');
    expect(node(graph, `middleware:shop-office${K}`).detail).toBe('ipAllowList 10.20.0.0/16');
    expect(node(graph, `middleware:pay-errors${K}`).detail).toBe('errors 500-599 → pay-errorpage');
    expect(node(graph, `service:shop-storefront${K}`)).toMatchObject({ label: 'shop/storefront:80', detail: 'http · 2 servers' });
  });

  it('keeps references to other providers as plain nodes, not missing ones', () => {
    expect(node(graph, 'middleware:auth@file')).toMatchObject({ kind: 'middleware', external: true, detail: 'from the file provider' });
    expect(node(graph, 'service:api@internal')).toMatchObject({ kind: 'service', external: true, detail: 'Traefik internal service' });
    expect(graph.nodes.filter((n) => n.kind === 'missing')).toHaveLength(2);
    expect(node(graph, 'middleware:auth@file').ref).toEqual({ kind: 'Middleware', name: 'auth@file' });
  });

  it("follows an errors middleware to its error-page service, on the route's path", () => {
    const e = graph.edges.find((x) => x.id === `middleware:pay-errors${K}->service:pay-errorpage${K}`)!;
    expect(e).toMatchObject({ kind: 'errors', routers: [failover.name] });
  });

  it('counts errors and warnings in each node\'s range', () => {
    expect(node(graph, `router:${web.name}`).badges).toMatchObject({ errors: 1, warnings: 1 });
    expect(node(graph, `router:${api.name}`).badges).toMatchObject({ errors: 0, warnings: 0 });
    expect(node(graph, `middleware:shop-strip${K}`).badges).toMatchObject({ errors: 0, warnings: 1 });
  });

  it('keeps unused middlewares and services, with usage 0', () => {
    expect(node(graph, `middleware:shop-unused${K}`).badges.usage).toBe(0);
    expect(node(graph, `service:pay-unused${K}`).badges.usage).toBe(0);
    expect(graph.edges.find((x) => x.id === `service:pay-unused${K}->backend:http://10.1.0.1:8080`)!.routers).toEqual([]);
  });

  it('names a route\'s entryPoints on the route (no entryPoint nodes)', () => {
    expect(node(graph, `router:${internal.name}`).entryPoints).toEqual(['web', 'websecure']);
    expect(graph.nodes.some((n) => n.kind === 'entryPoint')).toBe(false);
    expect(pathOf(graph, internal.name).nodes).toEqual(new Set([`router:${internal.name}`, 'service:api@internal']));
  });

  it('gives ids derived from Traefik names: building again, or after an unrelated edit, changes no id', () => {
    const again = buildGraph(cfg, resources, []);
    expect(again.nodes.map((n) => n.id)).toEqual(graph.nodes.map((n) => n.id));
    const edited = config({ routers: [{ ...web, priority: 7, effectivePriority: 7 }, api, admin, broken, mirrored, failover, internal], services, middlewares });
    expect(buildGraph(edited, resources, []).nodes.map((n) => n.id)).toEqual(graph.nodes.map((n) => n.id));
  });

  it('marks edges of a node tied to many routes as hub edges', () => {
    const many = Array.from({ length: 40 }, (_, i) => router('shop', 'web', i, `Host(\`h${i}.example.com\`)`, { service: `shop-storefront${K}` }));
    const g = buildGraph(config({ routers: many, services }), resources, []);
    const shared = [mw(`shop-headers${K}`, 'headers', {})];
    const hub = buildGraph(config({ routers: many.map((r) => ({ ...r, middlewares: [`shop-headers${K}`] })), services, middlewares: shared }), resources, []);
    expect(hub.edges.filter((e) => e.source === `middleware:shop-headers${K}`).every((e) => e.hub)).toBe(true);
    expect(g.edges.filter((e) => e.target === `service:shop-storefront${K}`).every((e) => e.hub)).toBe(true);
    expect(g.edges.filter((e) => e.kind === 'server').every((e) => !e.hub)).toBe(true);
  });

  it('collapses an IngressRoute to one node through options.collapsed', () => {
    const g = buildGraph(cfg, resources, diagnostics, { collapsed: ['IngressRoute/shop/web'] });
    const group = node(g, 'group:IngressRoute/shop/web');
    expect(group).toMatchObject({ kind: 'router', label: 'shop/web', detail: 'shop.example.com, old.example.com' });
    expect(group.badges).toMatchObject({ routes: 3, errors: 1, warnings: 1 });
    expect(g.nodes.filter((n) => n.kind === 'router').map((n) => n.label)).toEqual(['shop/web', 'shop/admin#0', 'pay/checkout#0', 'pay/checkout#1', 'pay/checkout#2']);
    expect(g.edges.filter((e) => e.target === group.id).map((e) => e.source).sort()).toEqual([`middleware:shop-headers${K}`, `middleware:shop-strip${K}`, `missing:middleware:shop-typo${K}`].sort());
    expect(group.chain).toBeUndefined();
    // The collapsed node is on the path of each of its routes.
    expect(pathOf(g, api.name).nodes.has(group.id)).toBe(true);
    expect(collapseGroups(graph, new Set())).toBe(graph);
  });

  it('survives cycles (a chain that contains itself, a service that points at itself)', () => {
    const loop = config({
      routers: [router('shop', 'web', 0, 'Host(`a`)', { middlewares: [`shop-loop${K}`], service: `shop-self${K}` })],
      middlewares: [mw(`shop-loop${K}`, 'chain', { middlewares: [`shop-loop${K}`] })],
      services: [{ type: 'weighted', name: `shop-self${K}`, services: [{ name: `shop-self${K}`, weight: 1 }] }],
    });
    const g = buildGraph(loop, resources, []);
    expect(g.nodes.map((n) => n.kind).sort()).toEqual(['middleware', 'router', 'service']);
  });

  it('without backends (options.backends false) is the graph with its backends hidden', () => {
    const full = buildGraph(cfg, resources, diagnostics);
    const without = buildGraph(cfg, resources, diagnostics, { backends: false });
    expect(full.nodes.some((n) => n.kind === 'backend')).toBe(true);
    expect(without).toEqual(hideBackends(full));
  });
});
