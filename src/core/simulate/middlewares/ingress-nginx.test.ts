// The kubernetesIngressNGINX middlewares: rows of Traefik's interpolation_test.go (Test_ReplaceVariables),
// app_root_test.go, upstream_vhost_test.go and rewrite_target_test.go (TestRewriteTarget), plus rows derived
// from the Go code they run (url.Query, req.Cookie, url.QueryEscape, http.Redirect), written out as literals.
import { describe, expect, it } from 'vitest';
import type { DynamicMiddleware } from '../../types.ts';
import type { CompiledRouting } from '../compiled.ts';
import { config as makeConfig } from '../fixtures.ts';
import { middleware } from '../fixtures.ts';
import { parseClientRequest, type GoRequest } from '../request.ts';
import { middlewareBuildError, runMiddlewares, type ChainState } from './index.ts';
import { replaceVariables } from './ingress-nginx.ts';

interface ReqOpts { method?: string; headers?: Record<string, string | string[] | undefined>; host?: string; remoteAddr?: string }

/** The request Go's server hands over (httptest.NewRequest), with Host and RemoteAddr set as the Go rows do. */
function goRequest(url: string, opts: ReqOpts = {}): GoRequest {
  const parsed = parseClientRequest({ method: opts.method ?? 'GET', url, headers: Object.fromEntries(Object.entries(opts.headers ?? {}).filter((e): e is [string, string | string[]] => e[1] !== undefined)), clientIP: '192.0.2.1' });
  if (!parsed.ok) throw new Error(parsed.reason);
  const req = parsed.value.request;
  if (opts.host !== undefined) req.host = opts.host;
  if (opts.remoteAddr !== undefined) req.remoteAddr = opts.remoteAddr;
  return req;
}

function routingWith(mw: DynamicMiddleware): CompiledRouting {
  const config = makeConfig({ middlewares: [mw] });
  return { config, middlewares: config.middlewares, secrets: {}, secretTypes: {} } as unknown as CompiledRouting;
}

function run(type: string, cfg: Record<string, unknown>, url: string, opts: ReqOpts = {}) {
  const mw = middleware(`m@kubernetesingressnginx`, type, cfg);
  const state: ChainState = { req: goRequest(url, opts), responseHeaders: {}, omitXForwardedFor: false, errorPages: [] };
  const result = runMiddlewares([mw.name], 'r@kubernetesingressnginx', routingWith(mw), state);
  return { req: state.req, step: result.steps[0]!, response: result.response?.response, cause: result.response?.cause };
}

const buildError = (type: string, cfg: Record<string, unknown>) => {
  const mw = middleware('m@kubernetesingressnginx', type, cfg);
  return middlewareBuildError([mw.name], routingWith(mw));
};

const Q = 'http://baz.com/foo/bar?key=value&other=test';

describe('ReplaceVariables (Test_ReplaceVariables, interpolation.go)', () => {
  it.each([
    { desc: '$host', src: 'val=$host', url: Q, expected: 'val=baz.com' },
    { desc: '$best_http_host', src: 'val=$best_http_host', url: Q, expected: 'val=baz.com' },
    { desc: '$http_*', src: 'val=$http_x_api_key', url: Q, opts: { headers: { 'X-Api-Key': 'key' } }, expected: 'val=key' },
    { desc: 'multiple header values in $http_*', src: 'val=$http_foo', url: Q, opts: { headers: { Foo: ['bar', 'baz'] } }, expected: 'val=bar,baz' },
    { desc: '$arg_*', src: 'val=$arg_token', url: 'http://baz.com?token=token_1234', expected: 'val=token_1234' },
    { desc: '$args', src: 'val=$args', url: 'http://baz.com?q=test&test=1&test=2&token=token_1234&val=foo,bar,baz', expected: 'val=q=test&test=1&test=2&token=token_1234&val=foo,bar,baz' },
    { desc: '$query_string', src: 'val=$query_string', url: 'http://baz.com?q=test&test=1&val=foo,bar,baz', expected: 'val=q=test&test=1&val=foo,bar,baz' },
    { desc: '$host && $escaped_request_uri', src: 'val=$host$escaped_request_uri', url: Q, expected: 'val=baz.com%2Ffoo%2Fbar%3Fkey%3Dvalue%26other%3Dtest' },
    { desc: 'variable + text', src: 'val=${host}-text', url: Q, expected: 'val=baz.com-text' },
    { desc: 'variable + text (alternative)', src: 'val=$host-text', url: Q, expected: 'val=baz.com-text' },
    { desc: 'variable + text (alternative 2)', src: 'val=${host}test', url: Q, expected: 'val=baz.comtest' },
    { desc: 'non existing variable', src: 'val=$invalid', url: Q, expected: 'val=$invalid' },
    { desc: 'invalid variable format', src: 'val=${invalid-text', url: Q, expected: 'val=${invalid-text' },
    { desc: 'invalid variable format 2', src: 'val=$invalid}-text', url: Q, expected: 'val=$invalid}-text' },
    { desc: 'invalid variable format 3', src: 'val=$hosttext', url: Q, expected: 'val=$hosttext' },
    { desc: '$scheme http', src: 'val=$scheme', url: 'http://baz.com/foo/bar', expected: 'val=http' },
    { desc: '$scheme https', src: 'val=$scheme', url: 'https://baz.com/foo/bar', expected: 'val=https' },
    { desc: '$request_uri', src: 'val=$request_uri', url: Q, expected: 'val=/foo/bar?key=value&other=test' },
    { desc: '$remote_addr', src: 'val=$remote_addr', url: 'http://baz.com/foo/bar', opts: { remoteAddr: '192.168.1.1:12345' }, expected: 'val=192.168.1.1' },
    { desc: '$remote_addr without port', src: 'val=$remote_addr', url: 'http://baz.com/foo/bar', opts: { remoteAddr: '192.168.1.1' }, expected: 'val=192.168.1.1' },
    { desc: '$uri', src: 'val=$uri', url: 'http://baz.com/foo/bar?key=value', expected: 'val=/foo/bar' },
    { desc: '$document_uri', src: 'val=$document_uri', url: 'http://baz.com/foo/bar?key=value', expected: 'val=/foo/bar' },
    { desc: '$server_name with port', src: 'val=$server_name', url: 'http://baz.com:8080/foo', expected: 'val=baz.com' },
    { desc: '$server_name without port', src: 'val=$server_name', url: 'http://baz.com/foo', expected: 'val=baz.com' },
    { desc: '$server_port with explicit port', src: 'val=$server_port', url: 'http://baz.com:8080/foo', expected: 'val=8080' },
    { desc: '$server_port without port http', src: 'val=$server_port', url: 'http://baz.com/foo', expected: 'val=80' },
    { desc: '$server_port without port https', src: 'val=$server_port', url: 'https://baz.com/foo', expected: 'val=443' },
    { desc: '$content_type', src: 'val=$content_type', url: 'http://baz.com/foo', opts: { headers: { 'Content-Type': 'application/json' } }, expected: 'val=application/json' },
    { desc: '$content_length', src: 'val=$content_length', url: 'http://baz.com/foo', opts: { headers: { 'Content-Length': '42' } }, expected: 'val=42' },
    { desc: '$cookie_session', src: 'val=$cookie_session', url: 'http://baz.com/foo', opts: { headers: { Cookie: 'session=abc123' } }, expected: 'val=abc123' },
    { desc: '$cookie_* not found', src: 'val=$cookie_missing', url: 'http://baz.com/foo', expected: 'val=' },
    { desc: '$is_args with query string', src: 'val=$is_args', url: 'http://baz.com/foo?key=value', expected: 'val=?' },
    { desc: '$is_args without query string', src: 'val=$is_args', url: 'http://baz.com/foo', expected: 'val=' },
    { desc: '$host strips port', src: 'val=$host', url: 'http://baz.com:8080/foo', expected: 'val=baz.com' },
    { desc: '$host lowercased', src: 'val=$host', url: 'http://BAZ.COM/foo', expected: 'val=baz.com' },
    { desc: '$best_http_host preserves port', src: 'val=$best_http_host', url: 'http://baz.com:8080/foo', expected: 'val=baz.com:8080' },
    { desc: '$server_name with IPv6 and port', src: 'val=$server_name', url: 'http://[::1]:8080/foo', expected: 'val=::1' },
    { desc: '$server_port with IPv6 and port', src: 'val=$server_port', url: 'http://[::1]:8080/foo', expected: 'val=8080' },
    { desc: '$proxy_add_x_forwarded_for without existing header', src: 'val=$proxy_add_x_forwarded_for', url: 'http://baz.com/foo', opts: { remoteAddr: '192.168.1.1:12345' }, expected: 'val=192.168.1.1' },
    {
      desc: '$proxy_add_x_forwarded_for with existing header', src: 'val=$proxy_add_x_forwarded_for', url: 'http://baz.com/foo',
      opts: { remoteAddr: '10.0.0.1:9999', headers: { 'X-Forwarded-For': '203.0.113.50, 70.41.3.18' } }, expected: 'val=203.0.113.50, 70.41.3.18, 10.0.0.1',
    },
    // Beyond Traefik's table, from the Go calls variableValue makes:
    // url.Query(): pairs cut at the first `=`, `+` is a space, a pair holding `;` is dropped, a bad escape skipped.
    { desc: '$arg_* keeps the `=` of the value', src: '$arg_token', url: 'http://baz.com/?token=a=b', expected: 'a=b' },
    { desc: '$arg_* decodes + and %XX', src: '$arg_q', url: 'http://baz.com/?q=a+b%21', expected: 'a b!' },
    { desc: '$arg_* skips a pair with ;', src: '$arg_t', url: 'http://baz.com/?t=1;2&t=3', expected: '3' },
    { desc: '$arg_* skips a pair whose value has a bad escape', src: '$arg_t', url: 'http://baz.com/?t=%zz&t=ok', expected: 'ok' },
    { desc: '$arg_* decodes the key', src: '$arg_my_key', url: 'http://baz.com/?my%5Fkey=v', expected: 'v' },
    { desc: '$arg_* without `=` is empty', src: '[$arg_flag]', url: 'http://baz.com/?flag&x=1', expected: '[]' },
    { desc: '$arg_* absent is empty', src: '[$arg_nope]', url: 'http://baz.com/?x=1', expected: '[]' },
    { desc: '$arg_* the first pair without `=` is the key, with an empty value', src: '[$arg_flag]', url: 'http://baz.com/?flag&flag=2', expected: '[]' },
    // url.QueryEscape escapes every byte but [A-Za-z0-9-_.~] (encodeURIComponent would keep `(` `)` `!`).
    { desc: '$escaped_request_uri escapes ( ) like url.QueryEscape', src: '$escaped_request_uri', url: 'http://baz.com/a(b)!', expected: '%2Fa%28b%29%21' },
    // req.Cookie: every Cookie line, pairs trimmed, the value's double quotes dropped; a name must match whole.
    { desc: '$cookie_* on a later Cookie line, quoted', src: '$cookie_session', url: 'http://baz.com/', opts: { headers: { Cookie: ['a=1', 'b=2;  session="abc"'] } }, expected: 'abc' },
    { desc: '$cookie_* matches the whole name', src: '[$cookie_ses]', url: 'http://baz.com/', opts: { headers: { Cookie: 'session=abc; x=ses=1' } }, expected: '[]' },
    { desc: '$cookie_* is not a prefix match', src: '$cookie_session', url: 'http://baz.com/', opts: { headers: { Cookie: 'sessionX=no; sessionX; session=ok' } }, expected: 'ok' },
    { desc: '$cookie_* a pair without `=` is a cookie with an empty value', src: '[$cookie_session]', url: 'http://baz.com/', opts: { headers: { Cookie: 'session; session=abc' } }, expected: '[]' },
    { desc: '$cookie_* cut at the first `=`', src: '$cookie_session', url: 'http://baz.com/', opts: { headers: { Cookie: 'session=a=b' } }, expected: 'a=b' },
    { desc: '$cookie_* "" is an empty value', src: '[$cookie_session]', url: 'http://baz.com/', opts: { headers: { Cookie: 'session=""; session=x' } }, expected: '[]' },
    { desc: '$cookie_* a lone quote is invalid: skipped', src: '$cookie_session', url: 'http://baz.com/', opts: { headers: { Cookie: 'session="; session=ok' } }, expected: 'ok' },
    { desc: '$cookie_* an unbalanced quote is invalid: skipped', src: '$cookie_session', url: 'http://baz.com/', opts: { headers: { Cookie: 'session="abc; session=ok' } }, expected: 'ok' },
    { desc: '$cookie_* a trailing quote is invalid: skipped', src: '$cookie_session', url: 'http://baz.com/', opts: { headers: { Cookie: 'session=abc"; session=ok' } }, expected: 'ok' },
    { desc: '$cookie_* a quote inside is invalid: skipped', src: '$cookie_session', url: 'http://baz.com/', opts: { headers: { Cookie: 'session=a"b; session=ok' } }, expected: 'ok' },
    { desc: '$cookie_* a backslash is invalid: skipped', src: '$cookie_session', url: 'http://baz.com/', opts: { headers: { Cookie: 'session=a\\b; session=ok' } }, expected: 'ok' },
    { desc: '$cookie_* a non-ASCII byte is invalid: skipped', src: '$cookie_session', url: 'http://baz.com/', opts: { headers: { Cookie: 'session=é; session=ok' } }, expected: 'ok' },
    { desc: '$cookie_* a space inside is valid', src: '$cookie_session', url: 'http://baz.com/', opts: { headers: { Cookie: 'session=a b' } }, expected: 'a b' },
    { desc: '$remote_addr ignores X-Forwarded-For', src: '$remote_addr', url: 'http://baz.com/', opts: { remoteAddr: '10.0.0.1:9', headers: { 'X-Forwarded-For': '1.1.1.1' } }, expected: '10.0.0.1' },
    // A nil response header map: $upstream_http_* is empty (not left as written).
    { desc: '$upstream_http_* is empty before any response', src: '[$upstream_http_x_test]', url: 'http://baz.com/', opts: { headers: { 'X-Test': 'req' } }, expected: '[]' },
    { desc: '$request_method', src: '$request_method', url: 'http://baz.com/', opts: { method: 'PUT' }, expected: 'PUT' },
    { desc: '$1 is not a request variable', src: '/x/$1', url: 'http://baz.com/', expected: '/x/$1' },
    { desc: '$host of a Host header that is not host:port (too many colons)', src: '$host', url: 'http://baz.com/', opts: { host: 'A::1' }, expected: 'a::1' },
  ])('$desc', ({ src, url, opts, expected }) => {
    expect(replaceVariables(src, goRequest(url, opts), {})).toBe(expected);
  });

  it('custom vars (keys written with their $)', () => {
    const req = goRequest('http://baz.com/foo/bar');
    expect(replaceVariables('val=$custom_var', req, { $custom_var: 'custom_value' })).toBe('val=custom_value');
    expect(replaceVariables('val=$custom_var', req, { custom_var: 'no' })).toBe('val=$custom_var');
    // vars is a map[string]string in Go: anything else is not a value here, the variable stays as written.
    expect(replaceVariables('val=$n', req, { $n: 5 })).toBe('val=$n');
  });
});

describe('AppRoot (app_root_test.go)', () => {
  it.each([
    { desc: 'empty path', path: '', error: 'appRoot: path cannot be empty' },
    { desc: 'path does not start with /', path: 'http://foo.com', error: 'appRoot: path should start with /' },
    { desc: 'no path', path: undefined, error: 'appRoot: path cannot be empty' },
  ])('$desc is a build error', ({ path, error }) => {
    expect(buildError('appRoot', path === undefined ? {} : { path })).toBe(`middleware m@kubernetesingressnginx: ${error}`);
  });

  it('says what it did', () => {
    expect(run('appRoot', { path: '/login' }, 'http://example.com/x').step.effect).toBe('/x is not the app root "/": nothing to do');
    expect(run('appRoot', { path: '/login' }, 'http://example.com/').step.effect).toBe('302 Found → http://example.com/login (app-root)');
  });

  it.each([
    { desc: 'root path redirects to app root', path: '/login', url: 'http://example.com/', location: 'http://example.com/login' },
    { desc: 'root path with query params and $is_args$args preserves them', path: '/login$is_args$args', url: 'http://example.com/?foo=bar', location: 'http://example.com/login?foo=bar' },
    { desc: 'root path with query params without $is_args$args drops them', path: '/login', url: 'http://example.com/?foo=bar', location: 'http://example.com/login' },
    { desc: 'https and a port ($scheme, $best_http_host)', path: '/app', url: 'https://example.com:8443/', location: 'https://example.com:8443/app' },
  ])('$desc', ({ path, url, location }) => {
    const { response, step, cause } = run('appRoot', { path }, url);
    expect(step.status).toBe('responded');
    expect(cause).toBe('redirect');
    // http.Redirect for a GET: HTML content type and a short body.
    expect(response).toEqual({ status: 302, headers: { Location: location, 'Content-Type': 'text/html; charset=utf-8' }, body: `<a href="${location}">Found</a>.\n\n` });
  });

  it('non-root path passes through', () => {
    const { response, step, req } = run('appRoot', { path: '/login' }, 'http://example.com/something');
    expect(response).toBeUndefined();
    expect(step.status).toBe('no-op');
    expect(req.url.path).toBe('/something');
  });

  it('http.Redirect: no body for HEAD, neither body nor content type for POST', () => {
    expect(run('appRoot', { path: '/login' }, 'http://example.com/', { method: 'HEAD' }).response).toEqual({
      status: 302, headers: { Location: 'http://example.com/login', 'Content-Type': 'text/html; charset=utf-8' }, body: '',
    });
    expect(run('appRoot', { path: '/login' }, 'http://example.com/', { method: 'POST' }).response).toEqual({ status: 302, headers: { Location: 'http://example.com/login' }, body: '' });
  });

  it('http.Redirect: HTML-escapes the body, %-escapes non-ASCII bytes of Location', () => {
    const { response } = run('appRoot', { path: "/é?a=1&b='<>\"" }, 'http://example.com/');
    expect(response?.headers['Location']).toBe("http://example.com/%C3%A9?a=1&b='<>\"");
    expect(response?.body).toBe('<a href="http://example.com/é?a=1&amp;b=&#39;&lt;&gt;&#34;">Found</a>.\n\n');
  });
});

describe('UpstreamVHost (upstream_vhost_test.go)', () => {
  it('an empty vHost is a build error', () => {
    expect(buildError('upstreamVHost', { vHost: '' })).toBe('middleware m@kubernetesingressnginx: upstreamVHost: vHost cannot be empty');
    expect(buildError('upstreamVHost', { vHost: 'x' })).toBeNull();
    expect(buildError('upstreamVHost', {})).toBe('middleware m@kubernetesingressnginx: upstreamVHost: vHost cannot be empty');
  });
  it.each([
    { desc: 'static vhost', vHost: 'backend.internal', host: 'site.example.com', expected: 'backend.internal' },
    { desc: 'provider-supplied $service_name and $namespace', vHost: '$service_name.$namespace', vars: { $service_name: 'my-app', $namespace: 'foo' }, host: 'site.example.com', expected: 'my-app.foo' },
    { desc: 'request-time $host', vHost: '$host', host: 'Site.Example.com:8080', expected: 'site.example.com' },
    { desc: 'mix of static and request-time variables', vHost: '$service_name.$namespace.svc.cluster.local', vars: { $service_name: 'my-app', $namespace: 'foo' }, host: 'site.example.com', expected: 'my-app.foo.svc.cluster.local' },
    { desc: 'unknown variable left as-is', vHost: '$does_not_exist', host: 'site.example.com', expected: '$does_not_exist' },
  ])('$desc', ({ vHost, vars, host, expected }) => {
    const { req, step } = run('upstreamVHost', { vHost, ...(vars ? { vars } : {}) }, `http://${host}/`);
    expect(req.host).toBe(expected);
    expect(step).toMatchObject({ status: 'applied', effect: `the Host header sent upstream becomes ${expected} (was ${host})` });
  });
});

describe('RewriteTarget (TestRewriteTarget, rewrite_target.go)', () => {
  it.each([
    { desc: 'empty replacement', config: { replacement: '' }, error: 'rewriteTarget: replacement cannot be empty' },
    { desc: 'no replacement', config: {}, error: 'rewriteTarget: replacement cannot be empty' },
    { desc: 'invalid regex', config: { regex: '^(?err)/invalid/regexp/([^/]+)$', replacement: '/valid/$1' }, error: 'rewriteTarget: compiling regular expression ^(?err)/invalid/regexp/([^/]+)$' },
  ])('$desc is a build error', ({ config, error }) => {
    expect(buildError('rewriteTarget', config)).toContain(`middleware m@kubernetesingressnginx: ${error}`);
  });

  it.each([
    { desc: 'plain replacement', path: '/foo/bar', config: { replacement: '/replacement' }, expPath: '/replacement', expRaw: '' },
    { desc: 'plain replacement with escaped char in replacement', path: '/foo', config: { replacement: '/foo%2Fbar' }, expPath: '/foo/bar', expRaw: '/foo%2Fbar' },
    { desc: 'plain replacement with x-forwarded-prefix', path: '/foo/bar', config: { replacement: '/replacement', xForwardedPrefix: '/foo' }, expPath: '/replacement', expRaw: '', prefix: '/foo' },
    { desc: 'regex with capture group', path: '/foo/bar', config: { regex: '^/foo/(.*)', replacement: '/new/$1' }, expPath: '/new/bar', expRaw: '' },
    { desc: 'regex with multiple capture groups', path: '/downloads/src/source.go', config: { regex: '^(?i)/downloads/([^/]+)/([^/]+)$', replacement: '/downloads/$1-$2' }, expPath: '/downloads/src-source.go', expRaw: '' },
    { desc: 'regex with escaped char in replacement', path: '/aaa/bbb', config: { regex: '/aaa/bbb', replacement: '/foo%2Fbar' }, expPath: '/foo/bar', expRaw: '/foo%2Fbar' },
    { desc: 'regex - no match passthrough', path: '/foo/bar', config: { regex: '^/baz/(.*)', replacement: '/new/$1' }, expPath: '/foo/bar', expRaw: '', status: 'no-op' },
    { desc: 'regex with x-forwarded-prefix capture group', path: '/foo/bar', config: { regex: '^(/foo)/(.*)', replacement: '/$2', xForwardedPrefix: '$1' }, expPath: '/bar', expRaw: '', prefix: '/foo' },
    { desc: 'regex with x-forwarded-prefix using third capture group', path: '/prefix/sub/endpoint', config: { regex: '^/(prefix)/(sub)/(.*)', replacement: '/$3', xForwardedPrefix: '/$1/$2' }, expPath: '/endpoint', expRaw: '', prefix: '/prefix/sub' },
    { desc: 'x-forwarded-prefix not set when regex does not match', path: '/foo/bar', config: { regex: '^/baz/(.*)', replacement: '/$1', xForwardedPrefix: '/baz' }, expPath: '/foo/bar', expRaw: '', status: 'no-op' },
    // Beyond the table, by the code: the regex is case-insensitive (ingress-nginx), replacement and regex trimmed,
    // the query kept in RequestURI.
    { desc: 'the regex is case-insensitive', path: '/FOO/Bar?x=1', config: { regex: '^/foo/(.*)', replacement: '/new/$1' }, expPath: '/new/Bar', expRaw: '', uri: '/new/Bar?x=1' },
    { desc: 'regex and replacement are trimmed', path: '/foo/bar', config: { regex: '  ^/foo/(.*)  ', replacement: '  /new/$1  ' }, expPath: '/new/bar', expRaw: '' },
    { desc: 'the current path is the raw path when the request has one', path: '/foo/a%2Fb', config: { regex: '^/foo/(.*)', replacement: '/new/$1' }, expPath: '/new/a/b', expRaw: '/new/a%2Fb' },
    // Go's url.Parse finds no scheme in "/a:b" (it starts with "/"): a path, not a redirect.
    { desc: 'a colon later in a relative replacement', path: '/x', config: { replacement: '/a:b' }, expPath: '/a:b', expRaw: '' },
    // No capture group and a relative replacement: the regex is not extended with ".*".
    { desc: 'a regex without groups replaces only its match', path: '/foo/x', config: { regex: '/foo', replacement: '/bar' }, expPath: '/bar/x', expRaw: '' },
  ])('$desc', ({ path, config, expPath, expRaw, prefix, status, uri }) => {
    const { req, step, response } = run('rewriteTarget', config, `http://a.com${path}`);
    expect(response).toBeUndefined();
    expect(step.status).toBe(status ?? 'applied');
    expect(req.url.path).toBe(expPath);
    expect(req.url.rawPath).toBe(expRaw);
    expect(req.headers['X-Forwarded-Prefix']).toEqual(prefix === undefined ? undefined : [prefix]);
    expect(req.requestURI).toBe(uri ?? (expRaw !== '' ? expRaw : expPath));
  });

  it.each([
    { desc: 'full URL replacement issues 302 redirect', path: '/some/path', config: { replacement: 'https://bar.example.org/some/path' }, location: 'https://bar.example.org/some/path' },
    { desc: 'regex with full URL replacement issues 302 redirect', path: '/prefix/foo', config: { regex: '(?i)/prefix(/|$)(.*)', replacement: 'https://bar.example.org/$2' }, location: 'https://bar.example.org/foo' },
    { desc: 'regex with full URL replacement - multiple paths, no regex', path: '/foo/a/b/c', config: { regex: '', replacement: 'https://bar.example.org/$1' }, location: 'https://bar.example.org/' },
    { desc: 'regex with full URL replacement with no capture groups', path: '/foo/a/b/c', config: { regex: '/foo', replacement: 'https://bar.example.org/$1' }, location: 'https://bar.example.org/' },
    { desc: 'full URL replacement preserves incoming query', path: '/some/path?foo=bar&baz=qux', config: { replacement: 'https://bar.example.org/some/path' }, location: 'https://bar.example.org/some/path?foo=bar&baz=qux' },
    { desc: 'full URL replacement keeps rewrite-supplied query over request query', path: '/some/path?foo=bar', config: { replacement: 'https://bar.example.org/some/path?tenant=acme' }, location: 'https://bar.example.org/some/path?tenant=acme' },
    { desc: 'regex with full URL replacement and capture group preserves incoming query', path: '/report/view/foo/bar?tenant=acme&id=42', config: { regex: '^/report/view/(.*)', replacement: 'https://portal.example.org/site/$1' }, location: 'https://portal.example.org/site/foo/bar?tenant=acme&id=42' },
    // url.Parse cuts the fragment first: the request's query goes before it; a bare `?` is an empty query.
    { desc: 'the request query goes before a fragment', path: '/p?x=1', config: { replacement: 'https://b.org/q#top' }, location: 'https://b.org/q?x=1#top' },
    { desc: 'a bare ? in the target takes the request query', path: '/p?x=1', config: { replacement: 'https://b.org/q?' }, location: 'https://b.org/q?x=1' },
    { desc: 'a ? inside the fragment is not a query', path: '/p?x=1', config: { replacement: 'https://b.org/q#a?b' }, location: 'https://b.org/q?x=1#a?b' },
    { desc: 'no request query: the target as written', path: '/p', config: { replacement: 'https://b.org/q?' }, location: 'https://b.org/q?' },
    { desc: 'a target with its own query and a fragment', path: '/p?x=1', config: { replacement: 'https://b.org/q?a=1#f' }, location: 'https://b.org/q?a=1#f' },
    { desc: 'a target whose query is "?" keeps it', path: '/p?x=1', config: { replacement: 'https://b.org/q??' }, location: 'https://b.org/q??' },
    // With a capture group the regex is not extended: the rest of the path stays after the match.
    { desc: 'an absolute replacement with a group keeps the unmatched rest', path: '/a/rest', config: { regex: '/(a)', replacement: 'https://x.org/$1' }, location: 'https://x.org/a/rest' },
  ])('$desc', ({ path, config, location }) => {
    const { response, step, cause } = run('rewriteTarget', config, `http://a.com${path}`);
    expect(step.status).toBe('responded');
    expect(cause).toBe('redirect');
    expect(response).toEqual({ status: 302, headers: { Location: location, 'Content-Type': 'text/html; charset=utf-8' }, body: `<a href="${location.replaceAll('&', '&amp;')}">Found</a>.\n\n` });
  });

  it.each([
    { desc: 'path with an absolute redirect URL in the capture group should not issue a 302 redirect', path: '/prefix/http://evil.com/malicious', config: { regex: '^/prefix/(.*)', replacement: '$1' }, status: 400 },
    { desc: 'path with ..', path: '/foo../bar', config: { regex: '^/foo(.*)', replacement: '/$1' }, status: 400 },
    { desc: 'capture group without path separator introducing dot-segment traversal', path: '/api../admin', config: { regex: '^/api(.*)', replacement: '/$1' }, status: 400 },
    // Beyond the table: an empty new target is a 500 (as ingress-nginx), so is a replacement that does not unescape.
    { desc: 'an empty target', path: '/foo', config: { regex: '^/foo', replacement: '$1' }, status: 500 },
    { desc: 'a target that does not unescape', path: '/foo', config: { replacement: '/a%zz' }, status: 500 },
    // New tests url.Parse(config.Replacement) untrimmed: " https://…" has no scheme, so it is a path, which
    // cleaning changes ("https:/x.org/").
    { desc: 'an absolute URL after a space is not a redirect', path: '/p', config: { replacement: ' https://x.org/' }, status: 400 },
  ])('$desc', ({ path, config, status }) => {
    const { response, step, cause } = run('rewriteTarget', config, `http://a.com${path}`);
    expect(step.status).toBe('responded');
    expect(response?.status).toBe(status);
    expect(cause).toBe(status === 400 ? 'bad-request' : 'internal-error');
  });

  it('the answers and what it says', () => {
    expect(run('rewriteTarget', { replacement: '/a%zz' }, 'http://a.com/foo')).toMatchObject({
      response: { status: 500, body: 'invalid URL escape "%zz"\n' }, step: { effect: 'cannot unescape "/a%zz": 500' },
    });
    expect(run('rewriteTarget', { regex: '^/foo', replacement: '$1' }, 'http://a.com/foo')).toMatchObject({
      response: { status: 500, body: 'Internal Server Error\n' }, step: { effect: 'the rewritten path is empty: 500' },
    });
    expect(run('rewriteTarget', { regex: '^/foo(.*)', replacement: '/$1' }, 'http://a.com/foo../x')).toMatchObject({
      response: { status: 400, body: 'Bad Request\n' }, step: { effect: 'the rewritten path "/../x" is changed by path cleaning to "/x": 400' },
    });
    expect(run('rewriteTarget', { replacement: 'https://b.org/' }, 'http://a.com/foo').step.effect).toBe('302 Found → https://b.org/ (the rewrite target is an absolute URL)');
    expect(run('rewriteTarget', { regex: '^/baz', replacement: '/x' }, 'http://a.com/foo').step.effect).toBe('regex (?i)^/baz does not match /foo: nothing to rewrite');
    expect(run('rewriteTarget', { replacement: '/x' }, 'http://a.com/foo').step.effect).toBe('path rewritten: /foo → /x');
    expect(run('rewriteTarget', { replacement: '/x', xForwardedPrefix: '/p' }, 'http://a.com/foo').step.effect).toBe('path rewritten: /foo → /x; X-Forwarded-Prefix set');
  });

  it('reads the raw path as it is when the request has one (even one EscapedPath would not give)', () => {
    const mw = middleware('m@kubernetesingressnginx', 'rewriteTarget', { regex: '^/a b$', replacement: '/ok' });
    const req = goRequest('http://a.com/x');
    req.url = { ...req.url, path: '/a b', rawPath: '/a b' };
    const state: ChainState = { req, responseHeaders: {}, omitXForwardedFor: false, errorPages: [] };
    runMiddlewares([mw.name], 'r', routingWith(mw), state);
    expect(state.req.url.path).toBe('/ok');
  });
});
