/** Counting edge crossings between layers in O(E log E): sort each layer pair's edges by source
 * position, then count inversions of the target positions (a merge sort). */
import type { Graph, Layout } from './types.ts';

/** Inversions of `a` (pairs i < j with a[i] > a[j]); sorts `a` in place. */
export function inversions(a: Float64Array<ArrayBufferLike>, tmp: Float64Array<ArrayBufferLike> = new Float64Array(a.length)): number {
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
    a.set(tmp.subarray(0, a.length));
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

/**
 * Crossings of a fixed set of edges under changing orders, without allocating per count: edges are
 * grouped once by the pair of layers they join; each count sorts numeric keys pos(s)·M + pos(t) (a
 * typed-array sort, no comparator) and counts inversions of the target positions.
 */
export class LayerCrossings {
  private readonly groups: { s: Int32Array; t: Int32Array }[] = [];
  private readonly keys: Float64Array;
  private readonly targets: Float64Array;
  private readonly scratch: Float64Array;

  /** `pairs`: flat [source, target, …] node indices; `layerOf`: the layer of each node. */
  constructor(pairs: readonly number[], layerOf: Int32Array) {
    const byPair = new Map<number, number[]>();
    let layers = 0;
    for (const l of layerOf) layers = Math.max(layers, l + 1);
    for (let k = 0; k < pairs.length; k += 2) {
      let a = pairs[k]!;
      let b = pairs[k + 1]!;
      if (layerOf[a] === layerOf[b]) continue;
      if (layerOf[a]! > layerOf[b]!) [a, b] = [b, a];
      const key = layerOf[a]! * layers + layerOf[b]!;
      let list = byPair.get(key);
      if (!list) byPair.set(key, (list = []));
      list.push(a, b);
    }
    let longest = 0;
    for (const list of byPair.values()) {
      if (list.length < 4) continue;
      const s = new Int32Array(list.length / 2);
      const t = new Int32Array(list.length / 2);
      for (let k = 0; k < s.length; k++) {
        s[k] = list[2 * k]!;
        t[k] = list[2 * k + 1]!;
      }
      this.groups.push({ s, t });
      longest = Math.max(longest, s.length);
    }
    this.keys = new Float64Array(longest);
    this.targets = new Float64Array(longest);
    this.scratch = new Float64Array(longest);
  }

  /** Crossings when node i sits at position pos[i] of its layer. */
  count(pos: Int32Array): number {
    let m = 1;
    for (const p of pos) if (p + 1 > m) m = p + 1;
    let total = 0;
    for (const { s, t } of this.groups) {
      const keys = this.keys.subarray(0, s.length);
      for (let k = 0; k < s.length; k++) keys[k] = pos[s[k]!]! * m + pos[t[k]!]!;
      keys.sort();
      const targets = this.targets.subarray(0, s.length);
      for (let k = 0; k < s.length; k++) targets[k] = keys[k]! % m;
      total += inversions(targets, this.scratch);
    }
    return total;
  }
}
