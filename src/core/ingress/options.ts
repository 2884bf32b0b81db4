import type { IngressNginxProviderSettings, IngressProviderSettings, Settings } from '../types.ts';

/**
 * The kubernetesIngress provider's options with Traefik's defaults filled in. The provider is on
 * unless the settings turn it off (a static config that lists providers without it does).
 *
 * @example
 * ingressOptions(defaultSettings()).enabled // true
 */
export function ingressOptions(settings: Settings): IngressProviderSettings {
  const p = settings.providers?.kubernetesIngress ?? {};
  const out: IngressProviderSettings = {
    enabled: p.enabled ?? true,
    namespaces: p.namespaces ?? [],
    allowExternalNameServices: p.allowExternalNameServices ?? false,
    allowEmptyServices: p.allowEmptyServices ?? false,
    nativeLBByDefault: p.nativeLBByDefault ?? false,
    strictPrefixMatching: p.strictPrefixMatching ?? false,
    disableIngressClassLookup: p.disableIngressClassLookup ?? false,
  };
  if (p.ingressClass) out.ingressClass = p.ingressClass;
  if (p.labelSelector) out.labelSelector = p.labelSelector;
  return out;
}

/**
 * The kubernetesIngressNGINX provider's options with Traefik's defaults (SetDefaults: class `nginx`,
 * controller `k8s.io/ingress-nginx`).
 *
 * @example
 * nginxOptions(defaultSettings()).ingressClass // 'nginx'
 */
export function nginxOptions(settings: Settings): IngressNginxProviderSettings & { ingressClass: string; controllerClass: string } {
  const p = settings.providers?.kubernetesIngressNGINX ?? {};
  const out: IngressNginxProviderSettings & { ingressClass: string; controllerClass: string } = {
    enabled: p.enabled ?? true,
    ingressClass: p.ingressClass || 'nginx',
    controllerClass: p.controllerClass || 'k8s.io/ingress-nginx',
    watchIngressWithoutClass: p.watchIngressWithoutClass ?? false,
    ingressClassByName: p.ingressClassByName ?? false,
    allowSnippetAnnotations: p.allowSnippetAnnotations ?? false,
    disableSvcExternalName: p.disableSvcExternalName ?? false,
  };
  if (p.httpEntryPoint) out.httpEntryPoint = p.httpEntryPoint;
  if (p.httpsEntryPoint) out.httpsEntryPoint = p.httpsEntryPoint;
  if (p.watchNamespace) out.watchNamespace = p.watchNamespace;
  return out;
}
