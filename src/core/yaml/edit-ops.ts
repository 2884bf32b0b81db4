/**
 * The text operations behind planEdit: replace a node, add a pair or an item, remove an entry, move an
 * item. Each returns splices of the original text that touch only the lines of the node concerned.
 */
import type { TextEdit, YMap, YNode, YPair, YSeq } from '../types.ts';
import { isCollection, isEmptyCollection, normalize, renderKey, type RenderStyle } from './edit-render.ts';
import { flowText, itemTail, pairTail, renderBlock, rootText, type Rendered } from './edit-render-place.ts';
import { colonEnd, column, contentStart, dashOf, endOfLastLine, lineEnd, lineStart, mapColumn, nextLineStart, seqColumn, startsLine } from './edit-text.ts';

export type Parent = { kind: 'root' } | { kind: 'pair'; map: YMap; pair: YPair } | { kind: 'item'; seq: YSeq; index: number };

export interface Step {
  node: YNode;
  parent: Parent;
}

export interface EditDoc {
  text: string;
  root: YNode | null;
  style: RenderStyle;
}

export type Plan = TextEdit[] | { error: string };

function edit(start: number, end: number, text: string): TextEdit {
  return { range: { start, end }, text };
}

function lineIndent(text: string, pos: number): number {
  const s = lineStart(text, pos);
  let i = s;
  while (text.charCodeAt(i) === 32) i++;
  return i - s;
}

/** A value written right after `:` or an anchor needs a space before it. */
function needsSpace(text: string, pos: number): boolean {
  if (pos === 0) return false;
  const c = text.charCodeAt(pos - 1);
  return !(c === 32 || c === 9 || c === 10 || c === 13 || c === 91 || c === 123 || c === 44);
}

function inFlow(parent: Parent): boolean {
  return (parent.kind === 'pair' && parent.map.flow) || (parent.kind === 'item' && parent.seq.flow);
}

/** True when a flow collection spans several lines (pretty JSON). */
function multiline(text: string, node: YNode): boolean {
  return lineStart(text, node.range.start) !== lineStart(text, node.range.end);
}

function isBlockNode(n: YNode): boolean {
  return ((n.kind === 'map' || n.kind === 'seq') && !n.flow) || (n.kind === 'scalar' && (n.style === 'literal' || n.style === 'folded'));
}

/** Column of the key or dash the node hangs from. */
function parentColumn(doc: EditDoc, parent: Parent): number {
  if (parent.kind === 'pair') return column(doc.text, parent.pair.key.range.start);
  if (parent.kind === 'item') return column(doc.text, dashOf(doc.text, parent.seq.items[parent.index]!));
  return 0;
}

/**
 * A multi-line replacement must not end before a comment on the same line: after a block scalar the
 * comment would become content. The comment moves to the end of the replacement's first line (after
 * `key:` or a `|` header, where YAML allows it).
 */
function keepTrailingComment(text: string, e: TextEdit): TextEdit {
  const nl = e.text.indexOf('\n');
  if (nl === -1) return e;
  const end = lineEnd(text, e.range.end);
  const m = /^([ \t]*)(#.*)$/.exec(text.slice(e.range.end, end));
  if (m === null) return e;
  const cut = nl > 0 && e.text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
  const head = e.text.slice(0, cut);
  return { range: { start: e.range.start, end }, text: head + (m[1] || ' ') + m[2] + e.text.slice(cut) };
}

/**
 * Replaces the value of the node at `step` (keeping its anchor; a tag is dropped).
 *
 * @example
 * replaceNode(doc, step, 8080); // [{ range: <the old value>, text: '8080' }]
 */
export function replaceNode(doc: EditDoc, step: Step, value: unknown): Plan {
  const plan = replaceNodeText(doc, step, value);
  return Array.isArray(plan) ? plan.map((e) => keepTrailingComment(doc.text, e)) : plan;
}

function replaceNodeText(doc: EditDoc, step: Step, value: unknown): Plan {
  const { text, style } = doc;
  const T = step.node;
  const parent = step.parent;
  const v = normalize(value);
  const prefer = T.kind === 'scalar' && typeof v === 'string' ? T.style : undefined;
  const anchor = T.anchor !== undefined ? `&${T.anchor}` : '';
  const cs = contentStart(text, T);
  const start = T.tag !== undefined ? T.range.start : cs;
  const keep = T.tag !== undefined && anchor ? anchor + ' ' : '';
  const pad = needsSpace(text, start) ? ' ' : '';

  if (inFlow(parent) || style.json) {
    const holder = parent.kind === 'pair' ? parent.map : parent.kind === 'item' ? parent.seq : T;
    const t = flowText(v, style, { pretty: multiline(text, isBlockNode(T) || T.kind === 'scalar' ? holder : T), lineIndent: lineIndent(text, T.range.start), prefer });
    return [edit(start, T.range.end, pad + keep + t)];
  }
  const r: Rendered = renderBlock(v, style, prefer);
  if (parent.kind === 'root') return [edit(start, T.range.end, keep + rootText(r, style))];
  const pc = parentColumn(doc, parent);
  // Same shape in place: a one-line value replaced by a one-line value, or block lines by block lines
  // at the column the old ones used (so that comments around the node stay).
  if (r.kind === 'inline' && !isBlockNode(T)) return [edit(start, T.range.end, pad + keep + r.text)];
  if (r.kind === 'block' && (T.kind === 'map' || T.kind === 'seq') && !T.flow && T.tag === undefined) {
    const col = column(text, cs);
    if (col > pc || (parent.kind === 'pair' && col === pc && r.seq)) return [edit(cs, T.range.end, r.lines.map((l, i) => (i === 0 || l === '' ? l : ' '.repeat(col) + l)).join(style.eol))];
  }
  if (r.kind === 'block-scalar' && T.kind === 'scalar' && isBlockNode(T) && T.tag === undefined) {
    const body = T.valueRange.start < T.valueRange.end ? column(text, T.valueRange.start) : pc + style.unit;
    const lines = r.lines.map((l) => (l === '' ? l : ' '.repeat(Math.max(body, pc + 1)) + l)).join(style.eol);
    return [edit(cs, T.range.end, r.header + style.eol + lines)];
  }
  // Otherwise rewrite everything after the `:` or `-`.
  const after = parent.kind === 'pair' ? colonEnd(text, parent.pair) : dashOf(text, T) + 1;
  const tail = parent.kind === 'pair' ? pairTail(r, pc, style) : itemTail(r, pc, style);
  return [edit(after, T.range.end, (anchor ? ' ' + anchor : '') + tail)];
}

/**
 * Adds `key: value` at the end of a mapping (non-empty block, or flow).
 *
 * @example
 * insertPair(doc, metadataMap, 'namespace', 'apps'); // [{ range: <end of the last pair's line>, text: '\n  namespace: apps' }]
 */
export function insertPair(doc: EditDoc, map: YMap, key: string, value: unknown): Plan {
  const { text, style } = doc;
  const v = normalize(value);
  if (map.flow) {
    const last = map.pairs[map.pairs.length - 1];
    const pretty = last ? multiline(text, last.value) : multiline(text, map);
    const indent = last ? lineIndent(text, last.range.start) : lineIndent(text, map.range.start) + style.unit;
    const pair = `${renderKey(key, true, style.json)}: ${flowText(v, style, { pretty, lineIndent: indent })}`;
    if (last === undefined) return [edit(map.range.start + 1, map.range.end - 1, pair)];
    const sep = multiline(text, map) ? ',' + style.eol + ' '.repeat(indent) : ', ';
    return [edit(last.range.end, last.range.end, sep + pair)];
  }
  const col = mapColumn(text, map);
  const last = map.pairs[map.pairs.length - 1]!;
  const at = endOfLastLine(text, last.value);
  const line = renderKey(key, false, false) + ':' + pairTail(renderBlock(v, style), col, style);
  return [edit(at, at, style.eol + ' '.repeat(col) + line)];
}

/**
 * Inserts an item at `index` (0…length) of a non-empty block sequence or any flow sequence.
 *
 * @example
 * insertItem(doc, entryPoints, 0, 'web'); // [{ range: <before the first `-`>, text: '- web\n    ' }]
 */
export function insertItem(doc: EditDoc, seq: YSeq, index: number, value: unknown): Plan {
  const { text, style } = doc;
  const v = normalize(value);
  const n = seq.items.length;
  if (seq.flow) {
    const ref = seq.items[Math.min(index, n - 1)];
    const pretty = ref ? multiline(text, ref) : multiline(text, seq);
    const indent = ref ? lineIndent(text, ref.range.start) : lineIndent(text, seq.range.start) + style.unit;
    const t = flowText(v, style, { pretty, lineIndent: indent });
    const sep = multiline(text, seq) ? ',' + style.eol + ' '.repeat(indent) : ', ';
    if (n === 0) return [edit(seq.range.start + 1, seq.range.end - 1, t)];
    if (index < n) return [edit(ref!.range.start, ref!.range.start, t + sep)];
    return [edit(ref!.range.end, ref!.range.end, sep + t)];
  }
  const col = seqColumn(text, seq);
  const item = '-' + itemTail(renderBlock(v, style), col, style);
  if (index < n) {
    const dash = dashOf(text, seq.items[index]!);
    return [edit(dash, dash, item + style.eol + ' '.repeat(col))];
  }
  const at = endOfLastLine(text, seq.items[n - 1]!);
  return [edit(at, at, style.eol + ' '.repeat(col) + item)];
}

/**
 * Removes entry `index` of a flow collection, with the comma on one side.
 *
 * @example
 * removeFlowEntry([{ start: 4, end: 5 }, { start: 7, end: 8 }], 0); // [{ range: { start: 4, end: 7 }, text: '' }]
 */
export function removeFlowEntry(entries: readonly { start: number; end: number }[], index: number): Plan {
  const e = entries[index]!;
  if (entries.length === 1) return [edit(e.start, e.end, '')];
  if (index < entries.length - 1) return [edit(e.start, entries[index + 1]!.start, '')];
  return [edit(entries[index - 1]!.end, e.end, '')];
}

/**
 * Removes a pair or an item of a block collection with its lines (the collection has ≥ 2 entries).
 *
 * @example
 * removeBlockEntry(doc, pair.range.start, pair.value, next.range.start); // the pair's whole lines
 */
export function removeBlockEntry(doc: EditDoc, start: number, last: YNode, nextStart: number | null): Plan {
  const { text } = doc;
  if (startsLine(text, start)) return [edit(lineStart(text, start), nextLineStart(text, endOfLastLine(text, last)), '')];
  if (nextStart !== null) return [edit(start, nextStart, '')];
  return { error: 'cannot remove this entry without rewriting its parent' };
}

/** Start of the run of full-line comments directly above the line starting at `start`. */
function commentsAbove(text: string, start: number): number {
  let first = start;
  while (first > 0) {
    const prevStart = lineStart(text, first - 1);
    if (!/^[ \t]*#/.test(text.slice(prevStart, first))) break;
    first = prevStart;
  }
  return first;
}

/** Moves item `from` to position `to` (as Array.splice would): items trade places, the text between
 * them (line breaks, comment lines) stays where it is.
 *
 * @example
 * moveItem(doc, routes, 0, 2); // one edit rewriting the lines of items 0…2 in their new order
 */
export function moveItem(doc: EditDoc, seq: YSeq, from: number, to: number): Plan {
  const { text } = doc;
  const dashes = seq.flow ? [] : seq.items.map((item) => dashOf(text, item));
  const lineBased = !seq.flow && dashes.every((d) => startsLine(text, d));
  const chunks = seq.items.map((item, i) => {
    if (seq.flow) return { start: item.range.start, end: item.range.end };
    // Whole lines, with the comment lines right above the item (they describe it), when every item
    // starts its own line; from the dash otherwise (`- - a`).
    return { start: lineBased ? commentsAbove(text, lineStart(text, dashes[i]!)) : dashes[i]!, end: endOfLastLine(text, item) };
  });
  const order = chunks.map((_, i) => i);
  order.splice(to, 0, order.splice(from, 1)[0]!);
  const lo = Math.min(from, to);
  const hi = Math.max(from, to);
  let out = '';
  for (let i = lo; i <= hi; i++) {
    const c = chunks[order[i]!]!;
    out += text.slice(c.start, c.end);
    if (i < hi) out += text.slice(chunks[i]!.end, chunks[i + 1]!.start);
  }
  return [edit(chunks[lo]!.start, chunks[hi]!.end, out)];
}

export { isCollection, isEmptyCollection };
