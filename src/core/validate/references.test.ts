import { describe, expect, it } from 'vitest';
import { analyze } from '../analyze.ts';
import { defaultSettings } from '../provider/settings.ts';
import { compileRouting, routingExtrasOf, simulate } from '../simulate/index.ts';
import { buildGraph } from '../graph/index.ts';
import { closest, judgeMissing, referenceScope } from './references.ts';
import type { Settings } from '../types.ts';

const route = (middlewares: string, tls = '') => `apiVersion: traefik.io/v1alpha1
kind: IngressRoute
metadata: { name: shop, namespace: apps }
spec:
  entryPoints: [websecure]
  routes:
    - match: Host(\`shop.example.com\`)
      middlewares: ${middlewares}
      services: [{ name: shop, port: 80 }]
${tls}`;
const STRIP = `---
apiVersion: traefik.io/v1alpha1
kind: Middleware
metadata: { name: strip-prefix, namespace: apps }
spec: { stripPrefix: { prefixes: [/shop] } }
`;

function run(text: string, strict = false) {
  // References into another namespace need allowCrossNamespace before the reference rule applies.
  const settings: Settings = { ...defaultSettings(), strictServices: strict, provider: { ...defaultSettings().provider, allowCrossNamespace: true } };
  const analysis = analyze([{ name: 'shop.yaml', text }], settings);
  const find = (code: string) => analysis.diagnostics.filter((d) => d.code === code);
  return { analysis, find, router: Object.values(analysis.config.routers)[0]! };
}

describe('the reference rule', () => {
  it('a Middleware in a namespace with no resource in the workspace is outside it: info, assumed to exist', () => {
    const { find, router, analysis } = run(route('[{ name: redirect-to-https, namespace: traefik }]'));
    expect(find('PROVIDER_REFERENCE_OUTSIDE').map((d) => d.severity)).toEqual(['info']);
    expect(find('PROVIDER_REFERENCE_OUTSIDE')[0]!.message).toContain('Middleware traefik/redirect-to-https is outside the workspace');
    expect(analysis.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(router.disabled).toBeUndefined();
    expect(analysis.config.outside).toEqual(['traefik-redirect-to-https@kubernetescrd']);
    // The graph draws it as assumed (external), not as a dangling "missing" reference.
    const node = buildGraph(analysis.config, analysis.resources, analysis.diagnostics).nodes.find((n) => n.id === 'middleware:traefik-redirect-to-https@kubernetescrd');
    expect(node).toMatchObject({ external: true, detail: 'outside the workspace' });
  });

  it('allowCrossNamespace is still required to reach that namespace (the provider skips otherwise)', () => {
    // Middleware namespace given without allowCrossNamespace: the provider refuses the reference first.
    const settings: Settings = { ...defaultSettings(), provider: { ...defaultSettings().provider, allowCrossNamespace: false } };
    const a = analyze([{ name: 'shop.yaml', text: route('[{ name: auth, namespace: traefik }]') }], settings);
    expect(a.diagnostics.map((d) => d.code)).toContain('PROVIDER_CROSS_NAMESPACE');
  });

  it('a Middleware missing from a namespace the workspace has is an error with the closest existing name', () => {
    const { find, router } = run(route('[{ name: strip-prefx }]') + STRIP);
    const [d] = find('PROVIDER_MIDDLEWARE_NOT_FOUND');
    expect(d!.severity).toBe('error');
    expect(d!.message).toContain('Did you mean strip-prefix?');
    expect(d!.fixes?.[0]?.edits[0]?.text).toBe('strip-prefix');
    expect(router.disabled?.code).toBe('PROVIDER_MIDDLEWARE_NOT_FOUND');
  });

  it('strict: every missing reference is an error', () => {
    const { find } = run(route('[{ name: redirect-to-https, namespace: traefik }]'), true);
    expect(find('PROVIDER_REFERENCE_OUTSIDE')).toEqual([]);
    expect(find('PROVIDER_MIDDLEWARE_NOT_FOUND').map((d) => d.severity)).toEqual(['error']);
  });

  it('TLSOptions and TraefikServices follow the same rule', () => {
    const tls = '  tls: { options: { name: modern, namespace: security } }\n';
    const outside = run(route('[]', tls));
    expect(outside.find('PROVIDER_REFERENCE_OUTSIDE')[0]!.message).toContain('TLSOption security/modern');
    expect(outside.router.disabled).toBeUndefined();
    const service = '---\napiVersion: v1\nkind: Service\nmetadata: { name: shop, namespace: apps }\nspec: { ports: [{ name: web, port: 80 }] }\n';
    expect(run(route('[]', tls) + service, true).find('PROVIDER_TLS_OPTION_NOT_FOUND')).toHaveLength(1);
    const ts = (ns: string) => `apiVersion: traefik.io/v1alpha1
kind: IngressRoute
metadata: { name: shop, namespace: apps }
spec:
  routes: [{ match: Host(\`a\`), services: [{ name: canary, namespace: ${ns}, kind: TraefikService }] }]
`;
    expect(run(ts('rollouts')).find('PROVIDER_REFERENCE_OUTSIDE')).toHaveLength(1);
    const missing = run(ts('apps'));
    expect(missing.find('PROVIDER_SERVICE_NOT_FOUND')).toHaveLength(1);
    // The provider does not look the TraefikService up: the router is emitted and fails at runtime.
    expect(missing.router.disabled?.code).toBe('PROVIDER_SERVICE_NOT_FOUND');
  });

  it('judgeMissing and closest as units', () => {
    const scope = referenceScope([], false);
    expect(judgeMissing(scope, 'Middleware', 'traefik', 'auth')).toEqual({ kind: 'outside' });
    expect(judgeMissing({ ...scope, strict: true }, 'Middleware', 'traefik', 'auth')).toEqual({ kind: 'missing' });
    expect(closest('strip-prefx', ['strip-prefix', 'auth'])).toBe('strip-prefix');
    expect(closest('auth', ['strip-prefix'])).toBeUndefined();
  });
});

describe('the simulator and references outside the workspace', () => {
  it('runs the request through, saying the middleware effect is unknown', () => {
    const { analysis } = run(route('[{ name: redirect-to-https, namespace: traefik }]'));
    const routing = compileRouting(analysis.config, analysis.settings, routingExtrasOf(analysis.resources));
    const v = simulate(routing, { method: 'GET', url: 'http://shop.example.com:443/', headers: {}, clientIP: '203.0.113.7' });
    expect(v.type).toBe('forwarded');
    expect(v.middlewares).toEqual([expect.objectContaining({ name: 'traefik-redirect-to-https@kubernetescrd', status: 'not-simulated', effect: expect.stringContaining('effect unknown') })]);
  });

  it('applies the default entryPoints to a router without any, and says so', () => {
    const text = `apiVersion: traefik.io/v1alpha1
kind: IngressRoute
metadata: { name: shop, namespace: apps }
spec:
  routes: [{ match: Host(\`shop.example.com\`), services: [{ name: shop, port: 80 }] }]
`;
    const { analysis } = run(text);
    const routing = compileRouting(analysis.config, analysis.settings, routingExtrasOf(analysis.resources));
    const v = simulate(routing, { method: 'GET', url: 'http://shop.example.com/', headers: {}, clientIP: '203.0.113.7' });
    expect(v.type).toBe('forwarded');
    expect(v.notes.join('\n')).toContain('lists no entryPoints: Traefik\'s router manager attaches it to the default entryPoints (web, websecure), so it serves web');
  });
});
