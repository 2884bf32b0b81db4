// Whole service trees (pkg/server/service/service.go BuildHTTP) for sticky load balancers (loadbalancer/sticky.go),
// weighted round robin (wrr.go: weights ≤ 0 never added, the heaviest child first), highestRandomWeight without a
// client address, mirroring and failover, and recursion.CheckRecursion (a cycle, never a depth limit). Sticky
// cookie values are sha256(child)[:16], computed here with node:crypto.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { DynamicService } from '../types.ts';
import type { CompiledRouting } from './compiled.ts';
import { config, lb } from './fixtures.ts';
import { lookupService, resolveService } from './service.ts';

const routingOf = (services: DynamicService[]) => ({ config: config({ services }) }) as unknown as CompiledRouting;
const v = (child: string) => createHash('sha256').update(child).digest('hex').slice(0, 16);
const TEXT = { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' };
const E500 = { status: 500, headers: TEXT, body: 'Internal Server Error\n' };
const E503 = { status: 503, headers: TEXT, body: 'no available server\n' };

const S1 = 'http://10.0.0.1:80';
const S2 = 'http://10.0.0.2:80';
/** The tree of a one-server balancer built by `lb()`. */
const leaf = (name: string, url: string) => ({
  type: 'loadBalancer', name, servers: [{ url, source: 'endpointslice' }], scheme: 'http', passHostHeader: true, strategy: 'wrr', chosen: url, notes: [],
});
const server = (name: string, url: string) => ({ type: 'server', url, passHostHeader: true, service: name });

describe('a sticky load balancer (sticky.go)', () => {
  const svc = lb('s@kubernetescrd', [S1, S2], { sticky: { name: 'lb' } });
  const base = { type: 'loadBalancer', name: 's@kubernetescrd', servers: [{ url: S1, source: 'endpointslice' }, { url: S2, source: 'endpointslice' }], scheme: 'http', passHostHeader: true, strategy: 'wrr' };
  const unpredictable = `wrr over 2 servers: the first pick is unpredictable (servers are shuffled); ${S1} is shown`;
  it.each([
    {
      desc: 'no cookie: the shown server, and the cookie Traefik sets for it', cookie: undefined,
      expected: { tree: { ...base, chosen: S1, notes: [unpredictable], sticky: { cookie: 'lb', matched: false } }, target: server('s@kubernetescrd', S1), setCookies: [`lb=${v(S1)}; Path=/`] },
    },
    {
      desc: 'a cookie with the sha256 value of a server: that server, no new cookie', cookie: `lb=${v(S2)}`,
      expected: { tree: { ...base, chosen: S2, notes: [`sticky cookie lb points at ${S2}`], sticky: { cookie: 'lb', matched: true } }, target: server('s@kubernetescrd', S2), setCookies: [] },
    },
    {
      desc: 'an older cookie value (the URL itself): that server, the cookie written again', cookie: `lb=${S2}`,
      expected: { tree: { ...base, chosen: S2, notes: [`sticky cookie lb points at ${S2} (an older cookie value: Traefik writes it again)`], sticky: { cookie: 'lb', matched: true } }, target: server('s@kubernetescrd', S2), setCookies: [`lb=${v(S2)}; Path=/`] },
    },
    {
      desc: 'a cookie pointing at no server: as without one', cookie: 'lb=0123456789abcdef',
      expected: { tree: { ...base, chosen: S1, notes: [unpredictable], sticky: { cookie: 'lb', matched: false } }, target: server('s@kubernetescrd', S1), setCookies: [`lb=${v(S1)}; Path=/`] },
    },
  ])('$desc', ({ cookie, expected }) => {
    expect(resolveService(routingOf([svc]), svc.name, cookie ? { Cookie: [cookie] } : {})).toStrictEqual(expected);
  });

  it('other strategies are named; one server is no choice at all', () => {
    const p2c = lb('p@kubernetescrd', [S1, S2], { strategy: 'p2c' });
    expect(resolveService(routingOf([p2c]), p2c.name, {}).tree).toStrictEqual({
      type: 'loadBalancer', name: 'p@kubernetescrd', servers: [{ url: S1, source: 'endpointslice' }, { url: S2, source: 'endpointslice' }], scheme: 'http', passHostHeader: true, strategy: 'p2c', chosen: S1,
      notes: [`p2c over 2 servers: the first pick is unpredictable (servers are shuffled); ${S1} is shown`],
    });
    const one = lb('o@kubernetescrd', [S1], { strategy: 'p2c', passHostHeader: false });
    expect(resolveService(routingOf([one]), one.name, {})).toStrictEqual({
      tree: { ...leaf('o@kubernetescrd', S1), strategy: 'p2c', passHostHeader: false }, target: { type: 'server', url: S1, passHostHeader: false, service: 'o@kubernetescrd' }, setCookies: [],
    });
  });
});

describe('weighted round robin (wrr.go)', () => {
  const children = [lb('a@kubernetescrd', [S1]), lb('b@kubernetescrd', [S2]), lb('c@kubernetescrd', ['http://10.0.0.3:80'])];
  const notChosen = (name: string) => ({ type: 'missing', name, notes: ['not chosen for this request'] });

  it('the heaviest child is shown; percentages rounded to 2 decimals; weight 0 is never chosen', () => {
    const w: DynamicService = { type: 'weighted', name: 'w@kubernetescrd', services: [{ name: 'a@kubernetescrd', weight: 1 }, { name: 'b@kubernetescrd', weight: 3 }, { name: 'c@kubernetescrd', weight: 2 }, { name: 'z@kubernetescrd', weight: 0 }] };
    expect(resolveService(routingOf([...children, w]), w.name, {})).toStrictEqual({
      tree: {
        type: 'weighted', name: 'w@kubernetescrd', chosen: 'b@kubernetescrd',
        children: [
          { name: 'a@kubernetescrd', weight: 1, percent: 16.67, node: notChosen('a@kubernetescrd') },
          { name: 'b@kubernetescrd', weight: 3, percent: 50, node: leaf('b@kubernetescrd', S2) },
          { name: 'c@kubernetescrd', weight: 2, percent: 33.33, node: notChosen('c@kubernetescrd') },
          { name: 'z@kubernetescrd', weight: 0, percent: 0, node: { type: 'missing', name: 'z@kubernetescrd', notes: ['weight 0: never chosen'] } },
        ],
        notes: ['weighted round robin: a@kubernetescrd 16.67%, b@kubernetescrd 50%, c@kubernetescrd 33.33%; the heaviest child is shown'],
      },
      target: server('b@kubernetescrd', S2),
      setCookies: [],
    });
  });

  it('1 : 2 is 33.33 % : 66.67 %; a single positive child gets no round-robin note', () => {
    const two: DynamicService = { type: 'weighted', name: 'w@kubernetescrd', services: [{ name: 'a@kubernetescrd', weight: 1 }, { name: 'b@kubernetescrd', weight: 2 }] };
    const tree = resolveService(routingOf([...children, two]), two.name, {}).tree;
    expect(tree.type === 'weighted' && tree.children.map((c) => c.percent)).toEqual([33.33, 66.67]);
    const one: DynamicService = { type: 'weighted', name: 'w@kubernetescrd', services: [{ name: 'z@kubernetescrd', weight: 0 }, { name: 'a@kubernetescrd', weight: 5 }] };
    expect(resolveService(routingOf([...children, one]), one.name, {})).toStrictEqual({
      tree: {
        type: 'weighted', name: 'w@kubernetescrd', chosen: 'a@kubernetescrd', notes: [],
        children: [
          { name: 'z@kubernetescrd', weight: 0, percent: 0, node: { type: 'missing', name: 'z@kubernetescrd', notes: ['weight 0: never chosen'] } },
          { name: 'a@kubernetescrd', weight: 5, percent: 100, node: leaf('a@kubernetescrd', S1) },
        ],
      },
      target: server('a@kubernetescrd', S1),
      setCookies: [],
    });
  });

  it('no positive weight: 503 no available server', () => {
    const w: DynamicService = { type: 'weighted', name: 'w@kubernetescrd', services: [{ name: 'a@kubernetescrd', weight: 0 }] };
    expect(resolveService(routingOf([...children, w]), w.name, {})).toStrictEqual({
      tree: {
        type: 'weighted', name: 'w@kubernetescrd', chosen: null, notes: ['no child with a positive weight: 503 "no available server"'],
        children: [{ name: 'a@kubernetescrd', weight: 0, percent: 0, node: { type: 'missing', name: 'a@kubernetescrd', notes: ['weight 0: never chosen'] } }],
      },
      target: null, response: E503, setCookies: [],
    });
  });

  describe('sticky (the cookie holds sha256 of the child name as the provider wrote it, without @kubernetescrd)', () => {
    const w: DynamicService = { type: 'weighted', name: 'w@kubernetescrd', services: [{ name: 'a@kubernetescrd', weight: 1 }, { name: 'b@kubernetescrd', weight: 3 }], sticky: { name: 'ws' } };
    const kids = (chosen: 'a' | 'b') => [
      { name: 'a@kubernetescrd', weight: 1, percent: 25, node: chosen === 'a' ? leaf('a@kubernetescrd', S1) : notChosen('a@kubernetescrd') },
      { name: 'b@kubernetescrd', weight: 3, percent: 75, node: chosen === 'b' ? leaf('b@kubernetescrd', S2) : notChosen('b@kubernetescrd') },
    ];
    it.each([
      {
        desc: 'no cookie: the heaviest child, cookie set', cookie: undefined,
        expected: {
          tree: { type: 'weighted', name: 'w@kubernetescrd', chosen: 'b@kubernetescrd', children: kids('b'), sticky: { cookie: 'ws', matched: false }, notes: ['weighted round robin: a@kubernetescrd 25%, b@kubernetescrd 75%; the heaviest child is shown'] },
          target: server('b@kubernetescrd', S2), setCookies: [`ws=${v('b')}; Path=/`],
        },
      },
      {
        desc: 'a cookie for the lighter child: that child, no note, no new cookie', cookie: `ws=${v('a')}`,
        expected: {
          tree: { type: 'weighted', name: 'w@kubernetescrd', chosen: 'a@kubernetescrd', children: kids('a'), sticky: { cookie: 'ws', matched: true }, notes: [] },
          target: server('a@kubernetescrd', S1), setCookies: [],
        },
      },
      {
        desc: 'an older cookie value (the name itself): that child, cookie written again', cookie: 'ws=a',
        expected: {
          tree: { type: 'weighted', name: 'w@kubernetescrd', chosen: 'a@kubernetescrd', children: kids('a'), sticky: { cookie: 'ws', matched: true }, notes: [] },
          target: server('a@kubernetescrd', S1), setCookies: [`ws=${v('a')}; Path=/`],
        },
      },
    ])('$desc', ({ cookie, expected }) => {
      expect(resolveService(routingOf([...children, w]), w.name, cookie ? { Cookie: [cookie] } : {})).toStrictEqual(expected);
    });
  });
});

describe('highestRandomWeight, mirroring, failover', () => {
  const a = lb('a@kubernetescrd', [S1]);
  const b = lb('b@kubernetescrd', [S2]);

  it('HRW without a client address: the first child with a positive weight', () => {
    const h: DynamicService = { type: 'highestRandomWeight', name: 'h@kubernetescrd', services: [{ name: 'z@kubernetescrd', weight: 0 }, { name: 'a@kubernetescrd', weight: 1 }, { name: 'b@kubernetescrd', weight: 1 }] };
    const notShown = (name: string) => ({ type: 'missing', name, notes: ['not shown'] });
    expect(resolveService(routingOf([a, b, h]), h.name, {})).toStrictEqual({
      tree: {
        type: 'highestRandomWeight', name: 'h@kubernetescrd', notes: ['highest random weight: the child depends on a hash of the client IP; the first child is shown'],
        children: [
          { name: 'z@kubernetescrd', weight: 0, node: notShown('z@kubernetescrd') },
          { name: 'a@kubernetescrd', weight: 1, node: leaf('a@kubernetescrd', S1) },
          { name: 'b@kubernetescrd', weight: 1, node: notShown('b@kubernetescrd') },
        ],
      },
      target: server('a@kubernetescrd', S1),
      setCookies: [],
    });
  });

  it('HRW with no positive weight: 503', () => {
    const h: DynamicService = { type: 'highestRandomWeight', name: 'h@kubernetescrd', services: [{ name: 'a@kubernetescrd', weight: 0 }] };
    expect(resolveService(routingOf([a, h]), h.name, {}, [], '203.0.113.7:4711')).toStrictEqual({
      tree: { type: 'highestRandomWeight', name: 'h@kubernetescrd', children: [], notes: ["highest random weight: the client IP 203.0.113.7 hashed with each child's name, scaled by its weight, picks none"] },
      target: null, response: E503, setCookies: [],
    });
  });

  it('mirroring with the body: only the copy notes', () => {
    const m = { type: 'mirroring', name: 'm@kubernetescrd', service: 'a@kubernetescrd', mirrors: [{ name: 'b@kubernetescrd', percent: 10 }, { name: 'c@kubernetescrd', percent: 100 }], mirrorBody: true } as unknown as DynamicService;
    expect(resolveService(routingOf([a, b, m]), m.name, {})).toStrictEqual({
      tree: {
        type: 'mirroring', name: 'm@kubernetescrd', main: leaf('a@kubernetescrd', S1), mirrors: [{ name: 'b@kubernetescrd', percent: 10 }, { name: 'c@kubernetescrd', percent: 100 }],
        notes: ['10% of requests are copied to b@kubernetescrd (its response is discarded)', '100% of requests are copied to c@kubernetescrd (its response is discarded)'],
      },
      target: server('a@kubernetescrd', S1),
      setCookies: [],
    });
  });

  it('failover: the main service, the fallback named', () => {
    const f: DynamicService = { type: 'failover', name: 'f@kubernetescrd', service: 'a@kubernetescrd', fallback: 'b@kubernetescrd' };
    expect(resolveService(routingOf([a, b, f]), f.name, {})).toStrictEqual({
      tree: {
        type: 'failover', name: 'f@kubernetescrd', main: leaf('a@kubernetescrd', S1),
        fallback: { type: 'missing', name: 'b@kubernetescrd', notes: ['used only while the main service is unhealthy'] },
        notes: ['a@kubernetescrd while healthy, else b@kubernetescrd'],
      },
      target: server('a@kubernetescrd', S1),
      setCookies: [],
    });
  });
});

describe('recursion.CheckRecursion and name lookup', () => {
  it('a cycle: the whole tree down to the repeated service, 500', () => {
    const x: DynamicService = { type: 'weighted', name: 'x@kubernetescrd', services: [{ name: 'y@kubernetescrd', weight: 1 }] };
    const y: DynamicService = { type: 'weighted', name: 'y@kubernetescrd', services: [{ name: 'x@kubernetescrd', weight: 1 }] };
    const cycle = { type: 'missing', name: 'x@kubernetescrd', notes: ['service cycle: x@kubernetescrd → y@kubernetescrd → x@kubernetescrd'] };
    expect(resolveService(routingOf([x, y]), x.name, {})).toStrictEqual({
      tree: {
        type: 'weighted', name: 'x@kubernetescrd', chosen: 'y@kubernetescrd', notes: [],
        children: [{ name: 'y@kubernetescrd', weight: 1, percent: 100, node: { type: 'weighted', name: 'y@kubernetescrd', chosen: 'x@kubernetescrd', notes: [], children: [{ name: 'x@kubernetescrd', weight: 1, percent: 100, node: cycle }] } }],
      },
      target: null, response: E500, setCookies: [],
    });
  });

  // A chain of `n` weighted services ending on the load balancer a@kubernetescrd.
  const chainOf = (n: number): DynamicService[] => Array.from({ length: n }, (_, i) => ({ type: 'weighted', name: `w${i}@kubernetescrd`, services: [{ name: i === n - 1 ? 'a@kubernetescrd' : `w${i + 1}@kubernetescrd`, weight: 1 }] }));

  it('a deep chain without a cycle still reaches its server (Traefik has no depth limit)', () => {
    expect(resolveService(routingOf([...chainOf(20), lb('a@kubernetescrd', [S1])]), 'w0@kubernetescrd', {}).target).toStrictEqual(server('a@kubernetescrd', S1));
    // 99 weighted services and the load balancer: 100 levels, the deepest the simulator follows.
    expect(resolveService(routingOf([...chainOf(99), lb('a@kubernetescrd', [S1])]), 'w0@kubernetescrd', {}).target).toStrictEqual(server('a@kubernetescrd', S1));
  });

  it('past 100 levels the simulator stops and says so: no 500, no cycle, the server unknown', () => {
    const r = resolveService(routingOf([...chainOf(100), lb('a@kubernetescrd', [S1])]), 'w0@kubernetescrd', {});
    expect(r.target).toStrictEqual({ type: 'external', service: 'a@kubernetescrd' });
    expect(r.response).toBeUndefined();
    let node = r.tree;
    while (node.type === 'weighted') node = node.children[0]!.node;
    expect(node).toStrictEqual({ type: 'missing', name: 'a@kubernetescrd', notes: ['more than 100 services deep: the simulator stops following the tree here (Traefik follows it; the server it reaches is not simulated)'] });
  });

  it('an unqualified child is looked up with the provider of its parent', () => {
    const w: DynamicService = { type: 'weighted', name: 'w@kubernetescrd', services: [{ name: 'a', weight: 1 }] };
    expect(resolveService(routingOf([lb('a@kubernetescrd', [S1]), w]), w.name, {}).target).toStrictEqual(server('a@kubernetescrd', S1));
  });

  it('a name found as written is used even without `@` and with a parent', () => {
    const bare = lb('bare', [S1]);
    expect(lookupService(routingOf([bare]), 'bare', 'p@file')).toBe(bare);
  });

  it('a name that is only `@provider` belongs to that provider', () => {
    expect(resolveService(routingOf([]), '@file', {})).toStrictEqual({ tree: { type: 'missing', name: '@file', notes: ['defined by the file provider, outside the workspace: not simulated'] }, target: { type: 'external', service: '@file' }, setCookies: [] });
  });

  it('a workspace without an `outside` list: a missing service is a 500', () => {
    const routing = { config: { ...config({ services: [] }), outside: undefined } } as unknown as CompiledRouting;
    expect(resolveService(routing, 'gone@kubernetescrd', {}).response).toStrictEqual(E500);
  });
});
