// Mirrors pkg/proxy/httputil/proxy.go rewriteRequestBuilder (upstream URL from RequestURI, `;` → `&` in the
// query, Host kept only with passHostHeader, X-Forwarded-For appended, Go's hop-by-hop removal), and
// pkg/server/cookie/cookie.go + loadbalancer/sticky.go (sticky cookie name and value).
import { sha1 } from '@noble/hashes/legacy.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import type { StickyCookie } from '../types.ts';
import { escapedPath, withEscapedPath } from './go-url.ts';
import { cloneHeaders, headersToJson, type HeaderMap } from './go-http.ts';
import { parseIPStrict, splitHostPort } from './forwarded.ts';
import type { GoRequest } from './request.ts';
import type { UpstreamRequest } from './verdict.ts';

const HOP_BY_HOP = ['Connection', 'Proxy-Connection', 'Keep-Alive', 'Proxy-Authenticate', 'Proxy-Authorization', 'Te', 'Trailer', 'Transfer-Encoding', 'Upgrade'];

/**
 * `scheme://host[:port]` of a server URL, or undefined.
 *
 * @example
 * serverBase('http://10.1.0.7:8080/x') // { scheme: 'http', host: '10.1.0.7:8080' }
 */
export function serverBase(url: string): { scheme: string; host: string } | undefined {
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\/([^/?#]*)/.exec(url);
  return m ? { scheme: m[1]!.toLowerCase(), host: m[2]! } : undefined;
}

/**
 * The request the backend receives.
 *
 * @example
 * buildUpstream(req, { url: 'http://10.1.0.7:8080', passHostHeader: true }, false).url // 'http://10.1.0.7:8080/path'
 */
export function buildUpstream(
  req: GoRequest,
  server: { url: string; passHostHeader: boolean },
  omitXForwardedFor: boolean,
): UpstreamRequest {
  const base = serverBase(server.url) ?? { scheme: 'http', host: server.url };
  // url.ParseRequestURI(RequestURI): path and query of the (possibly rewritten) request URI.
  let rawPath = req.requestURI;
  let rawQuery = '';
  const q = rawPath.indexOf('?');
  if (q >= 0) {
    rawQuery = rawPath.slice(q + 1);
    rawPath = rawPath.slice(0, q);
  }
  const parsed = withEscapedPath(rawPath);
  const path = parsed ? escapedPath(parsed) : escapedPath(req.url);
  rawQuery = rawQuery.replaceAll(';', '&');
  const url = `${base.scheme === 'h2c' ? 'http' : base.scheme}://${base.host}${path === '' ? '/' : path}${rawQuery !== '' ? '?' + rawQuery : ''}`;

  const headers = cloneHeaders(req.headers);
  const upgrade = (headers['Connection'] ?? []).some((v) => /(^|,)\s*upgrade\s*(,|$)/i.test(v)) ? headers['Upgrade'] : undefined;
  for (const h of HOP_BY_HOP) delete headers[h];
  if (upgrade) {
    headers['Connection'] = ['Upgrade'];
    headers['Upgrade'] = upgrade;
  }
  if (!omitXForwardedFor) {
    const clientIP = splitHostPort(req.remoteAddr)?.host;
    if (clientIP !== undefined) {
      const prior = headers['X-Forwarded-For'];
      headers['X-Forwarded-For'] = [prior && prior.length > 0 ? `${prior.join(', ')}, ${clientIP}` : clientIP];
    }
  }
  return {
    method: req.method,
    url,
    host: server.passHostHeader ? req.host : base.host,
    headers: headersToJson(headers),
  };
}

const enc = (s: string) => new TextEncoder().encode(s);

/**
 * The sticky cookie name: the configured one with non-token characters replaced by `_`, else
 * `_` + the first 5 hex characters of sha1("_TRAEFIK_BACKEND_" + service name).
 *
 * @example
 * stickyCookieName('', 'apps-web@kubernetescrd') // '_' + 5 hex characters
 */
export function stickyCookieName(configured: string | undefined, serviceName: string): string {
  if (configured) return configured.replace(/[^!#$%&'*+\-.^`|~0-9A-Za-z]/g, '_');
  return ('_' + bytesToHex(sha1(enc('_TRAEFIK_BACKEND_' + serviceName)))).slice(0, 6);
}

/**
 * The sticky cookie value that points at a child (server URL or child service name).
 *
 * @example
 * stickyCookieValue('http://10.0.0.1:80') // 16 hex characters
 */
export function stickyCookieValue(childName: string): string {
  return bytesToHex(sha256(enc(childName))).slice(0, 16);
}

/**
 * The value of a request cookie, or undefined.
 *
 * @example
 * requestCookie({ Cookie: ['a=1; b=2'] }, 'b') // '2'
 */
export function requestCookie(headers: HeaderMap, name: string): string | undefined {
  for (const line of headers['Cookie'] ?? []) {
    for (const part of line.split(';')) {
      const eq = part.indexOf('=');
      if (eq < 0) continue;
      if (part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim().replace(/^"(.*)"$/, '$1');
    }
  }
  return undefined;
}

/** Go `fnv.New64()` (FNV-1, not 1a) of the text, as `strconv.FormatUint(sum, 16)`: sticky.go `fnvHash`. */
function fnvHash(s: string): string {
  let h = 0xcbf29ce484222325n;
  for (const b of enc(s)) h = ((h * 0x100000001b3n) & 0xffffffffffffffffn) ^ BigInt(b);
  return h.toString(16);
}

/**
 * The child a request's sticky cookie points at, if any (sticky.go StickyHandler). A value other than the
 * sha256 one (the child name itself, its FNV-64 hash, or that hash hashed again: cookies of older versions)
 * still sticks, and `rewrite` says Traefik then writes the cookie again with the current value.
 *
 * @example
 * stickyChild(headers, 'shop_version', ['apps-web-80'])?.child // 'apps-web-80'
 */
export function stickyChild(headers: HeaderMap, cookie: string, children: readonly string[]): { child: string; rewrite: boolean } | undefined {
  const value = requestCookie(headers, cookie);
  if (value === undefined) return undefined;
  const current = children.find((c) => stickyCookieValue(c) === value);
  if (current !== undefined) return { child: current, rewrite: false };
  const legacy = children.find((c) => c === value || fnvHash(c) === value || fnvHash(fnvHash(c)) === value);
  return legacy === undefined ? undefined : { child: legacy, rewrite: true };
}

/** Go `validCookieDomain`: an IPv4 address, or a domain name of letters, digits and inner `-` (a leading dot allowed). */
function validCookieDomain(domain: string): boolean {
  if (!/[:%]/.test(domain) && parseIPStrict(domain) !== undefined) return true;
  const d = domain.startsWith('.') ? domain.slice(1) : domain;
  if (d.length > 255 || !/[A-Za-z]/.test(d)) return false;
  return d.split('.').every((label) => /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/.test(label));
}

/**
 * The `Set-Cookie` value Traefik writes (Go http.Cookie String order).
 *
 * @example
 * setCookieValue({ name: 'c', httpOnly: true }, 'c', 'http://10.0.0.1:80') // 'c=<16 hex>; Path=/; HttpOnly'
 */
export function setCookieValue(sticky: StickyCookie, name: string, child: string): string {
  let s = `${name}=${stickyCookieValue(child)}`;
  // sticky.go: Path "/" unless configured (an empty one is left out, as Cookie.String does).
  const path = sticky.path ?? '/';
  if (path !== '') s += `; Path=${path}`;
  // Cookie.String: an invalid Domain is dropped, a leading dot is not sent.
  if (sticky.domain && validCookieDomain(sticky.domain)) s += `; Domain=${sticky.domain.replace(/^\./, '')}`;
  if (sticky.maxAge !== undefined && sticky.maxAge > 0) s += `; Max-Age=${sticky.maxAge}`;
  else if (sticky.maxAge !== undefined && sticky.maxAge < 0) s += '; Max-Age=0';
  if (sticky.httpOnly) s += '; HttpOnly';
  if (sticky.secure) s += '; Secure';
  const same = (sticky.sameSite ?? '').toLowerCase();
  if (same === 'none' || same === 'lax' || same === 'strict') s += `; SameSite=${same[0]!.toUpperCase()}${same.slice(1)}`;
  return s;
}
