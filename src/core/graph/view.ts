/**
 * The graph a view shows, built only for what it keeps. At 5,000 IngressRoutes the whole graph has 25,000 nodes and
 * building it took ~450 ms of the worker's keystroke, for a pane that shows one namespace of it (scopeGraph). A
 * namespace or entryPoint filter keeps a few hundred routes: viewGraph builds the graph of those routes and of every
 * other route that shares a node with them (a shared middleware lists every route using it, its usage badge counts
 * them, and whether an edge is a hub depends on every edge of its nodes), then filters it as filterGraph filters the
 * whole graph. The result is the same nodes and edges with the same values (property-tested in view.test.ts).
 *
 * What the pane needs of the whole graph (its node count, namespaces and entryPoints: GraphScope) comes from a walk of
 * the names each route references, without building any node.
 */
import type { Diagnostic, DynamicConfig, DynamicRouter, DynamicService, Resource } from '../types.ts';
import { buildGraph, buildRouters, childServices, routeKeysOf } from './build.ts';
import { filterGraph, isFiltering, openingNamespace, scopeGraph, SCOPE_FROM, type GraphFilter, type GraphScope, type GraphView } from './filter.ts';
import type { Graph } from './types.ts';

/**
 * What routes reference, as the graph draws it: a middleware `m:name` (its chain's members, an errors middleware's
 * service), a service `s:name` (a composite's children, except load balancers, which are rows of their parent and
 * whose servers it holds), a backend `b:url`. Each is one node of the graph.
 */
class References {
  private readonly memo = new Map<string, string[]>();

  constructor(
    private readonly config: DynamicConfig,
    private readonly backends: boolean,
  ) {}

  /** What a router draws first: its middlewares and its service. */
  direct(r: DynamicRouter): string[] {
    const out = r.middlewares.map((m) => `m:${m}`);
    if (r.service) out.push(`s:${r.service}`);
    return out;
  }

  /** What drawing `entity` draws next. */
  next(entity: string): string[] {
    let out = this.memo.get(entity);
    if (out === undefined) this.memo.set(entity, (out = this.successors(entity)));
    return out;
  }

  /** Everything drawn from `roots`, added to `into`. */
  reach(roots: Iterable<string>, into = new Set<string>()): Set<string> {
    const stack: string[] = [];
    for (const root of roots) {
      if (into.has(root)) continue;
      into.add(root);
      stack.push(root);
      while (stack.length) {
        for (const e of this.next(stack.pop()!)) {
          if (into.has(e)) continue;
          into.add(e);
          stack.push(e);
        }
      }
    }
    return into;
  }

  private successors(entity: string): string[] {
    const name = entity.slice(2);
    const out: string[] = [];
    if (entity.startsWith('m:')) {
      const mw = this.config.middlewares[name];
      if (mw?.type === 'chain' && Array.isArray(mw.config['middlewares'])) for (const m of mw.config['middlewares']) out.push(`m:${String(m)}`);
      if (mw?.type === 'errors' && typeof mw.config['service'] === 'string') out.push(`s:${mw.config['service']}`);
      return out;
    }
    if (!entity.startsWith('s:')) return out;
    const services = this.config.services;
    const servers = (s: Extract<DynamicService, { type: 'loadBalancer' }>) => {
      if (this.backends) for (const x of s.servers) out.push(`b:${x.url}`);
    };
    const child = (n: string) => {
      const c = services[n];
      if (c?.type === 'loadBalancer') servers(c);
      else if (c) out.push(`s:${n}`);
    };
    const svc = services[name];
    switch (svc?.type) {
      case 'loadBalancer':
        servers(svc);
        break;
      case 'weighted':
      case 'highestRandomWeight':
        svc.services.forEach((c) => child(c.name));
        break;
      case 'mirroring':
        child(svc.service);
        svc.mirrors.forEach((m) => child(m.name));
        break;
      case 'failover':
        child(svc.service);
        child(svc.fallback);
        break;
    }
    return out;
  }
}

export interface ViewGraph {
  graph: Graph;
  scope: GraphScope;
  /** The whole graph, when it was built (a small graph, a view of everything, or a filter by host or text). */
  whole: Graph | null;
  /** How many routers were drawn (for tests and benchmarks). */
  built: number;
}

/**
 * scopeGraph(buildGraph(config, resources, diagnostics, { backends }), view), built only for what the view keeps when
 * the graph is large and a namespace or entryPoint filter (or the namespace a large graph opens on) keeps a part of it.
 * A filter by host or text reads every route's text and every node's, and is answered from the whole graph.
 *
 * @example
 * viewGraph(config, resources, diagnostics, false, { filter: {}, all: false }).scope.auto // the busiest namespace
 */
export function viewGraph(config: DynamicConfig, resources: readonly Resource[], diagnostics: readonly Diagnostic[], backends: boolean, view: GraphView, scopeFrom = SCOPE_FROM): ViewGraph {
  const routers = Object.values(config.routers);
  const whole = (): ViewGraph => {
    const graph = buildGraph(config, resources, diagnostics, { backends });
    return { ...scopeGraph(graph, view, scopeFrom), whole: graph, built: routers.length };
  };
  if (view.filter.host?.trim() || view.filter.text?.trim() || (view.all && !isFiltering(view.filter))) return whole();

  // The whole graph's node count, namespaces and entryPoints, from what the routes reference.
  const owners = new Map(resources.map((r) => [r.id, r]));
  const namespaceOf = (r: { origin?: { resourceId: string } | undefined }) => (r.origin ? owners.get(r.origin.resourceId)?.metadata.namespace : undefined) ?? '';
  const refs = new References(config, backends);
  const routesIn = new Map<string, number>();
  const entryPoints = new Set<string>();
  const used = new Set<string>();
  const direct = routers.map((r) => {
    const ns = namespaceOf(r);
    if (ns) routesIn.set(ns, (routesIn.get(ns) ?? 0) + 1);
    for (const e of r.entryPoints) entryPoints.add(e);
    const first = refs.direct(r);
    refs.reach(first, used);
    return first;
  });
  const children = childServices(config);
  const unused = {
    middlewares: new Set(Object.keys(config.middlewares).filter((n) => !used.has(`m:${n}`))),
    services: new Set(Object.keys(config.services).filter((n) => !children.has(n) && !used.has(`s:${n}`))),
  };
  const drawn = refs.reach([...[...unused.middlewares].map((n) => `m:${n}`), ...[...unused.services].map((n) => `s:${n}`)], new Set(used));
  const total = routers.length + drawn.size;
  if (total <= scopeFrom) return whole();
  const namespaces = new Set(routesIn.keys());
  for (const [name, m] of Object.entries(config.middlewares)) {
    // A middleware node has the namespace of its Middleware resource.
    if (m.origin?.resourceId.startsWith('Middleware/') && drawn.has(`m:${name}`)) {
      const ns = namespaceOf(m);
      if (ns) namespaces.add(ns);
    }
  }
  const scope: GraphScope = { total, namespaces: [...namespaces].sort(), entryPoints: [...entryPoints].sort(), scoped: true };
  const auto = openingNamespace(view, routesIn);
  if (auto !== undefined) scope.auto = auto;
  const filter: GraphFilter = auto === undefined ? view.filter : { ...view.filter, namespace: auto };
  if (!isFiltering(filter)) return whole();

  // The routes the filter keeps, with the children of their parentRefs (filterGraph keeps every route its router
  // node lists: a parent's node lists its children).
  const byName = new Map(routers.map((r) => [r.name, r]));
  const childrenOf = new Map<string, DynamicRouter[]>();
  for (const r of routers) for (const p of r.parentRefs) if (byName.has(p)) listed(childrenOf, p).push(r);
  const keep = new Set<string>();
  for (const r of routers) {
    if (filter.entryPoint && !r.entryPoints.includes(filter.entryPoint)) continue;
    if (filter.namespace && namespaceOf(r) !== filter.namespace) continue;
    keep.add(r.name);
    for (const c of childrenOf.get(r.name) ?? []) keep.add(c.name);
  }
  // What their paths draw: router nodes (theirs and their parents'), middlewares, services, backends.
  const routerNodes = new Set(keep);
  for (const name of keep) for (const p of byName.get(name)!.parentRefs) if (byName.has(p)) routerNodes.add(p);
  const shown = refs.reach([...keep].flatMap((name) => refs.direct(byName.get(name)!)));
  // Every route that draws any of it: routes whose references lead there, and the routes on a kept router node.
  const before = new Map<string, string[]>();
  for (const e of drawn) for (const n of refs.next(e)) listed(before, n).push(e);
  const leads = new Set<string>();
  const stack = [...shown];
  for (const e of stack) leads.add(e);
  while (stack.length) {
    for (const p of before.get(stack.pop()!) ?? []) {
      if (leads.has(p)) continue;
      leads.add(p);
      stack.push(p);
    }
  }
  const wanted = new Set(routerNodes);
  for (const name of routerNodes) for (const c of childrenOf.get(name) ?? []) wanted.add(c.name);
  routers.forEach((r, i) => {
    if (!wanted.has(r.name) && direct[i]!.some((e) => leads.has(e))) wanted.add(r.name);
  });
  const part = routers.filter((r) => wanted.has(r.name));
  const graph = buildRouters(config, resources, diagnostics, backends, part, routeKeysOf(routers), unused);
  return { graph: filterGraph(graph, filter), scope, whole: null, built: part.length };
}

function listed<T>(map: Map<string, T[]>, key: string): T[] {
  let list = map.get(key);
  if (!list) map.set(key, (list = []));
  return list;
}
