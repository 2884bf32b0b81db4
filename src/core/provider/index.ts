/**
 * The Kubernetes CRD provider as Traefik runs it (pkg/provider/kubernetes/crd) plus the aggregation
 * steps that rename and complete routers (pkg/server/aggregator.go): resources in, Traefik's dynamic
 * configuration out, with every skip and rename explained by a diagnostic at its YAML range.
 */
import { arr, obj, str } from '../model/index.ts';
import type { Diagnostic, DynamicConfig, DynamicRouter, Resource, Settings } from '../types.ts';
import { BuildContext, namespaceAllowed, crossNamespaceHint } from './context.ts';
import { buildMiddlewares } from './middlewares.ts';
import { buildRouters, defaultEntryPoints } from './routes.ts';
import { buildCertificates, buildTLSOptions, resolveTLSConflicts } from './tls.ts';
import { buildTraefikServices } from './traefik-services.ts';
import { atLeast } from './settings.ts';
import { qualify } from './names.ts';

export { defaultSettings } from './settings.ts';
export { PROVIDER_CODES } from './codes.ts';
export { normalize, routerKey, matchHash } from './names.ts';
export { toFileProviderShape } from './file-shape.ts';
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
export function buildDynamicConfig(resources: readonly Resource[], settings: Settings, options: { texts?: Record<string, string> } = {}): ProviderResult {
  const ctx = new BuildContext(resources, settings, options.texts ?? {});
  const config: DynamicConfig = { routers: {}, services: {}, middlewares: {}, tlsOptions: {}, certificates: [] };
  buildMiddlewares(ctx, config);
  buildTraefikServices(ctx, config);
  config.tlsOptions = buildTLSOptions(ctx);
  const byIngress = buildRouters(ctx, config);
  const children = applyParentRefs(ctx, config, byIngress);
  for (const r of Object.values(config.routers)) {
    checkTLSOption(ctx, config, r);
    if (!children.has(r.name) && r.entryPoints.length === 0) r.entryPoints = defaultEntryPoints(ctx);
    if (!r.service && !r.disabled && !Object.values(config.routers).some((c) => c.parentRefs.includes(r.name))) {
      const owner = resources.find((x) => x.id === r.origin.resourceId);
      if (owner) ctx.report('PROVIDER_NO_SERVICE', 'This route has no services and no child IngressRoute points at it: Traefik disables it ("router has no service and no child routers"). Add services.', owner, ['spec', 'routes', r.origin.routeIndex ?? 0]);
      r.disabled = { reason: 'no service and no child routers', code: 'PROVIDER_NO_SERVICE' };
    }
  }
  applyEntryPointModels(ctx, config, children);
  resolveTLSConflicts(ctx, config);
  config.certificates = buildCertificates(ctx);
  return { config, diagnostics: ctx.diagnostics };
}

function checkTLSOption(ctx: BuildContext, config: DynamicConfig, r: DynamicRouter): void {
  const option = r.tls?.options;
  if (!option || option === 'default' || !option.endsWith('@kubernetescrd') || config.tlsOptions[option]) return;
  const owner = ctx.resources.find((x) => x.id === r.origin.resourceId);
  if (owner) ctx.report('PROVIDER_TLS_OPTION_NOT_FOUND', `TLS option ${option} is not defined: Traefik does not serve this router and closes TLS connections for its hosts. Define the TLSOption, or remove tls.options to use the default.`, owner, ['spec', 'tls', 'options', 'name']);
  r.disabled ??= { reason: `unknown TLS option ${option}`, code: 'PROVIDER_TLS_OPTION_NOT_FOUND' };
}

/** parentRefs (v3.6+): children point at every router of their parents; a missing parent skips the IngressRoute. */
function applyParentRefs(ctx: BuildContext, config: DynamicConfig, byIngress: Map<string, DynamicRouter[]>): Set<string> {
  const children = new Set<string>();
  if (ctx.settings.target === 'v2.11' || !atLeast(ctx.settings, '3.6.0')) return children;
  for (const ir of ctx.all('IngressRoute')) {
    const refs = arr(obj(ir.raw['spec'])?.['parentRefs']);
    const routers = byIngress.get(ir.id);
    if (refs.length === 0 || !routers) continue;
    const parents: string[] = [];
    let ok = true;
    refs.forEach((raw, i) => {
      const ref = obj(raw) ?? {};
      const name = str(ref['name']) ?? '';
      const ns = str(ref['namespace']) || ir.metadata.namespace;
      if (!namespaceAllowed(ctx, ir.metadata.namespace, ns)) {
        ctx.report('PROVIDER_CROSS_NAMESPACE', `Parent IngressRoute ${ns}/${name} is in another namespace: ${crossNamespaceHint(ir.metadata.namespace)}. The whole IngressRoute is skipped.`, ir, ['spec', 'parentRefs', i]);
        ok = false;
        return;
      }
      const parent = ctx.find('IngressRoute', ns, name);
      const parentRouters = parent ? byIngress.get(parent.id) : undefined;
      if (!parentRouters) {
        ctx.report('PROVIDER_PARENT_NOT_FOUND', `Parent IngressRoute ${ns}/${name} is not defined: Traefik skips every route of this IngressRoute.`, ir, ['spec', 'parentRefs', i, 'name']);
        ok = false;
        return;
      }
      parents.push(...parentRouters.map((r) => r.name));
    });
    for (const r of routers) {
      if (!ok) delete config.routers[r.name];
      else {
        r.parentRefs = parents;
        r.entryPoints = [];
        children.add(r.name);
      }
    }
  }
  return children;
}

/** EntryPoint models (http.middlewares, http.tls): prepended middlewares, TLS, and `<ep>-<name>` copies. */
function applyEntryPointModels(ctx: BuildContext, config: DynamicConfig, children: Set<string>): void {
  const models = new Map(ctx.settings.entryPoints.filter((e) => (e.middlewares?.length ?? 0) > 0 || e.tls).map((e) => [e.name, e]));
  if (models.size === 0) return;
  for (const r of Object.values(config.routers)) {
    if (children.has(r.name)) continue;
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
    for (const ep of modelled) {
      const copy: DynamicRouter = { ...r, name: `${ep}-${base}@kubernetescrd`, entryPoints: [ep], middlewares: [...r.middlewares] };
      apply(copy, ep);
      config.routers[copy.name] = copy;
    }
    r.entryPoints = r.entryPoints.filter((e) => !models.has(e));
    if (r.entryPoints.length === 0) delete config.routers[r.name];
  }
}
