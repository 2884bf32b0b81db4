import bcrypt from 'bcryptjs';
import { describe, expect, it } from 'vitest';
import type { DynamicMiddleware } from '../../types.ts';
import type { CompiledRouting } from '../compiled.ts';
import { config as makeConfig, lb, middleware } from '../fixtures.ts';
import { escapedPath } from '../go-url.ts';
import { runEntryPointPipeline } from '../entrypoint.ts';
import { parseClientRequest } from '../request.ts';
import { checkSecret, md5Crypt, shaSecret } from './htpasswd.ts';
import { expandMiddlewares, middlewareBuildError, runMiddlewares, type ChainState } from './index.ts';
import { applyErrorPages } from './errors.ts';

function routingWith(mws: DynamicMiddleware[], secrets: Record<string, Record<string, string>> = {}, secretTypes: Record<string, string> = {}): CompiledRouting {
  const config = makeConfig({ middlewares: mws, services: [lb('errors-svc@kubernetescrd', ['http://10.9.9.9:80'])] });
  return { config, middlewares: config.middlewares, secrets, secretTypes } as unknown as CompiledRouting;
}

function stateFor(url: string, headers: Record<string, string | string[]> = {}, method = 'GET', clientIP = '203.0.113.7', trusted = false): ChainState {
  const parsed = parseClientRequest({ method, url, headers, clientIP });
  if (!parsed.ok) throw new Error(parsed.reason);
  const ep = { name: 'web', port: 80, ...(trusted ? { forwardedHeaders: { insecure: true } } : {}) };
  const p = runEntryPointPipeline(parsed.value.request, ep);
  if (!p.ok) throw new Error(p.because);
  return { req: p.request, responseHeaders: {}, omitXForwardedFor: false, errorPages: [] };
}

function run(mw: DynamicMiddleware, url: string, opts: { headers?: Record<string, string | string[]>; method?: string; clientIP?: string; trusted?: boolean; routing?: CompiledRouting } = {}) {
  const routing = opts.routing ?? routingWith([mw]);
  const state = stateFor(url, opts.headers, opts.method, opts.clientIP, opts.trusted);
  const result = runMiddlewares([mw.name], 'r@kubernetescrd', routing, state);
  return { result, state, step: result.steps[0]! };
}

describe('StripPrefix', () => {
  const mw = middleware('strip@kubernetescrd', 'stripPrefix', { prefixes: ['/api', ' /foo '] });
  it('removes the first matching prefix (no segment boundary) and adds X-Forwarded-Prefix', () => {
    const { state, step } = run(mw, 'http://a.com/foobar?x=1');
    expect(state.req.url.path).toBe('/bar');
    expect(state.req.requestURI).toBe('/bar?x=1');
    expect(state.req.headers['X-Forwarded-Prefix']).toEqual(['/foo']);
    expect(step.status).toBe('applied');
  });
  it('leaves an empty path when the whole path is the prefix', () => {
    const { state } = run(mw, 'http://a.com/api');
    expect(state.req.url.path).toBe('');
    expect(state.req.requestURI).toBe('/');
  });
  it('keeps encoded characters of the rest', () => {
    const { state } = run(mw, 'http://a.com/api/a%2Fb');
    expect(escapedPath(state.req.url)).toBe('/a%2Fb');
  });
  it('rejects a result that cleaning would change (400)', () => {
    const { result } = run(mw, 'http://a.com/api%2F..%2Fsecret');
    expect(result.response?.response).toMatchObject({ status: 400, body: 'Bad Request\n' });
  });
  it('is a no-op when no prefix matches', () => {
    expect(run(mw, 'http://a.com/other').step.status).toBe('no-op');
  });
});

describe('StripPrefixRegex, AddPrefix, ReplacePath, ReplacePathRegex', () => {
  it('StripPrefixRegex strips the leftmost match when it is a prefix', () => {
    const mw = middleware('s@kubernetescrd', 'stripPrefixRegex', { regex: ['/v[0-9]+'] });
    const { state } = run(mw, 'http://a.com/v12/users');
    expect(state.req.url.path).toBe('/users');
    expect(state.req.headers['X-Forwarded-Prefix']).toEqual(['/v12']);
    expect(run(mw, 'http://a.com/x/v1/users').step.status).toBe('no-op');
  });
  it('a StripPrefixRegex that does not compile makes the router fail', () => {
    const mw = middleware('s@kubernetescrd', 'stripPrefixRegex', { regex: ['(?=x)'] });
    expect(middlewareBuildError([mw.name], routingWith([mw]))).toContain('stripPrefixRegex');
  });
  it('AddPrefix prepends, and an empty prefix is a build error', () => {
    const mw = middleware('p@kubernetescrd', 'addPrefix', { prefix: '/app' });
    expect(run(mw, 'http://a.com/x?q').state.req.requestURI).toBe('/app/x?q');
    const bad = middleware('p@kubernetescrd', 'addPrefix', { prefix: '' });
    expect(middlewareBuildError([bad.name], routingWith([bad]))).toContain('prefix cannot be empty');
  });
  it('ReplacePath sets the path and X-Replaced-Path', () => {
    const mw = middleware('rp@kubernetescrd', 'replacePath', { path: '/new%20path' });
    const { state } = run(mw, 'http://a.com/old?x=1');
    expect(state.req.requestURI).toBe('/new%20path?x=1');
    expect(state.req.url.path).toBe('/new path');
    expect(state.req.headers['X-Replaced-Path']).toEqual(['/old']);
    const bad = middleware('rp@kubernetescrd', 'replacePath', { path: '/a%zz' });
    expect(run(bad, 'http://a.com/').result.response?.response).toMatchObject({ status: 500, body: 'invalid URL escape "%zz"\n' });
  });
  it('ReplacePathRegex rewrites the escaped path with Go $-expansion', () => {
    const mw = middleware('rr@kubernetescrd', 'replacePathRegex', { regex: '^/api/(.*)', replacement: '/v2/$1' });
    const { state } = run(mw, 'http://a.com/api/users/1');
    expect(state.req.requestURI).toBe('/v2/users/1');
    expect(state.req.headers['X-Replaced-Path']).toEqual(['/api/users/1']);
    expect(run(mw, 'http://a.com/other').step.status).toBe('no-op');
    const dirty = middleware('rr@kubernetescrd', 'replacePathRegex', { regex: '^/api/(.*)', replacement: '/v2//$1' });
    expect(run(dirty, 'http://a.com/api/x').result.response?.response.status).toBe(400);
  });
});

describe('RedirectScheme and RedirectRegex', () => {
  const https = middleware('r@kubernetescrd', 'redirectScheme', { scheme: 'https', permanent: true });
  it('redirects http to https, dropping the port unless configured', () => {
    const { result } = run(https, 'http://a.com:8080/x?y=1');
    expect(result.response?.response).toEqual({ status: 301, headers: { Location: 'https://a.com/x?y=1' }, body: 'Moved Permanently' });
  });
  it('uses 308 for other methods, 302/307 when not permanent', () => {
    expect(run(https, 'http://a.com/', { method: 'POST' }).result.response?.response.status).toBe(308);
    const temp = middleware('r@kubernetescrd', 'redirectScheme', { scheme: 'https', port: '8443' });
    expect(run(temp, 'http://a.com/').result.response?.response).toMatchObject({ status: 302, headers: { Location: 'https://a.com:8443/' } });
    expect(run(temp, 'http://a.com/', { method: 'PUT' }).result.response?.response.status).toBe(307);
    const forced = middleware('r@kubernetescrd', 'redirectScheme', { scheme: 'https', forcePermanentRedirect: true });
    expect(run(forced, 'http://a.com/').result.response?.response.status).toBe(308);
  });
  it('does nothing when the target equals the current URL (X-Forwarded-Proto counts)', () => {
    expect(run(https, 'https://a.com/x').step.status).toBe('no-op');
    expect(run(https, 'http://a.com/x', { headers: { 'X-Forwarded-Proto': 'https' }, trusted: true }).step.status).toBe('no-op');
  });
  it('RedirectRegex matches the full URL with its port', () => {
    const mw = middleware('rr@kubernetescrd', 'redirectRegex', { regex: '^http://a\\.com:8080/(.*)', replacement: 'https://b.com/${1}', permanent: false });
    expect(run(mw, 'http://a.com:8080/p?q=1').result.response?.response).toMatchObject({ status: 302, headers: { Location: 'https://b.com/p?q=1' } });
    expect(run(mw, 'http://a.com/p').step.status).toBe('no-op');
  });
});

describe('Headers', () => {
  const cors = middleware('h@kubernetescrd', 'headers', {
    accessControlAllowMethods: ['GET', 'POST'], accessControlAllowOriginList: ['https://app.example.com'], accessControlMaxAge: 100,
    accessControlAllowHeaders: ['X-Token'], addVaryHeader: true, customRequestHeaders: { 'X-Env': 'prod', 'X-Drop': '' },
    customResponseHeaders: { 'X-Served-By': 'traefik', Server: '' }, frameDeny: true, stsSeconds: 31536000,
  });
  it('answers a CORS preflight itself', () => {
    const { result } = run(cors, 'https://a.com/api', { method: 'OPTIONS', headers: { Origin: 'https://app.example.com', 'Access-Control-Request-Method': 'POST' } });
    expect(result.response?.cause).toBe('cors-preflight');
    expect(result.response?.response).toEqual({
      status: 200, body: '',
      headers: { 'Access-Control-Allow-Headers': ['X-Token'], 'Access-Control-Allow-Methods': ['GET,POST'], 'Access-Control-Allow-Origin': ['https://app.example.com'], 'Access-Control-Max-Age': ['100'], 'Content-Length': ['0'] },
    });
  });
  it('sets request headers and records response headers', () => {
    const { state } = run(cors, 'https://a.com/', { headers: { Origin: 'https://evil.com', 'X-Drop': '1' } });
    expect(state.req.headers['X-Env']).toEqual(['prod']);
    expect(state.req.headers['X-Drop']).toBeUndefined();
    expect(state.responseHeaders['X-Served-By']).toEqual(['traefik']);
    expect(state.responseHeaders['Server']).toEqual(['']);
    expect(state.responseHeaders['X-Frame-Options']).toEqual(['DENY']);
    expect(state.responseHeaders['Strict-Transport-Security']).toEqual(['max-age=31536000']);
    expect(state.responseHeaders['Access-Control-Allow-Origin']).toBeUndefined();
    expect(state.responseHeaders['Vary']).toEqual(['Origin']);
  });
  it('sends STS only over TLS', () => {
    expect(run(cors, 'http://a.com/').state.responseHeaders['Strict-Transport-Security']).toBeUndefined();
  });
  it('rewrites Host, drops X-Forwarded-For, and rejects hosts outside allowedHosts', () => {
    const mw = middleware('h@kubernetescrd', 'headers', { customRequestHeaders: { Host: 'internal.svc', 'X-Forwarded-For': '' } });
    const { state } = run(mw, 'http://a.com/');
    expect(state.req.host).toBe('internal.svc');
    expect(state.omitXForwardedFor).toBe(true);
    const hosts = middleware('h@kubernetescrd', 'headers', { allowedHosts: ['a.com'] });
    expect(run(hosts, 'http://a.com/').step.status).not.toBe('responded');
    expect(run(hosts, 'http://a.com:8080/').result.response?.response).toMatchObject({ status: 500, body: 'Bad Host\n' });
  });
  it('an empty headers middleware is a build error', () => {
    const mw = middleware('h@kubernetescrd', 'headers', {});
    expect(middlewareBuildError([mw.name], routingWith([mw]))).toContain('not valid');
  });
});

describe('BasicAuth', () => {
  const apr1 = '$apr1$r31Xy9Qz$TPcmwuGeoEU.WG5d/lYdo/';
  it('verifies apr1/MD5-crypt, {SHA} and bcrypt hashes like go-http-auth', () => {
    const enc = (s: string) => new TextEncoder().encode(s);
    expect(md5Crypt(enc('test'), enc('r31Xy9Qz'), enc('$apr1$'))).toBe(apr1);
    expect(checkSecret(enc('test'), apr1)).toBe(true);
    expect(checkSecret(enc('secret'), '$1$abcdefgh$cHJi5PXp/ki/ktXzqlk6I1')).toBe(true);
    expect(checkSecret(enc('test'), '{SHA}qUqP5cyxm6YcTAhz05Hph5gvu9M=')).toBe(true);
    expect(checkSecret(enc('nope'), '{SHA}qUqP5cyxm6YcTAhz05Hph5gvu9M=')).toBe(false);
    const hash = bcrypt.hashSync('pw', 4);
    expect(checkSecret(enc('pw'), hash)).toBe(true);
    expect(checkSecret(enc('pw'), '$2x$' + hash.slice(4))).toBe(true);
    expect(checkSecret(enc('test'), 'test')).toBe(false);
  });

  const mw = middleware('auth@kubernetescrd', 'basicAuth', { secret: 'users', removeHeader: true, headerField: 'X-WebAuth-User' }, 'apps');
  const routing = routingWith([mw], { 'apps/users': { users: `alice:${apr1}\nbob:{SHA}qUqP5cyxm6YcTAhz05Hph5gvu9M=\n` } });
  const basic = (u: string, p: string) => ({ Authorization: 'Basic ' + btoa(`${u}:${p}`) });
  it('lets valid users through, sets headerField and removes Authorization', () => {
    const { state, step } = run(mw, 'http://a.com/', { headers: basic('alice', 'test'), routing });
    expect(step.status).toBe('applied');
    expect(state.req.headers['X-WebAuth-User']).toEqual(['alice']);
    expect(state.req.headers['Authorization']).toBeUndefined();
  });
  it('answers 401 with the realm otherwise', () => {
    const { result } = run(mw, 'http://a.com/', { headers: basic('alice', 'wrong'), routing });
    expect(result.response?.response).toEqual({ status: 401, headers: { 'Content-Type': 'text/plain', 'Www-Authenticate': 'Basic realm="traefik"' }, body: '401 Unauthorized\n' });
    expect(run(mw, 'http://a.com/', { routing }).result.response?.response.status).toBe(401);
    expect(run(mw, 'http://a.com/', { headers: basic('carol', 'x'), routing }).step.effect).toContain('unknown user');
  });
  it('reads kubernetes.io/basic-auth secrets (username + SHA1 of password)', () => {
    const r = routingWith([mw], { 'apps/users': { username: 'admin', password: 'pw' } }, { 'apps/users': 'kubernetes.io/basic-auth' });
    expect(run(mw, 'http://a.com/', { headers: basic('admin', 'pw'), routing: r }).step.status).toBe('applied');
    expect(shaSecret('test')).toBe('{SHA}qUqP5cyxm6YcTAhz05Hph5gvu9M=');
  });
  it('a secret with several keys or malformed lines makes the router fail; a missing one is not simulated', () => {
    expect(middlewareBuildError([mw.name], routingWith([mw], { 'apps/users': { a: 'x:y', b: 'z:w' } }))).toContain('must be single element');
    expect(middlewareBuildError([mw.name], routingWith([mw], { 'apps/users': { users: 'a:b:c' } }))).toContain('error parsing BasicUser');
    expect(run(mw, 'http://a.com/', { headers: basic('a', 'b') }).step.status).toBe('not-simulated');
  });
});

describe('IPAllowList / IPWhiteList', () => {
  const allow = middleware('ip@kubernetescrd', 'ipAllowList', { sourceRange: ['10.0.0.0/8', '192.168.1.7'] });
  it('checks the remote address by default', () => {
    expect(run(allow, 'http://a.com/', { clientIP: '10.2.3.4' }).step.status).toBe('applied');
    expect(run(allow, 'http://a.com/', { clientIP: '203.0.113.7' }).result.response?.response).toEqual({ status: 403, headers: {}, body: 'Forbidden' });
  });
  it('uses rejectStatusCode (ipAllowList only)', () => {
    const mw = middleware('ip@kubernetescrd', 'ipAllowList', { sourceRange: ['10.0.0.0/8'], rejectStatusCode: 404 });
    expect(run(mw, 'http://a.com/').result.response?.response).toEqual({ status: 404, headers: {}, body: 'Not Found' });
    const white = middleware('ip@kubernetescrd', 'ipWhiteList', { sourceRange: ['10.0.0.0/8'], rejectStatusCode: 404 });
    expect(run(white, 'http://a.com/').result.response?.response.status).toBe(403);
  });
  it('ipStrategy.depth reads X-Forwarded-For — which only trusted peers keep', () => {
    const mw = middleware('ip@kubernetescrd', 'ipAllowList', { sourceRange: ['1.1.1.1'], ipStrategy: { depth: 2 } });
    const xff = { 'X-Forwarded-For': '1.1.1.1, 10.0.0.1' };
    expect(run(mw, 'http://a.com/', { headers: xff, trusted: true }).step.status).toBe('applied');
    expect(run(mw, 'http://a.com/', { headers: xff }).result.response?.response.status).toBe(403);
  });
  it('ipStrategy.excludedIPs takes the right-most address not excluded', () => {
    const mw = middleware('ip@kubernetescrd', 'ipAllowList', { sourceRange: ['1.1.1.1'], ipStrategy: { excludedIPs: ['10.0.0.0/8'] } });
    expect(run(mw, 'http://a.com/', { headers: { 'X-Forwarded-For': '9.9.9.9, 1.1.1.1, 10.0.0.1' }, trusted: true }).step.status).toBe('applied');
  });
  it('invalid ranges are build errors', () => {
    const mw = middleware('ip@kubernetescrd', 'ipAllowList', { sourceRange: ['10.0.0.0/33'] });
    expect(middlewareBuildError([mw.name], routingWith([mw]))).toContain('cannot parse');
    const empty = middleware('ip@kubernetescrd', 'ipAllowList', { sourceRange: [] });
    expect(middlewareBuildError([empty.name], routingWith([empty]))).toContain('sourceRange is empty');
  });
});

describe('Chain, Errors, unsimulated and missing middlewares', () => {
  const strip = middleware('strip@kubernetescrd', 'stripPrefix', { prefixes: ['/api'] });
  const add = middleware('add@kubernetescrd', 'addPrefix', { prefix: '/v1' });
  const chain = middleware('chain@kubernetescrd', 'chain', { middlewares: ['strip@kubernetescrd', { name: 'add' }] });
  const limit = middleware('limit@kubernetescrd', 'rateLimit', { average: 100, burst: 50 });
  const routing = routingWith([strip, add, chain, limit]);
  it('expands a chain in order', () => {
    expect(expandMiddlewares(['chain@kubernetescrd'], routing).map((m) => [m.name, m.chain])).toEqual([['strip@kubernetescrd', 'chain@kubernetescrd'], ['default-add@kubernetescrd', 'chain@kubernetescrd']]);
  });
  it('reports a chain cycle as a build error', () => {
    const loop = middleware('loop@kubernetescrd', 'chain', { middlewares: ['loop@kubernetescrd'] });
    expect(middlewareBuildError([loop.name], routingWith([loop]))).toContain('recursion');
  });
  it('never silently ignores a middleware', () => {
    const state = stateFor('http://a.com/x');
    const r = runMiddlewares(['limit@kubernetescrd', 'auth@file', 'gone@kubernetescrd'], 'r@kubernetescrd', routing, state);
    expect(r.steps.map((s) => [s.name, s.status])).toEqual([['limit@kubernetescrd', 'not-simulated'], ['auth@file', 'not-simulated'], ['gone@kubernetescrd', 'missing']]);
    expect(r.steps[0]!.effect).toContain('rate limit');
  });
  it('Errors replaces the body of matching statuses, keeping the (rewritten) status', () => {
    const errors = middleware('err@kubernetescrd', 'errors', { status: ['500-599', '404'], service: 'errors-svc@kubernetescrd', query: '/{status}.html', statusRewrites: { '404': 410 } });
    const r = routingWith([errors]);
    const state = stateFor('http://a.com/x');
    runMiddlewares([errors.name], 'r', r, state);
    expect(state.errorPages).toHaveLength(1);
    const out = applyErrorPages({ status: 404, headers: {}, body: '404 page not found\n' }, state.errorPages, state.req, () => errors.config);
    expect(out.response.status).toBe(410);
    expect(out.notes[0]).toContain('GET http://a.com/410.html');
    expect(applyErrorPages({ status: 401, headers: {}, body: '' }, state.errorPages, state.req, () => errors.config).response.status).toBe(401);
    const bad = middleware('err@kubernetescrd', 'errors', { status: ['5xx'], service: 'errors-svc@kubernetescrd' });
    expect(middlewareBuildError([bad.name], routingWith([bad]))).toContain('invalid status');
  });
});
