/**
 * YNode helpers for the validator: alias resolution, `<<` merge keys, ranges to point at, and the
 * context one validation run carries.
 */
import type { Diagnostic, Range, TraefikTarget, YMap, YNode, YPair, YScalar } from '../types.ts';
import type { JsonSchema, JsonType } from './json-schema.ts';

export interface WalkContext {
  file: string;
  target: TraefikTarget;
  /** The kind's whole schema (to say where a misplaced field belongs). */
  root: JsonSchema;
  out: Diagnostic[];
  /** Nodes being walked, to stop on alias cycles. */
  active: Set<YNode>;
}

/**
 * Follows aliases to the anchored node (null when the anchor is unknown or aliases loop).
 *
 * @example
 * deref(aliasNode) // the anchored node
 */
export function deref(node: YNode | null | undefined): YNode | null {
  let n: YNode | null | undefined = node;
  for (let i = 0; n && n.kind === 'alias' && i < 32; i++) n = n.target;
  return n && n.kind !== 'alias' ? n : null;
}

/**
 * The JSON type of a node as Kubernetes would see it.
 *
 * @example
 * jsonType(scalarNodeOf('80')) // 'integer'
 */
export function jsonType(node: YNode): JsonType {
  if (node.kind === 'map') return 'object';
  if (node.kind === 'seq') return 'array';
  if (node.kind === 'alias') return 'null';
  const v = node.value;
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'boolean') return 'boolean';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return 'string';
}

/**
 * True when a node is an empty value (`key:`, `~`, `null`).
 *
 * @example
 * isNull(valueOf('tls:')) // true
 */
export function isNull(node: YNode | null): boolean {
  return node === null || (node.kind === 'scalar' && (node.value === null || node.value === undefined));
}

export interface EffectivePair {
  pair: YPair;
  /** True when the pair comes from a `<<: *anchor` merge. */
  merged: boolean;
}

/**
 * The pairs of a mapping with YAML merge keys applied: own keys win, then merges in order.
 *
 * @example
 * effectivePairs(mapOf('<<: *base\nweight: 2')).map((p) => p.pair.keyText) // ['weight', 'name', 'port']
 */
export function effectivePairs(map: YMap, depth = 0): EffectivePair[] {
  const own = map.pairs.filter((p) => p.keyText !== '<<');
  const seen = new Set(own.map((p) => p.keyText));
  const out: EffectivePair[] = own.map((pair) => ({ pair, merged: false }));
  if (depth > 8) return out;
  for (const p of map.pairs) {
    if (p.keyText !== '<<') continue;
    const v = deref(p.value);
    const sources = v?.kind === 'map' ? [v] : v?.kind === 'seq' ? v.items.map(deref) : [];
    for (const src of sources) {
      if (src?.kind !== 'map') continue;
      for (const { pair } of effectivePairs(src, depth + 1)) {
        if (seen.has(pair.keyText)) continue;
        seen.add(pair.keyText);
        out.push({ pair, merged: true });
      }
    }
  }
  return out;
}

/**
 * The value node of `key` in a mapping (merges included), or null.
 *
 * @example
 * pairValue(serviceMap, 'kind') // the `kind` value node, or null
 */
export function pairValue(map: YMap, key: string): YNode | null {
  return effectivePairs(map).find((p) => p.pair.keyText === key)?.pair.value ?? null;
}

/**
 * Where to point for a problem "of" a node with no key of its own (a list item, the resource).
 *
 * @example
 * anchorOf(routeItem) // the range of the item's `kind` key
 */
export function anchorOf(node: YNode): Range {
  const n = deref(node) ?? node;
  if (n.kind === 'map') {
    const first = n.pairs.find((p) => p.keyText === 'kind') ?? n.pairs[0];
    if (first) return { ...first.key.range };
  }
  return { start: node.range.start, end: Math.min(node.range.end, node.range.start + 1) };
}

/**
 * The range to replace when rewriting a scalar's text (inside the quotes when quoted).
 *
 * @example
 * scalarEditRange(quotedNode) // the range inside the quotes
 */
export function scalarEditRange(node: YScalar): Range {
  return node.style === 'single' || node.style === 'double' ? { ...node.valueRange } : { ...node.range };
}
