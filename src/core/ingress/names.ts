// Mirrors the naming in pkg/provider/kubernetes/ingress/kubernetes.go (routerKey, serviceName, makeRouterKeyWithHash, buildRule).
import { matchHash, normalize } from '../provider/names.ts';

/** The Ingress provider's name: routers, services and middlewares are suffixed `@kubernetes`. */
export const INGRESS_PROVIDER = 'kubernetes';

/** Names Traefik gives a rule-less Ingress's default backend (one for the whole provider). */
export const DEFAULT_ROUTER = 'default-router';
export const DEFAULT_BACKEND = 'default-backend';

/** Go's math.MinInt32: the default router's priority, below every other router. */
export const MIN_INT32 = -2147483648;

/**
 * The router key of one path: namespace, Ingress name, host and path normalised together, a leading
 * `-` trimmed (an empty namespace or name).
 *
 * @example
 * ingressRouterKey('testing', '', 'traefik.tchouk', '/bar') // 'testing-traefik-tchouk-bar'
 */
export function ingressRouterKey(namespace: string, name: string, host: string, path: string): string {
  return normalize(`${namespace}-${name}-${host}${path}`).replace(/^-/, '');
}

/**
 * makeRouterKeyWithHash: when several paths of one Ingress share a key, each gets `-` and the first
 * 10 bytes of sha256(rule) in hex.
 *
 * @example
 * hashedRouterKey('testing-bar-bar', 'Host("bar") && PathPrefix("/bar")') // 'testing-bar-bar-605945111a3c9f84dc65'
 */
export function hashedRouterKey(key: string, rule: string): string {
  return `${key}-${matchHash(rule)}`;
}

/** A backend port as Traefik prints it: the name, else the number. */
export function backendPort(port: { name?: string | undefined; number?: number | undefined }): string {
  return port.name ? port.name : String(port.number ?? 0);
}

/**
 * One service per namespace, Kubernetes Service and port, shared by every path that uses it.
 *
 * @example
 * ingressServiceName('testing', 'service1', '80') // 'testing-service1-80'
 */
export function ingressServiceName(namespace: string, service: string, port: string): string {
  return normalize(`${namespace}-${service}-${port}`);
}

/** Go's %q for the ASCII strings hosts and paths are made of (quotes and backslashes escaped). */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (c < 0x20 || c === 0x7f) out += `\\x${c.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

/**
 * buildRule: `Matcher("path")`, or with strictPrefixMatching a Prefix path matched element-wise
 * (`/v1` matches `/v1` and `/v1/x`, not `/v12`).
 *
 * @example
 * pathRule(false, 'PathPrefix', '/bar') // 'PathPrefix("/bar")'
 * pathRule(true, 'PathPrefix', '/bar/') // '(Path("/bar") || PathPrefix("/bar/"))'
 */
export function pathRule(strictPrefixMatching: boolean, matcher: string, path: string): string {
  if (strictPrefixMatching && matcher === 'PathPrefix') {
    if (path === '/') return 'PathPrefix("/")';
    const trimmed = path.endsWith('/') ? path.slice(0, -1) : path;
    return `(Path(${goQuote(trimmed)}) || PathPrefix(${goQuote(`${trimmed}/`)}))`;
  }
  return `${matcher}(${goQuote(path)})`;
}

/**
 * The host part of a rule: `Host("a")`, or for v2 syntax a wildcard host as HostRegexp (buildHostRuleV2).
 *
 * @example
 * hostRule('*.foo.com', 'v2') // 'HostRegexp("{subdomain:[a-zA-Z0-9-]+}.foo.com")'
 */
export function hostRule(host: string, syntax: 'v2' | 'v3'): string {
  if (syntax === 'v2' && host.startsWith('*.')) return `HostRegexp(${goQuote(host.replace('*.', '{subdomain:[a-zA-Z0-9-]+}.'))})`;
  return `Host(${goQuote(host)})`;
}
