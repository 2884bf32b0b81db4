import { describe, expect, it } from 'vitest';
import { buildGraph, CHIP_HEIGHT, countCrossings, generateGraph, GROUP_HEADER, layoutGraph, nodeHeight, type Graph, type Layout } from './index.ts';
import { config, ingressRoute, lb, mw, router } from './fixtures.ts';
import { countWork } from '../robustness/work.ts';

const K = '@kubernetescrd';

/** Overlapping node boxes, by a sweep over each layer (boxes of different layers never share x). */
function overlaps(graph: Graph, layout: Layout): string[] {
  const out: string[] = [];
  const boxes = graph.nodes.map((n) => ({ id: n.id, ...layout.positions[n.id]! })).sort((a, b) => a.x - b.x || a.y - b.y);
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length && boxes[j]!.x < boxes[i]!.x + boxes[i]!.width; j++) {
      const a = boxes[i]!;
      const b = boxes[j]!;
      if (a.y < b.y + b.height && b.y < a.y + a.height) out.push(`${a.id} / ${b.id}`);
    }
  }
  return out;
}

function columnsRespected(graph: Graph, layout: Layout): boolean {
  const right = new Map<number, number>();
  const left = new Map<number, number>();
  for (const n of graph.nodes) {
    const p = layout.positions[n.id]!;
    left.set(n.column, Math.min(left.get(n.column) ?? Infinity, p.x));
    right.set(n.column, Math.max(right.get(n.column) ?? -Infinity, p.x + p.width));
  }
  const cols = [...left.keys()].sort();
  return cols.every((c, k) => k === 0 || left.get(c)! > right.get(cols[k - 1]!)!);
}

/** A shop of `n` IngressRoutes with two routes each, sharing middlewares and services. */
function shop(n: number, patch: (i: number) => Partial<Parameters<typeof router>[4]> = () => ({})) {
  const resources = Array.from({ length: n }, (_, i) => ingressRoute(i % 3 ? 'shop' : 'pay', `ir${i}`));
  const routers = resources.flatMap((r, i) => [
    router(r.metadata.namespace, r.metadata.name, 0, `Host(\`a${i}.example.com\`)`, { middlewares: i % 2 ? [`shop-headers${K}`] : [], service: `shop-svc${i % 7}${K}`, ...patch(i) }),
    router(r.metadata.namespace, r.metadata.name, 1, `Host(\`a${i}.example.com\`) && PathPrefix(\`/api\`)`, { middlewares: [`shop-strip${K}`, `shop-headers${K}`], service: `shop-api${i % 5}${K}` }),
  ]);
  const services = [...Array.from({ length: 7 }, (_, i) => lb(`shop-svc${i}${K}`, 80, [`http://10.0.0.${i}:80`])), ...Array.from({ length: 5 }, (_, i) => lb(`shop-api${i}${K}`, 8080, [`http://10.0.1.${i}:8080`]))];
  const middlewares = [mw(`shop-headers${K}`, 'headers', {}), mw(`shop-strip${K}`, 'stripPrefix', { prefixes: ['/api'] })];
  return { resources, cfg: config({ routers, services, middlewares }) };
}

describe('layoutGraph', () => {
  it.each([
    ['a built shop', buildGraph(shop(12).cfg, shop(12).resources, [])],
    ['a generated graph of 600 nodes', generateGraph(600, 5)],
    ['a generated graph of 3,000 nodes', generateGraph(3000, 11)],
  ])('%s: no overlapping nodes, columns respected, every edge points right', (_, g) => {
    const layout = layoutGraph(g);
    expect(overlaps(g, layout)).toEqual([]);
    expect(columnsRespected(g, layout)).toBe(true);
    for (const e of g.edges) if (e.source !== e.target) expect(layout.positions[e.source]!.x).toBeLessThan(layout.positions[e.target]!.x);
    for (const n of g.nodes) expect(layout.positions[n.id]!.height).toBe(nodeHeight(n));
    // The layers partition the nodes, and each layer holds one column.
    expect(layout.layers.flatMap((l) => l.ids).sort()).toEqual(g.nodes.map((n) => n.id).sort());
    for (const l of layout.layers) expect(new Set(l.ids.map((id) => g.nodes.find((n) => n.id === id)!.column))).toEqual(new Set([l.column]));
  });

  it('keeps the routes of an IngressRoute together, under a group frame clear of other nodes', () => {
    const { cfg, resources } = shop(9);
    const g = buildGraph(cfg, resources, []);
    const layout = layoutGraph(g);
    const routerLayer = layout.layers.find((l) => l.column === 1)!;
    const groups = routerLayer.ids.map((id) => g.nodes.find((n) => n.id === id)!.group);
    const runs = groups.filter((grp, i) => i === 0 || grp !== groups[i - 1]);
    expect(runs).toHaveLength(new Set(groups).size);
    // Namespaces are contiguous too.
    const ns = routerLayer.ids.map((id) => g.nodes.find((n) => n.id === id)!.namespace);
    expect(ns.filter((x, i) => i === 0 || x !== ns[i - 1])).toHaveLength(2);
    expect(layout.groups).toHaveLength(9);
    for (const box of layout.groups) {
      const inside = routerLayer.ids.filter((id) => {
        const p = layout.positions[id]!;
        return p.y >= box.y && p.y + p.height <= box.y + box.height;
      });
      expect(inside.every((id) => g.nodes.find((n) => n.id === id)!.group === box.id)).toBe(true);
      expect(inside).toHaveLength(2);
      expect(Math.min(...inside.map((id) => layout.positions[id]!.y)) - box.y).toBe(GROUP_HEADER);
    }
  });

  it('has fewer crossings than the input order on generated graphs', () => {
    const report: string[] = [];
    for (const [size, seed] of [[200, 1], [500, 2], [1000, 3], [2000, 4], [5000, 5]] as const) {
      const g = generateGraph(size, seed);
      const input = countCrossings(g, layoutGraph(g, undefined, { sweeps: 0 }));
      const swept = countCrossings(g, layoutGraph(g));
      report.push(`${size}: ${input} → ${swept} (${Math.round((100 * swept) / input)}%)`);
      expect(swept).toBeLessThan(input);
    }
    console.info(`crossings, input order → layout: ${report.join('; ')}`);
  });

  it('lays out 5,000 nodes with about twice the work of 2,500 (n log n, not quadratic)', () => {
    // Work, not time (the milliseconds are in `npm run bench`): ~172,000 and ~355,000 units, ratio 2.06.
    const work = (size: number) => {
      const g = generateGraph(size, 3);
      return countWork(() => layoutGraph(g)).total;
    };
    const ratio = work(5000) / work(2500);
    expect(ratio).toBeGreaterThan(1.5);
    expect(ratio).toBeLessThan(3);
  });

  it('is stable: editing one route keeps the order of everything else', () => {
    const { cfg, resources } = shop(15);
    const before = buildGraph(cfg, resources, []);
    const first = layoutGraph(before);
    // Priority change: same ids. Match change: the router's name (a hash of the match) changes, but
    // it is the same route of the same IngressRoute, so it keeps its place.
    const edited = shop(15, (i) => (i === 4 ? { priority: 5, effectivePriority: 5 } : i === 9 ? { rule: 'Host(`renamed.example.com`)' } : {}));
    const renamed = Object.values(edited.cfg.routers).find((r) => r.rule === 'Host(`renamed.example.com`)')!;
    renamed.name = 'shop-ir9-renamed@kubernetescrd';
    edited.cfg.routers = Object.fromEntries(Object.values(edited.cfg.routers).map((r) => [r.name, r]));
    const after = buildGraph(edited.cfg, edited.resources, []);
    expect(after.nodes.some((n) => n.id === `router:${renamed.name}`)).toBe(true);
    const second = layoutGraph(after, first);
    expect(second.order).toEqual(first.order);
    // A fresh layout of the edited graph may well differ; the stable one does not move a thing.
    for (const n of before.nodes) if (after.nodes.some((m) => m.id === n.id)) expect(second.positions[n.id]).toEqual(first.positions[n.id]);
  });

  it('is stable: adding a route inserts it in its IngressRoute and keeps every other order', () => {
    const { cfg, resources } = shop(15);
    const before = buildGraph(cfg, resources, []);
    const first = layoutGraph(before);
    const extra = router('shop', 'ir4', 2, 'Host(`new.example.com`)', { service: `shop-svc3${K}` });
    const after = buildGraph({ ...cfg, routers: { ...cfg.routers, [extra.name]: extra } }, resources, []);
    const second = layoutGraph(after, first);
    first.order.forEach((keys, l) => expect(second.order[l]!.filter((k) => keys.includes(k))).toEqual(keys));
    const routerIds = second.layers.find((l) => l.column === 1)!.ids;
    // The new route is inside the run of its IngressRoute's routes (first, last or between them).
    const groups = routerIds.map((id) => after.nodes.find((n) => n.id === id)!.group);
    const run = groups.flatMap((grp, i) => (grp === 'IngressRoute/shop/ir4' ? [i] : []));
    expect(run).toHaveLength(3);
    expect(run[2]! - run[0]!).toBe(2);
    expect(run).toContain(routerIds.indexOf(`router:${extra.name}`));
    expect(overlaps(after, second)).toEqual([]);
  });

  it('is stable: collapsing an IngressRoute puts its node where its first route was', () => {
    const { cfg, resources } = shop(15);
    const g = buildGraph(cfg, resources, []);
    const first = layoutGraph(g);
    const collapsed = buildGraph(cfg, resources, [], { collapsed: ['IngressRoute/shop/ir4'] });
    const second = layoutGraph(collapsed, first);
    const routers = (l: Layout, graph: Graph) => l.layers.find((x) => x.column === 1)!.ids.map((id) => graph.nodes.find((n) => n.id === id)!.group);
    const before = routers(first, g);
    expect(routers(second, collapsed)).toEqual(before.filter((grp, i) => grp !== 'IngressRoute/shop/ir4' || before.indexOf(grp) === i));
    for (const n of collapsed.nodes) if (n.kind !== 'router') expect(second.order.flat()).toContain(n.layoutKey ?? n.id);
  });

  it('starts afresh when most nodes are new (another document)', () => {
    const a = layoutGraph(generateGraph(300, 1));
    const other = generateGraph(300, 2);
    const x = (id: string) => `other-${id}`;
    const g: Graph = { nodes: other.nodes.map((n) => ({ ...n, id: x(n.id) })), edges: other.edges.map((e) => ({ ...e, id: x(e.id), source: x(e.source), target: x(e.target) })) };
    expect(layoutGraph(g, a).order).toEqual(layoutGraph(g).order);
  });

  it('splits a column into sub-columns when edges run inside it (chains, nested TraefikServices)', () => {
    const { cfg, resources } = shop(4);
    expect(layoutGraph(buildGraph(cfg, resources, [])).layers.map((l) => l.column)).toEqual([0, 1, 2, 3]);
    const chained = config({
      routers: [router('shop', 'ir0', 0, 'Host(`a`)', { middlewares: [`shop-secure${K}`], service: `shop-mirror${K}` })],
      middlewares: [mw(`shop-secure${K}`, 'chain', { middlewares: [`shop-office${K}`, `shop-auth${K}`] }), mw(`shop-office${K}`, 'ipAllowList', {}), mw(`shop-auth${K}`, 'basicAuth', {})],
      services: [lb(`shop-v1${K}`), { type: 'weighted', name: `shop-canary${K}`, services: [{ name: `shop-v1${K}`, weight: 1 }] }, { type: 'mirroring', name: `shop-mirror${K}`, service: `shop-canary${K}`, mirrorBody: true, maxBodySize: -1, mirrors: [] }],
    });
    const g = buildGraph(chained, resources, []);
    const layout = layoutGraph(g);
    expect(layout.layers.map((l) => l.column)).toEqual([0, 0, 1, 2, 2, 3]);
    expect(layout.positions[`middleware:shop-office${K}`]!.x).toBeLessThan(layout.positions[`middleware:shop-secure${K}`]!.x);
    expect(layout.positions[`service:shop-mirror${K}`]!.x).toBeLessThan(layout.positions[`service:shop-canary${K}`]!.x);
    expect(overlaps(g, layout)).toEqual([]);
  });

  it('gives every node of a layer the same width, routes the widest', () => {
    const { cfg, resources } = shop(6);
    const g = buildGraph(cfg, resources, []);
    const layout = layoutGraph(g);
    for (const l of layout.layers) expect(new Set(l.ids.map((id) => layout.positions[id]!.width)).size).toBe(1);
    const width = (column: number) => layout.positions[layout.layers.find((l) => l.column === column)!.ids[0]!]!.width;
    expect(width(1)).toBeGreaterThan(width(0));
    expect(width(1)).toBeGreaterThan(width(2));
    // A route grows with its chain of middleware chips.
    const two = g.nodes.find((n) => n.kind === 'router' && n.chain?.length === 2)!;
    const none = g.nodes.find((n) => n.kind === 'router' && !n.chain?.length)!;
    expect(layout.positions[two.id]!.height - layout.positions[none.id]!.height).toBe(2 * CHIP_HEIGHT + 2);
  });

  it('handles the empty graph', () => {
    expect(layoutGraph({ nodes: [], edges: [] })).toMatchObject({ positions: {}, layers: [], width: 0, height: 0 });
  });
});
