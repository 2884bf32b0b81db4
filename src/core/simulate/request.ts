// Mirrors what Go's net/http server (server.go readRequest, url.ParseRequestURI) does with the bytes a
// client sends before Traefik sees the request: request-target parsing, Host checks, header canonicalisation.
import { withEscapedPath, type GoURL } from './go-url.ts';
import { headerMap, type HeaderMap } from './go-http.ts';
import type { SimRequest, SimResponse } from './verdict.ts';

/** The fields of Go's http.Request that Traefik's handlers read and rewrite. */
export interface GoRequest {
  method: string;
  /** `req.Host`: the authority, port included, case kept. */
  host: string;
  url: GoURL;
  /** `req.RequestURI`: the reverse proxy builds the upstream path and query from it. */
  requestURI: string;
  headers: HeaderMap;
  /** `ip:port` of the TCP peer. */
  remoteAddr: string;
  tls: boolean;
  sni: string | null;
}

/** The client side of the connection: where it connects and how. */
export interface ClientRequest {
  scheme: 'http' | 'https';
  /** Port the client connects to (from the URL, else 80/443). */
  port: number;
  /** Host part of the URL authority, without brackets. */
  urlHost: string;
  request: GoRequest;
  notes: string[];
}

/** `reject`: Go's server answers 400 itself (after the TLS handshake, before Traefik's handlers). */
export type ParsedClientRequest =
  | { ok: true; value: ClientRequest; reject?: { reason: string; response: SimResponse } }
  | { ok: false; reason: string };

const BAD_REQUEST_HEADERS = { 'Content-Type': 'text/plain; charset=utf-8', Connection: 'close' };

/** Go's answer to a request it cannot parse (server.go: `400 Bad Request` plus the reason when it has one). */
export function goServerBadRequest(reason?: string): SimResponse {
  return { status: 400, headers: { ...BAD_REQUEST_HEADERS }, body: reason ? `400 Bad Request: ${reason}` : '400 Bad Request' };
}

/** Percent-encodes what cannot travel on a request line (spaces, controls, non-ASCII), as browsers do. */
function encodeForWire(target: string): { text: string; changed: boolean } {
  let out = '';
  for (const b of new TextEncoder().encode(target)) {
    if (b <= 0x20 || b >= 0x7f) out += '%' + b.toString(16).toUpperCase().padStart(2, '0');
    else out += String.fromCharCode(b);
  }
  return { text: out, changed: out !== target };
}

function splitAuthority(authority: string): { host: string; port: string } {
  if (authority.startsWith('[')) {
    const close = authority.indexOf(']');
    if (close > 0) {
      const rest = authority.slice(close + 1);
      return { host: authority.slice(1, close), port: rest.startsWith(':') ? rest.slice(1) : '' };
    }
  }
  const colon = authority.lastIndexOf(':');
  if (colon >= 0 && authority.indexOf(':') === colon) return { host: authority.slice(0, colon), port: authority.slice(colon + 1) };
  return { host: authority, port: '' };
}

/** httpguts.ValidHostHeader, approximately: token/sub-delim characters, brackets, `%`, and UTF-8 bytes. */
function validHostHeader(h: string): boolean {
  return /^[A-Za-z0-9!$%&'()*+,\-.:;=@[\]_~\u0080-\uffff]*$/.test(h);
}

function remoteAddrOf(ip: string): string {
  return ip.includes(':') ? `[${ip}]:54321` : `${ip}:54321`;
}

/**
 * Turns a SimRequest into the request Go's HTTP server hands to Traefik, or the 400 it answers instead.
 *
 * @example
 * const r = parseClientRequest({ method: 'GET', url: 'https://a.example.com/x?y=1', headers: {}, clientIP: '203.0.113.9' });
 * r.ok && r.value.request.host // 'a.example.com'
 */
export function parseClientRequest(sim: SimRequest): ParsedClientRequest {
  const notes: string[] = [];
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\/([^/?#]*)(.*)$/s.exec(sim.url.trim());
  if (!m) return { ok: false, reason: `"${sim.url}" is not an absolute http:// or https:// URL` };
  const rawScheme = m[1]!.toLowerCase();
  const scheme = rawScheme === 'https' || rawScheme === 'wss' ? 'https' : rawScheme === 'http' || rawScheme === 'ws' ? 'http' : null;
  if (!scheme) return { ok: false, reason: `unsupported scheme "${m[1]}" (use http or https)` };
  let authority = m[2]!;
  const headers = headerMap(sim.headers);
  const at = authority.lastIndexOf('@');
  if (at >= 0) {
    const userinfo = authority.slice(0, at);
    authority = authority.slice(at + 1);
    if (!headers['Authorization']) {
      const decoded = decodeURIComponentSafe(userinfo);
      headers['Authorization'] = ['Basic ' + btoa(String.fromCharCode(...new TextEncoder().encode(decoded)))];
      notes.push('The URL user info is sent as an `Authorization: Basic` header, as curl does.');
    }
  }
  const { host: urlHost, port: portText } = splitAuthority(authority);
  const port = portText === '' ? (scheme === 'https' ? 443 : 80) : Number(portText);
  if (!Number.isInteger(port) || port < 1 || port > 65535) return { ok: false, reason: `invalid port "${portText}"` };

  let target = m[3]!;
  if (target === '' || target.startsWith('?') || target.startsWith('#')) target = '/' + target;
  const wire = encodeForWire(target);
  if (wire.changed) notes.push(`The client percent-encodes characters that cannot be sent raw: ${wire.text}`);
  target = wire.text;
  if (target.includes('#')) notes.push('The request-target contains a literal `#`: browsers and curl drop the fragment, this simulation sends it.');

  // Host: the URL authority, unless the request sets a Host header (curl -H 'Host: …').
  let host = authority;
  const hostValues = headers['Host'];
  delete headers['Host'];
  const method = sim.method === '' ? 'GET' : sim.method;
  let reject: { reason: string; response: SimResponse } | undefined;
  const fail = (reason: string, withReason = true) => {
    reject ??= { reason, response: goServerBadRequest(withReason ? reason : undefined) };
  };
  // A Host header without any value is no Host header (Go's Header map holds an empty slice).
  if (hostValues && hostValues.length > 0) {
    if (hostValues.length > 1) fail('too many Host headers');
    host = hostValues[0]!;
    notes.push(`Host header overridden: ${host}`);
  }
  if (!validHostHeader(host)) fail('malformed Host header');
  if (!/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(method)) fail(`invalid method ${JSON.stringify(method)}`, false);

  // url.ParseRequestURI: a single trailing `?` sets ForceQuery; otherwise cut at the first `?`.
  let rest = target;
  let rawQuery = '';
  let forceQuery = false;
  if (rest.endsWith('?') && rest.indexOf('?') === rest.length - 1) {
    forceQuery = true;
    rest = rest.slice(0, -1);
  } else {
    const q = rest.indexOf('?');
    if (q >= 0) {
      rawQuery = rest.slice(q + 1);
      rest = rest.slice(0, q);
    }
  }
  const set = withEscapedPath(rest);
  if (!set) fail(`invalid escape in the path "${rest}"`, false);
  const url: GoURL = set ? { path: set.path, rawPath: set.rawPath, rawQuery, forceQuery } : { path: rest, rawPath: '', rawQuery, forceQuery };
  const request: GoRequest = {
    method,
    host,
    url,
    requestURI: target,
    headers,
    remoteAddr: remoteAddrOf(sim.clientIP === '' ? '192.0.2.1' : sim.clientIP),
    tls: scheme === 'https',
    sni: null,
  };
  if (sim.clientIP === '') notes.push('No client IP given: 192.0.2.1 is used.');
  const value: ClientRequest = { scheme, port, urlHost, notes, request };
  return reject ? { ok: true, value, reject } : { ok: true, value };
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
