import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { analyze } from '../../core/analyze.ts';
import { defaultSettings } from '../../core/provider/settings.ts';
import { compileRouting, routingExtrasOf, simulate } from '../../core/simulate/index.ts';
import { buildGraph, collapseGroups, type Graph } from '../../core/graph/index.ts';
import { verdictHighlight } from './highlight.ts';
import { nodeClass, nodeForSelection, resolveShown, viewState } from './view-state.ts';

const example = readFileSync(new URL('../../../public/examples/default.yaml', import.meta.url), 'utf8');
const analysis = analyze([{ name: 'example.yaml', text: example }], defaultSettings());
const graph = buildGraph(analysis.config, analysis.resources, analysis.diagnostics);
const routing = compileRouting(analysis.config, analysis.settings, routingExtrasOf(analysis.resources));
const byLabel = (g: Graph, label: string) => g.nodes.find((n) => n.label === label)!;
const byId = (g: Graph) => new Map(g.nodes.map((n) => [n.id, n]));
const request = (url: string, headers: Record<string, string> = {}) => ({ method: 'GET', url, headers, clientIP: '10.20.1.1' });

describe('viewState', () => {
  it('hovering a route lights exactly its path; everything else is left to the canvas to dim', () => {
    const api = byLabel(graph, 'shop/shop-web#1');
    const s = viewState(graph, byId(graph), api.id, undefined, null);
    expect(s.mode).toBe('focus');
    const lit = graph.nodes.filter((n) => s.lit!.nodes.has(n.id)).map((n) => n.label);
    expect(lit).toEqual(expect.arrayContaining(['shop/shop-web#1', 'strip-api', 'security-headers', 'shop/api-canary']));
    expect(lit).not.toContain('shop/shop-web#0');
    expect(nodeClass(api, s)).toBe('gstate-lit');
    expect(nodeClass(byLabel(graph, 'shop/shop-admin#0'), s)).toBe('');
  });

  it('a simulation lights the winner, marks losers, and hovering takes over while it lasts', () => {
    const verdict = simulate(routing, request('https://shop.example.com/api/orders'));
    const h = verdictHighlight(verdict, graph);
    expect(h.winner).toBe(byLabel(graph, 'shop/shop-web#1').routerNames[0]);
    const s = viewState(graph, byId(graph), null, h, null);
    expect(s.mode).toBe('simulation');
    expect(nodeClass(byLabel(graph, 'strip-api'), s)).toBe('gstate-winner');
    expect(nodeClass(byLabel(graph, 'shop/shop-web#0'), s)).toBe('gstate-dim gstate-loser');
    expect(viewState(graph, byId(graph), byLabel(graph, 'shop/shop-admin#0').id, h, null).mode).toBe('focus');
  });

  it('a 404 marks no node (no route took it: entryPoints are not nodes); a 401 stops at the middleware that answered', () => {
    const notFound = verdictHighlight(simulate(routing, request('https://nowhere.example.org/')), graph);
    expect(notFound).toMatchObject({ winner: null, stoppedAt: null });
    const s = viewState(graph, byId(graph), null, notFound, null);
    expect(graph.nodes.filter((n) => nodeClass(n, s) === 'gstate-stopped')).toEqual([]);
    const unauthorized = verdictHighlight(simulate(routing, request('https://admin.shop.example.com/admin')), graph);
    expect(unauthorized.stoppedAt).toEqual({ nodeId: 'middleware:shop-admin-auth@kubernetescrd', status: 401 });
  });

  it('maps a node of the full graph to the collapsed IngressRoute that holds it', () => {
    const web0 = byLabel(graph, 'shop/shop-web#0');
    const collapsed = collapseGroups(graph, new Set([web0.group!]));
    expect(resolveShown(graph, byId(collapsed), web0.id)).toBe(`group:${web0.group}`);
    expect(resolveShown(graph, byId(collapsed), 'middleware:shop-strip-api@kubernetescrd')).toBe('middleware:shop-strip-api@kubernetescrd');
    expect(resolveShown(graph, byId(collapsed), 'nope')).toBeNull();
  });
});

describe('nodeForSelection', () => {
  const web1 = byLabel(graph, 'shop/shop-web#1');
  it.each([
    { desc: 'a node id', selection: { nodeId: 'middleware:shop-to-https@kubernetescrd' }, expected: 'middleware:shop-to-https@kubernetescrd' },
    { desc: 'a router name', selection: { routerName: web1.routerNames[0] }, expected: web1.id },
    { desc: "an IngressRoute: its first route", selection: { resourceId: web1.group }, expected: byLabel(graph, 'shop/shop-web#0').id },
    { desc: 'a Middleware', selection: { resourceId: 'Middleware/shop/strip-api' }, expected: 'middleware:shop-strip-api@kubernetescrd' },
    { desc: 'a TraefikService, not its children', selection: { resourceId: 'TraefikService/shop/api-canary' }, expected: 'service:shop-api-canary@kubernetescrd' },
    { desc: 'the cursor inside route #1', selection: { resourceId: web1.group, file: 'example.yaml', offset: web1.origin!.range.start + 5 }, expected: web1.id },
    { desc: 'nothing', selection: { resourceId: 'Secret/shop/admin-users' }, expected: null },
  ])('$desc', ({ selection, expected }) => {
    expect(nodeForSelection(graph, selection)).toBe(expected);
  });

});
