// The CLI's text and `simulate --json` renderings of a verdict (DESIGN.md), asserted line by line on verdicts
// written out by hand, so every step, mark and plural form is pinned.
import { describe, expect, it } from 'vitest';
import { certificateName, formatVerdict, verdictToJson } from './format.ts';
import type { RankEntry, RoutingStep, ServiceNode, Verdict } from './verdict.ts';

const base = {
  request: { method: 'POST', url: 'http://a.com/x', headers: {}, clientIP: '10.0.0.9' },
  entryPoint: null, preprocess: null, tls: null, routing: [], sniCheck: null, middlewares: [], service: null, router: null,
  errorPages: [], notes: [],
};
const responded = (over: Partial<Verdict> = {}): Verdict =>
  ({ ...base, type: 'responded', cause: 'not-found', response: { status: 404, headers: {}, body: '' }, ...over }) as Verdict;
const entry = (router: string, over: Partial<RankEntry> = {}): RankEntry =>
  ({ router, priority: 10, rank: 0, result: 'not-matched', because: 'no', winner: false, via: 'evaluated', ...over });
const step = (over: Partial<RoutingStep> = {}): RoutingStep =>
  ({ muxer: 'http', entryPoint: 'web', ranking: [], winner: null, nondeterministic: [], evaluated: 0, notes: [], ...over });
const lb = (name: string, chosen: string | null, notes: string[] = []): ServiceNode => ({
  type: 'loadBalancer', name, servers: [{ url: 'http://10.0.0.1:80', source: 'endpointslice' }, { url: 'http://10.0.0.2:80', source: 'endpointslice', fenced: true }],
  scheme: 'http', passHostHeader: true, strategy: 'wrr', chosen, notes,
});

describe('formatVerdict: a verdict with every step', () => {
  const full: Verdict = {
    ...base,
    type: 'forwarded',
    request: { method: '', url: 'https://a.com/x?q=1', headers: {}, clientIP: '' },
    entryPoint: {
      name: 'websecure', port: 443, chosenBy: 'port', scheme: 'https',
      redirect: { router: 'web-to-websecure@internal', to: 'websecure', scheme: 'https', port: '443', permanent: false, priority: 1 },
      defaultMiddlewares: ['auth@file', 'gzip@file'], defaultTls: null, trustedForwardedHeaders: false, notes: ['ep note'],
    },
    tls: {
      sni: null, option: 'default', entry: null, because: 'tls because', ties: [], certificate: { type: 'none', reason: 'r' },
      unknownCertificates: ['ns/x', 'ns/y'], handshake: 'failed', notes: ['tls note'],
    },
    preprocess: {
      method: 'GET', host: 'A.com:443', canonicalHost: 'a.com', requestTarget: '/x?q=1', escapedPath: '/x', routingPath: '/x', rawQuery: 'q=1', headers: {}, changes: ['change'],
    },
    sniCheck: { mode: 'host-vs-sni', result: 'passed', handshakeOption: 'default', because: 'same' },
    routing: [
      step({
        muxer: 'https', entryPoint: 'websecure', winner: 'p@x', evaluated: 1, notes: ['routing note'],
        ranking: [
          entry('p@x', { priority: 20, result: 'matched', because: 'yes', winner: true }),
          entry('q@x', { rank: 1, result: 'matched', because: 'also' }),
          entry('s@x', { priority: 5, rank: -1, result: 'skipped', because: 'off', via: 'disabled' }),
          entry('n@x', { priority: 4, rank: 2, because: 'nope' }),
          entry('i@x', { priority: 3, rank: 3, because: 'index', via: 'index' }),
        ],
      }),
      step({ muxer: 'child', entryPoint: '', parent: 'p@x', evaluated: 2 }),
    ],
    middlewares: [
      { name: 'm1', type: 'stripPrefix', owner: 'p@x', chain: 'c@x', status: 'applied', effect: 'stripped' },
      { name: 'm2', type: '', owner: 'p@x', status: 'missing', effect: 'gone' },
    ],
    service: {
      name: 'w', middlewares: [],
      tree: { type: 'weighted', name: 'w', chosen: 'a', notes: ['w note'], children: [
        { name: 'a', weight: 3, percent: 75, node: lb('a', 'http://10.0.0.1:80', ['lb note']) },
        { name: 'b', weight: 1, percent: 25, node: lb('b', null) },
      ] },
    },
    router: 'p@x',
    upstream: { method: 'GET', url: 'http://10.0.0.1:80/x', host: 'a.com', headers: { 'X-A': '1', 'X-B': ['1', '2'] } },
    responseHeaders: {},
    notes: ['verdict note'],
  };

  it('prints each step, numbered as printed', () => {
    expect(formatVerdict(full).split('\n')).toEqual([
      'GET https://a.com/x?q=1  (client 192.0.2.1)',
      '1 entryPoint  websecure (:443, by port), TLS',
      '    redirection router web-to-websecure@internal → https:443 (temporary)',
      '    entryPoint middlewares: auth@file, gzip@file',
      '    ep note',
      '2 TLS         SNI (none) → option default; certificate none; handshake failed',
      '    tls because',
      '    tls note',
      '    certificates not in the workspace (SANs unknown): ns/x, ns/y',
      '3 request     GET Host "A.com:443" → "a.com", path /x?q=1',
      '    change',
      '4 421 check   passed: same',
      '5 routing     HTTPS routers of websecure: winner p@x (1 rule evaluated)',
      '    → #1 p@x (priority 20): yes',
      '    ✓ #2 q@x (priority 10): also',
      '    –    s@x (priority 5): off',
      '    ✗ #3 n@x (priority 4): nope',
      '    … 1 more router not matching this host',
      '    routing note',
      '  child routers of p@x: no router matches (2 rules evaluated)',
      '6 middlewares',
      '    m1 (stripPrefix) from c@x [applied]: stripped',
      '    m2 [missing]: gone',
      '7 service',
      '    w: weighted',
      '      → a weight 3 (75%)',
      '        a: load balancer (wrr, passHostHeader true) → http://10.0.0.1:80',
      '          → http://10.0.0.1:80',
      '            http://10.0.0.2:80 (terminating)',
      '          lb note',
      '        b weight 1 (25%)',
      '      w note',
      '→ forwarded: GET http://10.0.0.1:80/x  Host: a.com',
      '    X-A: 1',
      '    X-B: 1, 2',
      'notes',
      '    verdict note',
    ]);
  });

  it('the JSON object of DESIGN.md', () => {
    expect(verdictToJson(full)).toEqual({
      entryPoint: 'websecure',
      tls: { sni: null, option: 'default', certificate: null },
      router: 'p@x',
      ranking: [
        { router: 'p@x', priority: 20, result: 'matched', because: 'yes' },
        { router: 'q@x', priority: 10, result: 'matched', because: 'also' },
        { router: 's@x', priority: 5, result: 'skipped', because: 'off' },
        { router: 'n@x', priority: 4, result: 'not-matched', because: 'nope' },
        { router: 'i@x', priority: 3, result: 'not-matched', because: 'index' },
      ],
      middlewares: [{ name: 'm1', effect: 'stripped' }, { name: 'm2', effect: 'missing: gone' }],
      outcome: { type: 'forwarded', service: 'w', upstream: { method: 'GET', url: 'http://10.0.0.1:80/x', headers: { Host: 'a.com', 'X-A': '1', 'X-B': ['1', '2'] } } },
    });
  });
});

describe('formatVerdict: the other shapes', () => {
  it('a plain-HTTP entryPoint chosen explicitly, a permanent redirection, no middlewares or notes', () => {
    const v = responded({
      entryPoint: {
        name: 'web', port: 80, chosenBy: 'explicit', scheme: 'http', redirect: { router: 'r@internal', to: ':8443', scheme: 'https', port: '8443', permanent: true, priority: 1 },
        defaultMiddlewares: [], defaultTls: null, trustedForwardedHeaders: false, notes: [],
      },
      response: { status: 308, headers: { Location: 'https://a.com:8443/x', Vary: ['A', 'B'] }, body: 'Permanent Redirect' },
      cause: 'redirect',
    } as Partial<Verdict>);
    expect(formatVerdict(v).split('\n')).toEqual([
      'POST http://a.com/x  (client 10.0.0.9)',
      '1 entryPoint  web (:80, as requested), plain HTTP',
      '    redirection router r@internal → https:8443 (permanent)',
      '→ Traefik answers 308 (redirect): "Permanent Redirect"',
      '    Location: https://a.com:8443/x',
      '    Vary: A, B',
    ]);
  });

  it('a TLS step with a certificate and an SNI; a request without query; the resolved-option check after routing', () => {
    const v = responded({
      tls: { sni: 'a.com', option: 'o@x', entry: 'a.com', because: 'b', ties: [], certificate: { type: 'default-store', secret: 'ns/def' }, unknownCertificates: [], handshake: 'ok', notes: [] },
      preprocess: { method: 'GET', host: 'a.com', canonicalHost: 'a.com', requestTarget: '/', escapedPath: '/', routingPath: '/', rawQuery: '', headers: {}, changes: [] },
      routing: [step({ evaluated: 0 })],
      sniCheck: { mode: 'resolved-option', result: 'misdirected', handshakeOption: 'default', because: 'other option' },
    } as Partial<Verdict>);
    expect(formatVerdict(v).split('\n')).toEqual([
      'POST http://a.com/x  (client 10.0.0.9)',
      '1 TLS         SNI a.com → option o@x; certificate ns/def; handshake ok',
      '    b',
      '2 request     GET Host "a.com" → "a.com", path /',
      '3 routing     HTTP routers of web: no router matches (0 rules evaluated)',
      '4 421 check   misdirected: other option',
      '→ Traefik answers 404 (not-found)',
    ]);
  });

  it('at most twelve ranking lines, the rest counted', () => {
    const ranking = Array.from({ length: 14 }, (_, i) => entry(`r${i}@x`, { rank: i, because: `b${i}` }));
    const lines = formatVerdict(responded({ routing: [step({ ranking, evaluated: 14 })] })).split('\n');
    expect(lines.slice(1, 3)).toEqual(['1 routing     HTTP routers of web: no router matches (14 rules evaluated)', '    ✗ #1 r0@x (priority 10): b0']);
    expect(lines.slice(13, 16)).toEqual(['    ✗ #12 r11@x (priority 10): b11', '    … 2 more routers not matching this host', '→ Traefik answers 404 (not-found)']);
  });

  it('the reserved priority of the redirection router is named', () => {
    const lines = formatVerdict(responded({ routing: [step({ ranking: [entry('r@internal', { priority: Number(9223372036854775806n) })], evaluated: 1 })] })).split('\n');
    expect(lines[2]).toBe('    ✗ #1 r@internal (priority MaxInt-1 (reserved)): no');
  });

  it('no HTTP response', () => {
    const v = { ...base, type: 'no-response', cause: 'no-entrypoint', reason: 'nothing listens on :81' } as Verdict;
    expect(formatVerdict(v).split('\n')).toEqual(['POST http://a.com/x  (client 10.0.0.9)', '→ no HTTP response (no-entrypoint): nothing listens on :81']);
    expect(verdictToJson(v)).toEqual({ entryPoint: null, tls: null, router: null, ranking: [], middlewares: [], outcome: { type: 'no-response', reason: 'nothing listens on :81' } });
  });

  it.each<[string, ServiceNode, string[]]>([
    ['load balancer without a server', { ...lb('l', null), servers: [] } as ServiceNode, ['    l: load balancer (wrr, passHostHeader true) → no server']],
    ['mirroring', { type: 'mirroring', name: 'm', main: { type: 'internal', name: 'api@internal', notes: ['internal'] }, mirrors: [], notes: ['mn'] },
      ['    m: mirroring', '      api@internal: internal', '      mn']],
    ['failover', { type: 'failover', name: 'f', main: { type: 'missing', name: 'gone', notes: ['a', 'b'] }, fallback: { type: 'missing', name: 'x', notes: [] }, notes: ['fn'] },
      ['    f: failover', '      gone: a; b', '      fn']],
    ['highest random weight', { type: 'highestRandomWeight', name: 'h', children: [{ name: 'c1', weight: 2, node: lb('c1', null) }], notes: ['hn'] },
      ['    h: highest random weight', '      c1 weight 2', '      hn']],
  ])('service: %s', (_desc, tree, lines) => {
    const text = formatVerdict(responded({ service: { name: tree.name, tree, middlewares: [] } }));
    expect(text.split('\n').slice(1, -1)).toEqual(['1 service', ...lines]);
  });

  it('middlewares without chain or type', () => {
    const text = formatVerdict(responded({ middlewares: [{ name: 'm', type: 'headers', owner: 'r', status: 'no-op', effect: 'nothing' }] }));
    expect(text.split('\n').slice(1, 3)).toEqual(['1 middlewares', '    m (headers) [no-op]: nothing']);
  });
});

describe('verdictToJson: the other shapes', () => {
  it('child routers are marked; failed middlewares carry their status; a response keeps its headers and body', () => {
    const v = responded({
      routing: [step({ ranking: [entry('a@x')] }), step({ muxer: 'child', parent: 'p@x', ranking: [entry('c@x', { because: 'why' })] })],
      middlewares: (['applied', 'no-op', 'responded', 'not-simulated', 'error'] as const).map((status) => ({ name: status, type: 't', owner: 'r', status, effect: 'e' })),
      response: { status: 401, headers: { 'Www-Authenticate': 'Basic realm="x"' }, body: '401 Unauthorized\n' },
      cause: 'unauthorized',
    } as Partial<Verdict>);
    expect(verdictToJson(v)).toEqual({
      entryPoint: null, tls: null, router: null,
      ranking: [{ router: 'a@x', priority: 10, result: 'not-matched', because: 'no' }, { router: 'c@x', priority: 10, result: 'not-matched', because: '[child of p@x] why' }],
      middlewares: [
        { name: 'applied', effect: 'e' }, { name: 'no-op', effect: 'e' }, { name: 'responded', effect: 'e' },
        { name: 'not-simulated', effect: 'not-simulated: e' }, { name: 'error', effect: 'error: e' },
      ],
      outcome: { type: 'responded', status: 401, headers: { 'Www-Authenticate': 'Basic realm="x"' }, body: '401 Unauthorized\n' },
    });
  });

  it('a forwarded verdict without a service step names no service; the Host header comes first', () => {
    const v = { ...base, type: 'forwarded', upstream: { method: 'GET', url: 'http://b/', host: 'b', headers: { Host: 'ignored', A: '1' } }, responseHeaders: {} } as Verdict;
    const out = verdictToJson(v).outcome;
    expect(out).toEqual({ type: 'forwarded', service: '', upstream: { method: 'GET', url: 'http://b/', headers: { Host: 'ignored', A: '1' } } });
    expect(Object.keys((out as Extract<typeof out, { type: 'forwarded' }>).upstream.headers)).toEqual(['Host', 'A']);
  });
});

describe('certificateName', () => {
  it.each([
    [{ type: 'store', secret: 'ns/a', key: 'a.com', matchedSan: 'a.com' } as const, 'ns/a'],
    [{ type: 'default-store', secret: 'ns/d' } as const, 'ns/d'],
    [{ type: 'traefik-default' } as const, 'TRAEFIK DEFAULT CERT'],
    [{ type: 'none', reason: 'x' } as const, null],
  ])('%j → %j', (c, name) => {
    expect(certificateName(c)).toBe(name);
  });
});
