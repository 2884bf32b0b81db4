// compileRouting row by row: which routers each muxer serves and why the others are skipped
// (pkg/server/router/router.go BuildHandlers / buildRouterHandler, pkg/muxer/http/mux.go AddRoute), the
// entryPoint redirection router (pkg/provider/traefik/internal.go redirection, getRedirectPort;
// pkg/config/static/entrypoints.go defaults: scheme https, priority MaxInt-1; provider.Normalize) and the
// v3.6.18–v3.6.20 resolved TLS options (aggregator.go). Expected values written out.
import { describe, expect, it } from 'vitest';
import type { DynamicConfig, DynamicRouter, EntryPointSettings, Resource } from '../types.ts';
import { compileRouting, routingExtrasOf } from './compile.ts';
import { baseSettings, config, middleware, router, tlsOption } from './fixtures.ts';
import { REDIRECT_PRIORITY } from './order.ts';

const eps = (...list: EntryPointSettings[]) => baseSettings({ entryPoints: list });
const names = (routes: { router: { name: string } }[]) => routes.map((r) => r.router.name);

describe('makeRouter: priority, syntax and skip reasons', () => {
  it('priority: the effective one, else the configured one, else the rule length in UTF-8 bytes', () => {
    const rule = 'Host(`é.com`)';
    const routing = compileRouting(config({
      routers: [
        { ...router('a@kubernetescrd', rule), effectivePriority: 0, priority: 0 },
        { ...router('b@kubernetescrd', rule), effectivePriority: 0, priority: 7 },
        { ...router('c@kubernetescrd', rule), effectivePriority: 9, priority: 7 },
      ],
    }), baseSettings());
    expect(['a', 'b', 'c'].map((n) => routing.routers[`${n}@kubernetescrd`]!.priority)).toEqual([14, 7, 9]);
  });

  it('syntax: the v2.11 binary parses v2; v3 parses the router\'s ruleSyntax', () => {
    const v2rule = { ...router('a@kubernetescrd', 'Host(`a.com`)'), ruleSyntax: 'v2' as const };
    const v3rule = router('b@kubernetescrd', 'Host(`a.com`)');
    const onV3 = compileRouting(config({ routers: [v2rule, v3rule] }), baseSettings());
    const onV2 = compileRouting(config({ routers: [v2rule, v3rule] }), baseSettings({ target: 'v2.11', version: '2.11.50' }));
    expect([onV3.routers['a@kubernetescrd']!.rule.syntax, onV3.routers['b@kubernetescrd']!.rule.syntax]).toEqual(['v2', 'v3']);
    expect([onV2.routers['a@kubernetescrd']!.rule.syntax, onV2.routers['b@kubernetescrd']!.rule.syntax]).toEqual(['v2', 'v2']);
  });

  it('a provider-disabled router keeps its reason; a rule error is named', () => {
    const routing = compileRouting(config({
      routers: [
        { ...router('d@kubernetescrd', 'Host(`a.com`)'), disabled: { reason: 'the service is cross-namespace', code: 'X' } },
        router('e@kubernetescrd', 'Host(`a.com`'),
      ],
    }), baseSettings());
    expect(routing.routers['d@kubernetescrd']!.skipReason).toBe('the service is cross-namespace');
    expect(routing.routers['e@kubernetescrd']!.skipReason).toMatch(/^rule error: ./);
    const two = compileRouting(config({ routers: [router('t@kubernetescrd', 'Host(1) && Path(2)')] }), baseSettings());
    expect(two.routers['t@kubernetescrd']!.skipReason).toBe(
      'rule error: `1` is a number; matcher arguments are strings: put it in backticks.; `2` is a number; matcher arguments are strings: put it in backticks.',
    );
    expect(routing.entryPoints['web']!.http.skipped.map((r) => r.name)).toEqual(['d@kubernetescrd', 'e@kubernetescrd']);
  });

  it('a priority above MaxInt-1000 is refused, except for internal routers', () => {
    const huge = Number(9223372036854775807n);
    const routing = compileRouting(config({
      routers: [
        router('big@kubernetescrd', 'Host(`a.com`)', { priority: huge }),
        router('ok@kubernetescrd', 'Host(`b.com`)', { priority: 9223372036854000000 }),
        { ...router('big@internal', 'Host(`c.com`)', { priority: huge }), service: 'noop@internal' },
      ],
    }), baseSettings());
    expect(routing.routers['big@kubernetescrd']!.skipReason).toBe(
      'the router priority 9223372036854776000 exceeds the max user-defined priority 9223372036854774807',
    );
    expect(routing.routers['ok@kubernetescrd']!.skipReason).toBeNull();
    expect(routing.routers['big@internal']!.skipReason).toBeNull();
    expect(routing.routers['big@internal']!.internal).toBe(true);
    expect(routing.routers['ok@kubernetescrd']!.internal).toBe(false);
  });
});

describe('entryPoint redirection router (internal.go redirection)', () => {
  const web = (redirectTo: EntryPointSettings['redirectTo'], over: Partial<EntryPointSettings> = {}): EntryPointSettings => ({ name: 'web', port: 80, redirectTo, ...over });
  const secure: EntryPointSettings = { name: 'websecure', port: 443 };

  it('to another entryPoint: its port, https, MaxInt-1, entryPoint middlewares first', () => {
    const routing = compileRouting(config({}), eps(web({ to: 'websecure', scheme: '', permanent: true }, { middlewares: ['auth@file'] }), secure));
    expect(routing.entryPoints['web']!.redirect).toEqual({
      router: 'web-to-websecure@internal', middleware: 'redirect-web-to-websecure@internal', to: 'websecure', scheme: 'https', port: '443', permanent: true, priority: REDIRECT_PRIORITY,
    });
    const r = routing.routers['web-to-websecure@internal']!;
    expect(r.internal).toBe(true);
    expect(r.skipReason).toBeNull();
    expect(r.router).toMatchObject({
      rule: 'HostRegexp(`^.+$`)', ruleSyntax: 'v3', ruleSyntaxRaw: 'default', origin: { resourceId: 'settings/entryPoints/web', file: '', range: { start: 0, end: 0 } }, entryPoints: ['web'], middlewares: ['auth@file', 'redirect-web-to-websecure@internal'],
      service: 'noop@internal', tls: null, parentRefs: [], priority: REDIRECT_PRIORITY, effectivePriority: REDIRECT_PRIORITY,
    });
    expect(routing.middlewares['redirect-web-to-websecure@internal']).toMatchObject({
      name: 'redirect-web-to-websecure@internal', type: 'redirectScheme', config: { scheme: 'https', port: '443', permanent: true },
    });
    expect(names(routing.entryPoints['web']!.http.routes)).toEqual(['web-to-websecure@internal']);
    expect(routing.entryPoints['websecure']!.redirect).toBeNull();
  });

  it('to a port (`:8443`), with a scheme and a priority; the name is Normalized', () => {
    const routing = compileRouting(config({}), eps({ name: 'web_in', port: 80, redirectTo: { to: ':8443', scheme: 'http', permanent: false, priority: 10 } }));
    expect(routing.entryPoints['web_in']!.redirect).toEqual({
      router: 'web-in-to-8443@internal', middleware: 'redirect-web-in-to-8443@internal', to: ':8443', scheme: 'http', port: '8443', permanent: false, priority: 10,
    });
    expect(routing.routers['web-in-to-8443@internal']!.priority).toBe(10);
    expect(routing.middlewares['redirect-web-in-to-8443@internal']!.config).toEqual({ scheme: 'http', port: '8443', permanent: false });
  });

  it('Normalize drops leading and trailing separators', () => {
    const routing = compileRouting(config({}), eps({ name: '_in', port: 80, redirectTo: { to: ':8443', scheme: 'https', permanent: true } }));
    expect(routing.entryPoints['_in']!.redirect?.router).toBe('in-to-8443@internal');
  });

  it('the v2.11 binary uses its v2 catch-all rule', () => {
    const routing = compileRouting(config({}), { ...eps(web({ to: 'websecure', scheme: 'https', permanent: true }), secure), target: 'v2.11', version: '2.11.50' });
    expect(routing.routers['web-to-websecure@internal']!.router).toMatchObject({ rule: 'HostRegexp(`{host:.+}`)', ruleSyntax: 'v2' });
    expect(routing.routers['web-to-websecure@internal']!.skipReason).toBeNull();
  });

  it.each([
    ['an empty target', { to: '', scheme: 'https', permanent: true }],
    ['an unknown entryPoint', { to: 'nope', scheme: 'https', permanent: true }],
    ['a port that is not only digits', { to: ':84a', scheme: 'https', permanent: true }],
    ['a host and port', { to: 'a:8443', scheme: 'https', permanent: true }],
  ])('no redirection for %s', (_desc, redirectTo) => {
    const routing = compileRouting(config({}), eps(web(redirectTo), secure));
    expect(routing.entryPoints['web']!.redirect).toBeNull();
    expect(Object.keys(routing.routers)).toEqual([]);
    expect(Object.keys(routing.middlewares)).toEqual([]);
  });

  it('a router of the configuration with the same name replaces it', () => {
    const own = { ...router('web-to-websecure@internal', 'Path(`/own`)'), service: 'noop@internal' };
    const routing = compileRouting(config({ routers: [own] }), eps(web({ to: 'websecure', scheme: 'https', permanent: true }), secure));
    expect(routing.entryPoints['web']!.redirect).toBeNull();
    expect(routing.routers['web-to-websecure@internal']!.router.rule).toBe('Path(`/own`)');
    expect(routing.middlewares['redirect-web-to-websecure@internal']).toBeUndefined();
  });
});

describe('router-manager failures', () => {
  const build = (routers: DynamicRouter[], extra: Partial<DynamicConfig> = {}) => compileRouting({ ...config({ routers }), ...extra }, baseSettings());

  it('a middleware that cannot be built; a router already refused keeps its first reason', () => {
    const routing = build([
      router('a@kubernetescrd', 'Host(`a.com`)', { middlewares: ['gone@kubernetescrd'] }),
      { ...router('b@kubernetescrd', 'Host(`b.com`)', { middlewares: ['gone@kubernetescrd'] }), disabled: { reason: 'off', code: 'X' } },
    ]);
    expect(routing.routers['a@kubernetescrd']!.skipReason).toBe('middleware "gone@kubernetescrd" does not exist');
    expect(routing.routers['b@kubernetescrd']!.skipReason).toBe('off');
  });

  it('no service and no child routers', () => {
    const routing = build([{ ...router('a@kubernetescrd', 'Host(`a.com`)'), service: '' }]);
    expect(routing.routers['a@kubernetescrd']!.skipReason).toBe('router has no service and no child routers');
  });

  it('a missing kubernetescrd service; other providers, internal and outside services are assumed', () => {
    const routers = [
      { ...router('a@kubernetescrd', 'Host(`a.com`)'), service: 'gone@kubernetescrd' },
      { ...router('b@kubernetescrd', 'Host(`b.com`)'), service: 'gone@file' },
      { ...router('c@kubernetescrd', 'Host(`c.com`)'), service: 'api@internal' },
      { ...router('d@kubernetescrd', 'Host(`d.com`)'), service: 'there-svc@kubernetescrd' },
    ];
    const cfg = config({ routers });
    delete cfg.services['gone@kubernetescrd'];
    delete cfg.services['there-svc@kubernetescrd'];
    const routing = compileRouting({ ...cfg, outside: ['there-svc@kubernetescrd'] }, baseSettings());
    expect(['a', 'b', 'c', 'd'].map((n) => routing.routers[`${n}@kubernetescrd`]!.skipReason)).toEqual([
      'the service "gone@kubernetescrd" does not exist', null, null, null,
    ]);
  });

  it('an unknown TLS option; default, empty and outside options are fine', () => {
    const routers = [
      router('a@kubernetescrd', 'Host(`a.com`)', { options: 'nope@kubernetescrd' }),
      router('b@kubernetescrd', 'Host(`b.com`)', { options: 'far@kubernetescrd' }),
      router('c@kubernetescrd', 'Host(`c.com`)', { tls: true }),
      router('d@kubernetescrd', 'Host(`d.com`)', { tls: { resolvedOptions: '' } }),
      router('e@kubernetescrd', 'Host(`e.com`)', { options: 'mine@kubernetescrd' }),
    ];
    const routing = build(routers, { outside: ['far@kubernetescrd'], tlsOptions: { default: tlsOption('default'), 'mine@kubernetescrd': tlsOption('mine@kubernetescrd') } });
    expect(['a', 'b', 'c', 'd', 'e'].map((n) => routing.routers[`${n}@kubernetescrd`]!.skipReason)).toEqual([
      'unknown TLS options: nope@kubernetescrd', null, null, null, null,
    ]);
  });

  it('an outside TLS option gets the default option\'s settings, when there is a default', () => {
    const cfg = {
      ...config({ routers: [router('b@kubernetescrd', 'Host(`b.com`)', { options: 'far@kubernetescrd' }), router('d@kubernetescrd', 'Host(`d.com`)', { tls: true })] }),
      outside: ['far@kubernetescrd'],
    };
    const noDefault = compileRouting({ ...cfg, tlsOptions: {} }, baseSettings());
    expect(noDefault.routers['b@kubernetescrd']!.skipReason).toBe('unknown TLS options: far@kubernetescrd');
    // `default` always exists: Traefik adds its built-in default option.
    expect(noDefault.routers['d@kubernetescrd']!.skipReason).toBeNull();
    const withDefault = compileRouting(cfg, baseSettings());
    expect(withDefault.routers['b@kubernetescrd']!.skipReason).toBeNull();
    expect(withDefault.entryPoints['websecure']!.sni.entries.find((e) => e.host === 'b.com')).toMatchObject({ option: 'far@kubernetescrd', broken: false });
  });

  it('entryPoints: unknown ones are noted; a router with none known is refused', () => {
    const routing = build([
      router('a@kubernetescrd', 'Host(`a.com`)', { entryPoints: ['web', 'nope'] }),
      router('b@kubernetescrd', 'Host(`b.com`)', { entryPoints: ['x', 'y'] }),
      router('c@kubernetescrd', 'Host(`c.com`)', { entryPoints: [] }),
      { ...router('d@kubernetescrd', 'Host(`d.com`)', { entryPoints: ['zzz'] }), disabled: { reason: 'off', code: 'X' } },
    ]);
    expect(routing.notes).toEqual(['router a@kubernetescrd: entryPoint nope not configured', 'router b@kubernetescrd: entryPoints x, y not configured']);
    expect(['a', 'b', 'c', 'd'].map((n) => routing.routers[`${n}@kubernetescrd`]!.skipReason)).toEqual([null, 'no valid entryPoint for this router', null, 'off']);
    expect(names(routing.entryPoints['web']!.http.routes)).toEqual(['a@kubernetescrd']);
  });
});

describe('muxers: HTTP or HTTPS, order, skipped', () => {
  it('a TLS router goes to the HTTPS muxer; entryPoint http.tls makes every non-internal router TLS', () => {
    const settings = eps({ name: 'web', port: 80 }, { name: 'websecure', port: 443, tls: { options: 'mine@kubernetescrd' } });
    const routing = compileRouting({
      ...config({
        routers: [
          router('plain@kubernetescrd', 'Host(`a.com`)', { entryPoints: ['web', 'websecure'] }),
          router('tls@kubernetescrd', 'Host(`b.com`)', { tls: true, entryPoints: ['web'] }),
          { ...router('int@internal', 'Path(`/ping`)', { entryPoints: ['websecure'] }), service: 'ping@internal' },
        ],
      }),
      tlsOptions: { default: tlsOption('default'), 'mine@kubernetescrd': tlsOption('mine@kubernetescrd') },
    }, settings);
    const web = routing.entryPoints['web']!;
    const ws = routing.entryPoints['websecure']!;
    expect([names(web.http.routes), names(web.https.routes)]).toEqual([['plain@kubernetescrd'], ['tls@kubernetescrd']]);
    expect([names(ws.http.routes), names(ws.https.routes)]).toEqual([['int@internal'], ['plain@kubernetescrd']]);
    // The entryPoint's TLS option is the one a router without its own tls asks for.
    expect(ws.sni.entries).toEqual([{ host: 'a.com', option: 'mine@kubernetescrd', broken: false, priority: 16, routers: ['plain@kubernetescrd'] }]);
    expect(web.sni.entries).toEqual([{ host: 'b.com', option: 'default', broken: false, priority: 16, routers: ['tls@kubernetescrd'] }]);
    expect([web.http.kind, web.https.kind, web.http.entryPoint, ws.https.entryPoint]).toEqual(['http', 'https', 'web', 'websecure']);
    expect(web.http).not.toHaveProperty('parent');
  });

  it('an entryPoint http.tls of null makes nothing TLS', () => {
    const routing = compileRouting(config({ routers: [router('a@kubernetescrd', 'Host(`a.com`)', { entryPoints: ['websecure'] })] }), eps({ name: 'websecure', port: 443, tls: null }));
    expect(names(routing.entryPoints['websecure']!.http.routes)).toEqual(['a@kubernetescrd']);
    expect(routing.entryPoints['websecure']!.https.routes).toEqual([]);
  });

  it('a route the provider skips is not in the SNI table; one refused at runtime is', () => {
    const routing = compileRouting(config({
      routers: [
        { ...router('s@kubernetescrd', 'Host(`s.com`)', { tls: true }), disabled: { reason: 'skipped', code: 'PROVIDER_ROUTE_SKIPPED' } },
        { ...router('r@kubernetescrd', 'Host(`r.com`)', { tls: true }), disabled: { reason: 'broken', code: 'RUNTIME' } },
      ],
    }), baseSettings());
    expect(routing.entryPoints['websecure']!.sni.entries.map((e) => e.host)).toEqual(['r.com']);
    expect(routing.entryPoints['websecure']!.https.skipped.map((r) => r.name)).toEqual(['r@kubernetescrd', 's@kubernetescrd']);
  });

  it('an entryPoint http.tls without options asks for default', () => {
    const routing = compileRouting(config({ routers: [router('a@kubernetescrd', 'Host(`a.com`)', { entryPoints: ['websecure'] })] }), eps({ name: 'websecure', port: 443, tls: {} }));
    expect(routing.entryPoints['websecure']!.sni.entries[0]).toMatchObject({ host: 'a.com', option: 'default' });
  });

  it('orders by priority then name, lists ties, and skipped routers by name', () => {
    const routing = compileRouting(config({
      routers: [
        router('z@kubernetescrd', 'Host(`z.com`)'),
        router('y@kubernetescrd', 'Host(`y.com`)'),
        router('long@kubernetescrd', 'Host(`long.com`)'),
        router('s2@kubernetescrd', 'Host(`a.com`', {}),
        router('s1@kubernetescrd', 'Host(`a.com`', {}),
      ],
    }), baseSettings());
    const mux = routing.entryPoints['web']!.http;
    expect(mux.routes.map((r) => [r.router.name, r.rank, r.tiedWith])).toEqual([
      ['long@kubernetescrd', 0, []], ['y@kubernetescrd', 1, ['z@kubernetescrd']], ['z@kubernetescrd', 2, ['y@kubernetescrd']],
    ]);
    expect(mux.skipped.map((r) => r.name)).toEqual(['s1@kubernetescrd', 's2@kubernetescrd']);
    expect(mux.routes[1]!.indexReason).toBe("the rule requires the host `y.com`; the request's host is another one");
    expect(mux.routes[1]!.excludedEntry).toEqual({
      router: 'y@kubernetescrd', priority: 13, rank: 1, result: 'not-matched', because: "the rule requires the host `y.com`; the request's host is another one",
      winner: false, via: 'index', tiedWith: ['z@kubernetescrd'],
    });
    expect(Object.isFrozen(mux.routes[1]!.excludedEntry)).toBe(true);
    expect(mux.index.exact.get('z.com')).toEqual([2]);
  });

  it('v3.7 breaks priority ties by provider; before it they are ties', () => {
    const routers = [router('a@file', 'Host(`a.com`)', { service: 'a@file' }), router('b@kubernetescrd', 'Host(`b.com`)')];
    const v37 = compileRouting(config({ routers }), baseSettings()).entryPoints['web']!.http.routes;
    expect(v37.map((r) => [r.router.name, r.providerRank, r.tiedWith])).toEqual([['b@kubernetescrd', 15, []], ['a@file', 10, []]]);
    const v36 = compileRouting(config({ routers }), baseSettings({ version: '3.6.20' })).entryPoints['web']!.http.routes;
    expect(v36.map((r) => [r.router.name, r.providerRank, r.tiedWith])).toEqual([['a@file', 0, ['b@kubernetescrd']], ['b@kubernetescrd', 0, ['a@file']]]);
  });

  it('the httpOptions of an entryPoint override the defaults', () => {
    const routing = compileRouting(config({}), baseSettings(), { httpOptions: { web: { encodeQuerySemicolons: true } } });
    expect(routing.entryPoints['web']!.options).toEqual({ sanitizePath: true, encodeQuerySemicolons: true });
    expect(routing.entryPoints['websecure']!.options).toEqual({ sanitizePath: true, encodeQuerySemicolons: false });
  });
});

describe('child routers (parentRefs)', () => {
  const parent = { ...router('p@kubernetescrd', 'PathPrefix(`/api`)'), service: '' };
  const child = (name: string, over: Partial<DynamicRouter> = {}) => ({ ...router(name, 'Path(`/api/x`)'), entryPoints: [], parentRefs: ['p@kubernetescrd'], ...over });

  it('children live in their parent\'s child muxer, not in the entryPoint\'s', () => {
    const routing = compileRouting(config({ routers: [parent, child('c1@kubernetescrd'), child('c2@kubernetescrd', { disabled: { reason: 'off', code: 'X' } })] }), baseSettings());
    const p = routing.routers['p@kubernetescrd']!;
    expect(p.skipReason).toBeNull();
    expect(p.children).toMatchObject({ kind: 'child', entryPoint: '', parent: 'p@kubernetescrd' });
    expect(names(p.children!.routes)).toEqual(['c1@kubernetescrd']);
    expect(p.children!.skipped.map((r) => r.name)).toEqual(['c2@kubernetescrd']);
    expect(names(routing.entryPoints['web']!.http.routes)).toEqual(['p@kubernetescrd']);
    expect(routing.routers['c1@kubernetescrd']!.children).toBeNull();
    expect(routing.notes).toEqual([]);
  });

  it('a child with entryPoints of its own is still only in its parent\'s muxer, and they are not checked', () => {
    const routing = compileRouting(config({ routers: [parent, child('c1@kubernetescrd', { entryPoints: ['web', 'nope'] })] }), baseSettings());
    expect(names(routing.entryPoints['web']!.http.routes)).toEqual(['p@kubernetescrd']);
    expect(routing.routers['c1@kubernetescrd']!.skipReason).toBeNull();
    expect(routing.notes).toEqual([]);
  });

  it('a parent whose children are all skipped is refused', () => {
    const routing = compileRouting(config({ routers: [parent, child('c1@kubernetescrd', { disabled: { reason: 'off', code: 'X' } }), child('c2@kubernetescrd', { rule: 'Path(`/x`' })] }), baseSettings());
    expect(routing.routers['p@kubernetescrd']!.skipReason).toBe('no child routers could be added to muxer (2 skipped)');
    expect(routing.entryPoints['web']!.http.routes).toEqual([]);
  });

  it('a parent skipped for its own reason keeps it', () => {
    const routing = compileRouting(config({ routers: [{ ...parent, middlewares: ['gone@kubernetescrd'] }, child('c1@kubernetescrd', { disabled: { reason: 'off', code: 'X' } })] }), baseSettings());
    expect(routing.routers['p@kubernetescrd']!.skipReason).toBe('middleware "gone@kubernetescrd" does not exist');
  });
});

describe('v3.6.18–v3.6.20: the resolved option (aggregator.go, before conflict renaming)', () => {
  const settings = baseSettings({ version: '3.6.19' });
  const opts = { default: tlsOption('default'), 'x@kubernetescrd': tlsOption('x@kubernetescrd'), 'y@kubernetescrd': tlsOption('y@kubernetescrd') };
  const resolved = (routers: DynamicRouter[], v = settings) => {
    const routing = compileRouting({ ...config({ routers }), tlsOptions: opts }, v);
    return Object.fromEntries(Object.values(routing.routers).map((r) => [r.name, r.router.tls?.resolvedOptions ?? null]));
  };

  it('one option per host keeps it; two options on a host make every router of that host default', () => {
    expect(resolved([
      router('a@kubernetescrd', 'Host(`a.com`)', { options: 'x@kubernetescrd' }),
      router('b@kubernetescrd', 'Host(`b.com`)', { options: 'x@kubernetescrd' }),
      router('b2@kubernetescrd', 'Host(`b.com`) && Path(`/2`)', { options: 'y@kubernetescrd' }),
      router('c@kubernetescrd', 'Host(`c.com`) || Host(`b.com`)', { options: 'x@kubernetescrd' }),
      router('d@kubernetescrd', 'Host(`d.com`)', { options: 'y@kubernetescrd' }),
      router('d2@kubernetescrd', 'Host(`d.com`) && Path(`/2`)', { options: 'y@kubernetescrd' }),
    ])).toEqual({
      'a@kubernetescrd': 'x@kubernetescrd', 'b@kubernetescrd': 'default', 'b2@kubernetescrd': 'default', 'c@kubernetescrd': 'default',
      'd@kubernetescrd': 'y@kubernetescrd', 'd2@kubernetescrd': 'y@kubernetescrd',
    });
  });

  it('a TLS router whose rule ParseDomains refuses is left alone', () => {
    expect(resolved([
      router('e@kubernetescrd', 'Host(`e.com`', { options: 'x@kubernetescrd' }),
      router('f@kubernetescrd', 'Host(`f.com`)', { options: 'y@kubernetescrd' }),
    ])).toEqual({ 'e@kubernetescrd': 'x@kubernetescrd', 'f@kubernetescrd': 'y@kubernetescrd' });
  });

  it('a TLS router without a Host gets default; non-TLS routers and skipped provider routes are left alone', () => {
    expect(resolved([
      { ...router('p@kubernetescrd', 'PathPrefix(`/`)', { options: 'x@kubernetescrd' }), tls: { options: 'x@kubernetescrd', resolvedOptions: 'x@kubernetescrd' } },
      router('n@kubernetescrd', 'Host(`a.com`)'),
      { ...router('s@kubernetescrd', 'Host(`s.com`)', { options: 'x@kubernetescrd' }), tls: { options: 'x@kubernetescrd', resolvedOptions: 'y@kubernetescrd' }, disabled: { reason: 'skipped', code: 'PROVIDER_ROUTE_SKIPPED' } },
      router('s2@kubernetescrd', 'Host(`s.com`)', { options: 'y@kubernetescrd' }),
    ])).toEqual({ 'p@kubernetescrd': 'default', 'n@kubernetescrd': null, 's@kubernetescrd': 'y@kubernetescrd', 's2@kubernetescrd': 'y@kubernetescrd' });
  });

  it('a router disabled at runtime still counts for the conflict', () => {
    expect(resolved([
      { ...router('s@kubernetescrd', 'Host(`s.com`)', { options: 'x@kubernetescrd' }), disabled: { reason: 'broken', code: 'RUNTIME' } },
      router('s2@kubernetescrd', 'Host(`s.com`)', { options: 'y@kubernetescrd' }),
    ])).toEqual({ 's@kubernetescrd': 'default', 's2@kubernetescrd': 'default' });
  });

  it('3.6.21 (conflict renaming) and 3.6.17 leave the resolved option as given', () => {
    const routers = [router('b@kubernetescrd', 'Host(`b.com`)', { options: 'x@kubernetescrd' }), router('b2@kubernetescrd', 'Host(`b.com`) && Path(`/2`)', { options: 'y@kubernetescrd' })];
    expect(resolved(routers, baseSettings({ version: '3.6.21' }))).toEqual({ 'b@kubernetescrd': 'x@kubernetescrd', 'b2@kubernetescrd': 'y@kubernetescrd' });
    expect(resolved(routers, baseSettings({ version: '3.6.17' }))).toEqual({ 'b@kubernetescrd': 'x@kubernetescrd', 'b2@kubernetescrd': 'y@kubernetescrd' });
  });
});

describe('compileRouting never throws', () => {
  it('a configuration that breaks the build serves nothing and says why', () => {
    const bad = { ...router('a@kubernetescrd', 'Host(`a.com`)'), parentRefs: undefined } as unknown as DynamicRouter;
    const cfg = config({ routers: [bad] });
    const routing = compileRouting(cfg, baseSettings());
    expect(routing.config).toBe(cfg);
    expect(routing.routers).toEqual({});
    expect(routing.entryPoints['web']!.http.routes).toEqual([]);
    expect(routing.notes).toHaveLength(1);
    expect(routing.notes[0]).toMatch(/^the routing tables could not be built \(.+\): nothing is served$/);
    expect(routing.certificates).toEqual({ keys: [], defaultSecret: null, unknown: [] });
    expect(routing.middlewares).toEqual({});
  });
});

describe('routingExtrasOf', () => {
  it('decodes Secrets and keeps their string types', () => {
    const secret = (name: string, raw: Record<string, unknown>): Resource => ({
      kind: 'Secret', apiVersion: 'v1', id: `Secret/apps/${name}`, metadata: { name, namespace: 'apps' },
      raw: { apiVersion: 'v1', kind: 'Secret', metadata: { name, namespace: 'apps' }, ...raw },
      source: { file: 'a.yaml', docIndex: 0, range: { start: 0, end: 0 } },
    } as unknown as Resource);
    const extras = routingExtrasOf([
      secret('basic', { type: 'kubernetes.io/basic-auth', data: { username: 'dXNlcg==' } }),
      secret('odd', { type: 42, data: {} }),
      { ...secret('cm', { type: 'Opaque' }), kind: 'ConfigMap' } as Resource,
    ]);
    expect(extras.secretTypes).toEqual({ 'apps/basic': 'kubernetes.io/basic-auth' });
    expect(extras.secrets?.['apps/basic']).toMatchObject({ username: 'user' });
  });
});

describe('the compiled configuration', () => {
  it('keeps config middlewares, certificates and extras', () => {
    const mw = middleware('apps-strip@kubernetescrd', 'stripPrefix', { prefixes: ['/a'] }, 'apps');
    const cfg = config({ middlewares: [mw], certificates: [{ secret: 'apps/tls', sans: ['a.com'], present: true }] });
    const routing = compileRouting(cfg, baseSettings(), { secrets: { 'apps/s': { k: 'v' } }, secretTypes: { 'apps/s': 'Opaque' } });
    expect(routing.middlewares).toEqual({ [mw.name]: mw });
    expect(routing.certificates.keys).toEqual([{ key: 'a.com', secret: 'apps/tls' }]);
    expect([routing.secrets, routing.secretTypes]).toEqual([{ 'apps/s': { k: 'v' } }, { 'apps/s': 'Opaque' }]);
    expect(compileRouting(cfg, baseSettings())).toMatchObject({ secrets: {}, secretTypes: {}, notes: [] });
  });
});
