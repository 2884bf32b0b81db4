// loadIngressRouteConfiguration (pkg/provider/kubernetes/crd/kubernetes_http.go) route by route: which
// IngressRoutes are processed (shouldProcessIngress, getIngressClassName, watched namespaces), which routes are
// skipped (kind, empty match, TLS option references through resolveReference), and what each router carries
// (ruleSyntax, priority, observability, TLS, entryPoints). Router names are sha256(match)[:20], computed here.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { build, type Built } from './test-support.ts';
import { parseFile } from '../yaml/index.ts';
import { extractResources } from '../model/index.ts';
import { buildDynamicConfig, defaultSettings, toFileProviderShape } from './index.ts';
import type { DynamicRouter } from '../types.ts';


const hash20 = (match: string) => createHash('sha256').update(match, 'utf8').digest('hex').slice(0, 20);
const V2 = { target: 'v2.11' as const, version: '2.11.50' };
const ir = (meta: string, spec: string, apiVersion = 'traefik.io/v1alpha1') => `apiVersion: ${apiVersion}
kind: IngressRoute
metadata: { ${meta} }
spec:
${spec}`;
const ROUTE = '  routes:\n    - match: Host(`a.com`)\n      kind: Rule\n      services: [{ name: web, port: 80 }]\n';
const A = `default-web-${hash20('Host(`a.com`)')}@kubernetescrd`;
const routers = (r: Built) => Object.keys(r.config.routers);
const diag = (r: Built, code: string) => r.diagnostics.find((d) => d.code === code);
const at = (r: Built, code: string) => {
  const d = diag(r, code);
  return d ? r.text.slice(d.range.start, d.range.end) : undefined;
};
const only = (r: Built): DynamicRouter => {
  expect(Object.values(r.config.routers)).toHaveLength(1);
  return Object.values(r.config.routers)[0]!;
};

describe('shouldProcessIngress and getIngressClassName', () => {
  it.each([
    { desc: 'no class, provider unset', meta: '', spec: '', provider: {}, patch: {}, processed: true },
    { desc: 'annotation traefik, provider unset', meta: 'annotations: { kubernetes.io/ingress.class: traefik }', spec: '', provider: {}, patch: {}, processed: true },
    { desc: 'spec.ingressClassName traefik, provider unset', meta: '', spec: '  ingressClassName: traefik\n', provider: {}, patch: {}, processed: true },
    { desc: 'spec.ingressClassName wins over the annotation', meta: 'annotations: { kubernetes.io/ingress.class: traefik }', spec: '  ingressClassName: internal\n', provider: {}, patch: {}, processed: false },
    { desc: 'spec.ingressClassName matches the provider class', meta: 'annotations: { kubernetes.io/ingress.class: other }', spec: '  ingressClassName: internal\n', provider: { ingressClass: 'internal' }, patch: {}, processed: true },
    { desc: 'provider class set: no class is not processed', meta: '', spec: '', provider: { ingressClass: 'internal' }, patch: {}, processed: false },
    { desc: 'provider class set: traefik is not processed', meta: 'annotations: { kubernetes.io/ingress.class: traefik }', spec: '', provider: { ingressClass: 'internal' }, patch: {}, processed: false },
    { desc: 'v2.11 has no spec.ingressClassName: the annotation decides', meta: 'annotations: { kubernetes.io/ingress.class: traefik }', spec: '  ingressClassName: internal\n', provider: {}, patch: V2, processed: true },
  ])('$desc', ({ meta, spec, provider, patch, processed }) => {
    const r = build(ir(`name: web, namespace: default${meta ? `, ${meta}` : ''}`, spec + ROUTE), provider, patch);
    expect(routers(r)).toEqual(processed ? [A] : []);
    expect(diag(r, 'PROVIDER_CLASS_SKIPPED') !== undefined).toBe(!processed);
  });

  it('says which class was found and which the provider wants, at the name', () => {
    const unset = build(ir('name: web, namespace: default', '  ingressClassName: internal\n' + ROUTE));
    expect(diag(unset, 'PROVIDER_CLASS_SKIPPED')!.message).toBe('IngressRoute default/web has ingress class "internal", which this Traefik does not process (provider ingressClass: unset, so only no class or "traefik").');
    expect(at(unset, 'PROVIDER_CLASS_SKIPPED')).toBe('web');
    const set = build(ir('name: web, namespace: default', ROUTE), { ingressClass: 'internal' });
    expect(diag(set, 'PROVIDER_CLASS_SKIPPED')!.message).toBe('IngressRoute default/web has ingress class "", which this Traefik does not process (provider ingressClass: "internal").');
  });
});

describe('watched namespaces and API groups', () => {
  it('an IngressRoute outside the provider namespaces is skipped, said at its namespace', () => {
    const r = build(ir('name: web, namespace: default', ROUTE), { namespaces: ['apps', 'shop'] });
    expect(routers(r)).toEqual([]);
    expect(diag(r, 'PROVIDER_NAMESPACE_SKIPPED')!.message).toBe('Namespace default is not among the provider\'s watched namespaces (apps, shop).');
    expect(at(r, 'PROVIDER_NAMESPACE_SKIPPED')).toBe('default');
    expect(routers(build(ir('name: web, namespace: default', ROUTE), { namespaces: ['default'] }))).toEqual([A]);
  });

  it('traefik.containo.us IngressRoutes exist for v2.11 only', () => {
    const legacy = ir('name: web, namespace: default', ROUTE, 'traefik.containo.us/v1alpha1');
    expect(routers(build(legacy))).toEqual([]);
    expect(routers(build(legacy, {}, V2))).toEqual([A]);
  });
});

describe('routes Traefik skips', () => {
  it.each([
    { desc: 'an unsupported kind (v3)', route: '    - { match: Host(`a.com`), kind: Foo, services: [{ name: web, port: 80 }] }\n', patch: {}, message: 'Route kind is "Foo"; only Rule is allowed, so Traefik skips this route.', where: 'Foo' },
    { desc: 'a missing kind (v2.11)', route: '    - { match: Host(`a.com`), services: [{ name: web, port: 80 }] }\n', patch: V2, message: 'Route kind is missing; Traefik v2.11 requires kind: Rule, so Traefik skips this route.', where: '{ match: Host(`a.com`), services: [{ name: web, port: 80 }] }' },
    { desc: 'an empty kind (v2.11)', route: '    - { match: Host(`a.com`), kind: "", services: [{ name: web, port: 80 }] }\n', patch: V2, message: 'Route kind is ""; Traefik v2.11 requires kind: Rule, so Traefik skips this route.', where: '""' },
  ])('PROVIDER_ROUTE_KIND: $desc', ({ route, patch, message, where }) => {
    const r = build(ir('name: web, namespace: default', `  routes:\n${route}`), {}, patch);
    expect(routers(r)).toEqual([]);
    expect(diag(r, 'PROVIDER_ROUTE_KIND')!.message).toBe(message);
    expect(at(r, 'PROVIDER_ROUTE_KIND')).toBe(where);
  });

  it('"Route with empty kind is allowed" (v3)', () => {
    expect(routers(build(ir('name: web, namespace: default', '  routes:\n    - { match: Host(`a.com`), kind: "", services: [{ name: web, port: 80 }] }\n')))).toEqual([A]);
  });

  it.each([
    { desc: 'no match', route: '    - { kind: Rule, services: [{ name: web, port: 80 }] }\n', where: '{ kind: Rule, services: [{ name: web, port: 80 }] }' },
    { desc: 'an empty match (with_no_rule_value.yml)', route: '    - { match: "", kind: Rule, services: [{ name: web, port: 80 }] }\n', where: '""' },
  ])('"Route with empty rule value is ignored": $desc', ({ route, where }) => {
    const r = build(ir('name: web, namespace: default', `  routes:\n${route}`));
    expect(routers(r)).toEqual([]);
    expect(at(r, 'PROVIDER_EMPTY_MATCH')).toBe(where);
  });

  it('two routes with one match: one router, the collision said at the second with the first as related', () => {
    const text = ir('name: web, namespace: default', '  routes:\n    - { match: Host(`a.com`), services: [{ name: one, port: 80 }] }\n    - { match: Host(`b.com`), services: [{ name: two, port: 80 }] }\n    - { match: Host(`a.com`), services: [{ name: three, port: 80 }] }\n');
    const r = build(text);
    expect(routers(r)).toEqual([A, `default-web-${hash20('Host(`b.com`)')}@kubernetescrd`]);
    expect(r.config.routers[A]!.origin.routeIndex).toBe(2);
    const d = diag(r, 'PROVIDER_ROUTER_COLLISION')!;
    expect(d.message).toBe(`Routes 0 and 2 of this IngressRoute have the same match, so they get the same router name ${A}: the last one wins and route 0 is lost.`);
    expect(d.range.start).toBe(text.lastIndexOf('Host(`a.com`)'));
    expect(d.related?.[0]?.message).toBe('route 0');
    expect(d.related?.[0]?.range.start).toBe(text.indexOf('Host(`a.com`)'));
  });
});

describe('router fields', () => {
  it.each([
    { desc: 'syntax unset (v3)', route: '', provider: {}, patch: {}, syntax: 'v3', raw: '' },
    { desc: 'syntax: v2', route: ', syntax: v2', provider: {}, patch: {}, syntax: 'v2', raw: 'v2' },
    { desc: 'syntax: v3', route: ', syntax: v3', provider: {}, patch: { defaultRuleSyntax: 'v2' as const }, syntax: 'v3', raw: 'v3' },
    { desc: 'core.defaultRuleSyntax v2', route: '', provider: {}, patch: { defaultRuleSyntax: 'v2' as const }, syntax: 'v2', raw: '' },
    { desc: 'v2.11 is always v2', route: ', syntax: v3', provider: {}, patch: V2, syntax: 'v2', raw: 'v3' },
  ])('ruleSyntax: $desc', ({ route, provider, patch, syntax, raw }) => {
    const r = build(ir('name: web, namespace: default', `  routes:\n    - { match: Host(\`a.com\`), kind: Rule${route}, services: [{ name: web, port: 80 }] }\n`), provider, patch);
    expect(only(r)).toMatchObject({ ruleSyntax: syntax, ruleSyntaxRaw: raw });
    if (raw) expect((toFileProviderShape(r.config) as { http: { routers: Record<string, { ruleSyntax?: string }> } }).http.routers[A.replace('@kubernetescrd', '')]!.ruleSyntax).toBe(raw);
  });

  it.each([
    { priority: '9223372036854774807', disabled: undefined },
    { priority: '9223372036854774808', disabled: 'PROVIDER_PRIORITY_TOO_HIGH' },
    { priority: '99999999999999999999', disabled: 'PROVIDER_PRIORITY_TOO_HIGH' },
  ])('priority $priority against the highest a user may set (math.MaxInt64 - 1000)', ({ priority, disabled }) => {
    const r = build(ir('name: web, namespace: default', `  routes:\n    - { match: Host(\`a.com\`), priority: ${priority}, services: [{ name: web, port: 80 }] }\n`));
    expect(only(r).disabled?.code).toBe(disabled);
    if (disabled) expect(at(r, 'PROVIDER_PRIORITY_TOO_HIGH')).toBe(priority);
  });

  it('a priority too high on a skipped route keeps the skip', () => {
    const r = build(ir('name: web, namespace: default', '  routes:\n    - { match: Host(`a.com`), priority: 9223372036854775807, services: [{ name: web, port: 80, namespace: other }] }\n'));
    expect(only(r).disabled?.code).toBe('PROVIDER_ROUTE_SKIPPED');
    expect(at(r, 'PROVIDER_PRIORITY_TOO_HIGH')).toBe('9223372036854775807');
  });

  it('observability is copied field by field (RouterObservabilityConfig)', () => {
    const r = build(ir('name: web, namespace: default', '  routes:\n    - match: Host(`a.com`)\n      observability: { accessLogs: false, metrics: true, traceVerbosity: detailed, tracing: "x" }\n      services: [{ name: web, port: 80 }]\n'));
    expect(only(r).observability).toStrictEqual({ accessLogs: false, metrics: true, traceVerbosity: 'detailed' });
    expect(only(build(ir('name: web, namespace: default', '  routes:\n    - { match: Host(`a.com`), observability: {}, services: [{ name: web, port: 80 }] }\n'))).observability).toStrictEqual({});
    expect(only(build(ir('name: web, namespace: default', ROUTE))).observability).toBeUndefined();
  });

  it('a route without services: no service name, disabled as "router has no service and no child routers"', () => {
    const text = ir('name: web, namespace: default', '  routes:\n    - { match: Host(`a.com`) }\n');
    const r = build(text);
    expect(only(r)).toMatchObject({ service: '', disabled: { reason: 'no service and no child routers', code: 'PROVIDER_NO_SERVICE' } });
    expect(at(r, 'PROVIDER_NO_SERVICE')).toBe('{ match: Host(`a.com`) }');
  });
});

describe('the IngressRoute TLS (RouterTLSConfig, resolveReference of tls.options)', () => {
  const withTLS = (tls: string, ns = 'default') => ir(`name: web, namespace: ${ns}`, `${ROUTE}  tls: ${tls}\n`);
  const OPTION = '---\napiVersion: traefik.io/v1alpha1\nkind: TLSOption\nmetadata: { name: opt, namespace: other }\nspec: { minVersion: VersionTLS12 }\n';
  it.each([
    { desc: 'tls: {} is TLS with the default option', tls: '{}', expected: { resolvedOptions: 'default' } },
    { desc: 'tls: null is TLS too', tls: 'null', expected: { resolvedOptions: 'default' } },
    { desc: 'certResolver and domains', tls: '{ certResolver: le, domains: [{ main: a.com, sans: [b.com, c.com] }, { main: d.com }] }', expected: { resolvedOptions: 'default', certResolver: 'le', domains: [{ main: 'a.com', sans: ['b.com', 'c.com'] }, { main: 'd.com', sans: [] }] } },
    { desc: 'an empty options name is the default option', tls: '{ options: { name: "" } }', expected: { resolvedOptions: 'default' } },
    { desc: 'name@file', tls: '{ options: { name: modern@file } }', expected: { resolvedOptions: 'modern@file', options: 'modern@file' } },
    { desc: 'a domain that is not a mapping', tls: '{ domains: [a.com] }', expected: { resolvedOptions: 'default', domains: [{ main: '', sans: [] }] } },
  ])('$desc', ({ tls, expected }) => {
    expect(only(build(withTLS(tls))).tls).toStrictEqual(expected);
  });

  it('no tls: no TLS', () => {
    expect(only(build(ir('name: web, namespace: default', ROUTE))).tls).toBeNull();
  });

  it('an option of another namespace with allowCrossNamespace: ns-name@kubernetescrd', () => {
    const r = build(withTLS('{ options: { name: opt, namespace: other } }') + OPTION, { allowCrossNamespace: true });
    expect(only(r).tls).toEqual({ resolvedOptions: 'other-opt@kubernetescrd', options: 'other-opt@kubernetescrd' });
    expect(only(r).disabled).toBeUndefined();
    expect(r.diagnostics.map((d) => d.code)).toEqual(['PROVIDER_SERVICE_ASSUMED']);
  });

  it('name@kubernetescrd with allowCrossNamespace is kept as written by the export', () => {
    const r = build(withTLS('{ options: { name: other-opt@kubernetescrd } }') + OPTION, { allowCrossNamespace: true });
    expect(only(r)).toMatchObject({ tls: { resolvedOptions: 'other-opt@kubernetescrd', options: 'other-opt@kubernetescrd' }, keepQualified: ['other-opt@kubernetescrd'] });
    expect((toFileProviderShape(r.config) as { http: { routers: Record<string, { tls: unknown }> } }).http.routers[A.replace('@kubernetescrd', '')]!.tls).toEqual({ options: 'other-opt@kubernetescrd' });
  });

  it.each([
    { desc: 'another namespace without allowCrossNamespace', tls: '{ options: { name: opt, namespace: other } }', provider: {}, code: 'PROVIDER_CROSS_NAMESPACE', where: 'other', message: 'TLSOption other/opt is in another namespace than default: add namespace: default (the IngressRoute\'s), or enable allowCrossNamespace in the provider settings.' },
    { desc: 'name@kubernetescrd without allowCrossNamespace', tls: '{ options: { name: other-opt@kubernetescrd } }', provider: {}, code: 'PROVIDER_CROSS_NAMESPACE', where: 'other-opt@kubernetescrd', message: 'TLS option "other-opt@kubernetescrd" uses the @kubernetescrd form, which needs allowCrossNamespace.' },
    { desc: 'name@file from a namespace not in crossProviderNamespaces', tls: '{ options: { name: modern@file } }', provider: { crossProviderNamespaces: ['other'] }, code: 'PROVIDER_CROSS_PROVIDER', where: 'modern@file', message: 'TLS option modern@file names another provider, but namespace default is not in the provider\'s crossProviderNamespaces: Traefik skips the route. Add default to crossProviderNamespaces, or reference an object of this provider.' },
  ])('refused: $desc (the route is skipped after its service is built)', ({ tls, provider, code, where, message }) => {
    const r = build(withTLS(tls) + OPTION, provider);
    expect(diag(r, code)!.message).toBe(message);
    expect(only(r).disabled).toEqual({ reason: 'Traefik skips this route: its TLS option reference is not allowed', code: 'PROVIDER_ROUTE_SKIPPED' });
    expect(only(r).tls).toBeNull();
    expect(at(r, code)).toBe(where);
    expect(r.config.services[A]).toBeDefined();
  });

  it('options.name: default is <namespace>-default, said at the name', () => {
    const r = build(withTLS('{ options: { name: default } }'));
    expect(only(r).tls).toEqual({ resolvedOptions: 'default-default@kubernetescrd', options: 'default-default@kubernetescrd' });
    expect(at(r, 'PROVIDER_TLS_OPTION_DEFAULT_NAME')).toBe('default');
    expect(diag(r, 'PROVIDER_TLS_OPTION_DEFAULT_NAME')!.message).toBe('options.name: default resolves to the TLSOption default-default, not to Traefik\'s global default option: remove options to use the global default.');
  });
});

describe('rule errors (the router manager does not serve a rule that does not parse)', () => {
  it.each([
    // v2 matchers in a v3 rule: the fix converts them; the text is quoted when YAML would misread it.
    { desc: 'plain', match: 'Headers(`X-A`, `b`)', text: 'Header(`X-A`, `b`)' },
    { desc: '": " in the rule: JSON-quoted', match: '"Headers(`X-A`, `b: c`)"', text: '"Header(`X-A`, `b: c`)"' },
    { desc: '" #" in the rule: JSON-quoted', match: '"Headers(`X-A`, `b #c`)"', text: '"Header(`X-A`, `b #c`)"' },
    { desc: 'a rule starting with !: JSON-quoted', match: '"!Headers(`X-A`, `b`)"', text: '"!Header(`X-A`, `b`)"' },
    { desc: '"# " in the rule: JSON-quoted', match: '"Headers(`X-A`, `b# c`)"', text: '"Header(`X-A`, `b# c`)"' },
  ])('a v2 rule in a v3 route offers the conversion: $desc', ({ match, text }) => {
    const r = build(ir('name: web, namespace: default', `  routes:\n    - match: ${match}\n      services: [{ name: web, port: 80 }]\n`));
    const fixed = r.diagnostics.filter((d) => d.fixes?.length);
    expect(fixed.length).toBeGreaterThan(0);
    expect(fixed[0]!.message).toContain('This is v2 syntax: use the quick fix to convert it, or set syntax: v2 on the route.');
    expect(fixed[0]!.fixes![0]!.title).toBe('Convert this rule to Traefik v3 syntax');
    expect(fixed[0]!.fixes![0]!.edits).toEqual([{ range: { start: r.text.indexOf(match), end: r.text.indexOf(match) + match.length }, text }]);
    expect(Object.values(r.config.routers)[0]!.disabled?.code).toMatch(/^RULE_/);
  });

  it.each([
    { desc: 'a rule that is not v2 either', match: 'Host(`a.com`) &&', syntax: '' },
    { desc: 'a v3 rule in a v2 route', match: 'Header(`X-A`, `b`)', syntax: '\n      syntax: v2' },
  ])('no conversion for $desc', ({ match, syntax }) => {
    const r = build(ir('name: web, namespace: default', `  routes:\n    - match: ${match}\n      services: [{ name: web, port: 80 }]${syntax}\n`));
    expect(r.diagnostics.filter((d) => d.code.startsWith('RULE_')).length).toBeGreaterThan(0);
    expect(r.diagnostics.some((d) => d.fixes?.length)).toBe(false);
    expect(r.diagnostics.some((d) => d.message.includes('v2 syntax'))).toBe(false);
  });

  it('a skipped route with a bad rule stays skipped', () => {
    const r = build(ir('name: web, namespace: default', '  routes:\n    - { match: "Host(`a.com`", services: [{ name: web, port: 80, namespace: other }] }\n'));
    expect(only(r).disabled?.code).toBe('PROVIDER_ROUTE_SKIPPED');
    expect(r.diagnostics.some((d) => d.code.startsWith('RULE_'))).toBe(true);
  });

  it('the first error names why the router is disabled', () => {
    const r = build(ir('name: web, namespace: default', '  routes:\n    - { match: "Hots(`a.com`)", services: [{ name: web, port: 80 }] }\n'));
    const first = r.diagnostics.find((d) => d.code.startsWith('RULE_'))!;
    expect(only(r).disabled).toEqual({ reason: `the rule does not parse: ${first.message}`, code: first.code });
    expect(r.text.slice(first.range.start, first.range.end)).toBe('Hots');
  });
});

describe('entryPoints', () => {
  it.each([
    { desc: 'asDefault entryPoints win', eps: [{ name: 'web', port: 80 }, { name: 'websecure', port: 443, asDefault: true }], expected: ['websecure'] },
    { desc: 'the traefik entryPoint is never a default', eps: [{ name: 'traefik', port: 8080 }, { name: 'web', port: 80 }], expected: ['web'] },
  ])('a router without entryPoints gets the defaults: $desc', ({ eps, expected }) => {
    const r = build(ir('name: web, namespace: default', ROUTE), {}, { entryPoints: eps });
    expect(only(r)).toMatchObject({ entryPoints: expected, defaultEntryPoints: true });
  });

  it('written entryPoints are kept', () => {
    const r = build(ir('name: web, namespace: default', `  entryPoints: [websecure]\n${ROUTE}`));
    expect(only(r).entryPoints).toEqual(['websecure']);
    expect(only(r).defaultEntryPoints).toBeUndefined();
    // Nothing written with a provider: nothing to keep qualified; not a child: no entryPoints kept for the export.
    expect(only(r).keepQualified).toBeUndefined();
    expect(only(r).writtenEntryPoints).toBeUndefined();
  });

  it('parentRefs exist from v3.6: before, the child is a router of its own with the default entryPoints', () => {
    const text = ir('name: parent, namespace: default', '  entryPoints: [web]\n  routes: [{ match: Host(`p.com`), kind: Rule }]\n') + '---\n' +
      ir('name: child, namespace: default', '  parentRefs: [{ name: parent }]\n  routes: [{ match: Path(`/x`), kind: Rule, services: [{ name: web, port: 80 }] }]\n');
    const child = (r: Built) => Object.values(r.config.routers).find((x) => x.rule === 'Path(`/x`)')!;
    expect(child(build(text, {}, { version: '3.5.9' }))).toMatchObject({ parentRefs: [], entryPoints: ['web', 'websecure'] });
    expect(child(build(text, {}, { version: '3.6.0' }))).toMatchObject({ parentRefs: [`default-parent-${hash20('Host(`p.com`)')}@kubernetescrd`], entryPoints: [] });
    expect(child(build(text, {}, V2)).parentRefs).toEqual([]);
  });
});

describe('rule errors at their columns (BuildContext.scalarRange)', () => {
  const head = 'apiVersion: traefik.io/v1alpha1\nkind: IngressRoute\nmetadata: { name: web, namespace: default }\nspec:\n  routes:\n';
  it.each([
    { desc: 'plain scalar', tail: '    - match: Host(`a.com`) && Pth(`/x`)\n', marked: 'Pth', whole: 'Host(`a.com`) && Pth(`/x`)' },
    { desc: 'literal block', tail: '    - match: |\n        Host(`a.com`) &&\n        Pth(`/x`)\n', marked: 'Pth', whole: '|\n        Host(`a.com`) &&\n        Pth(`/x`)' },
    { desc: 'an error just past the rule: the closing quote', tail: '    - match: "Host(`a.com`) && "\n', marked: '"', whole: '"Host(`a.com`) && "' },
  ])('$desc', ({ tail, marked, whole }) => {
    const text = head + tail;
    const { resources } = extractResources([parseFile('t.yaml', text)]);
    const withText = buildDynamicConfig(resources, defaultSettings(), { texts: { 't.yaml': text } }).diagnostics.find((d) => d.code.startsWith('RULE_'))!;
    expect(text.slice(withText.range.start, withText.range.end)).toBe(marked);
    expect(withText.range.start).toBe(text.lastIndexOf(marked));
    // Without the file's text only the whole rule can be marked.
    const without = buildDynamicConfig(resources, defaultSettings()).diagnostics.find((d) => d.code.startsWith('RULE_'))!;
    expect(text.slice(without.range.start, without.range.end)).toBe(whole);
  });

  it('an error past the end of the file marks its last character', () => {
    const text = `${head}    - match: Host(\`a.com\`) &&`;
    const { resources } = extractResources([parseFile('t.yaml', text)]);
    const d = buildDynamicConfig(resources, defaultSettings(), { texts: { 't.yaml': text } }).diagnostics.find((x) => x.code.startsWith('RULE_'))!;
    expect(d.range).toEqual({ start: text.length - 1, end: text.length });
  });
});

describe('what the route checks say', () => {
  const message = (r: Built, code: string) => r.diagnostics.find((d) => d.code === code)?.message;
  it('a priority above the maximum', () => {
    const r = build(ir('name: web, namespace: default', '  routes:\n    - { match: Host(`a.com`), priority: 9223372036854775808, services: [{ name: web, port: 80 }] }\n'));
    expect(message(r, 'PROVIDER_PRIORITY_TOO_HIGH')).toBe('Priority 9223372036854775808 is above the highest Traefik accepts (9223372036854774807); the router is not served.');
    expect(only(r).disabled).toEqual({ reason: 'priority above the maximum', code: 'PROVIDER_PRIORITY_TOO_HIGH' });
  });

  it.each([
    { desc: 'missing', parents: '[{ name: gone }]', provider: {}, code: 'PROVIDER_PARENT_NOT_FOUND', expected: 'Parent IngressRoute default/gone is not defined: Traefik skips every route of this IngressRoute (and their services).', where: 'gone' },
    { desc: 'in another namespace', parents: '[{ name: p, namespace: other }]', provider: {}, code: 'PROVIDER_CROSS_NAMESPACE', expected: 'Parent IngressRoute other/p is in another namespace: add namespace: default (the IngressRoute\'s), or enable allowCrossNamespace in the provider settings. The whole IngressRoute is skipped.', where: '{ name: p, namespace: other }' },
  ])('a parentRef $desc skips the whole IngressRoute', ({ parents, provider, code, expected, where }) => {
    const r = build(ir('name: web, namespace: default', `  parentRefs: ${parents}\n${ROUTE}`), provider);
    expect(routers(r)).toEqual([]);
    expect(message(r, code)).toBe(expected);
    expect(at(r, code)).toBe(where);
  });

  it('a router failing for a middleware keeps that reason when its TLS option is unknown too', () => {
    const r = build(ir('name: web, namespace: default', '  routes:\n    - { match: Host(`a.com`), middlewares: [{ name: gone }], services: [{ name: web, port: 80 }] }\n  tls: { options: { name: gone } }\n'));
    expect(only(r).disabled?.code).toBe('PROVIDER_MIDDLEWARE_NOT_FOUND');
    expect(r.diagnostics.map((d) => d.code)).toContain('PROVIDER_TLS_OPTION_NOT_FOUND');
  });

  it('a skipped route still names its service: the weighted name, or ns-name-port of the reference', () => {
    const two = build(ir('name: web, namespace: default', '  routes:\n    - { match: Host(`a.com`), services: [{ name: a, port: 80 }, { name: b, port: 80, namespace: other }] }\n'));
    expect(only(two)).toMatchObject({ service: A, disabled: { reason: 'Traefik skips this route: one of its service references does not resolve', code: 'PROVIDER_ROUTE_SKIPPED' } });
    expect(two.config.services[A]).toBeUndefined();
    const one = build(ir('name: web, namespace: default', '  routes:\n    - { match: Host(`a.com`), services: [{ name: b, port: 80, namespace: other }] }\n'));
    expect(only(one)).toMatchObject({ service: 'other-b-80@kubernetescrd', disabled: { reason: 'Traefik skips this route: its service reference does not resolve', code: 'PROVIDER_ROUTE_SKIPPED' } });
    const mw = build(ir('name: web, namespace: default', '  routes:\n    - { match: Host(`a.com`), middlewares: [{ name: m, namespace: other }], services: [{ name: b, port: 80 }] }\n'));
    expect(only(mw)).toMatchObject({ service: 'default-b-80@kubernetescrd', disabled: { reason: 'Traefik skips this route: a middleware reference is not allowed', code: 'PROVIDER_ROUTE_SKIPPED' } });
    expect(mw.diagnostics.map((d) => d.code)).toEqual(['PROVIDER_CROSS_NAMESPACE']);
  });

  it('the load balancer of a route points at its services, the router at the route', () => {
    const r = build(ir('name: web, namespace: default', ROUTE));
    const lb = r.config.services[A]!.origin!.range;
    expect(r.text.slice(lb.start, lb.end)).toBe('[{ name: web, port: 80 }]');
    const route = only(r).origin;
    expect(r.text.slice(route.range.start, route.range.end)).toBe('match: Host(`a.com`)\n      kind: Rule\n      services: [{ name: web, port: 80 }]');
    expect(route.routeIndex).toBe(0);
  });
});

describe('odd shapes do not break the provider', () => {
  it('an IngressRoute without spec has no routers; a parent without spec or with a route that is not a mapping gives its names', () => {
    expect(routers(build(ir('name: web, namespace: default', '').replace('spec:\n', '')))).toEqual([]);
    const text = ir('name: p1, namespace: default', '').replace('spec:\n', '') + '---\n' + ir('name: p2, namespace: default', '  routes: [x]\n') + '---\n' +
      ir('name: child, namespace: default', '  parentRefs: [{ name: p1 }, { name: p2 }]\n  routes: [{ match: Path(`/x`), services: [{ name: web, port: 80 }] }]\n');
    const child = Object.values(build(text).config.routers).find((x) => x.rule === 'Path(`/x`)')!;
    expect(child.parentRefs).toEqual([`default-p2-${hash20('')}@kubernetescrd`]);
  });

  it.each([['1e30'], ['-9223372036854775809'], ['9223372036854775808.5']])('priority %s is not an integer Traefik refuses', (priority) => {
    const r = build(ir('name: web, namespace: default', `  routes:\n    - { match: Host(\`a.com\`), priority: ${priority}, services: [{ name: web, port: 80 }] }\n`));
    expect(r.diagnostics.map((d) => d.code)).not.toContain('PROVIDER_PRIORITY_TOO_HIGH');
  });
});
