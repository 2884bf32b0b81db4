/** Counting edge crossings between layers in O(E log E): sort each layer pair's edges by source
 * position, then count inversions of the target positions (a merge sort). */
import type { Graph, Layout } from './types.ts';

/** Inversions of `a` (pairs i < j with a[i] > a[j]); sorts `a` in place. */
export function inversions(a: Float64Array): number {
  const tmp = new Float64Array(a.length);
  let count = 0;
  for (let width = 1; width < a.length; width *= 2) {
    for (let lo = 0; lo < a.length; lo += 2 * width) {
      const mid = Math.min(lo + width, a.length);
      const hi = Math.min(lo + 2 * width, a.length);
      let i = lo;
      let j = mid;
      let k = lo;
      while (i < mid && j < hi) {
        if (a[j]! < a[i]!) {
          count += mid - i;
          tmp[k++] = a[j++]!;
        } else tmp[k++] = a[i++]!;
      }
      while (i < mid) tmp[k++] = a[i++]!;
      while (j < hi) tmp[k++] = a[j++]!;
    }
    a.set(tmp);
  }
  return count;
}

/** Crossings of edges grouped by a key (the pair of layers they join), each edge given by the
 * positions of its two ends. Edges sharing an end do not cross. */
export function crossingsOfGroups(groups: Iterable<{ s: number; t: number }[]>): number {
  let total = 0;
  for (const list of groups) {
    if (list.length < 2) continue;
    list.sort((p, q) => p.s - q.s || p.t - q.t);
    total += inversions(Float64Array.from(list, (p) => p.t));
  }
  return total;
}

/**
 * Edge crossings in a layout, counted between each pair of layers an edge joins (edges are compared
 * with the edges joining the same two layers). For tests and tuning.
 *
 * @example
 * countCrossings(graph, layoutGraph(graph)) < countCrossings(graph, layoutGraph(graph, undefined, { sweeps: 0 }))
 */
export function countCrossings(graph: Graph, layout: Layout): number {
  const groups = new Map<string, { s: number; t: number }[]>();
  for (const e of graph.edges) {
    const s = layout.positions[e.source];
    const t = layout.positions[e.target];
    if (!s || !t || s.x === t.x) continue;
    const key = `${s.x}|${t.x}`;
    let list = groups.get(key);
    if (!list) groups.set(key, (list = []));
    list.push({ s: s.y, t: t.y });
  }
  return crossingsOfGroups(groups.values());
}
