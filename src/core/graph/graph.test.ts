// End to end through the real provider: the example documents the app ships → graph → layout.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { analyze } from '../analyze.ts';
import { defaultSettings } from '../provider/settings.ts';
import { buildGraph, layoutGraph, pathOf } from './index.ts';
import type { Graph } from './types.ts';

const example = readFileSync(new URL('../../../public/examples/default.yaml', import.meta.url), 'utf8');
const canary = readFileSync(new URL('../../../public/examples/canary.yaml', import.meta.url), 'utf8');

function graphOf(text: string): Graph {
  const a = analyze([{ name: 'x.yaml', text }], defaultSettings());
  return buildGraph(a.config, a.resources, a.diagnostics);
}

describe('the example documents', () => {
  it('draws the shop: routes with their chains and entryPoints, middlewares, services with weighted children', () => {
    const g = graphOf(example);
    const kinds = (k: string) => g.nodes.filter((n) => n.kind === k).map((n) => n.label).sort();
    expect(kinds('entryPoint')).toEqual([]);
    expect(kinds('router')).toEqual(['platform/status#0', 'shop/http-to-https#0', 'shop/shop-admin#0', 'shop/shop-web#0', 'shop/shop-web#1']);
    expect(kinds('middleware')).toEqual(['admin-auth', 'office-only', 'security-headers', 'strip-api', 'to-https']);
    // The CRD provider makes a service per route for each Kubernetes Service it names (as Traefik does).
    expect(kinds('service')).toEqual(['platform/status-page:8080', 'shop/admin:http', 'shop/api-canary', 'shop/storefront:80', 'shop/storefront:80']);
    expect(kinds('missing')).toEqual([]);
    expect(g.nodes.find((n) => n.label === 'security-headers')!.badges.usage).toBe(2);
    expect(g.nodes.find((n) => n.label === 'strip-api')!).toMatchObject({ detail: 'stripPrefix /api', ref: { kind: 'Middleware', name: 'strip-api', namespace: 'shop' } });
    const canary = g.nodes.find((n) => n.label === 'shop/api-canary')!;
    expect(canary).toMatchObject({ detail: 'weighted 9:1', ref: { kind: 'TraefikService', name: 'api-canary', namespace: 'shop' } });
    expect(canary.rows).toEqual([
      { label: 'shop/api-v1:8080', share: '90%' },
      { label: 'shop/api-v2:8080', share: '10%' },
    ]);
    expect(g.nodes.find((n) => n.label === 'shop/storefront:80')!.ref).toEqual({ kind: 'Service', name: 'storefront', namespace: 'shop', port: 80 });
    const api = g.nodes.find((n) => n.label === 'shop/shop-web#1')!;
    expect(api.entryPoints).toEqual(['websecure']);
    expect(api.chain!.map((c) => c.label)).toEqual(['strip-api', 'security-headers']);
    const path = pathOf(g, api.routerNames[0]!);
    const labels = g.nodes.filter((n) => path.nodes.has(n.id)).map((n) => n.label);
    expect(labels.sort()).toEqual(['shop/api-canary', 'security-headers', 'strip-api', 'shop/shop-web#1', ...labels.filter((l) => l.startsWith('http'))].sort());
    expect(path.edges.has(`middleware:shop-strip-api@kubernetescrd->${api.id}`)).toBe(true);
    const layout = layoutGraph(g);
    expect(layout.groups.map((b) => b.label).sort()).toEqual(['platform/status', 'shop/http-to-https', 'shop/shop-admin', 'shop/shop-web']);
  });

  it('draws a typo as a missing node on the route it breaks', () => {
    const g = graphOf(example.replace('- name: strip-api', '- name: strip-apii'));
    const route = g.nodes.find((n) => n.label === 'shop/shop-web#1')!;
    expect(route.badges.disabled).toBe(true);
    expect(route.badges.errors).toBeGreaterThan(0);
    const missing = g.nodes.find((n) => n.kind === 'missing')!;
    expect(missing).toMatchObject({ label: 'shop-strip-apii', missing: 'middleware' });
    expect(g.edges.some((e) => e.source === missing.id && e.target === route.id)).toBe(true);
    expect(route.chain![0]).toEqual({ id: missing.id, label: 'shop-strip-apii', missing: true });
  });

  it('draws the canary: a mirror over a weighted service, children listed inside their parents', () => {
    const g = graphOf(canary);
    const mirror = g.nodes.find((n) => n.rows?.some((r) => r.share === 'mirror 10%'))!;
    expect(mirror.rows!.map((r) => r.share)).toEqual(['main', 'mirror 10%']);
    const weighted = g.nodes.find((n) => n.id === mirror.rows![0]!.id)!;
    expect(weighted.rows!.map((r) => r.share)).toEqual(['95%', '5%']);
    // mirror → weighted: two service sub-columns, every edge pointing right.
    const layout = layoutGraph(g);
    expect(layout.layers.filter((l) => l.column === 2)).toHaveLength(2);
    for (const e of g.edges) expect(layout.positions[e.source]!.x).toBeLessThan(layout.positions[e.target]!.x);
  });

  it('keeps a route in place when its match is edited (its router name changes)', () => {
    const first = layoutGraph(graphOf(example));
    const edited = graphOf(example.replace('match: Host(`status.example.com`)', 'match: Host(`status2.example.com`)'));
    const second = layoutGraph(edited, first);
    expect(second.order).toEqual(first.order);
  });
});
