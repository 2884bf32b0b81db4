// buildDynamicConfig's steps after the provider (pkg/server/aggregator.go): applyModel (entryPoint
// http.middlewares / http.tls copied onto routers, `<ep>-<name>` copies for routers on several entryPoints),
// the router manager's failures (unknown TLS option, no service) and the TLS options Traefik holds.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { at, build, ir, type Built } from './test-support.ts';
import type { EntryPointSettings } from '../types.ts';



describe('applyModel: entryPoint http.middlewares and http.tls', () => {
  const eps: EntryPointSettings[] = [
    { name: 'web', port: 80, middlewares: ['auth@file', 'strip'] },
    { name: 'websecure', port: 443, tls: { options: 'modern', certResolver: 'le' } },
    { name: 'admin', port: 9000 },
  ];
  const names = (r: Built) => Object.keys(r.config.routers).map((n) => n.replace(/[0-9a-f]{20}/, 'HASH'));
  const route = (entryPoints: string, extra = '') => ir('web', `  entryPoints: ${entryPoints}\n  routes:\n    - { match: Host(\`a.com\`), middlewares: [{ name: own }], services: [{ name: s, port: 80 }] }\n${extra}`);

  it('one modelled entryPoint: the router itself gets the model, middlewares first', () => {
    const r = build(route('[web]'), {}, { entryPoints: eps });
    expect(names(r)).toEqual(['default-web-HASH@kubernetescrd']);
    expect(Object.values(r.config.routers)[0]!.middlewares).toEqual(['auth@file', 'strip@kubernetescrd', 'default-own@kubernetescrd']);
  });

  it('a model TLS makes the router a TLS router with its options qualified; a router TLS wins', () => {
    const r = build(route('[websecure]'), {}, { entryPoints: eps });
    expect(Object.values(r.config.routers)[0]!.tls).toEqual({ resolvedOptions: 'modern@kubernetescrd', options: 'modern@kubernetescrd', certResolver: 'le' });
    const own = build(route('[websecure]', '  tls: { certResolver: mine }\n'), {}, { entryPoints: eps });
    expect(Object.values(own.config.routers)[0]!.tls).toEqual({ resolvedOptions: 'default', certResolver: 'mine' });
    const bare = build(route('[websecure]'), {}, { entryPoints: [{ name: 'websecure', port: 443, tls: {} }] });
    expect(Object.values(bare.config.routers)[0]!.tls).toEqual({ resolvedOptions: 'default' });
  });

  it('several entryPoints: `<ep>-<name>` copies for the modelled ones, the router keeps the others', () => {
    const r = build(route('[web, websecure, admin]'), {}, { entryPoints: eps });
    expect(names(r)).toEqual(['default-web-HASH@kubernetescrd', 'web-default-web-HASH@kubernetescrd', 'websecure-default-web-HASH@kubernetescrd']);
    const [orig, web, secure] = Object.values(r.config.routers);
    expect(orig).toMatchObject({ entryPoints: ['admin'], middlewares: ['default-own@kubernetescrd'], tls: null });
    expect(web).toMatchObject({ entryPoints: ['web'], middlewares: ['auth@file', 'strip@kubernetescrd', 'default-own@kubernetescrd'], tls: null });
    expect(secure).toMatchObject({ entryPoints: ['websecure'], middlewares: ['default-own@kubernetescrd'], tls: { resolvedOptions: 'modern@kubernetescrd' } });
  });

  it('every entryPoint modelled: only the copies remain', () => {
    expect(names(build(route('[web, websecure]'), {}, { entryPoints: eps }))).toEqual(['web-default-web-HASH@kubernetescrd', 'websecure-default-web-HASH@kubernetescrd']);
  });

  it('a router on no modelled entryPoint, and children (models apply to root routers only), are left alone', () => {
    const r = build(route('[admin]') + ir('child', '  parentRefs: [{ name: web }]\n  routes:\n    - { match: Path(`/x`), services: [{ name: s, port: 80 }] }\n'), {}, { entryPoints: eps });
    for (const router of Object.values(r.config.routers)) expect(router.middlewares).not.toContain('auth@file');
  });

  it('a model with an empty middleware list and no TLS is no model', () => {
    const r = build(route('[web, admin]'), {}, { entryPoints: [{ name: 'web', port: 80, middlewares: [] }, { name: 'admin', port: 9000 }] });
    expect(names(r)).toEqual(['default-web-HASH@kubernetescrd']);
  });
});

describe('applyModel: children follow their parent\'s `<ep>-<name>` copies (aggregator.go applyModel, Test_applyModel rows)', () => {
  /** `default-<name>-sha256(match)[:20]@kubernetescrd`, the router of the only route of IngressRoute `name`. */
  const routerOf = (name: string, match: string) => `default-${name}-${createHash('sha256').update(match, 'utf8').digest('hex').slice(0, 20)}@kubernetescrd`;
  const P = routerOf('parent', 'Host(`p.com`)');
  const P1 = routerOf('parent1', 'Host(`p1.com`)');
  const P2 = routerOf('parent2', 'Host(`p2.com`)');
  const parent = (name: string, eps: string, extra = '') => ir(name, `  entryPoints: ${eps}\n  routes:\n    - { match: Host(\`${name.replace('parent', 'p')}.com\`), services: [{ name: s, port: 80 }]${extra} }\n`);
  const child = (name: string, parents: string) => ir(name, `  parentRefs: [${parents}]\n  routes:\n    - { match: Path(\`/${name}\`), services: [{ name: s, port: 80 }] }\n`);
  const refsOf = (r: Built, name: string) => Object.values(r.config.routers).find((x) => x.origin.resourceId === `IngressRoute/default/${name}`)!.parentRefs;
  const ep = (name: string, model: 'tls' | 'mw' | null): EntryPointSettings => ({ name, port: 80, ...(model === 'tls' ? { tls: {} } : model === 'mw' ? { middlewares: ['auth@file'] } : {}) });

  it.each([
    { desc: 'child router with parentRefs, parent not split', text: parent('parent', '[web]') + child('child', '{ name: parent }'), eps: [ep('web', null), ep('websecure', 'tls')], want: { child: [P] } },
    { desc: 'child router with parentRefs, parent split by model', text: parent('parent', '[websecure, web]') + child('child', '{ name: parent }'), eps: [ep('web', null), ep('websecure', 'mw')], want: { child: [P, `websecure-${P}`] } },
    { desc: 'multiple child routers with parentRefs, parent split by model', text: parent('parent', '[websecure, web]') + child('child1', '{ name: parent }') + child('child2', '{ name: parent }'), eps: [ep('web', null), ep('websecure', 'mw')], want: { child1: [P, `websecure-${P}`], child2: [P, `websecure-${P}`] } },
    { desc: 'child router with multiple parentRefs, some split', text: parent('parent1', '[websecure, web]') + parent('parent2', '[web]') + child('child', '{ name: parent1 }, { name: parent2 }'), eps: [ep('web', null), ep('websecure', 'tls')], want: { child: [P1, `websecure-${P1}`, P2] } },
    { desc: 'child router with multiple parentRefs, all split', text: parent('parent1', '[websecure, web]') + parent('parent2', '[web]') + child('child', '{ name: parent1 }, { name: parent2 }'), eps: [ep('web', 'tls'), ep('websecure', 'tls')], want: { child: [`websecure-${P1}`, `web-${P1}`, P2] } },
    { desc: 'child router with parentRefs, parent split into three routers', text: parent('parent', '[websecure, web, admin]') + child('child', '{ name: parent }'), eps: [ep('web', null), ep('websecure', 'tls'), ep('admin', 'mw')], want: { child: [P, `websecure-${P}`, `admin-${P}`] } },
    // No model: applyModel leaves parentRefs alone, even to a parent Traefik does not have ("child router with parentRefs to non-existing parent").
    { desc: 'no model: a parent the provider skipped stays referenced', text: parent('parent', '[websecure, web]', ', middlewares: [{ name: m, namespace: other }]') + child('child', '{ name: parent }'), eps: [ep('web', null), ep('websecure', null)], want: { child: [P] } },
    // With models, a reference is kept only when the router exists (`if _, ok := rts[ref]`): a skipped route, and its copies, are not routers.
    { desc: 'with models: a parent the provider skipped, and its copies, are dropped', text: parent('parent', '[websecure, web]', ', middlewares: [{ name: m, namespace: other }]') + parent('parent2', '[web]') + child('child', '{ name: parent }, { name: parent2 }'), eps: [ep('web', null), ep('websecure', 'mw')], want: { child: [P2] } },
  ])('$desc', ({ text, eps, want }) => {
    const r = build(text, {}, { entryPoints: eps });
    for (const [name, refs] of Object.entries(want)) expect(refsOf(r, name)).toEqual(refs);
  });

  it('every entryPoint of the parent modelled: only the copies are parents', () => {
    const r = build(parent('parent', '[websecure, web]') + child('child', '{ name: parent }'), {}, { entryPoints: [ep('web', 'tls'), ep('websecure', 'tls')] });
    expect(refsOf(r, 'child')).toEqual([`websecure-${P}`, `web-${P}`]);
    expect(r.config.routers[P]).toBeUndefined();
  });
});

describe('routers the router manager fails', () => {
  const OPTION = (name: string, ns = 'default') => `---\napiVersion: traefik.io/v1alpha1\nkind: TLSOption\nmetadata: { name: ${name}, namespace: ${ns} }\nspec: {}\n`;
  const withOption = (options: string, routes = 1, ns = 'default') => ir('web', `  routes:\n${Array.from({ length: routes }, (_, i) => `    - { match: Host(\`${i}.com\`), services: [{ name: s, port: 80 }] }\n`).join('')}  tls: { options: ${options} }\n`, ns);

  it('an unknown TLS option of a namespace the workspace holds: every route fails, with the closest name', () => {
    const r = build(withOption('{ name: modrn }', 2) + OPTION('modern'));
    expect(Object.values(r.config.routers).map((x) => x.disabled)).toEqual([
      { reason: 'unknown TLS option default-modrn@kubernetescrd', code: 'PROVIDER_TLS_OPTION_NOT_FOUND' },
      { reason: 'unknown TLS option default-modrn@kubernetescrd', code: 'PROVIDER_TLS_OPTION_NOT_FOUND' },
    ]);
    const d = r.diagnostics.find((x) => x.code === 'PROVIDER_TLS_OPTION_NOT_FOUND')!;
    expect(d.message).toBe('TLS option default-modrn@kubernetescrd is not defined: Traefik emits this router and fails it at runtime, and closes TLS connections for its hosts. Did you mean modern? Define the TLSOption, or remove tls.options to use the default.');
    expect(at(r, 'PROVIDER_TLS_OPTION_NOT_FOUND')).toEqual(['modrn', 'modrn']);
  });

  it('a TLS option of a namespace the workspace does not hold: assumed outside, said once per IngressRoute', () => {
    const r = build(withOption('{ name: modern, namespace: shop }', 2), { allowCrossNamespace: true });
    expect(Object.values(r.config.routers).map((x) => x.disabled)).toEqual([undefined, undefined]);
    expect(r.config.outside).toEqual(['shop-modern@kubernetescrd']);
    expect(at(r, 'PROVIDER_REFERENCE_OUTSIDE')).toEqual(['modern']);
  });

  it('the TLSOption default defined in two namespaces is dropped: a reference to it fails, never outside', () => {
    const r = build(withOption('{ name: default, namespace: other }', 1, 'shop') + OPTION('default', 'other') + OPTION('default', 'third'), { allowCrossNamespace: true });
    expect(Object.values(r.config.routers)[0]!.disabled?.code).toBe('PROVIDER_TLS_OPTION_NOT_FOUND');
    expect(r.config.outside).toBeUndefined();
  });

  it('ns-name@kubernetescrd of a namespace the workspace does not hold is missing, not outside (the name does not say where ns ends)', () => {
    const r = build(withOption('{ name: shop-modern@kubernetescrd }'), { allowCrossNamespace: true });
    expect(Object.values(r.config.routers)[0]!.disabled?.code).toBe('PROVIDER_TLS_OPTION_NOT_FOUND');
  });

  it('a defined option, name@file and a skipped route are not checked', () => {
    expect(Object.values(build(withOption('{ name: modern }') + OPTION('modern')).config.routers)[0]!.disabled).toBeUndefined();
    expect(Object.values(build(withOption('{ name: modern@file }')).config.routers)[0]!.disabled).toBeUndefined();
    const skipped = build(withOption('{ name: modern, namespace: other }'));
    expect(Object.values(skipped.config.routers)[0]!.disabled?.code).toBe('PROVIDER_ROUTE_SKIPPED');
    expect(at(skipped, 'PROVIDER_TLS_OPTION_NOT_FOUND')).toEqual([]);
  });

  it('what the failures say, on the route they belong to (another resource written first)', () => {
    const SVC = '---\napiVersion: v1\nkind: Service\nmetadata: { name: s, namespace: default }\nspec: { ports: [{ name: web, port: 80 }] }\n';
    const r = build(SVC + ir('web', '  routes:\n    - { match: Host(`a.com`), services: [{ name: s, port: 80 }] }\n    - { match: Host(`b.com`) }\n'));
    const noService = r.diagnostics.find((d) => d.code === 'PROVIDER_NO_SERVICE')!;
    expect(noService.message).toBe('This route has no services and no child IngressRoute points at it: Traefik disables it ("router has no service and no child routers"). Add services.');
    expect(r.text.slice(noService.range.start, noService.range.end)).toBe('{ match: Host(`b.com`) }');
    const t = build(SVC + ir('web', '  routes:\n    - { match: Host(`a.com`), services: [{ name: s, port: 80 }] }\n  tls: { options: { name: zzzzzz } }\n'));
    expect(at(t, 'PROVIDER_TLS_OPTION_NOT_FOUND')).toEqual(['zzzzzz']);
    expect(t.diagnostics.find((d) => d.code === 'PROVIDER_TLS_OPTION_NOT_FOUND')!.message).toBe('TLS option default-zzzzzz@kubernetescrd is not defined: Traefik emits this router and fails it at runtime, and closes TLS connections for its hosts. Define the TLSOption, or remove tls.options to use the default.');
  });

  it('the outside message', () => {
    const r = build(withOption('{ name: modern, namespace: shop }'), { allowCrossNamespace: true });
    expect(r.diagnostics.find((d) => d.code === 'PROVIDER_REFERENCE_OUTSIDE')!.message).toBe('TLSOption shop/modern is outside the workspace (no resource of namespace shop is in it): assumed to exist; the simulator uses Traefik\'s default TLS settings for it. Add its file, or use Strict to make this an error.');
  });

  it('ns-name@kubernetescrd with a namespace written: still missing (the namespace is ignored for it)', () => {
    const r = build(withOption('{ name: shop-modern@kubernetescrd, namespace: shop }'), { allowCrossNamespace: true });
    expect(Object.values(r.config.routers)[0]!.disabled?.code).toBe('PROVIDER_TLS_OPTION_NOT_FOUND');
    expect(r.config.outside).toBeUndefined();
  });

  it('a route skipped for a middleware is not checked for its TLS option', () => {
    const r = build(ir('web', '  routes:\n    - { match: Host(`a.com`), middlewares: [{ name: m, namespace: other }], services: [{ name: s, port: 80 }] }\n  tls: { options: { name: gone } }\n'));
    expect(Object.values(r.config.routers)[0]!.disabled?.code).toBe('PROVIDER_ROUTE_SKIPPED');
    expect(at(r, 'PROVIDER_TLS_OPTION_NOT_FOUND')).toEqual([]);
  });

  it('a parent without services keeps working while a child points at it', () => {
    const r = build(ir('parent', '  routes:\n    - { match: Host(`p.com`) }\n') + ir('child', '  parentRefs: [{ name: parent }]\n  routes:\n    - { match: Path(`/x`), services: [{ name: s, port: 80 }] }\n'));
    expect(Object.values(r.config.routers).map((x) => [x.rule, x.disabled, x.entryPoints])).toEqual([
      ['Host(`p.com`)', undefined, ['web', 'websecure']],
      ['Path(`/x`)', undefined, []],
    ]);
    expect(at(r, 'PROVIDER_NO_SERVICE')).toEqual([]);
  });
});
