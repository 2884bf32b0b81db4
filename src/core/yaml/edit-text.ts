/**
 * Text helpers for planEdit: lines, columns, the indicator before a node (`:` of its pair, `-` of its
 * item), where a node's content starts after its properties, and the document's indentation style.
 */
import type { YMap, YNode, YPair, YSeq } from '../types.ts';
import type { RenderStyle } from './edit-render.ts';

export function isBreak(c: number): boolean {
  return c === 10 || c === 13;
}

export function lineStart(text: string, pos: number): number {
  let i = pos;
  while (i > 0 && !isBreak(text.charCodeAt(i - 1))) i--;
  return i;
}

/**
 * End of the line containing pos, before its line break.
 *
 * @example
 * lineEnd('ab\r\ncd', 0); // 2
 */
export function lineEnd(text: string, pos: number): number {
  let i = pos;
  while (i < text.length && !isBreak(text.charCodeAt(i))) i++;
  return i;
}

/**
 * Start of the next line after the line containing pos (or the end of the text).
 *
 * @example
 * nextLineStart('ab\r\ncd', 0); // 4
 */
export function nextLineStart(text: string, pos: number): number {
  const e = lineEnd(text, pos);
  if (e >= text.length) return text.length;
  return text.charCodeAt(e) === 13 && text.charCodeAt(e + 1) === 10 ? e + 2 : e + 1;
}

export function column(text: string, pos: number): number {
  return pos - lineStart(text, pos);
}

/**
 * True when only spaces precede pos on its line.
 *
 * @example
 * startsLine('  - a', 2); // true
 */
export function startsLine(text: string, pos: number): boolean {
  for (let i = pos - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (isBreak(c)) return true;
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

/**
 * Offset of a node's content, after its anchor and tag.
 *
 * @example
 * contentStart('k: &a !!str x', node); // the offset of `x`
 */
export function contentStart(text: string, node: YNode): number {
  let i = node.range.start;
  // `&anchor` and `!tag`, in either order; content never starts with `&` or `!` (both are indicators,
  // and quoted content starts with its quote). The loops stop at the node's end.
  for (;;) {
    const c = text.charCodeAt(i);
    if (c !== 38 /* & */ && c !== 33 /* ! */) return i;
    while (i < node.range.end && !/\s/.test(text[i]!)) i++;
    while (i < node.range.end && /\s/.test(text[i]!)) i++;
  }
}

/**
 * Offset just after the `:` that separates a block pair's key from its value.
 *
 * @example
 * colonEnd('key:  v', pair); // 4
 */
export function colonEnd(text: string, pair: YPair): number {
  const limit = Math.max(pair.value.range.start, pair.key.range.end);
  for (let i = pair.key.range.end; i < limit; i++) if (text.charCodeAt(i) === 58) return i + 1;
  return pair.key.range.end;
}

/**
 * Offset of the `-` of a block sequence item.
 *
 * @example
 * dashOf('  - a', itemNode); // 2
 */
export function dashOf(text: string, item: YNode): number {
  let i = item.range.start - 1;
  while (i > 0 && text.charCodeAt(i) !== 45) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && !isBreak(c)) break;
    i--;
  }
  return Math.max(i, 0);
}

/**
 * The column of a block map's keys.
 *
 * @example
 * mapColumn('- a: 1\n  b: 2', map); // 2
 */
export function mapColumn(text: string, map: YMap): number {
  return column(text, map.pairs[0]!.key.range.start);
}

/**
 * The column of a block sequence's dashes.
 *
 * @example
 * seqColumn('k:\n- a', seq); // 0
 */
export function seqColumn(text: string, seq: YSeq): number {
  return column(text, dashOf(text, seq.items[0]!));
}

/** Where the last line of a node ends, after any trailing comment and, for a `|+`/`>+` block scalar,
 * the blank lines it keeps.
 *
 * @example
 * endOfLastLine('k: v  # c\nz: 1', valueNode); // 9
 */
export function endOfLastLine(text: string, node: YNode): number {
  let end = lineEnd(text, node.range.end);
  if (node.kind === 'scalar' && (node.style === 'literal' || node.style === 'folded')) {
    // The header after the node's anchor and tag, in either order; `+` before or after the indentation digit.
    const header = text.slice(node.range.start, node.valueRange.start).replace(/^(?:[&!]\S*\s+)*/, '');
    if (/^[|>][0-9]*\+/.test(header)) {
      let next = nextLineStart(text, end);
      while (next < text.length && text.slice(next, lineEnd(text, next)).trim() === '') {
        end = lineEnd(text, next);
        next = nextLineStart(text, end);
      }
    }
  }
  return end;
}

/**
 * Detects the document's indentation unit, sequence style and whether it is JSON.
 *
 * @example
 * detectStyle('a:\n    b:\n    - x\n', root); // { unit: 4, seqIndented: false, json: false, eol: '\n' }
 */
export function detectStyle(text: string, root: YNode | null): RenderStyle {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  let unit = 0;
  let seqIndented: boolean | null = null;
  const json = root?.kind === 'map' && root.flow && (root.pairs[0]?.key.kind !== 'scalar' || root.pairs[0]?.key.style === 'double');
  const stack: YNode[] = root ? [root] : [];
  let visited = 0;
  while (stack.length > 0 && visited++ < 2000 && (unit === 0 || seqIndented === null)) {
    const node = stack.pop()!;
    if (node.kind === 'map' && !node.flow) {
      const keyCol = mapColumn(text, node);
      for (const p of node.pairs) {
        const v = p.value;
        // (A block collection has at least one entry; its keys or dashes give its column even when an
        // anchor or tag precedes it on the key's line.)
        if (v.kind === 'map' && !v.flow && unit === 0) unit = mapColumn(text, v) - keyCol;
        if (v.kind === 'seq' && !v.flow && seqIndented === null) seqIndented = seqColumn(text, v) > keyCol;
        stack.push(v);
      }
    } else if (node.kind === 'seq') for (const it of node.items) stack.push(it);
    else if (node.kind === 'map') for (const p of node.pairs) stack.push(p.value);
  }
  // (A JSON document has no block map, so no unit from the walk above.)
  if (json) unit = detectJsonUnit(text, root);
  return { unit: unit > 0 && unit <= 8 ? unit : 2, seqIndented: seqIndented ?? true, json: Boolean(json), eol };
}

/** The indentation of a JSON document's first key, when it starts its own line (`{\n    "a": 1`). */
function detectJsonUnit(text: string, root: YMap): number {
  if (root.pairs.length === 0) return 0;
  const first = root.pairs[0]!.key.range.start;
  return startsLine(text, first) ? column(text, first) - column(text, root.range.start) : 0;
}
