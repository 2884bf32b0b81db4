// Mirrors pkg/proxy/httputil/proxy.go rewriteRequestBuilder (upstream URL from RequestURI, `;` → `&` in the
// query, Host kept only with passHostHeader, X-Forwarded-For appended, Go's hop-by-hop removal), and
// pkg/server/cookie/cookie.go + loadbalancer/sticky.go (sticky cookie name and value).
import { sha1 } from '@noble/hashes/legacy.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import type { StickyCookie } from '../types.ts';
import { escapedPath, pathUnescape, queryEscape, withEscapedPath } from './go-url.ts';
import { cloneHeaders, delHeader, getHeader, headerValues, headersToJson, type HeaderMap } from './go-http.ts';
import { parseIPStrict, splitHostPort } from './forwarded.ts';
import type { GoRequest } from './request.ts';
import type { UpstreamRequest } from './verdict.ts';

// net/http/httputil reverseproxy.go hopHeaders: removed after the headers the Connection header names.
const HOP_BY_HOP = ['Connection', 'Proxy-Connection', 'Keep-Alive', 'Proxy-Authenticate', 'Proxy-Authorization', 'Te', 'Trailer', 'Transfer-Encoding', 'Upgrade'];
// proxy.go copyForwardedHeader: Go's Rewrite path deletes these from the outgoing request, Traefik copies them back
// from the incoming one (so a Connection header naming them does not remove them).
const FORWARDED = ['X-Forwarded-For', 'Forwarded', 'X-Forwarded-Host', 'X-Forwarded-Proto'];
// proxy.go cleanWebSocketHeaders: the spelling some WebSocket servers insist on.
const WEBSOCKET = ['Key', 'Extensions', 'Accept', 'Protocol', 'Version'];

/** httpguts.HeaderValuesContainsToken: a comma-separated element equal to the token (ASCII case-insensitive, space/tab trimmed). */
function hasToken(values: readonly string[], token: string): boolean {
  return values.some((v) => v.split(',').some((t) => t.replace(/^[ \t]+|[ \t]+$/g, '').toLowerCase() === token));
}

/** Go `url.QueryUnescape`, undefined on a malformed escape. */
function queryUnescape(s: string): string | undefined {
  return pathUnescape(s.replaceAll('+', ' '));
}

/**
 * Go reverseproxy.go `cleanQueryParams`: a query with a `;` or a malformed escape is re-encoded through
 * `url.ParseQuery` + `Values.Encode` (bad pairs dropped, keys sorted); any other query is kept as is.
 */
function cleanQueryParams(q: string): string {
  if (!q.includes(';') && !/%(?![0-9A-Fa-f]{2})/.test(q)) return q;
  const values = new Map<string, string[]>();
  for (const pair of q.split('&')) {
    if (pair === '' || pair.includes(';')) continue;
    const [k, ...v] = pair.split('=');
    const key = queryUnescape(k!);
    const value = queryUnescape(v.join('='));
    if (key === undefined || value === undefined) continue;
    values.set(key, [...(values.get(key) ?? []), value]);
  }
  return [...values.keys()].sort().flatMap((k) => values.get(k)!.map((v) => `${queryEscape(k)}=${queryEscape(v)}`)).join('&');
}

/**
 * Go `url.ParseRequestURI` as far as the upstream URL needs it: the escaped path and the raw query of a
 * request-target, or undefined where Go fails (a control byte, an empty or relative path, a bad escape): the
 * caller then uses req.URL, as proxy.go does (also for `*`, whose req.URL path is the same `*`). The authority
 * of an absolute-form target is not checked.
 */
function parseRequestURI(uri: string): { path: string; rawQuery: string } | undefined {
  // eslint-disable-next-line no-control-regex -- url.parse refuses ASCII control bytes
  if (/[\x00-\x1f\x7f]/.test(uri)) return undefined;
  const scheme = /^[A-Za-z][A-Za-z0-9+.-]*:/.exec(uri)?.[0] ?? '';
  const [rest, ...query] = uri.slice(scheme.length).split('?') as [string, ...string[]];
  const rawQuery = query.join('?');
  // A rootless path after a scheme is opaque: no path (proxy.go copies only Path and RawPath).
  if (!rest.startsWith('/')) return scheme !== '' ? { path: '', rawQuery } : undefined;
  const set = withEscapedPath(scheme !== '' ? rest.replace(/^\/\/[^/]*/, '') : rest);
  return set ? { path: escapedPath(set), rawQuery } : undefined;
}

/**
 * The request the backend receives (pkg/proxy/httputil/proxy.go rewriteRequestBuilder inside Go's
 * ReverseProxy.ServeHTTP, then what http.Transport writes). `server.url` is `scheme://authority[/…]`, as the
 * provider builds every server URL; its path is not used (preservePath is off for these services).
 *
 * @example
 * buildUpstream(req, { url: 'http://10.1.0.7:8080', passHostHeader: true }, false).url // 'http://10.1.0.7:8080/path'
 */
export function buildUpstream(
  req: GoRequest,
  server: { url: string; passHostHeader: boolean },
  omitXForwardedFor: boolean,
): UpstreamRequest {
  const sep = server.url.indexOf('://');
  const scheme = server.url.slice(0, sep).toLowerCase();
  const target = server.url.slice(sep + 3).split(/[/?#]/)[0]!;
  // Path and query come from RequestURI (url.ParseRequestURI); where Go cannot parse it, from req.URL with the
  // query cleaned by ReverseProxy. ForceQuery (a bare `?`) is always the one of req.URL (proxy.go leaves it).
  const parsed = parseRequestURI(req.requestURI) ?? { path: escapedPath(req.url), rawQuery: cleanQueryParams(req.url.rawQuery) };
  const rawQuery = parsed.rawQuery.replaceAll(';', '&');
  // smart_roundtripper.go: h2c is sent as http (HTTP/2 with prior knowledge). URL.RequestURI: an empty path is `/`.
  const url = `${scheme === 'h2c' ? 'http' : scheme}://${target}${parsed.path || '/'}${req.url.forceQuery || rawQuery !== '' ? '?' + rawQuery : ''}`;

  const headers = cloneHeaders(req.headers);
  // reverseproxy.go: upgradeType, removeHopByHopHeaders, the Te: trailers advertisement, the Upgrade put back.
  const upgrade = hasToken(headerValues(headers, 'Connection'), 'upgrade') ? getHeader(headers, 'Upgrade') : '';
  for (const line of headerValues(headers, 'Connection')) for (const name of line.split(',')) delHeader(headers, name.trim());
  for (const h of HOP_BY_HOP) delete headers[h];
  if (hasToken(headerValues(req.headers, 'Te'), 'trailers')) headers['Te'] = ['trailers'];
  if (upgrade !== '') {
    headers['Connection'] = ['Upgrade'];
    headers['Upgrade'] = [upgrade];
  }
  for (const h of FORWARDED) {
    const prior = req.headers[h];
    if (prior) headers[h] = [...prior];
  }
  if (!omitXForwardedFor) {
    const clientIP = splitHostPort(req.remoteAddr)?.host;
    if (clientIP !== undefined) headers['X-Forwarded-For'] = [[...(headers['X-Forwarded-For'] ?? []), clientIP].join(', ')];
  }
  if (upgrade.toLowerCase() === 'websocket') {
    for (const part of WEBSOCKET) {
      const values = headers[`Sec-Websocket-${part}`];
      delete headers[`Sec-Websocket-${part}`];
      if (values) headers[`Sec-WebSocket-${part}`] = values;
    }
  }
  // http.Transport (Request.write) sends one User-Agent line, the first value, and none when it is empty.
  const agent = getHeader(headers, 'User-Agent');
  if (agent === '') delete headers['User-Agent'];
  else headers['User-Agent'] = [agent];
  // http.Transport (Traefik leaves DisableCompression off) asks for gzip itself, and decompresses the answer,
  // when the request names no encoding and no range and is not a HEAD.
  if (getHeader(headers, 'Accept-Encoding') === '' && getHeader(headers, 'Range') === '' && req.method !== 'HEAD') {
    headers['Accept-Encoding'] = [...(headers['Accept-Encoding'] ?? []), 'gzip'];
  }
  return {
    method: req.method,
    url,
    host: server.passHostHeader ? req.host : target,
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

/** textproto.TrimString: ASCII space, tab, CR and LF only. */
const trimGo = (s: string): string => s.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, '');

/**
 * The value of a request cookie, or undefined: Go `req.Cookie(name)` (net/http cookie.go readCookies,
 * parseCookieValue). Every Cookie line, split on `;`; each part trimmed and cut at its first `=`, the name
 * trimmed again and required to be a token; a part without `=` is a cookie with an empty value (the first
 * cookie of the name wins, so `test; test=v` reads ""). Quotes around the value are dropped; a value with a
 * byte outside 0x20–0x7E, `"`, `;` or `\\` is skipped (the next cookie of that name counts).
 *
 * @example
 * requestCookie({ Cookie: ['a=1; b=2'] }, 'b') // '2'
 */
export function requestCookie(headers: HeaderMap, name: string): string | undefined {
  for (const line of headerValues(headers, 'Cookie')) {
    for (const piece of line.split(';')) {
      const part = trimGo(piece);
      const eq = part.indexOf('=');
      const key = trimGo(eq === -1 ? part : part.slice(0, eq));
      // An empty part has the empty name, which is no token: skipped as Go skips it.
      if (key !== name || !/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(key)) continue;
      const raw = eq === -1 ? '' : part.slice(eq + 1);
      const value = raw.length > 1 && raw.startsWith('"') && raw.endsWith('"') ? raw.slice(1, -1) : raw;
      if (/^[\x20-\x7e]*$/.test(value) && !/["\\;]/.test(value)) return value;
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
  // No cookie (undefined) matches no child either.
  const value = requestCookie(headers, cookie);
  const current = children.find((c) => stickyCookieValue(c) === value);
  if (current !== undefined) return { child: current, rewrite: false };
  const legacy = children.find((c) => c === value || fnvHash(c) === value || fnvHash(fnvHash(c)) === value);
  return legacy === undefined ? undefined : { child: legacy, rewrite: true };
}

/**
 * Go `validCookieDomain`: an IPv4 address, or `isCookieDomainName`: at most 255 bytes (a leading dot counted),
 * then labels of letters, digits and inner `-` up to 63 bytes, a letter somewhere, a leading and a trailing dot
 * allowed.
 */
function validCookieDomain(domain: string): boolean {
  if (!/[:%]/.test(domain) && parseIPStrict(domain) !== undefined) return true;
  if (domain.length > 255 || !/[A-Za-z]/.test(domain)) return false;
  return domain.replace(/^\.|\.$/g, '').split('.').every((label) => /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/.test(label));
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
  const same = sticky.sameSite?.toLowerCase();
  if (same === 'none' || same === 'lax' || same === 'strict') s += `; SameSite=${same[0]!.toUpperCase()}${same.slice(1)}`;
  return s;
}
