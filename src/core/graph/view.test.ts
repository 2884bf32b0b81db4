import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildGraph, scopeGraph, type GraphView } from './index.ts';
import { viewGraph } from './view.ts';
import { config as configOf, FILE } from './fixtures.ts';
import type { Diagnostic, DynamicMiddleware, DynamicRouter, DynamicService, Resource, YNode } from '../types.ts';
import { analyze } from '../analyze.ts';
import { defaultSettings } from '../provider/settings.ts';
import { generateWorkspace } from '../../../bench/generate-yaml.ts';

const K = '@kubernetescrd';
const NAMESPACES = ['a', 'b', 'c'];
const ENTRY_POINTS = ['web', 'websecure'];
// Names 0–3 are mostly used in namespace a, 3–6 in b, 6–9 in c (see near): most sharing stays in a namespace.
const MIDDLEWARES = [...[0, 1, 2, 3, 4, 5, 6, 7, 8].map((i) => `m${i}${K}`), 'auth@file', `gone${K}`];
const SERVICES = [...[0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => `s${i}${K}`), 'api@internal', `lost${K}`];
/** A name of `names` near namespace `ns`: `k` 0–3 its own, 4 the next namespace's, 5 one of the last two (foreign or missing). */
const near = (names: readonly string[], ns: string, k: number) => (k === 5 ? names[names.length - 1 - (ns.charCodeAt(0) % 2)]! : names[(NAMESPACES.indexOf(ns) * 3 + k) % (names.length - 2)]!);
const nearIndex = fc.integer({ min: 0, max: 5 });
const URLS = ['http://10.0.0.1:80', 'http://10.0.0.2:80', 'http://10.0.0.3:80'];

function resource(kind: string, namespace: string, name: string, start: number): Resource {
  const node = { kind: 'map', flow: false, pairs: [], range: { start, end: start + 900 } } as YNode;
  return { kind, apiVersion: 'traefik.io/v1alpha1', id: `${kind}/${namespace}/${name}`, metadata: { name, namespace, namespaceExplicit: true, labels: {}, annotations: {} }, raw: {}, source: { file: FILE, docIndex: 0, path: [], node } } as Resource;
}

/**
 * A configuration with what makes a graph's shared nodes subtle: middlewares and services shared across namespaces,
 * chains (cycles too), errors pages, composite services (nested, cyclic, with load-balancer and missing children),
 * services named after their route, entryPoint-model copies of a route, parentRefs, backends shared by URL, unused and
 * missing references, Middleware and TraefikService resources, and diagnostics.
 */
const workspace = fc
  .record({
    routes: fc.array(
      fc.record({
        ns: fc.constantFrom(...NAMESPACES),
        ir: fc.integer({ min: 0, max: 5 }),
        index: fc.integer({ min: 0, max: 2 }),
        copies: fc.integer({ min: 1, max: 2 }),
        middlewares: fc.array(nearIndex, { maxLength: 3 }),
        service: fc.oneof(nearIndex, fc.constant(''), fc.constant('own')),
        entryPoints: fc.subarray(ENTRY_POINTS),
        parents: fc.array(fc.nat(), { maxLength: 2 }),
      }),
      { minLength: 1, maxLength: 24 },
    ),
    middlewares: fc.array(
      fc.record({
        at: fc.integer({ min: 0, max: 8 }),
        ns: fc.constantFrom(...NAMESPACES),
        type: fc.constantFrom('stripPrefix', 'chain', 'errors'),
        members: fc.array(nearIndex, { maxLength: 3 }),
        service: nearIndex,
        resource: fc.boolean(),
      }),
      { maxLength: 7 },
    ),
    services: fc.array(
      fc.record({
        at: fc.integer({ min: 0, max: 9 }),
        type: fc.constantFrom('loadBalancer', 'weighted', 'highestRandomWeight', 'mirroring', 'failover'),
        children: fc.array(nearIndex, { minLength: 2, maxLength: 3 }),
        urls: fc.subarray(URLS),
        resource: fc.boolean(),
      }),
      { maxLength: 8 },
    ),
    diagnostics: fc.array(fc.nat({ max: 40_000 }), { maxLength: 6 }),
  })
  .map(({ routes, middlewares, services, diagnostics }) => {
    const resources = new Map<string, Resource>();
    const routers: DynamicRouter[] = [];
    const svcs = new Map<string, DynamicService>();
    const mws = new Map<string, DynamicMiddleware>();
    const composite = (type: string, name: string, children: string[], urls: string[], origin?: DynamicService['origin']): DynamicService => {
      const c = children;
      const o = origin ? { origin } : {};
      switch (type) {
        case 'weighted':
        case 'highestRandomWeight':
          return { type, name, services: c.map((n, i) => ({ name: n, weight: i + 1 })), ...o } as DynamicService;
        case 'mirroring':
          return { type: 'mirroring', name, service: c[0]!, mirrorBody: true, maxBodySize: -1, mirrors: c.slice(1).map((n) => ({ name: n, percent: 10 })), ...o };
        case 'failover':
          return { type: 'failover', name, service: c[0]!, fallback: c[1]!, ...o };
        default:
          return { type: 'loadBalancer', name, servers: urls.map((url) => ({ url, source: 'endpointslice' as const })), scheme: 'http', passHostHeader: true, strategy: 'wrr', ...o };
      }
    };
    routes.forEach((r, i) => {
      const ir = resource('IngressRoute', r.ns, `ir${r.ir}`, 10_000 * (NAMESPACES.indexOf(r.ns) * 6 + r.ir));
      resources.set(ir.id, ir);
      for (let copy = 0; copy < r.copies; copy++) {
        const name = `${r.ns}-ir${r.ir}-${r.index}-${i}-${copy}${K}`;
        const start = ir.source.node.range.start + 100 * r.index;
        const service = r.service === 'own' ? name : r.service === '' ? '' : near(SERVICES, r.ns, r.service);
        if (r.service === 'own') svcs.set(name, composite('weighted', name, [near(SERVICES, r.ns, i % 4), near(SERVICES, r.ns, (i + 1) % 6)], [], { resourceId: ir.id, file: FILE, range: { start, end: start + 90 } }));
        routers.push({
          name,
          rule: `Host(\`h${i}.example.com\`)`,
          priority: 0,
          effectivePriority: 20,
          ruleSyntax: 'v3',
          ruleSyntaxRaw: '',
          entryPoints: r.entryPoints,
          middlewares: r.middlewares.map((k) => near(MIDDLEWARES, r.ns, k)),
          service,
          tls: null,
          parentRefs: [],
          origin: { resourceId: ir.id, file: FILE, range: { start, end: start + 90 }, routeIndex: r.index },
        });
      }
    });
    // Some routes are children of others (a parent within a few routes: mostly in the same namespace).
    routes.forEach((r, i) => {
      routers[i % routers.length]!.parentRefs = r.parents.map((p) => routers[(i + (p % 5)) % routers.length]!.name);
    });
    for (const m of middlewares) {
      const name = MIDDLEWARES[m.at]!;
      const ns = NAMESPACES[Math.floor(m.at / 3)]!;
      const own = resource('Middleware', m.ns, `m${m.at}`, 200_000 + 1000 * m.at);
      if (m.resource) resources.set(own.id, own);
      const cfg = m.type === 'chain' ? { middlewares: m.members.map((k) => near(MIDDLEWARES, ns, k)) } : m.type === 'errors' ? { service: near(SERVICES, ns, m.service), status: ['500'] } : { prefixes: ['/x'] };
      mws.set(name, { name, type: m.type, config: cfg, origin: { resourceId: own.id, file: FILE, range: own.source.node.range } });
    }
    for (const s of services) {
      const name = SERVICES[s.at]!;
      const ns = NAMESPACES[Math.floor(s.at / 3) % 3]!;
      const own = resource('TraefikService', ns, `s${s.at}`, 300_000 + 1000 * s.at);
      if (s.resource) resources.set(own.id, own);
      if (!svcs.has(name)) svcs.set(name, composite(s.type, name, s.children.map((k) => near(SERVICES, ns, k)), s.urls, s.resource ? { resourceId: own.id, file: FILE, range: own.source.node.range } : undefined));
    }
    const config = { ...configOf({ routers, services: [...svcs.values()], middlewares: [...mws.values()] }), outside: [`m7${K}`] };
    const diags: Diagnostic[] = diagnostics.map((at, i) => ({ code: 'X', severity: i % 2 ? 'warning' : 'error', family: 'schema', message: 'x', range: { start: at, end: at + 5 }, file: FILE }) as Diagnostic);
    return { config, resources: [...resources.values()], diagnostics: diags };
  });

const view = fc.record({
  filter: fc.record({ namespace: fc.option(fc.constantFrom(...NAMESPACES, 'z'), { nil: undefined }), entryPoint: fc.option(fc.constantFrom(...ENTRY_POINTS), { nil: undefined }), text: fc.option(fc.constantFrom('h1', 'm2', ''), { nil: undefined }) }, { requiredKeys: [] }),
  all: fc.boolean(),
  prefer: fc.option(fc.constantFrom(...NAMESPACES, 'z'), { nil: undefined }),
}) as fc.Arbitrary<GraphView>;

describe('viewGraph', () => {
  it('gives what scopeGraph keeps of the whole graph, building only what the view needs', () => {
    let partial = 0;
    let built = 0;
    let routers = 0;
    fc.assert(
      fc.property(workspace, view, fc.boolean(), fc.constantFrom(0, 10, 1000), ({ config, resources, diagnostics }, v, backends, scopeFrom) => {
        const expected = scopeGraph(buildGraph(config, resources, diagnostics, { backends }), v, scopeFrom);
        const got = viewGraph(config, resources, diagnostics, backends, v, scopeFrom);
        expect(got.scope).toStrictEqual(expected.scope);
        expect(got.graph).toStrictEqual(expected.graph);
        if (got.whole === null) {
          partial++;
          built += got.built;
          routers += Object.keys(config.routers).length;
        }
        else expect(got.built).toBe(Object.keys(config.routers).length);
      }),
      { seed: 19, numRuns: 400 },
    );
    // The property held for partial builds, not only for whole ones.
    expect(partial).toBeGreaterThan(100);
    expect(built).toBeLessThan(routers * 0.75);
  });

  it('builds one namespace of a generated workspace, the same as filtering the whole graph', () => {
    const ws = generateWorkspace(400);
    const a = analyze([{ name: 'big.yaml', text: ws.text }], defaultSettings());
    const routers = Object.keys(a.config.routers).length;
    for (const v of [{ filter: {}, all: false }, { filter: { namespace: 'team-3' }, all: false }, { filter: { entryPoint: 'web' }, all: false }, { filter: {}, all: false, prefer: 'team-7' }] satisfies GraphView[]) {
      const expected = scopeGraph(buildGraph(a.config, a.resources, a.diagnostics, { backends: false }), v, 500);
      const got = viewGraph(a.config, a.resources, a.diagnostics, false, v, 500);
      expect(got.scope).toStrictEqual(expected.scope);
      expect(got.graph).toStrictEqual(expected.graph);
      expect(got.scope.scoped).toBe(true);
      if (!v.filter.entryPoint) {
        // One namespace of 16: a small part of the routes is drawn.
        expect(got.whole).toBeNull();
        expect(got.built).toBeLessThan(routers / 4);
      }
    }
  });

  it('answers a text or host filter, and a view of everything, from the whole graph', () => {
    const ws = generateWorkspace(100);
    const a = analyze([{ name: 'big.yaml', text: ws.text }], defaultSettings());
    for (const v of [{ filter: { text: 'app-1' }, all: false }, { filter: { host: 'example' }, all: false }, { filter: {}, all: true }] satisfies GraphView[]) {
      const got = viewGraph(a.config, a.resources, a.diagnostics, false, v, 50);
      expect(got.whole).not.toBeNull();
      expect(got).toMatchObject(scopeGraph(got.whole!, v, 50));
    }
  });
});
