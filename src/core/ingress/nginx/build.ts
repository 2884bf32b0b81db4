// Mirrors pkg/provider/kubernetes/ingress-nginx/build.go (build: class filter, validation, canary pass,
// locations; getBackendEndpoints, resolveBasicAuth, shouldProcess, validateIngress) and client.go's filterIngressClass.
import { arr, num, obj, str } from '../../model/index.ts';
import type { BuildContext } from '../../provider/context.ts';
import { normalize } from '../../provider/names.ts';
import type { NginxProviderOptions } from '../options.ts';
import type { Path, Resource } from '../../types.ts';
import { backendPort } from '../names.ts';
import { readBackend, type IngressBackend } from '../services.ts';
import { parseNginxConfig, type NginxConfig } from './annotations.ts';
import { buildRegularLocations, type DefaultBackend } from './locations.ts';

export type NginxOptions = NginxProviderOptions;

export interface Endpoint {
  address: string;
  fenced: boolean;
  /** Where the address comes from: an EndpointSlice, the ClusterIP, an ExternalName, or assumed. */
  source: 'endpointslice' | 'clusterip' | 'externalname' | 'assumed';
}

export interface Canary {
  backendName: string;
  serviceName: string;
  port: number | string;
  endpoints: Endpoint[];
  weight: number;
  weightTotal: number;
  header: string;
  headerValue: string;
  headerPattern: string;
  cookie: string;
  ingress: Resource;
}

export interface Location {
  ingress: Resource;
  /** The path item (or spec.defaultBackend) in the Ingress. */
  at: Path;
  host: string;
  path: string;
  pathType: string;
  aliases: string[];
  useRegex: boolean;
  backendName: string;
  endpoints: Endpoint[];
  config: NginxConfig;
  hasTLS: boolean;
  ruleIndex: number;
  locationIndex: number;
  isIngressDefaultBackend: boolean;
  serviceName: string;
  servicePort: string;
  /** The backend port as written: a number or a port name. */
  port: number | string;
  canary?: Canary;
  basicAuth?: { users: string[]; secret: string; realm: string; digest?: boolean };
  /** buildServersTransport: `<ns>-<ingress>` with the proxy timeouts and proxy-ssl-* settings. */
  serversTransport?: { name: string; config: Record<string, unknown> };
  /** auth-tls-secret: the client-certificate TLS option `<ns>-<ingress>-<secret>` of the -tls routers. */
  tlsOption?: { name: string; secret: string; clientAuthType: string };
  /** The custom-headers ConfigMap's response headers, validated. */
  customHeaders?: Record<string, string>;
  /** custom-http-errors with a default-backend annotation: the error pages' backend. */
  errorBackend?: { name: string; serviceName: string; port: number; endpoints: Endpoint[] | null };
  /** auth-tls-pass-certificate-to-upstream with optional_no_ca: the CA forwarded. */
  passCertCA?: string;
  serverSnippet?: string;
  /** loc.Error: the routers go to unavailable-service (503) without middlewares. */
  error?: boolean;
  /** buildFromToWwwRedirect: the extra router's rule and the host it redirects to. */
  fromToWww?: { extraRule: string; target: string };
}

export interface Problem {
  resource: Resource;
  path: Path;
  severity: 'error' | 'warning' | 'info';
  message: string;
  code: 'INGRESS_CLASS_SKIPPED' | 'INGRESS_ANNOTATION_INVALID' | 'INGRESS_ANNOTATION_IGNORED' | 'INGRESS_ANNOTATION_NOT_SIMULATED' | 'INGRESS_SNIPPET_UNSUPPORTED' | 'INGRESS_PATH_SKIPPED';
}

/** filterIngressClass: by name when ingressClassByName, else the classes of the controller. */
function watchedClasses(classes: Resource[], o: NginxOptions): Resource[] {
  const out: Resource[] = [];
  for (const c of classes) {
    if (o.ingressClassByName && c.metadata.name === o.ingressClass) return [...out, c];
    if (str(obj(c.raw['spec'])?.['controller']) === o.controllerClass) out.push(c);
  }
  return out;
}

/** shouldProcess: ingressClassName among the watched classes, else the class annotation, else watchIngressWithoutClass. */
export function nginxShouldProcess(ing: Resource, classes: Resource[], o: NginxOptions): boolean {
  const className = str(obj(ing.raw['spec'])?.['ingressClassName']);
  if (classes.length > 0 && className !== undefined) return classes.some((c) => c.metadata.name === className);
  const annotation = ing.metadata.annotations['kubernetes.io/ingress.class'];
  if (annotation !== undefined) return annotation === o.ingressClass;
  return o.watchIngressWithoutClass;
}

/** Annotations Traefik parses (IngressConfig) but does nothing with in Traefik Proxy, with why. */
const MODSECURITY = 'ModSecurity needs an integration hook (ApplyMiddlewareFunc) that Traefik Proxy does not set: it only logs an error; use a WAF plugin';
const PARSED_UNUSED: Record<string, string> = {
  'affinity-canary-behavior': 'Traefik parses it but never reads it: the canary\'s weighted service carries its own sticky cookie (`<name>-wrr`), i.e. "sticky" behaviour',
  'enable-modsecurity': MODSECURITY,
  'enable-owasp-core-rules': MODSECURITY,
  'modsecurity-transaction-id': MODSECURITY,
  'modsecurity-snippet': MODSECURITY,
};

const STRICT_PATH = /^\/[A-Za-z0-9._\-/]*$/i;

/**
 * getBackendEndpoints: the addresses of a backend (`ip:port`), from the EndpointSlices, the ClusterIP
 * (service-upstream) or the ExternalName; a Service not in the workspace is assumed to exist.
 */
export function backendEndpoints(ctx: BuildContext, ns: string, backend: NonNullable<IngressBackend['service']>, c: NginxConfig, o: NginxOptions): Endpoint[] | string {
  const svc = ctx.find('Service', ns, backend.name);
  if (!svc) {
    if (ctx.settings.strictServices) return `Service ${ns}/${backend.name} is not in the workspace (strict mode)`;
    return [{ address: `${backend.name}.${ns}.svc:${backend.port.number ?? 80}`, fenced: false, source: 'assumed' }];
  }
  const spec = obj(svc.raw['spec']) ?? {};
  const external = str(spec['type']) === 'ExternalName';
  if (o.disableSvcExternalName && external) return 'externalName services not allowed (disableSvcExternalName)';
  const ports = arr(spec['ports']).map((p) => obj(p) ?? {});
  const none = backend.port.number === undefined && backend.port.name === undefined;
  const port = ports.find((p) => none || num(p['port']) === backend.port.number || (backend.port.name !== undefined && str(p['name']) === backend.port.name));
  if (external) {
    const target = port ? (num(port['targetPort']) ?? num(port['port']) ?? 0) : (backend.port.number ?? 0);
    return [{ address: `${str(spec['externalName']) ?? ''}:${target}`, fenced: false, source: 'externalname' }];
  }
  if (!port) return `service port ${backendPort(backend.port)} not found on Service ${ns}/${backend.name}`;
  if (c['service-upstream']) return [{ address: `${str(spec['clusterIP']) ?? ''}:${num(port['port']) ?? 0}`, fenced: false, source: 'clusterip' }];
  const portName = str(port['name']) ?? '';
  const slices = ctx.all('EndpointSlice').filter((s) => s.metadata.namespace === ns && s.metadata.labels['kubernetes.io/service-name'] === backend.name);
  if (slices.length === 0) {
    const target = num(port['targetPort']) ?? num(port['port']) ?? 0;
    return [{ address: `${backend.name}.${ns}.svc:${target}`, fenced: false, source: 'assumed' }];
  }
  const seen = new Set<string>();
  const out: Endpoint[] = [];
  for (const slice of slices) {
    const p = arr(slice.raw['ports']).map((x) => obj(x) ?? {}).find((x) => str(x['name']) !== undefined && str(x['name']) === portName);
    const portNumber = num(p?.['port']);
    if (!portNumber) continue;
    for (const ep of arr(slice.raw['endpoints']).map((e) => obj(e) ?? {})) {
      const cond = obj(ep['conditions']) ?? {};
      if (cond['serving'] === false) continue;
      for (const a of arr(ep['addresses']).map((x) => str(x) ?? '')) {
        if (!a || seen.has(a)) continue;
        seen.add(a);
        out.push({ address: `${a.includes(':') ? `[${a}]` : a}:${portNumber}`, fenced: cond['terminating'] === true, source: 'endpointslice' });
      }
    }
  }
  // The default-backend annotation: a backend without endpoints falls back to that Service's endpoints.
  const fallback = c['default-backend'] ?? '';
  if (out.length > 0 || fallback === '' || fallback === backend.name) return out;
  const fallbackSvc = ctx.find('Service', ns, fallback);
  if (!fallbackSvc) return ctx.settings.strictServices ? `fallback Service ${ns}/${fallback} is not in the workspace (strict mode)` : [{ address: `${fallback}.${ns}.svc:80`, fenced: false, source: 'assumed' }];
  return backendEndpoints(ctx, ns, { name: fallback, port: {} }, { ...c, 'default-backend': '', 'service-upstream': false }, o);
}

/** Creation time in ms (0 when absent, as Go's zero time sorts before every real one). */
function createdAt(ing: Resource): number {
  const t = Date.parse(str(obj(ing.raw['metadata'])?.['creationTimestamp']) ?? '');
  return Number.isNaN(t) ? 0 : t;
}

/**
 * build's sort: by creation timestamp, oldest first; ties (and absent timestamps) by `namespace/name`
 * in descending order, as ingress-nginx does. It decides which Ingress claims a server-alias first
 * and whose rule-less default backend becomes the catch-all.
 *
 * @example
 * sortIngresses([a, b]).map((i) => i.metadata.name) // ['b', 'a'] when neither has a creationTimestamp
 */
export function sortIngresses(ingresses: readonly Resource[]): Resource[] {
  const key = (i: Resource) => `${i.metadata.namespace}/${i.metadata.name}`;
  return [...ingresses].sort((a, b) => createdAt(a) - createdAt(b) || (key(a) > key(b) ? -1 : key(a) < key(b) ? 1 : 0));
}

const pathKey = (ns: string, host: string, pa: Record<string, unknown>) => `${ns}/${host}${str(pa['path']) ?? ''}/${str(pa['pathType']) || 'Prefix'}`;

/**
 * Phase 1 of the provider: the locations (one per Ingress path, plus per-host default backends) with
 * their backends, canaries and auth resolved; problems carry their YAML path.
 */
export function buildLocations(ctx: BuildContext, ingresses: Resource[], o: NginxOptions, problems: Problem[]): { locations: Location[]; defaultBackend: DefaultBackend | null; processed: Set<Resource> } {
  const classes = watchedClasses(ctx.all('IngressClass'), o);
  const processed = new Set<Resource>();
  const regular: { ing: Resource; c: NginxConfig }[] = [];
  const canaries: { ing: Resource; c: NginxConfig }[] = [];
  const paths = new Map<string, { pa: Record<string, unknown>; c: NginxConfig }>();
  const hostsWithRegex = new Set<string>();
  const allHosts = new Set<string>();
  const claimedAliases = new Map<string, string>();
  const serverSnippets = new Map<string, string>();
  for (const ing of sortIngresses(ingresses)) {
    if (o.watchNamespace && ing.metadata.namespace !== o.watchNamespace) continue;
    if (!nginxShouldProcess(ing, classes, o)) continue;
    const { config: c, ignored, badInts } = parseNginxConfig(ing.metadata.annotations);
    for (const i of ignored) problems.push({ resource: ing, path: ['metadata', 'annotations', i.annotation], severity: 'warning', code: 'INGRESS_ANNOTATION_IGNORED', message: `Traefik's kubernetesIngressNGINX provider ignores ${i.annotation}${i.instead ? `; use ${i.instead}` : ''}.` });
    for (const k of Object.keys(c).filter((x) => PARSED_UNUSED[x] !== undefined)) {
      problems.push({ resource: ing, path: ['metadata', 'annotations', `nginx.ingress.kubernetes.io/${k}`], severity: 'warning', code: 'INGRESS_ANNOTATION_IGNORED', message: `nginx.ingress.kubernetes.io/${k} has no effect in Traefik: ${PARSED_UNUSED[k]}.` });
    }
    for (const k of badInts) problems.push({ resource: ing, path: ['metadata', 'annotations', k], severity: 'warning', code: 'INGRESS_ANNOTATION_INVALID', message: `${k} is not an integer: Traefik ignores it.` });
    const snippets = (['server-snippet', 'configuration-snippet', 'auth-snippet'] as const).filter((k) => (c[k] ?? '') !== '');
    if (snippets.length > 0) {
      for (const k of snippets) {
        problems.push({ resource: ing, path: ['metadata', 'annotations', `nginx.ingress.kubernetes.io/${k}`], severity: o.allowSnippetAnnotations ? 'warning' : 'error', code: 'INGRESS_SNIPPET_UNSUPPORTED', message: o.allowSnippetAnnotations ? `NGINX snippets are not supported by this simulator (Traefik interprets only a few directives with allowSnippetAnnotations).` : `Snippet annotations are not supported: with allowSnippetAnnotations off (the default) Traefik skips this whole Ingress. Remove ${k}, or translate it into middlewares.` });
      }
      if (!o.allowSnippetAnnotations) continue;
    }
    const bad = arr(obj(ing.raw['spec'])?.['rules']).flatMap((r, i) => arr(obj(obj(r)?.['http'])?.['paths']).map((p, j) => ({ p: obj(p) ?? {}, i, j }))).find(({ p }) => {
      const path = str(p['path']) ?? '';
      return path !== '' && (str(p['pathType']) || 'Prefix') !== 'ImplementationSpecific' && !STRICT_PATH.test(path);
    });
    if (bad && o.strictValidatePathType) {
      problems.push({ resource: ing, path: ['spec', 'rules', bad.i, 'http', 'paths', bad.j, 'path'], severity: 'error', code: 'INGRESS_PATH_SKIPPED', message: `This path has regex characters with pathType ${str(bad.p['pathType']) || 'Prefix'}: Traefik (strictValidatePathType) skips the whole Ingress. Use pathType: ImplementationSpecific.` });
      continue;
    }
    if (c.canary) {
      canaries.push({ ing, c });
      continue;
    }
    // The first Ingress (in sort order) naming an alias owns it.
    for (const alias of c['server-alias'] ?? []) if (!claimedAliases.has(alias.toLowerCase())) claimedAliases.set(alias.toLowerCase(), `${ing.metadata.namespace}/${ing.metadata.name}`);
    for (const r of arr(obj(ing.raw['spec'])?.['rules']).map((x) => obj(x) ?? {})) {
      const host = str(r['host']) ?? '';
      allHosts.add(host);
      if (c['use-regex'] || (c['rewrite-target'] ?? '') !== '') hostsWithRegex.add(host);
      if ((c['server-snippet'] ?? '') !== '' && !serverSnippets.has(host)) serverSnippets.set(host, c['server-snippet']!);
      for (const pa of arr(obj(r['http'])?.['paths']).map((x) => obj(x) ?? {})) if (readBackend(pa['backend']).service) paths.set(pathKey(ing.metadata.namespace, host, pa), { pa, c });
    }
    regular.push({ ing, c });
  }
  const canaryOf = new Map<string, Canary>();
  const matched = new Set<string>();
  for (const { ing, c } of canaries) {
    arr(obj(ing.raw['spec'])?.['rules']).map((x) => obj(x) ?? {}).forEach((r) => {
      for (const pa of arr(obj(r['http'])?.['paths']).map((x) => obj(x) ?? {})) {
        const key = pathKey(ing.metadata.namespace, str(r['host']) ?? '', pa);
        const prod = paths.get(key);
        const svc = readBackend(pa['backend']).service;
        const prodSvc = prod ? readBackend(prod.pa['backend']).service : undefined;
        if (!prod || !svc || !prodSvc || matched.has(key)) continue;
        if (svc.name === prodSvc.name && backendPort(svc.port) === backendPort(prodSvc.port)) continue;
        const endpoints = backendEndpoints(ctx, ing.metadata.namespace, svc, prod.c, o);
        if (typeof endpoints === 'string' || endpoints.length === 0) continue;
        matched.add(key);
        const weightTotal = Math.max(c['canary-weight-total'] ?? 0, 100);
        canaryOf.set(`${ing.metadata.namespace}/${prodSvc.name}/${backendPort(prodSvc.port)}`, {
          backendName: normalize(`${ing.metadata.namespace}-${svc.name}-${backendPort(svc.port)}`),
          serviceName: svc.name,
          port: svc.port.number ?? svc.port.name ?? 0,
          endpoints,
          weight: Math.min(Math.max(c['canary-weight'] ?? 0, 0), weightTotal),
          weightTotal,
          header: c['canary-by-header'] ?? '',
          headerValue: c['canary-by-header-value'] ?? '',
          headerPattern: c['canary-by-header-pattern'] ?? '',
          cookie: c['canary-by-cookie'] ?? '',
          ingress: ing,
        });
        processed.add(ing);
      }
    });
  }
  const built = buildRegularLocations(ctx, regular, { allHosts, hostsWithRegex, claimedAliases, serverSnippets, canaryOf, processed }, o, problems, ingresses[0]);
  return { locations: built.locations, defaultBackend: built.defaultBackend, processed };
}
