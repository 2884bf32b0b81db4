/**
 * What the graph pane lights, dims and marks, as plain functions (no React): the focused node's paths
 * (hover beats selection), else the simulated request's winning path, losers and where it stopped.
 */
import { pathOf, type Graph, type GraphNode } from '../../core/graph/index.ts';
import type { Highlight } from './highlight.ts';

/** Lighting the paths of more routers than this lights nothing (an entryPoint of 5,000 routes). */
export const MAX_LIT_ROUTERS = 500;

export interface ViewState {
  lit: { nodes: Set<string>; edges: Set<string> } | null;
  /** 'focus': a hovered or selected node's paths; 'simulation': the verdict's path. */
  mode: 'focus' | 'simulation' | null;
  losers: Set<string>;
  /** Node (of the shown graph) where the simulated request stopped, and the status. */
  stopped: { id: string; status: number } | null;
}

/** The shown node standing for `id` of the full graph: itself, or the collapsed IngressRoute holding it. */
export function resolveShown(full: Graph, shownById: ReadonlyMap<string, GraphNode>, id: string | null | undefined): string | null {
  if (!id) return null;
  if (shownById.has(id)) return id;
  const original = full.nodes.find((n) => n.id === id);
  if (original?.kind !== 'router' || !original.group) return null;
  const group = `group:${original.group}`;
  return shownById.has(group) ? group : null;
}

export function viewState(shown: Graph, shownById: ReadonlyMap<string, GraphNode>, focusId: string | null, highlight: Highlight | undefined, stoppedId: string | null): ViewState {
  const losers = new Set(highlight?.losers ?? []);
  const stopped = stoppedId && highlight?.stoppedAt ? { id: stoppedId, status: highlight.stoppedAt.status } : null;
  const focus = focusId ? shownById.get(focusId) : undefined;
  if (focus && focus.routerNames.length > 0 && focus.routerNames.length <= MAX_LIT_ROUTERS) {
    return { lit: pathOf(shown, focus.routerNames), mode: 'focus', losers, stopped };
  }
  if (focus) return { lit: { nodes: new Set([focus.id]), edges: new Set() }, mode: 'focus', losers, stopped };
  if (highlight && (highlight.winner || stopped)) {
    const lit = highlight.winner ? pathOf(shown, highlight.winner) : { nodes: new Set<string>(), edges: new Set<string>() };
    if (stopped) lit.nodes.add(stopped.id);
    return { lit, mode: 'simulation', losers, stopped };
  }
  return { lit: null, mode: null, losers, stopped };
}

/**
 * The classes of a node's React Flow wrapper. Only nodes on the lit path (and losing routers) get one:
 * the rest are dimmed by one class on the canvas (`graph-dimming`), so lighting a path changes a
 * handful of node objects instead of all 5,000. The e2e specs rely on `gstate-winner` and `gstate-dim`.
 */
export function nodeClass(node: GraphNode, s: ViewState): string {
  if (s.stopped?.id === node.id) return 'gstate-stopped';
  if (!s.lit) return '';
  if (s.lit.nodes.has(node.id)) return s.mode === 'simulation' ? 'gstate-winner' : 'gstate-lit';
  if (s.mode === 'simulation' && node.kind === 'router' && node.routerNames.some((r) => s.losers.has(r))) return 'gstate-dim gstate-loser';
  return '';
}

export interface SelectionLike {
  nodeId?: string | undefined;
  routerName?: string | undefined;
  resourceId?: string | undefined;
  /** The editor's cursor, when the selection carries it: picks the exact route under the cursor. */
  file?: string | undefined;
  offset?: number | undefined;
}

/**
 * The node a selection made elsewhere stands for: the node itself, the node whose YAML range holds the
 * cursor (the innermost), the router, or the resource's main node (an IngressRoute's first route, a
 * TraefikService rather than the load balancers of its children).
 */
export function nodeForSelection(graph: Graph, selection: SelectionLike | null | undefined): string | null {
  if (!selection) return null;
  const nodes = graph.nodes;
  if (selection.nodeId && nodes.some((n) => n.id === selection.nodeId)) return selection.nodeId;
  const size = (n: GraphNode) => (n.origin ? n.origin.range.end - n.origin.range.start : Infinity);
  if (selection.file !== undefined && selection.offset !== undefined) {
    const at = selection.offset;
    const hits = nodes.filter((n) => n.origin && n.origin.file === selection.file && n.origin.range.start <= at && at <= n.origin.range.end);
    if (hits.length) return hits.reduce((a, b) => (size(b) < size(a) ? b : a)).id;
  }
  if (selection.routerName) {
    const r = nodes.find((n) => n.kind === 'router' && n.routerNames.includes(selection.routerName!));
    if (r) return r.id;
  }
  if (selection.resourceId) {
    const mine = nodes.filter((n) => n.origin?.resourceId === selection.resourceId);
    const routers = mine.filter((n) => n.kind === 'router');
    if (routers.length) return routers.reduce((a, b) => ((b.origin!.routeIndex ?? 0) < (a.origin!.routeIndex ?? 0) ? b : a)).id;
    if (mine.length) return mine.reduce((a, b) => (size(b) > size(a) ? b : a)).id;
  }
  return null;
}
