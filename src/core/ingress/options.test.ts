import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../provider/settings.ts';
import { parseStaticConfig } from '../settings/static-config.ts';
import { ingressOptions, nginxOptions } from './options.ts';

/** The kubernetesIngress options a static configuration with these lines under providers.kubernetesIngress gives. */
function read(options: string) {
  const r = parseStaticConfig(`providers:\n  kubernetesIngress:\n    ${options}\n`, 'traefik.yml', defaultSettings());
  if ('error' in r) throw new Error(r.error);
  return ingressOptions(r.settings);
}

describe('Ingress provider settings', () => {
  it('without providers in the settings, both Ingress providers run with Traefik’s defaults', () => {
    expect(ingressOptions(defaultSettings())).toEqual({
      enabled: true, namespaces: [], allowExternalNameServices: false, allowEmptyServices: false, nativeLBByDefault: false, strictPrefixMatching: false, disableIngressClassLookup: false,
      disableClusterScopeResources: false,
    });
    expect(nginxOptions(defaultSettings())).toMatchObject({ enabled: true, ingressClass: 'nginx', controllerClass: 'k8s.io/ingress-nginx', watchIngressWithoutClass: false });
  });

  it('imports providers.kubernetesIngress and providers.kubernetesIngressNGINX from a static config', () => {
    const text = `providers:
  kubernetesCRD: {}
  kubernetesIngress:
    ingressClass: traefik-internal
    labelSelector: "app=web"
    allowExternalNameServices: true
    strictPrefixMatching: true
    namespaces: [apps, shop]
  kubernetesIngressNGINX:
    watchIngressWithoutClass: true
    httpsEntryPoint: websecure
`;
    const r = parseStaticConfig(text, 'traefik.yml', defaultSettings());
    if ('error' in r) throw new Error(r.error);
    expect(ingressOptions(r.settings)).toEqual({
      enabled: true, ingressClass: 'traefik-internal', labelSelector: 'app=web', namespaces: ['apps', 'shop'], allowExternalNameServices: true, allowEmptyServices: false, nativeLBByDefault: false, strictPrefixMatching: true, disableIngressClassLookup: false,
      disableClusterScopeResources: false,
    });
    expect(nginxOptions(r.settings)).toMatchObject({ enabled: true, watchIngressWithoutClass: true, httpsEntryPoint: 'websecure', ingressClass: 'nginx' });
  });

  it('disableClusterScopeResources and disableIngressClassLookup are read apart (the first also turns the Node lookup off)', () => {
    expect(read('disableClusterScopeResources: true')).toMatchObject({ disableIngressClassLookup: false, disableClusterScopeResources: true });
    expect(read('disableIngressClassLookup: true')).toMatchObject({ disableIngressClassLookup: true, disableClusterScopeResources: false });
  });

  it('reads crossProviderNamespaces: unset, a list, an empty list', () => {
    expect(read('allowEmptyServices: false').crossProviderNamespaces).toBeUndefined();
    expect(read('crossProviderNamespaces: [infra, apps]').crossProviderNamespaces).toEqual(['infra', 'apps']);
    expect(read('crossProviderNamespaces: []').crossProviderNamespaces).toEqual([]);
  });

  it('a static config listing providers without the Ingress ones turns them off (TOML too)', () => {
    const r = parseStaticConfig('[providers.kubernetesCRD]\nallowCrossNamespace = true\n', 'traefik.toml', defaultSettings());
    if ('error' in r) throw new Error(r.error);
    expect(ingressOptions(r.settings).enabled).toBe(false);
    expect(nginxOptions(r.settings).enabled).toBe(false);
  });

  it('the NGINX provider options of kubernetes.go (SetDefaults) and their static import', () => {
    expect(nginxOptions(defaultSettings())).toMatchObject({
      proxyConnectTimeout: 60, proxyReadTimeout: 60, proxySendTimeout: 60, upstreamKeepaliveTimeout: 60, proxyBodySize: 1048576, clientBodyBufferSize: 16384,
      proxyBufferSize: 8192, proxyBuffersNumber: 4, proxyNextUpstream: 'error timeout', proxyNextUpstreamTries: 3, strictValidatePathType: true, allowCrossNamespaceResources: false,
    });
    const text = `providers:
  kubernetesIngressNGINX:
    defaultBackendService: infra/default-http-backend
    globalAuthURL: http://auth.infra.svc/verify
    proxyConnectTimeout: 10
    customHTTPErrors: ["404", "503"]
    globalAllowedResponseHeaders: [X-Frame-Options]
    strictValidatePathType: false
    ipAllowListStrategy: { depth: 1 }
`;
    const r = parseStaticConfig(text, 'traefik.yml', defaultSettings());
    if ('error' in r) throw new Error(r.error);
    expect(nginxOptions(r.settings)).toMatchObject({
      defaultBackendService: 'infra/default-http-backend', globalAuthURL: 'http://auth.infra.svc/verify', proxyConnectTimeout: 10, proxyReadTimeout: 60,
      customHTTPErrors: ['404', '503'], globalAllowedResponseHeaders: ['X-Frame-Options'], strictValidatePathType: false, ipAllowListStrategy: { depth: 1 },
    });
  });
});
