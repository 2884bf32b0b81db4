/**
 * A layered layout for a graph whose columns are fixed: order each column by the barycenter of its
 * neighbours over a few down and up sweeps (fewer crossings), then stack the nodes. With a previous
 * layout, known nodes keep their order and only new nodes are placed, so an edit does not reshuffle.
 */
import type { Graph, GraphNode, Layout, NodeBox } from './types.ts';

export const NODE_WIDTH = 220;
const GAP_X = 56;
const GAP_Y = 14;

export function nodeHeight(node: GraphNode): number {
  return node.kind === 'router' ? 64 : node.kind === 'backend' ? 40 : 52;
}

/**
 * @example
 * const layout = layoutGraph(graph);             // first layout
 * const next = layoutGraph(editedGraph, layout); // stable: unchanged nodes keep their order
 */
export function layoutGraph(graph: Graph, previous?: Layout, sweeps = 4): Layout {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const maxColumn = graph.nodes.reduce((m, n) => Math.max(m, n.column), 0);
  const columns: GraphNode[][] = Array.from({ length: maxColumn + 1 }, () => []);
  for (const n of graph.nodes) columns[n.column]!.push(n);

  const neighbours = new Map<string, string[]>();
  for (const e of graph.edges) {
    if (!byId.has(e.source) || !byId.has(e.target)) continue;
    (neighbours.get(e.source) ?? neighbours.set(e.source, []).get(e.source)!).push(e.target);
    (neighbours.get(e.target) ?? neighbours.set(e.target, []).get(e.target)!).push(e.source);
  }
  // Relative position (0..1) of every node in its column, for comparing across columns of any size.
  const rel = new Map<string, number>();
  const index = (col: GraphNode[]) => col.forEach((n, i) => rel.set(n.id, col.length > 1 ? i / (col.length - 1) : 0.5));

  const prevIndex = new Map<string, number>();
  previous?.order.forEach((ids) => ids.forEach((id, i) => prevIndex.set(id, i)));
  const known = previous ? graph.nodes.filter((n) => prevIndex.has(n.id)).length : 0;
  const stable = previous !== undefined && known >= graph.nodes.length * 0.7;

  for (const col of columns) {
    col.sort((a, b) => (a.group ?? '').localeCompare(b.group ?? '') || a.label.localeCompare(b.label) || a.id.localeCompare(b.id));
    index(col);
  }
  const barycenter = (n: GraphNode, towards: (other: GraphNode) => boolean): number | undefined => {
    let sum = 0;
    let count = 0;
    for (const m of neighbours.get(n.id) ?? []) {
      const other = byId.get(m)!;
      if (!towards(other)) continue;
      sum += rel.get(m)!;
      count++;
    }
    return count ? sum / count : undefined;
  };
  const reorder = (col: GraphNode[], towards: (n: GraphNode, other: GraphNode) => boolean) => {
    const keys = new Map(col.map((n) => [n.id, barycenter(n, (o) => towards(n, o)) ?? rel.get(n.id)!]));
    col.sort((a, b) => keys.get(a.id)! - keys.get(b.id)!);
    index(col);
  };

  if (stable) {
    // Known nodes keep their previous order; new ones go where their neighbours are.
    for (const col of columns) {
      const placed = col.filter((n) => prevIndex.has(n.id)).sort((a, b) => prevIndex.get(a.id)! - prevIndex.get(b.id)!);
      index(placed);
      const fresh = col.filter((n) => !prevIndex.has(n.id));
      const merged = [...placed];
      for (const n of fresh) {
        const b = barycenter(n, () => true) ?? 1;
        let at = merged.findIndex((m) => (rel.get(m.id) ?? 0) > b);
        if (at < 0) at = merged.length;
        merged.splice(at, 0, n);
      }
      col.splice(0, col.length, ...merged);
      index(col);
    }
  } else {
    for (let s = 0; s < sweeps; s++) {
      for (let c = 1; c <= maxColumn; c++) reorder(columns[c]!, (n, o) => o.column < n.column);
      for (let c = maxColumn - 1; c >= 0; c--) reorder(columns[c]!, (n, o) => o.column > n.column);
    }
  }

  const positions: Record<string, NodeBox> = {};
  let height = 0;
  columns.forEach((col, c) => {
    let y = 0;
    for (const n of col) {
      const h = nodeHeight(n);
      positions[n.id] = { x: c * (NODE_WIDTH + GAP_X), y, width: NODE_WIDTH, height: h };
      y += h + GAP_Y;
    }
    height = Math.max(height, y);
  });
  return { positions, order: columns.map((col) => col.map((n) => n.id)), width: (maxColumn + 1) * (NODE_WIDTH + GAP_X) - GAP_X, height };
}

/** Edge crossings between the same pair of columns (for tests and tuning). */
export function countCrossings(graph: Graph, layout: Layout): number {
  const groups = new Map<string, { a: number; b: number }[]>();
  for (const e of graph.edges) {
    const s = layout.positions[e.source];
    const t = layout.positions[e.target];
    if (!s || !t) continue;
    const key = `${s.x}|${t.x}`;
    (groups.get(key) ?? groups.set(key, []).get(key)!).push({ a: s.y, b: t.y });
  }
  let crossings = 0;
  for (const list of groups.values()) {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        if ((list[i]!.a - list[j]!.a) * (list[i]!.b - list[j]!.b) < 0) crossings++;
      }
    }
  }
  return crossings;
}
