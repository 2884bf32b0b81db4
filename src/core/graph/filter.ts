import type { Graph, GraphNode } from './types.ts';

export interface GraphFilter {
  entryPoint?: string;
  namespace?: string;
  host?: string;
  text?: string;
}

/**
 * Keeps the routers that pass the filter and everything on their paths.
 *
 * @example
 * filterGraph(graph, { namespace: 'shop', host: 'api' })
 */
export function filterGraph(graph: Graph, filter: GraphFilter): Graph {
  const text = filter.text?.trim().toLowerCase();
  const host = filter.host?.trim().toLowerCase();
  if (!filter.entryPoint && !filter.namespace && !host && !text) return graph;
  const keep = new Set<string>();
  for (const n of graph.nodes) {
    if (n.kind !== 'router') continue;
    if (filter.entryPoint && !n.entryPoints?.includes(filter.entryPoint)) continue;
    if (filter.namespace && n.namespace !== filter.namespace) continue;
    if (host && !n.hosts?.some((h) => h.includes(host))) continue;
    if (text && !`${n.label} ${n.fullText}`.toLowerCase().includes(text)) continue;
    keep.add(n.routerNames[0]!);
  }
  const nodes = graph.nodes.filter((n) => n.routerNames.some((r) => keep.has(r)));
  const ids = new Set(nodes.map((n) => n.id));
  return { nodes, edges: graph.edges.filter((e) => ids.has(e.source) && ids.has(e.target) && e.routers.some((r) => keep.has(r))) };
}

/** Replaces the routers of the given IngressRoutes (groups) by one node each. */
export function collapseGroups(graph: Graph, groups: ReadonlySet<string>): Graph {
  if (groups.size === 0) return graph;
  const rep = new Map<string, string>();
  const merged = new Map<string, GraphNode>();
  for (const n of graph.nodes) {
    if (n.kind !== 'router' || !n.group || !groups.has(n.group)) continue;
    const id = `group:${n.group}`;
    rep.set(n.id, id);
    const m = merged.get(id) ?? { ...n, id, label: n.label.replace(/#\d+$/, ''), detail: '', fullText: '', routerNames: [], badges: { errors: 0, warnings: 0 }, hosts: [] };
    m.routerNames.push(...n.routerNames);
    m.badges.errors += n.badges.errors;
    m.badges.warnings += n.badges.warnings;
    m.hosts = [...new Set([...(m.hosts ?? []), ...(n.hosts ?? [])])];
    m.detail = `${m.routerNames.length} routes`;
    m.fullText = `${m.fullText}${m.fullText ? '\n' : ''}${n.fullText}`;
    merged.set(id, m);
  }
  const nodes = [...graph.nodes.filter((n) => !rep.has(n.id)), ...merged.values()];
  const edges = new Map<string, Graph['edges'][number]>();
  for (const e of graph.edges) {
    const source = rep.get(e.source) ?? e.source;
    const target = rep.get(e.target) ?? e.target;
    const id = `${source}->${target}`;
    const prev = edges.get(id);
    edges.set(id, prev ? { ...prev, routers: [...new Set([...prev.routers, ...e.routers])] } : { ...e, id, source, target });
  }
  return { nodes, edges: [...edges.values()] };
}

/** The nodes and edges of one router's path (selection and simulation highlight). */
export function pathOf(graph: Graph, router: string): { nodes: Set<string>; edges: Set<string> } {
  return {
    nodes: new Set(graph.nodes.filter((n) => n.routerNames.includes(router)).map((n) => n.id)),
    edges: new Set(graph.edges.filter((e) => e.routers.includes(router)).map((e) => e.id)),
  };
}
