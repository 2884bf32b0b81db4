// An Ingress and an IngressRoute in one workspace: one dynamic configuration, ranked as Traefik's muxer
// ranks routers from every provider (priority, then the rule's length; pkg/muxer/http/mux.go).
import { describe, expect, it } from 'vitest';
import { analyze } from '../analyze.ts';
import { buildGraph } from '../graph/index.ts';
import { defaultSettings } from '../provider/settings.ts';
import { compileRouting, routingExtrasOf } from '../simulate/compile.ts';
import { simulate } from '../simulate/simulate.ts';
import type { Settings } from '../types.ts';

const YAML = `apiVersion: traefik.io/v1alpha1
kind: IngressRoute
metadata:
  name: shop
  namespace: apps
spec:
  entryPoints: [web]
  routes:
    - match: Host(\`shop.example.com\`) && PathPrefix(\`/api\`)
      services:
        - name: api
          port: 80
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: shop
  namespace: apps
  annotations:
    traefik.ingress.kubernetes.io/router.entrypoints: web
spec:
  rules:
    - host: shop.example.com
      http:
        paths:
          - path: /api/v2
            pathType: Prefix
            backend:
              service:
                name: api-v2
                port:
                  number: 8080
          - path: /
            pathType: Prefix
            backend:
              service:
                name: web
                port:
                  name: http
`;

function run(text: string, settings: Settings = defaultSettings()) {
  const a = analyze([{ name: 'shop.yaml', text }], settings);
  const routing = compileRouting(a.config, settings, routingExtrasOf(a.resources));
  const route = (url: string) => simulate(routing, { method: 'GET', url, headers: {}, clientIP: '203.0.113.7' });
  return { a, route };
}

describe('Ingress and IngressRoute routers in one configuration', () => {
  const { a, route } = run(YAML);

  it('reads the Ingress (no unknown-kind diagnostic) and names its routers and services as Traefik does', () => {
    expect(a.diagnostics.filter((d) => d.code === 'MODEL_UNKNOWN_KIND')).toEqual([]);
    const names = Object.keys(a.config.routers).filter((n) => n.endsWith('@kubernetes')).sort();
    expect(names).toEqual(['apps-shop-shop-example-com-api-v2@kubernetes', 'apps-shop-shop-example-com@kubernetes']);
    expect(a.config.routers['apps-shop-shop-example-com-api-v2@kubernetes']).toMatchObject({
      rule: 'Host("shop.example.com") && PathPrefix("/api/v2")',
      service: 'apps-api-v2-8080@kubernetes',
      entryPoints: ['web'],
    });
    expect(Object.keys(a.config.services)).toContain('apps-web-http@kubernetes');
  });

  it('the longest rule wins across providers: Ingress /api/v2 (49 bytes) over IngressRoute /api (46 bytes)', () => {
    // Host("shop.example.com") && PathPrefix("/api/v2") is 49 bytes; Host(`shop.example.com`) && PathPrefix(`/api`) is 46.
    expect(route('http://shop.example.com/api/v2/items')).toMatchObject({ router: 'apps-shop-shop-example-com-api-v2@kubernetes' });
    expect(route('http://shop.example.com/api/orders').router).toMatch(/^apps-shop-[0-9a-f]{20}@kubernetescrd$/);
    // Host("shop.example.com") && PathPrefix("/") is 43 bytes: the IngressRoute (46) ranks first for /api.
    expect(route('http://shop.example.com/index.html')).toMatchObject({ router: 'apps-shop-shop-example-com@kubernetes' });
  });

  it('an explicit priority annotation outranks the longer IngressRoute rule', () => {
    const prioritised = YAML.replace('    traefik.ingress.kubernetes.io/router.entrypoints: web\n', '    traefik.ingress.kubernetes.io/router.entrypoints: web\n    traefik.ingress.kubernetes.io/router.priority: "100"\n');
    expect(run(prioritised).route('http://shop.example.com/api/orders')).toMatchObject({ router: 'apps-shop-shop-example-com@kubernetes' });
  });

  it('a disabled kubernetesIngress provider leaves the Ingress out', () => {
    const off = { ...defaultSettings(), providers: { kubernetesIngress: { enabled: false } } };
    expect(Object.keys(run(YAML, off).a.config.routers).filter((n) => n.endsWith('@kubernetes'))).toEqual([]);
  });

  it('a middleware annotation naming a missing CRD Middleware fails the router', () => {
    const withMw = YAML.replace('router.entrypoints: web\n', 'router.entrypoints: web\n    traefik.ingress.kubernetes.io/router.middlewares: apps-strip@kubernetescrd\n');
    const { a: b } = run(withMw);
    expect(b.diagnostics.filter((d) => d.code === 'INGRESS_MIDDLEWARE_NOT_FOUND')).toHaveLength(2);
    expect(b.config.routers['apps-shop-shop-example-com@kubernetes']?.disabled?.reason).toContain('apps-strip@kubernetescrd');
  });

  it('the graph marks Ingress routers with their provider and names them as Traefik does', () => {
    const graph = buildGraph(a.config, a.resources, a.diagnostics);
    const node = graph.nodes.find((n) => n.id === 'router:apps-shop-shop-example-com-api-v2@kubernetes')!;
    expect(node).toMatchObject({ provider: 'kubernetes', label: 'apps-shop-shop-example-com-api-v2', groupLabel: 'Ingress apps/shop' });
    const crd = graph.nodes.find((n) => n.kind === 'router' && n.id.endsWith('@kubernetescrd'))!;
    expect(crd.provider).toBeUndefined();
    expect(graph.nodes.some((n) => n.id === 'service:apps-api-v2-8080@kubernetes' && !n.external)).toBe(true);
  });

  it('an Ingress no enabled provider takes gets an info saying why', () => {
    const other = YAML.replace('  annotations:\n    traefik.ingress.kubernetes.io/router.entrypoints: web\n', '  annotations:\n    kubernetes.io/ingress.class: haproxy\n');
    const { a: b } = run(other);
    const d = b.diagnostics.find((x) => x.code === 'INGRESS_CLASS_SKIPPED')!;
    expect(d.severity).toBe('info');
    expect(d.message).toContain('class annotation "haproxy"');
    expect(Object.keys(b.config.routers).filter((n) => n.endsWith('@kubernetes'))).toEqual([]);
  });

  it('equal priorities across providers: v3.7 ranks kubernetescrd before kubernetes (no random tie); v3.6 has a tie', () => {
    const tie = `apiVersion: traefik.io/v1alpha1
kind: IngressRoute
metadata: { name: t, namespace: apps }
spec:
  entryPoints: [web]
  routes:
    - match: Host(\`t.example.com\`)
      services: [{ name: crd, port: 80 }]
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: t
  namespace: apps
  annotations: { traefik.ingress.kubernetes.io/router.entrypoints: web }
spec:
  rules:
    - host: t.example.com
      http: { paths: [{ backend: { service: { name: ing, port: { number: 80 } } } }] }
`;
    // Host(\`t.example.com\`) and Host("t.example.com") are both 21 bytes.
    const v37 = run(tie);
    expect(v37.route('http://t.example.com/').router).toMatch(/@kubernetescrd$/);
    expect(v37.a.diagnostics.filter((d) => d.code === 'RUNTIME_PRIORITY_TIE')).toEqual([]);
    const v36 = run(tie, { ...defaultSettings(), version: '3.6.5' });
    expect(v36.a.diagnostics.filter((d) => d.code === 'RUNTIME_PRIORITY_TIE')).toHaveLength(1);
  });
  it('the NGINX provider’s defaultBackendService catches what no IngressRoute matches, even without Ingresses', () => {
    const onlyRoute = `${YAML.split('---')[0]!}---
apiVersion: v1
kind: Service
metadata: { name: fallback, namespace: infra }
spec:
  ports: [{ name: http, port: 8080 }]
`;
    const withBackend: Settings = { ...defaultSettings(), providers: { kubernetesIngressNGINX: { defaultBackendService: 'infra/fallback' } } };
    expect(run(onlyRoute, withBackend).route('http://other.example.com/')).toMatchObject({ router: 'default-backend@kubernetesingressnginx' });
    expect(run(onlyRoute, withBackend).route('http://shop.example.com/api/x').router).toMatch(/^apps-shop-[0-9a-f]{20}@kubernetescrd$/);
    expect(run(onlyRoute).route('http://other.example.com/').router).toBeNull();
  });
});
