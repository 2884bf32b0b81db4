// The EncodedCharacters middleware (rows of encoded_characters_test.go TestEncodedCharacters and
// TestMapDeniedCharacters), the defensive config readers, and the descriptions of middlewares that are not
// simulated (their defaults are Traefik's: rateLimit period 1s and burst 1, forwardAuth's 2xx rule).
import { describe, expect, it } from 'vitest';
import type { CompiledRouting } from '../compiled.ts';
import { config as makeConfig, middleware } from '../fixtures.ts';
import { parseClientRequest } from '../request.ts';
import { isSimulated, normalizeName, namespaceOf, runMiddlewares, type ChainState } from './index.ts';
import { boolOf, deniedEncodedCharacters, describeUnsimulated, firstDenied, numOf, objOf, strList, strOf } from './kit.ts';

function run(type: string, cfg: Record<string, unknown>, url: string) {
  const mw = middleware('m@kubernetescrd', type, cfg);
  const config = makeConfig({ middlewares: [mw] });
  const routing = { config, middlewares: config.middlewares, secrets: {}, secretTypes: {} } as unknown as CompiledRouting;
  const parsed = parseClientRequest({ method: 'GET', url, headers: {}, clientIP: '192.0.2.1' });
  if (!parsed.ok) throw new Error(parsed.reason);
  const state: ChainState = { req: parsed.value.request, responseHeaders: {}, omitXForwardedFor: false, errorPages: [] };
  const result = runMiddlewares([mw.name], 'r@kubernetescrd', routing, state);
  return { step: result.steps[0]!, response: result.response };
}

describe('EncodedCharacters (TestEncodedCharacters)', () => {
  it.each([
    { desc: 'deny encoded slash', config: {}, path: '/foo%2fbar', status: 400 },
    { desc: 'allow encoded slash', config: { allowEncodedSlash: true }, path: '/foo%2fbar', status: 200 },
    { desc: 'deny encoded backslash', config: {}, path: '/foo%5cbar', status: 400 },
    { desc: 'allow encoded backslash', config: { allowEncodedBackSlash: true }, path: '/foo%5cbar', status: 200 },
    { desc: 'deny encoded null character', config: {}, path: '/foo%00bar', status: 400 },
    { desc: 'allow encoded null character', config: { allowEncodedNullCharacter: true }, path: '/foo%00bar', status: 200 },
    { desc: 'deny encoded semi colon', config: {}, path: '/foo%3bbar', status: 400 },
    { desc: 'allow encoded semi colon', config: { allowEncodedSemicolon: true }, path: '/foo%3bbar', status: 200 },
    { desc: 'deny encoded percent', config: {}, path: '/foo%25bar', status: 400 },
    { desc: 'allow encoded percent', config: { allowEncodedPercent: true }, path: '/foo%25bar', status: 200 },
    { desc: 'deny encoded question mark', config: {}, path: '/foo%3fbar', status: 400 },
    { desc: 'allow encoded question mark', config: { allowEncodedQuestionMark: true }, path: '/foo%3fbar', status: 200 },
    { desc: 'deny encoded hash', config: {}, path: '/foo%23bar', status: 400 },
    { desc: 'allow encoded hash', config: { allowEncodedHash: true }, path: '/foo%23bar', status: 200 },
    // By the code: other escapes are skipped whole (%2 then F is not read as a new escape), upper case denied too,
    // a flag given as the string 'true' counts (CRD values read defensively).
    { desc: 'an allowed escape is skipped whole', config: {}, path: '/a%202F', status: 200 },
    { desc: 'upper-case slash denied', config: {}, path: '/a%2Fb', status: 400 },
    { desc: "flag 'true' as a string", config: { allowEncodedSlash: 'true' }, path: '/a%2Fb', status: 200 },
    { desc: 'one flag allows only its own character', config: { allowEncodedSlash: true }, path: '/a%2Fb%5C', status: 400 },
  ])('$desc', ({ config, path, status }) => {
    const { step, response } = run('encodedCharacters', config, `http://a.com${path}`);
    if (status === 200) {
      expect(response).toBeUndefined();
      expect(step.status).toBe('no-op');
    } else {
      expect(response).toEqual({ response: { status: 400, headers: {}, body: '' }, cause: 'bad-request' });
    }
  });

  it('the step says which escape it refused, or that there was none', () => {
    expect(run('encodedCharacters', {}, 'http://a.com/a%2Fb').step).toMatchObject({ status: 'responded', effect: 'the path /a%2Fb contains the denied encoded character %2F: 400' });
    expect(run('encodedCharacters', {}, 'http://a.com/a%41b').step).toMatchObject({ status: 'no-op', effect: 'no denied encoded character in /a%41b' });
  });

  it('TestMapDeniedCharacters: everything denied by default, nothing when all is allowed', () => {
    expect([...deniedEncodedCharacters({})].sort()).toEqual(['%00', '%23', '%25', '%2F', '%2f', '%3B', '%3F', '%3b', '%3f', '%5C', '%5c']);
    const all = { allowEncodedSlash: true, allowEncodedBackSlash: true, allowEncodedNullCharacter: true, allowEncodedSemicolon: true, allowEncodedPercent: true, allowEncodedQuestionMark: true, allowEncodedHash: true };
    expect([...deniedEncodedCharacters(all)]).toEqual([]);
  });

  it('firstDenied: the first denied escape, % for a truncated one at the end', () => {
    const denied = new Set(['%2F', '%3B']);
    expect(firstDenied('/a%3Bb%2F', denied)).toBe('%3B');
    expect(firstDenied('/a%2', denied)).toBe('%');
    expect(firstDenied('/a%', denied)).toBe('%');
    expect(firstDenied('/a%41', denied)).toBeUndefined();
    expect(firstDenied('/ab', denied)).toBeUndefined();
  });
});

describe('config readers', () => {
  it.each([
    { v: 'x', str: 'x', num: undefined, bool: false },
    { v: 8443, str: '8443', num: 8443, bool: false },
    { v: true, str: 'true', num: undefined, bool: true },
    { v: 'true', str: 'true', num: undefined, bool: true },
    { v: false, str: 'false', num: undefined, bool: false },
    { v: ' 403 ', str: ' 403 ', num: 403, bool: false },
    { v: '-5', str: '-5', num: -5, bool: false },
    { v: '4.5', str: '4.5', num: undefined, bool: false },
    { v: 'x5', str: 'x5', num: undefined, bool: false },
    { v: '', str: '', num: undefined, bool: false },
    { v: Number.NaN, str: 'NaN', num: undefined, bool: false },
    { v: Infinity, str: 'Infinity', num: undefined, bool: false },
    { v: null, str: undefined, num: undefined, bool: false },
    { v: ['a'], str: undefined, num: undefined, bool: false },
  ])('strOf/numOf/boolOf($v)', ({ v, str, num, bool }) => {
    expect(strOf(v)).toBe(str);
    expect(numOf(v)).toBe(num);
    expect(boolOf(v)).toBe(bool);
  });

  it('strList keeps strings, numbers and booleans; objOf only plain objects', () => {
    expect(strList(['/a', 1, null, false, { x: 1 }])).toEqual(['/a', '1', 'false']);
    expect(strList('/a')).toEqual([]);
    expect(objOf({ a: 1 })).toEqual({ a: 1 });
    expect(objOf([])).toBeUndefined();
    expect(objOf(null)).toBeUndefined();
    expect(objOf('x')).toBeUndefined();
  });
});

describe('middlewares that are not simulated', () => {
  it.each([
    { type: 'rateLimit', config: {}, text: 'rate limit 0/1s (burst 1) per source; one request passes, bursts get 429' },
    { type: 'rateLimit', config: { average: 100, period: '1m', burst: 50 }, text: 'rate limit 100/1m (burst 50) per source; one request passes, bursts get 429' },
    { type: 'inFlightReq', config: { amount: 10 }, text: 'at most 10 concurrent requests per source; one request passes, more get 429' },
    { type: 'inFlightReq', config: {}, text: 'at most ? concurrent requests per source; one request passes, more get 429' },
    { type: 'forwardAuth', config: { address: 'http://auth' }, text: 'asks http://auth first: a 2xx lets the request through (assumed here), any other answer is returned to the client' },
    { type: 'digestAuth', config: {}, text: 'digest authentication is not verified here (assumed valid)' },
    { type: 'compress', config: {}, text: 'compresses the response when the client accepts gzip/br/zstd' },
    { type: 'buffering', config: {}, text: 'buffers the request and response bodies (size limits, retry expression)' },
    { type: 'circuitBreaker', config: { expression: 'NetworkErrorRatio() > 0.5' }, text: 'circuit breaker on `NetworkErrorRatio() > 0.5`: closed (passing) unless the backend has been failing' },
    { type: 'retry', config: { attempts: 3 }, text: 'retries up to 3 times on network errors' },
    { type: 'retry', config: {}, text: 'retries up to ? times on network errors' },
    { type: 'forwardAuth', config: {}, text: 'asks ? first: a 2xx lets the request through (assumed here), any other answer is returned to the client' },
    { type: 'circuitBreaker', config: {}, text: 'circuit breaker on `?`: closed (passing) unless the backend has been failing' },
    { type: 'snippet', config: { auth: {} }, text: 'asks ? first (GET): a 2xx lets the request through (assumed here), a 401 is returned to the client' },
    { type: 'plugin', config: { a: {}, b: {} }, text: 'plugin a, b: its effect is not simulated' },
    { type: 'passTLSClientCert', config: {}, text: 'passes the client certificate in X-Forwarded-Tls-Client-Cert(-Info) (no client certificate here)' },
    { type: 'contentType', config: {}, text: 'content-type auto-detection for responses' },
    { type: 'grpcWeb', config: {}, text: 'translates gRPC-Web requests to gRPC' },
    { type: 'snippet', config: {}, text: 'NGINX snippet: its effect is not simulated' },
    { type: 'snippet', config: { auth: { address: 'http://auth/verify' } }, text: 'asks http://auth/verify first (GET): a 2xx lets the request through (assumed here), a 401 is returned to the client' },
    {
      type: 'snippet', config: { auth: { address: 'http://a', method: 'POST', authSigninURL: 'https://login' }, serverSnippet: 'x' },
      text: 'asks http://a first (POST): a 2xx lets the request through (assumed here), a 401 redirects to https://login; runs NGINX snippet directives (not simulated)',
    },
    { type: 'snippet', config: { configurationSnippet: 'more_set_headers "X: 1";' }, text: 'runs NGINX snippet directives (not simulated)' },
    { type: 'authTLSPassCertificateToUpstream', config: {}, text: 'passes the client certificate upstream in ssl-client-cert / ssl-client-verify headers (no client certificate here)' },
    { type: 'plugin', config: { geoblock: {} }, text: 'plugin geoblock: its effect is not simulated' },
    { type: 'plugin', config: {}, text: 'plugin ?: its effect is not simulated' },
    { type: 'someFutureType', config: {}, text: 'someFutureType: its effect is not simulated' },
    { type: '', config: {}, text: 'unknown type: its effect is not simulated' },
  ])('$type $config', ({ type, config, text }) => {
    expect(describeUnsimulated(type, config)).toBe(text);
    const { step, response } = run(type, config, 'http://a.com/');
    expect(response).toBeUndefined();
    expect(step).toMatchObject({ status: 'not-simulated', effect: text });
  });

  it('isSimulated: the implemented types and chain', () => {
    expect(['stripPrefix', 'headers', 'chain', 'encodedCharacters', 'rewriteTarget'].map(isSimulated)).toEqual([true, true, true, true, true]);
    expect(['rateLimit', 'forwardAuth', ''].map(isSimulated)).toEqual([false, false, false]);
  });
});

describe('names', () => {
  it.each([
    { name: 'default-multiple--hyphens', expected: 'default-multiple-hyphens' },
    { name: '--apps..strip__x--', expected: 'apps-strip-x' },
    { name: 'ns-été', expected: 'ns-été' },
  ])('normalizeName($name)', ({ name, expected }) => {
    expect(normalizeName(name)).toBe(expected);
  });

  it('namespaceOf reads Middleware/<ns>/<name>', () => {
    expect(namespaceOf(middleware('a@kubernetescrd', 'headers', {}, 'apps'))).toBe('apps');
    expect(namespaceOf({ name: 'a@file', type: 'headers', config: {} } as never)).toBe('');
    expect(namespaceOf({ name: 'a@file', type: 'headers', config: {}, origin: { resourceId: 'x/y', file: '', range: { start: 0, end: 0 } } } as never)).toBe('');
  });
});
