// The NGINX provider's routers through the simulator: rewrite-target (cases of
// pkg/middlewares/ingressnginx/rewritetarget/rewrite_target_test.go), ssl-redirect, canary headers, basic auth.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../analyze.ts';
import { defaultSettings } from '../../provider/settings.ts';
import { compileRouting, routingExtrasOf } from '../../simulate/compile.ts';
import { simulate } from '../../simulate/simulate.ts';

const SERVICES = `apiVersion: networking.k8s.io/v1
kind: IngressClass
metadata: { name: nginx }
spec: { controller: k8s.io/ingress-nginx }
---
kind: Service
apiVersion: v1
metadata: { name: web, namespace: apps }
spec: { ports: [{ name: http, port: 80 }] }
---
kind: EndpointSlice
apiVersion: discovery.k8s.io/v1
metadata: { name: web-1, namespace: apps, labels: { kubernetes.io/service-name: web } }
addressType: IPv4
ports: [{ name: http, port: 8080 }]
endpoints: [{ addresses: [10.1.0.1], conditions: { ready: true } }]
`;

function nginxIngress(annotations: Record<string, string>, path: string, pathType = 'ImplementationSpecific', tls = false): string {
  return `---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: app
  namespace: apps
  annotations:
${Object.entries(annotations).map(([k, v]) => `    nginx.ingress.kubernetes.io/${k}: ${JSON.stringify(v)}`).join('\n')}
spec:
  ingressClassName: nginx
${tls ? '  tls: [{ hosts: [app.example.com], secretName: app-tls }]\n' : ''}  rules:
    - host: app.example.com
      http:
        paths:
          - path: ${JSON.stringify(path)}
            pathType: ${pathType}
            backend: { service: { name: web, port: { number: 80 } } }
`;
}

function route(yaml: string, url: string, headers: Record<string, string> = {}) {
  const settings = defaultSettings();
  const a = analyze([{ name: 'app.yaml', text: SERVICES + yaml }], settings);
  return simulate(compileRouting(a.config, settings, routingExtrasOf(a.resources)), { method: 'GET', url, headers, clientIP: '203.0.113.7' });
}

describe('NGINX routers in the simulator', () => {
  it.each([
    { desc: 'regex with capture group', path: '/something(/|$)(.*)', target: '/$2', url: '/something/orders/7?x=1', upstream: 'http://10.1.0.1:8080/orders/7?x=1' },
    { desc: 'regex with capture group, bare prefix', path: '/something(/|$)(.*)', target: '/$2', url: '/something', upstream: 'http://10.1.0.1:8080/' },
    { desc: 'two capture groups', path: '/downloads/([^/]+)/([^/]+)$', target: '/downloads/$1-$2', url: '/downloads/src/source.go', upstream: 'http://10.1.0.1:8080/downloads/src-source.go' },
    { desc: 'case-insensitive regex', path: '/API/(.*)', target: '/v2/$1', url: '/api/users', upstream: 'http://10.1.0.1:8080/v2/users' },
  ])('rewrite-target, $desc: $url → $upstream', ({ path, target, url, upstream }) => {
    const v = route(nginxIngress({ 'use-regex': 'true', 'rewrite-target': target }, path), `http://app.example.com${url}`);
    expect(v.type === 'forwarded' && v.upstream.url).toBe(upstream);
    expect(v.router).toBe('apps-app-rule-0-path-0@kubernetesingressnginx');
  });

  it('an Ingress with TLS redirects plain HTTP to HTTPS with 308 (forcePermanentRedirect)', () => {
    const v = route(nginxIngress({}, '/', 'Prefix', true), 'http://app.example.com/a?b=1');
    expect(v).toMatchObject({ type: 'responded', response: { status: 308, headers: { Location: 'https://app.example.com/a?b=1' } } });
  });

  it('a canary by header takes the request when the header says always', () => {
    const canary = `---
kind: Service
apiVersion: v1
metadata: { name: web-v2, namespace: apps }
spec: { ports: [{ name: http, port: 80 }] }
---
kind: EndpointSlice
apiVersion: discovery.k8s.io/v1
metadata: { name: web-v2-1, namespace: apps, labels: { kubernetes.io/service-name: web-v2 } }
addressType: IPv4
ports: [{ name: http, port: 8080 }]
endpoints: [{ addresses: [10.2.0.1], conditions: { ready: true } }]
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: app-canary
  namespace: apps
  annotations: { nginx.ingress.kubernetes.io/canary: "true", nginx.ingress.kubernetes.io/canary-by-header: X-Canary }
spec:
  ingressClassName: nginx
  rules:
    - host: app.example.com
      http: { paths: [{ path: /, pathType: Prefix, backend: { service: { name: web-v2, port: { number: 80 } } } }] }
`;
    const yaml = nginxIngress({}, '/', 'Prefix') + canary;
    const canaryHit = route(yaml, 'http://app.example.com/', { 'X-Canary': 'always' });
    expect(canaryHit.router).toBe('apps-app-rule-0-path-0-canary@kubernetesingressnginx');
    expect(canaryHit.type === 'forwarded' && canaryHit.upstream.url).toBe('http://10.2.0.1:8080/');
    const stable = route(yaml, 'http://app.example.com/');
    expect(stable.router).toBe('apps-app-rule-0-path-0@kubernetesingressnginx');
  });

  // Cases of pkg/middlewares/ingressnginx/approot/app_root_test.go.
  it.each([
    { desc: 'root path redirects to app root', root: '/login', url: 'http://app.example.com/', location: 'http://app.example.com/login' },
    { desc: 'query kept with $is_args$args', root: '/login$is_args$args', url: 'http://app.example.com/?foo=bar', location: 'http://app.example.com/login?foo=bar' },
    { desc: 'query dropped without $is_args$args', root: '/login', url: 'http://app.example.com/?foo=bar', location: 'http://app.example.com/login' },
  ])('app-root, $desc', ({ root, url, location }) => {
    const v = route(nginxIngress({ 'app-root': root }, '/', 'Prefix'), url);
    expect(v).toMatchObject({ type: 'responded', response: { status: 302, headers: { Location: location } } });
  });

  it('app-root: a non-root path passes through to the backend', () => {
    const v = route(nginxIngress({ 'app-root': '/login' }, '/', 'Prefix'), 'http://app.example.com/something');
    expect(v.type === 'forwarded' && v.upstream.url).toBe('http://10.1.0.1:8080/something');
  });

  // Cases of pkg/middlewares/ingressnginx/upstreamvhost/upstream_vhost_test.go, with the provider's vars.
  it.each([
    { vhost: 'backend.internal', host: 'backend.internal' },
    { vhost: '$service_name.$namespace.svc.cluster.local', host: 'web.apps.svc.cluster.local' },
    { vhost: '$host', host: 'app.example.com' },
    { vhost: '$unknown_var.example.com', host: '$unknown_var.example.com' },
  ])('upstream-vhost $vhost: the Host sent upstream is $host', ({ vhost, host }) => {
    const v = route(nginxIngress({ 'upstream-vhost': vhost }, '/', 'Prefix'), 'http://app.example.com/x');
    expect(v.type === 'forwarded' && v.upstream.host).toBe(host);
  });

  it('auth-tls-secret: an HTTPS request without a client certificate fails the handshake (RequireAndVerifyClientCert)', () => {
    const ca = `---\nkind: Secret\napiVersion: v1\nmetadata: { name: ca, namespace: apps }\nstringData: { ca.crt: "-----BEGIN CERTIFICATE-----" }\n`;
    const v = route(nginxIngress({ 'auth-tls-secret': 'apps/ca' }, '/', 'Prefix') + ca, 'https://app.example.com/');
    expect(v).toMatchObject({ type: 'no-response', cause: 'tls-handshake-failed' });
    const plain = route(nginxIngress({ 'auth-tls-secret': 'apps/ca' }, '/', 'Prefix') + ca, 'http://app.example.com/');
    expect(plain.type === 'forwarded' && plain.router).toBe('apps-app-rule-0-path-0@kubernetesingressnginx');
  });
});
