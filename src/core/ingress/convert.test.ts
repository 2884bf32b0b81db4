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
    ['appRoot', { path: '/app' }, null],
    ['retry', { attempts: 3 }, { retry: { attempts: 3 } }],
  ])('%s %j', (type, config, spec) => {
    expect(middlewareSpec(type, config).spec).toEqual(spec);
  });
});
