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
});
