/**
 * Traefik's Kubernetes Ingress providers next to the CRD provider: `kubernetesIngress`
 * (pkg/provider/kubernetes/ingress) and, later, `kubernetesIngressNGINX`. Their routers, services
 * and middlewares join the CRD provider's dynamic configuration with their own suffix, so the
 * routers table, graph and simulator rank all of them together as Traefik's muxer does.
 */
import { diagnostic } from '../diagnostic.ts';
import { obj, resourceRange, str } from '../model/index.ts';
import type { Diagnostic, DynamicConfig, DynamicRouter, Resource, Settings } from '../types.ts';
import { ingressOptions, nginxOptions } from './options.ts';
import { INGRESS_CODES } from './codes.ts';
import { buildIngressConfig } from './kubernetes-ingress.ts';
import { buildNginxConfig } from './nginx/index.ts';

export { INGRESS_CODES } from './codes.ts';
export { buildIngressConfig } from './kubernetes-ingress.ts';
export { ingressOptions, nginxOptions } from './options.ts';
export { parseRouterAnnotations, parseServiceAnnotations } from './annotations.ts';
export { buildNginxConfig, NGINX_ANNOTATIONS, nginxRule } from './nginx/index.ts';

/** Middlewares each provider defines: a reference `x@<provider>` to any other is missing for sure. */
const KNOWN_PROVIDERS = new Set(['kubernetes', 'kubernetescrd', 'kubernetesingressnginx']);

/**
 * Runs the Ingress providers and merges their configuration into `config` (the CRD provider's),
 * checking the cross-provider references Traefik resolves when it builds the routers.
 *
 * @example
 * const { config } = buildDynamicConfig(resources, settings);
 * const diagnostics = mergeIngressProviders(resources, settings, config, texts);
 * Object.keys(config.routers).filter((n) => n.endsWith('@kubernetes'))
 */
export function mergeIngressProviders(resources: readonly Resource[], settings: Settings, config: DynamicConfig, texts: Record<string, string> = {}): Diagnostic[] {
  // Without Ingresses only the NGINX provider's own defaultBackendService can route anything.
  if (!resources.some((r) => r.kind === 'Ingress') && !nginxOptions(settings).defaultBackendService) return [];
  const ingress = buildIngressConfig(resources, settings, { texts });
  const nginx = buildNginxConfig(resources, settings, { texts });
  const diagnostics = [...ingress.diagnostics, ...nginx.diagnostics];
  for (const part of [ingress.config, nginx.config]) {
    Object.assign(config.services, part.services);
    Object.assign(config.middlewares, part.middlewares);
    // The NGINX provider's own TLS options (auth-tls-secret) and serversTransports.
    for (const [name, option] of Object.entries(part.tlsOptions)) if (!config.tlsOptions[name]) config.tlsOptions[name] = option;
    if (part.ingressServersTransports && Object.keys(part.ingressServersTransports).length > 0) config.ingressServersTransports = { ...config.ingressServersTransports, ...part.ingressServersTransports };
    const certs = new Set(config.certificates.map((c) => c.secret));
    config.certificates.push(...part.certificates.filter((c) => !certs.has(c.secret)));
  }
  for (const router of [...Object.values(ingress.config.routers), ...Object.values(nginx.config.routers)]) {
    checkReferences(router, config, diagnostics);
    for (const copy of applyEntryPointModels(router, settings)) config.routers[copy.name] = copy;
  }
  reportUnclaimed(resources, settings, ingress.processed, nginx.processed, diagnostics);
  return diagnostics;
}

/** An Ingress neither provider processes gets an info on its name saying why. */
function reportUnclaimed(resources: readonly Resource[], settings: Settings, byIngress: ReadonlySet<Resource>, byNginx: ReadonlySet<Resource>, out: Diagnostic[]): void {
  const ing = ingressOptions(settings);
  const nginx = nginxOptions(settings);
  for (const r of resources) {
    if (r.kind !== 'Ingress' || byIngress.has(r) || byNginx.has(r)) continue;
    if (out.some((d) => d.file === r.source.file && d.range.start >= r.source.node.range.start && d.range.end <= r.source.node.range.end && d.severity !== 'info')) continue;
    const cls = str(obj(r.raw['spec'])?.['ingressClassName']);
    const annotation = r.metadata.annotations['kubernetes.io/ingress.class'];
    const what = cls !== undefined ? `ingressClassName "${cls}"` : annotation !== undefined ? `class annotation "${annotation}"` : 'no class';
    const providers = [
      ing.enabled ? `kubernetesIngress (class ${ing.ingressClass ? `"${ing.ingressClass}"` : 'none or "traefik"'}, or an IngressClass of controller traefik.io/ingress-controller)` : '',
      nginx.enabled && settings.target !== 'v2.11' ? `kubernetesIngressNGINX (class "${nginx.ingressClass}"${nginx.watchIngressWithoutClass ? ' or none' : ''}, or an IngressClass of controller ${nginx.controllerClass} in the workspace)` : '',
    ].filter(Boolean);
    const path = cls !== undefined ? ['spec', 'ingressClassName'] : annotation !== undefined ? ['metadata', 'annotations', 'kubernetes.io/ingress.class'] : ['metadata', 'name'];
    out.push(diagnostic(INGRESS_CODES, 'INGRESS_CLASS_SKIPPED', `No Traefik provider processes this Ingress (${what}): ${providers.length ? `enabled are ${providers.join('; ')}` : 'both Ingress providers are disabled in the settings'}.`, r.source.file, resourceRange(r, path)));
  }
}

/** A middleware or TLS option of a Kubernetes provider that no provider defines fails the router. */
function checkReferences(r: DynamicRouter, config: DynamicConfig, out: Diagnostic[]): void {
  const provider = (n: string) => n.slice(n.lastIndexOf('@') + 1);
  const missing = r.middlewares.find((m) => KNOWN_PROVIDERS.has(provider(m)) && !config.middlewares[m]);
  if (missing && !r.disabled) {
    const hint = missing.endsWith('@kubernetes') ? ' The kubernetesIngress provider defines no middlewares: name a Middleware resource as <namespace>-<name>@kubernetescrd.' : '';
    out.push(diagnostic(INGRESS_CODES, 'INGRESS_MIDDLEWARE_NOT_FOUND', `Middleware ${missing} does not exist: Traefik fails to build router ${r.name}.${hint}`, r.origin.file, r.origin.range));
    r.disabled = { reason: `middleware "${missing}" does not exist`, code: 'PROVIDER_MIDDLEWARE_NOT_FOUND' };
  }
  const option = r.tls?.options;
  if (option && option !== 'default' && KNOWN_PROVIDERS.has(provider(option)) && !config.tlsOptions[option] && !r.disabled) {
    const hint = option.endsWith('@kubernetes') ? ' The kubernetesIngress provider defines no TLS options: name a TLSOption resource as <namespace>-<name>@kubernetescrd.' : '';
    out.push(diagnostic(INGRESS_CODES, 'INGRESS_TLS_OPTION_NOT_FOUND', `TLS option ${option} does not exist: Traefik does not serve router ${r.name}.${hint}`, r.origin.file, r.origin.range));
    r.disabled = { reason: `unknown TLS option ${option}`, code: 'PROVIDER_TLS_OPTION_NOT_FOUND' };
  }
}

/**
 * EntryPoint models (entryPoints.<ep>.http.middlewares / http.tls) apply to every provider's routers:
 * prepended middlewares and TLS; a router on several modelled entryPoints is copied as `<ep>-<name>`.
 */
function applyEntryPointModels(r: DynamicRouter, settings: Settings): DynamicRouter[] {
  const models = new Map(settings.entryPoints.filter((e) => (e.middlewares?.length ?? 0) > 0 || e.tls).map((e) => [e.name, e]));
  const modelled = r.entryPoints.filter((e) => models.has(e));
  if (modelled.length === 0) return [r];
  const apply = (target: DynamicRouter, ep: string): DynamicRouter => {
    const model = models.get(ep)!;
    const qualify = (m: string) => (m.includes('@') ? m : `${m}@${r.name.slice(r.name.lastIndexOf('@') + 1)}`);
    target.middlewares = [...(model.middlewares ?? []).map(qualify), ...target.middlewares];
    if (model.tls && !target.tls) {
      const options = model.tls.options ? qualify(model.tls.options) : undefined;
      target.tls = { resolvedOptions: options ?? 'default', ...(options ? { options } : {}), ...(model.tls.certResolver ? { certResolver: model.tls.certResolver } : {}) };
    }
    return target;
  };
  if (r.entryPoints.length === 1) return [apply(r, modelled[0]!)];
  const at = r.name.lastIndexOf('@');
  const copies = modelled.map((ep) => apply({ ...r, name: `${ep}-${r.name.slice(0, at)}${r.name.slice(at)}`, entryPoints: [ep], middlewares: [...r.middlewares] }, ep));
  const rest = r.entryPoints.filter((e) => !models.has(e));
  return rest.length ? [...copies, { ...r, entryPoints: rest }] : copies;
}
