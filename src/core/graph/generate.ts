/**
 * Generated graphs shaped like real clusters, for the layout benchmark and tests: IngressRoutes of 1–4
 * routes in a few namespaces, a hub middleware and entryPoint tied to many routes, middleware chains,
 * weighted services with children, and backends. Node order in each column is shuffled, so the input
 * order says nothing about the structure a good layout can find.
 */
import { prng } from '../prng.ts';
import type { Graph, GraphColumn, GraphEdge, GraphNode } from './types.ts';

/**
 * About `n` nodes (exactly n for n ≥ 20), the same for the same seed.
 *
 * @example
 * const g = generateGraph(5000, 3); // bench: layoutGraph(g) under 100 ms
 */
export function generateGraph(n: number, seed = 1): Graph {
  const rnd = prng(seed);
  const pick = (k: number) => Math.floor(rnd() * k);
  const routers = Math.max(1, Math.round(n * 0.5));
  const middlewares = Math.max(3, Math.round(n * 0.08));
  const services = Math.max(2, Math.round(n * 0.25));
  const backends = Math.max(1, n - 2 - routers - middlewares - services);
  const weighted = Math.floor(services * 0.1);
  const namespaces = Math.max(1, Math.round(routers / 150));

  const node = (id: string, column: GraphColumn, kind: GraphNode['kind'], extra: Partial<GraphNode> = {}): GraphNode => ({ id, column, kind, label: id, detail: '', fullText: id, badges: { errors: 0, warnings: 0 }, routerNames: [], ...extra });
  const shuffled = (list: GraphNode[]) => {
    for (let i = list.length - 1; i > 0; i--) {
      const j = pick(i + 1);
      [list[i], list[j]] = [list[j]!, list[i]!];
    }
    return list;
  };
  const byId = new Map<string, GraphNode>();
  const edges = new Map<string, GraphEdge>();
  const edge = (source: string, target: string, kind: GraphEdge['kind'], router?: string) => {
    const id = `${source}->${target}`;
    const e = edges.get(id) ?? { id, source, target, kind, routers: [] };
    if (router && !e.routers.includes(router)) e.routers.push(router);
    edges.set(id, e);
    if (router) for (const x of [source, target]) if (!byId.get(x)!.routerNames.includes(router)) byId.get(x)!.routerNames.push(router);
  };

  const eps = [node('entryPoint:web', 0, 'entryPoint'), node('entryPoint:websecure', 0, 'entryPoint')];
  const routerNodes: GraphNode[] = [];
  let group = 0;
  let left = 0;
  for (let i = 0; i < routers; i++) {
    if (left === 0) {
      group++;
      left = 1 + pick(4);
    }
    left--;
    const ns = `ns${group % namespaces}`;
    routerNodes.push(node(`router:r${i}`, 1, 'router', { group: `IngressRoute/${ns}/ir${group}`, groupLabel: `${ns}/ir${group}`, namespace: ns }));
  }
  const mwNodes = Array.from({ length: middlewares }, (_, i) => node(`middleware:m${i}`, 2, 'middleware'));
  const svcNodes = Array.from({ length: services }, (_, i) => node(`service:s${i}`, 3, 'service'));
  const backendNodes = Array.from({ length: backends }, (_, i) => node(`backend:b${i}`, 4, 'backend'));
  const nodes = [...eps, ...shuffled([...routerNodes]), ...shuffled([...mwNodes]), ...shuffled([...svcNodes]), ...shuffled([...backendNodes])];
  for (const x of nodes) byId.set(x.id, x);

  // Weighted services (the first tenth) split between two plain services; plain ones have a backend.
  const plain = services - weighted;
  const subtree = (s: number, router?: string) => {
    if (s < weighted) {
      for (const c of [weighted + ((s * 7) % plain), weighted + ((s * 7 + 1) % plain)]) {
        edge(`service:s${s}`, `service:s${c}`, 'child', router);
        subtree(c, router);
      }
    } else edge(`service:s${s}`, `backend:b${Math.floor(((s - weighted) / plain) * backends)}`, 'server', router);
  };
  for (let i = 0; i < routers; i++) {
    const r = routerNodes[i]!.id;
    const name = `r${i}`;
    const p = rnd();
    for (const ep of p < 0.7 ? ['websecure'] : p < 0.9 ? ['web'] : ['web', 'websecure']) edge(`entryPoint:${ep}`, r, 'entry', name);
    let prev = r;
    // Chains go through stages in order (say auth, then headers, then path rewriting), as real ones do;
    // m0, the first stage's hub, is on half of the chains.
    const chain = rnd() < 0.45 ? 0 : rnd() < 0.65 ? 1 : 2 + pick(2);
    for (let k = 0; k < chain; k++) {
      const m = `middleware:m${k === 0 && rnd() < 0.5 ? 0 : k + 3 * pick(Math.floor((middlewares - 1 - k) / 3) + 1)}`;
      edge(prev, m, 'chain', name);
      prev = m;
    }
    // Mostly the route's own neighbourhood of services, sometimes anywhere.
    const s = rnd() < 0.8 ? Math.min(services - 1, Math.floor((i / routers) * services) + pick(3)) : pick(services);
    edge(prev, `service:s${s}`, 'service', name);
    subtree(s, name);
  }
  return { nodes, edges: [...edges.values()] };
}
