// Mirrors Go's net/http/header.go and net/textproto (CanonicalMIMEHeaderKey): a header map keyed by canonical
// names, one value per received line; and net/http/status.go StatusText plus http.Error (Traefik's own bodies).
import type { SimResponse } from './verdict.ts';

/** Request or response headers: canonical name → values in order. */
export type HeaderMap = Record<string, string[]>;

function validTokenChar(c: string): boolean {
  return /^[!#$%&'*+\-.^_`|~0-9A-Za-z]$/.test(c);
}

/**
 * Go `textproto.CanonicalMIMEHeaderKey`: `x-forwarded-for` → `X-Forwarded-For`; keys with a byte
 * that is not a token character are returned unchanged.
 *
 * @example
 * canonicalKey('content-type') // 'Content-Type'
 */
export function canonicalKey(key: string): string {
  for (const c of key) if (!validTokenChar(c)) return key;
  let upper = true;
  let out = '';
  for (const c of key) {
    out += upper ? c.toUpperCase() : c.toLowerCase();
    upper = c === '-';
  }
  return out;
}

/**
 * Builds a header map from `{ name: value | [values] }`, canonicalising names (merging duplicates).
 *
 * @example
 * headerMap({ 'x-a': '1', 'X-A': ['2'] }) // { 'X-A': ['1', '2'] }
 */
export function headerMap(input: Record<string, string | string[]> | undefined): HeaderMap {
  const out: HeaderMap = {};
  for (const [k, v] of Object.entries(input ?? {})) {
    const key = canonicalKey(k);
    const values = Array.isArray(v) ? v.map(String) : [String(v)];
    out[key] = [...(out[key] ?? []), ...values];
  }
  return out;
}

/**
 * Go `Header.Get`: first value or ''.
 *
 * @example
 * getHeader({ 'X-A': ['1', '2'] }, 'x-a') // '1'
 */
export function getHeader(h: HeaderMap, key: string): string {
  return h[canonicalKey(key)]?.[0] ?? '';
}

/**
 * Go `Header.Values`.
 *
 * @example
 * headerValues({ 'X-A': ['1', '2'] }, 'x-a') // ['1', '2']
 */
export function headerValues(h: HeaderMap, key: string): string[] {
  return h[canonicalKey(key)] ?? [];
}

/**
 * Go `Header.Set`.
 *
 * @example
 * setHeader(h, 'x-env', 'prod') // h['X-Env'] = ['prod']
 */
export function setHeader(h: HeaderMap, key: string, value: string): void {
  h[canonicalKey(key)] = [value];
}

/**
 * Go `Header.Add`.
 *
 * @example
 * addHeader(h, 'X-Forwarded-Prefix', '/api')
 */
export function addHeader(h: HeaderMap, key: string, value: string): void {
  const k = canonicalKey(key);
  h[k] = [...(h[k] ?? []), value];
}

/**
 * Go `Header.Del`.
 *
 * @example
 * delHeader(h, 'authorization')
 */
export function delHeader(h: HeaderMap, key: string): void {
  delete h[canonicalKey(key)];
}

/**
 * A deep copy.
 *
 * @example
 * const copy = cloneHeaders(req.headers)
 */
export function cloneHeaders(h: HeaderMap): HeaderMap {
  const out: HeaderMap = {};
  for (const [k, v] of Object.entries(h)) out[k] = [...v];
  return out;
}

/**
 * `{ name: value }` for single values, `{ name: [values] }` for several (the JSON shape of DESIGN.md).
 *
 * @example
 * headersToJson({ 'X-A': ['1'], 'X-B': ['1', '2'] }) // { 'X-A': '1', 'X-B': ['1', '2'] }
 */
export function headersToJson(h: HeaderMap): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const k of Object.keys(h).sort()) {
    const v = h[k]!;
    out[k] = v.length === 1 ? v[0]! : [...v];
  }
  return out;
}


const TEXT: Record<number, string> = {
  100: 'Continue', 101: 'Switching Protocols', 102: 'Processing', 103: 'Early Hints',
  200: 'OK', 201: 'Created', 202: 'Accepted', 203: 'Non-Authoritative Information', 204: 'No Content',
  205: 'Reset Content', 206: 'Partial Content', 207: 'Multi-Status', 208: 'Already Reported', 226: 'IM Used',
  300: 'Multiple Choices', 301: 'Moved Permanently', 302: 'Found', 303: 'See Other', 304: 'Not Modified',
  305: 'Use Proxy', 307: 'Temporary Redirect', 308: 'Permanent Redirect',
  400: 'Bad Request', 401: 'Unauthorized', 402: 'Payment Required', 403: 'Forbidden', 404: 'Not Found',
  405: 'Method Not Allowed', 406: 'Not Acceptable', 407: 'Proxy Authentication Required', 408: 'Request Timeout',
  409: 'Conflict', 410: 'Gone', 411: 'Length Required', 412: 'Precondition Failed', 413: 'Request Entity Too Large',
  414: 'Request URI Too Long', 415: 'Unsupported Media Type', 416: 'Requested Range Not Satisfiable',
  417: 'Expectation Failed', 418: "I'm a teapot", 421: 'Misdirected Request', 422: 'Unprocessable Entity',
  423: 'Locked', 424: 'Failed Dependency', 425: 'Too Early', 426: 'Upgrade Required', 428: 'Precondition Required',
  429: 'Too Many Requests', 431: 'Request Header Fields Too Large', 451: 'Unavailable For Legal Reasons',
  500: 'Internal Server Error', 501: 'Not Implemented', 502: 'Bad Gateway', 503: 'Service Unavailable',
  504: 'Gateway Timeout', 505: 'HTTP Version Not Supported', 506: 'Variant Also Negotiates',
  507: 'Insufficient Storage', 508: 'Loop Detected', 510: 'Not Extended', 511: 'Network Authentication Required',
};

/**
 * Go `http.StatusText` ('' for unknown codes).
 *
 * @example
 * statusText(421) // 'Misdirected Request'
 */
export function statusText(code: number): string {
  return TEXT[code] ?? '';
}

/**
 * Go `http.Error(w, text, code)`: text + newline, plain-text content type, nosniff.
 *
 * @example
 * httpError('404 page not found', 404).body // '404 page not found\n'
 */
export function httpError(text: string, status: number): SimResponse {
  return {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' },
    body: text + '\n',
  };
}

/**
 * `http.NotFoundHandler()`.
 *
 * @example
 * notFound().body // '404 page not found\n'
 */
export function notFound(): SimResponse {
  return httpError('404 page not found', 404);
}

/**
 * `rw.WriteHeader(status)` followed by `rw.Write(StatusText(status))` (no content type: auto-detection is off).
 *
 * @example
 * statusBody(403) // { status: 403, headers: {}, body: 'Forbidden' }
 */
export function statusBody(status: number): SimResponse {
  return { status, headers: {}, body: statusText(status) };
}

/** Go's `htmlEscape` (net/http): the five characters `<>&'"`. */
function htmlEscape(s: string): string {
  return s.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&#39;', '"': '&#34;' })[c]!);
}

/**
 * Go `http.Redirect` to an absolute URL: non-ASCII bytes of Location %-escaped, an HTML content type for GET and
 * HEAD, and a short HTML body for GET only.
 *
 * @example
 * httpRedirect('GET', 'https://a.com/login', 302).body // '<a href="https://a.com/login">Found</a>.\n\n'
 */
export function httpRedirect(method: string, url: string, status: number): SimResponse {
  let location = '';
  for (const b of new TextEncoder().encode(url)) location += b >= 0x80 ? '%' + b.toString(16).toUpperCase() : String.fromCharCode(b);
  const headers: Record<string, string> = { Location: location };
  if (method === 'GET' || method === 'HEAD') headers['Content-Type'] = 'text/html; charset=utf-8';
  const body = method === 'GET' ? `<a href="${htmlEscape(url)}">${statusText(status)}</a>.\n\n` : '';
  return { status, headers, body };
}
