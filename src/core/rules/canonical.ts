// Mirrors the request values matchers read: pkg/middlewares/requestdecorator/request_decorator.go
// (canonical host), pkg/muxer/http/mux.go withRoutingPath (routing path), containous/mux parseHost,
// and Go's net.SplitHostPort, url.ParseQuery and http.CanonicalHeaderKey.
import type { RoutingRequest } from './ast.ts';
import { goDecodeUtf8, goToLower, goTrimSpace, utf8Bytes } from './go-text.ts';

export type HostPort = { ok: true; host: string; port: string } | { ok: false; error: string };

/**
 * Go's `net.SplitHostPort`, error messages included.
 *
 * @example
 * goSplitHostPort('[::1]:8443') // { ok: true, host: '::1', port: '8443' }
 * goSplitHostPort('10::10').ok // false (too many colons)
 */
export function goSplitHostPort(hostport: string): HostPort {
  const fail = (why: string): HostPort => ({ ok: false, error: `address ${hostport}: ${why}` });
  const i = hostport.lastIndexOf(':');
  if (i < 0) return fail('missing port in address');
  let host: string;
  let j = 0;
  let k = 0;
  if (hostport[0] === '[') {
    const end = hostport.indexOf(']');
    if (end < 0) return fail("missing ']' in address");
    if (end + 1 === hostport.length) return fail('missing port in address');
    if (end + 1 !== i) return fail(hostport[end + 1] === ':' ? 'too many colons in address' : 'missing port in address');
    host = hostport.slice(1, end);
    j = 1;
    k = end + 1;
  } else {
    host = hostport.slice(0, i);
    if (host.includes(':')) return fail('too many colons in address');
  }
  if (hostport.indexOf('[', j) >= 0) return fail("unexpected '[' in address");
  if (hostport.indexOf(']', k) >= 0) return fail("unexpected ']' in address");
  return { ok: true, host, port: hostport.slice(i + 1) };
}

/**
 * The request decorator's parseHost: drop the port; when that fails, strip `[…]` brackets.
 *
 * @example
 * decoratorParseHost('[::1]') // '::1'
 */
export function decoratorParseHost(addr: string): string {
  if (!addr.includes(':')) return addr;
  const hp = goSplitHostPort(addr);
  if (hp.ok) return hp.host;
  if (addr[0] === '[' && addr[addr.length - 1] === ']') return addr.slice(1, -1);
  return addr;
}

/**
 * mux's parseHost (v2 HostRegexp): drop the port when there is one, nothing else.
 *
 * @example
 * muxParseHost('Example.com:8080') // 'Example.com'
 * muxParseHost('[::1]') // '[::1]'
 */
export function muxParseHost(addr: string): string {
  if (!addr.includes(':')) return addr;
  const hp = goSplitHostPort(addr);
  return hp.ok ? hp.host : addr;
}

/**
 * The canonical host Traefik matches on: port (or `[…]`) stripped, trimmed, lower-cased.
 *
 * @example
 * canonicalHost('Example.COM:8080') // 'example.com'
 * canonicalHost('[::1]:8443') // '::1'
 */
export function canonicalHost(host: string): string {
  return goToLower(goTrimSpace(decoratorParseHost(host)));
}

// RFC 3986 reserved characters (plus `%`) stay encoded in the routing path; keys are upper-case.
const RESERVED = new Set(['%3A', '%2F', '%3F', '%23', '%5B', '%5D', '%40', '%21', '%24', '%26', '%27', '%28', '%29', '%2A', '%2B', '%2C', '%3B', '%3D', '%25']);

const hex = (b: number | undefined): number => {
  if (b === undefined) return -1;
  if (b >= 0x30 && b <= 0x39) return b - 0x30;
  if (b >= 0x41 && b <= 0x46) return b - 0x37;
  if (b >= 0x61 && b <= 0x66) return b - 0x57;
  return -1;
};

/**
 * withRoutingPath: decodes every `%XX` of the escaped path except the reserved set, byte by byte.
 * Escapes are compared as written, so a lower-case `%2f` is decoded (the entryPoint upper-cases them
 * first). A malformed escape, which Go rejects before routing, is kept as is.
 *
 * @example
 * routingPath('/foo%20bar%2Fbaz') // '/foo bar%2Fbaz'
 */
export function routingPath(escapedPath: string): string {
  if (!escapedPath.includes('%')) return escapedPath;
  const b = utf8Bytes(escapedPath);
  const out: number[] = [];
  for (let i = 0; i < b.length; i++) {
    const c = b[i]!;
    const hi = hex(b[i + 1]);
    const lo = hex(b[i + 2]);
    if (c !== 0x25 || hi < 0 || lo < 0) {
      out.push(c);
      continue;
    }
    const text = String.fromCharCode(c, b[i + 1]!, b[i + 2]!);
    if (RESERVED.has(text)) out.push(c, b[i + 1]!, b[i + 2]!);
    else out.push(hi * 16 + lo);
    i += 2;
  }
  return goDecodeUtf8(out);
}

/** Go's url.QueryUnescape; null on a malformed escape. */
function queryUnescape(s: string): string | null {
  if (!s.includes('%') && !s.includes('+')) return s;
  const b = utf8Bytes(s);
  const out: number[] = [];
  for (let i = 0; i < b.length; i++) {
    const c = b[i]!;
    if (c === 0x2b) out.push(0x20);
    else if (c !== 0x25) out.push(c);
    else {
      const hi = hex(b[i + 1]);
      const lo = hex(b[i + 2]);
      if (hi < 0 || lo < 0) return null;
      out.push(hi * 16 + lo);
      i += 2;
    }
  }
  return goDecodeUtf8(out);
}

/**
 * Go's url.ParseQuery: `&`-separated pairs, pairs containing `;` dropped, empty pairs skipped, key and
 * value unescaped (`+` is a space), malformed pairs dropped, repeated keys keep every value in order.
 *
 * @example
 * parseQuery('a=1&a=2&b&c=x+y') // { a: ['1', '2'], b: [''], c: ['x y'] }
 */
export function parseQuery(rawQuery: string): Record<string, string[]> {
  const m: Record<string, string[]> = Object.create(null) as Record<string, string[]>;
  for (const pair of rawQuery.split('&')) {
    if (pair === '' || pair.includes(';')) continue;
    const eq = pair.indexOf('=');
    const key = queryUnescape(eq < 0 ? pair : pair.slice(0, eq));
    const value = queryUnescape(eq < 0 ? '' : pair.slice(eq + 1));
    if (key === null || value === null) continue;
    (m[key] ??= []).push(value);
  }
  return m;
}

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]*$/;

/**
 * Go's http.CanonicalHeaderKey: `x-forwarded-proto` → `X-Forwarded-Proto`; keys with a character
 * outside the HTTP token set (space, non-ASCII…) are returned unchanged.
 *
 * @example
 * canonicalHeaderKey('x-forwarded-proto') // 'X-Forwarded-Proto'
 */
export function canonicalHeaderKey(k: string): string {
  if (!TOKEN.test(k)) return k;
  let out = '';
  let upper = true;
  for (const c of k) {
    out += upper ? c.toUpperCase() : c.toLowerCase();
    upper = c === '-';
  }
  return out;
}

/**
 * The request as the muxer sees it, from raw parts: canonical host, routing path, parsed query and
 * canonical headers (values of keys that differ only by case are merged; `Host` is removed from the
 * headers as Go's server does).
 *
 * @example
 * buildRoutingRequest({ method: 'GET', host: 'A.com:80', escapedPath: '/x', rawQuery: 'q=1', headers: { 'x-env': 'prod' }, clientIP: '10.0.0.1' }).headers
 * // { 'X-Env': ['prod'] }
 */
export function buildRoutingRequest(input: {
  method: string;
  host: string;
  escapedPath: string;
  rawQuery: string;
  headers: Record<string, string | string[]>;
  clientIP: string;
}): RoutingRequest {
  const headers: Record<string, string[]> = Object.create(null) as Record<string, string[]>;
  for (const [k, v] of Object.entries(input.headers ?? {})) {
    const key = canonicalHeaderKey(k);
    if (key === 'Host') continue;
    const list = (headers[key] ??= []);
    for (const value of Array.isArray(v) ? v : [v]) list.push(String(value));
  }
  const host = String(input.host ?? '');
  return {
    method: String(input.method ?? ''),
    host: canonicalHost(host),
    path: routingPath(String(input.escapedPath ?? '')),
    query: parseQuery(String(input.rawQuery ?? '')),
    headers,
    clientIP: String(input.clientIP ?? ''),
    rawHost: host,
  };
}
