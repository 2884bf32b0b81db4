// "Convert to IngressRoute", proved with the review diff: the example Ingresses and their conversion route
// every witness request the same way (same router by equivalence, middlewares, Kubernetes Service, upstream).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../analyze.ts';
import { defaultSettings } from '../provider/settings.ts';
import { diffWorkspaces, summarize } from '../review/diff.ts';
import { compileRouting, routingExtrasOf, simulate } from '../simulate/index.ts';
import type { SimRequest } from '../simulate/verdict.ts';
import { convertFileText, convertIngresses } from './convert.ts';
import { middlewareSpec } from './convert-middlewares.ts';

const text = readFileSync(new URL('../../../public/examples/ingress-nginx.yaml', import.meta.url), 'utf8');
const settings = defaultSettings();
const before = analyze([{ name: 'ingress-nginx.yaml', text }], settings);
const conversion = convertIngresses(before);
const converted = convertFileText(before, 'ingress-nginx.yaml', conversion);
const after = analyze([{ name: 'ingress-nginx.yaml', text: converted }], settings);

describe('convert the ingress-nginx example to IngressRoutes', () => {
  it('writes IngressRoutes and Middlewares, no Ingress, and they analyse without errors', () => {
    expect(after.resources.filter((r) => r.kind === 'Ingress')).toEqual([]);
    expect(after.resources.filter((r) => r.kind === 'IngressRoute').map((r) => r.metadata.name).sort()).toEqual(['admin', 'admin-tls', 'shop', 'shop-api', 'shop-api-tls', 'shop-tls', 'status-tls']);
    expect(after.resources.filter((r) => r.kind === 'Middleware').map((r) => r.metadata.name).sort()).toEqual([
      'admin-basic-auth', 'admin-retry', 'shop-api-redirect-scheme', 'shop-api-retry', 'shop-api-rewrite-target', 'shop-cors', 'shop-redirect-scheme', 'shop-retry',
    ]);
    expect(after.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(Object.values(after.config.routers).filter((r) => r.disabled)).toEqual([]);
  });

  it('says on each document which annotation it came from', () => {
    expect(converted).toContain('# Converted from Ingress shop/shop-api: nginx.ingress.kubernetes.io/rewrite-target.');
    expect(converted).toContain('# Converted from Ingress shop/admin: nginx.ingress.kubernetes.io/auth-type: basic + auth-secret.');
    expect(converted).toContain("# Converted from Ingress shop/shop (Traefik's kubernetesIngressNGINX provider): its TLS routers.");
  });

  it('lists what cannot be said with CRDs: the 308 of the NGINX ssl-redirect', () => {
    expect(conversion.notConverted.map((n) => `${n.resource}: ${n.what}`)).toEqual([
      'Ingress shop/shop: nginx.ingress.kubernetes.io/ssl-redirect (on by default with a TLS section) or force-ssl-redirect: Traefik answers 308 to every method; a redirectScheme with permanent: true answers 301 to GET and HEAD',
      'Ingress shop/shop-api: nginx.ingress.kubernetes.io/ssl-redirect (on by default with a TLS section) or force-ssl-redirect: Traefik answers 308 to every method; a redirectScheme with permanent: true answers 301 to GET and HEAD',
    ]);
  });

  it('the review diff finds 0 requests routed differently; the only change is the listed 308 → 301', () => {
    const diff = diffWorkspaces(before, after, { equivalence: conversion.equivalence });
    expect(diff.replayed).toBeGreaterThan(0);
    expect(diff.routing.filter((c) => c.winnerChanged)).toEqual([]);
    const other = diff.routing.filter((c) => c.changes.some((x) => x !== 'status: 308 → 301'));
    expect(other.map((c) => `${c.label}: ${c.changes.join('; ')}`)).toEqual([]);
    for (const c of diff.routing) expect(c.request.url.startsWith('http://')).toBe(true);
  });

  it.each<[string, Partial<SimRequest>]>([
    ['https://shop.example.com/api/orders/7?page=2', {}],
    ['https://shop.example.com/api/orders', { headers: { 'X-Canary': 'always' } }],
    ['https://shop.example.com/', { headers: { Origin: 'https://app.example.com' } }],
    ['https://admin.example.com/', {}],
    ['https://status.shop.example.com/health', {}],
    ['https://admin.example.com/', { headers: { Authorization: `Basic ${btoa('admin:password')}` } }],
  ])('%s is handled the same way after conversion', (url, extra) => {
    const request: SimRequest = { method: 'GET', url, headers: {}, clientIP: '203.0.113.7', ...extra };
    const a = summarize(simulate(compileRouting(before.config, settings, routingExtrasOf(before.resources)), request), before.config);
    const b = summarize(simulate(compileRouting(after.config, settings, routingExtrasOf(after.resources)), request), after.config);
    expect(conversion.equivalence.routers.get(a.router!)).toBe(b.router);
    expect({ status: b.status, backend: b.backend, upstream: b.upstream }).toEqual({ status: a.status, backend: a.backend, upstream: a.upstream });
  });
});

describe('middlewareSpec', () => {
  it.each<[string, Record<string, unknown>, Record<string, unknown> | null]>([
    ['rewriteTarget', { regex: '/app(/|$)(.*)', replacement: '/$2' }, { replacePathRegex: { regex: '(?i)/app(/|$)(.*)', replacement: '/$2' } }],
    ['rewriteTarget', { regex: '/old', replacement: 'https://new.example.com/' }, null],
    ['redirectRegex', { regex: '.*', replacement: 'https://b.com', statusCode: 308 }, { redirectRegex: { regex: '.*', replacement: 'https://b.com', permanent: true } }],
    ['basicAuth', { users: ['a:{SHA}x'], secret: 'users', realm: 'r' }, { basicAuth: { secret: 'users', realm: 'r' } }],
    ['appRoot', { path: '/app' }, { redirectRegex: { regex: '^(https?://[^/]+)/(\\?.*)?$', replacement: '${1}/app' } }],
    ['appRoot', { path: '/login$is_args$args' }, { redirectRegex: { regex: '^(https?://[^/]+)/(\\?.*)?$', replacement: '${1}/login${2}' } }],
    ['appRoot', { path: '/$host/app' }, null],
    ['upstreamVHost', { vHost: '$service_name.$namespace.svc', vars: { $service_name: 'web', $namespace: 'apps' } }, { headers: { customRequestHeaders: { Host: 'web.apps.svc' } } }],
    ['upstreamVHost', { vHost: '$host' }, null],
    ['snippet', { auth: { address: 'http://auth/', authResponseHeaders: ['X-User'] } }, { forwardAuth: { address: 'http://auth/', authResponseHeaders: ['X-User'] } }],
    ['snippet', { configurationSnippet: 'more_set_headers "A: b";' }, null],
    ['digestAuth', { users: ['a:r:x'], secret: 'digest', realm: 'r' }, { digestAuth: { secret: 'digest', realm: 'r' } }],
    ['basicAuth', { users: ['a:{SHA}x', 'b:{SHA}y'], realm: '' }, null],
    ['retry', { attempts: 3 }, { retry: { attempts: 3 } }],
  ])('%s %j', (type, config, spec) => {
    expect(middlewareSpec(type, config).spec).toEqual(spec);
  });
});

describe('convert the annotations built since (app-root, upstream-vhost, proxy-ssl, auth-tls, custom-http-errors)', () => {
  const yaml = `apiVersion: networking.k8s.io/v1
kind: IngressClass
metadata: { name: nginx }
spec: { controller: k8s.io/ingress-nginx }
---
kind: Service
apiVersion: v1
metadata: { name: web, namespace: apps }
spec: { ports: [{ name: https, port: 443 }] }
---
kind: Service
apiVersion: v1
metadata: { name: errors, namespace: apps }
spec: { ports: [{ name: http, port: 8080 }] }
---
kind: Secret
apiVersion: v1
metadata: { name: ca, namespace: apps }
stringData: { ca.crt: "-----BEGIN CERTIFICATE-----" }
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: app
  namespace: apps
  annotations:
    nginx.ingress.kubernetes.io/app-root: /login
    nginx.ingress.kubernetes.io/upstream-vhost: $service_name.internal
    nginx.ingress.kubernetes.io/backend-protocol: HTTPS
    nginx.ingress.kubernetes.io/proxy-connect-timeout: "5"
    nginx.ingress.kubernetes.io/auth-tls-secret: apps/ca
    nginx.ingress.kubernetes.io/auth-tls-verify-client: optional
    nginx.ingress.kubernetes.io/custom-http-errors: "404,503"
    nginx.ingress.kubernetes.io/default-backend: errors
spec:
  ingressClassName: nginx
  rules:
    - host: app.example.com
      http: { paths: [{ path: /, pathType: Prefix, backend: { service: { name: web, port: { number: 443 } } } }] }
`;
  const b = analyze([{ name: 'app.yaml', text: yaml }], settings);
  const c = convertIngresses(b);
  const out = convertFileText(b, 'app.yaml', c);
  const a = analyze([{ name: 'app.yaml', text: out }], settings);

  it('writes a ServersTransport, a client-auth TLSOption and Middlewares for them, without errors', () => {
    expect(a.resources.filter((r) => r.kind !== 'Service' && r.kind !== 'Secret' && r.kind !== 'IngressClass').map((r) => `${r.kind}/${r.metadata.name}`).sort()).toEqual([
      'IngressRoute/app', 'IngressRoute/app-tls', 'Middleware/app-app-root', 'Middleware/app-custom-http-errors', 'Middleware/app-retry', 'Middleware/app-vhost', 'ServersTransport/app-transport', 'TLSOption/app-client-auth',
    ]);
    expect(out).toContain('dialTimeout: 5s');
    expect(out).toContain('insecureSkipVerify: true');
    expect(out).toContain('clientAuthType: VerifyClientCertIfGiven');
    expect(out).toContain('Host: web.internal');
    expect(a.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(c.notConverted.map((n) => n.what)).toEqual([
      'nginx.ingress.kubernetes.io/custom-http-errors (+ default-backend): custom-http-errors: the error page request no longer carries the X-Namespaces, X-Ingress-Name, X-Service-Name and X-Service-Port headers',
      'nginx.ingress.kubernetes.io/app-root: app-root answers 302 to every method; a redirectRegex answers 307 to methods other than GET',
    ]);
  });

  it.each<[string, string, number]>([
    ['GET to the app root', 'https://app.example.com/', 302],
    ['GET elsewhere', 'https://app.example.com/a', 200],
  ])('%s answers the same before and after', (_d, url, status) => {
    const run = (x: typeof b) => simulate(compileRouting(x.config, settings, routingExtrasOf(x.resources)), { method: 'GET', url, headers: {}, clientIP: '203.0.113.7' });
    const [v1, v2] = [run(b), run(a)];
    expect(v1.type === 'responded' ? v1.response.status : 200).toBe(status);
    expect(v2.type === 'responded' ? v2.response.status : 200).toBe(status);
    if (v1.type === 'forwarded' && v2.type === 'forwarded') expect(v2.upstream.host).toBe(v1.upstream.host);
    if (v1.type === 'responded' && v2.type === 'responded') expect(v2.response.headers['Location']).toBe(v1.response.headers['Location']);
  });
});
