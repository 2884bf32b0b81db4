/**
 * Vertical coordinates once every layer is ordered. The tallest layer is stacked tight; each other
 * layer, going outwards from it, puts every node as close as it can to the mean height of its already
 * placed neighbours while keeping the order and the minimum spacing. That is an isotonic regression,
 * solved exactly in O(n) by pool-adjacent-violators: an entryPoint ends up level with its routes, a
 * service next to the routes that use it, and nothing overlaps.
 */

export interface LayerInput {
  /** Node indices top to bottom. */
  ids: number[];
}

/** Neighbours of node i: list[start[i]] … list[start[i + 1] - 1]. */
export interface Adjacency {
  start: Int32Array;
  list: Int32Array;
}

export interface Spacing {
  height(i: number): number;
  /** Space between the bottom of `above` and the top of `below` (gap, plus a group header when a new
   * group starts). `above` is -1 for the first node of a layer. */
  gapBefore(below: number, above: number): number;
}

/** Minimises Σ w·(z − t)² subject to z non-decreasing (pool adjacent violators). */
export function isotonic(t: Float64Array, w: Float64Array): Float64Array {
  const n = t.length;
  const mean = new Float64Array(n);
  const weight = new Float64Array(n);
  const size = new Int32Array(n);
  let top = -1;
  for (let i = 0; i < n; i++) {
    top++;
    mean[top] = t[i]!;
    weight[top] = w[i]!;
    size[top] = 1;
    while (top > 0 && mean[top - 1]! >= mean[top]!) {
      const wsum = weight[top - 1]! + weight[top]!;
      mean[top - 1] = (mean[top - 1]! * weight[top - 1]! + mean[top]! * weight[top]!) / wsum;
      weight[top - 1] = wsum;
      size[top - 1] = size[top - 1]! + size[top]!;
      top--;
    }
  }
  const z = new Float64Array(n);
  let k = 0;
  for (let b = 0; b <= top; b++) for (let s = 0; s < size[b]!; s++) z[k++] = mean[b]!;
  return z;
}

/**
 * Top y of every node, all layers aligned as described above. `adjacency` lists, in compressed rows,
 * the nodes joined to each node by an edge (any layer).
 */
export function assignY(layers: readonly LayerInput[], layerOf: Int32Array, adjacency: Adjacency, spacing: Spacing, nodeCount: number): Float64Array {
  const y = new Float64Array(nodeCount);
  if (layers.length === 0) return y;
  const placed = new Uint8Array(layers.length);
  // Cumulative minimum offsets: y[i] - offset[i] must be non-decreasing down a layer.
  const offsets = layers.map((layer) => {
    const off = new Float64Array(layer.ids.length);
    let acc = 0;
    layer.ids.forEach((id, k) => {
      const above = k > 0 ? layer.ids[k - 1]! : -1;
      acc += spacing.gapBefore(id, above) + (above >= 0 ? spacing.height(above) : 0);
      off[k] = acc;
    });
    return off;
  });
  let anchor = 0;
  let tallest = -1;
  layers.forEach((layer, l) => {
    const last = layer.ids[layer.ids.length - 1];
    const h = last === undefined ? 0 : offsets[l]![layer.ids.length - 1]! + spacing.height(last);
    if (h > tallest) {
      tallest = h;
      anchor = l;
    }
  });

  const place = (l: number) => {
    const ids = layers[l]!.ids;
    const off = offsets[l]!;
    const t = new Float64Array(ids.length);
    const w = new Float64Array(ids.length);
    for (let k = 0; k < ids.length; k++) {
      const i = ids[k]!;
      let sum = 0;
      let count = 0;
      for (let a = adjacency.start[i]!; a < adjacency.start[i + 1]!; a++) {
        const j = adjacency.list[a]!;
        if (!placed[layerOf[j]!] || layerOf[j] === l) continue;
        sum += y[j]! + spacing.height(j) / 2;
        count++;
      }
      if (count > 0) {
        t[k] = sum / count - spacing.height(i) / 2 - off[k]!;
        w[k] = 1;
      } else {
        // No placed neighbour: no wish of its own, it follows the node above.
        t[k] = k > 0 ? t[k - 1]! : 0;
        w[k] = 1e-6;
      }
    }
    const z = l === anchor ? new Float64Array(ids.length) : isotonic(t, w);
    for (let k = 0; k < ids.length; k++) y[ids[k]!] = z[k]! + off[k]!;
    placed[l] = 1;
  };
  place(anchor);
  for (let l = anchor + 1; l < layers.length; l++) place(l);
  for (let l = anchor - 1; l >= 0; l--) place(l);

  // Shift so that the highest layer top (including a group header above its first node) is at 0.
  let top = Infinity;
  layers.forEach((layer, l) => {
    const first = layer.ids[0];
    if (first !== undefined) top = Math.min(top, y[first]! - offsets[l]![0]!);
  });
  if (Number.isFinite(top) && top !== 0) for (let i = 0; i < nodeCount; i++) y[i] = y[i]! - top;
  return y;
}
