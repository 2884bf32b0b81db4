// toFileProviderShape on hand-written dynamic configurations: the file-provider shape of pkg/config/dynamic
// (Router, Service, Middleware, tls.Options) as the CRD provider emits it — names without `@kubernetescrd`
// unless written with it, fields at their zero value left out, routes the provider skips left out.
import { describe, expect, it } from 'vitest';
import { emittedByProvider, toFileProviderShape } from './index.ts';
import type { DynamicConfig, DynamicRouter, DynamicService } from '../types.ts';

const origin = { resourceId: 'IngressRoute/default/web', file: 't.yaml', range: { start: 0, end: 1 } };
const router = (patch: Partial<DynamicRouter> = {}): DynamicRouter => ({
  name: 'default-web-0123456789abcdef0123@kubernetescrd', rule: 'Host(`a.com`)', priority: 0, effectivePriority: 13, ruleSyntax: 'v3', ruleSyntaxRaw: '',
  entryPoints: ['web'], middlewares: [], service: 'default-web-0123456789abcdef0123@kubernetescrd', tls: null, parentRefs: [], origin, ...patch,
});
const config = (patch: Partial<DynamicConfig>): DynamicConfig => ({ routers: {}, services: {}, middlewares: {}, tlsOptions: {}, certificates: [], ...patch });
const shape = (c: DynamicConfig) => toFileProviderShape(c) as { http: Record<string, Record<string, unknown>>; tls?: Record<string, unknown> };
const routerShape = (patch: Partial<DynamicRouter>) => shape(config({ routers: { r: router(patch) } })).http['routers']!['default-web-0123456789abcdef0123'];

describe('routers', () => {
  it.each([
    { desc: 'the smallest router', patch: {}, expected: { entryPoints: ['web'], rule: 'Host(`a.com`)', service: 'default-web-0123456789abcdef0123' } },
    { desc: 'default entryPoints are the router manager\'s: left out', patch: { defaultEntryPoints: true, entryPoints: ['web', 'websecure'] }, expected: { rule: 'Host(`a.com`)', service: 'default-web-0123456789abcdef0123' } },
    { desc: 'a child: the entryPoints written on it', patch: { entryPoints: [], writtenEntryPoints: ['foo'], parentRefs: ['default-p-1@kubernetescrd'] }, expected: { entryPoints: ['foo'], rule: 'Host(`a.com`)', service: 'default-web-0123456789abcdef0123', parentRefs: ['default-p-1'] } },
    { desc: 'a child without entryPoints', patch: { entryPoints: [], writtenEntryPoints: [], parentRefs: ['x@file'] }, expected: { rule: 'Host(`a.com`)', service: 'default-web-0123456789abcdef0123', parentRefs: ['x@file'] } },
    { desc: 'priority, ruleSyntax, no service', patch: { priority: -3, ruleSyntaxRaw: 'v2', service: '' }, expected: { entryPoints: ['web'], rule: 'Host(`a.com`)', priority: -3, ruleSyntax: 'v2' } },
    {
      desc: 'middlewares: local ones unqualified, other providers and ones written qualified kept',
      patch: { middlewares: ['default-a@kubernetescrd', 'auth@file', 'other-b@kubernetescrd'], keepQualified: ['other-b@kubernetescrd'] },
      expected: { entryPoints: ['web'], rule: 'Host(`a.com`)', middlewares: ['default-a', 'auth@file', 'other-b@kubernetescrd'], service: 'default-web-0123456789abcdef0123' },
    },
    {
      desc: 'TLS: options (kept qualified when written so), certResolver, domains',
      patch: { tls: { resolvedOptions: 'o-x@kubernetescrd', options: 'o-x@kubernetescrd', certResolver: 'le', domains: [{ main: 'a.com', sans: ['b.com'] }] }, keepQualified: ['o-x@kubernetescrd'] },
      expected: { entryPoints: ['web'], rule: 'Host(`a.com`)', service: 'default-web-0123456789abcdef0123', tls: { options: 'o-x@kubernetescrd', certResolver: 'le', domains: [{ main: 'a.com', sans: ['b.com'] }] } },
    },
    { desc: 'TLS: a local option unqualified', patch: { tls: { resolvedOptions: 'default-x@kubernetescrd', options: 'default-x@kubernetescrd' } }, expected: { entryPoints: ['web'], rule: 'Host(`a.com`)', service: 'default-web-0123456789abcdef0123', tls: { options: 'default-x' } } },
    { desc: 'TLS with nothing set is an empty tls', patch: { tls: { resolvedOptions: 'default' } }, expected: { entryPoints: ['web'], rule: 'Host(`a.com`)', service: 'default-web-0123456789abcdef0123', tls: {} } },
    { desc: 'observability', patch: { observability: { accessLogs: false } }, expected: { entryPoints: ['web'], rule: 'Host(`a.com`)', service: 'default-web-0123456789abcdef0123', observability: { accessLogs: false } } },
  ])('$desc', ({ patch, expected }) => {
    expect(routerShape(patch)).toStrictEqual(expected);
  });

  it('routes the provider skips are left out; routers the router manager fails are emitted', () => {
    const skipped = router({ name: 'a@kubernetescrd', disabled: { reason: 'x', code: 'PROVIDER_ROUTE_SKIPPED' } });
    const failing = router({ name: 'b@kubernetescrd', disabled: { reason: 'x', code: 'PROVIDER_MIDDLEWARE_NOT_FOUND' } });
    expect(emittedByProvider(skipped)).toBe(false);
    expect(emittedByProvider(failing)).toBe(true);
    expect(Object.keys(shape(config({ routers: { a: skipped, b: failing } })).http['routers']!)).toStrictEqual(['b']);
  });
});

describe('services', () => {
  const lb = (patch: Partial<Extract<DynamicService, { type: 'loadBalancer' }>> = {}): DynamicService => ({
    type: 'loadBalancer', name: 's@kubernetescrd', servers: [{ url: 'http://10.0.0.1:80', source: 'endpointslice', fenced: true }], scheme: 'http', passHostHeader: true, strategy: 'wrr', ...patch,
  });
  it.each([
    { desc: 'no flushInterval, wrr', service: lb(), expected: { loadBalancer: { servers: [{ url: 'http://10.0.0.1:80' }], passHostHeader: true } } },
    { desc: 'p2c, a local serversTransport, a health check', service: lb({ strategy: 'p2c', serversTransport: 'default-st@kubernetescrd', healthCheck: { path: '/h' }, flushInterval: '1s', passHostHeader: false }), expected: { loadBalancer: { servers: [{ url: 'http://10.0.0.1:80' }], passHostHeader: false, responseForwarding: { flushInterval: '1s' }, strategy: 'p2c', serversTransport: 'default-st', healthCheck: { path: '/h' } } } },
    { desc: 'a serversTransport written qualified', service: lb({ serversTransport: 'other-st@kubernetescrd', serversTransportAsWritten: true }), expected: { loadBalancer: { servers: [{ url: 'http://10.0.0.1:80' }], passHostHeader: true, serversTransport: 'other-st@kubernetescrd' } } },
    { desc: 'an empty strategy is left out', service: lb({ strategy: '' }), expected: { loadBalancer: { servers: [{ url: 'http://10.0.0.1:80' }], passHostHeader: true } } },
    { desc: 'weighted with a sticky cookie', service: { type: 'weighted', name: 's@kubernetescrd', services: [{ name: 'a@kubernetescrd', weight: 2 }, { name: 'b@file', weight: 0 }], sticky: { name: 'c', path: '/' } }, expected: { weighted: { services: [{ name: 'a', weight: 2 }, { name: 'b@file', weight: 0 }], sticky: { cookie: { name: 'c', path: '/' } } } } },
    { desc: 'highestRandomWeight', service: { type: 'highestRandomWeight', name: 's@kubernetescrd', services: [{ name: 'a@kubernetescrd', weight: 3 }] }, expected: { highestRandomWeight: { services: [{ name: 'a', weight: 3 }] } } },
    { desc: 'failover', service: { type: 'failover', name: 's@kubernetescrd', service: 'a@kubernetescrd', fallback: 'b@file' }, expected: { failover: { service: 'a', fallback: 'b@file' } } },
    { desc: 'failover with empty errors (Errors: &dynamic.FailoverError{})', service: { type: 'failover', name: 's@kubernetescrd', service: 'a@kubernetescrd', fallback: 'b@kubernetescrd', errors: {} }, expected: { failover: { service: 'a', fallback: 'b', errors: {} } } },
    { desc: 'failover errors with both fields', service: { type: 'failover', name: 's@kubernetescrd', service: 'a@kubernetescrd', fallback: 'b@kubernetescrd', errors: { status: ['500-504', '404'], maxRequestBodyBytes: 1048576 } }, expected: { failover: { service: 'a', fallback: 'b', errors: { maxRequestBodyBytes: 1048576, status: ['500-504', '404'] } } } },
    { desc: 'failover errors: maxRequestBodyBytes 0 is kept', service: { type: 'failover', name: 's@kubernetescrd', service: 'a@kubernetescrd', fallback: 'b@kubernetescrd', errors: { maxRequestBodyBytes: 0 } }, expected: { failover: { service: 'a', fallback: 'b', errors: { maxRequestBodyBytes: 0 } } } },
  ] as { desc: string; service: DynamicService; expected: unknown }[])('$desc', ({ service, expected }) => {
    expect(shape(config({ services: { s: service } })).http['services']).toStrictEqual({ s: expected });
  });
});

describe('middlewares, TLS options, transports, certificates and stores', () => {
  it('a middleware as the provider emits it, else as written', () => {
    const c = config({ middlewares: {
      a: { name: 'default-a@kubernetescrd', type: 'chain', config: { middlewares: ['default-b@kubernetescrd'] }, providerConfig: { middlewares: ['default-b'] }, origin },
      b: { name: 'default-b@kubernetescrd', type: 'stripPrefix', config: { prefixes: ['/x'] }, origin },
    } });
    expect(shape(c).http['middlewares']).toStrictEqual({ 'default-a': { chain: { middlewares: ['default-b'] } }, 'default-b': { stripPrefix: { prefixes: ['/x'] } } });
  });

  it('TLS options: built-in ones left out, the provider config else the option without its bookkeeping', () => {
    const c = config({ tlsOptions: {
      default: { name: 'default', sniStrict: false, builtin: true },
      a: { name: 'default-a@kubernetescrd', sniStrict: true, minVersion: 'VersionTLS12', providerConfig: { sniStrict: true, cipherSuites: ['X'] }, origin },
      b: { name: 'b@kubernetesingressnginx', sniStrict: false, minVersion: 'VersionTLS13', origin },
    } });
    expect(shape(c).tls).toStrictEqual({ options: { 'default-a': { sniStrict: true, cipherSuites: ['X'] }, 'b@kubernetesingressnginx': { sniStrict: false, minVersion: 'VersionTLS13' } } });
  });

  it('no tls section when there is nothing in it; transports, certificates and stores when present', () => {
    expect(shape(config({ tlsOptions: { default: { name: 'default', sniStrict: false, builtin: true } } }))).toStrictEqual({ http: { routers: {}, services: {}, middlewares: {} } });
    const full = shape(config({ serversTransports: { 'default-st': { serverName: 'x' } }, tlsCertificates: [{ certFile: 'C', keyFile: 'K' }], tlsStores: { default: {} } }));
    expect(full).toStrictEqual({ http: { routers: {}, services: {}, middlewares: {}, serversTransports: { 'default-st': { serverName: 'x' } } }, tls: { certificates: [{ certFile: 'C', keyFile: 'K' }], stores: { default: {} } } });
  });
});
