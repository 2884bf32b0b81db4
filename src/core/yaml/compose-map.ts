/**
 * Mapping construction for compose.ts: pairs, duplicate keys, complex keys and merge keys (`<<`),
 * with the semantics of go-yaml v2 as Kubernetes reads it: keys become strings (sigs.k8s.io/yaml
 * converts YAML to JSON), a duplicate key is reported and the last one wins, and keys written in the
 * mapping override merged ones wherever `<<` appears.
 */
import type { Diagnostic, YMap, YNode, YPair, YSeq } from '../types.ts';
import { diagnostic } from '../diagnostic.ts';
import { YAML_CODES } from './codes.ts';

/**
 * The children of the collections being built, on three stacks shared by every document (compose is not
 * re-entered): a collection's children sit above its frame's `start` until it closes, then go into one array
 * of their exact size. Pushed onto arrays that grow as they go, a tree's lists kept spare room (V8 grows 0 → 16
 * slots on the first push), or took a second copy at their exact size when the collection closed: the trees
 * live as long as the analysis, and that copy of 100,000 lists cost `validate` of 5,000 IngressRoutes ~4 %
 * (alternated runs).
 */
export const CHILDREN: { pairs: YPair[]; items: YNode[]; values: unknown[] } = { pairs: [], items: [], values: [] };

export interface MapFrame {
  kind: 0;
  node: YMap;
  /** Where this mapping's pairs start on `CHILDREN.pairs`. */
  start: number;
  value: Record<string, unknown>;
  key: YNode | null;
  keyValue: unknown;
  /** Nodes reached, counting alias expansions (for the alias cap). */
  size: number;
  /** Values of `<<` keys, merged when the mapping closes. */
  merges: unknown[] | null;
  /** True for flow collections, whose end is the closing bracket. */
  flowEnd: boolean;
}

export interface SeqFrame {
  kind: 1;
  node: YSeq;
  /** Where this sequence's items (and their values) start on `CHILDREN.items` (`CHILDREN.values`). */
  start: number;
  value: unknown[];
  size: number;
  flowEnd: boolean;
}

const hasOwn = Object.prototype.hasOwnProperty;

/** Adds the pair (frame.key: node) to the mapping being built. */
export function addPair(frame: MapFrame, node: YNode, value: unknown, ctx: { file: string; diagnostics: Diagnostic[] }): void {
  const key = frame.key!;
  const keyValue = frame.keyValue;
  frame.key = null;
  frame.keyValue = undefined;
  const complex = keyValue !== null && typeof keyValue === 'object';
  const keyText = complex ? '' : String(keyValue);
  const pairs = CHILDREN.pairs;
  pairs.push({ key, keyText, value: node });

  if (complex) {
    // `{{ .Values.x }}` parses as a flow mapping whose key is a flow mapping: say what it really is.
    const template = key.kind === 'map' && key.flow && frame.node.flow && key.range.start === frame.node.range.start + 1;
    const message = template
      ? 'This looks like a Helm/Go template (`{{ … }}`), which is not YAML: render it first (`helm template`) or quote the value.'
      : 'A mapping or sequence cannot be a key: Kubernetes reads YAML as JSON, whose keys are strings.';
    ctx.diagnostics.push(diagnostic(YAML_CODES, 'YAML_COMPLEX_KEY', message, ctx.file, key.range));
    return;
  }
  if (keyText === '<<' && key.kind === 'scalar' && key.style === 'plain' && key.tag === undefined) {
    (frame.merges ??= []).push(value);
    return;
  }
  const obj = frame.value;
  if (hasOwn.call(obj, keyText)) {
    let first: YPair | undefined;
    for (let i = frame.start; i < pairs.length && first === undefined; i++) if (pairs[i]!.keyText === keyText && pairs[i]!.key !== key) first = pairs[i];
    const message = `Duplicate key \`${keyText}\`: Kubernetes rejects it or keeps only the last value. Remove one of them.`;
    ctx.diagnostics.push(
      diagnostic(YAML_CODES, 'YAML_DUPLICATE_KEY', message, ctx.file, visible(key.range), {
        related: first ? [{ message: `\`${keyText}\` is first defined here.`, range: visible(first.key.range), file: ctx.file }] : [],
      }),
    );
  }
  setKey(obj, keyText, value);
}

/** An empty key (`: v`, `? `) has an empty range: show its indicator instead. */
function visible(r: { start: number; end: number }): { start: number; end: number } {
  return r.end > r.start ? r : { start: Math.max(0, r.start - 1), end: Math.max(r.start, 1) };
}

/** Writes a key, defining `__proto__` as an own property instead of changing the prototype. */
export function setKey(obj: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(obj, key, { value, enumerable: true, configurable: true, writable: true });
  else obj[key] = value;
}

/** Applies `<<` merges: keys of the merged mappings that the mapping does not define itself. */
export function applyMerges(frame: MapFrame): void {
  const obj = frame.value;
  for (const source of frame.merges!) {
    const list = Array.isArray(source) ? source : [source];
    for (const item of list) {
      if (item === null || typeof item !== 'object' || Array.isArray(item)) continue;
      for (const k of Object.keys(item)) {
        if (hasOwn.call(obj, k)) continue;
        setKey(obj, k, (item as Record<string, unknown>)[k]);
      }
    }
  }
}
