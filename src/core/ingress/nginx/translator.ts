// Mirrors pkg/provider/kubernetes/ingress-nginx/translator.go (translate, buildServiceWithLocConfig,
// buildSticky, applyMiddlewares, appendCanaryRule, appendNonCanaryRule, buildRule).
import type { BuildContext } from '../../provider/context.ts';
import { defaultEntryPoints } from '../../provider/routes.ts';
import { normalize } from '../../provider/names.ts';
import { rulePriority } from '../../rules/index.ts';
import type { DynamicConfig, DynamicMiddleware, DynamicRouter, DynamicService, Origin, StickyCookie } from '../../types.ts';
import { goQuote, MIN_INT32 } from '../names.ts';
import { backendScheme, type NginxConfig } from './annotations.ts';
import type { Canary, Endpoint, Location, NginxOptions } from './build.ts';
import type { DefaultBackend } from './locations.ts';
import { locationMiddlewares } from './middleware.ts';

export const NGINX_PROVIDER = 'kubernetesingressnginx';
export const UNAVAILABLE_SERVICE = 'unavailable-service';
const q = (name: string) => `${name}@${NGINX_PROVIDER}`;

/** buildSticky: affinity: cookie → a sticky cookie (INGRESSCOOKIE by default, HttpOnly, path /). */
function sticky(c: NginxConfig, suffix = ''): StickyCookie | undefined {
  if (c.affinity !== 'cookie') return undefined;
  const out: StickyCookie = { name: `${c['session-cookie-name'] ?? 'INGRESSCOOKIE'}${suffix ? `-${suffix}` : ''}`, secure: c['session-cookie-secure'] ?? false, httpOnly: true, path: c['session-cookie-path'] ?? '/' };
  if (c['session-cookie-samesite']) out.sameSite = c['session-cookie-samesite'].toLowerCase();
  if (c['session-cookie-max-age']) out.maxAge = c['session-cookie-max-age'];
  if (c['session-cookie-domain']) out.domain = c['session-cookie-domain'];
  return out;
}

function service(name: string, endpoints: Endpoint[], c: NginxConfig, origin: Origin, transport = '', k8s?: { namespace: string; name: string; port: number | string }): DynamicService {
  const scheme = backendScheme(c['backend-protocol']);
  const s = sticky(c);
  return {
    ...(k8s ? { kubernetesService: k8s } : {}),
    // Each Ingress gets a serversTransport `<ns>-<name>` with its proxy timeouts, used once it has servers.
    ...(transport && endpoints.length > 0 ? { serversTransport: q(transport) } : {}),
    type: 'loadBalancer',
    name: q(name),
    servers: endpoints.map((e) => ({ url: `${scheme}://${e.address}`, source: e.source, ...(e.fenced ? { fenced: true } : {}) })),
    scheme,
    passHostHeader: true,
    flushInterval: '100ms',
    strategy: c['upstream-hash-by'] ? 'hrw' : 'wrr',
    ...(s ? { sticky: s } : {}),
    origin,
  };
}

/** Go's regexp.QuoteMeta. */
const quoteMeta = (s: string) => s.replace(/[\\.+*?()|[\]{}^$]/g, '\\$&');

/**
 * buildRule: the host and its server aliases, then the path: Exact → Path, Prefix and
 * ImplementationSpecific → element-wise prefix, or PathRegexp("(?i)^…") on hosts using regexes.
 *
 * @example
 * nginxRule('a.com', { path: '/api', pathType: 'Prefix', aliases: [], useRegex: false }) // 'Host("a.com") && (Path("/api") || PathPrefix("/api/"))'
 */
export function nginxRule(host: string, loc: Pick<Location, 'path' | 'pathType' | 'aliases' | 'useRegex'>): string {
  const rules: string[] = [];
  if (host !== '') {
    const hosts = [host, ...loc.aliases].map((h) => `Host(${goQuote(h)})`);
    rules.push(hosts.length > 1 ? `(${hosts.join(' || ')})` : hosts[0]!);
  }
  if (loc.path !== '') {
    const type = loc.pathType === '' || loc.pathType === 'ImplementationSpecific' ? 'Prefix' : loc.pathType;
    if (type === 'Exact') rules.push(`Path(${goQuote(loc.path)})`);
    else if (type === 'Prefix') {
      if (loc.useRegex) rules.push(`PathRegexp(${goQuote(`(?i)^${loc.path}`)})`);
      else if (loc.path === '/') rules.push('PathPrefix("/")');
      else {
        const p = loc.path.endsWith('/') ? loc.path.slice(0, -1) : loc.path;
        rules.push(`(Path(${goQuote(p)}) || PathPrefix(${goQuote(`${p}/`)}))`);
      }
    }
  }
  return rules.join(' && ');
}

function canaryRule(rule: string, c: Canary): string {
  const rules: string[] = [];
  if (c.header !== '') {
    if (c.headerValue === '' && c.headerPattern !== '') rules.push(`HeaderRegexp(${goQuote(c.header)}, ${goQuote(c.headerPattern)})`);
    else if (c.headerValue !== '') rules.push(`Header(${goQuote(c.header)}, ${goQuote(c.headerValue)})`);
    else rules.push(`Header(${goQuote(c.header)}, "always")`);
  }
  if (c.cookie !== '') {
    let cookie = `HeaderRegexp("Cookie", ${goQuote(`(^|;\\s*)${quoteMeta(c.cookie)}=always(;|$)`)})`;
    if (c.header !== '' && c.headerValue === '' && c.headerPattern === '') cookie = `(${cookie} && !Header(${goQuote(c.header)}, "never"))`;
    rules.push(cookie);
  }
  return `(${rule}) && (${rules.join(' || ')})`;
}

function nonCanaryRule(rule: string, c: Canary): string {
  const rules: string[] = [];
  if (c.header !== '' && c.headerValue === '' && c.headerPattern === '') rules.push(`Header(${goQuote(c.header)}, "never")`);
  if (c.cookie !== '') rules.push(`HeaderRegexp("Cookie", ${goQuote(`(^|;\\s*)${quoteMeta(c.cookie)}=never(;|$)`)})`);
  return `(${rule}) && (${rules.join(' || ')})`;
}

/**
 * Phase 2: locations → routers (plain and `-tls`, plus canary / non-canary ones), services (with the
 * canary's weighted service) and each router's own copy of its middlewares, all `@kubernetesingressnginx`.
 */
export function translate(ctx: BuildContext, o: NginxOptions, locations: Location[], defaultBackend: DefaultBackend | null): DynamicConfig {
  const conf: DynamicConfig = { routers: {}, services: {}, middlewares: {}, tlsOptions: {}, certificates: [], ingressServersTransports: {} };
  const transports = conf.ingressServersTransports!;
  conf.services[q(UNAVAILABLE_SERVICE)] = { type: 'loadBalancer', name: q(UNAVAILABLE_SERVICE), servers: [], scheme: 'http', passHostHeader: true, flushInterval: '100ms', strategy: 'wrr' };
  const plainEps = o.httpEntryPoint ? [o.httpEntryPoint] : defaultEntryPoints(ctx);
  const tlsEps = o.httpsEntryPoint ? [o.httpsEntryPoint] : defaultEntryPoints(ctx);
  const originOf = (loc: Location): Origin => ({ resourceId: loc.ingress.id, file: loc.ingress.source.file, range: ctx.range(loc.ingress, loc.at) });
  const router = (name: string, rule: string, svc: string, tls: boolean, loc: Location | Origin, priority = 0): DynamicRouter => {
    const option = 'ingress' in loc ? loc.tlsOption : undefined;
    return {
      name: q(name), rule, priority, effectivePriority: priority !== 0 ? priority : rulePriority(rule), ruleSyntax: 'v3', ruleSyntaxRaw: 'default',
      entryPoints: tls ? tlsEps : plainEps, middlewares: [], service: q(svc), parentRefs: [], origin: 'ingress' in loc ? originOf(loc) : loc,
      // auth-tls-secret: the -tls routers use the Ingress's client-certificate option.
      tls: !tls ? null : option ? { options: q(option.name), resolvedOptions: q(option.name) } : { resolvedOptions: 'default' },
    };
  };
  const attach = (key: string, rt: DynamicRouter, loc: Location) => {
    if (loc.error) {
      // loc.Error (custom-headers that cannot be used): the routers answer 503, without middlewares.
      rt.service = q(UNAVAILABLE_SERVICE);
      conf.routers[rt.name] = rt;
      return;
    }
    const facts = {
      path: loc.path, useRegex: loc.useRegex, hasTLS: loc.hasTLS, endpointCount: loc.endpoints.length, namespace: loc.ingress.metadata.namespace, ingressName: loc.ingress.metadata.name,
      serviceName: loc.serviceName, servicePort: loc.servicePort, routerKey: key, errorBackend: loc.errorBackend !== undefined, providerDefaultBackend: providerBackend,
      ...(loc.basicAuth ? { basicAuth: loc.basicAuth } : {}), ...(loc.customHeaders ? { customHeaders: loc.customHeaders } : {}),
      ...(loc.passCertCA ? { passCertCA: loc.passCertCA } : {}), ...(loc.serverSnippet ? { serverSnippet: loc.serverSnippet } : {}),
    };
    for (const m of locationMiddlewares(loc.config, facts, o)) {
      if (m.only === 'plain' && rt.tls) continue;
      if (m.only === 'tls' && !rt.tls) continue;
      const mw: DynamicMiddleware = { name: q(`${key}-${m.suffix}`), type: m.type, config: m.config, origin: rt.origin };
      conf.middlewares[mw.name] = mw;
      rt.middlewares.push(mw.name);
      // custom-http-errors with the Ingress's default-backend: a per-router error service, when its backend resolved.
      if (m.type === 'errors' && loc.errorBackend?.endpoints) {
        const name = `default-backend-${key}`;
        conf.services[q(name)] = service(name, loc.errorBackend.endpoints, loc.config, rt.origin, '', { namespace: loc.ingress.metadata.namespace, name: loc.errorBackend.serviceName, port: loc.errorBackend.port });
      }
    }
    // enable-access-log: the router's access logs on or off.
    if (loc.config['enable-access-log'] !== undefined) rt.observability = { ...rt.observability, accessLogs: loc.config['enable-access-log'] };
    conf.routers[rt.name] = rt;
  };
  const addTransport = (loc: Location) => {
    if (loc.serversTransport && !transports[q(loc.serversTransport.name)]) transports[q(loc.serversTransport.name)] = { name: q(loc.serversTransport.name), config: loc.serversTransport.config, origin: originOf(loc) };
    if (loc.tlsOption && !conf.tlsOptions[q(loc.tlsOption.name)]) {
      conf.tlsOptions[q(loc.tlsOption.name)] = { name: q(loc.tlsOption.name), sniStrict: false, clientAuth: { secretNames: [loc.tlsOption.secret], clientAuthType: loc.tlsOption.clientAuthType }, origin: originOf(loc) };
    }
  };
  const providerBackend = defaultBackend !== null && defaultBackend.location === null;
  if (defaultBackend) {
    const dl = defaultBackend.location;
    const origin: Origin = { resourceId: defaultBackend.origin.resource.id, file: defaultBackend.origin.resource.source.file, range: ctx.range(defaultBackend.origin.resource, defaultBackend.origin.path) };
    if (dl?.serversTransport) transports[q(dl.serversTransport.name)] = { name: q(dl.serversTransport.name), config: dl.serversTransport.config, origin };
    // buildService: plain http servers, no sticky; the serversTransport of the rule-less Ingress, even without servers.
    const svc = service('default-backend', defaultBackend.endpoints, {}, origin, '', { namespace: defaultBackend.namespace, name: defaultBackend.serviceName, port: defaultBackend.port });
    conf.services[q('default-backend')] = dl?.serversTransport && svc.type === 'loadBalancer' ? { ...svc, serversTransport: q(dl.serversTransport.name) } : svc;
    const rt = router('default-backend', 'PathPrefix("/")', 'default-backend', false, origin, MIN_INT32);
    const rtTLS = router('default-backend-tls', 'PathPrefix("/")', 'default-backend', true, origin, MIN_INT32);
    if (dl) {
      attach('default-backend', rt, dl);
      attach('default-backend-tls', rtTLS, dl);
    } else {
      conf.routers[rt.name] = rt;
      conf.routers[rtTLS.name] = rtTLS;
    }
  }
  for (const loc of locations) {
    addTransport(loc);
    const primary = loc.backendName;
    const transport = loc.serversTransport?.name ?? '';
    const ns0 = loc.ingress.metadata.namespace;
    conf.services[q(primary)] = service(primary, loc.endpoints, loc.config, originOf(loc), transport, { namespace: ns0, name: loc.serviceName, port: loc.port });
    let routerSvc = primary;
    const canarySvc = `${primary}-canary`;
    if (loc.canary) {
      const wrr = `${primary}-wrr`;
      conf.services[q(canarySvc)] = service(canarySvc, loc.canary.endpoints, loc.config, originOf(loc), transport, { namespace: ns0, name: loc.canary.serviceName, port: loc.canary.port });
      const s = sticky(loc.config, 'wrr');
      conf.services[q(wrr)] = { type: 'weighted', name: q(wrr), services: [{ name: q(primary), weight: loc.canary.weightTotal - loc.canary.weight }, { name: q(canarySvc), weight: loc.canary.weight }], ...(s ? { sticky: s } : {}), origin: originOf(loc) };
      routerSvc = wrr;
    }
    const rule = nginxRule(loc.host, loc);
    const ns = loc.ingress.metadata.namespace;
    const key = loc.isIngressDefaultBackend ? normalize(`${ns}-${loc.ingress.metadata.name}-default-backend`) : normalize(`${ns}-${loc.ingress.metadata.name}-rule-${loc.ruleIndex}-path-${loc.locationIndex}`);
    for (const [k, tls] of [[key, false], [`${key}-tls`, true]] as const) {
      const rt = router(k, rule, routerSvc, tls, loc);
      attach(k, rt, loc);
      if (!loc.fromToWww) continue;
      // applyFromToWwwRedirect: the other host of the pair gets a router that only redirects (308).
      const mw: DynamicMiddleware = { name: q(`${k}-from-to-www-redirect`), type: 'redirectRegex', config: { regex: '(https?)://[^/:]+(:[0-9]+)?/(.*)', replacement: `$1://${loc.fromToWww.target}$2/$3`, statusCode: 308 }, origin: rt.origin };
      conf.middlewares[mw.name] = mw;
      const extra = router(`${k}-from-to-www-redirect`, loc.fromToWww.extraRule, routerSvc, tls, loc);
      extra.middlewares = [mw.name];
      conf.routers[extra.name] = extra;
    }
    const c = loc.canary;
    if (c && (c.cookie !== '' || c.header !== '')) {
      attach(`${key}-canary`, router(`${key}-canary`, canaryRule(rule, c), canarySvc, false, loc), loc);
      attach(`${key}-canary-tls`, router(`${key}-canary-tls`, canaryRule(rule, c), canarySvc, true, loc), loc);
    }
    if (c && c.weight > 0 && ((c.header !== '' && c.headerValue === '' && c.headerPattern === '') || c.cookie !== '')) {
      attach(`${key}-non-canary`, router(`${key}-non-canary`, nonCanaryRule(rule, c), primary, false, loc), loc);
      attach(`${key}-non-canary-tls`, router(`${key}-non-canary-tls`, nonCanaryRule(rule, c), primary, true, loc), loc);
    }
  }
  return conf;
}
