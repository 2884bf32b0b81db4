// RedirectScheme and RedirectRegex: the rows of Traefik's redirect_scheme_test.go and redirect_regex_test.go.
// Those tests build requests with httptest.NewRequest, whose RequestURI is the absolute URL (and TLS set for
// https://), so the rows run with the absolute form; origin-form rows (what clients send) are written out below.
import { describe, expect, it } from 'vitest';
import type { CompiledRouting } from '../compiled.ts';
import { config as makeConfig, middleware } from '../fixtures.ts';
import { parseAndFormatURL } from '../go-url-parse.ts';
import { parseClientRequest, type GoRequest } from '../request.ts';
import { middlewareBuildError, runMiddlewares, type ChainState } from './index.ts';
import { clientRequestURL, rawURL } from './redirect.ts';

function goRequest(url: string, opts: { method?: string; headers?: Record<string, string>; absolute?: boolean; secured?: boolean } = {}): GoRequest {
  const parsed = parseClientRequest({ method: opts.method ?? 'GET', url, headers: opts.headers ?? {}, clientIP: '192.0.2.1' });
  if (!parsed.ok) throw new Error(parsed.reason);
  const req = parsed.value.request;
  if (opts.absolute) req.requestURI = url;
  if (opts.secured) req.tls = true;
  return req;
}

function routingOf(type: string, cfg: Record<string, unknown>): CompiledRouting {
  const config = makeConfig({ middlewares: [middleware('r@kubernetescrd', type, cfg)] });
  return { config, middlewares: config.middlewares, secrets: {}, secretTypes: {} } as unknown as CompiledRouting;
}

function serve(type: string, cfg: Record<string, unknown>, req: GoRequest) {
  const state: ChainState = { req, responseHeaders: {}, omitXForwardedFor: false, errorPages: [] };
  const result = runMiddlewares(['r@kubernetescrd'], 'router@kubernetescrd', routingOf(type, cfg), state);
  return { response: result.response?.response, step: result.steps[0]! };
}

const TEXT: Record<number, string> = { 301: 'Moved Permanently', 302: 'Found', 307: 'Temporary Redirect', 308: 'Permanent Redirect' };

describe('RedirectScheme (TestRedirectSchemeHandler)', () => {
  it('Without scheme: build error', () => {
    expect(middlewareBuildError(['r@kubernetescrd'], routingOf('redirectScheme', {}))).toBe('middleware r@kubernetescrd: redirectScheme: you must provide a target scheme');
  });

  it.each([
    { desc: 'HTTP to HTTPS', config: { scheme: 'https' }, url: 'http://foo', expectedURL: 'https://foo', status: 302 },
    { desc: 'HTTP to HTTPS, with X-Forwarded-Proto', config: { scheme: 'https' }, url: 'http://foo', headers: { 'X-Forwarded-Proto': 'http' }, expectedURL: 'https://foo', status: 302 },
    { desc: 'HTTP to HTTPS, with X-Forwarded-Proto to HTTPS', config: { scheme: 'https' }, url: 'http://foo', headers: { 'X-Forwarded-Proto': 'https' }, status: 200 },
    { desc: 'HTTP to HTTPS, with X-Forwarded-Proto to unknown value', config: { scheme: 'https' }, url: 'http://foo', headers: { 'X-Forwarded-Proto': 'bar' }, expectedURL: 'https://foo', status: 302 },
    { desc: 'HTTP to HTTPS, with X-Forwarded-Proto to ws', config: { scheme: 'https' }, url: 'http://foo', headers: { 'X-Forwarded-Proto': 'ws' }, expectedURL: 'https://foo', status: 302 },
    { desc: 'HTTP to HTTPS, with X-Forwarded-Proto to wss', config: { scheme: 'https' }, url: 'http://foo', headers: { 'X-Forwarded-Proto': 'wss' }, status: 200 },
    { desc: 'HTTP with port to HTTPS without port', config: { scheme: 'https' }, url: 'http://foo:8080', expectedURL: 'https://foo', status: 302 },
    { desc: 'HTTP without port to HTTPS with port', config: { scheme: 'https', port: '8443' }, url: 'http://foo', expectedURL: 'https://foo:8443', status: 302 },
    { desc: 'HTTP with port to HTTPS with port', config: { scheme: 'https', port: '8443' }, url: 'http://foo:8000', expectedURL: 'https://foo:8443', status: 302 },
    { desc: 'HTTPS with port to HTTPS with port', config: { scheme: 'https', port: '8443' }, url: 'https://foo:8000', expectedURL: 'https://foo:8443', status: 302 },
    { desc: 'HTTPS with port to HTTPS without port', config: { scheme: 'https' }, url: 'https://foo:8000', expectedURL: 'https://foo', status: 302 },
    { desc: 'redirection to HTTPS without port from an URL already in https', config: { scheme: 'https' }, url: 'https://foo:8000/theother', expectedURL: 'https://foo/theother', status: 302 },
    { desc: 'HTTP to HTTPS permanent', config: { scheme: 'https', port: '8443', permanent: true }, url: 'http://foo', expectedURL: 'https://foo:8443', status: 301 },
    { desc: 'HTTP to HTTPS with explicit 308 status code', config: { scheme: 'https', forcePermanentRedirect: true }, url: 'http://foo', expectedURL: 'https://foo', status: 308 },
    { desc: 'to HTTP 80', config: { scheme: 'http', port: '80' }, url: 'http://foo:80', status: 200 },
    { desc: 'to HTTPS 443', config: { scheme: 'https', port: '443' }, url: 'https://foo:443', status: 200 },
    { desc: 'HTTP to wss', config: { scheme: 'wss', port: '9443' }, url: 'http://foo', expectedURL: 'wss://foo:9443', status: 302 },
    { desc: 'HTTP to wss without port', config: { scheme: 'wss' }, url: 'http://foo', expectedURL: 'wss://foo', status: 302 },
    { desc: 'HTTP with port to wss without port', config: { scheme: 'wss' }, url: 'http://foo:5678', expectedURL: 'wss://foo', status: 302 },
    { desc: 'HTTP to HTTPS without port', config: { scheme: 'https' }, url: 'http://foo:443', expectedURL: 'https://foo', status: 302 },
    { desc: 'HTTP port redirection', config: { scheme: 'http', port: '8181' }, url: 'http://foo:8080', expectedURL: 'http://foo:8181', status: 302 },
    { desc: 'HTTPS with port 80 to HTTPS without port', config: { scheme: 'https' }, url: 'https://foo:80', expectedURL: 'https://foo', status: 302 },
    { desc: 'IPV6 HTTP to HTTPS redirection without port', config: { scheme: 'https' }, url: 'http://[::1]', expectedURL: 'https://[::1]', status: 302 },
    { desc: 'IPV6 HTTP to HTTPS redirection with port', config: { scheme: 'https', port: '8443' }, url: 'http://[::1]', expectedURL: 'https://[::1]:8443', status: 302 },
    { desc: 'IPV6 HTTP with port 80 to HTTPS redirection without port', config: { scheme: 'https' }, url: 'http://[::1]:80', expectedURL: 'https://[::1]', status: 302 },
    { desc: 'IPV6 HTTP with port 80 to HTTPS redirection with port', config: { scheme: 'https', port: '8443' }, url: 'http://[::1]:80', expectedURL: 'https://[::1]:8443', status: 302 },
  ])('$desc', ({ config, url, headers, expectedURL, status }) => {
    const { response, step } = serve('redirectScheme', config, goRequest(url, { absolute: true, headers }));
    if (status === 200) {
      expect(response).toBeUndefined();
      expect(step.status).toBe('no-op');
    } else {
      expect(response).toEqual({ status, headers: { Location: expectedURL }, body: TEXT[status] });
    }
  });

  it.each([
    // What clients send: the origin form; the path and query come along, the Host header gives host and port.
    { desc: 'origin form, path and query kept', config: { scheme: 'https' }, url: 'http://foo:8080/a/b?x=1&y', method: 'GET', location: 'https://foo/a/b?x=1&y', status: 302 },
    { desc: 'POST, not permanent: 307', config: { scheme: 'https' }, url: 'http://foo/', method: 'POST', location: 'https://foo/', status: 307 },
    { desc: 'POST, permanent: 308', config: { scheme: 'https', permanent: true }, url: 'http://foo/', method: 'POST', location: 'https://foo/', status: 308 },
    { desc: 'forcePermanentRedirect wins over permanent for GET', config: { scheme: 'https', permanent: true, forcePermanentRedirect: true }, url: 'http://foo/', method: 'GET', location: 'https://foo/', status: 308 },
    { desc: 'http port 80 dropped for scheme http', config: { scheme: 'http', port: '80' }, url: 'https://foo:8443/x', method: 'GET', location: 'http://foo/x', status: 302 },
    { desc: 'a port given as a number', config: { scheme: 'https', port: 8443 }, url: 'http://foo/', method: 'GET', location: 'https://foo:8443/', status: 302 },
    // The default port is dropped only for its own scheme.
    { desc: 'https with port 80 keeps it', config: { scheme: 'https', port: '80' }, url: 'http://foo/', method: 'GET', location: 'https://foo:80/', status: 302 },
    { desc: 'http with port 443 keeps it', config: { scheme: 'http', port: '443' }, url: 'https://foo/', method: 'GET', location: 'http://foo:443/', status: 302 },
    // X-Forwarded-Proto http says the client used http, even over TLS.
    { desc: 'X-Forwarded-Proto http over TLS', config: { scheme: 'https' }, url: 'https://foo/x', method: 'GET', headers: { 'X-Forwarded-Proto': 'http' }, location: 'https://foo/x', status: 302 },
  ])('$desc', ({ config, url, method, headers, location, status }) => {
    expect(serve('redirectScheme', config, goRequest(url, { method, headers })).response).toEqual({ status, headers: { Location: location }, body: TEXT[status] });
  });

  it('a port equal to the request\'s own is no redirect', () => {
    expect(serve('redirectScheme', { scheme: 'http', port: '8080' }, goRequest('http://foo:8080/x')).step.status).toBe('no-op');
    expect(serve('redirectScheme', { scheme: 'https', port: '8443' }, goRequest('https://foo:8443/x')).step.status).toBe('no-op');
  });

  it('says what it did', () => {
    expect(serve('redirectScheme', { scheme: 'https' }, goRequest('http://foo/x')).step).toMatchObject({ status: 'responded', effect: '302 Found → https://foo/x' });
    expect(serve('redirectScheme', { scheme: 'https' }, goRequest('https://foo/x')).step.effect).toBe('the target equals the current URL https://foo/x: the request goes on');
  });
});

describe('RedirectRegex (TestRedirectRegexHandler)', () => {
  it('invalid regex: build error', () => {
    expect(middlewareBuildError(['r@kubernetescrd'], routingOf('redirectRegex', { regex: '^(.*', replacement: '$1' }))).toMatch(/^middleware r@kubernetescrd: redirectRegex: /);
    expect(middlewareBuildError(['r@kubernetescrd'], routingOf('redirectRegex', { regex: '^(.*)', replacement: '$1' }))).toBeNull();
  });

  it.each([
    { desc: 'simple redirection', config: { regex: '^(?:http?:\\/\\/)(foo)(\\.com)(:\\d+)(.*)$', replacement: 'https://${1}bar$2:443$4' }, url: 'http://foo.com:80', expectedURL: 'https://foobar.com:443', status: 302 },
    { desc: "URL doesn't match regex", config: { regex: '^(?:http?:\\/\\/)(foo)(\\.com)(:\\d+)(.*)$', replacement: 'https://${1}bar$2:443$4' }, url: 'http://bar.com:80', status: 200 },
    { desc: 'invalid rewritten URL', config: { regex: '^(.*)$', replacement: 'http://192.168.0.%31/' }, url: 'http://foo.com:80', status: 502 },
    { desc: 'HTTP to HTTPS permanent', config: { regex: '^http://', replacement: 'https://$1', permanent: true }, url: 'http://foo', expectedURL: 'https://foo', status: 301 },
    { desc: 'HTTPS to HTTP permanent', config: { regex: 'https://foo', replacement: 'http://foo', permanent: true }, secured: true, url: 'https://foo', expectedURL: 'http://foo', status: 301 },
    { desc: 'HTTP to HTTPS', config: { regex: 'http://foo:80', replacement: 'https://foo:443' }, url: 'http://foo:80', expectedURL: 'https://foo:443', status: 302 },
    { desc: 'HTTP to HTTPS, with X-Forwarded-Proto', config: { regex: 'http://foo:80', replacement: 'https://foo:443' }, url: 'http://foo:80', headers: { 'X-Forwarded-Proto': 'https' }, expectedURL: 'https://foo:443', status: 302 },
    { desc: 'HTTPS to HTTP', config: { regex: 'https://foo:443', replacement: 'http://foo:80' }, secured: true, url: 'https://foo:443', expectedURL: 'http://foo:80', status: 302 },
    { desc: 'HTTP to HTTP', config: { regex: 'http://foo:80', replacement: 'http://foo:88' }, url: 'http://foo:80', expectedURL: 'http://foo:88', status: 302 },
    { desc: 'HTTP to HTTP POST', config: { regex: '^http://', replacement: 'https://$1' }, url: 'http://foo', method: 'POST', expectedURL: 'https://foo', status: 307 },
    { desc: 'www-redirect without port', config: { regex: '(https?)://[^/:]+(:[0-9]+)?/(.*)', replacement: '$1://example.com$2/$3', permanent: true }, url: 'http://www.example.com/path', expectedURL: 'http://example.com/path', status: 301 },
    { desc: 'www-redirect with port', config: { regex: '(https?)://[^/:]+(:[0-9]+)?/(.*)', replacement: '$1://example.com$2/$3', permanent: true }, url: 'http://www.example.com:8080/path', expectedURL: 'http://example.com:8080/path', status: 301 },
    { desc: 'www-redirect without port, root path', config: { regex: '(https?)://[^/:]+(:[0-9]+)?/(.*)', replacement: '$1://example.com$2/$3', permanent: true }, url: 'http://www.example.com/', expectedURL: 'http://example.com/', status: 301 },
    { desc: 'www-redirect HTTPS without port', config: { regex: '(https?)://[^/:]+(:[0-9]+)?/(.*)', replacement: '$1://example.com$2/$3', permanent: true }, secured: true, url: 'https://www.example.com/path', expectedURL: 'https://example.com/path', status: 301 },
    { desc: 'HTTP to HTTP POST permanent', config: { regex: '^http://', replacement: 'https://$1', permanent: true }, url: 'http://foo', method: 'POST', expectedURL: 'https://foo', status: 308 },
  ])('$desc', ({ config, url, headers, method, secured, expectedURL, status }) => {
    const { response, step } = serve('redirectRegex', config, goRequest(url, { absolute: true, headers, method, secured }));
    if (status === 200) {
      expect(response).toBeUndefined();
      expect(step.status).toBe('no-op');
    } else if (status === 502) {
      expect(response).toEqual({ status: 502, headers: {}, body: 'Bad Gateway' });
    } else {
      expect(response).toEqual({ status, headers: { Location: expectedURL }, body: TEXT[status] });
    }
  });

  it.each([
    // rawURL: the Host header with its port, scheme from TLS only; statusCode overrides; Location is URL.String().
    { desc: 'origin form keeps the Host port and the query', config: { regex: '^http://a\\.com:8080/(.*)', replacement: 'https://b.com/${1}' }, url: 'http://a.com:8080/p?q=1', location: 'https://b.com/p?q=1', status: 302 },
    { desc: 'statusCode overrides', config: { regex: '^http://a\\.com/(.*)', replacement: 'https://b.com/$1', permanent: true, statusCode: 303 }, url: 'http://a.com/p', location: 'https://b.com/p', status: 303 },
    { desc: 'a space in the path is written %20', config: { regex: '^http://a\\.com/(.*)', replacement: 'https://b.com/x y/$1' }, url: 'http://a.com/p', location: 'https://b.com/x%20y/p', status: 302 },
  ])('$desc', ({ config, url, location, status }) => {
    expect(serve('redirectRegex', config, goRequest(url)).response).toEqual({ status, headers: { Location: location }, body: status === 303 ? 'See Other' : TEXT[status] });
  });

  it('a target with a control character: url.Parse fails → 502', () => {
    const r = serve('redirectRegex', { regex: '^http://a\\.com/(.*)', replacement: 'https://b.com/\u0001' }, goRequest('http://a.com/p'));
    expect(r.response).toEqual({ status: 502, headers: {}, body: 'Bad Gateway' });
    expect(r.step.effect).toBe('the redirect target "https://b.com/\u0001" is not a valid URL: 502');
  });

  it('says what it did', () => {
    expect(serve('redirectRegex', { regex: '^http://b\\.com', replacement: 'x' }, goRequest('http://a.com/p')).step).toMatchObject({ status: 'no-op', effect: 'http://a.com/p does not match ^http://b\\.com: no redirect' });
    expect(serve('redirectRegex', { regex: '^http://a\\.com/(.*)', replacement: 'https://b.com/$1' }, goRequest('http://a.com/p')).step.effect).toBe('302 Found → https://b.com/p');
    // An empty regex matches everywhere and replaces nothing: the target is the URL itself.
    expect(serve('redirectRegex', {}, goRequest('http://a.com/p')).step.effect).toBe('the target equals the current URL http://a.com/p: the request goes on');
  });
});

describe('clientRequestURL and rawURL', () => {
  it.each([
    { desc: 'origin form', url: 'http://a.com:8080/x?y=1', client: 'http://a.com:8080/x?y=1', raw: 'http://a.com:8080/x?y=1' },
    { desc: 'default port dropped (client only)', url: 'http://a.com:80/x', client: 'http://a.com/x', raw: 'http://a.com:80/x' },
    { desc: 'https default port dropped', url: 'https://a.com:443/x', client: 'https://a.com/x', raw: 'https://a.com:443/x' },
    // net.SplitHostPort drops the brackets and clientRequestURL joins the parts back without them (Traefik's own
    // quirk for an origin-form request to an IPv6 Host); rawURL keeps req.Host as it is.
    { desc: 'IPv6 host with a port', url: 'http://[::1]:8080/x', client: 'http://::1:8080/x', raw: 'http://[::1]:8080/x' },
    { desc: 'IPv6 host without a port (SplitHostPort fails: kept whole)', url: 'http://[::1]/x', client: 'http://[::1]/x', raw: 'http://[::1]/x' },
  ])('$desc', ({ url, client, raw }) => {
    expect(clientRequestURL(goRequest(url))).toBe(client);
    expect(rawURL(goRequest(url))).toBe(raw);
  });

  it('an absolute RequestURI gives scheme, host and port; TLS makes it https; X-Forwarded-Proto counts for clientRequestURL only', () => {
    const req = goRequest('http://ignored/', { absolute: false });
    req.requestURI = 'http://b.org:81/z?q';
    expect(clientRequestURL(req)).toBe('http://b.org:81/z?q');
    expect(rawURL(req)).toBe('http://b.org:81/z?q');
    req.tls = true;
    expect(rawURL(req)).toBe('https://b.org:81/z?q');
    req.tls = false;
    req.headers['X-Forwarded-Proto'] = ['HTTPS'];
    expect(clientRequestURL(req)).toBe('https://b.org:81/z?q');
    expect(rawURL(req)).toBe('http://b.org:81/z?q');
    req.headers['X-Forwarded-Proto'] = ['WS'];
    req.tls = true;
    expect(clientRequestURL(req)).toBe('http://b.org:81/z?q');
  });

  it.each([
    // Only the parts the absolute RequestURI has replace those of the Host header.
    { desc: 'no port in the URI: the Host header\'s port stays (clientRequestURL only)', host: 'a.com:8080', uri: 'http://b.org/z', client: 'http://b.org:8080/z', raw: 'http://b.org/z' },
    { desc: 'no host in the URI: the Host header\'s host stays', host: 'a.com', uri: 'http://:81/z', client: 'http://a.com:81/z', raw: 'http://a.com:81/z' },
    { desc: 'https in the URI', host: 'a.com', uri: 'https://b.org:443/z', client: 'https://b.org/z', raw: 'https://b.org:443/z' },
  ])('$desc', ({ host, uri, client, raw }) => {
    const req = goRequest('http://ignored/');
    req.host = host;
    req.requestURI = uri;
    expect(clientRequestURL(req)).toBe(client);
    expect(rawURL(req)).toBe(raw);
  });
});

describe('url.Parse + URL.String() (the Location written back)', () => {
  it.each([
    { s: 'https://foo', out: 'https://foo' },
    { s: 'https://foo:443/a?b=1#c', out: 'https://foo:443/a?b=1#c' },
    { s: 'https://b.com/x y', out: 'https://b.com/x%20y' },
    { s: 'https://b.com/a%2Fb', out: 'https://b.com/a%2Fb' },
    { s: 'https://b.com/a"b', out: 'https://b.com/a%22b' },
    { s: 'https://b.com/?q=%zz', out: 'https://b.com/?q=%zz' },
    { s: 'https://[::1]:8443/x', out: 'https://[::1]:8443/x' },
    { s: 'https://user@b.com/', out: 'https://user@b.com/' },
    { s: 'https://b.com:/x', out: 'https://b.com:/x' },
    { s: '/relative/path', out: '/relative/path' },
    { s: 'https://b.%C3%A9.com/', out: 'https://b.%C3%A9.com/' },
    { s: 'https://[fe80::1%25en0]/', out: 'https://[fe80::1%25en0]/' },
    { s: 'https://a%2531.org/', out: 'https://a%2531.org/' },
    { s: '#frag', out: '#frag' },
    { s: '?x=1', out: '?x=1' },
    { s: 'https://:80/x', out: 'https://:80/x' },
  ])('$s → $out', ({ s, out }) => {
    expect(parseAndFormatURL(s)).toBe(out);
  });

  it.each([
    { s: 'http://192.168.0.%31/', why: 'an ASCII byte %-escaped in the host' },
    { s: 'http://b.com/%zz', why: 'a malformed escape in the path' },
    { s: 'http://b.com/x#%zz', why: 'a malformed escape in the fragment' },
    { s: 'http://b.com:8a/', why: 'a port that is not digits' },
    { s: 'http://:8a/', why: 'a port that is not digits, no host' },
    { s: 'http://b.com/%4z', why: 'an escape with one hex digit' },
    { s: 'http://a%2f.org/', why: 'an ASCII byte %-escaped in the host, lower case' },
    { s: 'http://[::1/', why: 'an unclosed bracket' },
    { s: 'http://[::1]x/', why: 'text after the bracket' },
    { s: 'http://b c.com/', why: 'a space in the host' },
    { s: 'http://b.com/\u007f', why: 'DEL' },
    { s: ':foo', why: 'missing protocol scheme' },
    { s: '1a:b/c', why: 'a colon in the first segment of a relative path' },
  ])('$s fails ($why)', ({ s }) => {
    expect(parseAndFormatURL(s)).toBeUndefined();
  });
});
