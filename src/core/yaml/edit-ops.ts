/**
 * The text operations behind planEdit: replace a node, add a pair or an item, remove an entry, move an
 * item. Each returns splices of the original text that touch only the lines of the node concerned.
 */
import type { ScalarStyle, TextEdit, YMap, YNode, YPair, YSeq } from '../types.ts';
import { isCollection, isEmptyCollection, normalize, renderKey, type RenderStyle } from './edit-render.ts';
import { flowText, itemTail, pairTail, renderBlock, rootText, type Rendered } from './edit-render-place.ts';
import { colonEnd, column, contentStart, dashOf, endOfLastLine, isBreak, lineEnd, lineStart, mapColumn, nextLineStart, seqColumn, startsLine } from './edit-text.ts';

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

/** A value written right after `:` or an anchor needs a space before it (not after white space, a line
 * break, `[` or `,`: a value never follows `{` directly, the first entry of a flow map being a key). */
function needsSpace(text: string, pos: number): boolean {
  if (pos === 0) return false;
  const c = text.charCodeAt(pos - 1);
  return !(c === 32 || c === 9 || isBreak(c) || c === 91 || c === 44);
}

function inFlow(parent: Parent): boolean {
  return (parent.kind === 'pair' && parent.map.flow) || (parent.kind === 'item' && parent.seq.flow);
}

/** True when a flow collection spans several lines (pretty JSON). */
function multiline(text: string, node: YNode): boolean {
  return lineStart(text, node.range.start) !== lineStart(text, node.range.end);
}

function isBlockNode(n: YNode): boolean {
  return n.kind === 'scalar' ? n.style === 'literal' || n.style === 'folded' : (n.kind === 'map' || n.kind === 'seq') && !n.flow;
}

/** Column of the key or dash the node hangs from. */
function parentColumn(doc: EditDoc, parent: Exclude<Parent, { kind: 'root' }>): number {
  if (parent.kind === 'pair') return column(doc.text, parent.pair.key.range.start);
  return column(doc.text, dashOf(doc.text, parent.seq.items[parent.index]!));
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
  // A node ends on a non-blank character and YAML needs white space before a comment's `#`: the
  // comment keeps its own spacing.
  const comment = text.slice(e.range.end, end);
  if (!/^[ \t]*#/.test(comment)) return e;
  // charCodeAt(-1) is NaN: a replacement starting with its line break has no CR before it.
  const cut = e.text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
  return { range: { start: e.range.start, end }, text: e.text.slice(0, cut) + comment + e.text.slice(cut) };
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
  // The old quoting, which only a scalar has, and only a string keeps (renderBlock and flowText ignore it
  // for other values).
  const prefer = (T as { style?: ScalarStyle }).style;
  const anchor = T.anchor !== undefined ? `&${T.anchor}` : '';
  const cs = contentStart(text, T);
  const start = T.tag !== undefined ? T.range.start : cs;
  const keep = T.tag !== undefined && anchor ? anchor + ' ' : '';
  const pad = needsSpace(text, start) ? ' ' : '';
  // A key written without `:` (`{a}`, `? a`) has an empty value at the key's end: writing the value
  // there would lengthen the key (`{a 5}` is the key `a 5`).
  const noColon = parent.kind === 'pair' && text.charCodeAt(colonEnd(text, parent.pair) - 1) !== 58;

  if (inFlow(parent) || style.json) {
    // Pretty JSON when the old value spans several lines, or for a scalar when its container does. (In
    // flow context every node is a flow node, and a scalar has a pair or an item as parent: the root
    // here is a JSON document's flow map.)
    const layout = T.kind !== 'scalar' ? T : parent.kind === 'pair' ? parent.map : (parent as { seq: YSeq }).seq;
    const t = flowText(v, style, { pretty: multiline(text, layout), lineIndent: lineIndent(text, T.range.start), prefer });
    return [edit(start, T.range.end, (noColon ? ': ' : pad) + keep + t)];
  }
  const r: Rendered = renderBlock(v, style, prefer);
  if (parent.kind === 'root') return [edit(start, T.range.end, pad + keep + rootText(r, style))];
  // Its value would need a `:` line of its own below the key.
  if (noColon) return { error: 'This key is written `? key` without a value: add its value in the text.' };
  const pc = parentColumn(doc, parent);
  // Same shape in place: a one-line value replaced by a one-line value, or block lines by block lines
  // at the column the old ones used (so that comments around the node stay).
  if (r.kind === 'inline' && !isBlockNode(T)) return [edit(start, T.range.end, pad + keep + r.text)];
  if (r.kind === 'block' && (T.kind === 'map' || T.kind === 'seq') && !T.flow && T.tag === undefined) {
    const col = column(text, cs);
    // A block collection hangs past its key or dash, except an indentless sequence (`key:\n- a`), which
    // another sequence may replace at the same column (a map may not).
    if (col > pc || r.seq) return [edit(cs, T.range.end, r.lines.map((l, i) => (i === 0 || l === '' ? l : ' '.repeat(col) + l)).join(style.eol))];
  }
  if (r.kind === 'block-scalar' && T.kind === 'scalar' && isBlockNode(T) && T.tag === undefined) {
    const body = T.valueRange.start < T.valueRange.end ? column(text, T.valueRange.start) : pc + style.unit;
    // A block scalar's body is always indented past its key or dash (YAML refuses it otherwise).
    const lines = r.lines.map((l) => (l === '' ? l : ' '.repeat(body) + l)).join(style.eol);
    return [edit(cs, T.range.end, r.header + style.eol + lines)];
  }
  // Otherwise rewrite everything after the `:` or `-`.
  const after = parent.kind === 'pair' ? colonEnd(text, parent.pair) : dashOf(text, T) + 1;
  const tail = parent.kind === 'pair' ? pairTail(r, pc, style) : itemTail(r, pc, style);
  return [edit(after, T.range.end, (anchor ? ' ' + anchor : '') + tail)];
}

/**
 * Adds `key: value` at the end of a non-empty mapping (block or flow).
 *
 * @example
 * insertPair(doc, metadataMap, 'namespace', 'apps'); // [{ range: <end of the last pair's line>, text: '\n  namespace: apps' }]
 */
export function insertPair(doc: EditDoc, map: YMap, key: string, value: unknown): Plan {
  const { text, style } = doc;
  const v = normalize(value);
  const last = map.pairs[map.pairs.length - 1]!;
  if (map.flow) {
    const indent = lineIndent(text, last.key.range.start);
    const pair = `${renderKey(key, true, style.json)}: ${flowText(v, style, { pretty: multiline(text, last.value), lineIndent: indent })}`;
    const sep = multiline(text, map) ? ',' + style.eol + ' '.repeat(indent) : ', ';
    return [edit(last.value.range.end, last.value.range.end, sep + pair)];
  }
  const col = mapColumn(text, map);
  const at = endOfLastLine(text, last.value);
  const line = renderKey(key, false, false) + ':' + pairTail(renderBlock(v, style), col, style);
  return [edit(at, at, style.eol + ' '.repeat(col) + line)];
}

/**
 * Inserts an item at `index` (0…length) of a non-empty sequence (block or flow).
 *
 * @example
 * insertItem(doc, entryPoints, 0, 'web'); // [{ range: <before the first `-`>, text: '- web\n    ' }]
 */
export function insertItem(doc: EditDoc, seq: YSeq, index: number, value: unknown): Plan {
  const { text, style } = doc;
  const v = normalize(value);
  const n = seq.items.length;
  if (seq.flow) {
    const ref = seq.items[Math.min(index, n - 1)]!;
    const indent = lineIndent(text, ref.range.start);
    const t = flowText(v, style, { pretty: multiline(text, ref), lineIndent: indent });
    const sep = multiline(text, seq) ? ',' + style.eol + ' '.repeat(indent) : ', ';
    if (index < n) return [edit(ref.range.start, ref.range.start, t + sep)];
    return [edit(ref.range.end, ref.range.end, sep + t)];
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
 * removeBlockEntry(doc, pair.key.range.start, pair.value, next.key.range.start); // the pair's whole lines
 */
export function removeBlockEntry(doc: EditDoc, start: number, last: YNode, nextStart: number | null): TextEdit[] {
  const { text } = doc;
  if (startsLine(text, start)) return [edit(lineStart(text, start), nextLineStart(text, endOfLastLine(text, last)), '')];
  // Only the first entry of a block collection can share its line (`- a: 1`, `- - a`); every later one
  // starts its own. With ≥ 2 entries, the first has a next one, and the next one moves up in its place.
  return [edit(start, nextStart!, '')];
}

/** Start of the run of full-line comments directly above the line starting at `start`. */
function commentsAbove(text: string, start: number): number {
  let first = start;
  for (;;) {
    // The line above ends before its line break (two characters for CRLF).
    const prev = lineStart(text, text.charCodeAt(first - 2) === 13 && text.charCodeAt(first - 1) === 10 ? first - 2 : first - 1);
    // At offset 0 the line above is text.slice(-1, 0), which is empty: the run stops there.
    if (!/^[ \t]*#/.test(text.slice(prev, first))) return first;
    first = prev;
  }
}

/** Moves item `from` to position `to` (as Array.splice would): items trade places, the text between
 * them (line breaks, comment lines) stays where it is.
 *
 * @example
 * moveItem(doc, routes, 0, 2); // one edit rewriting the lines of items 0…2 in their new order
 */
export function moveItem(doc: EditDoc, seq: YSeq, from: number, to: number): Plan {
  const { text } = doc;
  const dashes = seq.items.map((item) => dashOf(text, item));
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
