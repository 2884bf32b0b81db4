// Mirrors pkg/middlewares/forwardedheaders/forwarded_header.go: untrusted X-Forwarded-* are dropped, then
// Traefik sets its own — before routing, so Header/HeaderRegexp rules see the result.
import ipaddr from 'ipaddr.js';
import { canonicalKey, delHeader, getHeader, headerValues, setHeader, type HeaderMap } from './go-http.ts';
import type { GoRequest } from './request.ts';

const MANAGED = new Set([
  'X-Forwarded-Proto', 'X-Forwarded-Scheme', 'X-Forwarded-For', 'X-Forwarded-Host', 'X-Forwarded-Port',
  'X-Forwarded-Server', 'X-Forwarded-Uri', 'X-Forwarded-Method', 'X-Forwarded-Prefix', 'X-Forwarded-Tls-Client-Cert',
  'X-Forwarded-Tls-Client-Cert-Info', 'X-Scheme', 'X-Real-Ip',
]);

/** Traefik's own host name, reported in X-Forwarded-Server (os.Hostname() of the Traefik pod). */
export const TRAEFIK_HOSTNAME = 'traefik';

/**
 * `isManagedXHeader`: the managed names, also spelled with underscores.
 *
 * @example
 * isManagedXHeader('X_Forwarded_For') // true
 */
export function isManagedXHeader(key: string): boolean {
  if (!key.startsWith('X')) return false;
  if (MANAGED.has(key)) return true;
  if (!key.includes('_')) return false;
  return MANAGED.has(canonicalKey(key.replaceAll('_', '-')));
}

/**
 * Go net.SplitHostPort; undefined when the text is not `host:port`.
 *
 * @example
 * splitHostPort('[::1]:443') // { host: '::1', port: '443' }
 */
export function splitHostPort(hostport: string): { host: string; port: string } | undefined {
  // The port starts after the last colon; a bracketed host must end just before it.
  const i = hostport.lastIndexOf(':');
  if (i < 0) return undefined;
  let host: string;
  let j = 0;
  let k = 0;
  if (hostport.startsWith('[')) {
    const end = hostport.indexOf(']');
    if (end < 0 || end + 1 !== i) return undefined;
    host = hostport.slice(1, end);
    j = 1;
    k = end + 1;
  } else {
    host = hostport.slice(0, i);
    if (host.includes(':')) return undefined;
  }
  if (hostport.slice(j).includes('[') || hostport.slice(k).includes(']')) return undefined;
  return { host, port: hostport.slice(i + 1) };
}

/**
 * Go net.ParseIP / netip.ParseAddr: dotted-quad IPv4 or IPv6 (zone dropped); undefined otherwise.
 *
 * @example
 * parseIPStrict('10.1') // undefined (ipaddr.js alone would accept it)
 */
export function parseIPStrict(text: string): ipaddr.IPv4 | ipaddr.IPv6 | undefined {
  const s = text.split('%')[0]!;
  if (ipaddr.IPv4.isValidFourPartDecimal(s)) return ipaddr.IPv4.parse(s);
  if (s.includes(':') && ipaddr.IPv6.isValid(s)) return ipaddr.IPv6.parse(s);
  return undefined;
}

/**
 * Whether an entry is an IP or CIDR Traefik accepts.
 *
 * @example
 * validIPOrCIDR('10.0.0.0/33') // false
 */
export function validIPOrCIDR(entry: string): boolean {
  const slash = entry.indexOf('/');
  if (slash < 0) return parseIPStrict(entry) !== undefined && !entry.includes('%');
  const bits = entry.slice(slash + 1);
  // net.ParseCIDR refuses an address with a zone.
  const ip = entry.slice(0, slash).includes('%') ? undefined : parseIPStrict(entry.slice(0, slash));
  if (!ip || !/^\d+$/.test(bits)) return false;
  return Number(bits) <= (ip.kind() === 'ipv4' ? 32 : 128);
}

/**
 * `ip.Checker.Contains`: is the address (no port) one of the IPs or inside one of the CIDRs?
 * Invalid list entries are ignored here (Traefik refuses to start with them).
 *
 * @example
 * ipInList('10.1.2.3', ['10.0.0.0/8']) // true
 */
export function ipInList(address: string, list: readonly string[]): boolean {
  const addr = parseIPStrict(address);
  if (!addr) return false;
  const candidates = [addr];
  if (addr.kind() === 'ipv6' && (addr as ipaddr.IPv6).isIPv4MappedAddress()) candidates.push((addr as ipaddr.IPv6).toIPv4Address());
  if (addr.kind() === 'ipv4') candidates.push((addr as ipaddr.IPv4).toIPv4MappedAddress());
  for (const entry of list) {
    if (!validIPOrCIDR(entry)) continue;
    const slash = entry.indexOf('/');
    const ip = parseIPStrict(slash < 0 ? entry : entry.slice(0, slash))!;
    const bits = slash < 0 ? (ip.kind() === 'ipv4' ? 32 : 128) : Number(entry.slice(slash + 1));
    if (candidates.some((c) => c.kind() === ip.kind() && c.match(ip, bits))) return true;
  }
  return false;
}

export interface ForwardedResult {
  trusted: boolean;
  removed: string[];
  set: string[];
}

function isWebsocket(h: HeaderMap): boolean {
  const has = (name: string, value: string) =>
    getHeader(h, name).split(',').some((p) => p.trim().toLowerCase() === value);
  return has('Connection', 'upgrade') && has('Upgrade', 'websocket');
}

/**
 * Applies the forwarded-headers middleware to the request in place.
 *
 * @example
 * applyForwardedHeaders(req, { trustedIPs: ['10.0.0.0/8'] }).trusted
 */
export function applyForwardedHeaders(
  req: GoRequest,
  config: { insecure?: boolean; trustedIPs?: string[] } | undefined,
): ForwardedResult {
  const peer = splitHostPort(req.remoteAddr)?.host ?? req.remoteAddr;
  const trusted = config?.insecure === true || (config?.trustedIPs !== undefined && config.trustedIPs.length > 0 && ipInList(peer, config.trustedIPs));
  const removed: string[] = [];
  if (!trusted) {
    for (const key of Object.keys(req.headers)) {
      if (isManagedXHeader(key)) {
        removed.push(key);
        delete req.headers[key];
      }
    }
  }
  const set: string[] = [];
  const setIfEmpty = (key: string, value: string) => {
    if (getHeader(req.headers, key) === '') {
      setHeader(req.headers, key, value);
      set.push(`${key}: ${value}`);
    }
  };
  const split = splitHostPort(req.remoteAddr);
  if (split) setIfEmpty('X-Real-Ip', split.host.split('%')[0]!);
  const ws = isWebsocket(req.headers);
  setIfEmpty('X-Forwarded-Proto', req.tls ? (ws ? 'wss' : 'https') : ws ? 'ws' : 'http');
  const proto = getHeader(req.headers, 'X-Forwarded-Proto');
  const hostPort = splitHostPort(req.host)?.port;
  setIfEmpty('X-Forwarded-Port', hostPort ? hostPort : proto === 'https' || proto === 'wss' || req.tls ? '443' : '80');
  if (req.host !== '') setIfEmpty('X-Forwarded-Host', req.host);
  const xff = headerValues(req.headers, 'X-Forwarded-For');
  if (xff.length > 1) setHeader(req.headers, 'X-Forwarded-For', xff.join(', '));
  setHeader(req.headers, 'X-Forwarded-Server', TRAEFIK_HOSTNAME);
  set.push(`X-Forwarded-Server: ${TRAEFIK_HOSTNAME}`);
  removeConnectionHeaders(req.headers, removed);
  return { trusted, removed, set };
}

/** `removeConnectionHeaders`: headers named in `Connection` are hop-by-hop and dropped (not managed X- ones). */
function removeConnectionHeaders(h: HeaderMap, removed: string[]): void {
  const connection = h['Connection'] ?? [];
  const upgrade = connection.some((v) => v.split(',').some((t) => t.trim().toLowerCase() === 'upgrade'))
    ? getHeader(h, 'Upgrade')
    : '';
  for (const value of connection) {
    for (const part of value.split(',')) {
      const key = canonicalKey(part.trim());
      if (key === '' || isManagedXHeader(key)) continue;
      if (h[key]) removed.push(key);
      delete h[key];
    }
  }
  if (upgrade !== '') {
    setHeader(h, 'Upgrade', upgrade);
    setHeader(h, 'Connection', 'Upgrade');
    return;
  }
  delHeader(h, 'Connection');
}
