/** Views of a graph: one router's path (highlight), filters, and IngressRoutes collapsed to one node. */
import type { Graph, GraphEdge, GraphNode } from './types.ts';

export interface GraphFilter {
  /** Routers listening on this entryPoint. */
  entryPoint?: string | undefined;
  /** Routers of IngressRoutes in this namespace. */
  namespace?: string | undefined;
  /** Routers whose rule names a host containing this text. */
  host?: string | undefined;
  /** Routers whose name, rule or any node on their path (middleware, service, backend) contains this text. */
  text?: string | undefined;
}

export function isFiltering(filter: GraphFilter): boolean {
  return !!(filter.entryPoint || filter.namespace || filter.host?.trim() || filter.text?.trim());
}

/**
 * Keeps the routers that pass every filter and everything on their paths (case-insensitive).
 *
 * @example
 * filterGraph(graph, { namespace: 'shop', host: 'api' })
 */
export function filterGraph(graph: Graph, filter: GraphFilter): Graph {
  if (!isFiltering(filter)) return graph;
  const text = filter.text?.trim().toLowerCase() ?? '';
  const host = filter.host?.trim().toLowerCase() ?? '';
  // Routers reached through a node whose own text matches (`strip` finds the routes using strip-api).
  const viaPath = new Set<string>();
  if (text) {
    for (const n of graph.nodes) {
      if (n.kind !== 'router' && `${n.label}\n${n.detail}`.toLowerCase().includes(text)) n.routerNames.forEach((r) => viaPath.add(r));
    }
  }
  const keep = new Set<string>();
  for (const n of graph.nodes) {
    if (n.kind !== 'router') continue;
    if (filter.entryPoint && !n.entryPoints?.includes(filter.entryPoint)) continue;
    if (filter.namespace && n.namespace !== filter.namespace) continue;
    if (host && !(n.hosts ?? []).some((h) => h.toLowerCase().includes(host)) && !n.fullText.toLowerCase().includes(host)) continue;
    if (text && !`${n.label}\n${n.fullText}`.toLowerCase().includes(text) && !n.routerNames.some((r) => viaPath.has(r))) continue;
    n.routerNames.forEach((r) => keep.add(r));
  }
  const nodes = graph.nodes.filter((n) => n.routerNames.some((r) => keep.has(r)));
  const ids = new Set(nodes.map((n) => n.id));
  const edges = graph.edges.filter((e) => ids.has(e.source) && ids.has(e.target) && e.routers.some((r) => keep.has(r)));
  return { nodes, edges };
}

/** The namespace with the most routes (a large graph opens on it). */
export function busiestNamespace(graph: Graph): string | undefined {
  return busiestOf(routesPerNamespace(graph));
}

/** The namespace with the most routes in `routesIn`, the first by name on a tie. */
function busiestOf(routesIn: ReadonlyMap<string, number>): string | undefined {
  return [...routesIn].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
}

/**
 * The namespace a large graph opens on, given its routes per namespace: none when the view filters or shows
 * everything; else the one it prefers when that has routes, else the busiest.
 */
export function openingNamespace(view: GraphView, routesIn: ReadonlyMap<string, number>): string | undefined {
  if (isFiltering(view.filter) || view.all) return undefined;
  return view.prefer !== undefined && routesIn.has(view.prefer) ? view.prefer : busiestOf(routesIn);
}

function routesPerNamespace(graph: Graph): Map<string, number> {
  const counts = new Map<string, number>();
  for (const n of graph.nodes) if (n.kind === 'router' && n.namespace) counts.set(n.namespace, (counts.get(n.namespace) ?? 0) + 1);
  return counts;
}

/**
 * What the graph pane asks to see: its filters, whether a large graph is shown whole when nothing filters it, and the
 * namespace it then opens on when the pane has one in mind (the selection's), else its busiest.
 */
export interface GraphView {
  filter: GraphFilter;
  all: boolean;
  prefer?: string | undefined;
}

/** What a scoped graph says of the whole one it comes from. */
export interface GraphScope {
  /** The whole graph's node count. */
  total: number;
  /** The namespaces and entryPoints of the whole graph's nodes (the filters' choices), sorted. */
  namespaces: string[];
  entryPoints: string[];
  /** The namespace a large graph opened on, nothing filtering it. */
  auto?: string;
  /** Whether the graph holds only what the view keeps (a large graph, filtered), not the whole one. */
  scoped: boolean;
}

/**
 * Beyond this many nodes only what the view shows leaves the worker, and with nothing filtering it the graph opens on
 * one namespace. At 5,000 IngressRoutes (25,000 nodes) laying out the whole graph, comparing it with what the page
 * held and sending it cost the worker ~270 ms per keystroke (Node), and the page filtered it again, for a pane that
 * shows a small part of it.
 */
export const SCOPE_FROM = 2_500;

/**
 * The part of `graph` a view shows, and what the view needs to know of the whole: a graph of up to SCOPE_FROM nodes
 * is given whole (the pane filters it itself); a larger one as `filterGraph` keeps it, on the namespace the view
 * prefers or else its busiest one when nothing filters it and the view does not ask for everything.
 *
 * @example
 * scopeGraph(graph, { filter: {}, all: false }).scope.auto // 'shop' when the graph is large
 */
export function scopeGraph(graph: Graph, view: GraphView, scopeFrom = SCOPE_FROM): { graph: Graph; scope: GraphScope } {
  const namespaces = new Set<string>();
  const entryPoints = new Set<string>();
  for (const n of graph.nodes) {
    if (n.namespace) namespaces.add(n.namespace);
    for (const e of n.entryPoints ?? []) entryPoints.add(e);
  }
  const scope: GraphScope = { total: graph.nodes.length, namespaces: [...namespaces].sort(), entryPoints: [...entryPoints].sort(), scoped: false };
  if (graph.nodes.length <= scopeFrom) return { graph, scope };
  const auto = openingNamespace(view, routesPerNamespace(graph));
  if (auto !== undefined) scope.auto = auto;
  const shown = filterGraph(graph, auto === undefined ? view.filter : { ...view.filter, namespace: auto });
  scope.scoped = shown !== graph;
  return { graph: shown, scope };
}

/** The node standing for a collapsed IngressRoute. */
export function groupNodeId(group: string): string {
  return `group:${group}`;
}

/**
 * Replaces the routers of the given IngressRoutes (resource ids) by one node each; their edges merge.
 *
 * @example
 * collapseGroups(graph, new Set(['IngressRoute/shop/shop-web'])) // shop/shop-web: 2 routes in one node
 */
export function collapseGroups(graph: Graph, groups: ReadonlySet<string>): Graph {
  if (groups.size === 0) return graph;
  const rep = new Map<string, string>();
  const merged = new Map<string, GraphNode>();
  for (const n of graph.nodes) {
    if (n.kind !== 'router' || !n.group || !groups.has(n.group)) continue;
    const id = groupNodeId(n.group);
    rep.set(n.id, id);
    let m = merged.get(id);
    if (!m) {
      // It takes the layout place of the IngressRoute's first route: collapsing moves nothing else.
      m = { ...n, id, label: n.groupLabel ?? n.group, detail: '', fullText: '', routerNames: [], badges: { errors: 0, warnings: 0, routes: 0, disabled: true }, hosts: [], entryPoints: [], layoutKey: n.layoutKey ?? n.id };
      delete m.chain; // the routes' chips stay with the routes; the edges show what the group uses
      merged.set(id, m);
    }
    m.routerNames.push(...n.routerNames);
    m.badges.errors += n.badges.errors;
    m.badges.warnings += n.badges.warnings;
    m.badges.routes = (m.badges.routes ?? 0) + 1;
    if (!n.badges.disabled) m.badges.disabled = false;
    if (n.badges.tls && !m.badges.tls) m.badges.tls = n.badges.tls;
    m.hosts = [...new Set([...(m.hosts ?? []), ...(n.hosts ?? [])])];
    m.entryPoints = [...new Set([...(m.entryPoints ?? []), ...(n.entryPoints ?? [])])];
    m.detail = m.hosts.length ? m.hosts.join(', ') : `${m.badges.routes} route${m.badges.routes === 1 ? '' : 's'} collapsed`;
    m.fullText = `${m.fullText}${m.fullText ? '\n\n' : ''}${n.label}\n${n.fullText}`;
  }
  for (const m of merged.values()) if (!m.badges.disabled) delete m.badges.disabled;
  const nodes: GraphNode[] = [];
  for (const n of graph.nodes) {
    const r = rep.get(n.id);
    if (r === undefined) nodes.push(n);
    else if (merged.has(r)) {
      nodes.push(merged.get(r)!); // where the group's first route was: keeps the input order meaningful
      merged.delete(r);
    }
  }
  const edges = new Map<string, GraphEdge>();
  for (const e of graph.edges) {
    const source = rep.get(e.source) ?? e.source;
    const target = rep.get(e.target) ?? e.target;
    if (source === target) continue;
    const id = `${source}->${target}`;
    const prev = edges.get(id);
    if (!prev) edges.set(id, { ...e, id, source, target });
    else {
      const next: GraphEdge = { ...prev, routers: [...new Set([...prev.routers, ...e.routers])], hub: !!(prev.hub || e.hub) };
      if (prev.order !== e.order) delete next.order;
      if (!next.hub) delete next.hub;
      edges.set(id, next);
    }
  }
  return { nodes, edges: [...edges.values()] };
}

/**
 * The nodes and edges on the paths of the given routers: what hovering or selecting lights.
 *
 * @example
 * const lit = pathOf(graph, 'shop-web-4f2c…@kubernetescrd');
 * lit.nodes.has('middleware:shop-strip-api@kubernetescrd') // true when the route uses it
 */
export function pathOf(graph: Graph, routers: string | readonly string[]): { nodes: Set<string>; edges: Set<string> } {
  const wanted = new Set(typeof routers === 'string' ? [routers] : routers);
  const hit = (names: readonly string[]) => names.some((r) => wanted.has(r));
  return {
    nodes: new Set(graph.nodes.filter((n) => hit(n.routerNames)).map((n) => n.id)),
    edges: new Set(graph.edges.filter((e) => hit(e.routers)).map((e) => e.id)),
  };
}

/**
 * The graph without its backends (server URLs): what the pane shows until asked for them.
 *
 * @example
 * hideBackends(graph).nodes.some((n) => n.kind === 'backend') // false
 */
export function hideBackends(graph: Graph): Graph {
  if (!graph.nodes.some((n) => n.kind === 'backend')) return graph;
  return { nodes: graph.nodes.filter((n) => n.kind !== 'backend'), edges: graph.edges.filter((e) => e.kind !== 'server') };
}
