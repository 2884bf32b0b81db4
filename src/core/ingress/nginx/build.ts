// Mirrors pkg/provider/kubernetes/ingress-nginx/build.go (build: class filter, validation, canary pass,
// locations; getBackendEndpoints, resolveBasicAuth, shouldProcess, validateIngress) and client.go's filterIngressClass.
import { arr, num, obj, str } from '../../model/index.ts';
import { secretValue } from '../../provider/certificates.ts';
import type { BuildContext } from '../../provider/context.ts';
import { normalize } from '../../provider/names.ts';
import type { IngressNginxProviderSettings, Path, Resource } from '../../types.ts';
import { backendPort, goQuote } from '../names.ts';
import { readBackend, type IngressBackend } from '../services.ts';
import { parseNginxConfig, type NginxConfig } from './annotations.ts';

export type NginxOptions = IngressNginxProviderSettings & { ingressClass: string; controllerClass: string };

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
  basicAuth?: { users: string[]; secret: string; realm: string };
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

/** Annotations Traefik's provider reads that this port does not build yet (listed on their line, never silently dropped). */
const NOT_MODELLED = new Set([
  'auth-url', 'auth-signin', 'auth-response-headers', 'auth-method', 'enable-global-auth',
  'auth-tls-secret', 'auth-tls-verify-client', 'auth-tls-pass-certificate-to-upstream',
  'custom-headers', 'custom-http-errors', 'default-backend', 'affinity-canary-behavior',
  'proxy-ssl-secret', 'proxy-ssl-verify', 'proxy-ssl-name', 'proxy-ssl-server-name', 'proxy-connect-timeout', 'proxy-read-timeout',
  'proxy-send-timeout', 'proxy-http-version', 'enable-modsecurity', 'enable-owasp-core-rules', 'modsecurity-transaction-id', 'modsecurity-snippet',
]);

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
  return out;
}

/** resolveBasicAuth (auth-file only: the Secret's `auth` key, one htpasswd line per user). */
function basicAuth(ctx: BuildContext, ing: Resource, c: NginxConfig, o: NginxOptions): { users: string[]; secret: string; realm: string } | string {
  if (c['auth-type'] !== 'basic' && c['auth-type'] !== 'digest') return `invalid auth-type "${c['auth-type']}"`;
  const ref = c['auth-secret'] ?? '';
  if (ref === '') return 'auth-secret must not be empty';
  const parts = ref.split('/');
  if (parts.length > 2) return `invalid auth secret format "${ref}"`;
  const [ns, name] = parts.length === 2 ? [parts[0]!, parts[1]!] : [ing.metadata.namespace, parts[0]!];
  if (ns !== ing.metadata.namespace && !(o as { allowCrossNamespaceResources?: boolean }).allowCrossNamespaceResources) return `cross-namespace auth secret not allowed: ${ns}/${name}`;
  const secret = ctx.find('Secret', ns, name);
  if (!secret) return `Secret ${ns}/${name} is not in the workspace`;
  if ((c['auth-secret-type'] ?? 'auth-file') !== 'auth-file') return `auth-secret-type "${c['auth-secret-type']}" is not simulated (only auth-file)`;
  const file = secretValue(secret, 'auth');
  if (file === undefined) return `secret ${ns}/${name} missing key 'auth'`;
  const users = file.split('\n').map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#'));
  if (c['auth-type'] === 'digest') return 'digest auth is not simulated';
  return { users, secret: name, realm: c['auth-realm'] ?? '' };
}

const pathKey = (ns: string, host: string, pa: Record<string, unknown>) => `${ns}/${host}${str(pa['path']) ?? ''}/${str(pa['pathType']) || 'Prefix'}`;

/**
 * Phase 1 of the provider: the locations (one per Ingress path, plus per-host default backends) with
 * their backends, canaries and auth resolved; problems carry their YAML path.
 */
export function buildLocations(ctx: BuildContext, ingresses: Resource[], o: NginxOptions, problems: Problem[]): { locations: Location[]; defaultBackend: Location | null; processed: Set<Resource> } {
  const classes = watchedClasses(ctx.all('IngressClass'), o);
  const processed = new Set<Resource>();
  const regular: { ing: Resource; c: NginxConfig }[] = [];
  const canaries: { ing: Resource; c: NginxConfig }[] = [];
  const paths = new Map<string, { pa: Record<string, unknown>; c: NginxConfig }>();
  const hostsWithRegex = new Set<string>();
  const allHosts = new Set<string>();
  for (const ing of ingresses) {
    if (o.watchNamespace && ing.metadata.namespace !== o.watchNamespace) continue;
    if (!nginxShouldProcess(ing, classes, o)) continue;
    const { config: c, ignored, badInts } = parseNginxConfig(ing.metadata.annotations);
    for (const i of ignored) problems.push({ resource: ing, path: ['metadata', 'annotations', i.annotation], severity: 'warning', code: 'INGRESS_ANNOTATION_IGNORED', message: `Traefik's kubernetesIngressNGINX provider ignores ${i.annotation}${i.instead ? `; use ${i.instead}` : ''}.` });
    for (const k of Object.keys(c).filter((x) => NOT_MODELLED.has(x))) {
      problems.push({ resource: ing, path: ['metadata', 'annotations', `nginx.ingress.kubernetes.io/${k}`], severity: 'info', code: 'INGRESS_ANNOTATION_NOT_SIMULATED', message: `Traefik applies nginx.ingress.kubernetes.io/${k}, but this studio does not model it yet: its routers, middlewares or services are missing here.` });
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
    if (bad) {
      problems.push({ resource: ing, path: ['spec', 'rules', bad.i, 'http', 'paths', bad.j, 'path'], severity: 'error', code: 'INGRESS_PATH_SKIPPED', message: `This path has regex characters with pathType ${str(bad.p['pathType']) || 'Prefix'}: Traefik (strictValidatePathType) skips the whole Ingress. Use pathType: ImplementationSpecific.` });
      continue;
    }
    if (c.canary) {
      canaries.push({ ing, c });
      continue;
    }
    for (const r of arr(obj(ing.raw['spec'])?.['rules']).map((x) => obj(x) ?? {})) {
      const host = str(r['host']) ?? '';
      allHosts.add(host);
      if (c['use-regex'] || (c['rewrite-target'] ?? '') !== '') hostsWithRegex.add(host);
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
  const locations: Location[] = [];
  let defaultBackend: Location | null = null;
  for (const { ing, c } of regular) {
    const ns = ing.metadata.namespace;
    const spec = obj(ing.raw['spec']) ?? {};
    const hasTLS = arr(spec['tls']).length > 0;
    if (c['ssl-passthrough']) {
      problems.push({ resource: ing, path: ['metadata', 'annotations', 'nginx.ingress.kubernetes.io/ssl-passthrough'], severity: 'warning', code: 'INGRESS_ANNOTATION_IGNORED', message: 'ssl-passthrough makes TCP routers (HostSNI, TLS passthrough), which this simulator does not model.' });
      continue;
    }
    let auth: Location['basicAuth'];
    if (c['auth-type'] !== undefined) {
      const a = basicAuth(ctx, ing, c, o);
      if (typeof a === 'string') {
        problems.push({ resource: ing, path: ['metadata', 'annotations', 'nginx.ingress.kubernetes.io/auth-secret'], severity: 'error', code: 'INGRESS_ANNOTATION_INVALID', message: `${a}: Traefik skips this Ingress (it never exposes a path whose auth cannot be resolved).` });
        continue;
      }
      auth = a;
    }
    const base = (host: string, at: Path, svc: NonNullable<IngressBackend['service']>, backendName: string, endpoints: Endpoint[]) => ({
      ingress: ing, at, host, aliases: aliasesOf(c, allHosts), useRegex: hostsWithRegex.has(host), backendName, endpoints, config: c, hasTLS,
      serviceName: svc.name, servicePort: backendPort(svc.port), port: svc.port.number ?? svc.port.name ?? 0, ...(auth ? { basicAuth: auth } : {}),
    });
    arr(spec['rules']).map((x) => obj(x) ?? {}).forEach((r, ri) => {
      const host = str(r['host']) ?? '';
      arr(obj(r['http'])?.['paths']).map((x) => obj(x) ?? {}).forEach((pa, pi) => {
        const svc = readBackend(pa['backend']).service;
        if (!svc) return;
        const at: Path = ['spec', 'rules', ri, 'http', 'paths', pi];
        const endpoints = backendEndpoints(ctx, ns, svc, c, o);
        if (typeof endpoints === 'string') problems.push({ resource: ing, path: [...at, 'backend'], severity: 'warning', code: 'INGRESS_PATH_SKIPPED', message: `${endpoints}: the location has no servers, so Traefik answers 503.` });
        const loc: Location = { ...base(host, at, svc, normalize(`${ns}-${ing.metadata.name}-${svc.name}-${backendPort(svc.port)}`), typeof endpoints === 'string' ? [] : endpoints), path: str(pa['path']) ?? '', pathType: str(pa['pathType']) ?? '', ruleIndex: ri, locationIndex: pi, isIngressDefaultBackend: false };
        const www = fromToWww(c, host, allHosts);
        if (www) loc.fromToWww = www;
        const canary = canaryOf.get(`${ns}/${svc.name}/${backendPort(svc.port)}`);
        if (canary) loc.canary = canary;
        locations.push(loc);
        processed.add(ing);
      });
    });
    const db = readBackend(spec['defaultBackend']).service;
    if (!db) continue;
    const found = backendEndpoints(ctx, ns, db, c, o);
    const endpoints = typeof found === 'string' ? [] : found;
    if (arr(spec['rules']).length === 0) {
      if (!defaultBackend) {
        defaultBackend = { ...base('', ['spec', 'defaultBackend'], db, 'default-backend', endpoints), hasTLS: false, path: '', pathType: '', ruleIndex: 0, locationIndex: 0, isIngressDefaultBackend: false };
        processed.add(ing);
      }
      continue;
    }
    const seen = new Set<string>();
    for (const r of arr(spec['rules']).map((x) => obj(x) ?? {})) {
      const host = str(r['host']) ?? '';
      if (seen.has(host)) continue;
      seen.add(host);
      locations.push({ ...base(host, ['spec', 'defaultBackend'], db, normalize(`${ns}-${ing.metadata.name}-default-backend`), endpoints), path: '', pathType: '', ruleIndex: 0, locationIndex: 0, isIngressDefaultBackend: true });
    }
  }
  return { locations, defaultBackend, processed };
}

/** buildFromToWwwRedirect: `www.host` ↔ `host`, unless both are Ingress hosts or the host is a wildcard. */
function fromToWww(c: NginxConfig, host: string, allHosts: Set<string>): Location['fromToWww'] | undefined {
  if (!c['from-to-www-redirect']) return undefined;
  const www = host.startsWith('www.');
  if ((www && allHosts.has(host.slice(4))) || (!www && allHosts.has(`www.${host}`)) || host.startsWith('*.')) return undefined;
  return { extraRule: `Host(${goQuote(www ? host.slice(4) : `www.${host}`)})`, target: host };
}

/** resolveAliases (simplified: aliases that are another Ingress host are dropped). */
function aliasesOf(c: NginxConfig, allHosts: Set<string>): string[] {
  return (c['server-alias'] ?? []).filter((a) => !allHosts.has(a.toLowerCase()));
}
