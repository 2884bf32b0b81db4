// The file-provider shape of the dynamic configuration (pkg/config/dynamic), as `export --format dynamic-*` writes it.
import type { DynamicConfig, DynamicRouter, DynamicService } from '../types.ts';
import { unqualify } from './names.ts';

function service(s: DynamicService): Record<string, unknown> {
  switch (s.type) {
    case 'loadBalancer': {
      const lb: Record<string, unknown> = { servers: s.servers.map((x) => ({ url: x.url })), passHostHeader: s.passHostHeader };
      if (s.flushInterval) lb['responseForwarding'] = { flushInterval: s.flushInterval };
      if (s.strategy && s.strategy !== 'wrr') lb['strategy'] = s.strategy;
      if (s.sticky) lb['sticky'] = { cookie: s.sticky };
      if (s.serversTransport) lb['serversTransport'] = s.serversTransportAsWritten ? s.serversTransport : unqualify(s.serversTransport);
      if (s.healthCheck) lb['healthCheck'] = s.healthCheck;
      return { loadBalancer: lb };
    }
    case 'weighted':
      return { weighted: { services: s.services.map((c) => ({ name: unqualify(c.name), weight: c.weight })), ...(s.sticky ? { sticky: { cookie: s.sticky } } : {}) } };
    case 'mirroring':
      return { mirroring: { service: unqualify(s.service), mirrorBody: s.mirrorBody, maxBodySize: s.maxBodySize, mirrors: s.mirrors.map((m) => ({ name: unqualify(m.name), percent: m.percent })) } };
    case 'failover': {
      const out: Record<string, unknown> = { service: unqualify(s.service), fallback: unqualify(s.fallback) };
      // Errors is a pointer the provider always sets (`errors: {}` when nothing is written); its fields are omitempty.
      if (s.errors) out['errors'] = { ...(s.errors.maxRequestBodyBytes !== undefined ? { maxRequestBodyBytes: s.errors.maxRequestBodyBytes } : {}), ...(s.errors.status ? { status: s.errors.status } : {}) };
      return { failover: out };
    }
    case 'highestRandomWeight':
      return { highestRandomWeight: { services: s.services.map((c) => ({ name: unqualify(c.name), weight: c.weight })) } };
  }
}

/**
 * Whether Traefik's provider emits this router: every router but the routes it skips. Routers it emits
 * and the router manager fails (bad rule, unknown TLS option or middleware, no service) are emitted.
 *
 * @example
 * Object.values(config.routers).filter(emittedByProvider)
 */
export function emittedByProvider(r: DynamicRouter): boolean {
  return r.disabled?.code !== 'PROVIDER_ROUTE_SKIPPED';
}

/**
 * `{ http: { routers, services, middlewares, serversTransports }, tls: { options, certificates, stores } }` as the CRD provider emits it: names
 * before `@kubernetescrd` (references written with a provider kept as written), routes the provider
 * skips left out, no entryPoints where the IngressRoute has none (the router manager adds the defaults).
 */
export function toFileProviderShape(config: DynamicConfig): Record<string, unknown> {
  const routers: Record<string, unknown> = {};
  for (const r of Object.values(config.routers)) {
    if (!emittedByProvider(r)) continue;
    const name = (n: string) => (r.keepQualified?.includes(n) ? n : unqualify(n));
    const out: Record<string, unknown> = {};
    if (!r.defaultEntryPoints && r.entryPoints.length) out['entryPoints'] = r.entryPoints;
    else if (r.writtenEntryPoints?.length) out['entryPoints'] = r.writtenEntryPoints;
    out['rule'] = r.rule;
    if (r.priority !== 0) out['priority'] = r.priority;
    if (r.ruleSyntaxRaw) out['ruleSyntax'] = r.ruleSyntaxRaw;
    if (r.middlewares.length) out['middlewares'] = r.middlewares.map(name);
    if (r.service) out['service'] = unqualify(r.service);
    if (r.tls) {
      const tls: Record<string, unknown> = {};
      if (r.tls.options) tls['options'] = name(r.tls.options);
      if (r.tls.certResolver) tls['certResolver'] = r.tls.certResolver;
      if (r.tls.domains) tls['domains'] = r.tls.domains;
      out['tls'] = tls;
    }
    if (r.parentRefs.length) out['parentRefs'] = r.parentRefs.map(unqualify);
    if (r.observability) out['observability'] = r.observability;
    routers[unqualify(r.name)] = out;
  }
  const services = Object.fromEntries(Object.values(config.services).map((s) => [unqualify(s.name), service(s)]));
  const middlewares = Object.fromEntries(Object.values(config.middlewares).map((m) => [unqualify(m.name), { [m.type]: m.providerConfig ?? m.config }]));
  const options = Object.fromEntries(
    Object.values(config.tlsOptions)
      .filter((o) => !o.builtin)
      .map((o) => {
        const { name, origin: _origin, builtin: _builtin, providerConfig, ...rest } = o;
        return [unqualify(name), providerConfig ?? rest];
      }),
  );
  const http: Record<string, unknown> = { routers, services, middlewares };
  if (config.serversTransports) http['serversTransports'] = config.serversTransports;
  const tls: Record<string, unknown> = {};
  if (Object.keys(options).length) tls['options'] = options;
  if (config.tlsCertificates) tls['certificates'] = config.tlsCertificates;
  if (config.tlsStores) tls['stores'] = config.tlsStores;
  return { http, ...(Object.keys(tls).length ? { tls } : {}) };
}
