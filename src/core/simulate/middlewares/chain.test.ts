// The middleware chain: pkg/server/middleware/middlewares.go BuildChain (qualified names; a middleware that is
// missing or fails to build makes the router fail), pkg/middlewares/chain/chain.go, and the CRD provider's
// chain member names (kubernetes.go makeID → provider.Normalize(namespace-name)@kubernetescrd).
import { describe, expect, it } from 'vitest';
import type { DynamicMiddleware } from '../../types.ts';
import type { CompiledRouting } from '../compiled.ts';
import { config as makeConfig, middleware } from '../fixtures.ts';
import { parseClientRequest } from '../request.ts';
import { expandMiddlewares, middlewareBuildError, runMiddlewares, type ChainState } from './index.ts';

function routingOf(mws: DynamicMiddleware[], outside: string[] = []): CompiledRouting {
  const config = { ...makeConfig({ middlewares: mws }), outside };
  return { config, middlewares: config.middlewares, secrets: {}, secretTypes: {} } as unknown as CompiledRouting;
}

function state(): ChainState {
  const parsed = parseClientRequest({ method: 'GET', url: 'http://a.com/api/x', headers: {}, clientIP: '192.0.2.1' });
  if (!parsed.ok) throw new Error(parsed.reason);
  return { req: parsed.value.request, responseHeaders: {}, omitXForwardedFor: false, errorPages: [] };
}

const strip = middleware('apps-strip@kubernetescrd', 'stripPrefix', { prefixes: ['/api'] }, 'apps');
const add = middleware('other-add@kubernetescrd', 'addPrefix', { prefix: '/v1' }, 'other');
const local = middleware('apps-add@kubernetescrd', 'addPrefix', { prefix: '/v2' }, 'apps');

describe('chain members (chainMembers)', () => {
  it.each([
    { desc: 'a {name} reference: the chain\'s namespace, normalised', members: [{ name: 'strip' }], expected: ['apps-strip@kubernetescrd'] },
    { desc: 'a {name, namespace} reference', members: [{ name: 'add', namespace: 'other' }], expected: ['other-add@kubernetescrd'] },
    { desc: 'a qualified name is kept', members: [{ name: 'x@file' }, 'y@internal'], expected: ['x@file', 'y@internal'] },
    { desc: 'a plain string gets the chain\'s provider', members: ['apps-strip'], expected: ['apps-strip@kubernetescrd'] },
    { desc: 'normalised: runs of other characters become one -', members: [{ name: 'a__b', namespace: 'n.s' }], expected: ['n-s-a-b@kubernetescrd'] },
    { desc: 'empty and unreadable entries are skipped', members: ['', { name: '' }, { namespace: 'x' }, null, 'z'], expected: ['z@kubernetescrd'] },
  ])('$desc', ({ members, expected }) => {
    const chain = middleware('apps-chain@kubernetescrd', 'chain', { middlewares: members }, 'apps');
    expect(expandMiddlewares([chain.name], routingOf([chain])).map((m) => m.name)).toEqual(expected);
  });

  it('a plain middleware expands to itself, without a chain key; a chain named without a provider qualifies with @kubernetescrd', () => {
    expect(expandMiddlewares([strip.name], routingOf([strip]))).toStrictEqual([{ name: strip.name, mw: strip }]);
    const bare: DynamicMiddleware = { ...middleware('c@kubernetescrd', 'chain', { middlewares: ['m'] }), name: 'c' };
    expect(expandMiddlewares(['c'], routingOf([bare])).map((m) => m.name)).toEqual(['m@kubernetescrd']);
  });

  it('a chain without a list expands to nothing; a chain of a file provider qualifies with @file', () => {
    expect(expandMiddlewares(['c@kubernetescrd'], routingOf([middleware('c@kubernetescrd', 'chain', {})]))).toEqual([]);
    const fileChain: DynamicMiddleware = { ...middleware('c@file', 'chain', { middlewares: ['m'] }), name: 'c@file' };
    expect(expandMiddlewares(['c@file'], routingOf([fileChain])).map((m) => m.name)).toEqual(['m@file']);
  });

  it('nested chains expand depth-first; each member names its innermost chain', () => {
    const inner = middleware('apps-inner@kubernetescrd', 'chain', { middlewares: [{ name: 'strip' }] }, 'apps');
    const outer = middleware('apps-outer@kubernetescrd', 'chain', { middlewares: [{ name: 'inner' }, { name: 'add' }] }, 'apps');
    const out = expandMiddlewares([outer.name], routingOf([inner, outer, strip, local]));
    expect(out.map((m) => [m.name, m.chain])).toEqual([['apps-strip@kubernetescrd', 'apps-inner@kubernetescrd'], ['apps-add@kubernetescrd', 'apps-outer@kubernetescrd']]);
  });

  it('a cycle through two chains is a build error naming the path', () => {
    const a = middleware('apps-a@kubernetescrd', 'chain', { middlewares: [{ name: 'b' }] }, 'apps');
    const b = middleware('apps-b@kubernetescrd', 'chain', { middlewares: [{ name: 'a' }] }, 'apps');
    expect(middlewareBuildError([a.name], routingOf([a, b]))).toBe('recursion detected in chain apps-a@kubernetescrd → apps-b@kubernetescrd → apps-a@kubernetescrd');
  });

  it('the same middleware twice (not a cycle) runs twice', () => {
    const twice = middleware('apps-twice@kubernetescrd', 'chain', { middlewares: [{ name: 'add' }, { name: 'add' }] }, 'apps');
    expect(expandMiddlewares([twice.name], routingOf([twice, local])).map((m) => m.name)).toEqual(['apps-add@kubernetescrd', 'apps-add@kubernetescrd']);
  });
});

describe('missing, external and outside middlewares', () => {
  it.each([
    { name: 'gone@kubernetescrd', error: 'middleware "gone@kubernetescrd" does not exist' },
    { name: 'gone@internal', error: 'middleware "gone@internal" does not exist' },
    { name: 'gone', error: 'middleware "gone" does not exist' },
  ])('$name is missing: a build error', ({ name, error }) => {
    expect(middlewareBuildError([name], routingOf([]))).toBe(error);
  });

  it('a workspace without an outside list: a missing name is still a build error', () => {
    const config = makeConfig({ middlewares: [] });
    const routing = { config, middlewares: config.middlewares, secrets: {}, secretTypes: {} } as unknown as CompiledRouting;
    expect(config.outside).toBeUndefined();
    expect(middlewareBuildError(['gone@kubernetescrd'], routing)).toBe('middleware "gone@kubernetescrd" does not exist');
  });

  it('other providers and outside names are not build errors', () => {
    expect(middlewareBuildError(['auth@file', 'x@kubernetes'], routingOf([]))).toBeNull();
    expect(middlewareBuildError(['elsewhere-m@kubernetescrd'], routingOf([], ['elsewhere-m@kubernetescrd']))).toBeNull();
  });

  it('each gets a step saying so, and the request goes on', () => {
    const s = state();
    const r = runMiddlewares(['auth@file', 'elsewhere-m@kubernetescrd', 'gone@kubernetescrd', strip.name], 'r@kubernetescrd', routingOf([strip], ['elsewhere-m@kubernetescrd']), s);
    expect(r.response).toBeUndefined();
    // Strict: a step outside any chain has no `chain` key at all.
    expect(r.steps).toStrictEqual([
      { name: 'auth@file', type: '', owner: 'r@kubernetescrd', status: 'not-simulated', effect: 'defined by a provider outside the workspace: its effect is not simulated' },
      { name: 'elsewhere-m@kubernetescrd', type: '', owner: 'r@kubernetescrd', status: 'not-simulated', effect: 'outside the workspace (assumed to exist): effect unknown' },
      { name: 'gone@kubernetescrd', type: '', owner: 'r@kubernetescrd', status: 'missing', effect: 'middleware "gone@kubernetescrd" does not exist' },
      { name: 'apps-strip@kubernetescrd', type: 'stripPrefix', owner: 'r@kubernetescrd', status: 'applied', effect: 'stripped "/api": /api/x → /x; X-Forwarded-Prefix: /api' },
    ]);
    expect(s.req.url.path).toBe('/x');
  });

  it('a member of a chain that is missing is reported inside the chain', () => {
    const chain = middleware('apps-c@kubernetescrd', 'chain', { middlewares: [{ name: 'nope' }] }, 'apps');
    const r = runMiddlewares([chain.name], 'r@kubernetescrd', routingOf([chain]), state());
    expect(r.steps).toEqual([{ name: 'apps-nope@kubernetescrd', type: '', owner: 'r@kubernetescrd', chain: 'apps-c@kubernetescrd', status: 'missing', effect: 'middleware "apps-nope@kubernetescrd" does not exist' }]);
  });
});

describe('running the chain', () => {
  it('a middleware whose config fails is an error step, and the next ones still run', () => {
    const bad = middleware('apps-bad@kubernetescrd', 'addPrefix', { prefix: '' }, 'apps');
    const s = state();
    const r = runMiddlewares([bad.name, strip.name], 'r@kubernetescrd', routingOf([bad, strip]), s);
    expect(r.steps[0]).toEqual({ name: 'apps-bad@kubernetescrd', type: 'addPrefix', owner: 'r@kubernetescrd', status: 'error', effect: 'addPrefix: prefix cannot be empty (Traefik refuses routers using it)' });
    expect(r.steps[1]).toMatchObject({ name: 'apps-strip@kubernetescrd', status: 'applied' });
    expect(middlewareBuildError([bad.name, strip.name], routingOf([bad, strip]))).toBe('middleware apps-bad@kubernetescrd: addPrefix: prefix cannot be empty');
  });

  it('members of a chain run in order on the same request, and carry the chain name', () => {
    const chain = middleware('apps-c@kubernetescrd', 'chain', { middlewares: [{ name: 'strip' }, { name: 'add', namespace: 'other' }] }, 'apps');
    const s = state();
    const r = runMiddlewares([chain.name], 'r@kubernetescrd', routingOf([chain, strip, add]), s);
    expect(r.steps.map((x) => [x.name, x.chain, x.status])).toEqual([['apps-strip@kubernetescrd', 'apps-c@kubernetescrd', 'applied'], ['other-add@kubernetescrd', 'apps-c@kubernetescrd', 'applied']]);
    expect(s.req.requestURI).toBe('/v1/x');
  });

  it('a middleware that answers stops the chain', () => {
    const deny = middleware('apps-deny@kubernetescrd', 'ipAllowList', { sourceRange: ['10.0.0.0/8'] }, 'apps');
    const s = state();
    const r = runMiddlewares([deny.name, strip.name], 'r@kubernetescrd', routingOf([deny, strip]), s);
    expect(r.steps.map((x) => x.name)).toEqual(['apps-deny@kubernetescrd']);
    expect(r.response).toMatchObject({ response: { status: 403 }, cause: 'forbidden' });
    expect(s.req.url.path).toBe('/api/x');
  });

  it('the request and the X-Forwarded-For choice are written back to the state', () => {
    const h = middleware('apps-h@kubernetescrd', 'headers', { customRequestHeaders: { 'X-Forwarded-For': '' } }, 'apps');
    const s = state();
    runMiddlewares([h.name, strip.name], 'r@kubernetescrd', routingOf([h, strip]), s);
    expect(s.omitXForwardedFor).toBe(true);
    expect(s.req.url.path).toBe('/x');
  });
});
