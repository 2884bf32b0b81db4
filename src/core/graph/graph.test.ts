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
  it('draws the shop: entryPoints, routes, middlewares in order, services and weighted children', () => {
    const g = graphOf(example);
    const kinds = (k: string) => g.nodes.filter((n) => n.kind === k).map((n) => n.label).sort();
    expect(kinds('entryPoint')).toEqual(['web', 'websecure']);
    expect(kinds('router')).toEqual(['platform/status#0', 'shop/http-to-https#0', 'shop/shop-admin#0', 'shop/shop-web#0', 'shop/shop-web#1']);
    expect(kinds('middleware')).toEqual(['shop-admin-auth', 'shop-office-only', 'shop-security-headers', 'shop-strip-api', 'shop-to-https']);
    expect(kinds('missing')).toEqual([]);
    expect(g.nodes.find((n) => n.label === 'shop-security-headers')!.badges.usage).toBe(2);
    expect(g.nodes.find((n) => n.label === 'shop-strip-api')!.detail).toBe('stripPrefix /api');
    expect(g.nodes.find((n) => n.label === 'shop-api-canary')!.detail).toBe('weighted 9:1');
    const api = g.nodes.find((n) => n.label === 'shop/shop-web#1')!;
    const path = pathOf(g, api.routerNames[0]!);
    const labels = g.nodes.filter((n) => path.nodes.has(n.id)).map((n) => n.label);
    expect(labels.sort()).toEqual(['shop-api-canary', 'shop-security-headers', 'shop-strip-api', 'shop/api-v1:8080', 'shop/api-v2:8080', 'shop/shop-web#1', 'websecure', ...labels.filter((l) => l.startsWith('http'))].sort());
    expect(path.edges.has('middleware:shop-strip-api@kubernetescrd->middleware:shop-security-headers@kubernetescrd')).toBe(true);
    expect(g.edges.filter((e) => e.source === 'service:shop-api-canary@kubernetescrd').map((e) => e.label).sort()).toEqual(['10%', '90%']);
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
    expect(g.edges.some((e) => e.source === route.id && e.target === missing.id)).toBe(true);
  });

  it('draws the canary: a mirror over a weighted service', () => {
    const g = graphOf(canary);
    expect(g.edges.find((e) => e.kind === 'mirror')).toMatchObject({ percent: 10, label: 'mirror 10%' });
    expect(g.edges.filter((e) => e.weight !== undefined).map((e) => e.label).sort()).toEqual(['5%', '95%']);
    // mirror → weighted → load balancers: three service sub-columns, every edge pointing right.
    const layout = layoutGraph(g);
    expect(layout.layers.filter((l) => l.column === 3)).toHaveLength(3);
    for (const e of g.edges) expect(layout.positions[e.source]!.x).toBeLessThan(layout.positions[e.target]!.x);
  });

  it('keeps a route in place when its match is edited (its router name changes)', () => {
    const first = layoutGraph(graphOf(example));
    const edited = graphOf(example.replace('match: Host(`status.example.com`)', 'match: Host(`status2.example.com`)'));
    const second = layoutGraph(edited, first);
    expect(second.order).toEqual(first.order);
  });
});
