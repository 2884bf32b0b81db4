// Load balancers of Kubernetes Service references as pkg/provider/kubernetes/crd/kubernetes_http.go builds them
// (buildServersLB, loadServers, parseServiceProtocol, makeServersTransportKey, nameAndService) and getServicePort /
// getNativeServiceAddress of kubernetes.go. Expected URLs and names come from kubernetes_test.go's tables
// (with_https_scheme.yml, with_ipv6.yml, with_native_service_lb.yml, with_externalname_*.yml, with_sticky.yml,
// "Empty scheme and …" rows of TestParseServiceProtocol), written out.
import { describe, expect, it } from 'vitest';
import { build } from './test-support.ts';
import { toFileProviderShape } from './index.ts';
import type { DynamicService } from '../types.ts';


/** The only route's service reference, with `ref` written inline (flow mapping body). */
const route = (ref: string, ns = 'default') => `apiVersion: traefik.io/v1alpha1
kind: IngressRoute
metadata: { name: test.route, namespace: ${ns} }
spec:
  entryPoints: [foo]
  routes:
    - match: Host(\`foo.com\`)
      services: [{ ${ref} }]
`;
/** sha256("Host(`foo.com`)")[:20]: the router and its load balancer. */
const NAME = 'default-test-route-6f97418635c7e18853da@kubernetescrd';

const service = (name: string, spec: string, ns = 'default') => `---
apiVersion: v1
kind: Service
metadata: { name: ${name}, namespace: ${ns} }
spec: ${spec}
`;
const slice = (svc: string, ports: string, endpoints: string, ns = 'default', suffix = 'abc') => `---
apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata: { name: ${svc}-${suffix}, namespace: ${ns}, labels: { kubernetes.io/service-name: ${svc} } }
ports: ${ports}
endpoints: ${endpoints}
`;
const WHOAMI3 = service('whoami3', '{ ports: [{ name: websecure2, port: 8443 }] }') + slice('whoami3', '[{ name: websecure2, port: 8443 }]', '[{ addresses: [10.10.0.7, 10.10.0.8], conditions: { ready: true } }]');

const lbOf = (r: ReturnType<typeof build>): DynamicService | undefined => r.config.services[NAME];
const urls = (r: ReturnType<typeof build>) => {
  const lb = lbOf(r);
  return lb?.type === 'loadBalancer' ? lb.servers.map((s) => s.url) : undefined;
};
const codes = (r: ReturnType<typeof build>) => r.diagnostics.map((d) => d.code);
const at = (r: ReturnType<typeof build>, code: string) => {
  const d = r.diagnostics.find((x) => x.code === code);
  return d ? r.text.slice(d.range.start, d.range.end) : undefined;
};

describe('parseServiceProtocol: the scheme of the servers', () => {
  it.each([
    // TestParseServiceProtocol rows, through a whole Service: explicit schemes win, else 443 or a port name `https…`.
    { desc: 'https scheme on a plain port (with_https_scheme.yml)', ref: 'name: whoami3, port: 8443, scheme: https', expected: ['https://10.10.0.7:8443', 'https://10.10.0.8:8443'] },
    { desc: 'h2c scheme', ref: 'name: whoami3, port: 8443, scheme: h2c', expected: ['h2c://10.10.0.7:8443', 'h2c://10.10.0.8:8443'] },
    { desc: 'http scheme on a port named https…', ref: 'name: tls, port: https-main, scheme: http', expected: ['http://10.1.0.1:8443'] },
    { desc: 'empty scheme and a port named https…', ref: 'name: tls, port: https-main', expected: ['https://10.1.0.1:8443'] },
    { desc: 'empty scheme and port 443', ref: 'name: tls, port: 443', expected: ['https://10.1.0.2:9443'] },
    { desc: 'empty scheme, plain name and number', ref: 'name: whoami3, port: 8443', expected: ['http://10.10.0.7:8443', 'http://10.10.0.8:8443'] },
  ])('$desc', ({ ref, expected }) => {
    const tls = service('tls', '{ ports: [{ name: https-main, port: 8443 }, { name: web, port: 443 }] }') +
      slice('tls', '[{ name: https-main, port: 8443 }]', '[{ addresses: [10.1.0.1] }]') + slice('tls', '[{ name: web, port: 9443 }]', '[{ addresses: [10.1.0.2] }]', 'default', 'def');
    const r = build(route(ref) + WHOAMI3 + tls);
    expect(urls(r)).toEqual(expected);
    expect(lbOf(r)).toMatchObject({ scheme: expected[0]!.slice(0, expected[0]!.indexOf(':')) });
  });

  it.each([
    { desc: 'a Service of the workspace', extra: WHOAMI3, name: 'whoami3' },
    { desc: 'an assumed Service', extra: '', name: 'absent' },
  ])('"invalid scheme": the route is skipped, the error is at the scheme ($desc)', ({ extra, name }) => {
    const r = build(route(`name: ${name}, port: 8443, scheme: tcp`) + extra);
    expect(lbOf(r)).toBeUndefined();
    expect(at(r, 'PROVIDER_SCHEME')).toBe('tcp');
    expect(r.config.routers[NAME]!.disabled?.code).toBe('PROVIDER_ROUTE_SKIPPED');
  });
});

describe('loadServers over EndpointSlices', () => {
  it('IPv6 endpoint addresses are bracketed (net.JoinHostPort, with_ipv6.yml)', () => {
    const r = build(route('name: whoami-ipv6, port: 8080') + service('whoami-ipv6', '{ ports: [{ name: web, port: 8080 }] }') +
      slice('whoami-ipv6', '[{ name: web, port: 8080 }]', '[{ addresses: ["2001:db8:85a3:8d3:1319:8a2e:370:7348"], conditions: { ready: true } }]'));
    expect(urls(r)).toEqual(['http://[2001:db8:85a3:8d3:1319:8a2e:370:7348]:8080']);
  });

  it('an address in two slices is one server; not serving is left out; terminating is fenced (loadServers)', () => {
    const r = build(route('name: app, port: 80') + service('app', '{ ports: [{ name: web, port: 80, targetPort: 8080 }] }') +
      slice('app', '[{ name: web, port: 8080 }]', '[{ addresses: [10.0.0.1, 10.0.0.2] }, { addresses: [10.0.0.3], conditions: { serving: false } }, { addresses: [10.0.0.4], conditions: { serving: true, terminating: true } }]') +
      slice('app', '[{ name: web, port: 8080 }]', '[{ addresses: [10.0.0.2, 10.0.0.5], conditions: { ready: true, terminating: false } }]', 'default', 'def') +
      // Another port name, another Service, another namespace: none of them count.
      slice('app', '[{ name: metrics, port: 9090 }]', '[{ addresses: [10.0.0.9] }]', 'default', 'ghi') +
      slice('other', '[{ name: web, port: 8080 }]', '[{ addresses: [10.0.0.8] }]') +
      slice('app', '[{ name: web, port: 8080 }]', '[{ addresses: [10.0.0.7] }]', 'elsewhere'));
    const lb = lbOf(r);
    expect(lb?.type === 'loadBalancer' ? lb.servers : undefined).toEqual([
      { url: 'http://10.0.0.1:8080', source: 'endpointslice' },
      { url: 'http://10.0.0.2:8080', source: 'endpointslice' },
      { url: 'http://10.0.0.4:8080', source: 'endpointslice', fenced: true },
      { url: 'http://10.0.0.5:8080', source: 'endpointslice' },
    ]);
  });

  it('a slice port without a name or without a number gives no servers (with_nil_endpointslice_port_*.yml)', () => {
    const svc = service('app', '{ ports: [{ name: myapp, port: 80 }] }');
    const noName = build(route('name: app, port: 80') + svc + slice('app', '[{ port: 80 }]', '[{ addresses: [10.10.0.100] }]'));
    const noPort = build(route('name: app, port: 80') + svc + slice('app', '[{ name: myapp }]', '[{ addresses: [10.10.0.100] }]'));
    for (const r of [noName, noPort]) {
      expect(lbOf(r)).toBeUndefined();
      expect(at(r, 'PROVIDER_NO_ENDPOINTS')).toBe('app');
    }
  });

  it('"empty service allowed": allowEmptyServices keeps a load balancer without servers', () => {
    const text = route('name: app, port: 80') + service('app', '{ ports: [{ name: web, port: 80 }] }') + slice('app', '[{ name: web, port: 80 }]', '[]');
    expect(urls(build(text, { allowEmptyServices: true }))).toEqual([]);
    expect(codes(build(text, { allowEmptyServices: true }))).not.toContain('PROVIDER_NO_ENDPOINTS');
  });

  it('without EndpointSlices in the workspace the server is the Service DNS name at the target port', () => {
    expect(urls(build(route('name: app, port: web') + service('app', '{ ports: [{ name: web, port: 80, targetPort: 8080 }] }')))).toEqual(['http://app.default.svc:8080']);
    // A named targetPort cannot be resolved without the Pods: the service port stands in for it.
    expect(urls(build(route('name: app, port: 80') + service('app', '{ ports: [{ name: web, port: 80, targetPort: http }] }')))).toEqual(['http://app.default.svc:80']);
    expect(urls(build(route('name: app, port: 80') + service('app', '{ ports: [{ name: web, port: 80 }] }')))).toEqual(['http://app.default.svc:80']);
  });
});

describe('getServicePort', () => {
  it.each([
    { desc: 'a number that is no port of the Service', ref: 'name: app, port: 81', message: 'Service default/app has no port number 81 (its ports: web:80, (unnamed):90)' },
    { desc: 'a name that is no port of the Service', ref: 'name: app, port: http', message: 'Service default/app has no port named http (its ports: web:80, (unnamed):90)' },
  ])('$desc: the route is skipped, the error is at the port', ({ ref, message }) => {
    const r = build(route(ref) + service('app', '{ ports: [{ name: web, port: 80 }, { port: 90 }] }'));
    expect(lbOf(r)).toBeUndefined();
    expect(at(r, 'PROVIDER_SERVICE_PORT')).toBe(ref.slice(ref.indexOf('port: ') + 6));
    expect(r.diagnostics.find((d) => d.code === 'PROVIDER_SERVICE_PORT')!.message).toContain(message);
  });

  it('a Service without ports says so', () => {
    const r = build(route('name: app, port: 80') + service('app', '{ type: ClusterIP }'));
    expect(r.diagnostics.find((d) => d.code === 'PROVIDER_SERVICE_PORT')!.message).toContain('(its ports: none)');
  });

  it.each([
    { desc: 'no port at all: the error is on the reference', ref: 'name: app', at: '{ name: app }' },
    { desc: 'port 0', ref: 'name: app, port: 0', at: '0' },
    { desc: 'an empty port name', ref: 'name: app, port: ""', at: '""' },
  ])('"ingressRoute service port not defined": $desc', ({ ref, at: where }) => {
    const r = build(route(ref) + service('app', '{ ports: [{ name: web, port: 80 }] }'));
    expect(lbOf(r)).toBeUndefined();
    expect(at(r, 'PROVIDER_SERVICE_PORT')).toBe(where);
    expect(r.config.routers[NAME]!.disabled?.code).toBe('PROVIDER_ROUTE_SKIPPED');
  });
});

describe('ExternalName Services (allowExternalNameServices)', () => {
  const EXTERNAL = service('external-svc', '{ type: ExternalName, externalName: external.domain }') +
    service('external-svc-with-https', '{ type: ExternalName, externalName: external.domain, ports: [{ name: https, port: 443 }] }') +
    service('external-svc-with-ipv6', '{ type: ExternalName, externalName: "2001:db8:85a3:8d3:1319:8a2e:370:7347", ports: [{ name: http, port: 8080 }] }');
  it.each([
    { desc: 'without ports (with_externalname_without_ports.yml)', ref: 'name: external-svc, port: 80', expected: 'http://external.domain:80', warned: false },
    { desc: 'with https (with_externalname_with_https.yml)', ref: 'name: external-svc-with-https, port: 443', expected: 'https://external.domain:443', warned: false },
    { desc: 'by port name', ref: 'name: external-svc-with-https, port: https', expected: 'https://external.domain:443', warned: false },
    { desc: 'an IPv6 externalName is bracketed (with_ipv6.yml)', ref: 'name: external-svc-with-ipv6, port: 8080', expected: 'http://[2001:db8:85a3:8d3:1319:8a2e:370:7347]:8080', warned: false },
    { desc: 'a port number the Service does not list is used anyway, with a warning', ref: 'name: external-svc-with-https, port: 8443', expected: 'http://external.domain:8443', warned: true },
  ])('$desc', ({ ref, expected, warned }) => {
    const r = build(route(ref) + EXTERNAL, { allowExternalNameServices: true });
    expect(urls(r)).toEqual([expected]);
    expect(lbOf(r)).toMatchObject({ servers: [{ source: 'externalname' }] });
    expect(codes(r).includes('PROVIDER_EXTERNAL_NAME_PORT')).toBe(warned);
    if (warned) expect(at(r, 'PROVIDER_EXTERNAL_NAME_PORT')).toBe('8443');
  });

  it('a port name the ExternalName Service does not list is an error', () => {
    const r = build(route('name: external-svc-with-https, port: http') + EXTERNAL, { allowExternalNameServices: true });
    expect(lbOf(r)).toBeUndefined();
    expect(codes(r)).toContain('PROVIDER_SERVICE_PORT');
  });

  it('"HTTP Externalname services disallowed": the route is skipped, the error is at the name', () => {
    const r = build(route('name: external-svc-with-https, port: 443') + EXTERNAL);
    expect(lbOf(r)).toBeUndefined();
    expect(at(r, 'PROVIDER_EXTERNAL_NAME')).toBe('external-svc-with-https');
  });

  it('healthCheck is only allowed on ExternalName Services (with_one_external_svc_and_regular_svc_health_check.yml)', () => {
    const ok = build(route('name: external-svc-with-https, port: 443, healthCheck: { path: /health, interval: 5s }') + EXTERNAL, { allowExternalNameServices: true });
    expect(lbOf(ok)).toMatchObject({ healthCheck: { path: '/health', interval: '5s' } });
    const refused = build(route('name: whoami3, port: 8443, healthCheck: { path: /health }') + WHOAMI3);
    expect(lbOf(refused)).toBeUndefined();
    expect(at(refused, 'PROVIDER_HEALTHCHECK_NOT_EXTERNAL')).toBe('healthCheck');
    expect(refused.diagnostics.find((d) => d.code === 'PROVIDER_HEALTHCHECK_NOT_EXTERNAL')!.message).toContain('default/whoami3 is ClusterIP');
  });
});

describe('native Service load balancing (nativeLB, nativeLBByDefault)', () => {
  const NATIVE = service('native-svc', '{ type: ClusterIP, clusterIP: 10.10.0.1, ports: [{ name: web, port: 80, targetPort: 8080 }] }') +
    slice('native-svc', '[{ name: web, port: 8080 }]', '[{ addresses: [10.10.0.20, 10.10.0.21] }]');
  it.each([
    { desc: '"HTTP with native Service LB in ingressroute"', ref: 'name: native-svc, port: 80, nativeLB: true', byDefault: false, expected: ['http://10.10.0.1:80'] },
    { desc: '"HTTP with global native Service LB"', ref: 'name: native-svc, port: 80', byDefault: true, expected: ['http://10.10.0.1:80'] },
    { desc: '"global native Service LB but service reference has nativeLB disabled"', ref: 'name: native-svc, port: 80, nativeLB: false', byDefault: true, expected: ['http://10.10.0.20:8080', 'http://10.10.0.21:8080'] },
    { desc: 'neither: the endpoints', ref: 'name: native-svc, port: 80', byDefault: false, expected: ['http://10.10.0.20:8080', 'http://10.10.0.21:8080'] },
  ])('$desc', ({ ref, byDefault, expected }) => {
    expect(urls(build(route(ref) + NATIVE, { nativeLBByDefault: byDefault }))).toEqual(expected);
  });

  it('an IPv6 clusterIP is bracketed (net.JoinHostPort)', () => {
    expect(urls(build(route('name: v6, port: 80, nativeLB: true') + service('v6', '{ clusterIP: "fd00::10", ports: [{ name: web, port: 80 }] }')))).toEqual(['http://[fd00::10]:80']);
  });

  it('a Service written without clusterIP (the API server assigns one) is reached by its DNS name', () => {
    expect(urls(build(route('name: plain, port: 80, nativeLB: true') + service('plain', '{ ports: [{ name: web, port: 80 }] }')))).toEqual(['http://plain.default.svc:80']);
  });

  it('"no clusterIP on headless service": a headless Service with nativeLB cannot be built, the route is skipped', () => {
    const r = build(route('name: headless, port: 80, nativeLB: true') + service('headless', '{ clusterIP: None, ports: [{ name: web, port: 80 }] }'));
    expect(lbOf(r)).toBeUndefined();
    expect(at(r, 'PROVIDER_NO_ENDPOINTS')).toBe('true');
    expect(r.config.routers[NAME]!.disabled?.code).toBe('PROVIDER_ROUTE_SKIPPED');
  });
});

describe('Services that are not in the workspace', () => {
  it.each([
    { desc: 'a port number', ref: 'name: api, port: 8080', expected: 'http://api.default.svc:8080' },
    { desc: 'port 443', ref: 'name: api, port: 443', expected: 'https://api.default.svc:443' },
    { desc: 'a port name starting with https', ref: 'name: api, port: https-alt', expected: 'https://api.default.svc' },
    { desc: 'a port name', ref: 'name: api, port: web', expected: 'http://api.default.svc' },
  ])('assumed to exist: $desc', ({ ref, expected }) => {
    const r = build(route(ref));
    expect(urls(r)).toEqual([expected]);
    expect(at(r, 'PROVIDER_SERVICE_ASSUMED')).toBe('api');
    expect(r.diagnostics.find((d) => d.code === 'PROVIDER_SERVICE_ASSUMED')!.message).toContain(`Kubernetes Service default/api is not in the workspace; assuming it exists with port ${ref.slice(ref.indexOf('port: ') + 6)}.`);
  });

  it('strictServices: "kubernetes service not found", the route is skipped', () => {
    const r = build(route('name: api, port: 8080'), {}, { strictServices: true });
    expect(lbOf(r)).toBeUndefined();
    expect(at(r, 'PROVIDER_SERVICE_NOT_FOUND')).toBe('api');
    expect(codes(r)).not.toContain('PROVIDER_SERVICE_ASSUMED');
  });
});

describe('load balancer options in the file-provider shape', () => {
  const shapeOf = (ref: string) => {
    const services = (toFileProviderShape(build(route(ref) + WHOAMI3).config) as { http: { services: Record<string, unknown> } }).http.services;
    return services['default-test-route-6f97418635c7e18853da'];
  };
  const servers = [{ url: 'http://10.10.0.7:8443' }, { url: 'http://10.10.0.8:8443' }];
  it.each([
    { desc: 'defaults: passHostHeader true, flushInterval 100ms, wrr left out', ref: 'name: whoami3, port: 8443', lb: { servers, passHostHeader: true, responseForwarding: { flushInterval: '100ms' } } },
    { desc: 'passHostHeader false, a flushInterval, the leasttime strategy', ref: 'name: whoami3, port: 8443, passHostHeader: false, responseForwarding: { flushInterval: 1s }, strategy: leasttime', lb: { servers, passHostHeader: false, responseForwarding: { flushInterval: '1s' }, strategy: 'leasttime' } },
    {
      desc: 'sticky cookie with every field (with_sticky.yml)',
      ref: 'name: whoami3, port: 8443, sticky: { cookie: { httpOnly: true, name: cookie, secure: true, sameSite: none, maxAge: 42, path: /foo, domain: foo.com } }',
      lb: { servers, passHostHeader: true, responseForwarding: { flushInterval: '100ms' }, sticky: { cookie: { name: 'cookie', path: '/foo', secure: true, httpOnly: true, sameSite: 'none', maxAge: 42, domain: 'foo.com' } } },
    },
    { desc: 'sticky cookie: Cookie.SetDefaults gives the path /', ref: 'name: whoami3, port: 8443, sticky: { cookie: { name: c, secure: false, maxAge: 0 } }', lb: { servers, passHostHeader: true, responseForwarding: { flushInterval: '100ms' }, sticky: { cookie: { name: 'c', path: '/', secure: false, maxAge: 0 } } } },
    { desc: 'sticky without cookie is no stickiness', ref: 'name: whoami3, port: 8443, sticky: {}', lb: { servers, passHostHeader: true, responseForwarding: { flushInterval: '100ms' } } },
  ])('$desc', ({ ref, lb }) => {
    expect(shapeOf(ref)).toEqual({ loadBalancer: lb });
  });
});

describe('load-balancer strategy (buildServersLB; loadServers before v3.4)', () => {
  // kubernetes_http.go:365-379 at HEAD (v3.6.0+: wrr, p2c, hrw, leasttime; "RoundRobin" logged as deprecated and left at
  // the default wrr; else "load-balancer strategy %s is not supported"); v3.4.0-v3.5.x: wrr, p2c only; v3.3.0
  // kubernetes_http.go:422-428 and v2.11.0 :344-350: only "" or "RoundRobin", else "load balancing strategy %s is not supported".
  const lbStrategy = (r: ReturnType<typeof build>) => {
    const lb = lbOf(r);
    return lb?.type === 'loadBalancer' ? lb.strategy : undefined;
  };
  const V2 = { target: 'v2.11' as const, version: '2.11.50' };
  /** The route with `kind: Rule`, which v2.11 requires. */
  const ruled = (ref: string) => route(ref).replace('    - match:', '    - kind: Rule\n      match:');
  it.each([
    { strategy: 'wrr', patch: {}, want: 'wrr' },
    { strategy: 'p2c', patch: {}, want: 'p2c' },
    { strategy: 'hrw', patch: {}, want: 'hrw' },
    { strategy: 'leasttime', patch: {}, want: 'leasttime' },
    { strategy: '""', patch: {}, want: 'wrr' },
    { strategy: 'hrw', patch: { version: '3.6.0' }, want: 'hrw' },
    { strategy: 'leasttime', patch: { version: '3.6.0' }, want: 'leasttime' },
    { strategy: 'p2c', patch: { version: '3.4.0' }, want: 'p2c' },
    { strategy: 'wrr', patch: { version: '3.5.9' }, want: 'wrr' },
    { strategy: 'RoundRobin', patch: { version: '3.3.9' }, want: 'wrr' },
    { strategy: '""', patch: { version: '3.3.9' }, want: 'wrr' },
    { strategy: 'RoundRobin', patch: V2, want: 'wrr' },
  ])('$strategy on $patch.version is accepted as $want', ({ strategy, patch, want }) => {
    const r = build(ruled(`name: whoami3, port: 8443, strategy: ${strategy}`) + WHOAMI3, {}, patch);
    expect(lbStrategy(r)).toBe(want);
    expect(codes(r)).not.toContain('PROVIDER_LB_STRATEGY');
    expect(codes(r)).not.toContain('PROVIDER_LB_STRATEGY_DEPRECATED');
  });

  it('RoundRobin from v3.4 on: wrr, with the deprecation warning at the value', () => {
    for (const version of ['3.4.0', '3.7.9']) {
      const r = build(route('name: whoami3, port: 8443, strategy: RoundRobin') + WHOAMI3, {}, { version });
      expect(lbStrategy(r)).toBe('wrr');
      expect(at(r, 'PROVIDER_LB_STRATEGY_DEPRECATED')).toBe('RoundRobin');
      expect(r.diagnostics.find((d) => d.code === 'PROVIDER_LB_STRATEGY_DEPRECATED')!.message).toBe('The RoundRobin strategy is deprecated: Traefik reads it as wrr and logs "RoundRobin strategy value is deprecated, please use wrr value instead". Write wrr.');
      expect(r.diagnostics.find((d) => d.code === 'PROVIDER_LB_STRATEGY_DEPRECATED')!.severity).toBe('warning');
    }
  });

  it.each([
    { strategy: 'random', patch: {}, message: 'Strategy "random" is not supported: Traefik refuses this load balancer ("load-balancer strategy random is not supported") and drops the route, TraefikService or Middleware that uses it. Use wrr, p2c, hrw, leasttime, or leave it empty for wrr.' },
    { strategy: 'WRR', patch: {}, message: 'Strategy "WRR" is not supported: Traefik refuses this load balancer ("load-balancer strategy WRR is not supported") and drops the route, TraefikService or Middleware that uses it. Use wrr, p2c, hrw, leasttime, or leave it empty for wrr.' },
    { strategy: 'hrw', patch: { version: '3.5.9' }, message: 'Strategy "hrw" is not supported: Traefik refuses this load balancer ("load-balancer strategy hrw is not supported") and drops the route, TraefikService or Middleware that uses it. Use wrr, p2c, or leave it empty for wrr.' },
    { strategy: 'leasttime', patch: { version: '3.4.0' }, message: 'Strategy "leasttime" is not supported: Traefik refuses this load balancer ("load-balancer strategy leasttime is not supported") and drops the route, TraefikService or Middleware that uses it. Use wrr, p2c, or leave it empty for wrr.' },
    { strategy: 'wrr', patch: { version: '3.3.9' }, message: 'Strategy "wrr" is not supported: Traefik refuses this load balancer ("load balancing strategy wrr is not supported") and drops the route, TraefikService or Middleware that uses it. Traefik v3.3.9 knows only RoundRobin (wrr and p2c came in v3.4, hrw and leasttime in v3.6): write RoundRobin or leave it empty.' },
    { strategy: 'p2c', patch: V2, message: 'Strategy "p2c" is not supported: Traefik refuses this load balancer ("load balancing strategy p2c is not supported") and drops the route, TraefikService or Middleware that uses it. Traefik v2.11.50 knows only RoundRobin (wrr and p2c came in v3.4, hrw and leasttime in v3.6): write RoundRobin or leave it empty.' },
  ])('$strategy on $patch.version is refused: the route is skipped', ({ strategy, patch, message }) => {
    const r = build(ruled(`name: whoami3, port: 8443, strategy: ${strategy}`) + WHOAMI3, {}, patch);
    expect(lbOf(r)).toBeUndefined();
    expect(r.config.routers[NAME]!.disabled?.code).toBe('PROVIDER_ROUTE_SKIPPED');
    expect(at(r, 'PROVIDER_LB_STRATEGY')).toBe(strategy);
    const d = r.diagnostics.find((x) => x.code === 'PROVIDER_LB_STRATEGY')!;
    expect([d.severity, d.message]).toEqual(['error', message]);
  });

  it('the strategy is checked before the port and the Service lookup (its error is the one Traefik logs)', () => {
    const r = build(route('name: nowhere, strategy: nope'));
    expect(codes(r)).toEqual(['PROVIDER_LB_STRATEGY']);
  });

  it('a refused strategy in a TraefikService child or an errors middleware drops that object', () => {
    const ts = build(WHOAMI3 + '---\napiVersion: traefik.io/v1alpha1\nkind: TraefikService\nmetadata: { name: w, namespace: default }\nspec:\n  weighted:\n    services: [{ name: whoami3, port: 8443, strategy: nope }]\n');
    expect(ts.config.services['default-w@kubernetescrd']).toBeUndefined();
    expect(at(ts, 'PROVIDER_LB_STRATEGY')).toBe('nope');
    const mw = build(WHOAMI3 + '---\napiVersion: traefik.io/v1alpha1\nkind: Middleware\nmetadata: { name: e, namespace: default }\nspec:\n  errors: { status: ["500"], query: /x, service: { name: whoami3, port: 8443, strategy: nope } }\n');
    expect(codes(mw)).toEqual(['PROVIDER_LB_STRATEGY', 'PROVIDER_MIDDLEWARE_DROPPED']);
  });

  it('the export shows the strategy Traefik holds: RoundRobin is the default wrr, left out', () => {
    const shape = (strategy: string) => (toFileProviderShape(build(route(`name: whoami3, port: 8443, strategy: ${strategy}`) + WHOAMI3).config) as { http: { services: Record<string, { loadBalancer: Record<string, unknown> }> } }).http.services['default-test-route-6f97418635c7e18853da']!.loadBalancer['strategy'];
    expect(shape('RoundRobin')).toBeUndefined();
    expect(shape('p2c')).toBe('p2c');
  });
});

describe('makeServersTransportKey', () => {
  const ST = `---
apiVersion: traefik.io/v1alpha1
kind: ServersTransport
metadata: { name: st, namespace: default }
spec: { serverName: x }
`;
  const lbField = (r: ReturnType<typeof build>) => {
    const lb = lbOf(r);
    return lb?.type === 'loadBalancer' ? [lb.serversTransport, lb.serversTransportAsWritten] : undefined;
  };
  it.each([
    { desc: 'a name of the namespace', ref: 'serversTransport: st', provider: {}, expected: ['default-st@kubernetescrd', undefined], code: undefined },
    { desc: 'name@kubernetescrd with allowCrossNamespace', ref: 'serversTransport: default-st@kubernetescrd', provider: { allowCrossNamespace: true }, expected: ['default-st@kubernetescrd', true], code: undefined },
    { desc: 'name@file', ref: 'serversTransport: tr@file', provider: {}, expected: ['tr@file', undefined], code: undefined },
    { desc: 'name@file from a namespace that is in crossProviderNamespaces', ref: 'serversTransport: tr@file', provider: { crossProviderNamespaces: ['default'] }, expected: ['tr@file', undefined], code: undefined },
    { desc: 'a missing name of a namespace the workspace holds: emitted, fails at runtime', ref: 'serversTransport: sx', provider: {}, expected: ['default-sx@kubernetescrd', undefined], code: 'PROVIDER_SERVICE_NOT_FOUND' },
  ])('$desc', ({ ref, provider, expected, code }) => {
    const r = build(route(`name: whoami3, port: 8443, ${ref}`) + WHOAMI3 + ST, provider);
    expect(lbField(r)).toEqual(expected);
    if (code) {
      expect(at(r, code)).toBe(ref.slice('serversTransport: '.length));
      expect(r.diagnostics.find((d) => d.code === code)!.message).toContain('Did you mean st?');
    } else expect(codes(r).filter((c) => c.startsWith('PROVIDER_') && c !== 'PROVIDER_SERVICE_ASSUMED')).toEqual([]);
  });

  it.each([
    { desc: 'name@kubernetescrd without allowCrossNamespace', ref: 'serversTransport: default-st@kubernetescrd', provider: {}, code: 'PROVIDER_CROSS_NAMESPACE' },
    { desc: 'name@file from a namespace not in crossProviderNamespaces', ref: 'serversTransport: tr@file', provider: { crossProviderNamespaces: ['other'] }, code: 'PROVIDER_CROSS_PROVIDER' },
  ])('refused, the service is dropped: $desc', ({ ref, provider, code }) => {
    const r = build(route(`name: whoami3, port: 8443, ${ref}`) + WHOAMI3 + ST, provider);
    expect(lbOf(r)).toBeUndefined();
    expect(at(r, code)).toBe(ref.slice('serversTransport: '.length));
    expect(r.config.routers[NAME]!.disabled?.code).toBe('PROVIDER_ROUTE_SKIPPED');
  });

  it('a name in a namespace the workspace does not hold is assumed outside', () => {
    const r = build(route('name: api, port: 80, namespace: shop, serversTransport: st') + ST, { allowCrossNamespace: true });
    expect(lbField(r)).toEqual(['shop-st@kubernetescrd', undefined]);
    expect(codes(r)).toEqual(['PROVIDER_SERVICE_ASSUMED', 'PROVIDER_REFERENCE_OUTSIDE']);
    expect(at(r, 'PROVIDER_REFERENCE_OUTSIDE')).toBe('st');
  });
});

describe('nameAndService: service kinds', () => {
  it('an unknown kind: "unsupported service kind", the route is skipped, the error at the kind', () => {
    const r = build(route('name: whoami3, port: 8443, kind: Deployment') + WHOAMI3);
    expect(at(r, 'PROVIDER_SERVICE_KIND')).toBe('Deployment');
    expect(r.config.routers[NAME]!.disabled?.code).toBe('PROVIDER_ROUTE_SKIPPED');
  });

  it('a TraefikService missing from a namespace the workspace holds: emitted, the router fails', () => {
    const r = build(route('name: canry, kind: TraefikService') + WHOAMI3 + `---
apiVersion: traefik.io/v1alpha1
kind: TraefikService
metadata: { name: canary, namespace: default }
spec: { weighted: { services: [{ name: whoami3, port: 8443 }] } }
`);
    const router = r.config.routers[NAME]!;
    expect(router.service).toBe('default-canry@kubernetescrd');
    expect(router.disabled).toEqual({ reason: 'the router fails to build: TraefikService default/canry does not exist', code: 'PROVIDER_SERVICE_NOT_FOUND' });
    expect(at(r, 'PROVIDER_SERVICE_NOT_FOUND')).toBe('canry');
    expect(r.diagnostics.find((d) => d.code === 'PROVIDER_SERVICE_NOT_FOUND')!.message).toContain('Did you mean canary?');
  });

  it('a TraefikService in a namespace the workspace does not hold is assumed outside', () => {
    const r = build(route('name: canary, kind: TraefikService, namespace: shop'), { allowCrossNamespace: true });
    expect(r.config.routers[NAME]!.service).toBe('shop-canary@kubernetescrd');
    expect(r.config.routers[NAME]!.disabled).toBeUndefined();
    expect(r.config.outside).toEqual(['shop-canary@kubernetescrd']);
    expect(at(r, 'PROVIDER_REFERENCE_OUTSIDE')).toBe('canary');
  });

  it.each([
    { desc: 'Service name@file: namespace-name-port, the provider part normalized too', ref: 'name: whoami@file, port: 80', service: 'default-test-route-6f97418635c7e18853da@kubernetescrd', lb: 'whoami-file-80' },
    { desc: 'TraefikService name@file: kept with its provider', ref: 'name: wrr.x@file, kind: TraefikService', service: 'wrr-x@file', lb: undefined },
  ])('fullServiceName: $desc', ({ ref, service: name, lb }) => {
    const r = build(route(ref));
    expect(r.config.routers[NAME]!.service).toBe(name);
    if (lb) expect(lbOf(r)).toMatchObject({ kubernetesService: { namespace: '', name: 'whoami@file', port: 80 } });
  });

  it('a name@provider reference from a namespace not in crossProviderNamespaces is refused', () => {
    const r = build(route('name: wrr@file, kind: TraefikService'), { crossProviderNamespaces: [] });
    expect(at(r, 'PROVIDER_CROSS_PROVIDER')).toBe('wrr@file');
    expect(r.config.routers[NAME]!.disabled?.code).toBe('PROVIDER_ROUTE_SKIPPED');
  });
});

describe('nodePortLB (loadServers over the Nodes)', () => {
  const NODE_PORT = (type: string) => service('np', `{ type: ${type}, clusterIP: 10.10.0.1, ports: [{ name: web, port: 80, nodePort: 32456 }] }`, 'apps') +
    slice('np', '[{ name: web, port: 8080 }]', '[{ addresses: [10.1.1.1] }]', 'apps');
  const NODE = '---\napiVersion: v1\nkind: Node\nmetadata: { name: n1 }\nstatus: { addresses: [{ type: InternalIP, address: 172.16.4.4 }, { type: InternalIP, address: "" }, { type: Hostname, address: n1 }] }\n';
  const nodeRoute = (extra = '') => route(`name: np, port: 80, nodePortLB: true${extra}`, 'apps');
  const npUrls = (r: ReturnType<typeof build>) => {
    const lb = r.config.services['apps-test-route-6f97418635c7e18853da@kubernetescrd'];
    return lb?.type === 'loadBalancer' ? lb.servers.map((s) => s.url) : undefined;
  };
  it('Nodes are cluster-scoped: found even when the provider watches other namespaces only', () => {
    expect(npUrls(build(nodeRoute() + NODE_PORT('NodePort') + NODE, { namespaces: ['apps'] }))).toEqual(['http://172.16.4.4:32456']);
  });
  it('nativeLB wins over nodePortLB; a Service that is not NodePort uses its endpoints', () => {
    expect(npUrls(build(nodeRoute(', nativeLB: true') + NODE_PORT('NodePort') + NODE))).toEqual(['http://10.10.0.1:80']);
    expect(npUrls(build(nodeRoute() + NODE_PORT('ClusterIP') + NODE))).toEqual(['http://10.1.1.1:8080']);
  });
  it('without Nodes in the workspace the servers are assumed, said at nodePortLB', () => {
    const r = build(nodeRoute() + NODE_PORT('NodePort'));
    expect(npUrls(r)).toEqual(['http://node-internal-ip:32456']);
    expect(at(r, 'PROVIDER_NODES_ASSUMED')).toBe('true');
    expect(r.diagnostics.find((d) => d.code === 'PROVIDER_NODES_ASSUMED')!.message).toContain('at nodePort 32456');
  });
});

describe('what each refusal says (messages and servers written out)', () => {
  const message = (r: ReturnType<typeof build>, code: string) => r.diagnostics.find((d) => d.code === code)?.message;
  const EXT = service('ext', '{ type: ExternalName, externalName: ext.example.com, ports: [{ name: http, port: 80 }, { name: https, port: 443 }] }');
  it.each([
    { desc: 'no port', text: route('name: app') + service('app', '{ ports: [{ name: web, port: 80 }] }'), provider: {}, patch: {}, code: 'PROVIDER_SERVICE_PORT', text2: 'Service default/app has no port: set port to a port number or port name of the Service.' },
    { desc: 'strict', text: route('name: api, port: 80'), provider: {}, patch: { strictServices: true }, code: 'PROVIDER_SERVICE_NOT_FOUND', text2: 'Kubernetes Service default/api is not in the workspace (strict mode): add it, or fix the name or namespace.' },
    { desc: 'healthCheck on a NodePort Service', text: route('name: np, port: 80, healthCheck: { path: / }') + service('np', '{ type: NodePort, ports: [{ name: web, port: 80 }] }'), provider: {}, patch: {}, code: 'PROVIDER_HEALTHCHECK_NOT_EXTERNAL', text2: 'healthCheck is only allowed for ExternalName Services; default/np is NodePort: remove healthCheck.' },
    { desc: 'ExternalName refused', text: route('name: ext, port: 80') + EXT, provider: {}, patch: {}, code: 'PROVIDER_EXTERNAL_NAME', text2: 'Service default/ext is of type ExternalName, which the provider refuses: enable allowExternalNameServices in the settings.' },
    { desc: 'ExternalName port not listed', text: route('name: ext, port: 8080') + EXT, provider: { allowExternalNameServices: true }, patch: {}, code: 'PROVIDER_EXTERNAL_NAME_PORT', text2: 'Port 8080 is not listed on ExternalName Service default/ext; Traefik uses it anyway.' },
    { desc: 'disableClusterScopeResources', text: route('name: np, port: 80, nodePortLB: true') + service('np', '{ type: NodePort, ports: [{ name: web, port: 80, nodePort: 30000 }] }'), provider: { disableClusterScopeResources: true }, patch: {}, code: 'PROVIDER_NODES_DISABLED', text2: 'nodePortLB load-balances over the cluster\'s Nodes, but disableClusterScopeResources turns the Node lookup off ("nodes lookup is disabled"): Traefik skips the route.' },
    { desc: 'Nodes without InternalIP', text: route('name: np, port: 80, nodePortLB: true') + service('np', '{ type: NodePort, ports: [{ name: web, port: 80, nodePort: 30000 }] }') + '---\napiVersion: v1\nkind: Node\nmetadata: { name: n0 }\n---\napiVersion: v1\nkind: Node\nmetadata: { name: n1 }\nstatus: { addresses: [{ type: ExternalIP, address: 1.2.3.4 }] }\n', provider: {}, patch: {}, code: 'PROVIDER_NO_ENDPOINTS', text2: 'nodePortLB: no Node of the workspace has an InternalIP address, so Traefik generates no servers and skips the route.' },
    { desc: 'Nodes assumed, no nodePort', text: route('name: np, port: 80, nodePortLB: true') + service('np', '{ type: NodePort, ports: [{ name: web, port: 80 }] }'), provider: {}, patch: {}, code: 'PROVIDER_NODES_ASSUMED', text2: 'nodePortLB: the servers are the InternalIP of every Node at nodePort ?; Nodes are not in the workspace.' },
    { desc: 'headless with nativeLB', text: route('name: h, port: 80, nativeLB: true') + service('h', '{ clusterIP: None, ports: [{ name: web, port: 80 }] }'), provider: {}, patch: {}, code: 'PROVIDER_NO_ENDPOINTS', text2: 'Service default/h is headless (clusterIP: None): nativeLB has no ClusterIP to send to ("no clusterIP on headless service"), so Traefik skips the route. Remove nativeLB to use the endpoints.' },
    { desc: 'no ready endpoints', text: route('name: app, port: 80') + service('app', '{ ports: [{ name: web, port: 80 }] }') + slice('app', '[{ name: web, port: 80 }]', '[{ addresses: [10.0.0.1], conditions: { serving: false } }]'), provider: {}, patch: {}, code: 'PROVIDER_NO_ENDPOINTS', text2: 'Service default/app has no ready endpoints in the workspace\'s EndpointSlices: Traefik skips the route (enable allowEmptyServices to answer 503 instead).' },
    { desc: 'a bad scheme', text: route('name: api, port: 80, scheme: ftp'), provider: {}, patch: {}, code: 'PROVIDER_SCHEME', text2: 'Invalid scheme "ftp": use http, https or h2c, or leave it empty to derive it from the port.' },
    { desc: 'cross-provider', text: route('name: api@file, kind: TraefikService'), provider: { crossProviderNamespaces: ['x'] }, patch: {}, code: 'PROVIDER_CROSS_PROVIDER', text2: 'Service api@file names another provider, but namespace default is not in the provider\'s crossProviderNamespaces: Traefik skips the route. Add default to crossProviderNamespaces, or reference an object of this provider.' },
    { desc: 'cross-namespace', text: route('name: api, port: 80, namespace: other'), provider: {}, patch: {}, code: 'PROVIDER_CROSS_NAMESPACE', text2: 'Service other/api is in another namespace than default: add namespace: default (the IngressRoute\'s), or enable allowCrossNamespace in the provider settings.' },
    { desc: 'TraefikService outside', text: route('name: ts, kind: TraefikService, namespace: shop'), provider: { allowCrossNamespace: true }, patch: {}, code: 'PROVIDER_REFERENCE_OUTSIDE', text2: 'TraefikService shop/ts is outside the workspace (no resource of namespace shop is in it): assumed to exist; its servers are unknown to the simulator. Add its file, or use Strict to make this an error.' },
    { desc: 'TraefikService missing, nothing close', text: route('name: zzz, kind: TraefikService') + service('app', '{}'), provider: {}, patch: {}, code: 'PROVIDER_SERVICE_NOT_FOUND', text2: 'TraefikService default/zzz is not defined in the workspace: Traefik emits the router and fails it ("the service does not exist"). Add it, or fix the name or namespace.' },
    { desc: 'unknown kind', text: route('name: api, kind: Pod'), provider: {}, patch: {}, code: 'PROVIDER_SERVICE_KIND', text2: 'Unknown service kind "Pod": use Service or TraefikService.' },
    { desc: 'serversTransport @kubernetescrd', text: route('name: api, port: 80, serversTransport: a-b@kubernetescrd'), provider: {}, patch: {}, code: 'PROVIDER_CROSS_NAMESPACE', text2: 'serversTransport "a-b@kubernetescrd" uses the @kubernetescrd form, which needs allowCrossNamespace.' },
    { desc: 'serversTransport cross-provider', text: route('name: api, port: 80, serversTransport: st@file'), provider: { crossProviderNamespaces: [] }, patch: {}, code: 'PROVIDER_CROSS_PROVIDER', text2: 'serversTransport st@file names another provider, but namespace default is not in the provider\'s crossProviderNamespaces: Traefik skips the route. Add default to crossProviderNamespaces, or reference an object of this provider.' },
    { desc: 'serversTransport outside', text: route('name: api, port: 80, namespace: shop, serversTransport: st'), provider: { allowCrossNamespace: true }, patch: {}, code: 'PROVIDER_REFERENCE_OUTSIDE', text2: 'ServersTransport shop/st is outside the workspace (no resource of namespace shop is in it): assumed to exist; its TLS and timeouts are unknown. Add its file, or use Strict to make this an error.' },
    { desc: 'serversTransport missing, nothing close', text: route('name: api, port: 80, serversTransport: zzz'), provider: {}, patch: {}, code: 'PROVIDER_SERVICE_NOT_FOUND', text2: 'ServersTransport default/zzz is not defined: the service fails at runtime.' },
  ])('$desc', ({ text, provider, patch, code, text2 }) => {
    expect(message(build(text, provider, patch), code)).toBe(text2);
  });

  it('a Service without spec, or with ports that are not mappings, lists what it has', () => {
    expect(message(build(route('name: app, port: 80') + '---\napiVersion: v1\nkind: Service\nmetadata: { name: app, namespace: default }\n'), 'PROVIDER_SERVICE_PORT')).toContain('(its ports: none)');
    expect(message(build(route('name: app, port: 81') + service('app', '{ ports: [80, { name: web }] }')), 'PROVIDER_SERVICE_PORT')).toContain('(its ports: (unnamed):?, web:?)');
    const ext = build(route('name: ext, port: 443') + service('ext', '{ type: ExternalName, externalName: e.com, ports: [8080, { port: 80 }, { port: 443 }] }'), { allowExternalNameServices: true });
    expect(urls(ext)).toEqual(['https://e.com:443']);
    expect(message(ext, 'PROVIDER_EXTERNAL_NAME_PORT')).toBeUndefined();
  });

  it('the servers say where they come from; strategy defaults to wrr (ServersLoadBalancer.SetDefaults)', () => {
    const servers = (r: ReturnType<typeof build>) => {
      const lb = lbOf(r);
      return lb?.type === 'loadBalancer' ? [lb.servers, lb.strategy] : undefined;
    };
    expect(servers(build(route('name: api, port: 8080')))).toEqual([[{ url: 'http://api.default.svc:8080', source: 'assumed' }], 'wrr']);
    expect(servers(build(route('name: app, port: 80') + service('app', '{ ports: [{ name: web, port: 80 }] }')))).toEqual([[{ url: 'http://app.default.svc:80', source: 'assumed' }], 'wrr']);
    expect(servers(build(route('name: app, port: 80, nativeLB: true') + service('app', '{ clusterIP: 10.0.0.9, ports: [{ name: web, port: 80 }] }')))).toEqual([[{ url: 'http://10.0.0.9:80', source: 'clusterip' }], 'wrr']);
  });

  it('an unnamed Service port matches a slice port named "" (svcPort.Name == *p.Name), not one without name; non-string addresses are skipped', () => {
    const svc = service('app', '{ ports: [{ port: 80 }] }');
    expect(urls(build(route('name: app, port: 80') + svc + slice('app', '[{ name: "", port: 8080 }]', '[{ addresses: [null, 10.0.0.1] }]')))).toEqual(['http://10.0.0.1:8080']);
    expect(urls(build(route('name: app, port: 80') + svc + slice('app', '[{ port: 8080 }]', '[{ addresses: [10.0.0.1] }]')))).toBeUndefined();
  });

  it('the load balancer holds no sticky or healthCheck key when none is written; a cookie without name has an empty one', () => {
    const lb = lbOf(build(route('name: whoami3, port: 8443') + WHOAMI3));
    expect(lb && Object.keys(lb).sort()).toEqual(['flushInterval', 'kubernetesService', 'name', 'origin', 'passHostHeader', 'scheme', 'servers', 'strategy', 'type']);
    const sticky = lbOf(build(route('name: whoami3, port: 8443, sticky: { cookie: { secure: true } }') + WHOAMI3));
    expect(sticky?.type === 'loadBalancer' ? sticky.sticky : undefined).toStrictEqual({ name: '', path: '/', secure: true });
  });

  it('a skipped route without port names its service ns-name', () => {
    for (const ref of ['name: app', 'name: app, port: null', 'name: app, port: ""']) {
      expect(build(route(ref) + service('app', '{ ports: [{ name: web, port: 80 }] }')).config.routers[NAME]!.service).toBe('default-app@kubernetescrd');
    }
  });
});

describe('the workspace as the provider sees it (BuildContext)', () => {
  it('two Services with one namespace and name: the first one written is used', () => {
    const r = build(route('name: app, port: 80') + service('app', '{ ports: [{ name: web, port: 80 }] }') + service('app', '{ ports: [{ name: web, port: 81 }] }'));
    expect(urls(r)).toEqual(['http://app.default.svc:80']);
    expect(codes(r)).not.toContain('PROVIDER_SERVICE_PORT');
  });
});
