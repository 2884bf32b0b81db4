// Mirrors pkg/provider/kubernetes/ingress-nginx/kubernetes.go (loadConfiguration: build the model, then translate it).
import { diagnostic } from '../../diagnostic.ts';
import { arr, obj, str } from '../../model/index.ts';
import { BuildContext } from '../../provider/context.ts';
import { atLeast } from '../../provider/settings.ts';
import { certificate } from '../../provider/tls.ts';
import type { Diagnostic, DynamicCertificate, DynamicConfig, Resource, Settings } from '../../types.ts';
import { INGRESS_CODES } from '../codes.ts';
import { nginxOptions } from '../options.ts';
import { buildLocations } from './build.ts';
import { translate } from './translator.ts';

export { NGINX_ANNOTATIONS, parseNginxConfig } from './annotations.ts';
export { nginxRule, NGINX_PROVIDER } from './translator.ts';

/**
 * What Traefik's `kubernetesIngressNGINX` provider builds from the workspace: per path a plain and a
 * `-tls` router, each with its own middlewares (retry by default), services per Ingress backend, the
 * `unavailable-service`, canaries as weighted services and header/cookie routers.
 *
 * @example
 * const { config } = buildNginxConfig(resources, defaultSettings());
 * Object.keys(config.routers) // ['apps-web-rule-0-path-0@kubernetesingressnginx', 'apps-web-rule-0-path-0-tls@kubernetesingressnginx']
 */
export function buildNginxConfig(resources: readonly Resource[], settings: Settings, options: { texts?: Record<string, string> } = {}): { config: DynamicConfig; diagnostics: Diagnostic[]; processed: Set<Resource> } {
  const o = nginxOptions(settings);
  const ctx = new BuildContext(resources, settings, options.texts ?? {});
  const empty: DynamicConfig = { routers: {}, services: {}, middlewares: {}, tlsOptions: {}, certificates: [] };
  const ingresses = resources.filter((r) => r.kind === 'Ingress');
  // The provider exists since Traefik v3.5.0 (not in v2.11). Without Ingresses it still serves its
  // defaultBackendService, when one is set, as the catch-all routers.
  if (!o.enabled || (ingresses.length === 0 && !o.defaultBackendService) || settings.target === 'v2.11' || !atLeast(settings, '3.5.0')) return { config: empty, diagnostics: [], processed: new Set() };
  const problems: Parameters<typeof buildLocations>[3] = [];
  const { locations, defaultBackend, processed } = buildLocations(ctx, ingresses, o, problems);
  // A workspace with no Ingress of this provider gets nothing from it (not even Traefik's unavailable-service, which
  // would be a node of every graph), unless the provider's own default backend routes something.
  const config = processed.size > 0 || problems.length > 0 || defaultBackend !== null ? translate(ctx, o, locations, defaultBackend) : empty;
  const certs = new Map<string, DynamicCertificate>();
  for (const ing of processed) {
    arr(obj(ing.raw['spec'])?.['tls']).forEach((t, i) => {
      const secret = str(obj(t)?.['secretName']) ?? '';
      const key = `${ing.metadata.namespace}/${secret}`;
      if (secret !== '' && !certs.has(key)) certs.set(key, certificate(ctx, ing, ing.metadata.namespace, secret, ['spec', 'tls', i, 'secretName']));
    });
  }
  config.certificates = [...certs.values()];
  const diagnostics = [...ctx.diagnostics];
  for (const p of problems) diagnostics.push(diagnostic(INGRESS_CODES, p.code, p.message, p.resource.source.file, ctx.range(p.resource, p.path), { severity: p.severity }));
  return { config, diagnostics, processed };
}
