// Table tests written from pkg/provider/kubernetes/ingress-nginx/kubernetes_test.go (TestLoadIngresses) and
// its fixtures (services.yml, ingressclasses.yml, ingresses/*.yml), rebuilt here in short form.
import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../provider/settings.ts';
import type { DynamicConfig, IngressNginxProviderSettings } from '../../types.ts';
import { fixtureResources } from '../test-support.ts';
import { buildNginxConfig } from './index.ts';
import { fixtureService, runNginx } from './test-support.ts';

const BASE = `apiVersion: networking.k8s.io/v1
kind: IngressClass
metadata:
  name: nginx
spec:
  controller: k8s.io/ingress-nginx
${fixtureService('whoami', '10.10.10.1', ['10.10.0.1', '10.10.0.2'])}---
kind: Service
apiVersion: v1
metadata: { name: canary, namespace: default }
spec:
  ports: [{ name: web, port: 80 }]
---
kind: EndpointSlice
apiVersion: discovery.k8s.io/v1
metadata: { name: canary, namespace: default, labels: { kubernetes.io/service-name: canary } }
addressType: IPv4
ports: [{ name: web, port: 80 }]
endpoints: [{ addresses: [10.10.0.7, 10.10.0.8], conditions: { ready: true } }]
---
kind: Secret
apiVersion: v1
metadata: { name: basic-auth, namespace: default }
type: Opaque
data:
  auth: dXNlcjp7U0hBfVc2cGg1TW01UHo4R2dpVUxiUGd6RzM3bWo5Zz0=
---
kind: Secret
apiVersion: v1
metadata: { name: whoami-tls, namespace: default }
data: { tls.crt: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t, tls.key: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t }
`;

function ingress(name: string, host: string, path: string, pathType: string, annotations: Record<string, string> = {}, extra = '', service = 'whoami'): string {
  const ann = Object.keys(annotations).length ? `  annotations:\n${Object.entries(annotations).map(([k, v]) => `    nginx.ingress.kubernetes.io/${k}: ${JSON.stringify(v)}`).join('\n')}\n` : '';
  return `---\napiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: ${name}\n  namespace: default\n${ann}spec:\n  ingressClassName: nginx\n  rules:\n    - host: ${host}\n      http:\n        paths:\n          - path: ${JSON.stringify(path)}\n            pathType: ${pathType}\n            backend:\n              service:\n                name: ${service}\n                port:\n                  number: 80\n${extra}`;
}

function run(yaml: string, options: Partial<IngressNginxProviderSettings> = {}) {
  return runNginx(BASE + yaml, options);
}

const strip = (n: string) => n.replace(/@kubernetesingressnginx$/, '');
const routers = (c: DynamicConfig) => Object.fromEntries(Object.values(c.routers).map((r) => [strip(r.name), { rule: r.rule, service: strip(r.service), middlewares: r.middlewares.map(strip), entryPoints: r.entryPoints, tls: r.tls !== null }]));
const mw = (c: DynamicConfig, name: string) => c.middlewares[`${name}@kubernetesingressnginx`];
const RETRY = { attempts: 3, maxRequestBodyBytes: 1048576 };

describe('kubernetesIngressNGINX provider (TestLoadIngresses)', () => {
  it('Empty, no IngressClass: only the unavailable-service', () => {
    const { config } = buildNginxConfig(fixtureResources(BASE), defaultSettings());
    expect(Object.keys(config.routers)).toEqual([]);
  });

  it('Default Backend: the provider’s defaultBackendService gets the catch-all routers even with no Ingress', () => {
    const { config } = runNginx(BASE, { defaultBackendService: 'default/whoami' });
    expect(Object.fromEntries(Object.values(config.routers).map((r) => [r.name, { rule: r.rule, priority: r.priority, service: r.service, entryPoints: r.entryPoints }]))).toEqual({
      'default-backend@kubernetesingressnginx': { rule: 'PathPrefix("/")', priority: -2147483648, service: 'default-backend@kubernetesingressnginx', entryPoints: ['http'] },
      'default-backend-tls@kubernetesingressnginx': { rule: 'PathPrefix("/")', priority: -2147483648, service: 'default-backend@kubernetesingressnginx', entryPoints: ['https'] },
    });
    const svc = config.services['default-backend@kubernetesingressnginx'];
    // The Service's first port (web2, 8000), as Traefik's case expects.
    expect(svc?.type === 'loadBalancer' ? svc.servers.map((x) => x.url) : []).toEqual(['http://10.10.0.1:8000', 'http://10.10.0.2:8000']);
    // Without the option, a workspace without Ingresses gets nothing from this provider.
    expect(Object.keys(runNginx(BASE).config.services)).toEqual([]);
  });

  it('No annotation: plain and -tls routers, redirect-scheme on the plain one (TLS section), a retry per router', () => {
    const { config } = run(ingress('ingress-with-no-annotation', 'whoami.localhost', '/', 'Prefix', {}, '  tls:\n    - hosts: [whoami.localhost]\n      secretName: whoami-tls\n'));
    expect(routers(config)).toEqual({
      'default-ingress-with-no-annotation-rule-0-path-0': { rule: 'Host("whoami.localhost") && PathPrefix("/")', service: 'default-ingress-with-no-annotation-whoami-80', middlewares: ['default-ingress-with-no-annotation-rule-0-path-0-redirect-scheme', 'default-ingress-with-no-annotation-rule-0-path-0-retry'], entryPoints: ['http'], tls: false },
      'default-ingress-with-no-annotation-rule-0-path-0-tls': { rule: 'Host("whoami.localhost") && PathPrefix("/")', service: 'default-ingress-with-no-annotation-whoami-80', middlewares: ['default-ingress-with-no-annotation-rule-0-path-0-tls-retry'], entryPoints: ['https'], tls: true },
    });
    expect(mw(config, 'default-ingress-with-no-annotation-rule-0-path-0-redirect-scheme')).toMatchObject({ type: 'redirectScheme', config: { scheme: 'https', forcePermanentRedirect: true } });
    expect(mw(config, 'default-ingress-with-no-annotation-rule-0-path-0-retry')).toMatchObject({ type: 'retry', config: RETRY });
    expect(config.services['unavailable-service@kubernetesingressnginx']).toMatchObject({ type: 'loadBalancer', servers: [] });
    expect(config.services['default-ingress-with-no-annotation-whoami-80@kubernetesingressnginx']).toMatchObject({ servers: [{ url: 'http://10.10.0.1:80' }, { url: 'http://10.10.0.2:80' }], strategy: 'wrr', serversTransport: 'default-ingress-with-no-annotation@kubernetesingressnginx' });
    expect(config.certificates.map((c) => c.secret)).toEqual(['default/whoami-tls']);
  });

  it('Rewrite Target: PathRegexp on the host, rewrite-target with the path as regex; no middleware when the target is empty', () => {
    const { config } = run(
      ingress('ingress-with-rewrite-target', 'rewrite-target.localhost', '/something(/|$)(.*)', 'ImplementationSpecific', { 'use-regex': 'true', 'rewrite-target': '/$2' }) +
        ingress('ingress-with-rewrite-target-no-regex', 'rewrite-target-no-regex.localhost', '/something', 'Prefix', { 'rewrite-target': '' }),
    );
    const r = routers(config);
    expect(r['default-ingress-with-rewrite-target-rule-0-path-0']).toEqual({ rule: 'Host("rewrite-target.localhost") && PathRegexp("(?i)^/something(/|$)(.*)")', service: 'default-ingress-with-rewrite-target-whoami-80', middlewares: ['default-ingress-with-rewrite-target-rule-0-path-0-rewrite-target', 'default-ingress-with-rewrite-target-rule-0-path-0-retry'], entryPoints: ['http'], tls: false });
    expect(r['default-ingress-with-rewrite-target-rule-0-path-0-tls']?.middlewares).toEqual(['default-ingress-with-rewrite-target-rule-0-path-0-tls-rewrite-target', 'default-ingress-with-rewrite-target-rule-0-path-0-tls-retry']);
    expect(mw(config, 'default-ingress-with-rewrite-target-rule-0-path-0-rewrite-target')?.config).toEqual({ regex: '/something(/|$)(.*)', replacement: '/$2' });
    expect(r['default-ingress-with-rewrite-target-no-regex-rule-0-path-0']).toMatchObject({ rule: 'Host("rewrite-target-no-regex.localhost") && (Path("/something") || PathPrefix("/something/"))', middlewares: ['default-ingress-with-rewrite-target-no-regex-rule-0-path-0-retry'] });
  });

  it('Basic Auth: the users of the Secret’s auth file and the realm, on both routers', () => {
    const { config } = run(ingress('ingress-with-basicauth', 'whoami.localhost', '/basicauth', 'Exact', { 'auth-type': 'basic', 'auth-secret-type': 'auth-file', 'auth-secret': 'default/basic-auth', 'auth-realm': 'Authentication Required' }));
    expect(routers(config)['default-ingress-with-basicauth-rule-0-path-0']).toMatchObject({ rule: 'Host("whoami.localhost") && Path("/basicauth")', middlewares: ['default-ingress-with-basicauth-rule-0-path-0-basic-auth', 'default-ingress-with-basicauth-rule-0-path-0-retry'] });
    expect(mw(config, 'default-ingress-with-basicauth-rule-0-path-0-tls-basic-auth')?.config).toMatchObject({ users: ['user:{SHA}W6ph5Mm5Pz8GgiULbPgzG37mj9g='], realm: 'Authentication Required' });
  });

  it('Basic Auth with missing secret — ingress is skipped entirely', () => {
    const { config, diagnostics } = run(ingress('ingress-with-basicauth', 'whoami.localhost', '/basicauth', 'Exact', { 'auth-type': 'basic', 'auth-secret': 'default/missing' }));
    expect(Object.keys(config.routers)).toEqual([]);
    expect(diagnostics.some((d) => d.code === 'INGRESS_ANNOTATION_INVALID' && d.severity === 'error')).toBe(true);
  });

  it('CORS: a headers middleware with the annotations’ lists', () => {
    const { config } = run(ingress('ingress-with-cors', 'cors.localhost', '/', 'Exact', { 'enable-cors': 'true', 'cors-allow-credentials': 'true', 'cors-expose-headers': 'X-Forwarded-For, X-Forwarded-Host', 'cors-allow-headers': 'X-Foo', 'cors-allow-methods': 'PUT, GET, POST, OPTIONS', 'cors-allow-origin': '*', 'cors-max-age': '42' }));
    expect(routers(config)['default-ingress-with-cors-rule-0-path-0']).toMatchObject({ rule: 'Host("cors.localhost") && Path("/")', middlewares: ['default-ingress-with-cors-rule-0-path-0-cors', 'default-ingress-with-cors-rule-0-path-0-retry'] });
    expect(mw(config, 'default-ingress-with-cors-rule-0-path-0-cors')?.config).toEqual({
      accessControlAllowCredentials: true, accessControlAllowHeaders: ['X-Foo'], accessControlAllowMethods: ['PUT', 'GET', 'POST', 'OPTIONS'], accessControlAllowOriginList: ['*'], accessControlExposeHeaders: ['X-Forwarded-For', 'X-Forwarded-Host'], accessControlMaxAge: 42,
    });
  });

  it('Canary: a weighted service (100/0 without canary-weight) behind both routers', () => {
    const { config } = run(ingress('ingress-with-canary', 'production.localhost', '/', 'Prefix') + ingress('canary', 'production.localhost', '/', 'Prefix', { canary: 'true' }, '', 'canary'));
    expect(routers(config)).toMatchObject({
      'default-ingress-with-canary-rule-0-path-0': { rule: 'Host("production.localhost") && PathPrefix("/")', service: 'default-ingress-with-canary-whoami-80-wrr', middlewares: ['default-ingress-with-canary-rule-0-path-0-retry'] },
      'default-ingress-with-canary-rule-0-path-0-tls': { service: 'default-ingress-with-canary-whoami-80-wrr' },
    });
    expect(Object.keys(config.routers)).toHaveLength(2);
    expect(config.services['default-ingress-with-canary-whoami-80-wrr@kubernetesingressnginx']).toMatchObject({ type: 'weighted', services: [{ name: 'default-ingress-with-canary-whoami-80@kubernetesingressnginx', weight: 100 }, { name: 'default-ingress-with-canary-whoami-80-canary@kubernetesingressnginx', weight: 0 }] });
    expect(config.services['default-ingress-with-canary-whoami-80-canary@kubernetesingressnginx']).toMatchObject({ servers: [{ url: 'http://10.10.0.7:80' }, { url: 'http://10.10.0.8:80' }] });
  });

  it('Canary by header with a weight: canary and non-canary routers', () => {
    const { config } = run(ingress('ingress-with-canary', 'production.localhost', '/', 'Prefix') + ingress('canary', 'production.localhost', '/', 'Prefix', { canary: 'true', 'canary-by-header': 'X-Canary', 'canary-weight': '20' }, '', 'canary'));
    const r = routers(config);
    expect(r['default-ingress-with-canary-rule-0-path-0-canary']).toMatchObject({ rule: '(Host("production.localhost") && PathPrefix("/")) && (Header("X-Canary", "always"))', service: 'default-ingress-with-canary-whoami-80-canary' });
    expect(r['default-ingress-with-canary-rule-0-path-0-non-canary']).toMatchObject({ rule: '(Host("production.localhost") && PathPrefix("/")) && (Header("X-Canary", "never"))', service: 'default-ingress-with-canary-whoami-80' });
    expect(config.services['default-ingress-with-canary-whoami-80-wrr@kubernetesingressnginx']).toMatchObject({ services: [{ weight: 80 }, { weight: 20 }] });
  });

  it('Force SSL Redirect without Ingress TLS section; ssl-redirect false with TLS has none', () => {
    const forced = run(ingress('force', 'whoami.localhost', '/', 'Prefix', { 'force-ssl-redirect': 'true' })).config;
    expect(routers(forced)['default-force-rule-0-path-0']?.middlewares).toEqual(['default-force-rule-0-path-0-redirect-scheme', 'default-force-rule-0-path-0-retry']);
    const off = run(ingress('nossl', 'whoami.localhost', '/', 'Prefix', { 'ssl-redirect': 'false' }, '  tls:\n    - secretName: whoami-tls\n')).config;
    expect(routers(off)['default-nossl-rule-0-path-0']?.middlewares).toEqual(['default-nossl-rule-0-path-0-retry']);
  });

  it('AllowlistSourceRange with multiple IP/CIDR; whitelist-source-range as fallback', () => {
    const { config } = run(ingress('allow', 'whoami.localhost', '/', 'Prefix', { 'allowlist-source-range': '1.1.1.1, 2.2.2.0/24' }));
    expect(mw(config, 'default-allow-rule-0-path-0-allowed-source-range')?.config).toEqual({ sourceRange: ['1.1.1.1', '2.2.2.0/24'] });
  });

  it('Permanent Redirect Code - wrong code falls back to 301; temporal redirect wins', () => {
    const wrong = run(ingress('redir', 'whoami.localhost', '/', 'Prefix', { 'permanent-redirect': 'https://www.google.com', 'permanent-redirect-code': '200' })).config;
    expect(mw(wrong, 'default-redir-rule-0-path-0-redirect')?.config).toEqual({ regex: '.*', replacement: 'https://www.google.com', statusCode: 301 });
    const both = run(ingress('redir', 'whoami.localhost', '/', 'Prefix', { 'permanent-redirect': 'https://a.com', 'temporal-redirect': 'https://b.com' })).config;
    expect(mw(both, 'default-redir-rule-0-path-0-redirect')?.config).toEqual({ regex: '.*', replacement: 'https://b.com', statusCode: 302 });
  });

  it('proxy-next-upstream off disables the retry; tries 0 means one try per server', () => {
    expect(routers(run(ingress('r', 'whoami.localhost', '/', 'Prefix', { 'proxy-next-upstream': 'off' })).config)['default-r-rule-0-path-0']?.middlewares).toEqual([]);
    expect(mw(run(ingress('r', 'whoami.localhost', '/', 'Prefix', { 'proxy-next-upstream-tries': '0' })).config, 'default-r-rule-0-path-0-retry')?.config).toEqual({ attempts: 2, maxRequestBodyBytes: 1048576 });
  });

  it('Server snippet with allowSnippetAnnotations disabled: the Ingress is skipped, with an error on the annotation', () => {
    const yaml = ingress('snip', 'whoami.localhost', '/', 'Prefix', { 'server-snippet': 'return 200;' });
    const { config, diagnostics } = run(yaml);
    expect(Object.keys(config.routers)).toEqual([]);
    const d = diagnostics.find((x) => x.code === 'INGRESS_SNIPPET_UNSUPPORTED')!;
    expect(d.severity).toBe('error');
    expect(d.message).toContain('not supported');
  });

  it('an nginx annotation Traefik does not read gets a warning on its line, naming what to use instead', () => {
    const { diagnostics } = run(ingress('lb', 'whoami.localhost', '/', 'Prefix', { 'load-balance': 'ewma' }));
    const d = diagnostics.find((x) => x.code === 'INGRESS_ANNOTATION_IGNORED')!;
    expect(d.message).toContain('ignores nginx.ingress.kubernetes.io/load-balance');
    expect(d.message).toContain('round-robin');
  });

  it('Ingresses of another class, or without class, are left to the other provider unless watchIngressWithoutClass', () => {
    const classless = `---\napiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: { name: plain, namespace: default }\nspec:\n  rules:\n    - host: a.localhost\n      http: { paths: [{ path: /, pathType: Prefix, backend: { service: { name: whoami, port: { number: 80 } } } }] }\n`;
    expect(Object.keys(run(classless).config.routers)).toEqual([]);
    expect(Object.keys(run(classless, { watchIngressWithoutClass: true }).config.routers)).toEqual(['default-plain-rule-0-path-0@kubernetesingressnginx', 'default-plain-rule-0-path-0-tls@kubernetesingressnginx']);
  });

  it('an annotation Traefik parses but never applies (affinity-canary-behavior, modsecurity) gets a warning on its line saying why', () => {
    const { diagnostics } = run(ingress('ms', 'whoami.localhost', '/', 'Prefix', { 'affinity-canary-behavior': 'legacy', 'enable-modsecurity': 'true' }));
    const ignored = diagnostics.filter((x) => x.code === 'INGRESS_ANNOTATION_IGNORED').map((d) => d.message);
    expect(ignored).toHaveLength(2);
    expect(ignored[0]).toContain('nginx.ingress.kubernetes.io/affinity-canary-behavior has no effect in Traefik');
    expect(ignored[1]).toContain('ApplyMiddlewareFunc');
  });

  it('is off on Traefik v2.11 and before v3.5 (the provider was added in v3.5.0)', () => {
    const yaml = BASE + ingress('r', 'whoami.localhost', '/', 'Prefix');
    expect(Object.keys(buildNginxConfig(fixtureResources(yaml), { ...defaultSettings(), target: 'v2.11', version: '2.11.50' }).config.routers)).toEqual([]);
    expect(Object.keys(buildNginxConfig(fixtureResources(yaml), { ...defaultSettings(), version: '3.4.5' }).config.routers)).toEqual([]);
    expect(Object.keys(buildNginxConfig(fixtureResources(yaml), { ...defaultSettings(), version: '3.5.0' }).config.routers)).toHaveLength(2);
  });

  it('From To WWW Redirect - host: an extra router per router for www.host, redirecting with 308', () => {
    const { config } = run(ingress('ingress-with-host', 'host.localhost', '/', 'Prefix', { 'from-to-www-redirect': 'true' }));
    const r = routers(config);
    expect(r['default-ingress-with-host-rule-0-path-0-from-to-www-redirect']).toMatchObject({ rule: 'Host("www.host.localhost")', service: 'default-ingress-with-host-whoami-80', middlewares: ['default-ingress-with-host-rule-0-path-0-from-to-www-redirect'], tls: false });
    expect(r['default-ingress-with-host-rule-0-path-0-tls-from-to-www-redirect']).toMatchObject({ rule: 'Host("www.host.localhost")', middlewares: ['default-ingress-with-host-rule-0-path-0-tls-from-to-www-redirect'], tls: true });
    expect(mw(config, 'default-ingress-with-host-rule-0-path-0-from-to-www-redirect')?.config).toEqual({ regex: '(https?)://[^/:]+(:[0-9]+)?/(.*)', replacement: '$1://host.localhost$2/$3', statusCode: 308 });
  });
});
