// What Go's net/http server makes of the bytes a client sends (server.go readRequest, request.go
// readRequest/validMethod, url.ParseRequestURI, textproto header canonicalisation), and how a URL typed in the
// simulator becomes those bytes (as curl sends it). Expected values read off the Go sources, written out.
import { describe, expect, it } from 'vitest';
import { parseClientRequest } from './request.ts';
import type { SimRequest } from './verdict.ts';

const sim = (url: string, over: Partial<SimRequest> = {}): SimRequest => ({ method: 'GET', url, headers: {}, clientIP: '203.0.113.7', ...over });
const BAD = { 'Content-Type': 'text/plain; charset=utf-8', Connection: 'close' };

describe('parseClientRequest: the whole request Go hands to Traefik', () => {
  it.each([
    {
      desc: 'ws is http on port 80; an empty target is `/`', url: 'ws://a.com',
      expected: { scheme: 'http', port: 80, urlHost: 'a.com', host: 'a.com', path: '/', rawPath: '', rawQuery: '', forceQuery: false, requestURI: '/', tls: false },
    },
    {
      desc: 'WSS is https on port 443', url: 'WSS://a.com/x',
      expected: { scheme: 'https', port: 443, urlHost: 'a.com', host: 'a.com', path: '/x', rawPath: '', rawQuery: '', forceQuery: false, requestURI: '/x', tls: true },
    },
    {
      desc: 'a query without a path gets `/` first', url: 'http://a.com?x=1',
      expected: { scheme: 'http', port: 80, urlHost: 'a.com', host: 'a.com', path: '/', rawPath: '', rawQuery: 'x=1', forceQuery: false, requestURI: '/?x=1', tls: false },
    },
    {
      desc: 'a single trailing `?` is ForceQuery', url: 'http://a.com/a?',
      expected: { scheme: 'http', port: 80, urlHost: 'a.com', host: 'a.com', path: '/a', rawPath: '', rawQuery: '', forceQuery: true, requestURI: '/a?', tls: false },
    },
    {
      desc: 'a second `?` belongs to the query', url: 'http://a.com/a?b?',
      expected: { scheme: 'http', port: 80, urlHost: 'a.com', host: 'a.com', path: '/a', rawPath: '', rawQuery: 'b?', forceQuery: false, requestURI: '/a?b?', tls: false },
    },
    {
      desc: 'IPv6 authority with a port', url: 'http://[::1]:8080/p',
      expected: { scheme: 'http', port: 8080, urlHost: '::1', host: '[::1]:8080', path: '/p', rawPath: '', rawQuery: '', forceQuery: false, requestURI: '/p', tls: false },
    },
    {
      desc: 'IPv6 authority without a port', url: 'https://[2001:db8::1]/',
      expected: { scheme: 'https', port: 443, urlHost: '2001:db8::1', host: '[2001:db8::1]', path: '/', rawPath: '', rawQuery: '', forceQuery: false, requestURI: '/', tls: true },
    },
    {
      desc: 'an empty port is the default one', url: 'http://a.com:/',
      expected: { scheme: 'http', port: 80, urlHost: 'a.com', host: 'a.com:', path: '/', rawPath: '', rawQuery: '', forceQuery: false, requestURI: '/', tls: false },
    },
    {
      desc: 'port 65535 is valid', url: 'http://a.com:65535/',
      expected: { scheme: 'http', port: 65535, urlHost: 'a.com', host: 'a.com:65535', path: '/', rawPath: '', rawQuery: '', forceQuery: false, requestURI: '/', tls: false },
    },
    {
      desc: 'an escaped path keeps its spelling as RawPath', url: 'http://a.com/a%2Fb',
      expected: { scheme: 'http', port: 80, urlHost: 'a.com', host: 'a.com', path: '/a/b', rawPath: '/a%2Fb', rawQuery: '', forceQuery: false, requestURI: '/a%2Fb', tls: false },
    },
  ])('$desc', ({ url, expected }) => {
    const r = parseClientRequest(sim(url));
    expect(r).toStrictEqual({
      ok: true,
      value: {
        scheme: expected.scheme, port: expected.port, urlHost: expected.urlHost, notes: [],
        request: {
          method: 'GET', host: expected.host, url: { path: expected.path, rawPath: expected.rawPath, rawQuery: expected.rawQuery, forceQuery: expected.forceQuery },
          requestURI: expected.requestURI, headers: {}, remoteAddr: '203.0.113.7:54321', tls: expected.tls, sni: null,
        },
      },
    });
  });

  it.each([
    { url: 'ftp://a.com/', reason: 'unsupported scheme "ftp" (use http or https)' },
    { url: 'a.com/x', reason: '"a.com/x" is not an absolute http:// or https:// URL' },
    { url: 'http://a.com:0/', reason: 'invalid port "0"' },
    { url: 'http://a.com:65536/', reason: 'invalid port "65536"' },
    { url: 'http://a.com:8x/', reason: 'invalid port "8x"' },
  ])('no request for $url', ({ url, reason }) => {
    expect(parseClientRequest(sim(url))).toStrictEqual({ ok: false, reason });
  });
});

describe('parseClientRequest: what Go answers 400 itself (server.go readRequest)', () => {
  it.each([
    { desc: 'two Host headers', over: { headers: { Host: ['b.com', 'c.com'] } }, reason: 'too many Host headers', body: '400 Bad Request: too many Host headers' },
    { desc: 'a malformed Host', over: { headers: { Host: 'a/b' } }, reason: 'malformed Host header', body: '400 Bad Request: malformed Host header' },
    { desc: 'an invalid method (badStringError: no reason in the body)', over: { method: 'GE T' }, reason: 'invalid method "GE T"', body: '400 Bad Request' },
  ])('$desc', ({ over, reason, body }) => {
    const r = parseClientRequest(sim('http://a.com/', over));
    expect(r.ok && r.reject).toStrictEqual({ reason, response: { status: 400, headers: BAD, body } });
  });

  it('the first failure is the one answered', () => {
    const r = parseClientRequest(sim('http://a.com/', { method: 'GE T', headers: { Host: ['b.com', 'c.com'] } }));
    expect(r.ok && r.reject?.reason).toBe('too many Host headers');
  });
});

describe('parseClientRequest: headers, Host, method, client address', () => {
  it('a Host header replaces the authority (noted); names are canonicalised', () => {
    const r = parseClientRequest(sim('http://a.com/', { headers: { host: 'B.com:81', 'x-foo': '1' } }));
    expect(r.ok && r.value.request.host).toBe('B.com:81');
    expect(r.ok && r.value.request.headers).toStrictEqual({ 'X-Foo': ['1'] });
    expect(r.ok && r.value.notes).toStrictEqual(['Host header overridden: B.com:81']);
  });

  it('a Host header without a value is no Host header', () => {
    const r = parseClientRequest(sim('http://a.com/', { headers: { Host: [] } }));
    expect(r.ok && [r.value.request.host, r.value.notes, r.value.request.headers]).toStrictEqual(['a.com', [], {}]);
  });

  it('an empty method is GET', () => {
    const r = parseClientRequest(sim('http://a.com/', { method: '' }));
    expect(r.ok && r.value.request.method).toBe('GET');
  });

  it('no client IP: 192.0.2.1, said in a note', () => {
    const r = parseClientRequest(sim('http://a.com/', { clientIP: '' }));
    expect(r.ok && [r.value.request.remoteAddr, r.value.notes]).toStrictEqual(['192.0.2.1:54321', ['No client IP given: 192.0.2.1 is used.']]);
  });

  it('user info: %-decoded into Basic credentials (the last @ ends it), unless Authorization is set', () => {
    const r = parseClientRequest(sim('http://us%40er:p:w@x@a.com/'));
    // base64("us@er:p:w@x")
    expect(r.ok && [r.value.request.host, r.value.request.headers, r.value.notes]).toStrictEqual([
      'a.com', { Authorization: ['Basic dXNAZXI6cDp3QHg='] }, ['The URL user info is sent as an `Authorization: Basic` header, as curl does.'],
    ]);
    const kept = parseClientRequest(sim('http://u:p@a.com/', { headers: { authorization: 'Bearer t' } }));
    expect(kept.ok && [kept.value.request.headers, kept.value.notes]).toStrictEqual([{ Authorization: ['Bearer t'] }, []]);
  });

  it('user info with a malformed escape is sent as written', () => {
    const r = parseClientRequest(sim('http://a%zz:b@a.com/'));
    // base64("a%zz:b")
    expect(r.ok && r.value.request.headers).toStrictEqual({ Authorization: ['Basic YSV6ejpi'] });
  });

  it('a literal # is sent (noted); spaces and non-ASCII are %-encoded (noted)', () => {
    const r = parseClientRequest(sim('http://a.com/é x#f'));
    expect(r.ok && r.value.request.requestURI).toBe('/%C3%A9%20x#f');
    expect(r.ok && r.value.notes).toStrictEqual([
      'The client percent-encodes characters that cannot be sent raw: /%C3%A9%20x#f',
      'The request-target contains a literal `#`: browsers and curl drop the fragment, this simulation sends it.',
    ]);
  });

  it('a target starting with # gets `/` first', () => {
    const r = parseClientRequest(sim('http://a.com#f'));
    expect(r.ok && r.value.request.requestURI).toBe('/#f');
  });
});
