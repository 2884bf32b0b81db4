/**
 * The Kubernetes CRD provider as Traefik runs it (pkg/provider/kubernetes/crd) plus the aggregation
 * steps that rename and complete routers (pkg/server/aggregator.go): resources in, Traefik's dynamic
 * configuration out, with every skip and rename explained by a diagnostic at its YAML range.
 */
import { obj, str } from '../model/index.ts';
import type { Diagnostic, DynamicConfig, DynamicRouter, Resource, Settings } from '../types.ts';
import { BuildContext } from './context.ts';
import { judgeMissing, outsideMessage } from '../validate/references.ts';
import { buildMiddlewares } from './middlewares.ts';
import { buildRouters, defaultEntryPoints } from './routes.ts';
import { buildCertificates, buildTLSCertificates, buildTLSOptions, buildTLSStores, resolveTLSConflicts } from './tls.ts';
import { buildServersTransports } from './transports.ts';
import { buildTraefikServices } from './traefik-services.ts';
import { qualify } from './names.ts';
import { serviceFailure } from './failover.ts';
import type { RouteCache } from './route-cache.ts';

export { defaultSettings } from './settings.ts';
export { PROVIDER_CODES } from './codes.ts';
export { normalize, routerKey, matchHash } from './names.ts';
export { RouteCache } from './route-cache.ts';
export { toFileProviderShape, emittedByProvider } from './file-shape.ts';
export { certificateNames } from './certificates.ts';

export interface ProviderResult {
  config: DynamicConfig;
  diagnostics: Diagnostic[];
}

/**
 * Builds what Traefik's CRD provider would emit for these resources.
 *
 * @example
 * const { config } = buildDynamicConfig(resources, defaultSettings(), { texts: { 'a.yaml': text } });
 * Object.keys(config.routers) // ['default-web-6b204d94623b3df4370c@kubernetescrd', …]
 */
export function buildDynamicConfig(resources: readonly Resource[], settings: Settings, options: { texts?: Record<string, string>; routes?: RouteCache } = {}): ProviderResult {
  const ctx = new BuildContext(resources, settings, options.texts ?? {});
  options.routes?.begin(resources, settings);
  // Stryker disable next-line ArrayDeclaration: buildCertificates replaces the list below
  const config: DynamicConfig = { routers: {}, services: {}, middlewares: {}, tlsOptions: {}, certificates: [] };
  buildMiddlewares(ctx, config);
  buildTraefikServices(ctx, config);
  config.tlsOptions = buildTLSOptions(ctx);
  buildRouters(ctx, config, options.routes);
  const outsideTLSReported = new Set<string>();
  const children = new Set(Object.values(config.routers).filter((r) => r.parentRefs.length > 0).map((r) => r.name));
  // Stryker disable next-line all: only saves walking service trees when no failover is refused (walking finds nothing then)
  const failovers = Object.values(config.services).some((s) => s.type === 'failover' && s.failure !== undefined);
  for (const r of Object.values(config.routers)) {
    checkTLSOption(ctx, config, r, outsideTLSReported);
    // The service manager builds the router's whole service tree: a failover it refuses fails the router.
    // Stryker disable next-line ConditionalExpression: see `failovers`
    const failure = failovers ? serviceFailure(config, r.service) : undefined;
    if (failure) r.disabled ??= { reason: `the router fails to build: ${failure}`, code: failure.startsWith('cannot register') ? 'PROVIDER_FAILOVER_NO_TRIGGER' : 'PROVIDER_FAILOVER_STATUS' };
    // The router manager's defaults (aggregator.go), not the provider's: the export shows none.
    if (!children.has(r.name) && r.entryPoints.length === 0) {
      r.entryPoints = defaultEntryPoints(ctx);
      r.defaultEntryPoints = true;
    }
    if (!r.service && !r.disabled && !Object.values(config.routers).some((c) => c.parentRefs.includes(r.name))) {
      const owner = resources.find((x) => x.id === r.origin.resourceId);
      if (owner) ctx.report('PROVIDER_NO_SERVICE', 'This route has no services and no child IngressRoute points at it: Traefik disables it ("router has no service and no child routers"). Add services.', owner, ['spec', 'routes', r.origin.routeIndex ?? 0]);
      r.disabled = { reason: 'no service and no child routers', code: 'PROVIDER_NO_SERVICE' };
    }
  }
  applyEntryPointModels(ctx, config);
  resolveTLSConflicts(ctx, config);
  config.certificates = buildCertificates(ctx);
  const transports = buildServersTransports(ctx);
  if (Object.keys(transports).length) config.serversTransports = transports;
  const stores = buildTLSStores(ctx);
  if (Object.keys(stores).length) config.tlsStores = stores;
  const certificates = buildTLSCertificates(ctx);
  if (certificates.length) config.tlsCertificates = certificates;
  if (ctx.outside.size) config.outside = [...ctx.outside];
  return { config, diagnostics: ctx.diagnostics };
}

/** A TLS option that is not defined: the provider emits the router, the router manager fails it at
 * runtime. One in a namespace outside the workspace is assumed to exist (the reference rule). */
function checkTLSOption(ctx: BuildContext, config: DynamicConfig, r: DynamicRouter, reported: Set<string>): void {
  const option = r.tls?.options;
  if (!option || !option.endsWith('@kubernetescrd') || config.tlsOptions[option] || r.disabled?.code === 'PROVIDER_ROUTE_SKIPPED') return;
  const owner = ctx.resources.find((x) => x.id === r.origin.resourceId);
  const path = ['spec', 'tls', 'options', 'name'];
  const written = obj(obj(obj(owner?.raw['spec'])?.['tls'])?.['options']);
  const name = str(written?.['name']) ?? '';
  const ns = str(written?.['namespace']) || owner?.metadata.namespace || '';
  // A TLSOption the workspace holds but Traefik dropped (a default defined in several namespaces) is in a
  // namespace of the workspace, so judgeMissing says missing. `ns-name@kubernetescrd` does not say its namespace.
  const verdict = name.includes('@') ? { kind: 'missing' as const } : judgeMissing(ctx.scope, 'TLSOption', ns, name);
  if (verdict.kind === 'outside') {
    ctx.addOutside(option);
    if (owner && !reported.has(owner.id)) {
      reported.add(owner.id);
      ctx.report('PROVIDER_REFERENCE_OUTSIDE', outsideMessage('TLSOption', ns, name, 'the simulator uses Traefik\'s default TLS settings for it'), owner, path);
    }
    return;
  }
  const hint = 'suggestion' in verdict && verdict.suggestion ? ` Did you mean ${verdict.suggestion}?` : '';
  if (owner) ctx.report('PROVIDER_TLS_OPTION_NOT_FOUND', `TLS option ${option} is not defined: Traefik emits this router and fails it at runtime, and closes TLS connections for its hosts.${hint} Define the TLSOption, or remove tls.options to use the default.`, owner, path);
  r.disabled ??= { reason: `unknown TLS option ${option}`, code: 'PROVIDER_TLS_OPTION_NOT_FOUND' };
}

/** EntryPoint models (http.middlewares, http.tls): prepended middlewares, TLS, and `<ep>-<name>` copies. */
function applyEntryPointModels(ctx: BuildContext, config: DynamicConfig): void {
  const models = new Map(ctx.settings.entryPoints.filter((e) => (e.middlewares?.length ?? 0) > 0 || e.tls).map((e) => [e.name, e]));
  // Without models applyModel leaves every router as it is, parentRefs to routers Traefik does not have included.
  if (models.size === 0) return;
  // Models apply to root routers only: children have no entryPoints of their own (routes.ts), so none is modelled.
  const copies = new Map<string, string[]>();
  for (const r of Object.values(config.routers)) {
    const modelled = r.entryPoints.filter((e) => models.has(e));
    if (modelled.length === 0) continue;
    const apply = (target: DynamicRouter, ep: string) => {
      const model = models.get(ep)!;
      target.middlewares = [...(model.middlewares ?? []).map((m) => qualify(m)), ...target.middlewares];
      if (model.tls && !target.tls) {
        const options = model.tls.options ? qualify(model.tls.options) : undefined;
        target.tls = { resolvedOptions: options ?? 'default', ...(options ? { options } : {}), ...(model.tls.certResolver ? { certResolver: model.tls.certResolver } : {}) };
      }
    };
    if (r.entryPoints.length === 1) {
      apply(r, modelled[0]!);
      continue;
    }
    const base = r.name.slice(0, r.name.lastIndexOf('@'));
    const names: string[] = [];
    for (const ep of modelled) {
      const copy: DynamicRouter = { ...r, name: `${ep}-${base}@kubernetescrd`, entryPoints: [ep], middlewares: [...r.middlewares] };
      apply(copy, ep);
      config.routers[copy.name] = copy;
      names.push(copy.name);
    }
    copies.set(r.name, names);
    r.entryPoints = r.entryPoints.filter((e) => !models.has(e));
    if (r.entryPoints.length === 0) delete config.routers[r.name];
  }
  // A child's parentRefs follow the copies: each parent is kept if it still exists, followed by its
  // `<ep>-<name>` copies in entryPoint order. A parent Traefik does not have (all its entryPoints modelled,
  // or a route the provider skipped) is dropped.
  const live = (name: string) => config.routers[name] !== undefined && config.routers[name].disabled?.code !== 'PROVIDER_ROUTE_SKIPPED';
  for (const r of Object.values(config.routers)) {
    // Stryker disable next-line ConditionalExpression: a root router's empty list maps to an empty list
    if (r.parentRefs.length === 0) continue;
    r.parentRefs = r.parentRefs.flatMap((p) => [p, ...(copies.get(p) ?? [])]).filter(live);
  }
}
