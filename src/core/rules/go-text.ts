// Mirrors the bits of Go's unicode/utf8 and strings packages the matchers rely on (byte lengths,
// invalid-byte decoding, TrimSpace, ToLower, IsASCII as pkg/muxer/muxer.go defines it).

const encoder = new TextEncoder();

/**
 * UTF-8 bytes of a JS string (lone surrogates become U+FFFD, as Go would see them).
 *
 * @example
 * utf8Bytes('é') // Uint8Array [0xc3, 0xa9]
 */
export function utf8Bytes(s: string): Uint8Array {
  return encoder.encode(s);
}

/**
 * Number of bytes of the UTF-8 encoding of `s` (Go's `len(s)`), without allocating.
 *
 * @example
 * utf8Length('Host(`é`)') // 10
 */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/**
 * Decodes bytes like Go's `utf8.DecodeRune` loop does: each invalid byte becomes one U+FFFD.
 *
 * @example
 * goDecodeUtf8([0x61, 0xff]) // 'a\uFFFD'
 */
export function goDecodeUtf8(b: ArrayLike<number>): string {
  let out = '';
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    if (c < 0x80) {
      out += String.fromCharCode(c);
      i++;
      continue;
    }
    const [need, min] = c >= 0xc2 && c <= 0xdf ? [1, 0x80] : c >= 0xe0 && c <= 0xef ? [2, 0x800] : c >= 0xf0 && c <= 0xf4 ? [3, 0x10000] : [0, 0];
    let cp = need === 1 ? c & 0x1f : need === 2 ? c & 0x0f : c & 0x07;
    let ok = need > 0 && i + need < b.length;
    for (let k = 1; ok && k <= need; k++) {
      const d = b[i + k];
      if (d === undefined || (d & 0xc0) !== 0x80) ok = false;
      else cp = (cp << 6) | (d & 0x3f);
    }
    if (ok && (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))) ok = false;
    if (!ok) {
      out += '\uFFFD';
      i++;
      continue;
    }
    out += String.fromCodePoint(cp);
    i += need + 1;
  }
  return out;
}

/** True when every UTF-16 unit is below 0x80 (Go's `muxer.IsASCII` on the UTF-8 bytes). */
export function isASCII(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** Index of the first non-ASCII UTF-16 unit, or -1. */
export function firstNonASCII(s: string): number {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return i;
  return -1;
}

const GO_SPACE = new Set([0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0x85, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000]);

function isGoSpace(c: number): boolean {
  return GO_SPACE.has(c) || (c >= 0x2000 && c <= 0x200a);
}

/**
 * Go's `strings.TrimSpace` (Unicode White_Space, which differs from JS `trim`: U+0085 yes, U+FEFF no).
 *
 * @example
 * goTrimSpace('\u0085 a ') // 'a'
 */
export function goTrimSpace(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && isGoSpace(s.charCodeAt(a))) a++;
  while (b > a && isGoSpace(s.charCodeAt(b - 1))) b--;
  return s.slice(a, b);
}

/**
 * Go's `strings.ToLower`, rune by rune (JS maps `İ` to two code points, Go to `i`).
 *
 * @example
 * goToLower('Example.COM') // 'example.com'
 */
export function goToLower(s: string): string {
  if (isASCII(s)) return s.toLowerCase();
  let out = '';
  for (const ch of s) out += ch === '\u0130' ? 'i' : ch.toLowerCase().length === ch.length ? ch.toLowerCase() : ch;
  return out;
}

/**
 * Go's `strings.ToUpper`, rune by rune (JS turns `ß` into `SS`, Go keeps it).
 *
 * @example
 * goToUpper('get') // 'GET'
 */
export function goToUpper(s: string): string {
  if (isASCII(s)) return s.toUpperCase();
  let out = '';
  for (const ch of s) out += ch.toUpperCase().length === ch.length ? ch.toUpperCase() : ch;
  return out;
}

/**
 * A value shown inside backticks in a message, shortened so explanations stay readable.
 *
 * @example
 * show('/api') // '`/api`'
 */
export function show(value: string, max = 80): string {
  const v = value.length > max ? `${value.slice(0, max)}…` : value;
  return '`' + v + '`';
}

/** `a`, `b` and `c` lists for messages. */
export function showList(values: readonly string[]): string {
  const shown = values.slice(0, 5).map((v) => show(v));
  if (values.length > 5) shown.push(`… (${values.length} in all)`);
  return shown.join(', ');
}

// Character classes of Go's scanner: letters are Unicode letters and `_`, digits Unicode decimal digits.
const LETTER = /^[\p{L}_]$/u;
const DIGIT = /^\p{Nd}$/u;
const isAsciiLetter = (c: number): boolean => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f;

/** Can `ch` (one code point) start a Go identifier? */
export const isLetter = (ch: string): boolean => (ch.length === 1 && ch.charCodeAt(0) < 0x80 ? isAsciiLetter(ch.charCodeAt(0)) : LETTER.test(ch));

/** Can `ch` (one code point) continue a Go identifier? */
export function isIdentPart(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if (ch.length === 1 && c < 0x80) return isAsciiLetter(c) || (c >= 0x30 && c <= 0x39);
  return LETTER.test(ch) || DIGIT.test(ch);
}

export const isDecimal = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

/** The value of a hex digit, or 99 when `c` is not one. */
export const hexVal = (c: string | undefined): number => (c === undefined ? 99 : /^[0-9a-fA-F]$/.test(c) ? parseInt(c, 16) : 99);
