/** Hand-built dynamic configurations for the graph tests (independent of the provider). */
import type { DynamicConfig, DynamicMiddleware, DynamicRouter, DynamicService, Resource, YNode } from '../types.ts';

export const FILE = 'apps.yaml';

export function ingressRoute(namespace: string, name: string, start = 0): Resource {
  const node = { kind: 'map', flow: false, pairs: [], range: { start, end: start + 500 } } as YNode;
  return {
    kind: 'IngressRoute',
    apiVersion: 'traefik.io/v1alpha1',
    id: `IngressRoute/${namespace}/${name}`,
    metadata: { name, namespace, namespaceExplicit: true, labels: {}, annotations: {} },
    raw: {},
    source: { file: FILE, docIndex: 0, path: [], node },
  };
}

/** A router of route `index` of IngressRoute `ns/ir`, its route at [start, start + 50). */
export function router(ns: string, ir: string, index: number, rule: string, patch: Partial<DynamicRouter> = {}): DynamicRouter {
  const start = 1000 * index + (ns.length + ir.length) * 10_000;
  return {
    name: `${ns}-${ir}-${index}${rule.length}@kubernetescrd`,
    rule,
    priority: 0,
    effectivePriority: rule.length,
    ruleSyntax: 'v3',
    ruleSyntaxRaw: '',
    entryPoints: ['websecure'],
    middlewares: [],
    service: '',
    tls: null,
    parentRefs: [],
    origin: { resourceId: `IngressRoute/${ns}/${ir}`, file: FILE, range: { start, end: start + 50 }, routeIndex: index },
    ...patch,
  };
}

export function lb(name: string, port = 8080, urls: string[] = [`http://10.0.0.1:${port}`]): DynamicService {
  const [ns, svc] = name.replace('@kubernetescrd', '').split('-');
  return {
    type: 'loadBalancer',
    name,
    servers: urls.map((url) => ({ url, source: 'endpointslice' as const })),
    kubernetesService: { namespace: ns ?? 'default', name: svc ?? name, port },
    scheme: 'http',
    passHostHeader: true,
    strategy: 'wrr',
  };
}

export function mw(name: string, type: string, config: Record<string, unknown>, start = 90_000): DynamicMiddleware {
  return { name, type, config, origin: { resourceId: `Middleware/${name}`, file: FILE, range: { start, end: start + 100 } } };
}

export function config(parts: { routers?: DynamicRouter[]; services?: DynamicService[]; middlewares?: DynamicMiddleware[] }): DynamicConfig {
  return {
    routers: Object.fromEntries((parts.routers ?? []).map((r) => [r.name, r])),
    services: Object.fromEntries((parts.services ?? []).map((s) => [s.name, s])),
    middlewares: Object.fromEntries((parts.middlewares ?? []).map((m) => [m.name, m])),
    tlsOptions: {},
    certificates: [],
  };
}
