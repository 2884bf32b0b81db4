/**
 * A layered layout for a graph whose columns are fixed (middlewares, routes, services, backends). Edges inside a column (a middleware chain, a TraefikService and its children) split it
 * into sub-columns by longest path, so every edge points right. Each layer is ordered by the
 * barycenter of its neighbours over a few down and up sweeps (the best order seen is kept); routes stay
 * grouped by namespace and IngressRoute. Coordinates come from coordinates.ts. With a previous layout,
 * known nodes keep their order and only new nodes are placed, so an edit does not reshuffle the graph.
 * No dagre/elkjs: generic engines take seconds on hub-heavy graphs (STACK-NOTES "Graph").
 */
import { assignY, type Adjacency } from './coordinates.ts';
import { Orderer } from './ordering.ts';
import type { GraphColumn, GraphNode, Graph, GroupBox, Layout, LayoutLayer, NodeBox } from './types.ts';

/** The width of a route node (the widest column: its rule and chips need the room). */
export const NODE_WIDTH = 264;
/** Horizontal gap between columns, and between the sub-columns of one column. */
export const COLUMN_GAP = 48;
export const SUBCOLUMN_GAP = 40;
export const NODE_GAP = 12;
/** Space above the first route of an IngressRoute for its label (and collapse button). */
export const GROUP_HEADER = 24;
const GROUP_GAP = 10;
/** One middleware chip on a route (20 px and a 2 px gap); one child row of a composite service. */
export const CHIP_HEIGHT = 22;
export const ROW_HEIGHT = 18;

/** The width of a node of this kind: every node of a layer gets its layer's widest. */
export function nodeWidth(node: Pick<GraphNode, 'kind' | 'column'>): number {
  switch (node.kind) {
    case 'router':
      return NODE_WIDTH;
    case 'middleware':
      return 184;
    case 'entryPoint':
      return 130;
    case 'backend':
      return 180;
    case 'service':
      return 196;
    case 'missing':
      return node.column === 0 ? 184 : 196;
  }
}

/** The declared height of a node: the UI renders nodes at exactly this size (a route grows with its
 * chain, a composite service with its children). */
export function nodeHeight(node: Pick<GraphNode, 'kind'> & Partial<Pick<GraphNode, 'chain' | 'rows'>>): number {
  switch (node.kind) {
    case 'router':
      return 64 + (node.chain?.length ? node.chain.length * CHIP_HEIGHT + 2 : 0);
    case 'service':
      return 48 + (node.rows?.length ?? 0) * ROW_HEIGHT;
    case 'entryPoint':
      return 40;
    case 'backend':
      return 40;
    case 'missing':
    case 'middleware':
      return 48;
  }
}

export interface LayoutOptions {
  /** Down-and-up barycenter sweeps (default 4; 0 keeps the input order). */
  sweeps?: number;
}

const keyOf = (n: GraphNode) => n.layoutKey ?? n.id;

/**
 * @example
 * const layout = layoutGraph(graph);             // first layout
 * const next = layoutGraph(editedGraph, layout); // stable: unchanged nodes keep their order
 */
export function layoutGraph(graph: Graph, previous?: Layout, options: LayoutOptions = {}): Layout {
  const nodes = graph.nodes;
  const n = nodes.length;
  const index = new Map<string, number>();
  nodes.forEach((node, i) => index.set(node.id, i));
  const column = Int32Array.from(nodes, (node) => Math.max(0, Math.min(4, node.column)));

  // Adjacency (compressed rows) and the edges inside a column.
  const pairs: number[] = [];
  for (const e of graph.edges) {
    const s = index.get(e.source);
    const t = index.get(e.target);
    if (s === undefined || t === undefined || s === t) continue;
    pairs.push(s, t);
  }
  const adj = adjacency(n, pairs);
  const layerOf = assignLayers(n, column, pairs);
  const layerCount = layerOf.reduce((m, l) => Math.max(m, l + 1), 0);
  const layers: number[][] = Array.from({ length: layerCount }, () => []);
  for (let i = 0; i < n; i++) layers[layerOf[i]!]!.push(i);

  // Grouping keys: routes of one IngressRoute stay together, IngressRoutes of one namespace too.
  // Numbers for groups and namespaces (one sequence: a group and a namespace never share a number); a node
  // outside any group is a group and a namespace of its own.
  const groupOf = new Int32Array(n);
  const nsOf = new Int32Array(n);
  const groupIds = new Map<string, number>();
  const nsIds = new Map<string, number>();
  let next = 0;
  for (let i = 0; i < n; i++) {
    const node = nodes[i]!;
    if (node.group) {
      const g = groupIds.get(node.group);
      groupOf[i] = g ?? (groupIds.set(node.group, next), next++);
      const ns = node.namespace ?? '';
      const k = nsIds.get(ns);
      nsOf[i] = k ?? (nsIds.set(ns, next), next++);
    } else groupOf[i] = nsOf[i] = next++;
  }
  const order = new Orderer(layers, layerOf, adj, groupOf, nsOf, next);

  const prevRank = new Map<string, number>();
  previous?.order.forEach((keys) => keys.forEach((k, r) => prevRank.set(k, r)));
  // Each node's previous rank, looked up once (the stable ordering sorts by it).
  const ranks = nodes.map((node) => prevRank.get(keyOf(node)));
  const known = ranks.reduce((count: number, r) => (r === undefined ? count : count + 1), 0);
  if (previous && n > 0 && known >= n * 0.5) order.keep((i) => ranks[i]);
  else order.sweep(options.sweeps ?? 4, pairs);

  return coordinates(nodes, layers, layerOf, column, adj, groupOf);
}

function adjacency(n: number, pairs: readonly number[]): Adjacency {
  const start = new Int32Array(n + 1);
  for (let k = 0; k < pairs.length; k++) start[pairs[k]! + 1]!++;
  for (let i = 0; i < n; i++) start[i + 1]! += start[i]!;
  const fill = start.slice(0, n);
  const list = new Int32Array(pairs.length);
  for (let k = 0; k < pairs.length; k += 2) {
    const s = pairs[k]!;
    const t = pairs[k + 1]!;
    list[fill[s]!++] = t;
    list[fill[t]!++] = s;
  }
  return { start, list };
}

/** Layer of each node: its column's first layer plus its longest-path depth along edges inside the
 * column (cycles, which Traefik rejects anyway, are cut where a depth-first search meets them). */
function assignLayers(n: number, column: Int32Array, pairs: readonly number[]): Int32Array {
  const inner: number[][] = Array.from({ length: n }, () => []);
  for (let k = 0; k < pairs.length; k += 2) if (column[pairs[k]!] === column[pairs[k + 1]!]) inner[pairs[k]!]!.push(pairs[k + 1]!);
  const state = new Uint8Array(n); // 0 new, 1 on stack, 2 done
  const post: number[] = [];
  for (let root = 0; root < n; root++) {
    if (state[root] || inner[root]!.length === 0) continue;
    const stack: [number, number][] = [[root, 0]];
    state[root] = 1;
    while (stack.length) {
      const top = stack[stack.length - 1]!;
      const next = inner[top[0]]![top[1]++];
      if (next === undefined) {
        state[top[0]] = 2;
        post.push(top[0]);
        stack.pop();
      } else if (state[next] === 0) {
        state[next] = 1;
        stack.push([next, 0]);
      }
    }
  }
  const depth = new Int32Array(n);
  const rank = new Int32Array(n);
  post.forEach((v, r) => (rank[v] = r));
  for (let r = post.length - 1; r >= 0; r--) {
    const v = post[r]!;
    for (const w of inner[v]!) if (rank[w]! < r && depth[w]! < depth[v]! + 1) depth[w] = depth[v]! + 1;
  }
  const span = new Int32Array(5);
  const present = new Uint8Array(5);
  for (let i = 0; i < n; i++) {
    present[column[i]!] = 1;
    span[column[i]!] = Math.max(span[column[i]!]!, depth[i]! + 1);
  }
  const base = new Int32Array(5);
  let acc = 0;
  for (let c = 0; c < 5; c++) {
    base[c] = acc;
    if (present[c]) acc += span[c]!;
  }
  return Int32Array.from({ length: n }, (_, i) => base[column[i]!]! + depth[i]!);
}

function coordinates(nodes: readonly GraphNode[], layers: number[][], layerOf: Int32Array, column: Int32Array, adj: Adjacency, groupOf: Int32Array): Layout {
  const heights = Float64Array.from(nodes, nodeHeight);
  const grouped = (i: number) => nodes[i]!.kind === 'router' && !!nodes[i]!.group;
  const y = assignY(
    layers.map((ids) => ({ ids })),
    layerOf,
    adj,
    {
      height: (i) => heights[i]!,
      gapBefore: (below, above) => {
        const header = grouped(below) && (above < 0 || groupOf[above] !== groupOf[below]) ? GROUP_HEADER + (above < 0 ? 0 : GROUP_GAP) : 0;
        return header + (above < 0 ? 0 : NODE_GAP);
      },
    },
    nodes.length,
  );
  for (let i = 0; i < y.length; i++) y[i] = Math.round(y[i]!); // crisp edges; gaps stay ≥ NODE_GAP - 1
  const positions: Record<string, NodeBox> = {};
  const outLayers: LayoutLayer[] = [];
  const groups: GroupBox[] = [];
  let x = 0;
  let height = 0;
  let prevWidth = 0;
  layers.forEach((ids, l) => {
    if (l > 0) x += prevWidth + (column[layers[l - 1]![0]!] === column[ids[0]!] ? SUBCOLUMN_GAP : COLUMN_GAP);
    let width = 0;
    for (const i of ids) width = Math.max(width, nodeWidth(nodes[i]!));
    prevWidth = width;
    for (const i of ids) {
      positions[nodes[i]!.id] = { x, y: y[i]!, width, height: heights[i]! };
      height = Math.max(height, y[i]! + heights[i]!);
    }
    outLayers.push({ column: column[ids[0]!]! as GraphColumn, x, ids: ids.map((i) => nodes[i]!.id) });
    for (let k = 0; k < ids.length; k++) {
      const first = ids[k]!;
      if (!grouped(first)) continue;
      let last = first;
      while (k + 1 < ids.length && grouped(ids[k + 1]!) && groupOf[ids[k + 1]!] === groupOf[first]) last = ids[++k]!;
      const node = nodes[first]!;
      const top = y[first]! - GROUP_HEADER;
      groups.push({ id: node.group!, label: node.groupLabel ?? node.group!, namespace: node.namespace ?? '', collapsed: node.id.startsWith('group:'), x: x - 6, y: top, width: width + 12, height: y[last]! + heights[last]! + 6 - top });
    }
  });
  return {
    positions,
    order: layers.map((ids) => ids.map((i) => keyOf(nodes[i]!))),
    layers: outLayers,
    groups,
    width: layers.length ? x + prevWidth : 0,
    height,
  };
}
