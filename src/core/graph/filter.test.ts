import { describe, expect, it } from 'vitest';
import { buildGraph, busiestNamespace, filterGraph, generateGraph, hideBackends, isFiltering, scopeGraph, SCOPE_FROM } from './index.ts';
import { config, ingressRoute, lb, mw, router } from './fixtures.ts';

const K = '@kubernetescrd';
const shopWeb = router('shop', 'web', 0, 'Host(`shop.example.com`)', { service: `shop-front${K}`, middlewares: [`shop-strip${K}`] });
const shopApi = router('shop', 'api', 0, 'Host(`api.example.com`)', { service: `shop-api${K}`, entryPoints: ['web'] });
const pay = router('pay', 'checkout', 0, 'HostRegexp(`^pay-[a-z]+\\.example\\.com$`)', { service: `pay-v1${K}`, middlewares: [`shop-strip${K}`] });
const g = buildGraph(
  config({ routers: [shopWeb, shopApi, pay], services: [lb(`shop-front${K}`), lb(`shop-api${K}`), lb(`pay-v1${K}`, 8080, ['http://10.9.9.9:8080'])], middlewares: [mw(`shop-strip${K}`, 'stripPrefix', { prefixes: ['/api'] })] }),
  [ingressRoute('shop', 'web'), ingressRoute('shop', 'api'), ingressRoute('pay', 'checkout')],
  [],
);
const routers = (f: Parameters<typeof filterGraph>[1]) => filterGraph(g, f).nodes.filter((n) => n.kind === 'router').map((n) => n.label);

describe('hideBackends', () => {
  it('drops backend nodes and server edges, nothing else', () => {
    const h = hideBackends(g);
    expect(h.nodes.map((n) => n.kind).filter((k) => k === 'backend')).toEqual([]);
    expect(h.nodes).toHaveLength(g.nodes.filter((n) => n.kind !== 'backend').length);
    expect(h.edges.map((e) => e.id)).toEqual(g.edges.filter((e) => e.kind !== 'server').map((e) => e.id));
    expect(hideBackends(h)).toBe(h);
  });
});

describe('filterGraph', () => {
  it('returns the graph itself without a filter', () => {
    expect(filterGraph(g, {})).toBe(g);
    expect(filterGraph(g, { text: '  ' })).toBe(g);
    expect(isFiltering({ host: 'x' })).toBe(true);
  });

  it.each([
    { desc: 'entryPoint', filter: { entryPoint: 'web' }, expected: ['shop/api#0'] },
    { desc: 'namespace', filter: { namespace: 'shop' }, expected: ['shop/web#0', 'shop/api#0'] },
    { desc: 'host, from Host()', filter: { host: 'API.example' }, expected: ['shop/api#0'] },
    { desc: 'host, in a HostRegexp', filter: { host: 'pay-' }, expected: ['pay/checkout#0'] },
    { desc: 'text in the route', filter: { text: 'checkout' }, expected: ['pay/checkout#0'] },
    { desc: 'text on the path (a middleware)', filter: { text: 'stripPrefix' }, expected: ['shop/web#0', 'pay/checkout#0'] },
    { desc: 'text on the path (a backend)', filter: { text: '10.9.9' }, expected: ['pay/checkout#0'] },
    { desc: 'all together', filter: { namespace: 'shop', text: 'strip' }, expected: ['shop/web#0'] },
  ])('by $desc', ({ filter, expected }) => {
    expect(routers(filter)).toEqual(expected);
  });

  it('keeps exactly the paths of the routers that pass', () => {
    const f = filterGraph(g, { entryPoint: 'web' });
    expect(f.nodes.map((n) => n.id).sort()).toEqual([`router:${shopApi.name}`, `service:shop-api${K}`, 'backend:http://10.0.0.1:8080'].sort());
    expect(f.edges.every((e) => e.routers.includes(shopApi.name))).toBe(true);
    // A shared node stays, but only the kept routers' edges through it do.
    const s = filterGraph(g, { namespace: 'pay' });
    expect(s.edges.some((e) => e.routers.includes(shopWeb.name) && !e.routers.includes(pay.name))).toBe(false);
  });
});

describe('busiestNamespace', () => {
  it('is the namespace with the most routes, the first by name on a tie', () => {
    expect(busiestNamespace(g)).toBe('shop');
    expect(busiestNamespace(filterGraph(g, { entryPoint: 'websecure' }))).toBe('pay');
    expect(busiestNamespace({ nodes: [], edges: [] })).toBeUndefined();
  });
});

describe('scopeGraph: a large graph leaves the worker as the view of the pane keeps it', () => {
  const large = generateGraph(SCOPE_FROM + 500, 7);
  const routersOf = (graph: typeof large) => graph.nodes.filter((n) => n.kind === 'router');
  const namespaces = [...new Set(routersOf(large).map((n) => n.namespace!))].sort();

  it('gives a graph up to SCOPE_FROM nodes whole, whatever the view, and says what it holds', () => {
    for (const view of [{ filter: {}, all: false }, { filter: { namespace: 'pay' }, all: false }, { filter: {}, all: true, prefer: 'pay' }]) {
      const { graph, scope } = scopeGraph(g, view);
      expect(graph).toBe(g);
      expect(scope).toEqual({ total: g.nodes.length, namespaces: ['pay', 'shop'], entryPoints: ['web', 'websecure'], scoped: false });
    }
  });

  it('opens a large graph on its busiest namespace, or on the one the view prefers when it has routes there', () => {
    expect(namespaces.length).toBeGreaterThan(2);
    const opened = scopeGraph(large, { filter: {}, all: false });
    expect(opened.scope).toMatchObject({ total: large.nodes.length, auto: busiestNamespace(large), scoped: true });
    expect(opened.scope.namespaces).toEqual(namespaces);
    expect(opened.graph).toEqual(filterGraph(large, { namespace: busiestNamespace(large) }));
    expect(opened.graph.nodes.length).toBeLessThan(large.nodes.length / 2);
    const other = namespaces.find((ns) => ns !== busiestNamespace(large))!;
    const preferred = scopeGraph(large, { filter: {}, all: false, prefer: other });
    expect(preferred.scope.auto).toBe(other);
    expect(new Set(routersOf(preferred.graph).map((n) => n.namespace))).toEqual(new Set([other]));
    // A namespace without routes (or none at all) is not opened on.
    expect(scopeGraph(large, { filter: {}, all: false, prefer: 'nowhere' }).scope.auto).toBe(busiestNamespace(large));
  });

  it('keeps what the filters keep, and everything when asked for everything', () => {
    const filter = { entryPoint: 'web', text: 'r1' };
    const filtered = scopeGraph(large, { filter, all: false, prefer: namespaces[0] });
    expect(filtered.graph).toEqual(filterGraph(large, filter));
    expect(filtered.scope.auto).toBeUndefined();
    // The pane filters what it gets again: the same graph.
    expect(filterGraph(filtered.graph, filter)).toEqual(filtered.graph);
    const all = scopeGraph(large, { filter: {}, all: true });
    expect(all.graph).toBe(large);
    expect(all.scope).toMatchObject({ scoped: false, total: large.nodes.length });
  });
});
