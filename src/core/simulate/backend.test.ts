// The request the backend receives: pkg/proxy/httputil/proxy.go rewriteRequestBuilder run inside Go's
// net/http/httputil ReverseProxy.ServeHTTP (Rewrite path), then what http.Transport writes. Expected values are
// read off those sources and written out; sticky cookie values are sha256(child)[:16], computed with node:crypto.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildUpstream, requestCookie, setCookieValue } from './backend.ts';
import type { GoURL } from './go-url.ts';
import type { GoRequest } from './request.ts';

const URL0: GoURL = { path: '/', rawPath: '', rawQuery: '', forceQuery: false };

function req(over: Partial<GoRequest> = {}): GoRequest {
  return { method: 'GET', host: 'Shop.example.com', url: URL0, requestURI: '/', headers: {}, remoteAddr: '203.0.113.7:54321', tls: false, sni: null, ...over };
}

const SERVER = { url: 'http://10.0.0.1:8080', passHostHeader: true };

describe('buildUpstream: the upstream URL (proxy.go: url.ParseRequestURI(RequestURI), `;` → `&`, URL.RequestURI)', () => {
  it.each<{ desc: string; requestURI: string; url?: GoURL; server?: string; expected: string }>([
    { desc: 'path and query kept, escapes as sent', requestURI: '/a%2Fb?x=1', expected: 'http://10.0.0.1:8080/a%2Fb?x=1' },
    { desc: '`;` in the query becomes `&`', requestURI: '/p?x=1;y=2;', expected: 'http://10.0.0.1:8080/p?x=1&y=2&' },
    { desc: 'a second `?` stays in the query', requestURI: '/a?b?c', expected: 'http://10.0.0.1:8080/a?b?c' },
    { desc: 'a needlessly escaped path is sent as written (RawPath)', requestURI: '/%61b', expected: 'http://10.0.0.1:8080/%61b' },
    { desc: 'a `#` in the target is part of the path, escaped', requestURI: '/a#b', expected: 'http://10.0.0.1:8080/a%23b' },
    { desc: 'h2c is sent as http (smart_roundtripper.go)', requestURI: '/x', server: 'h2c://10.0.0.1:8080', expected: 'http://10.0.0.1:8080/x' },
    { desc: 'the scheme is lower-cased, the server path and query are not used', requestURI: '/x', server: 'HTTPS://B.internal:8443/base?q=1#f', expected: 'https://B.internal:8443/x' },
    { desc: 'absolute form: the path of the target', requestURI: 'http://shop.example.com/p/q?a=1', expected: 'http://10.0.0.1:8080/p/q?a=1' },
    { desc: 'absolute form without a path: sent as `/`', requestURI: 'http://shop.example.com', expected: 'http://10.0.0.1:8080/' },
    { desc: 'absolute form, query but no path', requestURI: 'HTTP://shop.example.com?a=1;b', expected: 'http://10.0.0.1:8080/?a=1&b' },
    { desc: 'opaque form (scheme, rootless): no path', requestURI: 'urn:x/y?k=v', expected: 'http://10.0.0.1:8080/?k=v' },
    { desc: 'a scheme then a single-slash path keeps the path', requestURI: 'x:/p', expected: 'http://10.0.0.1:8080/p' },
    { desc: 'a scheme then a path with `//` inside keeps it', requestURI: 'x:/a//b', expected: 'http://10.0.0.1:8080/a//b' },
    { desc: 'origin form starting with `//` has no authority (viaRequest)', requestURI: '//x/y', expected: 'http://10.0.0.1:8080//x/y' },
    { desc: 'a colon after the first byte is no scheme', requestURI: '/a:b', expected: 'http://10.0.0.1:8080/a:b' },
    { desc: 'ForceQuery of req.URL: a bare `?` is sent', requestURI: '/a?', url: { ...URL0, path: '/a', forceQuery: true }, expected: 'http://10.0.0.1:8080/a?' },
    { desc: 'without ForceQuery a bare `?` is not sent', requestURI: '/a?', expected: 'http://10.0.0.1:8080/a' },
    // url.ParseRequestURI fails: proxy.go keeps req.URL, whose query ReverseProxy cleaned (cleanQueryParams).
    { desc: 'unparsable (bad escape): req.URL path and query', requestURI: '/a%zz', url: { path: '/a b', rawPath: '', rawQuery: 'k=v', forceQuery: false }, expected: 'http://10.0.0.1:8080/a%20b?k=v' },
    { desc: 'unparsable (relative): req.URL', requestURI: 'rel?x=1', url: { ...URL0, path: '/from-url' }, expected: 'http://10.0.0.1:8080/from-url' },
    { desc: 'unparsable (control byte): req.URL', requestURI: '/a\x01', url: { ...URL0, path: '/ok' }, expected: 'http://10.0.0.1:8080/ok' },
    { desc: 'unparsable (DEL byte): req.URL', requestURI: '/a\x7f', url: { ...URL0, path: '/ok' }, expected: 'http://10.0.0.1:8080/ok' },
    { desc: 'empty RequestURI: req.URL', requestURI: '', url: { ...URL0, path: '/u', rawQuery: 'a=1' }, expected: 'http://10.0.0.1:8080/u?a=1' },
    { desc: 'OPTIONS *: the path `*`', requestURI: '*', url: { ...URL0, path: '*' }, expected: 'http://10.0.0.1:8080*' },
    { desc: 'cleanQueryParams: a pair with `;` dropped, keys sorted, values re-encoded', requestURI: '', url: { ...URL0, path: '/q', rawQuery: 'y=1&x=2&x=a+b&z=1;2&&w=p=q' }, expected: 'http://10.0.0.1:8080/q?w=p%3Dq&x=2&x=a+b&y=1' },
    { desc: 'cleanQueryParams: a malformed escape drops its pair', requestURI: '', url: { ...URL0, path: '/q', rawQuery: 'b=%zz&a=%41&%zz=1&c=%4' }, expected: 'http://10.0.0.1:8080/q?a=A' },
    { desc: 'cleanQueryParams: `%` one byte before the end is malformed', requestURI: '', url: { ...URL0, path: '/q', rawQuery: 'b=1&a=%4' }, expected: 'http://10.0.0.1:8080/q?b=1' },
    { desc: 'cleanQueryParams: a clean query is kept as is (not sorted)', requestURI: '', url: { ...URL0, path: '/q', rawQuery: 'b=2&a=%41' }, expected: 'http://10.0.0.1:8080/q?b=2&a=%41' },
  ])('$desc', ({ requestURI, url, server, expected }) => {
    expect(buildUpstream(req({ requestURI, url: url ?? URL0 }), { url: server ?? SERVER.url, passHostHeader: true }, false).url).toBe(expected);
  });

  it('keeps the method; the Host is the client one with passHostHeader, else the server authority', () => {
    expect(buildUpstream(req({ method: 'DELETE' }), SERVER, false)).toEqual({
      method: 'DELETE', url: 'http://10.0.0.1:8080/', host: 'Shop.example.com', headers: { 'X-Forwarded-For': '203.0.113.7', 'Accept-Encoding': 'gzip' },
    });
    expect(buildUpstream(req(), { url: 'https://backend.internal:8443/base', passHostHeader: false }, false).host).toBe('backend.internal:8443');
  });
});

describe('buildUpstream: headers (reverseproxy.go removeHopByHopHeaders, Te, upgradeType; proxy.go forwarded headers)', () => {
  // Every row's request names no encoding: http.Transport adds `Accept-Encoding: gzip` (see the next table).
  it.each<{ desc: string; headers: Record<string, string[]>; remoteAddr?: string; omit?: boolean; expected: Record<string, string | string[]> }>([
    {
      desc: 'the fixed hop-by-hop headers are removed',
      headers: { 'Proxy-Connection': ['keep-alive'], 'Keep-Alive': ['5'], 'Proxy-Authenticate': ['Basic'], 'Proxy-Authorization': ['Basic eA=='], Trailer: ['X-T'], 'Transfer-Encoding': ['chunked'], Upgrade: ['websocket'], 'X-Kept': ['1'] },
      expected: { 'X-Kept': '1', 'X-Forwarded-For': '203.0.113.7' },
    },
    {
      desc: 'headers named by Connection are removed too (every line, trimmed, any case)',
      headers: { Connection: ['close, x-a', ' X-B ,,'], 'X-A': ['1'], 'X-B': ['2'], 'X-C': ['3'] },
      expected: { 'X-C': '3', 'X-Forwarded-For': '203.0.113.7' },
    },
    {
      desc: 'Connection cannot remove the four forwarded headers (copied back from the incoming request)',
      headers: { Connection: ['X-Forwarded-For, Forwarded, X-Forwarded-Host, X-Forwarded-Proto, X-Real-Ip'], 'X-Forwarded-For': ['198.51.100.1'], Forwarded: ['for=1.2.3.4'], 'X-Forwarded-Host': ['a.com'], 'X-Forwarded-Proto': ['https'], 'X-Real-Ip': ['203.0.113.7'] },
      expected: { 'X-Forwarded-For': '198.51.100.1, 203.0.113.7', Forwarded: 'for=1.2.3.4', 'X-Forwarded-Host': 'a.com', 'X-Forwarded-Proto': 'https' },
    },
    { desc: 'Te with the token trailers becomes `Te: trailers`', headers: { Te: ['gzip, Trailers'] }, expected: { Te: 'trailers', 'X-Forwarded-For': '203.0.113.7' } },
    { desc: 'Te: trailers on a second line, tab-trimmed', headers: { Te: ['deflate', ' trailers\t'] }, expected: { Te: 'trailers', 'X-Forwarded-For': '203.0.113.7' } },
    { desc: 'Te: trailers among tabs and spaces', headers: { Te: ['gzip,\t\t trailers  '] }, expected: { Te: 'trailers', 'X-Forwarded-For': '203.0.113.7' } },
    { desc: 'Te without the token is removed (`trailers;q=1` is another token)', headers: { Te: ['gzip', 'trailers;q=1'] }, expected: { 'X-Forwarded-For': '203.0.113.7' } },
    {
      desc: 'an upgrade keeps `Connection: Upgrade` and the first Upgrade value; other Connection names removed',
      headers: { Connection: ['keep-alive, Upgrade, X-A'], Upgrade: ['h2c', 'websocket'], 'X-A': ['1'], 'Sec-Websocket-Key': ['k'] },
      expected: { Connection: 'Upgrade', Upgrade: 'h2c', 'Sec-Websocket-Key': 'k', 'X-Forwarded-For': '203.0.113.7' },
    },
    {
      desc: 'a WebSocket upgrade (any case) renames the Sec-WebSocket-* headers',
      headers: { Connection: ['upgrade'], Upgrade: ['WebSocket'], 'Sec-Websocket-Key': ['dGhl'], 'Sec-Websocket-Version': ['13'], 'Sec-Websocket-Protocol': ['chat'], 'Sec-Websocket-Extensions': ['x'], 'Sec-Websocket-Accept': ['a'] },
      expected: { Connection: 'Upgrade', Upgrade: 'WebSocket', 'Sec-WebSocket-Key': 'dGhl', 'Sec-WebSocket-Version': '13', 'Sec-WebSocket-Protocol': 'chat', 'Sec-WebSocket-Extensions': 'x', 'Sec-WebSocket-Accept': 'a', 'X-Forwarded-For': '203.0.113.7' },
    },
    { desc: 'a WebSocket upgrade renames only the Sec-Websocket-* headers present', headers: { Connection: ['Upgrade'], Upgrade: ['websocket'], 'Sec-Websocket-Key': ['k'] }, expected: { Connection: 'Upgrade', Upgrade: 'websocket', 'Sec-WebSocket-Key': 'k', 'X-Forwarded-For': '203.0.113.7' } },
    { desc: 'a space inside the token is another token', headers: { Connection: ['up grade'], Upgrade: ['websocket'] }, expected: { 'X-Forwarded-For': '203.0.113.7' } },
    { desc: '`upgrade` inside another token is no upgrade', headers: { Connection: ['upgradeX'], Upgrade: ['websocket'], 'Sec-Websocket-Key': ['k'] }, expected: { 'Sec-Websocket-Key': 'k', 'X-Forwarded-For': '203.0.113.7' } },
    { desc: 'Connection: Upgrade without an Upgrade header is no upgrade', headers: { Connection: ['Upgrade'] }, expected: { 'X-Forwarded-For': '203.0.113.7' } },
    { desc: 'an empty Upgrade value is no upgrade', headers: { Connection: ['Upgrade'], Upgrade: [''] }, expected: { 'X-Forwarded-For': '203.0.113.7' } },
    { desc: 'X-Forwarded-For lines are folded into one, then the client IP appended', headers: { 'X-Forwarded-For': ['1.1.1.1', '2.2.2.2, 3.3.3.3'] }, expected: { 'X-Forwarded-For': '1.1.1.1, 2.2.2.2, 3.3.3.3, 203.0.113.7' } },
    { desc: 'IPv6 peer: the address without brackets', headers: {}, remoteAddr: '[2001:db8::1]:443', expected: { 'X-Forwarded-For': '2001:db8::1' } },
    { desc: 'a peer address without a port (SplitHostPort fails): nothing appended', headers: { 'X-Forwarded-For': ['1.1.1.1'] }, remoteAddr: '203.0.113.7', expected: { 'X-Forwarded-For': '1.1.1.1' } },
    { desc: 'a Headers middleware set X-Forwarded-For to "": none sent', headers: { 'X-A': ['1'] }, omit: true, expected: { 'X-A': '1' } },
    { desc: 'User-Agent: only the first value is written', headers: { 'User-Agent': ['curl/8.5.0', 'other'] }, expected: { 'User-Agent': 'curl/8.5.0', 'X-Forwarded-For': '203.0.113.7' } },
    { desc: 'an empty User-Agent is not written', headers: { 'User-Agent': ['', 'b'] }, expected: { 'X-Forwarded-For': '203.0.113.7' } },
    { desc: 'repeated headers stay a list', headers: { Accept: ['text/html', 'application/json'] }, expected: { Accept: ['text/html', 'application/json'], 'X-Forwarded-For': '203.0.113.7' } },
  ])('$desc', ({ headers, remoteAddr, omit, expected }) => {
    const up = buildUpstream(req({ headers, remoteAddr: remoteAddr ?? '203.0.113.7:54321' }), SERVER, omit ?? false);
    expect(up.headers).toStrictEqual({ ...expected, 'Accept-Encoding': 'gzip' });
  });

  it.each<{ desc: string; method: string; headers: Record<string, string[]>; expected: Record<string, string | string[]> }>([
    { desc: 'an encoding named by the client: kept, no gzip added', method: 'GET', headers: { 'Accept-Encoding': ['br'] }, expected: { 'Accept-Encoding': 'br' } },
    { desc: 'a Range request: no Accept-Encoding added', method: 'GET', headers: { Range: ['bytes=0-9'] }, expected: { Range: 'bytes=0-9' } },
    { desc: 'HEAD: no Accept-Encoding added', method: 'HEAD', headers: {}, expected: {} },
    { desc: 'an empty Range does not count', method: 'GET', headers: { Range: [''] }, expected: { Range: '', 'Accept-Encoding': 'gzip' } },
    { desc: 'an empty Accept-Encoding line: gzip added as a second line', method: 'GET', headers: { 'Accept-Encoding': [''] }, expected: { 'Accept-Encoding': ['', 'gzip'] } },
  ])('http.Transport compression: $desc', ({ method, headers, expected }) => {
    expect(buildUpstream(req({ method, headers }), SERVER, true).headers).toStrictEqual(expected);
  });

  it('leaves the incoming request headers untouched', () => {
    const headers = { Connection: ['X-A'], 'X-A': ['1'], 'X-Forwarded-For': ['1.1.1.1'], 'Sec-Websocket-Key': ['k'] };
    buildUpstream(req({ headers }), SERVER, false);
    expect(headers).toEqual({ Connection: ['X-A'], 'X-A': ['1'], 'X-Forwarded-For': ['1.1.1.1'], 'Sec-Websocket-Key': ['k'] });
  });
});

describe('requestCookie: Go req.Cookie (readCookies, parseCookieValue)', () => {
  it.each([
    { desc: 'trimmed pairs, cut at the first `=`', lines: [' a=1 ;  test=x=y '], expected: 'x=y' },
    { desc: 'the first cookie of that name', lines: ['test=x; test=y'], expected: 'x' },
    { desc: 'a later line', lines: ['a=1', 'test=z'], expected: 'z' },
    { desc: 'quotes around the value dropped', lines: ['test="v"'], expected: 'v' },
    { desc: 'a space inside the value is valid', lines: ['test=a b'], expected: 'a b' },
    { desc: 'a value with a quote is skipped: the next one counts', lines: ['test="v; test=ok'], expected: 'ok' },
    { desc: 'a lone quote is no quoted value', lines: ['test="'], expected: undefined },
    { desc: 'a backslash is invalid', lines: ['test=a\\b'], expected: undefined },
    { desc: 'a non-ASCII byte is invalid', lines: ['test=é'], expected: undefined },
    { desc: 'a control byte is invalid', lines: ['test=a\x01'], expected: undefined },
    { desc: 'spaces around the name are trimmed (textproto.TrimString), the value keeps its own', lines: ['test \t= v'], expected: ' v' },
    { desc: 'a part without `=` is a cookie with an empty value, and the first one wins', lines: ['test; test=v'], expected: '' },
    { desc: 'a value with `;` cannot be: the pair ends there', lines: ['test="a;b"'], expected: undefined },
    { desc: 'only ASCII whitespace is trimmed', lines: ['\u00a0test=v'], expected: undefined },
    { desc: 'every leading and trailing space goes', lines: ['  \t test \t =v;  '], expected: 'v' },
    { desc: 'a pair without `=` before the cookie is not it', lines: ['testx; test=v'], expected: 'v' },
    { desc: 'quoted empty value', lines: ['test=""'], expected: '' },
  ])('$desc', ({ lines, expected }) => {
    expect(requestCookie({ Cookie: lines }, 'test')).toBe(expected);
  });

  it('no Cookie header', () => {
    expect(requestCookie({}, 'test')).toBeUndefined();
  });

  it('a name that is not a token is no cookie name (isCookieNameValid)', () => {
    expect(requestCookie({ Cookie: ['=abc'] }, '')).toBeUndefined();
    expect(requestCookie({ Cookie: ['a b=1'] }, 'a b')).toBeUndefined();
    expect(requestCookie({ Cookie: ['a/=1; /a=2'] }, 'a/')).toBeUndefined();
  });
});

describe('setCookieValue: Domain (net/http validCookieDomain, isCookieDomainName)', () => {
  const v = createHash('sha256').update('http://10.0.0.1:80').digest('hex').slice(0, 16);
  const label = 'a'.repeat(63);
  const d255 = `${label}.${label}.${label}.${label}`;
  const d256 = `${label}.${label}.${label}.${'a'.repeat(62)}.b`;
  it.each([
    { desc: '255 bytes', domain: d255, sent: d255 },
    { desc: '256 bytes', domain: d256, sent: undefined },
    { desc: 'a leading dot counts in the 255 (256 in all)', domain: `.${d255}`, sent: undefined },
    { desc: 'a leading dot within 255', domain: `.${label}.b`, sent: `${label}.b` },
    { desc: 'a trailing dot is allowed (and sent)', domain: 'a.com.', sent: 'a.com.' },
    { desc: 'two trailing dots are not', domain: 'a.com..', sent: undefined },
    { desc: 'a 64-byte label is not', domain: `${label}a.com`, sent: undefined },
    { desc: 'a one-letter name', domain: 'a', sent: 'a' },
    { desc: 'a name without a dot', domain: 'localhost', sent: 'localhost' },
  ])('$desc', ({ domain, sent }) => {
    const line = setCookieValue({ name: 'c', domain }, 'c', 'http://10.0.0.1:80');
    expect(line).toBe(`c=${v}; Path=/${sent === undefined ? '' : `; Domain=${sent}`}`);
  });

  it.each([
    { sameSite: 'LAX', attr: '; SameSite=Lax' },
    { sameSite: 'none', attr: '; SameSite=None' },
    { sameSite: 'Strict', attr: '; SameSite=Strict' },
    { sameSite: 'default', attr: '' },
    { sameSite: undefined, attr: '' },
  ])('SameSite $sameSite', ({ sameSite, attr }) => {
    const line = setCookieValue({ name: 'c', ...(sameSite === undefined ? {} : { sameSite }) }, 'c', 'http://10.0.0.1:80');
    expect(line).toBe(`c=${createHash('sha256').update('http://10.0.0.1:80').digest('hex').slice(0, 16)}; Path=/${attr}`);
  });
});
