// Mirrors pkg/provider/kubernetes/ingress/annotations.go (parseRouterConfig, parseServiceConfig, convertAnnotations).
import type { RouterTLS, StickyCookie } from '../types.ts';

/** Only annotations under this prefix are read; the prefix is folded to `traefik.` before decoding. */
export const ANNOTATIONS_PREFIX = 'traefik.ingress.kubernetes.io/';

/** The router part of an Ingress's annotations (RouterIng). */
export interface RouterAnnotations {
  pathMatcher?: string;
  entryPoints?: string[];
  middlewares?: string[];
  priority?: number;
  ruleSyntax?: string;
  tls?: Omit<RouterTLS, 'resolvedOptions'>;
  observability?: { accessLogs?: boolean; metrics?: boolean; tracing?: boolean; traceVerbosity?: string };
}

/** The service part of a Kubernetes Service's annotations (ServiceIng). */
export interface ServiceAnnotations {
  serversScheme?: string;
  serversTransport?: string;
  passHostHeader?: boolean;
  middlewares?: string[];
  sticky?: StickyCookie;
  nativeLB?: boolean;
  nodePortLB?: boolean;
}

/** A decoding failure: Traefik logs "Failed to parse annotations" and skips the Ingress (or the service). */
export interface AnnotationError {
  annotation: string;
  message: string;
}

export type Decoded<T> = { value: T | null; error?: undefined } | { value: null; error: AnnotationError };

/**
 * convertAnnotations: keeps `traefik.ingress.kubernetes.io/*` keys, folds them to `traefik.*` and
 * rewrites `a.b.0.c` list indices to `a.b[0].c`. Keys are lower-cased here because paerser matches
 * field names case-insensitively. Returns label key → { value, original annotation }.
 */
function convert(annotations: Readonly<Record<string, string>>, prefix: string): Map<string, { value: string; annotation: string }> {
  const out = new Map<string, { value: string; annotation: string }>();
  for (const [key, value] of Object.entries(annotations)) {
    if (!key.startsWith(ANNOTATIONS_PREFIX)) continue;
    const label = key.replaceAll('ingress.kubernetes.io/', '').toLowerCase();
    if (!label.startsWith(prefix)) continue;
    out.set(label.slice(prefix.length), { value, annotation: key });
  }
  return out;
}

/** Go's strconv.ParseBool, as paerser uses it. */
function parseBool(v: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(v)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(v)) return false;
  return undefined;
}

/** paerser splits slice values on commas. */
const list = (v: string) => v.split(',').map((s) => s.trim()).filter((s) => s !== '');

type Setter<T> = (target: T, value: string, fail: (message: string) => void) => void;

function boolSetter<T>(set: (t: T, v: boolean) => void): Setter<T> {
  return (t, v, fail) => {
    const b = parseBool(v);
    if (b === undefined) fail(`"${v}" is not a boolean (use "true" or "false")`);
    else set(t, b);
  };
}

function tlsOf(r: RouterAnnotations): NonNullable<RouterAnnotations['tls']> {
  return (r.tls ??= {});
}

const ROUTER_FIELDS: Record<string, Setter<RouterAnnotations>> = {
  pathmatcher: (r, v) => void (r.pathMatcher = v),
  entrypoints: (r, v) => void (r.entryPoints = list(v)),
  middlewares: (r, v) => void (r.middlewares = list(v)),
  priority: (r, v, fail) => {
    if (!/^[+-]?\d+$/.test(v.trim())) fail(`"${v}" is not an integer`);
    else r.priority = Number(v.trim());
  },
  rulesyntax: (r, v) => void (r.ruleSyntax = v),
  // `router.tls: "true"` enables TLS with defaults (label:"allowEmpty"); "false" leaves TLS off.
  tls: boolSetter((r, b) => {
    if (b) tlsOf(r);
  }),
  'tls.certresolver': (r, v) => void (tlsOf(r).certResolver = v),
  'tls.options': (r, v) => void (tlsOf(r).options = v),
  'observability.accesslogs': boolSetter((r, b) => void ((r.observability ??= {}).accessLogs = b)),
  'observability.metrics': boolSetter((r, b) => void ((r.observability ??= {}).metrics = b)),
  'observability.tracing': boolSetter((r, b) => void ((r.observability ??= {}).tracing = b)),
  'observability.traceverbosity': (r, v) => void ((r.observability ??= {}).traceVerbosity = v),
};

function cookieOf(s: ServiceAnnotations): StickyCookie {
  return (s.sticky ??= { name: '', path: '/' });
}

const SERVICE_FIELDS: Record<string, Setter<ServiceAnnotations>> = {
  serversscheme: (s, v) => void (s.serversScheme = v),
  serverstransport: (s, v) => void (s.serversTransport = v),
  passhostheader: boolSetter((s, b) => void (s.passHostHeader = b)),
  middlewares: (s, v) => void (s.middlewares = list(v)),
  nativelb: boolSetter((s, b) => void (s.nativeLB = b)),
  nodeportlb: boolSetter((s, b) => void (s.nodePortLB = b)),
  'sticky.cookie': boolSetter((s, b) => {
    if (b) cookieOf(s);
  }),
  'sticky.cookie.name': (s, v) => void (cookieOf(s).name = v),
  'sticky.cookie.secure': boolSetter((s, b) => void (cookieOf(s).secure = b)),
  'sticky.cookie.httponly': boolSetter((s, b) => void (cookieOf(s).httpOnly = b)),
  'sticky.cookie.samesite': (s, v) => void (cookieOf(s).sameSite = v),
  'sticky.cookie.maxage': (s, v, fail) => {
    if (!/^[+-]?\d+$/.test(v.trim())) fail(`"${v}" is not an integer`);
    else cookieOf(s).maxAge = Number(v.trim());
  },
  'sticky.cookie.path': (s, v) => void (cookieOf(s).path = v),
  'sticky.cookie.domain': (s, v) => void (cookieOf(s).domain = v),
};

const DOMAIN_KEY = /^tls\.domains\.(\d+)\.(main|sans)$/;

function decode<T extends object>(annotations: Readonly<Record<string, string>>, prefix: string, fields: Record<string, Setter<T>>, make: () => T, extra?: (key: string, value: string, target: T) => boolean): Decoded<T> {
  const labels = convert(annotations, prefix);
  if (labels.size === 0) return { value: null };
  const target = make();
  for (const [key, { value, annotation }] of labels) {
    let error: string | null = null;
    const setter = fields[key];
    if (setter) setter(target, value, (m) => (error = m));
    else if (!extra?.(key, value, target)) error = `Traefik does not know the field "${key}"`;
    if (error) return { value: null, error: { annotation, message: `${annotation}: ${error}` } };
  }
  return { value: target };
}

/**
 * parseRouterConfig: the `traefik.ingress.kubernetes.io/router.*` annotations of an Ingress, or null
 * when there are none. An annotation paerser cannot decode (unknown field, bad integer or boolean)
 * is an error: Traefik then skips the whole Ingress.
 *
 * @example
 * parseRouterAnnotations({ 'traefik.ingress.kubernetes.io/router.entrypoints': 'ep1,ep2' }).value
 * // { entryPoints: ['ep1', 'ep2'] }
 */
export function parseRouterAnnotations(annotations: Readonly<Record<string, string>>): Decoded<RouterAnnotations> {
  return decode(annotations, 'traefik.router.', ROUTER_FIELDS, () => ({}), (key, value, r) => {
    const m = DOMAIN_KEY.exec(key);
    if (!m) return false;
    const domains = (tlsOf(r).domains ??= []);
    const i = Number(m[1]);
    while (domains.length <= i) domains.push({ main: '', sans: [] });
    if (m[2] === 'main') domains[i]!.main = value;
    else domains[i]!.sans = list(value);
    return true;
  });
}

/**
 * parseServiceConfig: the `traefik.ingress.kubernetes.io/service.*` annotations of a Kubernetes
 * Service, or null when there are none.
 *
 * @example
 * parseServiceAnnotations({ 'traefik.ingress.kubernetes.io/service.serversscheme': 'h2c' }).value
 * // { serversScheme: 'h2c' }
 */
export function parseServiceAnnotations(annotations: Readonly<Record<string, string>>): Decoded<ServiceAnnotations> {
  return decode(annotations, 'traefik.service.', SERVICE_FIELDS, () => ({}));
}
