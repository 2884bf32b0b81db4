// Mirrors the parts of Go's net/url/url.go that Traefik relies on (setPath, EscapedPath, JoinPath,
// RequestURI, PathUnescape, QueryEscape) so that paths are rewritten byte for byte like Traefik does.

/** The fields of Go's url.URL that request handling touches. */
export interface GoURL {
  /** Decoded path (`URL.Path`). */
  path: string;
  /** Original encoding when it differs from the default one (`URL.RawPath`), else ''. */
  rawPath: string;
  rawQuery: string;
  forceQuery: boolean;
}

const HEX = '0123456789ABCDEF';

function isHex(c: string | undefined): boolean {
  return c !== undefined && /^[0-9a-fA-F]$/.test(c);
}

/** Go `shouldEscape(c, encodePath)`. */
function shouldEscapePath(code: number): boolean {
  if ((code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39)) return false;
  switch (String.fromCharCode(code)) {
    case '-': case '_': case '.': case '~':
      return false;
    case '$': case '&': case '+': case ',': case '/': case ':': case ';': case '=': case '@':
      return false;
    case '?':
      return true;
    default:
      return true;
  }
}

/** Go `shouldEscape(c, encodeQueryComponent)`. */
function shouldEscapeQuery(code: number): boolean {
  if ((code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39)) return false;
  return !'-_.~'.includes(String.fromCharCode(code));
}

function utf8(s: string): Uint8Array {
  return new TextEncoder().encode(s);
}

function fromBytes(bytes: number[]): string {
  return new TextDecoder().decode(Uint8Array.from(bytes));
}

function escapeWith(s: string, should: (code: number) => boolean, spacePlus: boolean): string {
  let out = '';
  for (const b of utf8(s)) {
    if (spacePlus && b === 0x20) out += '+';
    else if (should(b)) out += '%' + HEX[b >> 4] + HEX[b & 15];
    else out += String.fromCharCode(b);
  }
  return out;
}

/**
 * Go `escape(s, encodePath)`.
 *
 * @example
 * escapePath('/a b?') // '/a%20b%3F'
 */
export function escapePath(s: string): string {
  return escapeWith(s, shouldEscapePath, false);
}

/**
 * Go `url.QueryEscape` (`+` for spaces).
 *
 * @example
 * queryEscape('http://a/b c') // 'http%3A%2F%2Fa%2Fb+c'
 */
export function queryEscape(s: string): string {
  return escapeWith(s, shouldEscapeQuery, true);
}

/**
 * Go `url.PathUnescape`: decodes every `%XX`; undefined on a malformed escape (Go returns an error).
 *
 * @example
 * pathUnescape('/a%20b') // '/a b'
 */
export function pathUnescape(s: string): string | undefined {
  const bytes: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === '%') {
      if (!isHex(s[i + 1]) || !isHex(s[i + 2])) return undefined;
      bytes.push(parseInt(s.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      for (const b of utf8(c)) bytes.push(b);
    }
  }
  return fromBytes(bytes);
}

/** Go `validEncoded(s, encodePath)`. */
function validEncoded(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if ("!$&'()*+,;=:@[]%".includes(c)) continue;
    if (shouldEscapePath(c.charCodeAt(0))) return false;
  }
  return true;
}

/**
 * Go `URL.setPath(p)`: p is an escaped path. Undefined when p has a malformed escape.
 *
 * @example
 * withEscapedPath('/a%2Fb') // { path: '/a/b', rawPath: '/a%2Fb' }
 */
export function withEscapedPath(p: string): { path: string; rawPath: string } | undefined {
  const path = pathUnescape(p);
  if (path === undefined) return undefined;
  return { path, rawPath: escapePath(path) === p ? '' : p };
}

/**
 * Go `URL.EscapedPath()`.
 *
 * @example
 * escapedPath({ path: '/a b', rawPath: '', rawQuery: '', forceQuery: false }) // '/a%20b'
 */
export function escapedPath(u: Pick<GoURL, 'path' | 'rawPath'>): string {
  if (u.rawPath !== '' && validEncoded(u.rawPath)) {
    const p = pathUnescape(u.rawPath);
    if (p !== undefined && p === u.path) return u.rawPath;
  }
  if (u.path === '*') return '*';
  return escapePath(u.path);
}

/**
 * Go `URL.RequestURI()` (origin form).
 *
 * @example
 * requestURI({ path: '/a', rawPath: '', rawQuery: 'x=1', forceQuery: false }) // '/a?x=1'
 */
export function requestURI(u: GoURL): string {
  let result = escapedPath(u);
  if (result === '') result = '/';
  if (u.forceQuery || u.rawQuery !== '') result += '?' + u.rawQuery;
  return result;
}

/**
 * Go `path.Clean`.
 *
 * @example
 * cleanPath('/a/../b//c/') // '/b/c'
 */
export function cleanPath(p: string): string {
  if (p === '') return '.';
  const rooted = p.startsWith('/');
  const out: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!rooted) out.push('..');
      continue;
    }
    out.push(seg);
  }
  const joined = out.join('/');
  if (rooted) return '/' + joined;
  return joined === '' ? '.' : joined;
}

/**
 * Go `URL.JoinPath()` with no elements: cleans the escaped path, keeps one trailing slash.
 * Returns the new URL (query untouched).
 *
 * @example
 * joinPath({ path: '/a/./b//', rawPath: '', rawQuery: '', forceQuery: false }).path // '/a/b/'
 */
export function joinPath(u: GoURL): GoURL {
  const first = escapedPath(u);
  let p: string;
  if (!first.startsWith('/')) p = cleanPath('/' + first).slice(1);
  else p = cleanPath(first);
  if (first.endsWith('/') && !p.endsWith('/')) p += '/';
  const set = withEscapedPath(p);
  if (!set) return u;
  return { ...u, path: set.path, rawPath: set.rawPath };
}

/**
 * The message of Go's url.EscapeError for a malformed path (`invalid URL escape "%zz"`), or undefined.
 *
 * @example
 * unescapeError('/a%zz') // 'invalid URL escape "%zz"'
 */
export function unescapeError(s: string): string | undefined {
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '%' && (!isHex(s[i + 1]) || !isHex(s[i + 2]))) return `invalid URL escape ${JSON.stringify(s.slice(i, i + 3))}`;
  }
  return undefined;
}
