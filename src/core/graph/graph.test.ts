import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { analyze } from '../analyze.ts';
import { defaultSettings } from '../provider/settings.ts';
import { buildGraph, collapseGroups, countCrossings, filterGraph, generateGraph, graphToSvg, layoutGraph, pathOf } from './index.ts';
import type { Graph, Layout } from './types.ts';

const example = readFileSync(new URL('../../../public/examples/default.yaml', import.meta.url), 'utf8');
const canary = readFileSync(new URL('../../../public/examples/canary.yaml', import.meta.url), 'utf8');

function graphOf(text: string): Graph {
  const a = analyze([{ name: 'x.yaml', text }], defaultSettings());
  return buildGraph(a.config, a.resources, a.diagnostics);
}

function overlaps(layout: Layout): number {
  const boxes = Object.values(layout.positions);
  let n = 0;
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]!;
      const b = boxes[j]!;
      if (a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height) n++;
    }
  }
  return n;
}

describe('buildGraph', () => {
  it('draws the example: entryPoints, routes, middlewares in order, services and weighted children', () => {
    const g = graphOf(example);
    const kinds = (k: string) => g.nodes.filter((n) => n.kind === k).map((n) => n.label).sort();
    expect(kinds('entryPoint')).toEqual(['web', 'websecure']);
    expect(kinds('router')).toEqual(['platform/status#0', 'shop/http-to-https#0', 'shop/shop-admin#0', 'shop/shop-web#0', 'shop/shop-web#1']);
    expect(kinds('middleware')).toEqual(['shop-admin-auth', 'shop-office-only', 'shop-security-headers', 'shop-strip-api', 'shop-to-https']);
    const shared = g.nodes.find((n) => n.label === 'shop-security-headers')!;
    expect(shared.badges.usage).toBe(2);
    // The API route's chain: router → strip-api → security-headers → api-canary → api-v1 / api-v2.
    const api = g.nodes.find((n) => n.label === 'shop/shop-web#1')!;
    const path = pathOf(g, api.routerNames[0]!);
    const labels = g.nodes.filter((n) => path.nodes.has(n.id)).map((n) => n.label);
    expect(labels).toEqual(expect.arrayContaining(['websecure', 'shop-strip-api', 'shop-security-headers', 'shop-api-canary', 'shop-api-v1-8080', 'shop-api-v2-8080']));
    expect(path.edges.has(`middleware:shop-strip-api@kubernetescrd->middleware:shop-security-headers@kubernetescrd`)).toBe(true);
    expect(labels).not.toContain('shop-office-only');
    const weights = g.edges.filter((e) => e.source === 'service:shop-api-canary@kubernetescrd').map((e) => e.label).sort();
    expect(weights).toEqual(['w 1', 'w 9']);
  });

  it('draws unresolved references as missing nodes and mirrors with their percent', () => {
    const broken = example.replace('- name: strip-api', '- name: strip-apii');
    const g = graphOf(broken + '\n');
    // Traefik skips the route; the graph keeps it, marked not served, with a dashed missing node.
    const route = g.nodes.find((n) => n.label === 'shop/shop-web#1')!;
    expect(route.badges.disabled).toBe(true);
    const missing = g.nodes.find((n) => n.kind === 'missing')!;
    expect(missing.label).toBe('shop-strip-apii');
    expect(g.edges.some((e) => e.source === route.id && e.target === missing.id)).toBe(true);
    const mirror = graphOf(canary);
    expect(mirror.edges.some((e) => e.label === 'mirror 10%')).toBe(true);
    expect(mirror.edges.some((e) => e.label === 'w 95')).toBe(true);
  });
});

describe('layoutGraph', () => {
  it('respects columns and has no overlapping nodes', () => {
    const g = generateGraph(600, 5);
    const layout = layoutGraph(g);
    expect(overlaps(layout)).toBe(0);
    for (const n of g.nodes) expect(layout.positions[n.id]!.x).toBe(n.column * (layout.positions[n.id]!.width + 56));
  });

  it('has fewer crossings than the input order', () => {
    for (const seed of [1, 2, 3]) {
      const g = generateGraph(300, seed);
      const sorted = layoutGraph(g, undefined, 0);
      const swept = layoutGraph(g);
      expect(countCrossings(g, swept)).toBeLessThan(countCrossings(g, sorted));
    }
  });

  it('lays out 5,000 nodes in under 100 ms (median)', () => {
    const g = generateGraph(5000, 9);
    const times: number[] = [];
    for (let i = 0; i < 7; i++) {
      const t = performance.now();
      layoutGraph(g);
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    expect(times[3]).toBeLessThan(100);
  });

  it('is stable: editing one route keeps the order of everything else', () => {
    const before = graphOf(example);
    const first = layoutGraph(before);
    const after = graphOf(example.replace('priority: 100', 'priority: 5'));
    const second = layoutGraph(after, first);
    expect(second.order).toEqual(first.order);
  });
});

describe('filters, collapse and SVG', () => {
  it('filters by namespace and host, and collapses an IngressRoute to one node', () => {
    const g = graphOf(example);
    expect(filterGraph(g, { namespace: 'platform' }).nodes.filter((n) => n.kind === 'router')).toHaveLength(1);
    expect(filterGraph(g, { host: 'admin' }).nodes.filter((n) => n.kind === 'router').map((n) => n.label)).toEqual(['shop/shop-admin#0']);
    const group = g.nodes.find((n) => n.label === 'shop/shop-web#0')!.group!;
    const collapsed = collapseGroups(g, new Set([group]));
    expect(collapsed.nodes.filter((n) => n.kind === 'router')).toHaveLength(4);
    expect(collapsed.nodes.find((n) => n.id === `group:${group}`)!.detail).toBe('2 routes');
  });

  it('exports every node label, escaped', () => {
    const g = graphOf(example);
    g.nodes[0]!.label = '<script>alert(1)</script>';
    const svg = graphToSvg(g, layoutGraph(g));
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;');
    for (const n of g.nodes.slice(1)) expect(svg).toContain(n.label.replace(/&/g, '&amp;'));
  });
});
