// The Headers middleware: rows of Traefik's header_test.go (TestNewHeader_customRequestHeader, _Host,
// _CORSPreflights, _CORSResponses, _customResponseHeaders) and secure_test.go (Test_newSecure_modifyResponse),
// plus rows read off headers.go / secure.go and unrolled/secure's processRequest (allowedHosts, isSSL, STS, HPKP).
import { describe, expect, it } from 'vitest';
import type { CompiledRouting } from '../compiled.ts';
import { config as makeConfig, middleware } from '../fixtures.ts';
import { parseClientRequest } from '../request.ts';
import { middlewareBuildError, runMiddlewares, type ChainState } from './index.ts';

type Headers = Record<string, string | string[] | undefined>;

/** Drops the keys `it.each` rows leave undefined. */
const defined = (h: Headers = {}) => Object.fromEntries(Object.entries(h).filter((e): e is [string, string | string[]] => e[1] !== undefined));

function run(cfg: Record<string, unknown>, opts: { url?: string; method?: string; headers?: Headers } = {}) {
  const mw = middleware('h@kubernetescrd', 'headers', cfg);
  const config = makeConfig({ middlewares: [mw] });
  const routing = { config, middlewares: config.middlewares, secrets: {}, secretTypes: {} } as unknown as CompiledRouting;
  const parsed = parseClientRequest({ method: opts.method ?? 'GET', url: opts.url ?? 'http://example.org/foo', headers: defined(opts.headers), clientIP: '192.0.2.1' });
  if (!parsed.ok) throw new Error(parsed.reason);
  const state: ChainState = { req: parsed.value.request, responseHeaders: {}, omitXForwardedFor: false, errorPages: [] };
  const result = runMiddlewares([mw.name], 'r@kubernetescrd', routing, state);
  return { state, step: result.steps[0]!, response: result.response };
}

const buildError = (cfg: Record<string, unknown>) => middlewareBuildError(['h@kubernetescrd'], { config: makeConfig({ middlewares: [middleware('h@kubernetescrd', 'headers', cfg)] }), middlewares: { 'h@kubernetescrd': middleware('h@kubernetescrd', 'headers', cfg) }, secrets: {}, secretTypes: {} } as unknown as CompiledRouting);

describe('custom request headers (TestNewHeader_customRequestHeader, _Host)', () => {
  it.each([
    { desc: 'adds a header', custom: { 'X-Custom-Request-Header': 'test_request' }, expected: { Foo: ['bar'], 'X-Custom-Request-Header': ['test_request'] }, omitXff: false },
    { desc: 'delete a header', custom: { 'X-Forwarded-For': '', 'X-Custom-Request-Header': '', Foo: '' }, expected: {}, omitXff: true },
    { desc: 'override a header', custom: { Foo: 'test' }, expected: { Foo: ['test'] }, omitXff: false },
    // header == forward.XForwardedFor is an exact comparison: another spelling is an ordinary Del, and the proxy
    // adds X-Forwarded-For again.
    { desc: 'x-forwarded-for spelled otherwise is only deleted', custom: { 'x-forwarded-for': '' }, expected: { Foo: ['bar'] }, omitXff: false },
    { desc: 'names are canonicalised', custom: { 'x-custom': 'v' }, expected: { Foo: ['bar'], 'X-Custom': ['v'] }, omitXff: false },
  ])('$desc', ({ custom, expected, omitXff }) => {
    const { state, step } = run({ customRequestHeaders: custom }, { headers: { Foo: 'bar', 'X-Forwarded-For': '1.2.3.4' } });
    const { 'X-Forwarded-For': xff, ...rest } = state.req.headers;
    expect(rest).toEqual(expected);
    expect(state.omitXForwardedFor).toBe(omitXff);
    expect(xff).toEqual(Object.keys(custom).some((k) => k.toLowerCase() === 'x-forwarded-for') ? undefined : ['1.2.3.4']);
    expect(step.status).toBe('applied');
  });

  it.each([
    { desc: 'standard Host header', custom: { X: 'y' }, host: 'example.org' },
    { desc: 'custom Host header', custom: { Host: 'example.com' }, host: 'example.com' },
    { desc: 'Host compared with EqualFold', custom: { HOST: 'example.net' }, host: 'example.net' },
  ])('$desc', ({ custom, host }) => {
    const { state } = run({ customRequestHeaders: custom });
    expect(state.req.host).toBe(host);
    expect(state.req.headers['Host']).toBeUndefined();
  });
});

const preflightReq = { 'Access-Control-Request-Headers': 'origin', 'Access-Control-Request-Method': ['GET', 'OPTIONS'], Origin: 'https://foo.bar.org' };

describe('CORS preflights (TestNewHeader_CORSPreflights)', () => {
  it.each([
    {
      desc: 'Test Simple Preflight', cfg: { accessControlAllowMethods: ['GET', 'OPTIONS', 'PUT'], accessControlAllowOriginList: ['https://foo.bar.org'], accessControlMaxAge: 600 }, req: preflightReq,
      expected: { 'Content-Length': ['0'], 'Access-Control-Allow-Origin': ['https://foo.bar.org'], 'Access-Control-Max-Age': ['600'], 'Access-Control-Allow-Methods': ['GET,OPTIONS,PUT'] },
    },
    {
      desc: 'Wildcard origin Preflight', cfg: { accessControlAllowMethods: ['GET', 'OPTIONS', 'PUT'], accessControlAllowOriginList: ['*'], accessControlMaxAge: 600 }, req: preflightReq,
      expected: { 'Content-Length': ['0'], 'Access-Control-Allow-Origin': ['*'], 'Access-Control-Max-Age': ['600'], 'Access-Control-Allow-Methods': ['GET,OPTIONS,PUT'] },
    },
    {
      desc: 'Allow Credentials Preflight', cfg: { accessControlAllowMethods: ['GET', 'OPTIONS', 'PUT'], accessControlAllowOriginList: ['*'], accessControlAllowCredentials: true, accessControlMaxAge: 600 }, req: preflightReq,
      expected: { 'Content-Length': ['0'], 'Access-Control-Allow-Origin': ['https://foo.bar.org'], 'Access-Control-Max-Age': ['600'], 'Access-Control-Allow-Methods': ['GET,OPTIONS,PUT'], 'Access-Control-Allow-Credentials': ['true'] },
    },
    {
      desc: 'Allow Headers Preflight', cfg: { accessControlAllowMethods: ['GET', 'OPTIONS', 'PUT'], accessControlAllowOriginList: ['*'], accessControlAllowHeaders: ['origin', 'X-Forwarded-For'], accessControlMaxAge: 600 }, req: preflightReq,
      expected: { 'Content-Length': ['0'], 'Access-Control-Allow-Origin': ['*'], 'Access-Control-Max-Age': ['600'], 'Access-Control-Allow-Methods': ['GET,OPTIONS,PUT'], 'Access-Control-Allow-Headers': ['origin,X-Forwarded-For'] },
    },
    {
      desc: 'No Request Headers Preflight', cfg: { accessControlAllowMethods: ['GET', 'OPTIONS', 'PUT'], accessControlAllowOriginList: ['*'], accessControlAllowHeaders: ['origin', 'X-Forwarded-For'], accessControlMaxAge: 600 },
      req: { 'Access-Control-Request-Method': ['GET', 'OPTIONS'], Origin: 'https://foo.bar.org' },
      expected: { 'Content-Length': ['0'], 'Access-Control-Allow-Origin': ['*'], 'Access-Control-Max-Age': ['600'], 'Access-Control-Allow-Methods': ['GET,OPTIONS,PUT'], 'Access-Control-Allow-Headers': ['origin,X-Forwarded-For'] },
    },
    {
      desc: 'Nil MaxAge Preflight', cfg: { accessControlAllowMethods: ['GET', 'OPTIONS', 'PUT'], accessControlAllowOriginList: ['*'] },
      req: { 'Access-Control-Request-Method': ['GET', 'OPTIONS'], Origin: 'https://foo.bar.org' },
      expected: { 'Content-Length': ['0'], 'Access-Control-Allow-Origin': ['*'], 'Access-Control-Allow-Methods': ['GET,OPTIONS,PUT'] },
    },
    // By processCorsHeaders: `*` with credentials echoes the request's headers and method; an expose list
    // holding `*` is left out with credentials; a max age of 0 is still sent (a non-nil pointer).
    {
      desc: 'wildcard headers and methods with credentials echo the request', cfg: { accessControlAllowHeaders: ['*'], accessControlAllowMethods: ['*'], accessControlAllowCredentials: true },
      req: { 'Access-Control-Request-Headers': 'X-A, X-B', 'Access-Control-Request-Method': 'PATCH', Origin: 'https://o.org' },
      expected: { 'Content-Length': ['0'], 'Access-Control-Allow-Credentials': ['true'], 'Access-Control-Allow-Headers': ['X-A, X-B'], 'Access-Control-Allow-Methods': ['PATCH'] },
    },
    {
      desc: 'wildcard headers with credentials and no requested headers: none', cfg: { accessControlAllowHeaders: ['*'], accessControlAllowCredentials: true },
      req: { 'Access-Control-Request-Method': 'GET', Origin: 'https://o.org' },
      expected: { 'Content-Length': ['0'], 'Access-Control-Allow-Credentials': ['true'] },
    },
    {
      desc: 'wildcard without credentials is sent as written', cfg: { accessControlAllowHeaders: ['*'], accessControlAllowMethods: ['*'], accessControlExposeHeaders: ['*'] },
      req: { 'Access-Control-Request-Headers': 'X-A', 'Access-Control-Request-Method': 'PATCH', Origin: 'https://o.org' },
      expected: { 'Content-Length': ['0'], 'Access-Control-Allow-Headers': ['*'], 'Access-Control-Allow-Methods': ['*'], 'Access-Control-Expose-Headers': ['*'] },
    },
    {
      desc: 'expose * with credentials is left out, max age 0 is sent', cfg: { accessControlExposeHeaders: ['*', 'X-A'], accessControlAllowCredentials: true, accessControlMaxAge: 0 },
      req: { 'Access-Control-Request-Method': 'GET', Origin: 'https://o.org' },
      expected: { 'Content-Length': ['0'], 'Access-Control-Allow-Credentials': ['true'], 'Access-Control-Max-Age': ['0'] },
    },
    {
      desc: 'expose headers without *', cfg: { accessControlExposeHeaders: ['X-A', 'X-B'], accessControlAllowCredentials: true },
      req: { 'Access-Control-Request-Method': 'GET', Origin: 'https://o.org' },
      expected: { 'Content-Length': ['0'], 'Access-Control-Allow-Credentials': ['true'], 'Access-Control-Expose-Headers': ['X-A,X-B'] },
    },
  ])('$desc', ({ cfg, req, expected }) => {
    const { response, step } = run(cfg, { method: 'OPTIONS', headers: req });
    expect(step.status).toBe('responded');
    expect(response).toEqual({ response: { status: 200, headers: expected, body: '' }, cause: 'cors-preflight' });
  });

  it.each([
    { desc: 'a GET is not a preflight', method: 'GET', headers: preflightReq, cfg: { accessControlAllowOriginList: ['*'] } },
    { desc: 'no Origin', method: 'OPTIONS', headers: { 'Access-Control-Request-Method': 'GET' }, cfg: { accessControlAllowOriginList: ['*'] } },
    { desc: 'no Access-Control-Request-Method', method: 'OPTIONS', headers: { Origin: 'https://o.org' }, cfg: { accessControlAllowOriginList: ['*'] } },
    { desc: 'no CORS field configured', method: 'OPTIONS', headers: preflightReq, cfg: { customRequestHeaders: { foo: 'bar' } } },
  ])('not answered: $desc', ({ method, headers, cfg }) => {
    const { response, step } = run(cfg, { method, headers });
    expect(response).toBeUndefined();
    expect(step.status).toBe('applied');
  });
});

describe('CORS response headers (TestNewHeader_CORSResponses, _customResponseHeaders)', () => {
  it.each([
    { desc: 'Test Simple Request', cfg: { accessControlAllowOriginList: ['https://foo.bar.org'] }, origin: 'https://foo.bar.org', expected: { 'Access-Control-Allow-Origin': ['https://foo.bar.org'] } },
    { desc: 'Wildcard origin Request', cfg: { accessControlAllowOriginList: ['*'] }, origin: 'https://foo.bar.org', expected: { 'Access-Control-Allow-Origin': ['*'] } },
    { desc: 'Regexp Origin Request', cfg: { accessControlAllowOriginListRegex: ['^https?://([a-z]+)\\.bar\\.org$'] }, origin: 'https://foo.bar.org', expected: { 'Access-Control-Allow-Origin': ['https://foo.bar.org'] } },
    { desc: 'Partial Regexp Origin Request', cfg: { accessControlAllowOriginListRegex: ['([a-z]+)\\.bar'] }, origin: 'https://foo.bar.org', expected: { 'Access-Control-Allow-Origin': ['https://foo.bar.org'] } },
    { desc: 'Regexp Origin Request without matching', cfg: { accessControlAllowOriginListRegex: ['([a-z]+)\\.bar\\.org'] }, origin: 'https://bar.org', expected: {} },
    { desc: 'Empty origin Request', cfg: { accessControlAllowOriginList: ['https://foo.bar.org'] }, origin: undefined, expected: {} },
    { desc: 'Allow Credentials Request', cfg: { accessControlAllowOriginList: ['*'], accessControlAllowCredentials: true }, origin: 'https://foo.bar.org', expected: { 'Access-Control-Allow-Origin': ['https://foo.bar.org'], 'Access-Control-Allow-Credentials': ['true'] } },
    { desc: 'Expose Headers Request', cfg: { accessControlAllowOriginList: ['*'], accessControlExposeHeaders: ['origin', 'X-Forwarded-For'] }, origin: 'https://foo.bar.org', expected: { 'Access-Control-Allow-Origin': ['*'], 'Access-Control-Expose-Headers': ['origin,X-Forwarded-For'] } },
    { desc: 'Test Simple Request with Vary Headers', cfg: { accessControlAllowOriginList: ['https://foo.bar.org'], addVaryHeader: true }, origin: 'https://foo.bar.org', expected: { 'Access-Control-Allow-Origin': ['https://foo.bar.org'], Vary: ['Origin'] } },
    // By matchOrigin: `*` matches even without an Origin header; the first list entry that matches wins.
    { desc: 'wildcard without an Origin header', cfg: { accessControlAllowOriginList: ['*'] }, origin: undefined, expected: { 'Access-Control-Allow-Origin': ['*'] } },
    { desc: 'an exact entry before *', cfg: { accessControlAllowOriginList: ['https://a.org', '*'] }, origin: 'https://a.org', expected: { 'Access-Control-Allow-Origin': ['https://a.org'] } },
    { desc: 'expose * with credentials is left out', cfg: { accessControlExposeHeaders: ['*'], accessControlAllowCredentials: true }, origin: undefined, expected: { 'Access-Control-Allow-Credentials': ['true'] } },
    { desc: 'expose headers without * and credentials', cfg: { accessControlExposeHeaders: ['X-A', 'X-B'], accessControlAllowCredentials: true }, origin: undefined, expected: { 'Access-Control-Allow-Credentials': ['true'], 'Access-Control-Expose-Headers': ['X-A,X-B'] } },
    { desc: 'Test Simple Response', cfg: { customResponseHeaders: { Testing: 'foo', Testing2: 'bar' } }, origin: undefined, expected: { Testing: ['foo'], Testing2: ['bar'] } },
    { desc: 'empty Custom Header (recorded as a deletion)', cfg: { customResponseHeaders: { Testing: 'foo', Testing2: '' } }, origin: undefined, expected: { Testing: ['foo'], Testing2: [''] } },
  ])('$desc', ({ cfg, origin, expected }) => {
    const { state, response } = run(cfg, { headers: origin ? { Origin: origin } : {} });
    expect(response).toBeUndefined();
    expect(state.responseHeaders).toEqual(expected);
  });

  it('Regexp Malformed Origin Request is a build error', () => {
    expect(buildError({ accessControlAllowOriginListRegex: ['a(b'] })).toContain('middleware h@kubernetescrd: headers: error occurred during origin parsing: ');
  });

  it('an outer middleware recorded earlier keeps its response header', () => {
    const { state } = (() => {
      const mw = middleware('h@kubernetescrd', 'headers', { customResponseHeaders: { 'X-A': 'inner' } });
      const config = makeConfig({ middlewares: [mw] });
      const routing = { config, middlewares: config.middlewares, secrets: {}, secretTypes: {} } as unknown as CompiledRouting;
      const parsed = parseClientRequest({ method: 'GET', url: 'http://a.org/', headers: {}, clientIP: '192.0.2.1' });
      if (!parsed.ok) throw new Error(parsed.reason);
      const s: ChainState = { req: parsed.value.request, responseHeaders: { 'X-A': ['outer'] }, omitXForwardedFor: false, errorPages: [] };
      runMiddlewares([mw.name], 'r', routing, s);
      return { state: s };
    })();
    expect(state.responseHeaders).toEqual({ 'X-A': ['outer'] });
  });
});

describe('secure headers (Test_newSecure_modifyResponse, unrolled/secure processRequest)', () => {
  it.each([
    { desc: 'PermissionsPolicy', cfg: { permissionsPolicy: 'microphone=(),' }, expected: { 'Permissions-Policy': ['microphone=(),'] } },
    { desc: 'STSSeconds', cfg: { stsSeconds: 1, forceSTSHeader: true }, expected: { 'Strict-Transport-Security': ['max-age=1'] } },
    { desc: 'STSSeconds and STSPreload', cfg: { stsSeconds: 1, forceSTSHeader: true, stsPreload: true }, expected: { 'Strict-Transport-Security': ['max-age=1; preload'] } },
    { desc: 'CustomFrameOptionsValue', cfg: { customFrameOptionsValue: 'foo' }, expected: { 'X-Frame-Options': ['foo'] } },
    { desc: 'FrameDeny', cfg: { frameDeny: true }, expected: { 'X-Frame-Options': ['DENY'] } },
    { desc: 'ContentTypeNosniff', cfg: { contentTypeNosniff: true }, expected: { 'X-Content-Type-Options': ['nosniff'] } },
    // unrolled/secure: custom values win over the flags; STS only over TLS unless forced, never in development.
    { desc: 'CustomFrameOptionsValue over FrameDeny', cfg: { customFrameOptionsValue: 'SAMEORIGIN', frameDeny: true }, expected: { 'X-Frame-Options': ['SAMEORIGIN'] } },
    { desc: 'BrowserXssFilter', cfg: { browserXssFilter: true }, expected: { 'X-Xss-Protection': ['1; mode=block'] } },
    { desc: 'CustomBrowserXSSValue over BrowserXssFilter', cfg: { browserXssFilter: true, customBrowserXSSValue: '0' }, expected: { 'X-Xss-Protection': ['0'] } },
    { desc: 'STS with subdomains and preload', cfg: { stsSeconds: 60, forceSTSHeader: true, stsIncludeSubdomains: true, stsPreload: true }, expected: { 'Strict-Transport-Security': ['max-age=60; includeSubDomains; preload'] } },
    { desc: 'STS not sent over plain HTTP', cfg: { stsSeconds: 60 }, expected: {} },
    { desc: 'STS of 0 seconds is never sent', cfg: { stsSeconds: 0, forceSTSHeader: true }, expected: {} },
    { desc: 'STS not sent in development', cfg: { stsSeconds: 60, forceSTSHeader: true, isDevelopment: true }, expected: {} },
    { desc: 'Public-Key-Pins only over TLS', cfg: { publicKey: 'pin-sha256="x"' }, expected: {} },
    {
      desc: 'policies', cfg: { contentSecurityPolicy: "default-src 'self'", contentSecurityPolicyReportOnly: 'default-src *', referrerPolicy: 'no-referrer' },
      expected: { 'Content-Security-Policy': ["default-src 'self'"], 'Content-Security-Policy-Report-Only': ['default-src *'], 'Referrer-Policy': ['no-referrer'] },
    },
    { desc: 'a custom response header overrides a secure one', cfg: { frameDeny: true, customResponseHeaders: { 'X-Frame-Options': 'SAMEORIGIN' } }, expected: { 'X-Frame-Options': ['SAMEORIGIN'] } },
  ])('$desc', ({ cfg, expected }) => {
    expect(run(cfg).state.responseHeaders).toEqual(expected);
  });

  it.each([
    { desc: 'STS and HPKP over TLS', url: 'https://example.org/', headers: {}, ssl: true },
    { desc: 'an sslProxyHeaders match makes it SSL', url: 'http://example.org/', headers: { 'X-Forwarded-Proto': 'https' }, ssl: true },
    { desc: 'an sslProxyHeaders value that differs does not', url: 'http://example.org/', headers: { 'X-Forwarded-Proto': 'http' }, ssl: false },
  ])('$desc', ({ url, headers, ssl }) => {
    const cfg = { stsSeconds: 31536000, publicKey: 'pin-sha256="x"', sslProxyHeaders: { 'X-Forwarded-Proto': 'https' } };
    expect(run(cfg, { url, headers }).state.responseHeaders).toEqual(ssl ? { 'Strict-Transport-Security': ['max-age=31536000'], 'Public-Key-Pins': ['pin-sha256="x"'] } : {});
  });

  it('over TLS without publicKey: STS alone, no Public-Key-Pins', () => {
    expect(run({ stsSeconds: 60 }, { url: 'https://example.org/' }).state.responseHeaders).toEqual({ 'Strict-Transport-Security': ['max-age=60'] });
  });

  it('HPKP not sent in development, even over TLS', () => {
    expect(run({ publicKey: 'k', isDevelopment: true }, { url: 'https://example.org/' }).state.responseHeaders).toEqual({});
  });

  it.each([
    { desc: 'host allowed (EqualFold)', cfg: { allowedHosts: ['EXAMPLE.org'] }, headers: {}, ok: true },
    { desc: 'host not allowed', cfg: { allowedHosts: ['other.org'] }, headers: {}, ok: false },
    { desc: 'host is one of several allowed', cfg: { allowedHosts: ['other.org', 'example.org'] }, headers: {}, ok: true },
    { desc: 'development skips the check', cfg: { allowedHosts: ['other.org'], isDevelopment: true }, headers: {}, ok: true },
    { desc: 'the first non-empty proxy header gives the host', cfg: { allowedHosts: ['a.org'], hostsProxyHeaders: ['X-Empty', 'X-Forwarded-Host', 'X-Other'] }, headers: { 'X-Forwarded-Host': 'a.org', 'X-Other': 'b.org' }, ok: true },
    { desc: 'a later proxy header is not read', cfg: { allowedHosts: ['b.org'], hostsProxyHeaders: ['X-Forwarded-Host', 'X-Other'] }, headers: { 'X-Forwarded-Host': 'a.org', 'X-Other': 'b.org' }, ok: false },
    { desc: 'a custom Host header is set before the check', cfg: { allowedHosts: ['internal'], customRequestHeaders: { Host: 'internal' } }, headers: {}, ok: true },
  ])('allowedHosts: $desc', ({ cfg, headers, ok }) => {
    const { response } = run(cfg, { headers });
    if (ok) expect(response).toBeUndefined();
    else expect(response).toEqual({ response: { status: 500, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' }, body: 'Bad Host\n' }, cause: 'internal-error' });
  });
});

describe('HasSecureHeadersDefined / HasCustomHeadersDefined / HasCorsHeadersDefined', () => {
  it.each([
    { cfg: {}, valid: false },
    { cfg: { customRequestHeaders: {} , customResponseHeaders: {}, accessControlAllowHeaders: [] }, valid: false },
    { cfg: { addVaryHeader: false, frameDeny: false, sslRedirect: false, sslHost: '' }, valid: false },
    { cfg: { accessControlMaxAge: 0 }, valid: true },
    { cfg: { stsSeconds: 0 }, valid: true },
    { cfg: { addVaryHeader: true }, valid: true },
    { cfg: { sslHost: 'a.org' }, valid: true },
    { cfg: { isDevelopment: true }, valid: true },
    { cfg: { customResponseHeaders: { X: '' } }, valid: true },
    { cfg: { allowedHosts: ['a'] }, valid: true },
  ])('$cfg', ({ cfg, valid }) => {
    expect(buildError(cfg)).toBe(valid ? null : 'middleware h@kubernetescrd: headers: headers configuration not valid (nothing set)');
  });

  it('says what it did', () => {
    const cfg = { customRequestHeaders: { 'X-Forwarded-For': '', 'x-drop': '', host: 'internal', 'x-env': 'prod' }, customResponseHeaders: { 'X-Served-By': 'traefik', Server: '' }, frameDeny: true };
    expect(run(cfg, { headers: { 'X-Drop': '1' } }).step).toMatchObject({
      status: 'applied',
      effect: 'X-Forwarded-For will not be sent; request header X-Drop removed; request Host set to internal; request X-Env: prod; response X-Frame-Options: DENY; X-Served-By: traefik; -Server',
    });
    expect(run({ allowedHosts: ['a.org'] }).step.effect).toBe('host "example.org" is not in allowedHosts [a.org]: 500 Bad Host');
    expect(run({ allowedHosts: ['a.org', 'b.org'] }).step.effect).toBe('host "example.org" is not in allowedHosts [a.org, b.org]: 500 Bad Host');
    const pre = run({ accessControlAllowOriginList: ['*'] }, { method: 'OPTIONS', headers: { Origin: 'https://o.org', 'Access-Control-Request-Method': 'GET' } });
    expect(pre.step.effect).toBe('CORS preflight from https://o.org answered 200 by Traefik');
  });

  it('a middleware with only secure fields and nothing that applies is a no-op', () => {
    expect(run({ stsSeconds: 60 }).step).toMatchObject({ status: 'no-op', effect: 'nothing applies to this request' });
  });
});
