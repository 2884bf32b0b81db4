// No Traefik counterpart: small builders of dynamic configuration (as pkg/config/dynamic would hold it) for
// tests, examples and generate.ts.
import type { DynamicConfig, DynamicMiddleware, DynamicRouter, DynamicService, DynamicTLSOption, Settings } from '../types.ts';

const ORIGIN = { resourceId: 'IngressRoute/default/test', file: 'test.yaml', range: { start: 0, end: 0 } };

/**
 * Settings of a default Traefik: `web` :80, `websecure` :443.
 *
 * @example
 * baseSettings({ target: 'v2.11', version: '2.11.50' })
 */
export function baseSettings(over: Partial<Settings> = {}): Settings {
  return {
    target: 'v3',
    version: '3.7.9',
    entryPoints: [{ name: 'web', port: 80 }, { name: 'websecure', port: 443 }],
    provider: { allowCrossNamespace: false, allowExternalNameServices: false, allowEmptyServices: false, nativeLBByDefault: false, namespaces: [] },
    strictServices: false,
    ...over,
  };
}

/**
 * A router; priority 0 → effective priority = rule length in UTF-8 bytes.
 *
 * @example
 * router('apps-web@kubernetescrd', 'Host(`a.com`)', { tls: true })
 */
export function router(
  name: string,
  rule: string,
  over: Partial<Omit<DynamicRouter, 'tls'>> & { tls?: DynamicRouter['tls'] | true; options?: string } = {},
): DynamicRouter {
  const { tls, options, ...rest } = over;
  const priority = rest.priority ?? 0;
  const resolved = options ?? 'default';
  return {
    name,
    rule,
    priority,
    effectivePriority: priority !== 0 ? priority : new TextEncoder().encode(rule).length,
    ruleSyntax: 'v3',
    ruleSyntaxRaw: '',
    entryPoints: tls || options ? ['websecure'] : ['web'],
    middlewares: [],
    service: name.replace(/@.*$/, '') + '@kubernetescrd',
    tls: tls === true || options ? { ...(options && options !== 'default' ? { options } : {}), resolvedOptions: resolved } : (tls ?? null),
    parentRefs: [],
    origin: { ...ORIGIN },
    ...rest,
  };
}

/**
 * A load balancer with the given server URLs.
 *
 * @example
 * lb('apps-web@kubernetescrd', ['http://10.0.0.1:80'])
 */
export function lb(name: string, urls: string[], over: Partial<Extract<DynamicService, { type: 'loadBalancer' }>> = {}): DynamicService {
  return { type: 'loadBalancer', name, servers: urls.map((url) => ({ url, source: 'endpointslice' })), scheme: 'http', passHostHeader: true, strategy: 'wrr', ...over };
}

/**
 * A middleware of the given CRD type.
 *
 * @example
 * middleware('apps-strip@kubernetescrd', 'stripPrefix', { prefixes: ['/api'] }, 'apps')
 */
export function middleware(name: string, type: string, config: Record<string, unknown>, namespace = 'default'): DynamicMiddleware {
  return { name, type, config, origin: { resourceId: `Middleware/${namespace}/${name.replace(/@.*$/, '')}`, file: 'test.yaml', range: { start: 0, end: 0 } } };
}

/**
 * A TLS option.
 *
 * @example
 * tlsOption('apps-strict@kubernetescrd', { sniStrict: true })
 */
export function tlsOption(name: string, over: Partial<DynamicTLSOption> = {}): DynamicTLSOption {
  return { name, sniStrict: false, ...over };
}

/**
 * A dynamic configuration from lists; every router gets a one-server service when it has none.
 *
 * @example
 * config({ routers: [router('a@kubernetescrd', 'Host(`a.com`)')] })
 */
export function config(parts: {
  routers?: DynamicRouter[];
  services?: DynamicService[];
  middlewares?: DynamicMiddleware[];
  tlsOptions?: DynamicTLSOption[];
  certificates?: DynamicConfig['certificates'];
}): DynamicConfig {
  const out: DynamicConfig = { routers: {}, services: {}, middlewares: {}, tlsOptions: { default: tlsOption('default', { builtin: true }) }, certificates: parts.certificates ?? [] };
  // Counted as we go: Object.keys(out.services) per router made 20,000 routers take 30 s (quadratic).
  let serviceCount = 0;
  for (const s of parts.services ?? []) {
    if (!out.services[s.name]) serviceCount++;
    out.services[s.name] = s;
  }
  for (const r of parts.routers ?? []) {
    out.routers[r.name] = r;
    if (r.service !== '' && !out.services[r.service] && r.service.endsWith('@kubernetescrd')) {
      out.services[r.service] = lb(r.service, [`http://10.0.0.${(serviceCount % 250) + 1}:80`]);
      serviceCount++;
    }
  }
  for (const m of parts.middlewares ?? []) out.middlewares[m.name] = m;
  for (const t of parts.tlsOptions ?? []) out.tlsOptions[t.name] = t;
  return out;
}
