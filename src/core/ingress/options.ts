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
    disableClusterScopeResources: p.disableClusterScopeResources ?? false,
  };
  if (p.ingressClass) out.ingressClass = p.ingressClass;
  if (p.labelSelector) out.labelSelector = p.labelSelector;
  if (p.crossProviderNamespaces) out.crossProviderNamespaces = p.crossProviderNamespaces;
  return out;
}

/** The NGINX provider's options with every default filled in (SetDefaults). */
export type NginxProviderOptions = IngressNginxProviderSettings & Required<Pick<IngressNginxProviderSettings,
  'ingressClass' | 'controllerClass' | 'allowCrossNamespaceResources' | 'strictValidatePathType' | 'globalAllowedResponseHeaders' | 'customHTTPErrors'
  | 'proxyConnectTimeout' | 'proxyReadTimeout' | 'proxySendTimeout' | 'upstreamKeepaliveTimeout' | 'proxyNextUpstream' | 'proxyNextUpstreamTries'
  | 'proxyNextUpstreamTimeout' | 'proxyRequestBuffering' | 'proxyBuffering' | 'proxyBodySize' | 'clientBodyBufferSize' | 'proxyBufferSize' | 'proxyBuffersNumber'>>;

/**
 * The kubernetesIngressNGINX provider's options with Traefik's defaults (SetDefaults: class `nginx`,
 * controller `k8s.io/ingress-nginx`).
 *
 * @example
 * nginxOptions(defaultSettings()).ingressClass // 'nginx'
 */
export function nginxOptions(settings: Settings): NginxProviderOptions {
  const p = settings.providers?.kubernetesIngressNGINX ?? {};
  const out: NginxProviderOptions = {
    enabled: p.enabled ?? true,
    ingressClass: p.ingressClass || 'nginx',
    controllerClass: p.controllerClass || 'k8s.io/ingress-nginx',
    watchIngressWithoutClass: p.watchIngressWithoutClass ?? false,
    ingressClassByName: p.ingressClassByName ?? false,
    allowSnippetAnnotations: p.allowSnippetAnnotations ?? false,
    disableSvcExternalName: p.disableSvcExternalName ?? false,
    allowCrossNamespaceResources: p.allowCrossNamespaceResources ?? false,
    strictValidatePathType: p.strictValidatePathType ?? true,
    globalAllowedResponseHeaders: p.globalAllowedResponseHeaders ?? [],
    customHTTPErrors: p.customHTTPErrors ?? [],
    proxyConnectTimeout: p.proxyConnectTimeout ?? 60,
    proxyReadTimeout: p.proxyReadTimeout ?? 60,
    proxySendTimeout: p.proxySendTimeout ?? 60,
    upstreamKeepaliveTimeout: p.upstreamKeepaliveTimeout ?? 60,
    proxyNextUpstream: p.proxyNextUpstream ?? 'error timeout',
    proxyNextUpstreamTries: p.proxyNextUpstreamTries ?? 3,
    proxyNextUpstreamTimeout: p.proxyNextUpstreamTimeout ?? 0,
    proxyRequestBuffering: p.proxyRequestBuffering ?? false,
    proxyBuffering: p.proxyBuffering ?? false,
    proxyBodySize: p.proxyBodySize ?? 1024 * 1024,
    clientBodyBufferSize: p.clientBodyBufferSize ?? 16 * 1024,
    proxyBufferSize: p.proxyBufferSize ?? 8 * 1024,
    proxyBuffersNumber: p.proxyBuffersNumber ?? 4,
  };
  if (p.defaultBackendService) out.defaultBackendService = p.defaultBackendService;
  if (p.globalAuthURL) out.globalAuthURL = p.globalAuthURL;
  if (p.ipAllowListStrategy) out.ipAllowListStrategy = p.ipAllowListStrategy;
  if (p.httpEntryPoint) out.httpEntryPoint = p.httpEntryPoint;
  if (p.httpsEntryPoint) out.httpsEntryPoint = p.httpsEntryPoint;
  if (p.watchNamespace) out.watchNamespace = p.watchNamespace;
  return out;
}
