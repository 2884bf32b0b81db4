// Mirrors the third pass of pkg/provider/kubernetes/ingress-nginx/build.go (build): per regular Ingress its
// serversTransport, client-auth TLS option, locations (auth, custom headers, error backend, aliases) and
// default backends, plus the provider-level defaultBackendService; resolveAliases and buildFromToWwwRedirect.
import { arr, num, obj, str } from '../../model/index.ts';
import type { BuildContext } from '../../provider/context.ts';
import { normalize } from '../../provider/names.ts';
import type { Path, Resource } from '../../types.ts';
import { backendPort, goQuote } from '../names.ts';
import { readBackend, type IngressBackend } from '../services.ts';
import type { NginxConfig } from './annotations.ts';
import { backendEndpoints, type Canary, type Endpoint, type Location, type NginxOptions, type Problem } from './build.ts';
import { clientAuthTLSOption, customHeaders, passCertificateCA, resolveAuth, serversTransport } from './resolve.ts';

/** The catch-all `default-backend` service: the provider's defaultBackendService, else the first rule-less Ingress's. */
export interface DefaultBackend {
  namespace: string;
  serviceName: string;
  port: number | string;
  endpoints: Endpoint[];
  /** The rule-less Ingress whose annotations make the catch-all routers' middlewares (none for the provider's). */
  location: Location | null;
  /** Where the routers point in the YAML. */
  origin: { resource: Resource; path: Path };
}

interface Env {
  allHosts: Set<string>;
  hostsWithRegex: Set<string>;
  claimedAliases: Map<string, string>;
  serverSnippets: Map<string, string>;
  canaryOf: Map<string, Canary>;
  processed: Set<Resource>;
}

const ANN = (k: string): Path => ['metadata', 'annotations', `nginx.ingress.kubernetes.io/${k}`];

/** The provider's defaultBackendService (`namespace/name`), resolved like resolveBackend (first port). */
function providerDefaultBackend(ctx: BuildContext, o: NginxOptions, first: Resource | undefined): DefaultBackend | null {
  const parts = (o.defaultBackendService ?? '').split('/');
  if (parts.length !== 2) return null;
  const [ns, name] = parts as [string, string];
  const svc = ctx.find('Service', ns, name);
  // Where the catch-all routers point: the Service, or (when it is not in the workspace) the first Ingress.
  const at = svc ?? first;
  if (!at) return null;
  const endpoints = backendEndpoints(ctx, ns, { name, port: {} }, {}, o);
  if (typeof endpoints === 'string') return null;
  return { namespace: ns, serviceName: name, port: 0, endpoints, location: null, origin: { resource: at, path: [] } };
}

/**
 * Phase 1, third pass: the locations of the regular Ingresses with everything resolved that the
 * translator needs; problems carry their YAML path.
 */
export function buildRegularLocations(ctx: BuildContext, regular: { ing: Resource; c: NginxConfig }[], env: Env, o: NginxOptions, problems: Problem[], first: Resource | undefined): { locations: Location[]; defaultBackend: DefaultBackend | null } {
  const locations: Location[] = [];
  let defaultBackend = providerDefaultBackend(ctx, o, first);
  for (const { ing, c } of regular) {
    const ns = ing.metadata.namespace;
    const spec = obj(ing.raw['spec']) ?? {};
    const hasTLS = arr(spec['tls']).length > 0;
    if (c['ssl-passthrough']) {
      problems.push({ resource: ing, path: ANN('ssl-passthrough'), severity: 'warning', code: 'INGRESS_ANNOTATION_IGNORED', message: 'ssl-passthrough makes TCP routers (HostSNI, TLS passthrough), which this simulator does not model.' });
      continue;
    }
    const transport = serversTransport(ctx, ns, ing.metadata.name, c, o);
    if (typeof transport === 'string') {
      problems.push({ resource: ing, path: ANN('proxy-ssl-secret'), severity: 'error', code: 'INGRESS_ANNOTATION_INVALID', message: `${transport}: Traefik skips this Ingress (cannot build its serversTransport).` });
      continue;
    }
    if (transport.warning) problems.push({ resource: ing, path: ANN('proxy-http-version'), severity: 'warning', code: 'INGRESS_ANNOTATION_INVALID', message: `${transport.warning}.` });
    let tlsOption: Location['tlsOption'];
    if (c['auth-tls-secret'] !== undefined) {
      const t = clientAuthTLSOption(ctx, ing, c, o);
      if (typeof t === 'string') {
        problems.push({ resource: ing, path: ANN('auth-tls-secret'), severity: 'error', code: 'INGRESS_ANNOTATION_INVALID', message: `${t}: Traefik skips this Ingress (it never exposes an Ingress whose client-certificate secret cannot be read).` });
        continue;
      }
      tlsOption = t;
    }
    let auth: Location['basicAuth'];
    let authFailed = false;
    if (c['auth-type'] !== undefined) {
      const a = resolveAuth(ctx, ing, c, o);
      if (typeof a === 'string') {
        problems.push({ resource: ing, path: ANN('auth-secret'), severity: 'error', code: 'INGRESS_ANNOTATION_INVALID', message: `${a}: Traefik skips this Ingress's paths (it never exposes a path whose auth cannot be resolved).` });
        authFailed = true;
      } else auth = a;
    }
    let headers: Record<string, string> | undefined;
    let headersError = false;
    if (c['custom-headers'] !== undefined) {
      const h = customHeaders(ctx, ns, c['custom-headers'], o);
      if (typeof h === 'string') {
        problems.push({ resource: ing, path: ANN('custom-headers'), severity: 'error', code: 'INGRESS_ANNOTATION_INVALID', message: `${h}: Traefik routes this Ingress's paths to unavailable-service (503).` });
        headersError = true;
      } else headers = h;
    }
    const passCertCA = passCertificateCA(ctx, ns, c, o);
    const base = (host: string, at: Path, svc: NonNullable<IngressBackend['service']>, backendName: string, endpoints: Endpoint[]) => ({
      ingress: ing, at, host, aliases: aliasesOf(c, env, ing), useRegex: env.hostsWithRegex.has(host), backendName, endpoints, config: c, hasTLS,
      serviceName: svc.name, servicePort: backendPort(svc.port), port: svc.port.number ?? svc.port.name ?? 0,
      serversTransport: { name: transport.name, config: transport.config },
      ...(tlsOption ? { tlsOption } : {}), ...(passCertCA ? { passCertCA } : {}),
      ...(env.serverSnippets.has(host) ? { serverSnippet: env.serverSnippets.get(host)! } : {}),
    });
    arr(spec['rules']).map((x) => obj(x) ?? {}).forEach((r, ri) => {
      const host = str(r['host']) ?? '';
      arr(obj(r['http'])?.['paths']).map((x) => obj(x) ?? {}).forEach((pa, pi) => {
        const svc = readBackend(pa['backend']).service;
        if (!svc || authFailed) return;
        const at: Path = ['spec', 'rules', ri, 'http', 'paths', pi];
        const endpoints = backendEndpoints(ctx, ns, svc, c, o);
        if (typeof endpoints === 'string') problems.push({ resource: ing, path: [...at, 'backend'], severity: 'warning', code: 'INGRESS_PATH_SKIPPED', message: `${endpoints}: the location has no servers, so Traefik answers 503.` });
        const loc: Location = { ...base(host, at, svc, normalize(`${ns}-${ing.metadata.name}-${svc.name}-${backendPort(svc.port)}`), typeof endpoints === 'string' ? [] : endpoints), path: str(pa['path']) ?? '', pathType: str(pa['pathType']) ?? '', ruleIndex: ri, locationIndex: pi, isIngressDefaultBackend: false };
        if (auth) loc.basicAuth = auth;
        if (headers) loc.customHeaders = headers;
        if (headersError) loc.error = true;
        const errorBackend = (c['custom-http-errors'] ?? []).length > 0 ? errorBackendOf(ctx, ns, c, o) : undefined;
        if (errorBackend) loc.errorBackend = errorBackend;
        const www = fromToWww(c, host, env.allHosts);
        if (www) loc.fromToWww = www;
        const canary = env.canaryOf.get(`${ns}/${svc.name}/${backendPort(svc.port)}`);
        if (canary) loc.canary = canary;
        locations.push(loc);
        env.processed.add(ing);
      });
    });
    const db = readBackend(spec['defaultBackend']).service;
    if (!db) continue;
    const found = backendEndpoints(ctx, ns, db, c, o);
    const endpoints = typeof found === 'string' ? [] : found;
    if (arr(spec['rules']).length === 0) {
      if (!defaultBackend) {
        // Not the path locations: no auth, custom headers nor error pages are resolved for it (as in build.go).
        const location: Location = { ...base('', ['spec', 'defaultBackend'], db, 'default-backend', endpoints), hasTLS: false, path: '', pathType: '', ruleIndex: 0, locationIndex: 0, isIngressDefaultBackend: false };
        defaultBackend = { namespace: ns, serviceName: db.name, port: db.port.number ?? db.port.name ?? 0, endpoints, location, origin: { resource: ing, path: ['spec', 'defaultBackend'] } };
        env.processed.add(ing);
      }
      continue;
    }
    const seen = new Set<string>();
    for (const r of arr(spec['rules']).map((x) => obj(x) ?? {})) {
      const host = str(r['host']) ?? '';
      if (seen.has(host)) continue;
      seen.add(host);
      locations.push({ ...base(host, ['spec', 'defaultBackend'], db, normalize(`${ns}-${ing.metadata.name}-default-backend`), endpoints), path: '', pathType: '', ruleIndex: 0, locationIndex: 0, isIngressDefaultBackend: true });
      env.processed.add(ing);
    }
  }
  return { locations, defaultBackend };
}

/** resolveHTTPErrorBackend: the default-backend annotation's Service (`default-backend-<ns>-<svc>`), endpoints null when it cannot be resolved. */
function errorBackendOf(ctx: BuildContext, ns: string, c: NginxConfig, o: NginxOptions): Location['errorBackend'] {
  const name = c['default-backend'] ?? '';
  if (name === '') return undefined;
  const endpoints = backendEndpoints(ctx, ns, { name, port: {} }, c, o);
  // No port in the reference: the Service's first port (getServicePort).
  const port = num(obj(arr(obj(ctx.find('Service', ns, name)?.raw['spec'])?.['ports'])[0])?.['port']) ?? 0;
  return { name: `default-backend-${ns}-${name}`, serviceName: name, port, endpoints: typeof endpoints === 'string' ? null : endpoints };
}

/** buildFromToWwwRedirect: `www.host` ↔ `host`, unless both are Ingress hosts or the host is a wildcard. */
function fromToWww(c: NginxConfig, host: string, allHosts: Set<string>): Location['fromToWww'] | undefined {
  if (!c['from-to-www-redirect']) return undefined;
  const www = host.startsWith('www.');
  if ((www && allHosts.has(host.slice(4))) || (!www && allHosts.has(`www.${host}`)) || host.startsWith('*.')) return undefined;
  return { extraRule: `Host(${goQuote(www ? host.slice(4) : `www.${host}`)})`, target: host };
}

/** resolveAliases: aliases that are an Ingress host, or claimed first by another Ingress, are dropped. */
function aliasesOf(c: NginxConfig, env: Env, ing: Resource): string[] {
  const key = `${ing.metadata.namespace}/${ing.metadata.name}`;
  return (c['server-alias'] ?? []).filter((a) => {
    const lower = a.toLowerCase();
    const owner = env.claimedAliases.get(lower);
    return !env.allHosts.has(lower) && (owner === undefined || owner === key);
  });
}
