// Table tests written from pkg/provider/kubernetes/ingress-nginx/kubernetes_test.go (TestLoadIngresses: Forward
// Auth, Global Auth, Custom Headers, Proxy SSL, Proxy timeouts, Auth TLS, Custom HTTP Errors, Default backend
// annotation, Enable Access Log, ...) and its fixtures, rebuilt in short form; expected values are Traefik's.
import { describe, expect, it } from 'vitest';
import type { DynamicConfig, IngressNginxProviderSettings } from '../../types.ts';
import { fixtureService, runNginx } from './test-support.ts';


const BASE = `apiVersion: networking.k8s.io/v1
kind: IngressClass
metadata: { name: nginx }
spec: { controller: k8s.io/ingress-nginx }
${fixtureService('whoami', '10.10.10.1', ['10.10.0.1', '10.10.0.2'])}${fixtureService('whoami-b', '10.10.10.3', ['10.10.0.5', '10.10.0.6'])}---
kind: Secret
apiVersion: v1
metadata: { name: ca-secret, namespace: default }
stringData: { ca.crt: "-----BEGIN CERTIFICATE-----" }
---
kind: Secret
apiVersion: v1
metadata: { name: ingress-with-proxy-ssl, namespace: default }
stringData: { ca.crt: "-----BEGIN CERTIFICATE-----" }
---
kind: Secret
apiVersion: v1
metadata: { name: map-auth, namespace: default }
stringData: { user: "{SHA}W6ph5Mm5Pz8GgiULbPgzG37mj9g=", admin: "{SHA}0DPiKuNIrrVmD8IUCuw1hQxNqZc=" }
---
kind: ConfigMap
apiVersion: v1
metadata: { name: custom-headers-configmap, namespace: default }
data: { X-Custom-Header: some-value }
---
kind: ConfigMap
apiVersion: v1
metadata: { name: custom-headers-configmap, namespace: other-namespace }
data: { X-Custom-Header: some-value }
---
kind: ConfigMap
apiVersion: v1
metadata: { name: invalid-headers, namespace: default }
data: { X-Custom-Header: "bad\\u0007value" }
`;

function ingress(name: string, annotations: Record<string, string>, path = '/', pathType = 'Exact', extra = ''): string {
  const ann = `  annotations:\n${Object.entries(annotations).map(([k, v]) => `    nginx.ingress.kubernetes.io/${k}: ${JSON.stringify(v)}`).join('\n')}\n`;
  return `---\napiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: ${name}\n  namespace: default\n${ann}spec:\n  ingressClassName: nginx\n  rules:\n    - host: whoami.localhost\n      http:\n        paths:\n          - path: ${JSON.stringify(path)}\n            pathType: ${pathType}\n            backend: { service: { name: whoami, port: { number: 80 } } }\n${extra}`;
}

function run(yaml: string, options: Partial<IngressNginxProviderSettings> = {}) {
  return runNginx(BASE + yaml, options);
}

const Q = '@kubernetesingressnginx';
const strip = (n: string) => n.replace(/@kubernetesingressnginx$/, '');
const router = (c: DynamicConfig, name: string) => c.routers[`${name}${Q}`]!;
const mws = (c: DynamicConfig, name: string) => router(c, name).middlewares.map(strip);
const mw = (c: DynamicConfig, name: string) => c.middlewares[`${name}${Q}`]?.config;
const TIMEOUTS_60 = { dialTimeout: '60s', readTimeout: '60s', writeTimeout: '60s', idleConnTimeout: '60s' };

describe('kubernetesIngressNGINX annotations (TestLoadIngresses, second part)', () => {
  it('Forward Auth: a snippet middleware carrying the auth, before the retry, on both routers', () => {
    const { config } = run(ingress('ingress-with-forwardauth', { 'auth-url': 'http://whoami.default.svc/', 'auth-method': 'GET', 'auth-response-headers': 'X-Foo, X-Bar', 'auth-signin': 'https://auth.example.com/oauth2/start?rd=foo' }, '/forwardauth'));
    expect(mws(config, 'default-ingress-with-forwardauth-rule-0-path-0')).toEqual(['default-ingress-with-forwardauth-rule-0-path-0-snippet', 'default-ingress-with-forwardauth-rule-0-path-0-retry']);
    expect(mws(config, 'default-ingress-with-forwardauth-rule-0-path-0-tls')).toEqual(['default-ingress-with-forwardauth-rule-0-path-0-tls-snippet', 'default-ingress-with-forwardauth-rule-0-path-0-tls-retry']);
    expect(config.middlewares[`default-ingress-with-forwardauth-rule-0-path-0-snippet${Q}`]?.type).toBe('snippet');
    expect(mw(config, 'default-ingress-with-forwardauth-rule-0-path-0-snippet')).toEqual({ auth: { address: 'http://whoami.default.svc/', method: 'GET', authResponseHeaders: ['X-Foo', 'X-Bar'], authSigninURL: 'https://auth.example.com/oauth2/start?rd=foo' } });
    expect(config.ingressServersTransports?.[`default-ingress-with-forwardauth${Q}`]?.config).toEqual({ forwardingTimeouts: TIMEOUTS_60 });
    const service = config.services[`default-ingress-with-forwardauth-whoami-80${Q}`];
    expect(service?.type === 'loadBalancer' && service.serversTransport).toBe(`default-ingress-with-forwardauth${Q}`);
  });

  it('Global Auth: applied when no local auth-url, not when enable-global-auth is false, the local auth-url wins', () => {
    const global = { globalAuthURL: 'http://global-auth.default.svc/' };
    const applied = run(ingress('ingress-with-host', {}), global).config;
    expect(mw(applied, 'default-ingress-with-host-rule-0-path-0-snippet')).toEqual({ auth: { address: 'http://global-auth.default.svc/' } });
    const disabled = run(ingress('ingress-with-global-auth-disabled', { 'enable-global-auth': 'false' }), global).config;
    expect(mws(disabled, 'default-ingress-with-global-auth-disabled-rule-0-path-0')).toEqual(['default-ingress-with-global-auth-disabled-rule-0-path-0-retry']);
    const local = run(ingress('ingress-with-forwardauth', { 'auth-url': 'http://whoami.default.svc/' }), global).config;
    expect(mw(local, 'default-ingress-with-forwardauth-rule-0-path-0-snippet')).toEqual({ auth: { address: 'http://whoami.default.svc/' } });
    expect(mws(run(ingress('ingress-with-host', {})).config, 'default-ingress-with-host-rule-0-path-0')).toEqual(['default-ingress-with-host-rule-0-path-0-retry']);
  });

  it('Forward Auth with auth-snippet: skipped with allowSnippetAnnotations off, carried in the auth when on', () => {
    const ann = { 'auth-url': 'http://whoami.default.svc/', 'auth-snippet': 'proxy_set_header Foo-Header 42;' };
    expect(Object.keys(run(ingress('ingress-with-forwardauth-snippet', ann)).config.routers)).toEqual([]);
    const { config } = run(ingress('ingress-with-forwardauth-snippet', ann), { allowSnippetAnnotations: true });
    expect(mw(config, 'default-ingress-with-forwardauth-snippet-rule-0-path-0-snippet')).toEqual({ auth: { address: 'http://whoami.default.svc/', snippet: 'proxy_set_header Foo-Header 42;' } });
  });

  it('Custom Headers: the ConfigMap as customResponseHeaders when allowed; an invalid value or a cross-namespace map gives 503', () => {
    const allowed = { globalAllowedResponseHeaders: ['X-Custom-Header'] };
    const ok = run(ingress('ingress-with-custom-headers', { 'custom-headers': 'default/custom-headers-configmap' }), allowed).config;
    expect(mws(ok, 'default-ingress-with-custom-headers-rule-0-path-0')).toEqual(['default-ingress-with-custom-headers-rule-0-path-0-custom-headers', 'default-ingress-with-custom-headers-rule-0-path-0-retry']);
    expect(mw(ok, 'default-ingress-with-custom-headers-rule-0-path-0-custom-headers')).toEqual({ customResponseHeaders: { 'X-Custom-Header': 'some-value' } });
    for (const [ref, opts] of [['default/invalid-headers', allowed], ['other-namespace/custom-headers-configmap', allowed], ['default/custom-headers-configmap', {}]] as const) {
      const { config, diagnostics } = run(ingress('ingress-with-custom-headers', { 'custom-headers': ref }), opts);
      expect(router(config, 'default-ingress-with-custom-headers-rule-0-path-0')).toMatchObject({ service: `unavailable-service${Q}`, middlewares: [] });
      expect(router(config, 'default-ingress-with-custom-headers-rule-0-path-0-tls')).toMatchObject({ service: `unavailable-service${Q}`, middlewares: [] });
      expect(diagnostics.some((d) => d.code === 'INGRESS_ANNOTATION_INVALID')).toBe(true);
    }
    const cross = run(ingress('ingress-with-custom-headers', { 'custom-headers': 'other-namespace/custom-headers-configmap' }), { ...allowed, allowCrossNamespaceResources: true }).config;
    expect(mw(cross, 'default-ingress-with-custom-headers-rule-0-path-0-custom-headers')).toEqual({ customResponseHeaders: { 'X-Custom-Header': 'some-value' } });
  });

  it('Proxy SSL: HTTPS servers and a serversTransport with serverName, verification and the Secret’s CA', () => {
    const { config } = run(ingress('ingress-with-proxy-ssl', { 'backend-protocol': 'HTTPS', 'proxy-ssl-secret': 'default/ingress-with-proxy-ssl', 'proxy-ssl-verify': 'on', 'proxy-ssl-server-name': 'whoami.localhost', 'proxy-ssl-name': 'whoami.localhost' }));
    expect(config.ingressServersTransports?.[`default-ingress-with-proxy-ssl${Q}`]?.config).toEqual({ forwardingTimeouts: TIMEOUTS_60, serverName: 'whoami.localhost', insecureSkipVerify: false, rootCAsSecrets: ['default/ingress-with-proxy-ssl'] });
    const service = config.services[`default-ingress-with-proxy-ssl-whoami-80${Q}`];
    expect(service?.type === 'loadBalancer' && service.servers.map((s) => s.url)).toEqual(['https://10.10.0.1:80', 'https://10.10.0.2:80']);
    // Without proxy-ssl-verify: on, Traefik skips the verification of HTTPS backends.
    expect(run(ingress('x', { 'backend-protocol': 'HTTPS' })).config.ingressServersTransports?.[`default-x${Q}`]?.config['insecureSkipVerify']).toBe(true);
    const bad = run(ingress('x', { 'backend-protocol': 'HTTPS', 'proxy-ssl-secret': 'ingress-with-proxy-ssl' }));
    expect(Object.keys(bad.config.routers)).toEqual([]);
  });

  it('Proxy connect / read / send timeouts and proxy-http-version 1.1', () => {
    const t = (ann: Record<string, string>) => run(ingress('ingress-with-proxy-timeout', ann)).config.ingressServersTransports?.[`default-ingress-with-proxy-timeout${Q}`]?.config;
    expect(t({ 'proxy-connect-timeout': '30' })).toEqual({ forwardingTimeouts: { ...TIMEOUTS_60, dialTimeout: '30s' } });
    expect(t({ 'proxy-read-timeout': '30' })).toEqual({ forwardingTimeouts: { ...TIMEOUTS_60, readTimeout: '30s' } });
    expect(t({ 'proxy-send-timeout': '30' })).toEqual({ forwardingTimeouts: { ...TIMEOUTS_60, writeTimeout: '30s' } });
    expect(t({ 'proxy-http-version': '1.1' })).toEqual({ forwardingTimeouts: TIMEOUTS_60, disableHTTP2: true });
    expect(t({ 'proxy-http-version': '1.0' })).toEqual({ forwardingTimeouts: TIMEOUTS_60 });
    expect(run(ingress('ingress-with-proxy-timeout', {}), { proxyConnectTimeout: 5, upstreamKeepaliveTimeout: 10 }).config.ingressServersTransports?.[`default-ingress-with-proxy-timeout${Q}`]?.config).toEqual({ forwardingTimeouts: { ...TIMEOUTS_60, dialTimeout: '5s', idleConnTimeout: '10s' } });
  });

  it('Auth TLS secret and verify client: the -tls router uses a client-auth TLS option; a missing secret skips the Ingress', () => {
    const { config } = run(ingress('ingress-with-auth-tls-secret', { 'auth-tls-secret': 'default/ca-secret' }));
    const name = `default-ingress-with-auth-tls-secret-default-ca-secret${Q}`;
    expect(router(config, 'default-ingress-with-auth-tls-secret-rule-0-path-0-tls').tls).toEqual({ options: name, resolvedOptions: name });
    expect(router(config, 'default-ingress-with-auth-tls-secret-rule-0-path-0').tls).toBeNull();
    expect(config.tlsOptions[name]?.clientAuth).toEqual({ secretNames: ['default/ca-secret'], clientAuthType: 'RequireAndVerifyClientCert' });
    const optional = run(ingress('ingress-with-auth-tls-verify-client', { 'auth-tls-secret': 'default/ca-secret', 'auth-tls-verify-client': 'optional' })).config;
    expect(optional.tlsOptions[`default-ingress-with-auth-tls-verify-client-default-ca-secret${Q}`]?.clientAuth?.clientAuthType).toBe('VerifyClientCertIfGiven');
    const missing = run(ingress('ingress-with-auth-tls-secret-missing', { 'auth-tls-secret': 'default/missing' }));
    expect(Object.keys(missing.config.routers)).toEqual([]);
    expect(missing.diagnostics.find((d) => d.code === 'INGRESS_ANNOTATION_INVALID')?.severity).toBe('error');
  });

  it('Auth TLS pass certificate to upstream: on the -tls router only; the CA is forwarded with optional_no_ca', () => {
    const { config } = run(ingress('p', { 'auth-tls-secret': 'default/ca-secret', 'auth-tls-pass-certificate-to-upstream': 'true' }));
    expect(mws(config, 'default-p-rule-0-path-0')).toEqual(['default-p-rule-0-path-0-retry']);
    expect(mws(config, 'default-p-rule-0-path-0-tls')).toEqual(['default-p-rule-0-path-0-tls-pass-certificate-to-upstream', 'default-p-rule-0-path-0-tls-retry']);
    expect(mw(config, 'default-p-rule-0-path-0-tls-pass-certificate-to-upstream')).toEqual({ clientAuthType: 'RequireAndVerifyClientCert' });
    const noCA = run(ingress('p', { 'auth-tls-secret': 'default/ca-secret', 'auth-tls-pass-certificate-to-upstream': 'true', 'auth-tls-verify-client': 'optional_no_ca' })).config;
    expect(mw(noCA, 'default-p-rule-0-path-0-tls-pass-certificate-to-upstream')).toEqual({ clientAuthType: 'RequestClientCert', caFiles: ['-----BEGIN CERTIFICATE-----'] });
  });

  it('Custom HTTP Errors and Default backend annotation: an errors middleware per router with its own error service', () => {
    const { config } = run(ingress('ingress-with-custom-http-errors-and-default-backend', { 'default-backend': 'whoami-b', 'custom-http-errors': '404,415' }));
    const key = 'default-ingress-with-custom-http-errors-and-default-backend-rule-0-path-0';
    expect(mws(config, key)).toEqual([`${key}-custom-http-errors`, `${key}-retry`]);
    expect(mw(config, `${key}-tls-custom-http-errors`)).toEqual({
      status: ['404', '415'], service: `default-backend-${key}-tls${Q}`,
      nginxHeaders: { 'X-Namespaces': ['default'], 'X-Ingress-Name': ['ingress-with-custom-http-errors-and-default-backend'], 'X-Service-Name': ['whoami'], 'X-Service-Port': ['80'] },
    });
    for (const k of [key, `${key}-tls`]) {
      const s = config.services[`default-backend-${k}${Q}`];
      expect(s?.type === 'loadBalancer' && s.servers.map((x) => x.url)).toEqual(['http://10.10.0.5:8000', 'http://10.10.0.6:8000']);
    }
  });

  it('Custom HTTP Errors: the provider default backend when set; nothing without a default backend', () => {
    const withProvider = run(ingress('ingress-with-custom-http-errors', { 'custom-http-errors': '404,415' }), { defaultBackendService: 'default/whoami-b' }).config;
    expect(mw(withProvider, 'default-ingress-with-custom-http-errors-rule-0-path-0-custom-http-errors')?.['service']).toBe(`default-backend${Q}`);
    expect(router(withProvider, 'default-backend')).toMatchObject({ rule: 'PathPrefix("/")', priority: -2147483648, service: `default-backend${Q}`, middlewares: [], entryPoints: ['http'] });
    const db = withProvider.services[`default-backend${Q}`];
    expect(db?.type === 'loadBalancer' && db.servers.map((x) => x.url)).toEqual(['http://10.10.0.5:8000', 'http://10.10.0.6:8000']);
    const without = run(ingress('ingress-with-custom-http-errors', { 'custom-http-errors': '404,415' })).config;
    expect(mws(without, 'default-ingress-with-custom-http-errors-rule-0-path-0')).toEqual(['default-ingress-with-custom-http-errors-rule-0-path-0-retry']);
  });

  it('Default backend annotation: a backend without endpoints falls back to the annotation’s Service', () => {
    const empty = `---\nkind: Service\napiVersion: v1\nmetadata: { name: empty, namespace: default }\nspec:\n  ports: [{ name: web, port: 80 }]\n---\nkind: EndpointSlice\napiVersion: discovery.k8s.io/v1\nmetadata: { name: empty, namespace: default, labels: { kubernetes.io/service-name: empty } }\nports: [{ name: web, port: 80 }]\nendpoints: []\n`;
    const yaml = ingress('ingress-with-default-backend-annotation', { 'default-backend': 'whoami-b' }).replace('name: whoami, port', 'name: empty, port') + empty;
    const s = run(yaml).config.services[`default-ingress-with-default-backend-annotation-empty-80${Q}`];
    expect(s?.type === 'loadBalancer' && s.servers.map((x) => x.url)).toEqual(['http://10.10.0.5:8000', 'http://10.10.0.6:8000']);
  });

  it('Enable Access Log: the routers’ access logs follow the annotation', () => {
    const { config } = run(ingress('ingress-with-access-log', { 'enable-access-log': 'false' }));
    expect(router(config, 'default-ingress-with-access-log-rule-0-path-0').observability).toEqual({ accessLogs: false });
    expect(router(config, 'default-ingress-with-access-log-rule-0-path-0-tls').observability).toEqual({ accessLogs: false });
  });

  it('digest auth and auth-map secrets: a digestAuth middleware; users from the map keys', () => {
    const { config } = run(ingress('d', { 'auth-type': 'digest', 'auth-secret': 'map-auth', 'auth-secret-type': 'auth-map', 'auth-realm': 'r' }));
    expect(mws(config, 'default-d-rule-0-path-0')).toEqual(['default-d-rule-0-path-0-digest-auth', 'default-d-rule-0-path-0-retry']);
    expect(mw(config, 'default-d-rule-0-path-0-digest-auth')).toEqual({ users: ['admin:{SHA}0DPiKuNIrrVmD8IUCuw1hQxNqZc=', 'user:{SHA}W6ph5Mm5Pz8GgiULbPgzG37mj9g='], realm: 'r' });
  });

  it('server-alias: the first Ingress in Traefik’s order (creation time, then namespace/name descending) owns it', () => {
    const two = (tA: string, tB: string) => [['a', tA], ['b', tB]].map(([n, t]) => ingress(n!, { 'server-alias': 'alias.localhost' }).replace(`name: ${n}\n`, `name: ${n}\n  creationTimestamp: "${t}"\n`).replace('host: whoami.localhost', `host: ${n}.localhost`)).join('');
    const rule = (c: DynamicConfig, n: string) => router(c, `default-${n}-rule-0-path-0`).rule;
    const older = run(two('2024-01-01T00:00:00Z', '2025-01-01T00:00:00Z')).config;
    expect(rule(older, 'a')).toBe('(Host("a.localhost") || Host("alias.localhost")) && Path("/")');
    expect(rule(older, 'b')).toBe('Host("b.localhost") && Path("/")');
    const newer = run(two('2025-01-01T00:00:00Z', '2024-01-01T00:00:00Z')).config;
    expect(rule(newer, 'a')).toBe('Host("a.localhost") && Path("/")');
    expect(rule(newer, 'b')).toBe('(Host("b.localhost") || Host("alias.localhost")) && Path("/")');
    // Same (or no) timestamp: namespace/name descending, so b comes first.
    const tie = run(two('2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z')).config;
    expect(rule(tie, 'b')).toBe('(Host("b.localhost") || Host("alias.localhost")) && Path("/")');
  });

  it('strictValidatePathType false keeps an Ingress with regex characters in a Prefix path', () => {
    const yaml = ingress('ingress-with-invalid-path-strict-validate', {}, '/api/(.*)', 'Prefix');
    expect(Object.keys(run(yaml).config.routers)).toEqual([]);
    expect(Object.keys(run(yaml, { strictValidatePathType: false }).config.routers)).toHaveLength(2);
  });
});
