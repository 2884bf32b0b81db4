/**
 * Splits a YAML stream into documents at `---` and `...` marker lines, so that each document is parsed
 * on its own and one syntax error cannot blank the others (js-yaml aborts the whole stream on the
 * first error). The YAML spec forbids `---`/`...` followed by a space or a line break at column 0
 * inside any content, so a line-based split is exact.
 *
 * Document numbering follows js-yaml's `loadAll` (and kubectl's): text before the first `---` is a
 * document only if it has content (not just comments, blank lines or directives); every `---` opens a
 * document, even an empty one (a trailing `---` gives a null document); after `...`, text is a
 * document only if it has content.
 */

export interface DocSegment {
  /** Start of the text handed to the parser (the `---` marker itself, or the first character). */
  start: number;
  /** End of the segment (the next marker line, or the end of the text). */
  end: number;
  /** Where the document's own text begins: after `---` for explicit documents. */
  contentStart: number;
  /** True when the document opens with `---`. */
  explicit: boolean;
}

const MARKER = /^(?:---|\.\.\.)(?=[ \t\r\n]|$)/gm;

/**
 * Finds the documents of a YAML stream.
 *
 * @example
 * splitDocuments('a: 1\n---\nb: 2\n');
 * // [{ start: 0, end: 5, contentStart: 0, explicit: false }, { start: 5, end: 14, contentStart: 8, explicit: true }]
 */
export function splitDocuments(text: string): DocSegment[] {
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const markers: { at: number; open: boolean }[] = [];
  if (bom && isMarkerAt(text, 1)) markers.push({ at: 1, open: text.charCodeAt(1) === 45 });
  MARKER.lastIndex = 0;
  for (let m = MARKER.exec(text); m !== null; m = MARKER.exec(text)) {
    // A lone '\r' counts as a line break for `^` in JS but also in YAML; a '\u2028' does not in
    // YAML 1.2, so ignore matches that follow one.
    const prev = text.charCodeAt(m.index - 1);
    if (m.index > 0 && prev !== 10 && prev !== 13) continue;
    markers.push({ at: m.index, open: m[0] === '---' });
  }

  const segments: DocSegment[] = [];
  let cursor = bom;
  let explicit = false;
  let contentStart = bom;
  for (const marker of markers) {
    if (explicit || hasContent(text, cursor, marker.at)) {
      segments.push({ start: cursor, end: marker.at, contentStart, explicit });
    }
    if (marker.open) {
      cursor = marker.at;
      contentStart = marker.at + 3;
      explicit = true;
    } else {
      cursor = lineEndAfter(text, marker.at + 3);
      contentStart = cursor;
      explicit = false;
    }
  }
  if (explicit || hasContent(text, cursor, text.length)) {
    segments.push({ start: cursor, end: text.length, contentStart, explicit });
  }
  return segments;
}

function isMarkerAt(text: string, at: number): boolean {
  const head = text.slice(at, at + 3);
  if (head !== '---' && head !== '...') return false;
  const next = text.charCodeAt(at + 3);
  return Number.isNaN(next) || next === 32 || next === 9 || next === 10 || next === 13;
}

/** Offset after the line break that ends the line containing `from` (or the end of the text). */
function lineEndAfter(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) return i + 1;
    if (c === 13) return text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
  }
  return text.length;
}

/**
 * True when [from, to) holds anything but blank lines, comments and directives.
 *
 * @example
 * hasContent('# c\n\n%YAML 1.1\n', 0, 15); // false
 */
export function hasContent(text: string, from: number, to: number): boolean {
  let lineStart = true;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      lineStart = true;
      continue;
    }
    if (c === 32 || c === 9 || c === 0xfeff) {
      lineStart = false;
      continue;
    }
    if (c === 35 /* # */ || (c === 37 /* % */ && lineStart && (i === 0 || isBreak(text.charCodeAt(i - 1))))) {
      while (i < to && !isBreak(text.charCodeAt(i))) i++;
      lineStart = true;
      continue;
    }
    return true;
  }
  return false;
}

function isBreak(c: number): boolean {
  return c === 10 || c === 13;
}
