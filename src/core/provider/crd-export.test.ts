// Table tests of what the CRD provider emits beyond routers and services, written from
// pkg/provider/kubernetes/crd/kubernetes.go (the ServersTransport loop, buildTLSOptions, buildTLSStores) and
// modelled on kubernetes_test.go ("ServersTransport", "TLS with tls options", "TLS with bad tls options",
// "TLS with unknown tls options", "TLS with tls store"): fixtures rewritten, expected output written out,
// checked through the CLI's own `export --format dynamic-json`.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportCommand } from '../../cli/commands.ts';
import { settingsFrom } from '../../cli/io.ts';
import { analyze } from '../analyze.ts';

type Shape = { http: Record<string, Record<string, unknown>>; tls?: Record<string, Record<string, unknown>> };

let dir: string | undefined;
let n = 0;
/** As TestLoadIngressRoutes runs the provider: ExternalName Services allowed, entryPoints web/foo. */
const STATIC = 'entryPoints:\n  web: { address: ":80" }\n  foo: { address: ":8000" }\nproviders:\n  kubernetesCRD:\n    allowExternalNameServices: true\n';

function staticFile(extra = ''): string {
  dir ??= mkdtempSync(join(tmpdir(), 'crd-export-'));
  const path = join(dir, `traefik-${n++}.yml`);
  writeFileSync(path, STATIC + extra);
  return path;
}

/** `export - --format dynamic-json --static traefik.yml [--traefik VERSION]`, parsed; `crd` adds kubernetesCRD options. */
function exportDynamic(yaml: string, traefik?: string, crd = ''): Shape {
  let out = '';
  let err = '';
  const io = { stdout: (t: string) => void (out += t), stderr: (t: string) => void (err += t), readStdin: () => yaml };
  const code = exportCommand({ files: ['-'], format: 'dynamic-json', static: staticFile(crd), traefik }, io);
  if (code !== 0) throw new Error(`export failed (${code}): ${err}`);
  return JSON.parse(out) as Shape;
}

const transportsOf = (out: Shape) => out.http['serversTransports'] as Record<string, Record<string, unknown>> | undefined;
const codesOf = (yaml: string) => analyze([{ name: 'w.yaml', text: yaml }], settingsFrom({ static: staticFile() })).diagnostics.map((d) => d.code);

const b64 = (text: string) => btoa(text);
const secret = (name: string, ns: string, data: Record<string, string>) =>
  `---\napiVersion: v1\nkind: Secret\nmetadata: { name: ${name}, namespace: ${ns} }\ndata:\n${Object.entries(data).map(([k, v]) => `  ${k}: ${b64(v)}`).join('\n')}\n`;

/** whoami (web:80, two endpoints), whoamitls (websecure:443 → 8443), external-svc-with-https (ExternalName, 443). */
const SERVICES = `apiVersion: v1
kind: Service
metadata: { name: whoami, namespace: default }
spec: { ports: [{ name: web, port: 80 }] }
---
apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata: { name: whoami-a, namespace: default, labels: { kubernetes.io/service-name: whoami } }
addressType: IPv4
ports: [{ name: web, port: 80 }]
endpoints: [{ addresses: [10.10.0.1, 10.10.0.2], conditions: { ready: true } }]
---
apiVersion: v1
kind: Service
metadata: { name: whoamitls, namespace: default }
spec: { ports: [{ name: websecure, port: 443, targetPort: 8443 }] }
---
apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata: { name: whoamitls-a, namespace: default, labels: { kubernetes.io/service-name: whoamitls } }
addressType: IPv4
ports: [{ name: websecure, port: 8443 }]
endpoints: [{ addresses: [10.10.0.5, 10.10.0.6], conditions: { ready: true } }]
---
apiVersion: v1
kind: Service
metadata: { name: external-svc-with-https, namespace: default }
spec: { type: ExternalName, externalName: external.domain, ports: [{ name: https, port: 443 }] }
`;

const LB = (urls: string[], extra: Record<string, unknown> = {}) => ({ loadBalancer: { servers: urls.map((url) => ({ url })), passHostHeader: true, responseForwarding: { flushInterval: '100ms' }, ...extra } });
const WHOAMI = LB(['http://10.10.0.1:80', 'http://10.10.0.2:80']);

// with_servers_transport.yml, in our words: CAs from every Secret shape, a ConfigMap, mTLS certificates.
const TRANSPORTS = SERVICES +
  secret('root-ca0', 'foo', { foobar: 'CA-0' }) + // one key, neither tls.ca nor ca.crt: the backward-compatible fallback
  secret('root-ca1', 'foo', { 'tls.ca': 'CA-1' }) +
  secret('root-ca3', 'foo', { 'ca.crt': 'CA-3' }) +
  secret('root-ca4', 'foo', { 'ca.crt': 'CA-4-ignored', 'tls.ca': 'CA-4' }) + // tls.ca wins
  secret('root-ca5', 'foo', { 'ca.crt': 'CA-5' }) +
  secret('root-ca6', 'foo', { 'ca.crt': 'CA-6' }) +
  secret('mtls1', 'foo', { 'tls.crt': 'CERT-1', 'tls.key': 'KEY-1' }) +
  secret('allcerts', 'foo', { 'ca.crt': 'CA-ALL', 'tls.crt': 'CERT-ALL', 'tls.key': 'KEY-ALL' }) + `---
apiVersion: v1
kind: ConfigMap
metadata: { name: root-ca-cm, namespace: foo }
data: { ca.crt: CA-FROM-CONFIGMAP }
---
apiVersion: v1
kind: ConfigMap
metadata: { name: root-ca-cm-2, namespace: foo }
data: { ca.crt: CA-FROM-CONFIGMAP-2 }
---
apiVersion: traefik.io/v1alpha1
kind: ServersTransport
metadata: { name: test, namespace: foo }
spec:
  serverName: test
  insecureSkipVerify: true
  maxIdleConnsPerHost: 42
  disableHTTP2: true
  peerCertURI: foo://bar
  peerCertSANs: [{ type: DNSName, value: foo.com }, { type: URI, value: foo://bar }]
  rootCAsSecrets: [root-ca0, root-ca1, root-ca3, root-ca4, allcerts]
  rootCAs:
    - configMap: root-ca-cm
    - secret: root-ca5
    - { configMap: root-ca-cm-2, secret: root-ca6 }
  certificatesSecrets: [mtls1, allcerts]
  forwardingTimeouts: { dialTimeout: 42, responseHeaderTimeout: 42s, idleConnTimeout: 42ms, readIdleTimeout: 1m30s, pingTimeout: 42s }
  spiffe: { ids: [spiffe://foo/buz, spiffe://bar/biz], trustDomain: spiffe://lol }
  cipherSuites: [TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384]
  minVersion: VersionTLS11
  maxVersion: VersionTLS12
---
apiVersion: traefik.io/v1alpha1
kind: ServersTransport
metadata: { name: test, namespace: default }
spec: { serverName: test }
---
apiVersion: traefik.io/v1alpha1
kind: IngressRoute
metadata: { name: test.route, namespace: default }
spec:
  entryPoints: [foo]
  routes:
    - match: Host(\`foo.com\`)
      kind: Rule
      services:
        - { name: external-svc-with-https, port: 443, serversTransport: test }
        - { name: whoamitls, port: 443, serversTransport: default-test }
`;

/** Traefik's expected foo-test, for 3.7.9 (the default version): peerCertSANs is only mapped after it. */
const FOO_TEST = {
  serverName: 'test',
  insecureSkipVerify: true,
  rootCAs: ['CA-0', 'CA-1', 'CA-3', 'CA-4', 'CA-ALL', 'CA-FROM-CONFIGMAP', 'CA-5'],
  certificates: [{ certFile: 'CERT-1', keyFile: 'KEY-1' }, { certFile: 'CERT-ALL', keyFile: 'KEY-ALL' }],
  cipherSuites: ['TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256', 'TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384'],
  minVersion: 'VersionTLS11',
  maxVersion: 'VersionTLS12',
  maxIdleConnsPerHost: 42,
  forwardingTimeouts: { dialTimeout: '42s', responseHeaderTimeout: '42s', idleConnTimeout: '42ms', readIdleTimeout: '1m30s', pingTimeout: '42s' },
  disableHTTP2: true,
  peerCertURI: 'foo://bar',
  spiffe: { ids: ['spiffe://foo/buz', 'spiffe://bar/biz'], trustDomain: 'spiffe://lol' },
};
const DEFAULT_TIMEOUTS = { dialTimeout: '30s', idleConnTimeout: '1m30s', pingTimeout: '15s' };

describe('ServersTransport (kubernetes_test.go "ServersTransport")', () => {
  it('emits both transports as `ns-name` and resolves each service reference to `ns-<name as written>`', () => {
    const router = 'default-test-route-6f97418635c7e18853da';
    expect(exportDynamic(TRANSPORTS).http).toEqual({
      routers: { [router]: { entryPoints: ['foo'], rule: 'Host(`foo.com`)', service: router } },
      middlewares: {},
      services: {
        [router]: { weighted: { services: [{ name: 'default-external-svc-with-https-443', weight: 1 }, { name: 'default-whoamitls-443', weight: 1 }] } },
        'default-external-svc-with-https-443': LB(['https://external.domain:443'], { serversTransport: 'default-test' }),
        'default-whoamitls-443': LB(['https://10.10.0.5:8443', 'https://10.10.0.6:8443'], { serversTransport: 'default-default-test' }),
      },
      serversTransports: { 'foo-test': FOO_TEST, 'default-test': { serverName: 'test', forwardingTimeouts: DEFAULT_TIMEOUTS } },
    });
  });
  it('maps peerCertSANs from the version after 3.7.9, and no TLS versions or cipher suites before 3.7', () => {
    const sans = [{ type: 'DNSName', value: 'foo.com' }, { type: 'URI', value: 'foo://bar' }];
    expect(transportsOf(exportDynamic(TRANSPORTS, '3.8.0'))?.['foo-test']).toEqual({ ...FOO_TEST, peerCertSANs: sans });
    const { cipherSuites: _c, minVersion: _min, maxVersion: _max, ...before37 } = FOO_TEST;
    expect(transportsOf(exportDynamic(TRANSPORTS, '3.6.0'))?.['foo-test']).toEqual(before37);
  });
  it('says why a root CA is left out: a Secret missing from a namespace the workspace holds', () => {
    const yaml = TRANSPORTS.replace('rootCAsSecrets: [root-ca0,', 'rootCAsSecrets: [root-ca9, root-ca0,');
    expect(transportsOf(exportDynamic(yaml))?.['foo-test']?.['rootCAs']).toEqual(FOO_TEST.rootCAs);
    expect(codesOf(yaml)).toContain('PROVIDER_SECRET_SKIPPED');
  });
  it('a ConfigMap is judged like a Secret: assumed (info) where the workspace holds no ConfigMap of that namespace, else missing', () => {
    const only = (cm: string) => `---
apiVersion: traefik.io/v1alpha1
kind: ServersTransport
metadata: { name: cm, namespace: default }
spec: { rootCAs: [{ configMap: ${cm} }] }
`;
    expect(transportsOf(exportDynamic(only('elsewhere')))).toEqual({ 'default-cm': { forwardingTimeouts: DEFAULT_TIMEOUTS } });
    expect(codesOf(only('elsewhere'))).toContain('PROVIDER_SECRET_NOT_FOUND');
    const withOther = only('typo') + '---\napiVersion: v1\nkind: ConfigMap\nmetadata: { name: other, namespace: default }\ndata: { tls.ca: CA }\n';
    expect(codesOf(withOther)).toContain('PROVIDER_SECRET_SKIPPED');
    expect(transportsOf(exportDynamic(withOther.replace('configMap: typo', 'configMap: other')))).toEqual({ 'default-cm': { rootCAs: ['CA'], forwardingTimeouts: DEFAULT_TIMEOUTS } });
  });
  it('falls back as Traefik does on an unknown cipher suite, min ≥ max versions and an unreadable duration', () => {
    const yaml = `---
apiVersion: traefik.io/v1alpha1
kind: ServersTransport
metadata: { name: odd, namespace: default }
spec:
  cipherSuites: [TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, TLS_NOT_A_CIPHER]
  minVersion: VersionTLS13
  maxVersion: VersionTLS12
  forwardingTimeouts: { dialTimeout: soon, idleConnTimeout: 1h }
`;
    expect(exportDynamic(yaml).http['serversTransports']).toEqual({ 'default-odd': { minVersion: 'VersionTLS12', forwardingTimeouts: { dialTimeout: '30s', idleConnTimeout: '1h0m0s', pingTimeout: '15s' } } });
    expect(codesOf(yaml).filter((c) => c === 'PROVIDER_TRANSPORT_VALUE')).toHaveLength(3);
  });
});

const CA_PEM = '-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----';
const tlsRoute = (options: string) => `---
apiVersion: traefik.io/v1alpha1
kind: IngressRoute
metadata: { name: test.route, namespace: default }
spec:
  entryPoints: [web]
  routes:
    - { match: Host(\`foo.com\`) && PathPrefix(\`/bar\`), kind: Rule, priority: 12, services: [{ name: whoami, port: 80 }] }
  tls: ${options}
`;
const ROUTER = 'default-test-route-6b204d94623b3df4370c';
const routerWith = (tls: Record<string, unknown>) => ({ [ROUTER]: { entryPoints: ['web'], rule: 'Host(`foo.com`) && PathPrefix(`/bar`)', priority: 12, service: ROUTER, tls } });
const DEFAULT_CIPHERS = [
  'TLS_AES_128_GCM_SHA256', 'TLS_AES_256_GCM_SHA384', 'TLS_CHACHA20_POLY1305_SHA256',
  'TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA', 'TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA', 'TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA', 'TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA',
  'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256', 'TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384', 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256', 'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384',
  'TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256', 'TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256',
];

describe('TLS options as buildTLSOptions emits them', () => {
  const withOptions = (clientAuth: string, extra = '') => SERVICES + secret('secret-ca1', 'default', { 'tls.ca': CA_PEM }) + secret('secret-ca2', 'default', { 'ca.crt': CA_PEM }) + `---
apiVersion: traefik.io/v1alpha1
kind: TLSOption
metadata: { name: foo, namespace: default }
spec:
  minVersion: VersionTLS12
  sniStrict: true
  cipherSuites: [TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, TLS_RSA_WITH_AES_256_GCM_SHA384]
  clientAuth: { secretNames: [${clientAuth}], clientAuthType: VerifyClientCertIfGiven }
${extra}` + tlsRoute('{ options: { name: foo } }');
  const expected = (caFiles: string[], extra: Record<string, unknown> = {}) => ({
    'default-foo': {
      minVersion: 'VersionTLS12',
      cipherSuites: ['TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256', 'TLS_RSA_WITH_AES_256_GCM_SHA384'],
      clientAuth: { caFiles, clientAuthType: 'VerifyClientCertIfGiven' },
      sniStrict: true,
      alpnProtocols: ['h2', 'http/1.1', 'acme-tls/1'],
      ...extra,
    },
  });
  it('"TLS with tls options": client CAs read from tls.ca and ca.crt, default ALPN, disableSessionTickets', () => {
    const out = exportDynamic(withOptions('secret-ca1, secret-ca2', '  disableSessionTickets: true\n'));
    expect(out.tls).toEqual({ options: expected([CA_PEM, CA_PEM], { disableSessionTickets: true }) });
    expect(out.http['routers']).toEqual(routerWith({ options: 'default-foo' }));
    expect(out.http['services']).toEqual({ [ROUTER]: WHOAMI });
  });
  it('disableSessionTickets is only mapped from v3.4', () => {
    expect(exportDynamic(withOptions('secret-ca1', '  disableSessionTickets: true\n'), '3.3.7').tls).toEqual({ options: expected([CA_PEM]) });
  });
  it('"TLS with bad tls options": missing Secrets are left out of caFiles', () => {
    const yaml = withOptions('secret-ca1, secret-unknown, empty-secret');
    expect(exportDynamic(yaml).tls).toEqual({ options: expected([CA_PEM]) });
    expect(codesOf(yaml).filter((c) => c === 'PROVIDER_SECRET_SKIPPED')).toHaveLength(2);
  });
  it('"TLS with unknown tls options": an option with only minVersion gets the default ALPN protocols and cipher suites', () => {
    const yaml = SERVICES + `---
apiVersion: traefik.io/v1alpha1
kind: TLSOption
metadata: { name: foo, namespace: default }
spec: { minVersion: VersionTLS12 }
` + tlsRoute('{ options: { name: unknown } }');
    const out = exportDynamic(yaml);
    expect(out.tls).toEqual({ options: { 'default-foo': { minVersion: 'VersionTLS12', alpnProtocols: ['h2', 'http/1.1', 'acme-tls/1'], cipherSuites: DEFAULT_CIPHERS } } });
    expect(out.http['routers']).toEqual(routerWith({ options: 'default-unknown' }));
  });
  it('preferServerCipherSuites is in the CRD but never mapped', () => {
    const yaml = `---
apiVersion: traefik.io/v1alpha1
kind: TLSOption
metadata: { name: legacy, namespace: default }
spec: { preferServerCipherSuites: true, alpnProtocols: [http/1.1], curvePreferences: [CurveP521] }
`;
    expect(exportDynamic(yaml).tls).toEqual({ options: { 'default-legacy': { alpnProtocols: ['http/1.1'], curvePreferences: ['CurveP521'], cipherSuites: DEFAULT_CIPHERS } } });
  });
});

describe('TLS stores as buildTLSStores emits them', () => {
  const KEY_PEM = '-----BEGIN PRIVATE KEY-----\n-----END PRIVATE KEY-----';
  const store = (ns: string, body: string) => `---\napiVersion: traefik.io/v1alpha1\nkind: TLSStore\nmetadata: { name: default, namespace: ${ns} }\nspec: ${body}\n`;
  it('"TLS with tls store": the default store carries its default certificate; the router has an empty tls', () => {
    const yaml = SERVICES + store('default', '{ defaultCertificate: { secretName: supersecret } }') + secret('supersecret', 'default', { 'tls.crt': CA_PEM, 'tls.key': KEY_PEM }) + tlsRoute('{ store: { name: default } }');
    const out = exportDynamic(yaml);
    expect(out.tls).toEqual({ stores: { default: { defaultCertificate: { certFile: CA_PEM, keyFile: KEY_PEM } } } });
    expect(out.http['routers']).toEqual(routerWith({}));
  });
  it('"TLS with tls store containing certificates" and "TLS": tls.certificates, store certificates first, sorted by ns/secret', () => {
    const yaml = SERVICES + store('default', '{ certificates: [{ secretName: store-cert }] }') + secret('store-cert', 'default', { 'tls.crt': 'STORE-CRT', 'tls.key': 'STORE-KEY' }) +
      secret('route-cert', 'default', { 'tls.crt': 'ROUTE-CRT', 'tls.key': 'ROUTE-KEY' }) + secret('no-key', 'default', { 'tls.crt': 'X' }) + tlsRoute('{ secretName: route-cert }') +
      route('other.route', 'default', '  entryPoints: [web]\n  routes: [{ match: Host(`b.com`), kind: Rule, services: [{ name: whoami, port: 80 }] }]\n  tls: { secretName: no-key }\n');
    expect(exportDynamic(yaml).tls).toEqual({
      certificates: [{ certFile: 'ROUTE-CRT', keyFile: 'ROUTE-KEY' }, { certFile: 'STORE-CRT', keyFile: 'STORE-KEY', stores: ['default'] }],
      stores: { default: {} },
    });
  });
  it('drops a store whose default certificate Secret does not exist, and every `default` store when two namespaces define one', () => {
    const missing = store('default', '{ defaultCertificate: { secretName: nothere } }') + secret('other', 'default', { 'tls.crt': CA_PEM, 'tls.key': KEY_PEM });
    expect(exportDynamic(missing).tls).toBeUndefined();
    const two = store('default', '{ defaultGeneratedCert: { resolver: le } }') + store('other', '{}');
    expect(exportDynamic(two).tls).toBeUndefined();
    expect(exportDynamic(store('default', '{ defaultGeneratedCert: { resolver: le, domain: { main: example.com } } }')).tls).toEqual({ stores: { default: { defaultGeneratedCert: { resolver: 'le', domain: { main: 'example.com' } } } } });
  });
});

// parent_refs_*.yml of kubernetes_test.go, in our words: parents without services, children under them.
const endpoints = (svc: string, ns: string, ips: string) => `---
apiVersion: v1
kind: Service
metadata: { name: ${svc}, namespace: ${ns} }
spec: { ports: [{ name: web, port: 9000 }] }
---
apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata: { name: ${svc}-a, namespace: ${ns}, labels: { kubernetes.io/service-name: ${svc} } }
addressType: IPv4
ports: [{ name: web, port: 9000 }]
endpoints: [{ addresses: [${ips}], conditions: { ready: true } }]
`;
const route = (name: string, ns: string, spec: string) => `---\napiVersion: traefik.io/v1alpha1\nkind: IngressRoute\nmetadata: { name: ${name}, namespace: ${ns} }\nspec:\n${spec}`;
const parent = (name: string, ns: string, ...matches: string[]) => route(name, ns, `  entryPoints: [web]\n  routes:\n${matches.map((m) => `    - { match: ${m}, kind: Rule }\n`).join('')}`);
const child = (name: string, ns: string, parents: string, match: string, svc: string, extra = '') =>
  route(name, ns, `${extra}  parentRefs: ${parents}\n  routes:\n    - { match: ${match}, kind: Rule, services: [{ name: ${svc}, port: 9000 }] }\n`);
const lb9000 = (a: string, b: string) => LB([`http://${a}:9000`, `http://${b}:9000`]);

describe('parentRefs (kubernetes_test.go "IngressRoute with … parent …")', () => {
  it('"single parent (multiple routes)": the child lists every router of its parent', () => {
    const yaml = endpoints('users-service', 'default', '10.10.5.1, 10.10.5.2') +
      parent('parent-multi', 'default', 'Host(`api.example.com`) && PathPrefix(`/v1`)', 'Host(`api.example.com`) && PathPrefix(`/v2`)') +
      child('child-multi-routes', 'default', '[{ name: parent-multi, namespace: default }]', 'Path(`/users`)', 'users-service');
    expect(exportDynamic(yaml).http).toEqual({
      routers: {
        'default-parent-multi-4aac0d541c2b669a2d5d': { entryPoints: ['web'], rule: 'Host(`api.example.com`) && PathPrefix(`/v1`)' },
        'default-parent-multi-0af1ca0a94f5b87a125e': { entryPoints: ['web'], rule: 'Host(`api.example.com`) && PathPrefix(`/v2`)' },
        'default-child-multi-routes-b0479051e6a353d66211': { rule: 'Path(`/users`)', service: 'default-child-multi-routes-b0479051e6a353d66211', parentRefs: ['default-parent-multi-4aac0d541c2b669a2d5d', 'default-parent-multi-0af1ca0a94f5b87a125e'] },
      },
      services: { 'default-child-multi-routes-b0479051e6a353d66211': lb9000('10.10.5.1', '10.10.5.2') },
      middlewares: {},
    });
  });
  it('"multiple parents": one parentRef per parent IngressRoute, in order', () => {
    const yaml = endpoints('shared-service', 'default', '10.10.8.1, 10.10.8.2') + parent('parent-a', 'default', 'Host(`a.example.com`)') + parent('parent-b', 'default', 'Host(`b.example.com`)') +
      child('child-multi-parents', 'default', '[{ name: parent-a, namespace: default }, { name: parent-b, namespace: default }]', 'Path(`/shared`)', 'shared-service');
    expect(exportDynamic(yaml).http['routers']).toEqual({
      'default-parent-a-629990b524bf9a1a8d27': { entryPoints: ['web'], rule: 'Host(`a.example.com`)' },
      'default-parent-b-add617f9b95cff009054': { entryPoints: ['web'], rule: 'Host(`b.example.com`)' },
      'default-child-multi-parents-8013b5025acddd1761d1': { rule: 'Path(`/shared`)', service: 'default-child-multi-parents-8013b5025acddd1761d1', parentRefs: ['default-parent-a-629990b524bf9a1a8d27', 'default-parent-b-add617f9b95cff009054'] },
    });
  });
  it('"cross-namespace parent allowed": allowCrossNamespace lets a child in ns-b attach to ns-a', () => {
    const yaml = endpoints('cross-service', 'ns-b', '10.10.11.1, 10.10.11.2') + parent('parent-cross', 'ns-a', 'Host(`cross.example.com`)') +
      child('child-cross-allowed', 'ns-b', '[{ name: parent-cross, namespace: ns-a }]', 'Path(`/cross`)', 'cross-service');
    expect(exportDynamic(yaml, undefined, '    allowCrossNamespace: true\n').http).toEqual({
      routers: {
        'ns-a-parent-cross-74575ab54671a3ede28c': { entryPoints: ['web'], rule: 'Host(`cross.example.com`)' },
        'ns-b-child-cross-allowed-0bad04de665623bf2362': { rule: 'Path(`/cross`)', service: 'ns-b-child-cross-allowed-0bad04de665623bf2362', parentRefs: ['ns-a-parent-cross-74575ab54671a3ede28c'] },
      },
      services: { 'ns-b-child-cross-allowed-0bad04de665623bf2362': lb9000('10.10.11.1', '10.10.11.2') },
      middlewares: {},
    });
  });
  const sameNs = (extra = '') => endpoints('same-service', 'default', '10.10.14.1, 10.10.14.2') + parent('parent-default', 'default', 'Host(`default.example.com`)') +
    child('child-same', 'default', '[{ name: parent-default }]', 'Path(`/same`)', 'same-service', extra);
  it('"parent namespace defaulting to child namespace"', () => {
    expect(exportDynamic(sameNs()).http['routers']).toEqual({
      'default-parent-default-9b8ab283eeed3eb66561': { entryPoints: ['web'], rule: 'Host(`default.example.com`)' },
      'default-child-same-9234eba1edcfbd8a7723': { rule: 'Path(`/same`)', service: 'default-child-same-9234eba1edcfbd8a7723', parentRefs: ['default-parent-default-9b8ab283eeed3eb66561'] },
    });
  });
  it('a child with entryPoints written on it: the provider emits them (kubernetes_http.go copies spec.entryPoints onto every router)', () => {
    const routers = exportDynamic(sameNs('  entryPoints: [foo]\n')).http['routers'];
    expect(routers?.['default-child-same-9234eba1edcfbd8a7723']).toEqual({ entryPoints: ['foo'], rule: 'Path(`/same`)', service: 'default-child-same-9234eba1edcfbd8a7723', parentRefs: ['default-parent-default-9b8ab283eeed3eb66561'] });
  });
});

describe('watched namespaces (TestCrossNamespace watches default and cross-ns only)', () => {
  it('objects outside the provider namespaces do not exist for it: their ServersTransport is not emitted', () => {
    const yaml = SERVICES + `---
apiVersion: traefik.io/v1alpha1
kind: ServersTransport
metadata: { name: test, namespace: foo }
spec: { serverName: test }
---
apiVersion: traefik.io/v1alpha1
kind: ServersTransport
metadata: { name: mine, namespace: default }
spec: { serverName: mine }
`;
    const out = exportDynamic(yaml, undefined, '    namespaces: [default, cross-ns]\n');
    expect(transportsOf(out)).toEqual({ 'default-mine': { serverName: 'mine', forwardingTimeouts: DEFAULT_TIMEOUTS } });
  });
});

describe('rateLimit with Redis (kubernetes_test.go "Simple Ingress Route with middleware ratelimit")', () => {
  const KEY_PEM = '-----BEGIN PRIVATE KEY-----\n-----END PRIVATE KEY-----';
  const mw = (redisSecret: string) => `---
apiVersion: traefik.io/v1alpha1
kind: Middleware
metadata: { name: ratelimit, namespace: default }
spec:
  rateLimit:
    average: 6
    redis: { secret: ${redisSecret}, endpoints: ["127.0.0.1:6379"], tls: { certSecret: tlssecret, caSecret: casecret }, poolSize: 42 }
` + secret('redissecret', 'default', { username: 'user', password: 'password' }) + secret('casecret', 'default', { ca: CA_PEM }) + secret('tlssecret', 'default', { 'tls.crt': CA_PEM, 'tls.key': KEY_PEM });
  it('reads the credentials (username, password) and the TLS Secrets (ca from a one-key Secret, cert and key) into redis', () => {
    expect(exportDynamic(mw('redissecret')).http['middlewares']).toEqual({
      'default-ratelimit': { rateLimit: { average: 6, redis: { endpoints: ['127.0.0.1:6379'], poolSize: 42, username: 'user', password: 'password', tls: { ca: CA_PEM, cert: CA_PEM, key: KEY_PEM } } } },
    });
  });
  it('drops the Middleware when the credentials Secret does not exist in a namespace the workspace holds', () => {
    expect(exportDynamic(mw('nothere')).http['middlewares']).toEqual({});
  });
});

describe('nodePortLB over the workspace Nodes (TestNodePortLB "HTTP with node port LB")', () => {
  const yaml = (addresses: string) => `apiVersion: v1
kind: Node
metadata: { name: traefik-node }
status: { addresses: [${addresses}] }
---
apiVersion: v1
kind: Service
metadata: { name: node-port, namespace: default }
spec: { type: NodePort, ports: [{ name: web, port: 80, nodePort: 32456 }] }
` + route('test.route', 'default', '  entryPoints: [foo]\n  routes: [{ match: Host(`foo.com`), kind: Rule, services: [{ name: node-port, port: 80, nodePortLB: true }] }]\n');
  const NAME = 'default-test-route-6f97418635c7e18853da';
  it('one server per InternalIP of each Node, at the nodePort (IPv6 in brackets)', () => {
    expect(exportDynamic(yaml('{ type: InternalIP, address: 172.16.4.4 }, { type: ExternalIP, address: 1.2.3.4 }, { type: InternalIP, address: "fd00::1" }')).http['services'])
      .toEqual({ [NAME]: LB(['http://172.16.4.4:32456', 'http://[fd00::1]:32456']) });
  });
  it('Nodes without an InternalIP generate no servers: the route is skipped', () => {
    expect(exportDynamic(yaml('{ type: Hostname, address: node-1 }')).http).toEqual({ routers: {}, services: {}, middlewares: {} });
  });
});
