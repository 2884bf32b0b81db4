import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseFile } from '../yaml/index.ts';
import { extractResources } from '../model/index.ts';
import { buildDynamicConfig, defaultSettings, routerKey, normalize, toFileProviderShape } from './index.ts';
import type { Settings } from '../types.ts';

function build(text: string, patch: Partial<Settings> = {}, provider: Partial<Settings['provider']> = {}) {
  const settings = { ...defaultSettings(), ...patch };
  settings.provider = { ...settings.provider, ...provider };
  const parsed = parseFile('t.yaml', text);
  const { resources } = extractResources([parsed]);
  return buildDynamicConfig(resources, settings, { texts: { 't.yaml': text } });
}

const ir = (name: string, ns: string, body: string) => `apiVersion: traefik.io/v1alpha1
kind: IngressRoute
metadata:
  name: ${name}
  namespace: ${ns}
spec:
${body}`;

describe('names', () => {
  it('matches the documented router name', () => {
    expect(routerKey('default', 'test.route', 'Host(`foo.com`) && PathPrefix(`/bar`)')).toBe('default-test-route-6b204d94623b3df4370c');
  });
  it.each([
    ['default-multiple---hyphens', 'default-multiple-hyphens'],
    ['a.b_c', 'a-b-c'],
    ['-lead-and-trail-', 'lead-and-trail'],
    ['ünï-cödé', 'ünï-cödé'],
  ])('Normalize(%s) = %s', (a, b) => expect(normalize(a)).toBe(b));
});

describe('routers and services', () => {
  it('emits one router per route with Traefik names, default entryPoints and effective priorities', () => {
    const { config } = build(ir('web', 'apps', `  routes:
    - kind: Rule
      match: Host(\`a.example.com\`)
      services: [{ name: web, port: 80 }]
    - kind: Rule
      match: Host(\`a.example.com\`) && PathPrefix(\`/api\`)
      priority: 7
      services: [{ name: api, port: 8080 }, { name: api2, port: 8080, weight: 3 }]
`));
    const names = Object.keys(config.routers);
    // makeServiceKey: the first 20 hex digits of sha256(match), computed here independently of routerKey().
    const hash = (match: string) => createHash('sha256').update(match).digest('hex').slice(0, 20);
    expect(names).toEqual([`apps-web-${hash('Host(`a.example.com`)')}@kubernetescrd`, `apps-web-${hash('Host(`a.example.com`) && PathPrefix(`/api`)')}@kubernetescrd`]);
    const [r0, r1] = names.map((n) => config.routers[n]!);
    expect(r0!.entryPoints).toEqual(['web', 'websecure']);
    expect(r0!.effectivePriority).toBe('Host(`a.example.com`)'.length);
    expect(r1!.effectivePriority).toBe(7);
    // One Service: a load balancer named after the router. Several: a weighted service with ns-svc-port children.
    expect(config.services[r0!.service]).toMatchObject({ type: 'loadBalancer', scheme: 'http', passHostHeader: true });
    expect(config.services[r1!.service]).toMatchObject({ type: 'weighted', services: [{ name: 'apps-api-8080@kubernetescrd', weight: 1 }, { name: 'apps-api2-8080@kubernetescrd', weight: 3 }] });
    expect(config.services['apps-api2-8080@kubernetescrd']).toMatchObject({ type: 'loadBalancer' });
  });

  it('derives https from port 443 or a port name starting with https', () => {
    const { config } = build(`${ir('s', 'a', `  routes:
    - match: Host(\`x\`)
      services: [{ name: svc, port: https-secure }]
    - match: Host(\`y\`)
      services: [{ name: other, port: 443 }]
`)}---
apiVersion: v1
kind: Service
metadata: { name: svc, namespace: a }
spec:
  ports: [{ name: https-secure, port: 8443 }]
`);
    const schemes = Object.values(config.services).map((s) => (s.type === 'loadBalancer' ? s.scheme : null));
    expect(schemes).toEqual(['https', 'https']);
  });

  it('skips a route with a bad reference but keeps the others, with the reason at the reference', () => {
    const text = ir('web', 'apps', `  routes:
    - match: Host(\`a\`)
      middlewares: [{ name: missing-mw }]
      services: [{ name: web, port: 80 }]
    - match: Host(\`b\`)
      middlewares: [{ name: other, namespace: elsewhere }]
      services: [{ name: web, port: 80 }]
    - match: Host(\`c\`)
      services: [{ name: web, port: 80 }]
`);
    const { config, diagnostics } = build(text);
    // Traefik creates no router for the first two routes: they are kept disabled, with the reason.
    expect(Object.values(config.routers).filter((r) => !r.disabled).map((r) => r.rule)).toEqual(['Host(`c`)']);
    expect(Object.values(config.routers).filter((r) => r.disabled).map((r) => r.disabled!.code)).toEqual(['PROVIDER_MIDDLEWARE_NOT_FOUND', 'PROVIDER_ROUTE_SKIPPED']);
    // The provider does not look Middlewares up: it emits route a (the router manager fails it) and skips route b.
    expect(Object.values((toFileProviderShape(config) as { http: { routers: Record<string, { rule: string }> } }).http.routers).map((r) => r.rule)).toEqual(['Host(`a`)', 'Host(`c`)']);
    const missing = diagnostics.find((d) => d.code === 'PROVIDER_MIDDLEWARE_NOT_FOUND')!;
    expect(text.slice(missing.range.start, missing.range.end)).toBe('missing-mw');
    const cross = diagnostics.find((d) => d.code === 'PROVIDER_CROSS_NAMESPACE')!;
    expect(text.slice(cross.range.start, cross.range.end)).toBe('elsewhere');
    expect(cross.message).toContain('allowCrossNamespace');
    // With allowCrossNamespace the namespaced reference resolves (the Middleware still has to exist).
    const open = build(text, {}, { allowCrossNamespace: true });
    expect(open.diagnostics.some((d) => d.code === 'PROVIDER_CROSS_NAMESPACE')).toBe(false);
  });

  it('reports rule errors at their exact column and disables the router', () => {
    const text = ir('web', 'apps', `  routes:
    - match: Host(\`a.com\`) && PathPrefx(\`/x\`)
      services: [{ name: web, port: 80 }]
`);
    const { config, diagnostics } = build(text);
    const d = diagnostics.find((x) => x.family === 'rule')!;
    expect(text.slice(d.range.start, d.range.end)).toBe('PathPrefx');
    expect(Object.values(config.routers)[0]!.disabled).toBeDefined();
  });

  it('offers a v3 conversion for v2 rules', () => {
    const text = ir('web', 'apps', `  routes:
    - match: Headers(\`X-A\`, \`b\`) && Host(\`a.com\`, \`b.com\`)
      services: [{ name: web, port: 80 }]
`);
    const { diagnostics } = build(text);
    const fix = diagnostics.find((x) => x.fixes?.length)?.fixes?.[0];
    expect(fix?.edits[0]?.text).toContain('Header(`X-A`, `b`)');
  });

  it('v2.11 requires kind: Rule; v3 accepts an empty kind', () => {
    const text = ir('web', 'apps', `  routes:
    - match: Host(\`a\`)
      services: [{ name: web, port: 80 }]
`);
    expect(Object.keys(build(text).config.routers)).toHaveLength(1);
    const v2 = build(text, { target: 'v2.11', version: '2.11.50' });
    expect(Object.keys(v2.config.routers)).toHaveLength(0);
    expect(v2.diagnostics.map((d) => d.code)).toContain('PROVIDER_ROUTE_KIND');
  });

  it('collides two routes with the same match (last wins)', () => {
    const { config, diagnostics } = build(ir('web', 'apps', `  routes:
    - match: Host(\`a\`)
      services: [{ name: one, port: 80 }]
    - match: Host(\`a\`)
      services: [{ name: two, port: 80 }]
`));
    expect(Object.keys(config.routers)).toHaveLength(1);
    expect(diagnostics.map((d) => d.code)).toContain('PROVIDER_ROUTER_COLLISION');
  });

  it('filters by ingress class', () => {
    const text = `apiVersion: traefik.io/v1alpha1
kind: IngressRoute
metadata:
  name: web
  namespace: a
  annotations: { kubernetes.io/ingress.class: internal }
spec:
  routes: [{ match: Host(\`a\`), services: [{ name: web, port: 80 }] }]
`;
    expect(Object.keys(build(text).config.routers)).toHaveLength(0);
    expect(Object.keys(build(text, {}, { ingressClass: 'internal' }).config.routers)).toHaveLength(1);
  });
});

describe('TLS', () => {
  const conflict = `${ir('one', 'web', `  entryPoints: [websecure]
  routes: [{ match: Host(\`portal.example.com\`), services: [{ name: a, port: 80 }] }]
  tls: { options: { name: strict } }
`)}---
${ir('two', 'web', `  entryPoints: [websecure]
  routes: [{ match: Host(\`portal.example.com\`) && PathPrefix(\`/x\`), services: [{ name: b, port: 80 }] }]
  tls: { options: { name: legacy } }
`)}---
apiVersion: traefik.io/v1alpha1
kind: TLSOption
metadata: { name: strict, namespace: web }
spec: { minVersion: VersionTLS13, sniStrict: true }
---
apiVersion: traefik.io/v1alpha1
kind: TLSOption
metadata: { name: legacy, namespace: web }
spec: { minVersion: VersionTLS10 }
`;

  it('renames conflicting routers <ep>-conflicted-<name> with the default option (v3.6.21+)', () => {
    const { config, diagnostics } = build(conflict);
    const names = Object.keys(config.routers);
    expect(names.every((n) => n.startsWith('websecure-conflicted-web-'))).toBe(true);
    expect(Object.values(config.routers).every((r) => r.tls?.resolvedOptions === 'default')).toBe(true);
    expect(diagnostics.map((d) => d.code)).toContain('PROVIDER_TLS_CONFLICT');
    expect(Object.keys(config.tlsOptions).sort()).toEqual(['default', 'web-legacy@kubernetescrd', 'web-strict@kubernetescrd']);
  });

  it('keeps names before v3.6.21', () => {
    const { config } = build(conflict, { version: '3.6.20' });
    expect(Object.keys(config.routers).some((n) => n.includes('conflicted'))).toBe(false);
  });

  it('options.name: default resolves to <ns>-default; unknown options disable the router', () => {
    const { config, diagnostics } = build(ir('web', 'apps', `  routes: [{ match: Host(\`a\`), services: [{ name: w, port: 80 }] }]
  tls: { options: { name: default } }
`));
    expect(diagnostics.map((d) => d.code)).toEqual(expect.arrayContaining(['PROVIDER_TLS_OPTION_DEFAULT_NAME', 'PROVIDER_TLS_OPTION_NOT_FOUND']));
    expect(Object.values(config.routers)[0]!.disabled).toBeDefined();
  });

  it('exports the file-provider shape without disabled routers', () => {
    const shape = toFileProviderShape(build(conflict).config) as { http: { routers: Record<string, unknown> }; tls: { options: Record<string, unknown> } };
    expect(Object.keys(shape.http.routers).every((n) => !n.includes('@'))).toBe(true);
    expect(shape.tls.options['web-strict']).toMatchObject({ minVersion: 'VersionTLS13', sniStrict: true });
  });
});
