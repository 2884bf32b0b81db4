/**
 * Offsets through literal (`|`) and folded (`>`) block scalars, mirroring js-yaml's getBlockValue.
 * The tree keeps only valueRange (first content character → last non-blank character), so the body
 * is recovered from the text: the indentation is the column of valueRange.start, and the body starts
 * on the line after the header (the last non-blank line above the first content line).
 */
import type { Range } from '../types.ts';
import type { DecodedOffsets } from './scalar-offset.ts';

/** Accumulates decoded text with the source offset of each character. */
export class Out {
  decoded = '';
  offsets: number[] = [];
  range(text: string, a: number, b: number): void {
    this.decoded += text.slice(a, b);
    for (let k = a; k < b; k++) this.offsets.push(k);
  }
  chars(s: string, at: number): void {
    this.decoded += s;
    for (let k = 0; k < s.length; k++) this.offsets.push(at);
  }
}

interface Line {
  start: number;
  end: number;
}

function lineStartOf(s: string, pos: number): number {
  let i = pos;
  while (i > 0 && s.charCodeAt(i - 1) !== 10 && s.charCodeAt(i - 1) !== 13) i--;
  return i;
}

/** The line before the one starting at `lineStart` (exclusive of its break). */
function previousLine(s: string, lineStart: number): Line | null {
  if (lineStart <= 0) return null;
  let end = lineStart - 1;
  if (s.charCodeAt(end) === 10 && end > 0 && s.charCodeAt(end - 1) === 13) end--;
  return { start: lineStartOf(s, end), end };
}

function isBlank(s: string, line: Line): boolean {
  for (let k = line.start; k < line.end; k++) {
    const c = s.charCodeAt(k);
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

/**
 * Decoded text (up to `length` characters) and offsets of a block scalar.
 *
 * @example
 * // 'k: |\n  ab\n  cd\n' with valueRange { start: 7, end: 14 }
 * decodeBlock(text, valueRange, 6, false); // { decoded: 'ab\ncd\n', offsets: [7, 8, 9, 12, 13, 14, 14] }
 */
export function decodeBlock(s: string, valueRange: Range, length: number, folded: boolean): DecodedOffsets {
  const out = new Out();
  const { start } = valueRange;
  let end = valueRange.end;
  const firstLine = lineStartOf(s, start);
  const indent = start - firstLine;
  if (start < end) {
    // Leading blank lines belong to the body.
    let bodyStart = firstLine;
    for (let prev = previousLine(s, firstLine); prev !== null && isBlank(s, prev); prev = previousLine(s, prev.start)) {
      bodyStart = prev.start;
    }
    // Lines up to the last non-blank one, then the white-space-only lines after it (spaces past the
    // indentation are content), up to the next line with text (the next key).
    const lines: Line[] = [];
    let k = bodyStart;
    while (k < s.length) {
      let e = k;
      while (e < s.length && s.charCodeAt(e) !== 10 && s.charCodeAt(e) !== 13) e++;
      const line = { start: k, end: e };
      if (k > end && !isBlank(s, line)) break;
      lines.push(line);
      k = e + (s.charCodeAt(e) === 13 && s.charCodeAt(e + 1) === 10 ? 2 : 1);
    }
    let didReadContent = false;
    let emptyLines = 0;
    let atMoreIndented = false;
    let lastEnd = bodyStart;
    for (const line of lines) {
      let column = 0;
      while (column < indent && s.charCodeAt(line.start + column) === 32) column++;
      if (column >= line.end - line.start) {
        emptyLines++;
        continue;
      }
      const contentStart = line.start + indent;
      const first = s.charCodeAt(contentStart);
      let breaks: string;
      if (folded) {
        if (first === 32 || first === 9) {
          atMoreIndented = true;
          breaks = '\n'.repeat(didReadContent ? 1 + emptyLines : emptyLines);
        } else if (atMoreIndented) {
          atMoreIndented = false;
          breaks = '\n'.repeat(emptyLines + 1);
        } else if (emptyLines === 0) breaks = didReadContent ? ' ' : '';
        else breaks = '\n'.repeat(emptyLines);
      } else breaks = '\n'.repeat(didReadContent ? 1 + emptyLines : emptyLines);
      out.chars(breaks, lastEnd);
      out.range(s, contentStart, line.end);
      lastEnd = line.end;
      if (lastEnd > end) end = lastEnd;
      didReadContent = true;
      emptyLines = 0;
    }
  }
  // What remains (chomped trailing breaks) sits at the end of the content.
  out.decoded = out.decoded.slice(0, length);
  out.offsets.length = Math.min(out.offsets.length, length);
  while (out.offsets.length < length) {
    out.offsets.push(end);
    out.decoded += '\n';
  }
  out.offsets.push(end);
  return { decoded: out.decoded, offsets: out.offsets };
}
