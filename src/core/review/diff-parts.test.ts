// The parts of the review diff on hand-built configurations and verdicts: which router fields are compared
// and how they read, how routers of two versions are paired, how diagnostics are matched without their
// ranges, what a verdict summary holds, and which routing changes are listed (and in what order).
import { describe, expect, it } from 'vitest';
import type { Analysis } from '../analyze.ts';
import { baseSettings, config, lb, middleware, router } from '../simulate/fixtures.ts';
import type { ServiceNode, SimRequest, Verdict } from '../simulate/verdict.ts';
import type { Diagnostic, DynamicConfig, DynamicRouter, DynamicService } from '../types.ts';
import { diffHasFindings, diffWorkspaces, requestLabel, routeOf, summarize } from './diff.ts';
import type { WorkspaceDiff } from './types.ts';

const N = (name: string) => `${name}@kubernetescrd`;
const R = (name: string, rule: string, over: Parameters<typeof router>[2] = {}) => router(N(name), rule, over);
const fromRoute = (ns: string, name: string, routeIndex?: number) => ({
  resourceId: `IngressRoute/${ns}/${name}`, file: 'apps.yaml', range: { start: 0, end: 0 }, ...(routeIndex === undefined ? {} : { routeIndex }),
});

function analysis(cfg: DynamicConfig, over: Partial<Analysis> = {}): Analysis {
  return { files: [], resources: [], config: cfg, diagnostics: [], settings: baseSettings(), ...over };
}
const diff = (base: DynamicConfig, head: DynamicConfig): WorkspaceDiff => diffWorkspaces(analysis(base), analysis(head));

describe('routeOf', () => {
  it.each<[string, DynamicRouter['origin'], string | null]>([
    ['a route of an IngressRoute', fromRoute('apps', 'shop', 2), 'apps/shop#2'],
    ['route 0', fromRoute('apps', 'shop', 0), 'apps/shop#0'],
    ['no route index', fromRoute('apps', 'shop'), null],
    ['another kind', { resourceId: 'Ingress/apps/shop', file: 'a.yaml', range: { start: 0, end: 0 }, routeIndex: 1 }, null],
    ['a kind that only ends like it', { resourceId: 'NotIngressRoute/apps/shop', file: 'a.yaml', range: { start: 0, end: 0 }, routeIndex: 1 }, null],
    ['a resource id with more after the name', { ...fromRoute('apps', 'shop', 3), resourceId: 'IngressRoute/apps/shop#x' }, 'apps/shop#3'],
  ])('%s', (_, origin, expected) => {
    expect(routeOf({ ...R('x', 'Host(`a.com`)'), origin })).toBe(expected);
  });
});

describe('diffWorkspaces: router fields', () => {
  const base = R('a', 'Host(`a.com`)', { origin: fromRoute('apps', 'a', 0) });
  it.each<[string, Partial<DynamicRouter>, Partial<DynamicRouter>, { field: string; before: string; after: string }]>([
    ['priority set', {}, { priority: 5, effectivePriority: 5 }, { field: 'priority', before: '13 (rule length)', after: '5' }],
    ['priority cleared', { priority: 20, effectivePriority: 20 }, {}, { field: 'priority', before: '20', after: '13 (rule length)' }],
    ['syntax', {}, { ruleSyntax: 'v2' }, { field: 'syntax', before: 'v3', after: 'v2' }],
    ['entryPoints', {}, { entryPoints: ['web', 'websecure'] }, { field: 'entryPoints', before: 'web', after: 'web, websecure' }],
    ['no entryPoints', {}, { entryPoints: [] }, { field: 'entryPoints', before: 'web', after: '(none)' }],
    ['middlewares', { middlewares: ['m1@file'] }, { middlewares: ['m1@file', 'm2@file'] }, { field: 'middlewares', before: 'm1@file', after: 'm1@file, m2@file' }],
    ['middlewares removed', { middlewares: ['m1@file'] }, {}, { field: 'middlewares', before: 'm1@file', after: '(none)' }],
    ['service', {}, { service: N('b') }, { field: 'service', before: N('a'), after: N('b') }],
    ['service removed', {}, { service: '' }, { field: 'service', before: N('a'), after: '(none)' }],
    ['tls added', {}, { tls: { resolvedOptions: 'apps-modern@kubernetescrd' } }, { field: 'tls', before: 'none', after: 'options apps-modern@kubernetescrd' }],
    [
      'tls resolver and domains',
      { tls: { resolvedOptions: 'default' } },
      { tls: { resolvedOptions: 'default', certResolver: 'le', domains: [{ main: 'a.com', sans: ['www.a.com'] }, { main: 'b.com', sans: [] }] } },
      { field: 'tls', before: 'options default', after: 'options default, certResolver le, domains a.com+www.a.com, b.com' },
    ],
    ['tls with no domains listed', { tls: { resolvedOptions: 'x@file', domains: [] } }, {}, { field: 'tls', before: 'options x@file', after: 'none' }],
    ['parentRefs', {}, { parentRefs: [N('p'), N('q')] }, { field: 'parentRefs', before: '(none)', after: `${N('p')}, ${N('q')}` }],
    ['served', {}, { disabled: { reason: 'its service is missing', code: 'X' } }, { field: 'served', before: 'yes', after: 'no: its service is missing' }],
    ['observability', {}, { observability: { accessLogs: false } }, { field: 'observability', before: '(default)', after: '{"accessLogs":false}' }],
  ])('%s', (_, before, after, field) => {
    const d = diff(config({ routers: [{ ...base, ...before }] }), config({ routers: [{ ...base, ...after }] }));
    expect(d.routers.changed).toEqual([{ name: N('a'), previousName: null, route: 'apps/a#0', fields: [field] }]);
    expect(d.routers.added).toEqual([]);
    expect(d.routers.removed).toEqual([]);
  });

  it('an empty resolved option reads as default', () => {
    const d = diff(config({ routers: [{ ...base, tls: { resolvedOptions: '' } }] }), config({ routers: [{ ...base, tls: { resolvedOptions: 'default', certResolver: 'le' } }] }));
    expect(d.routers.changed[0]!.fields).toEqual([{ field: 'tls', before: 'options default', after: 'options default, certResolver le' }]);
  });

  it('lists every changed field in order', () => {
    const d = diff(
      config({ routers: [base] }),
      config({ routers: [{ ...base, rule: 'Host(`a.org`)', priority: 3, effectivePriority: 3, middlewares: ['m@file'] }] }),
    );
    expect(d.routers.changed[0]!.fields).toEqual([
      { field: 'rule', before: 'Host(`a.com`)', after: 'Host(`a.org`)' },
      { field: 'priority', before: '13 (rule length)', after: '3' },
      { field: 'middlewares', before: '(none)', after: 'm@file' },
    ]);
  });
});

describe('diffWorkspaces: pairing routers', () => {
  it('pairs by route when the name changed, lists the rest as added and removed, sorted by name', () => {
    const base = config({
      routers: [
        R('old-1', 'Host(`a.com`)', { origin: fromRoute('apps', 'x', 0), service: N('x') }),
        R('zz-gone', 'Host(`z.com`)', { origin: fromRoute('apps', 'z', 0), entryPoints: ['web', 'websecure'] }),
        R('aa-gone', 'Host(`y.com`)', { origin: fromRoute('apps', 'y') }),
      ],
    });
    const head = config({
      routers: [
        R('new-1', 'Host(`a.org`)', { origin: fromRoute('apps', 'x', 0), service: N('x') }),
        R('zz-new', 'Host(`n.com`)', { origin: fromRoute('apps', 'n', 1) }),
        R('aa-new', 'Host(`m.com`)'),
      ],
    });
    const d = diff(base, head);
    expect(d.routers.changed).toEqual([
      { name: N('new-1'), previousName: N('old-1'), route: 'apps/x#0', fields: [{ field: 'rule', before: 'Host(`a.com`)', after: 'Host(`a.org`)' }] },
    ]);
    expect(d.routers.added).toEqual([
      { name: N('aa-new'), rule: 'Host(`m.com`)', entryPoints: ['web'], route: null },
      { name: N('zz-new'), rule: 'Host(`n.com`)', entryPoints: ['web'], route: 'apps/n#1' },
    ]);
    expect(d.routers.removed).toEqual([
      { name: N('aa-gone'), rule: 'Host(`y.com`)', entryPoints: ['web'], route: null },
      { name: N('zz-gone'), rule: 'Host(`z.com`)', entryPoints: ['web', 'websecure'], route: 'apps/z#0' },
    ]);
  });

  it('the same routers, without IngressRoute routes, are unchanged', () => {
    const cfg = () => config({ routers: [R('a', 'Host(`a.com`)'), R('b', 'Host(`b.com`)')] });
    expect(diff(cfg(), cfg()).routers).toEqual({ added: [], removed: [], changed: [] });
  });

  it('sorts added, removed and changed routers by name', () => {
    const names = ['m', 'z', 'a', 'q'];
    const base = config({ routers: [...names.map((n) => R(`gone-${n}`, `Host(\`${n}.gone\`)`)), ...names.map((n) => R(`kept-${n}`, 'Host(`k.com`)'))] });
    const head = config({ routers: [...names.map((n) => R(`new-${n}`, `Host(\`${n}.new\`)`)), ...names.map((n) => R(`kept-${n}`, 'Host(`k.org`)'))] });
    const d = diff(base, head);
    expect(d.routers.added.map((r) => r.name)).toEqual(['a', 'm', 'q', 'z'].map((n) => N(`new-${n}`)));
    expect(d.routers.removed.map((r) => r.name)).toEqual(['a', 'm', 'q', 'z'].map((n) => N(`gone-${n}`)));
    expect(d.routers.changed.map((r) => r.name)).toEqual(['a', 'm', 'q', 'z'].map((n) => N(`kept-${n}`)));
  });

  it('a renamed router with no other change is listed as changed, with no fields', () => {
    const d = diff(
      config({ routers: [R('one', 'Host(`a.com`)', { origin: fromRoute('apps', 'x', 0), service: N('x') })] }),
      config({ routers: [R('two', 'Host(`a.com`)', { origin: fromRoute('apps', 'x', 0), service: N('x') })] }),
    );
    expect(d.routers.changed).toEqual([{ name: N('two'), previousName: N('one'), route: 'apps/x#0', fields: [] }]);
  });

  it('a route is paired once: a second base router of the same route is removed, and the first head router of a route is the one paired', () => {
    const base = config({ routers: [R('b1', 'Host(`a.com`)', { origin: fromRoute('apps', 'x', 0) }), R('b2', 'Host(`b.com`)', { origin: fromRoute('apps', 'x', 0) })] });
    const head = config({ routers: [R('h1', 'Host(`c.com`)', { origin: fromRoute('apps', 'x', 0) }), R('h2', 'Host(`d.com`)', { origin: fromRoute('apps', 'x', 0) })] });
    const d = diff(base, head);
    expect(d.routers.changed.map((c) => [c.previousName, c.name])).toEqual([[N('b1'), N('h1')]]);
    expect(d.routers.removed.map((r) => r.name)).toEqual([N('b2')]);
    expect(d.routers.added.map((r) => r.name)).toEqual([N('h2')]);
  });

  it('a head router kept by name is not paired again by route', () => {
    const base = config({ routers: [R('same', 'Host(`a.com`)', { origin: fromRoute('apps', 'x', 0) }), R('old', 'Host(`b.com`)', { origin: fromRoute('apps', 'x', 0) })] });
    const head = config({ routers: [R('same', 'Host(`a.com`)', { origin: fromRoute('apps', 'x', 0) })] });
    const d = diff(base, head);
    expect(d.routers.changed).toEqual([]);
    expect(d.routers.removed.map((r) => r.name)).toEqual([N('old')]);
  });
});

describe('diffWorkspaces: diagnostics without their ranges', () => {
  const d = (file: string, code: string, message = 'm', severity: Diagnostic['severity'] = 'error', start = 0): Diagnostic => ({
    code, severity, family: 'reference', message, file, range: { start, end: start + 1 },
  });
  const file = (name: string) => ({ file: name, text: '', documents: [], diagnostics: [] });
  const run = (base: Diagnostic[], head: Diagnostic[], baseFiles = ['apps.yaml'], headFiles = ['apps.yaml']) =>
    diffWorkspaces(
      analysis(config({}), { diagnostics: base, files: baseFiles.map(file) }),
      analysis(config({}), { diagnostics: head, files: headFiles.map(file) }),
    ).diagnostics;

  it('a moved diagnostic is neither introduced nor fixed', () => {
    expect(run([d('apps.yaml', 'A', 'm', 'error', 5)], [d('apps.yaml', 'A', 'm', 'error', 50)])).toEqual({ introduced: [], fixed: [] });
  });

  it.each([
    ['code', d('apps.yaml', 'B')],
    ['message', d('apps.yaml', 'A', 'other')],
    ['severity', d('apps.yaml', 'A', 'm', 'warning')],
  ])('a different %s is one introduced and one fixed', (_, head) => {
    const base = d('apps.yaml', 'A');
    expect(run([base], [head])).toEqual({ introduced: [head], fixed: [base] });
  });

  it('counts repeated diagnostics', () => {
    const one = d('apps.yaml', 'A');
    expect(run([one], [one, { ...one, range: { start: 9, end: 10 } }])).toEqual({ introduced: [{ ...one, range: { start: 9, end: 10 } }], fixed: [] });
    expect(run([one, one], [one])).toEqual({ introduced: [], fixed: [one] });
    expect(run([], [one, one])).toEqual({ introduced: [one, one], fixed: [] });
    expect(run([one], [one, one, one])).toEqual({ introduced: [one, one], fixed: [] });
  });

  it('the file counts only when both versions have it', () => {
    // Base loaded as main.yaml, head as apps.yaml: the same diagnostic.
    expect(run([d('main.yaml', 'A')], [d('apps.yaml', 'A')], ['main.yaml'], ['apps.yaml'])).toEqual({ introduced: [], fixed: [] });
    // Both versions have both files: a diagnostic that moved to the other file is new there.
    const both = ['apps.yaml', 'main.yaml'];
    expect(run([d('main.yaml', 'A')], [d('apps.yaml', 'A')], both, both)).toEqual({ introduced: [d('apps.yaml', 'A')], fixed: [d('main.yaml', 'A')] });
  });

  it('only introduced errors are findings', () => {
    const base = analysis(config({}));
    const warned = analysis(config({}), { diagnostics: [d('apps.yaml', 'W', 'm', 'warning')] });
    expect(diffHasFindings(diffWorkspaces(base, warned))).toBe(false);
    expect(diffHasFindings(diffWorkspaces(base, analysis(config({}), { diagnostics: [d('apps.yaml', 'E')] })))).toBe(true);
    expect(diffHasFindings(diffWorkspaces(analysis(config({}), { diagnostics: [d('apps.yaml', 'E')] }), base))).toBe(false);
  });
});

describe('summarize', () => {
  const request: SimRequest = { method: 'GET', url: 'http://a.com/x', headers: {}, clientIP: '203.0.113.7' };
  const common = { request, entryPoint: null, preprocess: null, tls: null, routing: [], sniCheck: null, middlewares: [], service: null, router: null, errorPages: [], notes: [] };
  const forwarded = (upstreamUrl: string, host: string, tree?: ServiceNode): Verdict => ({
    ...common, type: 'forwarded', router: N('a'),
    middlewares: [{ name: 'm1@file', type: 'headers', owner: N('a'), status: 'applied', effect: '' }, { name: 'm2@file', type: 'headers', owner: N('a'), status: 'no-op', effect: '' }],
    service: tree ? { name: 'svc@file', tree, middlewares: [] } : null,
    upstream: { method: 'POST', url: upstreamUrl, host, headers: {} }, responseHeaders: {},
  });

  it('a forwarded request: router, middlewares, service and upstream, the Host only when it differs from the URL', () => {
    const tls = { sni: 'a.com', option: 'default', entry: null, because: '', ties: [], certificate: { type: 'traefik-default' as const }, unknownCertificates: [], handshake: 'ok' as const, notes: [] };
    expect(summarize({ ...forwarded('http://10.0.0.1:80/x?q=1', 'a.com'), tls })).toEqual({
      outcome: 'forwarded', router: N('a'), status: null, tlsOption: 'default', middlewares: ['m1@file', 'm2@file'], service: null, backend: null,
      upstream: 'POST http://10.0.0.1:80/x?q=1 (Host: a.com)', location: null, reason: null,
    });
    expect(summarize(forwarded('http://10.0.0.1:80/x', '10.0.0.1:80')).upstream).toBe('POST http://10.0.0.1:80/x');
    expect(summarize(forwarded('HTTPS://b.com', 'b.com')).upstream).toBe('POST HTTPS://b.com');
    // Not an absolute URL at its start: the Host is always named.
    expect(summarize(forwarded('10.0.0.1/x', '10.0.0.1')).upstream).toBe('POST 10.0.0.1/x (Host: 10.0.0.1)');
    expect(summarize(forwarded('see http://a.com/', 'a.com')).upstream).toBe('POST see http://a.com/ (Host: a.com)');
  });

  it('a response: status and Location (a list joined), no upstream', () => {
    const v = (headers: Record<string, string | string[]>): Verdict => ({ ...common, type: 'responded', router: N('r'), cause: 'redirect', response: { status: 302, headers, body: '' } });
    expect(summarize(v({ Location: 'https://a.com/x' }))).toEqual({
      outcome: 'responded', router: N('r'), status: 302, tlsOption: null, middlewares: [], service: null, backend: null, upstream: null, location: 'https://a.com/x', reason: null,
    });
    expect(summarize(v({ Location: ['https://a.com/', 'https://b.com/'] })).location).toBe('https://a.com/, https://b.com/');
    expect(summarize(v({})).location).toBeNull();
  });

  it('no response: the reason', () => {
    expect(summarize({ ...common, type: 'no-response', cause: 'no-entrypoint', reason: 'no entryPoint listens on port 8080' })).toEqual({
      outcome: 'no-response', router: null, status: null, tlsOption: null, middlewares: [], service: null, backend: null, upstream: null, location: null,
      reason: 'no entryPoint listens on port 8080',
    });
  });

  const leaf = (name: string): ServiceNode => ({ type: 'loadBalancer', name, servers: [], scheme: 'http', passHostHeader: true, strategy: 'wrr', chosen: null, notes: [] });
  const k8s = (name: string, ns: string, svc: string, port: number | string): DynamicService => lb(name, [], { kubernetesService: { namespace: ns, name: svc, port } });
  const cfg = config({ services: [k8s('a@kubernetescrd', 'apps', 'web', 80), k8s('b@kubernetescrd', 'apps', 'api', 'http'), lb('plain@kubernetescrd', [])] });

  it.each<[string, ServiceNode, string | null]>([
    ['a Kubernetes Service', leaf('a@kubernetescrd'), 'apps/web:80'],
    ['a named port', leaf('b@kubernetescrd'), 'apps/api:http'],
    ['a load balancer without a Kubernetes Service', leaf('plain@kubernetescrd'), 'plain@kubernetescrd'],
    ['a service the configuration does not have', leaf('gone@file'), 'gone@file'],
    [
      'the chosen child of a weighted service',
      { type: 'weighted', name: 'w@kubernetescrd', children: [{ name: 'a@kubernetescrd', weight: 1, percent: 50, node: leaf('a@kubernetescrd') }, { name: 'b@kubernetescrd', weight: 1, percent: 50, node: leaf('b@kubernetescrd') }], chosen: 'b@kubernetescrd', notes: [] },
      'apps/api:http',
    ],
    ['a weighted service with no choice', { type: 'weighted', name: 'w@kubernetescrd', children: [{ name: 'a@kubernetescrd', weight: 1, percent: 100, node: leaf('a@kubernetescrd') }], chosen: null, notes: [] }, null],
    ['the main service of a mirroring', { type: 'mirroring', name: 'm@kubernetescrd', main: leaf('a@kubernetescrd'), mirrors: [{ name: 'b@kubernetescrd', percent: 10 }], notes: [] }, 'apps/web:80'],
    ['the main service of a failover', { type: 'failover', name: 'f@file', main: leaf('b@kubernetescrd'), fallback: leaf('a@kubernetescrd'), notes: [] }, 'apps/api:http'],
    ['a highest-random-weight service', { type: 'highestRandomWeight', name: 'h@file', children: [{ name: 'a@kubernetescrd', weight: 1, node: leaf('a@kubernetescrd') }], notes: [] }, 'h@file'],
    ['an internal service', { type: 'internal', name: 'api@internal', notes: [] }, 'api@internal'],
    ['a missing service', { type: 'missing', name: 'x@kubernetescrd', notes: [] }, 'x@kubernetescrd'],
  ])('backend: %s', (_, tree, backend) => {
    const s = summarize(forwarded('http://10.0.0.1/', 'a.com', tree), cfg);
    expect(s.service).toBe('svc@file');
    expect(s.backend).toBe(backend);
  });

  it('no backend without the configuration', () => {
    expect(summarize(forwarded('http://10.0.0.1/', 'a.com', leaf('a@kubernetescrd'))).backend).toBeNull();
  });
});

describe('requestLabel', () => {
  it.each<[SimRequest, string]>([
    [{ method: 'GET', url: 'https://a.com/', headers: {}, clientIP: '203.0.113.7' }, 'GET https://a.com/'],
    [{ method: 'POST', url: 'http://a.com/x', headers: { 'X-Env': 'beta', 'X-A': ['1', '2'] }, clientIP: '203.0.113.7' }, 'POST http://a.com/x [X-Env: beta; X-A: 1, 2]'],
    [{ method: 'GET', url: 'http://a.com/', headers: {}, clientIP: '10.0.0.7' }, 'GET http://a.com/ from 10.0.0.7'],
  ])('%j', (r, label) => {
    expect(requestLabel(r)).toBe(label);
  });
});

describe('diffWorkspaces: routing changes', () => {
  const svc = (name: string, ns: string, k: string) => lb(name, ['http://10.0.0.1:80'], { kubernetesService: { namespace: ns, name: k, port: 80 } });
  const headers = { customRequestHeaders: { 'X-A': '1' } };
  const middlewares = [middleware('m@kubernetes', 'headers', headers), middleware('m2@kubernetescrd', 'headers', headers)];

  it('lists changed winners first, then by label, with the routers each request is a witness of', () => {
    const base = config({ routers: [R('a', 'Host(`a.com`)'), R('b', 'Host(`b.com`)'), R('c', 'Host(`c.com`)')] });
    const head = config({
      routers: [R('a2', 'Host(`a.com`)', { priority: 100 }), R('b', 'Host(`b.com`)', { middlewares: ['m@file'] }), R('c', 'Host(`c.com`)', { middlewares: ['m@file'] })],
    });
    const d = diff(base, head);
    expect(d.replayed).toBe(3);
    expect(d.routing.map((c) => [c.label, c.winnerChanged, c.witnessOf, c.changes])).toEqual([
      ['GET http://a.com/', true, [N('a2'), N('a')], [`winner: ${N('a')} → ${N('a2')}`, `service: ${N('a')} → ${N('a2')}`]],
      ['GET http://b.com/', false, [N('b')], ['middlewares: none ⇒ m@file']],
      ['GET http://c.com/', false, [N('c')], ['middlewares: none ⇒ m@file']],
    ]);
  });

  it('orders changes: changed winners first, then by label, whatever the order of the routers', () => {
    const base = config({ routers: [R('z', 'Host(`z.com`)'), R('a', 'Host(`a.com`)'), R('n', 'Host(`n.com`)'), R('m', 'Host(`m.com`)'), R('b', 'Host(`b.com`)')] });
    const head = config({
      routers: [
        R('z', 'Host(`z.com`)', { middlewares: ['x@file'] }), R('a', 'Host(`a.com`)', { middlewares: ['x@file'] }),
        R('n2', 'Host(`n.com`)', { priority: 99 }), R('m', 'Host(`m.com`)', { middlewares: ['x@file'] }), R('b2', 'Host(`b.com`)', { priority: 99 }),
      ],
    });
    expect(diff(base, head).routing.map((c) => [c.label, c.winnerChanged])).toEqual([
      ['GET http://b.com/', true], ['GET http://n.com/', true], ['GET http://a.com/', false], ['GET http://m.com/', false], ['GET http://z.com/', false],
    ]);
  });

  it('middleware chains: every name, in order', () => {
    const base = config({ routers: [R('a', 'Host(`a.com`)', { middlewares: ['m1@file', 'm2@file'] })] });
    const head = config({ routers: [R('a', 'Host(`a.com`)', { middlewares: ['m2@file', 'm1@file'] })] });
    const bare = config({ routers: [R('a', 'Host(`a.com`)')] });
    expect(diff(base, head).routing[0]!.changes).toEqual(['middlewares: m1@file → m2@file ⇒ m2@file → m1@file']);
    expect(diff(base, bare).routing[0]!.changes).toEqual(['middlewares: m1@file → m2@file ⇒ none']);
  });

  it('a renamed router that still wins is no winner change', () => {
    const base = config({ routers: [R('one', 'Host(`a.com`)', { origin: fromRoute('apps', 'x', 0) })] });
    const head = config({ routers: [R('two', 'Host(`a.com`)', { origin: fromRoute('apps', 'x', 0), service: N('one') })] });
    expect(diff(base, head).routing).toEqual([]);
  });

  it('a request no router takes any more: winner, outcome, status, service and upstream', () => {
    const d = diff(config({ routers: [R('a', 'Host(`a.com`)')] }), config({ routers: [R('b', 'Host(`b.com`)')] }));
    const a = d.routing.find((c) => c.label === 'GET http://a.com/')!;
    expect(a.changes).toEqual([
      `winner: ${N('a')} → none`,
      'outcome: forwarded → responded',
      'status: none → 404',
      `service: ${N('a')} → none`,
      'upstream: GET http://10.0.0.1:80/ (Host: a.com) → none',
    ]);
    expect(d.routing.map((c) => c.label)).toEqual(['GET http://a.com/', 'GET http://b.com/']);
  });

  it('TLS option and redirect Location changes', () => {
    const base = config({ routers: [R('a', 'Host(`a.com`)', { tls: true })] });
    const head = config({ routers: [R('a', 'Host(`a.com`)', { tls: true, options: 'strict@file' })], tlsOptions: [{ name: 'strict@file', sniStrict: false }] });
    const c = diff(base, head).routing[0]!;
    expect(c.changes).toEqual(['TLS option: default → strict@file']);
    expect(c.before.tlsOption).toBe('default');
  });

  it('a redirect that moves: the Location line', () => {
    const cfg = config({ routers: [R('a', 'Host(`a.com`)')] });
    const redirect = (to: string) => baseSettings({
      entryPoints: [{ name: 'web', port: 80, redirectTo: { to, scheme: 'https', permanent: true } }, { name: 'websecure', port: 443 }, { name: 'alt', port: 8443 }],
    });
    const d = diffWorkspaces(analysis(cfg, { settings: redirect('websecure') }), analysis(cfg, { settings: redirect('alt') }));
    expect(d.routing.map((c) => c.changes)).toEqual([[
      'winner: web-to-websecure@internal → web-to-alt@internal',
      'middlewares: redirect-web-to-websecure@internal ⇒ redirect-web-to-alt@internal',
      'Location: https://a.com/ → https://a.com:8443/',
    ]]);
  });

  it('no response in either version: the reason, once the outcome is the same', () => {
    const cfg = config({ routers: [R('a', 'Host(`a.com`)')] });
    const eps = (...names: string[]) => baseSettings({ entryPoints: names.map((name, i) => ({ name, port: 8000 + i })) });
    const d = diffWorkspaces(analysis(cfg, { settings: eps('websecure') }), analysis(cfg, { settings: eps('websecure', 'other') }));
    expect(d.routing.map((c) => c.changes)).toEqual([[
      'no response: no entryPoint named "web" (configured: websecure) → no entryPoint named "web" (configured: websecure, other)',
    ]]);
    const gone = diffWorkspaces(analysis(cfg, { settings: eps('web') }), analysis(cfg, { settings: eps('websecure') }));
    expect(gone.routing.map((c) => c.changes)).toEqual([[
      `winner: ${N('a')} → none`,
      'outcome: forwarded → no-response',
      `service: ${N('a')} → none`,
      'upstream: GET http://10.0.0.1:80/ (Host: a.com) → none',
    ]]);
  });

  it('the Kubernetes Service decides, not the service name, when compared through a conversion', () => {
    const base = config({ routers: [R('a', 'Host(`a.com`)', { service: 'x@kubernetes', middlewares: ['m@kubernetes'] })], services: [svc('x@kubernetes', 'apps', 'web')], middlewares });
    const head = config({ routers: [R('a', 'Host(`a.com`)', { service: 'y@kubernetescrd', middlewares: ['m2@kubernetescrd'] })], services: [svc('y@kubernetescrd', 'apps', 'web')], middlewares });
    const plain = diffWorkspaces(analysis(base), analysis(head));
    expect(plain.routing[0]!.changes).toEqual(['middlewares: m@kubernetes ⇒ m2@kubernetescrd', 'service: apps/web:80 → apps/web:80']);
    const equivalence = { routers: new Map<string, string>(), middlewares: new Map([['m@kubernetes', 'm2@kubernetescrd']]) };
    expect(diffWorkspaces(analysis(base), analysis(head), { equivalence }).routing).toEqual([]);
    const renamedRouter = config({ routers: [R('b', 'Host(`a.com`)', { service: 'y@kubernetescrd', middlewares: ['m2@kubernetescrd'] })], services: [svc('y@kubernetescrd', 'apps', 'web')], middlewares });
    const eq2 = { routers: new Map([[N('a'), N('b')]]), middlewares: equivalence.middlewares };
    expect(diffWorkspaces(analysis(base), analysis(renamedRouter), { equivalence: eq2 }).routing).toEqual([]);
    const none = config({ routers: [R('other', 'Host(`o.com`)', { service: 'x@kubernetes' })], services: [svc('x@kubernetes', 'apps', 'web')], middlewares });
    const added = diffWorkspaces(analysis(none), analysis(head), { equivalence }).routing.find((c) => c.label === 'GET http://a.com/');
    expect(added?.changes).toEqual([`winner: none → ${N('a')}`, 'outcome: responded → forwarded', 'status: 404 → none', 'middlewares: none ⇒ m2@kubernetescrd', 'service: none → apps/web:80', 'upstream: none → GET http://10.0.0.1:80/ (Host: a.com)']);
    const other = config({ routers: [R('a', 'Host(`a.com`)', { service: 'y@kubernetescrd', middlewares: ['m2@kubernetescrd'] })], services: [svc('y@kubernetescrd', 'apps', 'api')], middlewares });
    expect(diffWorkspaces(analysis(base), analysis(other), { equivalence }).routing[0]!.changes).toEqual(['service: apps/web:80 → apps/api:80']);
  });

  it('skips disabled and internal routers when collecting witnesses, and replays each request once', () => {
    const off = { ...R('off', 'Host(`off.com`)'), disabled: { reason: 'x', code: 'X' } };
    const internal = router('dash@internal', 'Host(`dash.com`)');
    const cfg = config({ routers: [off, internal, R('a', 'Host(`a.com`)'), R('a-too', 'Host(`a.com`) && Path(`/`)')] });
    expect(diff(cfg, cfg).replayed).toBe(1);
    expect(diffWorkspaces(analysis(cfg), analysis(cfg), { witnessesPerRouter: 0 }).replayed).toBe(0);
  });

  it('witnessesPerRouter bounds the witnesses of each router', () => {
    const cfg = config({ routers: [R('many', 'Host(`a.com`) || Host(`b.com`) || Host(`c.com`) || Host(`d.com`) || Host(`e.com`)')] });
    expect(diff(cfg, cfg).replayed).toBe(4);
    expect(diffWorkspaces(analysis(cfg), analysis(cfg), { witnessesPerRouter: 2 }).replayed).toBe(2);
  });
});
