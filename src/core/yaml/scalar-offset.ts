/**
 * Maps indices in a scalar's decoded text back to file offsets, through quoting (`''`, `\"`, `\x41`,
 * `\u00e9`), line folding (plain and quoted multi-line scalars) and block scalars (indentation
 * stripped, `>` folding). Rule diagnostics use it to underline the exact characters of a `match:`
 * value however it is written.
 *
 * The decoders mirror js-yaml's getPlainValue / getSingleQuotedValue / getDoubleQuotedValue /
 * getBlockValue step by step, recording where each decoded character came from: a character from the
 * source maps to itself, an escape to its backslash, a folded line break to the end of the text
 * before it. Tests check that the decoded text equals js-yaml's for every style.
 */
import type { YScalar } from '../types.ts';
import { decodeBlock, Out } from './scalar-offset-block.ts';

export interface DecodedOffsets {
  decoded: string;
  /** offsets[i] = file offset of decoded character i; offsets[decoded.length] = the end. */
  offsets: number[];
}

const cache = new WeakMap<YScalar, DecodedOffsets>();

/**
 * The file offset of index `index` of `scalar.text` (clamped to [0, text.length]; the length maps to
 * the end of the scalar's content).
 *
 * @example
 * // text: 'match: "Host(`a\\u0062`)"'  → scalar.text 'Host(`ab`)'
 * decodedToSourceOffset(scalar, text, 7); // the offset of the backslash of \u0062
 */
export function decodedToSourceOffset(scalar: YScalar, text: string, index: number): number {
  try {
    return mapOffset(scalar, text, index);
  } catch {
    return scalar?.valueRange?.start ?? 0;
  }
}

function mapOffset(scalar: YScalar, text: string, index: number): number {
  const { start, end } = scalar.valueRange;
  const len = scalar.text.length;
  const i = Math.max(0, Math.min(Number.isFinite(index) ? Math.floor(index) : 0, len));
  if (end - start === len && text.startsWith(scalar.text, start)) return start + i;
  let map = cache.get(scalar);
  if (map === undefined) {
    map = scalarOffsets(scalar, text);
    cache.set(scalar, map);
  }
  if (map.decoded !== scalar.text) {
    // The source changed under the tree, or a case the decoders do not cover: stay in the scalar.
    return Math.min(start + i, end);
  }
  return map.offsets[i]!;
}

/**
 * Decoded text and per-character offsets of a scalar.
 *
 * @example
 * scalarOffsets(scalar, text); // { decoded: 'a b', offsets: [4, 5, 9, 10] } for 'k: "a\n   b"'
 */
export function scalarOffsets(scalar: YScalar, text: string): DecodedOffsets {
  const { start, end } = scalar.valueRange;
  switch (scalar.style) {
    case 'plain':
      return decodeFlow(text, start, end, 0);
    case 'single':
      return decodeFlow(text, start, end, 1);
    case 'double':
      return decodeFlow(text, start, end, 2);
    case 'literal':
    case 'folded':
      return decodeBlock(text, scalar.valueRange, scalar.text.length, scalar.style === 'folded');
  }
}

/** skipFoldedBreaks: line breaks and the spaces around them, from a break. */
function skipBreaks(s: string, position: number, end: number): { position: number; breaks: number } {
  let breaks = 0;
  while (position < end) {
    const ch = s.charCodeAt(position);
    if (ch === 10) {
      breaks++;
      position++;
    } else if (ch === 13) {
      breaks++;
      position++;
      if (s.charCodeAt(position) === 10) position++;
    } else if (ch === 32 || ch === 9) position++;
    else break;
  }
  return { position, breaks };
}

const SIMPLE: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', t: '\t', '\t': '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b',
  ' ': ' ', '"': '"', '/': '/', '\\': '\\', N: '\x85', _: '\xa0', L: '\u2028', P: '\u2029',
};
const HEX_LEN: Record<string, number> = { x: 2, u: 4, U: 8 };

/** Plain (0), single-quoted (1) and double-quoted (2) scalars between start and end. */
function decodeFlow(s: string, start: number, end: number, quote: 0 | 1 | 2): DecodedOffsets {
  const out = new Out();
  let position = start;
  let captureStart = start;
  let captureEnd = start;
  while (position < end) {
    const ch = s.charCodeAt(position);
    if (quote === 1 && ch === 39) {
      out.range(s, captureStart, position);
      out.chars("'", position);
      position += 2;
      captureStart = captureEnd = position;
    } else if (quote === 2 && ch === 92) {
      out.range(s, captureStart, position);
      const at = position;
      position++;
      const esc = s.charAt(position);
      if (esc === '\n' || esc === '\r') position = skipBreaks(s, position, end).position;
      else if (esc in SIMPLE) {
        out.chars(SIMPLE[esc]!, at);
        position++;
      } else {
        const n = HEX_LEN[esc] ?? 0;
        const code = parseInt(s.slice(position + 1, position + 1 + n), 16);
        out.chars(Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : '', at);
        position += n + 1;
      }
      captureStart = captureEnd = position;
    } else if (ch === 10 || ch === 13) {
      out.range(s, captureStart, captureEnd);
      const fold = skipBreaks(s, position, end);
      out.chars(fold.breaks === 1 ? ' ' : '\n'.repeat(fold.breaks - 1), captureEnd);
      position = captureStart = captureEnd = fold.position;
    } else {
      position++;
      if (ch !== 32 && ch !== 9) captureEnd = position;
    }
  }
  out.range(s, captureStart, quote === 0 ? captureEnd : end);
  out.offsets.push(end);
  return { decoded: out.decoded, offsets: out.offsets };
}

