import { describe, expect, it } from 'vitest';
import { buildGraph, filterGraph, hideBackends, isFiltering } from './index.ts';
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
