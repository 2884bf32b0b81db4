/**
 * Small source scanners for what js-yaml's events leave out: where an empty node sits, where a flow
 * collection's closing bracket is, and where a block scalar's `|`/`>` header and body are. All
 * offsets are relative to the segment string the events came from.
 */

function isSpace(c: number): boolean {
  return c === 32 || c === 9;
}

function isBreak(c: number): boolean {
  return c === 10 || c === 13;
}

/**
 * Skips spaces, line breaks and comments from `i`; returns the first other offset.
 *
 * @example
 * skipTrivia('  # c\n  x', 0); // 8
 */
export function skipTrivia(s: string, i: number): number {
  const n = s.length;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (isSpace(c) || isBreak(c) || c === 0xfeff) i++;
    else if (c === 35 /* # */) {
      while (i < n && !isBreak(s.charCodeAt(i))) i++;
    } else break;
  }
  return i;
}

/**
 * Where an empty (null) node sits, given the end of the token before it: just after the `:` of
 * `key:` or the `-` of an empty sequence item; otherwise at `lastEnd` (`{a, b: 1}`).
 *
 * @example
 * emptyScalarAt('a:\nb: 1', 1); // 2
 */
export function emptyScalarAt(s: string, lastEnd: number): number {
  const i = skipTrivia(s, lastEnd);
  const c = s.charCodeAt(i);
  if (c === 58 /* : */ || c === 45 /* - */ || c === 63 /* ? */) return i + 1;
  return lastEnd;
}

/**
 * Offset just after the `]` or `}` closing a flow collection, searching from the end of its last
 * child (or just after its opening bracket).
 *
 * @example
 * closingBracket('[a, b ]', 5); // 7
 */
export function closingBracket(s: string, from: number): number {
  let i = from;
  const n = s.length;
  while (i < n) {
    i = skipTrivia(s, i);
    const c = s.charCodeAt(i);
    if (c === 93 || c === 125) return i + 1;
    if (c === 44 /* , */ || c === 58 /* : */ || c === 63 /* ? */) i++;
    else break; // should not happen: keep the range ending where the content ended
  }
  return from;
}

/**
 * The ranges of a block scalar: `start` at its `|`/`>` indicator, `valueStart` at the first content
 * character (after the indentation of the first non-blank line), `end` after the last non-blank
 * character of the body — or just after the header when the body is empty.
 *
 * @param scanFrom end of the token before the indicator (the key, `-`, or the node's properties)
 * @param vs,ve the body as js-yaml reports it (from the line after the header, with trailing breaks)
 * @param indent the body's indentation in columns (-1 when unknown)
 *
 * @example
 * blockScalarRanges('k: |\n  ab\n', 1, 5, 10, 2); // { start: 3, valueStart: 7, end: 9 }
 */
export function blockScalarRanges(
  s: string,
  scanFrom: number,
  vs: number,
  ve: number,
  indent: number,
): { start: number; valueStart: number; end: number } {
  // The indicator: skip trivia and at most one `:`/`-`/`?` indicator before it.
  let i = skipTrivia(s, scanFrom);
  const c = s.charCodeAt(i);
  if (c === 58 || c === 45 || c === 63) i = skipTrivia(s, i + 1);
  let start = i;
  if (s.charCodeAt(i) !== 124 && s.charCodeAt(i) !== 62) {
    // Fallback: the last `|`/`>` before the body on the header line.
    const a = s.lastIndexOf('|', vs - 1);
    const b = s.lastIndexOf('>', vs - 1);
    start = Math.max(a, b, 0);
  }
  let headerEnd = start + 1;
  while (headerEnd < s.length) {
    const h = s.charCodeAt(headerEnd);
    if (h === 43 || h === 45 || (h >= 48 && h <= 57)) headerEnd++;
    else break;
  }
  if (vs === -1 || vs >= ve) return { start, valueStart: headerEnd, end: headerEnd };
  // Last non-blank character of the body.
  let end = ve;
  while (end > vs) {
    const e = s.charCodeAt(end - 1);
    if (isSpace(e) || isBreak(e)) end--;
    else break;
  }
  if (end === vs) return { start, valueStart: headerEnd, end: headerEnd };
  // First non-blank line.
  let lineStart = vs;
  for (let k = vs; k < end; k++) {
    const e = s.charCodeAt(k);
    if (isBreak(e)) lineStart = k + 1;
    else if (!isSpace(e)) break;
  }
  const valueStart = indent >= 0 ? Math.min(lineStart + columnIndent(s, lineStart, indent), end) : lineStart;
  return { start, valueStart, end };
}

/** Number of characters covering `indent` columns at the start of a line (the first segment line may
 * start mid-line after a BOM). */
function columnIndent(s: string, lineStart: number, indent: number): number {
  let k = 0;
  while (k < indent && isSpace(s.charCodeAt(lineStart + k))) k++;
  return k;
}
