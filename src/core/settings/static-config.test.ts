import { describe, expect, it } from 'vitest';
import { parseStaticConfig, portOfAddress } from './static-config.ts';
import { defaultSettings } from '../provider/settings.ts';

describe('portOfAddress', () => {
  it.each([
    [':80', 80],
    ['0.0.0.0:8443', 8443],
    ['[::]:443/tcp', 443],
    [':53/udp', null],
    ['nonsense', null],
  ])('%s → %s', (address, port) => expect(portOfAddress(address)).toBe(port));
});

describe('parseStaticConfig', () => {
  it('reads entryPoints, redirections and provider options from YAML', () => {
    const text = `
entryPoints:
  web:
    address: ":8000"
    http:
      redirections:
        entryPoint:
          to: websecure
          scheme: https
  websecure:
    address: ":8443"
    asDefault: true
    http:
      middlewares: [auth@file]
      tls:
        certResolver: le
providers:
  kubernetesCRD:
    allowCrossNamespace: true
    ingressClass: internal
core:
  defaultRuleSyntax: v2
`;
    const result = parseStaticConfig(text, 'traefik.yml', defaultSettings());
    if ('error' in result) throw new Error(result.error);
    const { settings } = result;
    expect(settings.entryPoints.map((e) => [e.name, e.port])).toEqual([['web', 8000], ['websecure', 8443]]);
    expect(settings.entryPoints[0]?.redirectTo).toEqual({ to: 'websecure', scheme: 'https', permanent: true });
    expect(settings.entryPoints[1]).toMatchObject({ asDefault: true, middlewares: ['auth@file'], tls: { certResolver: 'le' } });
    expect(settings.provider).toMatchObject({ allowCrossNamespace: true, ingressClass: 'internal' });
    expect(settings.defaultRuleSyntax).toBe('v2');
  });

  it('reads TOML with case-insensitive keys', () => {
    const text = `[entrypoints.web]\naddress = ":80"\n[entrypoints.admin]\naddress = ":9000"\n[providers.kubernetescrd]\nallowexternalnameservices = true\n`;
    const result = parseStaticConfig(text, 'traefik.toml', defaultSettings());
    if ('error' in result) throw new Error(result.error);
    expect(result.settings.entryPoints.map((e) => e.name)).toEqual(['web', 'admin']);
    expect(result.settings.provider.allowExternalNameServices).toBe(true);
  });

  it('reads crossProviderNamespaces (unset, a list, an empty list) and disableClusterScopeResources', () => {
    const read = (text: string, name = 'traefik.yml') => {
      const result = parseStaticConfig(text, name, defaultSettings());
      if ('error' in result) throw new Error(result.error);
      return result.settings.provider;
    };
    expect(read('providers:\n  kubernetesCRD: {}\n')).not.toHaveProperty('crossProviderNamespaces');
    expect(read('providers:\n  kubernetesCRD:\n    crossProviderNamespaces: [default, apps]\n    disableClusterScopeResources: true\n')).toMatchObject({ crossProviderNamespaces: ['default', 'apps'], disableClusterScopeResources: true });
    // An empty list is not "unset": it allows no namespace (isCrossProviderNamespaceAllowed).
    expect(read('providers:\n  kubernetesCRD:\n    crossProviderNamespaces: []\n').crossProviderNamespaces).toEqual([]);
    expect(read('[providers.kubernetesCRD]\ncrossprovidernamespaces = ["infra"]\ndisableclusterscoperesources = true\n', 'traefik.toml')).toMatchObject({ crossProviderNamespaces: ['infra'], disableClusterScopeResources: true });
  });

  it('reports unreadable files instead of throwing', () => {
    expect(parseStaticConfig('entryPoints: [', 'traefik.yml', defaultSettings())).toHaveProperty('error');
    expect(parseStaticConfig('- a', 'traefik.yml', defaultSettings())).toHaveProperty('error');
  });
});
