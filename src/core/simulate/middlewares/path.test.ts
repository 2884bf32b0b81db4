// StripPrefixRegex, AddPrefix, ReplacePath and ReplacePathRegex: the rows of Traefik's strip_prefix_regex_test.go,
// add_prefix_test.go, replace_path_test.go and replace_path_regex_test.go (StripPrefix's own table is in
// ../edge-cases.test.ts). Where Traefik's test leaves RequestURI unset (no match), the request keeps its own.
import { describe, expect, it } from 'vitest';
import type { CompiledRouting } from '../compiled.ts';
import { config as makeConfig, middleware } from '../fixtures.ts';
import { parseClientRequest } from '../request.ts';
import { middlewareBuildError, runMiddlewares, type ChainState } from './index.ts';

function routingOf(type: string, cfg: Record<string, unknown>): CompiledRouting {
  const config = makeConfig({ middlewares: [middleware('p@kubernetescrd', type, cfg)] });
  return { config, middlewares: config.middlewares, secrets: {}, secretTypes: {} } as unknown as CompiledRouting;
}

function serve(type: string, cfg: Record<string, unknown>, path: string) {
  const parsed = parseClientRequest({ method: 'GET', url: `http://localhost${path}`, headers: {}, clientIP: '192.0.2.1' });
  if (!parsed.ok) throw new Error(parsed.reason);
  const state: ChainState = { req: parsed.value.request, responseHeaders: {}, omitXForwardedFor: false, errorPages: [] };
  const result = runMiddlewares(['p@kubernetescrd'], 'r@kubernetescrd', routingOf(type, cfg), state);
  return { req: state.req, response: result.response?.response, step: result.steps[0]! };
}

describe('StripPrefixRegex (TestStripPrefixRegex)', () => {
  it.each([
    { desc: '/a/test', regex: ['/a/api/'], path: '/a/test', expPath: '/a/test' },
    { desc: '/a/test/', regex: ['/a/api/'], path: '/a/test/', expPath: '/a/test/' },
    { desc: '/a/api/', regex: ['/a/api/'], path: '/a/api/', expPath: '', uri: '/', header: '/a/api/' },
    { desc: '/a/api/test', regex: ['/a/api/'], path: '/a/api/test', expPath: '/test', uri: '/test', header: '/a/api/' },
    { desc: '/a/api/test/', regex: ['/a/api/'], path: '/a/api/test/', expPath: '/test/', uri: '/test/', header: '/a/api/' },
    { desc: '/b/api/', regex: ['/b/([a-z0-9]+)/'], path: '/b/api/', expPath: '', uri: '/', header: '/b/api/' },
    { desc: '/b/api', regex: ['/b/([a-z0-9]+)/'], path: '/b/api', expPath: '/b/api' },
    { desc: '/b/api/test1', regex: ['/b/([a-z0-9]+)/'], path: '/b/api/test1', expPath: '/test1', uri: '/test1', header: '/b/api/' },
    { desc: '/b/api2/test2', regex: ['/b/([a-z0-9]+)/'], path: '/b/api2/test2', expPath: '/test2', uri: '/test2', header: '/b/api2/' },
    { desc: '/c/api/123/', regex: ['/c/[a-z0-9]+/[0-9]+/'], path: '/c/api/123/', expPath: '', uri: '/', header: '/c/api/123/' },
    { desc: '/c/api/123', regex: ['/c/[a-z0-9]+/[0-9]+/'], path: '/c/api/123', expPath: '/c/api/123' },
    { desc: '/c/api/123/test3', regex: ['/c/[a-z0-9]+/[0-9]+/'], path: '/c/api/123/test3', expPath: '/test3', uri: '/test3', header: '/c/api/123/' },
    { desc: '/c/api/abc/test4', regex: ['/c/[a-z0-9]+/[0-9]+/'], path: '/c/api/abc/test4', expPath: '/c/api/abc/test4' },
    { desc: '/a/api/a2Fb', regex: ['/a/api/'], path: '/a/api/a%2Fb', expPath: '/a/b', expRaw: '/a%2Fb', uri: '/a%2Fb', header: '/a/api/' },
    { desc: '/b/ap69/test', regex: ['/b/([a-z0-9]+)/'], path: '/b/ap%69/test', expPath: '/test', expRaw: '', uri: '/test', header: '/b/api/' },
    { desc: '/b/ap69/a2Fb', regex: ['/b/([a-z0-9]+)/'], path: '/b/ap%69/a%2Fb', expPath: '/a/b', expRaw: '/a%2Fb', uri: '/a%2Fb', header: '/b/api/' },
    { desc: '/t2F/test/foo', regex: ['/t /test'], path: '/t%2F/test/foo', expPath: '/t//test/foo', expRaw: '/t%2F/test/foo' },
    { desc: '/t /test/a2Fb', regex: ['/t /test'], path: '/t /test/a%2Fb', expPath: '/a/b', expRaw: '/a%2Fb', uri: '/a%2Fb', header: '/t /test' },
    { desc: '/t20/test/a2Fb', regex: ['/t /test'], path: '/t%20/test/a%2Fb', expPath: '/a/b', expRaw: '/a%2Fb', uri: '/a%2Fb', header: '/t /test' },
    // By the code: the first regex whose match is a prefix wins; a match that is not a prefix or is empty is
    // skipped; expressions are trimmed.
    { desc: 'a later regex when the first match is not a prefix', regex: ['/x', '/a'], path: '/a/x', expPath: '/x', uri: '/x', header: '/a' },
    { desc: 'an empty match is skipped', regex: ['z*', '/a'], path: '/a/b', expPath: '/b', uri: '/b', header: '/a' },
    { desc: 'expressions are trimmed', regex: ['  /a  '], path: '/a/b', expPath: '/b', uri: '/b', header: '/a' },
  ])('$desc', ({ regex, path, expPath, expRaw, uri, header }) => {
    const { req, response, step } = serve('stripPrefixRegex', { regex }, path);
    expect(response).toBeUndefined();
    expect(req.url.path).toBe(expPath);
    if (expRaw !== undefined) expect(req.url.rawPath).toBe(expRaw);
    expect(req.headers['X-Forwarded-Prefix']).toEqual(header === undefined ? undefined : [header]);
    expect(req.requestURI).toBe(uri ?? path.replace(' ', '%20'));
    expect(step.status).toBe(header === undefined ? 'no-op' : 'applied');
  });

  it.each([
    { desc: '/api./foo', path: '/api./foo' },
    { desc: '/api../foo', path: '/api../foo' },
  ])('$desc: 400', ({ path }) => {
    expect(serve('stripPrefixRegex', { regex: ['/api'] }, path).response).toMatchObject({ status: 400, body: 'Bad Request\n' });
  });

  it('a regex that does not compile (after trimming) is a build error', () => {
    expect(middlewareBuildError(['p@kubernetescrd'], routingOf('stripPrefixRegex', { regex: ['/ok', ' (? '] }))).toMatch(/^middleware p@kubernetescrd: stripPrefixRegex: /);
    expect(middlewareBuildError(['p@kubernetescrd'], routingOf('stripPrefixRegex', { regex: ['/ok'] }))).toBeNull();
  });
});

describe('AddPrefix (TestNewAddPrefix, TestAddPrefix)', () => {
  it.each([
    { desc: 'Works with a regular path', prefix: '/a', path: '/b', expPath: '/a/b', expRaw: '', uri: '/a/b' },
    { desc: 'Works with missing leading slash', prefix: 'a', path: '/', expPath: '/a/', expRaw: '', uri: '/a/' },
    { desc: 'Works with a raw path', prefix: '/a', path: '/b%2Fc', expPath: '/a/b/c', expRaw: '/a/b%2Fc', uri: '/a/b%2Fc' },
    { desc: 'keeps the query', prefix: '/a', path: '/b?x=1', expPath: '/a/b', expRaw: '', uri: '/a/b?x=1' },
  ])('$desc', ({ prefix, path, expPath, expRaw, uri }) => {
    const { req, step } = serve('addPrefix', { prefix }, path);
    expect(req.url.path).toBe(expPath);
    expect(req.url.rawPath).toBe(expRaw);
    expect(req.requestURI).toBe(uri);
    expect(step).toMatchObject({ status: 'applied', effect: `added prefix "${prefix}": ${path.replace(/%2F/g, '/').replace(/\?.*/, '')} → ${expPath}` });
  });

  it('Fails if prefix is empty', () => {
    expect(middlewareBuildError(['p@kubernetescrd'], routingOf('addPrefix', { prefix: '' }))).toBe('middleware p@kubernetescrd: addPrefix: prefix cannot be empty');
    expect(middlewareBuildError(['p@kubernetescrd'], routingOf('addPrefix', {}))).toBe('middleware p@kubernetescrd: addPrefix: prefix cannot be empty');
    expect(middlewareBuildError(['p@kubernetescrd'], routingOf('addPrefix', { prefix: '/a' }))).toBeNull();
  });
});

describe('ReplacePath (TestReplacePath)', () => {
  it.each([
    { desc: 'simple path', path: '/example', replacement: '/replacement-path', expPath: '/replacement-path', header: '/example', uri: '/replacement-path' },
    { desc: 'long path', path: '/some/really/long/path', replacement: '/replacement-path', expPath: '/replacement-path', header: '/some/really/long/path', uri: '/replacement-path' },
    { desc: 'path with escaped value', path: '/foo%2Fbar', replacement: '/replacement-path', expPath: '/replacement-path', header: '/foo%2Fbar', uri: '/replacement-path' },
    { desc: 'replacement with escaped value', path: '/path', replacement: '/foo%2Fbar', expPath: '/foo/bar', header: '/path', uri: '/foo%2Fbar' },
    { desc: 'replacement with percent encoded backspace char', path: '/path/%08bar', replacement: '/path/%08bar', expPath: '/path/\bbar', header: '/path/%08bar', uri: '/path/%08bar' },
    // By the code: RawPath is set to the configured path as written; the query stays.
    { desc: 'the query stays', path: '/a?x=1', replacement: '/b', expPath: '/b', header: '/a', uri: '/b?x=1' },
  ])('$desc', ({ path, replacement, expPath, header, uri }) => {
    const { req, step } = serve('replacePath', { path: replacement }, path);
    expect(req.url.path).toBe(expPath);
    expect(req.url.rawPath).toBe(replacement);
    expect(req.headers['X-Replaced-Path']).toEqual([header]);
    expect(req.requestURI).toBe(uri);
    expect(step).toMatchObject({ status: 'applied', effect: `path replaced: ${header} → ${replacement}; X-Replaced-Path: ${header}` });
  });

  it('a path that does not unescape: http.Error with the EscapeError (500)', () => {
    expect(serve('replacePath', { path: '/a%g1' }, '/x').response).toEqual({
      status: 500, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' }, body: 'invalid URL escape "%g1"\n',
    });
  });
});

describe('ReplacePathRegex (TestReplacePathRegex)', () => {
  it.each([
    { desc: 'simple regex', path: '/whoami/and/whoami', replacement: '/who-am-i/$1', regex: '^/whoami/(.*)', expPath: '/who-am-i/and/whoami', header: '/whoami/and/whoami', uri: '/who-am-i/and/whoami' },
    { desc: 'simple replace (no regex)', path: '/whoami/and/whoami', replacement: '/who-am-i', regex: '/whoami', expPath: '/who-am-i/and/who-am-i', header: '/whoami/and/whoami', uri: '/who-am-i/and/who-am-i' },
    { desc: 'empty replacement', path: '/whoami/and/whoami', replacement: '', regex: '/whoami', expPath: '/and', header: '/whoami/and/whoami', uri: '/and' },
    { desc: 'empty trimmed replacement', path: '/whoami/and/whoami', replacement: ' ', regex: '/whoami', expPath: '/and', header: '/whoami/and/whoami', uri: '/and' },
    { desc: 'no match', path: '/whoami/and/whoami', replacement: '/whoami', regex: '/no-match', expPath: '/whoami/and/whoami', uri: '/whoami/and/whoami' },
    { desc: 'multiple replacement', path: '/downloads/src/source.go', replacement: '/downloads/$1-$2', regex: '^(?i)/downloads/([^/]+)/([^/]+)$', expPath: '/downloads/src-source.go', header: '/downloads/src/source.go', uri: '/downloads/src-source.go' },
    { desc: 'replacement with escaped char', path: '/aaa/bbb', replacement: '/foo%2Fbar', regex: '/aaa/bbb', expPath: '/foo/bar', expRaw: '/foo%2Fbar', header: '/aaa/bbb', uri: '/foo%2Fbar' },
    { desc: 'path and regex with escaped char', path: '/aaa%2Fbbb', replacement: '/foo/bar', regex: '/aaa%2Fbbb', expPath: '/foo/bar', header: '/aaa%2Fbbb', uri: '/foo/bar' },
    { desc: 'path with escaped char (no match)', path: '/aaa%2Fbbb', replacement: '/foo/bar', regex: '/aaa/bbb', expPath: '/aaa/bbb', expRaw: '/aaa%2Fbbb', uri: '/aaa%2Fbbb' },
    { desc: 'path with percent encoded backspace char', path: '/foo/%08bar', replacement: '/$1', regex: '^/foo/(.*)', expPath: '/\bbar', header: '/foo/%08bar', uri: '/%08bar' },
    // By the code: the regex is trimmed too, and the query stays.
    { desc: 'trimmed regex, query kept', path: '/a/b?q=1', replacement: '/x/$1', regex: '  ^/a/(.*)  ', expPath: '/x/b', header: '/a/b', uri: '/x/b?q=1' },
  ])('$desc', ({ path, replacement, regex, expPath, expRaw, header, uri }) => {
    const { req, response, step } = serve('replacePathRegex', { regex, replacement }, path);
    expect(response).toBeUndefined();
    expect(req.url.path).toBe(expPath);
    if (expRaw !== undefined) expect(req.url.rawPath).toBe(expRaw);
    expect(req.headers['X-Replaced-Path']).toEqual(header === undefined ? undefined : [header]);
    expect(req.requestURI).toBe(uri);
    expect(step.status).toBe(header === undefined ? 'no-op' : 'applied');
  });

  it('invalid regular expression is a build error', () => {
    expect(middlewareBuildError(['p@kubernetescrd'], routingOf('replacePathRegex', { regex: '^(?err)/invalid/regexp/([^/]+)$', replacement: '/valid/regexp/$1' })))
      .toMatch(/^middleware p@kubernetescrd: replacePathRegex: error compiling regular expression \^\(\?err\)\/invalid\/regexp\/\(\[\^\/\]\+\)\$: /);
  });

  it.each([
    { desc: 'path with ..', path: '/foo../bar', regex: '^/foo(.*)', replacement: '/$1', status: 400, body: 'Bad Request\n' },
    { desc: 'a replacement that does not unescape', path: '/foo/bar', regex: '^/foo/(.*)', replacement: '/%zz$1', status: 500, body: 'invalid URL escape "%zz"\n' },
  ])('$desc', ({ path, regex, replacement, status, body }) => {
    expect(serve('replacePathRegex', { regex, replacement }, path).response).toMatchObject({ status, body });
  });
});

describe('what each step says, and why it answered', () => {
  function outcome(type: string, cfg: Record<string, unknown>, path: string) {
    const parsed = parseClientRequest({ method: 'GET', url: `http://localhost${path}`, headers: {}, clientIP: '192.0.2.1' });
    if (!parsed.ok) throw new Error(parsed.reason);
    const state: ChainState = { req: parsed.value.request, responseHeaders: {}, omitXForwardedFor: false, errorPages: [] };
    const result = runMiddlewares(['p@kubernetescrd'], 'r@kubernetescrd', routingOf(type, cfg), state);
    return { status: result.steps[0]!.status, effect: result.steps[0]!.effect, cause: result.response?.cause };
  }

  it.each([
    { type: 'stripPrefix', cfg: { prefixes: ['/api'] }, path: '/api', status: 'applied', effect: 'stripped "/api": /api → (empty, sent as /); X-Forwarded-Prefix: /api' },
    { type: 'stripPrefix', cfg: { prefixes: ['/x', '/y'] }, path: '/api', status: 'no-op', effect: 'no prefix of [/x, /y] starts the path /api' },
    { type: 'stripPrefix', cfg: { prefixes: ['/api'] }, path: '/api../foo', status: 'responded', effect: 'stripping "/api" leaves "/../foo", which path cleaning changes to "/foo": 400', cause: 'bad-request' },
    { type: 'stripPrefixRegex', cfg: { regex: ['/a/api/'] }, path: '/a/api/', status: 'applied', effect: 'regex /a/api/ matched "/a/api/": /a/api/ → (empty, sent as /); X-Forwarded-Prefix: /a/api/' },
    { type: 'stripPrefixRegex', cfg: { regex: ['/a/api/'] }, path: '/a/api/test', status: 'applied', effect: 'regex /a/api/ matched "/a/api/": /a/api/test → /test; X-Forwarded-Prefix: /a/api/' },
    { type: 'stripPrefixRegex', cfg: { regex: ['/x', '/y'] }, path: '/a', status: 'no-op', effect: 'no regex of [/x, /y] matches a prefix of /a' },
    { type: 'stripPrefixRegex', cfg: { regex: ['/api'] }, path: '/api../foo', status: 'responded', effect: 'stripping "/api" leaves "/../foo", which path cleaning changes to "/foo": 400', cause: 'bad-request' },
    { type: 'replacePath', cfg: { path: '/a%g1' }, path: '/x', status: 'responded', effect: 'cannot unescape "/a%g1": 500', cause: 'internal-error' },
    { type: 'replacePathRegex', cfg: { regex: '/no-match', replacement: '/x' }, path: '/whoami', status: 'no-op', effect: 'regex /no-match does not match /whoami' },
    { type: 'replacePathRegex', cfg: { regex: '^/whoami/(.*)', replacement: '/who-am-i/$1' }, path: '/whoami/and/whoami', status: 'applied', effect: 'path rewritten: /whoami/and/whoami → /who-am-i/and/whoami; X-Replaced-Path: /whoami/and/whoami' },
    { type: 'replacePathRegex', cfg: { regex: '^/foo/(.*)', replacement: '/%zz$1' }, path: '/foo/bar', status: 'responded', effect: 'cannot unescape "/%zzbar": 500', cause: 'internal-error' },
    { type: 'replacePathRegex', cfg: { regex: '^/foo(.*)', replacement: '/$1' }, path: '/foo../bar', status: 'responded', effect: 'the replacement "/../bar" leaves "/../bar", which path cleaning changes to "/bar": 400', cause: 'bad-request' },
  ])('$type $cfg on $path', ({ type, cfg, path, status, effect, cause }) => {
    expect(outcome(type, cfg, path)).toEqual({ status, effect, cause });
  });
});

describe('rows read off the Go code (TrimSpace, RawPath, unset fields)', () => {
  it('StripPrefix forceSlash strips the raw path the same way ("/" + TrimPrefix(rawPath[n:], "/"))', () => {
    const { req } = serve('stripPrefix', { prefixes: ['/api'], forceSlash: true }, '/apix/a%2Fb');
    expect([req.url.path, req.url.rawPath, req.requestURI]).toEqual(['/x/a/b', '/x/a%2Fb', '/x/a%2Fb']);
  });

  it.each([
    // regexp.Compile(strings.TrimSpace(exp)): " *" compiles as written, "*" does not.
    { type: 'stripPrefixRegex', cfg: { regex: [' *'] }, error: /^middleware p@kubernetescrd: stripPrefixRegex: / },
    { type: 'replacePathRegex', cfg: { regex: ' *', replacement: '/x' }, error: /^middleware p@kubernetescrd: replacePathRegex: error compiling regular expression {2}\*: / },
  ])('$type $cfg: a build error after trimming', ({ type, cfg, error }) => {
    expect(middlewareBuildError(['p@kubernetescrd'], routingOf(type, cfg))).toMatch(error);
  });

  it('ReplacePath without a path: RawPath and Path empty, RequestURI "/"', () => {
    const { req, step } = serve('replacePath', {}, '/a?q=1');
    expect([req.url.path, req.url.rawPath, req.requestURI, req.headers['X-Replaced-Path']]).toEqual(['', '', '/?q=1', ['/a']]);
    expect(step.effect).toBe('path replaced: /a → ; X-Replaced-Path: /a');
  });

  it('ReplacePathRegex without a replacement removes the matches', () => {
    expect(serve('replacePathRegex', { regex: '/whoami' }, '/whoami/and/whoami').req.url.path).toBe('/and');
  });

  it('ReplacePathRegex without a regex: the empty expression matches every path (an empty replacement keeps it)', () => {
    const { req, step } = serve('replacePathRegex', {}, '/a/b');
    expect([req.url.path, req.headers['X-Replaced-Path'], step.status]).toEqual(['/a/b', ['/a/b'], 'applied']);
    expect(middlewareBuildError(['p@kubernetescrd'], routingOf('replacePathRegex', {}))).toBeNull();
  });

  it('ReplacePath reads RawPath when set, even when it no longer matches Path (after an AddPrefix with a space)', () => {
    // AddPrefix prepends to Path and RawPath alike; ReplacePath then takes RawPath as it is (EscapedPath would re-escape Path).
    const config = makeConfig({ middlewares: [middleware('add@kubernetescrd', 'addPrefix', { prefix: '/a b' }), middleware('p@kubernetescrd', 'replacePath', { path: '/z' })] });
    const routing = { config, middlewares: config.middlewares, secrets: {}, secretTypes: {} } as unknown as CompiledRouting;
    const parsed = parseClientRequest({ method: 'GET', url: 'http://localhost/x%2Fy', headers: {}, clientIP: '192.0.2.1' });
    if (!parsed.ok) throw new Error(parsed.reason);
    const state: ChainState = { req: parsed.value.request, responseHeaders: {}, omitXForwardedFor: false, errorPages: [] };
    runMiddlewares(['add@kubernetescrd', 'p@kubernetescrd'], 'r@kubernetescrd', routing, state);
    expect(state.req.headers['X-Replaced-Path']).toEqual(['/a b/x%2Fy']);
    expect(state.req.url.path).toBe('/z');
  });
});
