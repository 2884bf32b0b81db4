// Edge cases of pkg/middlewares/stripprefix/strip_prefix.go (its test table, forceSlash, encoded prefixes),
// pkg/server/service/loadbalancer/wrr/wrr.go (EDF shares, weights ≤ 0 ignored, sticky cookies) and
// pkg/muxer/http/mux.go (priority = byte length). Expected values come from Traefik's tables and
// algorithms, written out or recomputed here independently of the code under test.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { DynamicMiddleware, DynamicService } from '../types.ts';
import type { CompiledRouting } from './compiled.ts';
import { compileRouting } from './compile.ts';
import { baseSettings, config, lb, middleware, router } from './fixtures.ts';
import { escapedPath } from './go-url.ts';
import { runEntryPointPipeline } from './entrypoint.ts';
import { parseClientRequest } from './request.ts';
import { runMiddlewares, type ChainState } from './middlewares/index.ts';
import { resolveService } from './service.ts';
import { simulate } from './simulate.ts';
import type { SimRequest } from './verdict.ts';

function strip(mw: DynamicMiddleware, path: string) {
  const routing = { config: config({ middlewares: [mw] }), middlewares: { [mw.name]: mw }, secrets: {}, secretTypes: {} } as unknown as CompiledRouting;
  const parsed = parseClientRequest({ method: 'GET', url: `http://localhost${path}`, headers: {}, clientIP: '203.0.113.7' });
  if (!parsed.ok) throw new Error(parsed.reason);
  const p = runEntryPointPipeline(parsed.value.request, { name: 'web', port: 80 });
  if (!p.ok) throw new Error(p.because);
  const state: ChainState = { req: p.request, responseHeaders: {}, omitXForwardedFor: false, errorPages: [] };
  const result = runMiddlewares([mw.name], 'r@kubernetescrd', routing, state);
  return { status: result.response?.response.status ?? 200, req: state.req };
}

describe('StripPrefix: TestStripPrefix (strip_prefix_test.go), forceSlash false', () => {
  it.each([
    { desc: 'no prefixes configured', prefixes: [], path: '/noprefixes', status: 200, expPath: '/noprefixes', uri: '/noprefixes', header: undefined },
    { desc: 'wildcard (.*) requests', prefixes: ['/'], path: '/', status: 200, expPath: '', uri: '/', header: '/' },
    { desc: 'prefix and path matching', prefixes: ['/stat'], path: '/stat', status: 200, expPath: '', uri: '/', header: '/stat' },
    { desc: 'path prefix on exactly matching path', prefixes: ['/stat/'], path: '/stat/', status: 200, expPath: '', uri: '/', header: '/stat/' },
    { desc: 'path prefix on matching longer path', prefixes: ['/stat/'], path: '/stat/us', status: 200, expPath: '/us', uri: '/us', header: '/stat/' },
    { desc: 'path prefix on mismatching path', prefixes: ['/stat/'], path: '/status', status: 200, expPath: '/status', uri: '/status', header: undefined },
    { desc: 'general prefix on matching path', prefixes: ['/stat'], path: '/stat/', status: 200, expPath: '/', uri: '/', header: '/stat' },
    { desc: 'earlier prefix matching', prefixes: ['/stat', '/stat/us'], path: '/stat/us', status: 200, expPath: '/us', uri: '/us', header: '/stat' },
    { desc: 'later prefix matching', prefixes: ['/mismatch', '/stat'], path: '/stat', status: 200, expPath: '', uri: '/', header: '/stat' },
    { desc: 'prefix matching within slash boundaries', prefixes: ['/stat'], path: '/status', status: 200, expPath: '/us', uri: '/us', header: '/stat' },
    { desc: 'raw path is also stripped', prefixes: ['/stat'], path: '/stat/a%2Fb', status: 200, expPath: '/a/b', uri: '/a%2Fb', header: '/stat' },
    { desc: 'encoded char in prefix segment of raw path', prefixes: ['/api/'], path: '/ap%69/a%2Fb', status: 200, expPath: '/a/b', uri: '/a%2Fb', header: '/api/' },
    { desc: 'dot in the path not stripped by the prefix', prefixes: ['/api'], path: '/api./foo', status: 400 },
    { desc: 'multiple dots in the path not stripped by the prefix', prefixes: ['/api'], path: '/api../foo', status: 400 },
    // Beyond Traefik's table, by its code: prefixes are trimmed of spaces; the prefix is compared with the
    // decoded path, so a prefix written with %XX only matches a path that decodes to those characters.
    { desc: 'prefixes are trimmed', prefixes: ['  /stat  '], path: '/stat/us', status: 200, expPath: '/us', uri: '/us', header: '/stat' },
    { desc: 'a %-encoded prefix is literal text: no match on the decoded space', prefixes: ['/a%20b'], path: '/a%20b/c', status: 200, expPath: '/a b/c', uri: '/a%20b/c', header: undefined },
    { desc: 'a %-encoded prefix matches a path that decodes to it', prefixes: ['/a%20b'], path: '/a%2520b/c', status: 200, expPath: '/c', uri: '/c', header: '/a%20b' },
    { desc: 'a decoded space in the prefix matches an encoded request path', prefixes: ['/a b'], path: '/a%20b/c', status: 200, expPath: '/c', uri: '/c', header: '/a b' },
    // encodedPrefixLen counts decoded bytes: é is two bytes, two %XX escapes in the raw path.
    { desc: 'non-ASCII prefix with a raw path: é spans %C3%A9', prefixes: ['/é'], path: '/%C3%A9/a%2Fb', status: 200, expPath: '/a/b', uri: '/a%2Fb', header: '/é' },
    { desc: 'non-ASCII prefix, 3-byte character', prefixes: ['/日'], path: '/%E6%97%A5/x%2Fy', status: 200, expPath: '/x/y', uri: '/x%2Fy', header: '/日' },
  ])('$desc', ({ prefixes, path, status, expPath, uri, header }) => {
    const r = strip(middleware('strip@kubernetescrd', 'stripPrefix', { prefixes }), path);
    expect(r.status).toBe(status);
    if (status !== 200) return;
    expect(r.req.url.path).toBe(expPath);
    expect(r.req.requestURI).toBe(uri);
    expect(r.req.headers['X-Forwarded-Prefix']?.[0]).toBe(header);
  });
});

describe('StripPrefix with forceSlash (getPathStripped: "/" + TrimPrefix(TrimPrefix(path, prefix), "/"))', () => {
  it.each([
    { desc: 'whole path: "/" instead of empty', prefixes: ['/stat'], path: '/stat', expPath: '/', uri: '/' },
    { desc: 'prefix with trailing slash: "/"', prefixes: ['/stat/'], path: '/stat/', expPath: '/', uri: '/' },
    { desc: 'rest with a slash keeps one slash', prefixes: ['/stat'], path: '/stat/us', expPath: '/us', uri: '/us' },
    { desc: 'no segment boundary', prefixes: ['/stat'], path: '/status', expPath: '/us', uri: '/us' },
    { desc: 'raw path the same way', prefixes: ['/stat'], path: '/stat/a%2Fb', expPath: '/a/b', uri: '/a%2Fb' },
  ])('$desc', ({ prefixes, path, expPath, uri }) => {
    const r = strip(middleware('strip@kubernetescrd', 'stripPrefix', { prefixes, forceSlash: true }), path);
    expect(r.status).toBe(200);
    expect(r.req.url.path).toBe(expPath);
    expect(r.req.requestURI).toBe(uri);
    expect(escapedPath(r.req.url)).toBe(uri);
  });

  it('TestStripPrefix "multiple dots … with forceSlash": 400', () => {
    expect(strip(middleware('strip@kubernetescrd', 'stripPrefix', { prefixes: ['/api'], forceSlash: true }), '/api../foo').status).toBe(400);
  });
});

/**
 * wrr.go's Earliest-Deadline-First, rewritten here: each child's deadline starts at 1/w and grows by 1/w
 * when picked; ties go to the child added first (heap order of equal deadlines). Counts picks over n rounds.
 */
function edfShares(weights: number[], rounds: number): number[] {
  const kids = weights.map((w, i) => ({ i, w, deadline: 1 / w })).filter((k) => k.w > 0);
  const picks = weights.map(() => 0);
  for (let n = 0; n < rounds; n++) {
    const next = kids.reduce((a, b) => (b.deadline < a.deadline ? b : a));
    picks[next.i]!++;
    next.deadline += 1 / next.w;
  }
  return picks.map((p) => (p / rounds) * 100);
}

describe('weighted round robin: shares as percentages (wrr.go EDF), weights ≤ 0 ignored', () => {
  const child = (i: number) => `apps-c${i}-80@kubernetescrd`;
  const routingOf = (weights: number[]) => {
    const services: DynamicService[] = weights.map((_, i) => lb(child(i), [`http://10.0.0.${i + 1}:80`]));
    services.push({ type: 'weighted', name: 'apps-split@kubernetescrd', services: weights.map((weight, i) => ({ name: child(i), weight })) });
    return { config: config({ services }) } as unknown as CompiledRouting;
  };

  it.each([
    { weights: [1, 1, 1], percents: [33.33, 33.33, 33.33] },
    { weights: [2, 1], percents: [66.67, 33.33] },
    { weights: [1, 2, 4], percents: [14.29, 28.57, 57.14] },
    { weights: [3, 3, 1], percents: [42.86, 42.86, 14.29] },
    { weights: [5, 0, 1], percents: [83.33, 0, 16.67] },
    { weights: [1, -1, 0, 1], percents: [50, 0, 0, 50] },
  ])('weights $weights → $percents %', ({ weights, percents }) => {
    // The long-run share of EDF over a multiple of the weight sum is exact: check it against the table first.
    const total = weights.filter((w) => w > 0).reduce((a, b) => a + b, 0);
    const shares = edfShares(weights, total * 60);
    shares.forEach((s, i) => expect(Math.round(s * 100) / 100).toBe(percents[i]));
    const r = resolveService(routingOf(weights), 'apps-split@kubernetescrd', {});
    expect(r.tree.type === 'weighted' && r.tree.children.map((c) => c.percent)).toEqual(percents);
  });

  it('no child with a positive weight: 503 "no available server"', () => {
    const r = resolveService(routingOf([0, -2]), 'apps-split@kubernetescrd', {});
    expect(r.response).toMatchObject({ status: 503, body: 'no available server\n' });
    expect(r.target).toBeNull();
  });

  it('a weight-0 child is never chosen, even as the only heavy one', () => {
    const r = resolveService(routingOf([0, 1]), 'apps-split@kubernetescrd', {});
    expect(r.target).toMatchObject({ url: 'http://10.0.0.2:80' });
  });
});

describe('sticky cookie of a weighted service (sticky.go: sha256 of the child name the provider wrote)', () => {
  const sha16 = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 16);
  const services: DynamicService[] = [
    lb('apps-v1-80@kubernetescrd', ['http://10.0.1.1:80']),
    lb('apps-v2-80@kubernetescrd', ['http://10.0.2.1:80']),
    lb('apps-off-80@kubernetescrd', ['http://10.0.3.1:80']),
    { type: 'weighted', name: 'apps-split@kubernetescrd', sticky: { name: 'pin' }, services: [{ name: 'apps-v1-80@kubernetescrd', weight: 3 }, { name: 'apps-v2-80@kubernetescrd', weight: 1 }, { name: 'apps-off-80@kubernetescrd', weight: 0 }] },
  ];
  const routing = { config: config({ services }) } as unknown as CompiledRouting;

  it('the cookie value hashes `apps-v1-80`, not the @kubernetescrd name', () => {
    expect(sha16('apps-v1-80')).toBe('b8bce0d001e4e674');
    expect(resolveService(routing, 'apps-split@kubernetescrd', {}).setCookies).toEqual(['pin=b8bce0d001e4e674; Path=/']);
  });

  it('a cookie for the lighter child sends the request there and is not rewritten', () => {
    const r = resolveService(routing, 'apps-split@kubernetescrd', { Cookie: [`pin=${sha16('apps-v2-80')}`] });
    expect(r.target).toMatchObject({ url: 'http://10.0.2.1:80' });
    expect(r.setCookies).toEqual([]);
  });

  it('a cookie for a weight-0 child is ignored (Add never registers it): WRR picks and sets a new cookie', () => {
    const r = resolveService(routing, 'apps-split@kubernetescrd', { Cookie: [`pin=${sha16('apps-off-80')}`] });
    expect(r.target).toMatchObject({ url: 'http://10.0.1.1:80' });
    expect(r.setCookies).toEqual(['pin=b8bce0d001e4e674; Path=/']);
  });
});

describe('router order uses the byte length of the rule', () => {
  const req = (url: string): SimRequest => ({ method: 'GET', url, headers: {}, clientIP: '203.0.113.7' });
  it('PathPrefix(`/é`) (17 bytes, 16 UTF-16 units) beats "PathPrefix(`/`) " (16 bytes) without a tie', () => {
    const routing = compileRouting(config({ routers: [router('short@kubernetescrd', 'PathPrefix(`/`) '), router('accent@kubernetescrd', 'PathPrefix(`/é`)')] }), baseSettings());
    const v = simulate(routing, req('http://a.com/%C3%A9t%C3%A9'));
    expect(v.router).toBe('accent@kubernetescrd');
    const step = v.routing[0]!;
    expect(step.ranking.map((e) => [e.router, e.priority])).toEqual([['accent@kubernetescrd', 17], ['short@kubernetescrd', 16]]);
    expect(step.nondeterministic).toEqual([]);
  });

  it('equal byte lengths tie (Traefik may pick either)', () => {
    // "PathPrefix(`/`)  " (two spaces) and PathPrefix(`/é`) are both 17 bytes.
    const both = compileRouting(config({ routers: [router('p1@kubernetescrd', 'PathPrefix(`/é`)'), router('p2@kubernetescrd', 'PathPrefix(`/`)  ')] }), baseSettings());
    const v = simulate(both, req('http://a.com/%C3%A9'));
    expect(v.routing[0]!.nondeterministic.sort()).toEqual(['p1@kubernetescrd', 'p2@kubernetescrd']);
  });
});
