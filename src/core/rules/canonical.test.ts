// Cases modelled on request_decorator_test.go, mux_test.go (routing path) and Go's net/url and
// net/http behaviour for ParseQuery and CanonicalHeaderKey, written anew.
import { describe, expect, it } from 'vitest';
import { buildRoutingRequest, canonicalHeaderKey, canonicalHost, decoratorParseHost, goSplitHostPort, muxParseHost, parseQuery, routingPath } from './canonical.ts';

describe('canonicalHost', () => {
  it.each([
    { desc: 'lower-cases and drops the port', host: 'Example.COM:8080', want: 'example.com' },
    { desc: 'plain host', host: 'example.com', want: 'example.com' },
    { desc: 'IPv6 with port', host: '[::1]:8443', want: '::1' },
    { desc: 'IPv6 in brackets without port', host: '[::1]', want: '::1' },
    { desc: 'bare IPv6 is kept', host: '10::10', want: '10::10' },
    { desc: 'spaces are trimmed', host: ' example.com ', want: 'example.com' },
    { desc: 'trailing dot is kept', host: 'example.com.', want: 'example.com.' },
    { desc: 'empty host', host: '', want: '' },
    { desc: 'empty port', host: 'example.com:', want: 'example.com' },
    { desc: 'Go TrimSpace trims U+0085 but not U+FEFF', host: '\u0085a.com\uFEFF', want: 'a.com\uFEFF' },
  ])('$desc', ({ host, want }) => expect(canonicalHost(host)).toBe(want));
});

describe('goSplitHostPort', () => {
  // net/ipsock.go SplitHostPort; the error text is AddrError's "address <addr>: <why>".
  it.each([
    { desc: 'host and port', in: 'a.com:80', want: { ok: true, host: 'a.com', port: '80' } },
    { desc: 'bracketed IPv6', in: '[::1]:80', want: { ok: true, host: '::1', port: '80' } },
    { desc: 'empty host', in: ':80', want: { ok: true, host: '', port: '80' } },
    { desc: 'empty port', in: 'a.com:', want: { ok: true, host: 'a.com', port: '' } },
    { desc: 'bracketed host with a zone', in: '[fe80::1%eth0]:443', want: { ok: true, host: 'fe80::1%eth0', port: '443' } },
    { desc: 'missing port', in: 'a.com', want: { ok: false, error: 'address a.com: missing port in address' } },
    { desc: 'too many colons', in: '::1', want: { ok: false, error: 'address ::1: too many colons in address' } },
    { desc: 'too many colons, host:port:port', in: 'a:b:c', want: { ok: false, error: 'address a:b:c: too many colons in address' } },
    { desc: "missing ']'", in: '[::1:80', want: { ok: false, error: "address [::1:80: missing ']' in address" } },
    { desc: 'brackets without port', in: '[::1]', want: { ok: false, error: 'address [::1]: missing port in address' } },
    { desc: 'junk after bracket', in: '[::1]x:80', want: { ok: false, error: 'address [::1]x:80: missing port in address' } },
    { desc: 'two colons after the bracket', in: '[::1]::80', want: { ok: false, error: 'address [::1]::80: too many colons in address' } },
    { desc: "unexpected '[' in a plain host", in: 'a[b:80', want: { ok: false, error: "address a[b:80: unexpected '[' in address" } },
    { desc: "second '[' inside brackets", in: '[a[b]:80', want: { ok: false, error: "address [a[b]:80: unexpected '[' in address" } },
    { desc: "unexpected ']' in a plain host", in: 'a]b:80', want: { ok: false, error: "address a]b:80: unexpected ']' in address" } },
    { desc: "']' first", in: ']a:80', want: { ok: false, error: "address ]a:80: unexpected ']' in address" } },
    { desc: "']' in the port", in: '[a]:8]0', want: { ok: false, error: "address [a]:8]0: unexpected ']' in address" } },
  ])('$desc', ({ in: input, want }) => expect(goSplitHostPort(input)).toEqual(want));
});

describe('the two parseHost functions', () => {
  // request_decorator.go parseHost: SplitHostPort, else strip [ ] when both are there; mux's parseHost only drops a port.
  it.each([
    { in: 'a.com', decorator: 'a.com', mux: 'a.com' },
    { in: 'a.com:8080', decorator: 'a.com', mux: 'a.com' },
    { in: '[::1]:8443', decorator: '::1', mux: '::1' },
    { in: '[::1]', decorator: '::1', mux: '[::1]' },
    { in: '::1', decorator: '::1', mux: '::1' },
    { in: '[::1', decorator: '[::1', mux: '[::1' },
    { in: '::1]', decorator: '::1]', mux: '::1]' },
    { in: '[a]', decorator: '[a]', mux: '[a]' },
  ])('$in', ({ in: input, decorator, mux }) => {
    expect(decoratorParseHost(input)).toBe(decorator);
    expect(muxParseHost(input)).toBe(mux);
  });
});

describe('routingPath', () => {
  it.each([
    { desc: 'no escapes', in: '/foo/bar', want: '/foo/bar' },
    { desc: 'space decoded', in: '/foo%20bar', want: '/foo bar' },
    { desc: 'encoded slash kept', in: '/foo%2Fbar', want: '/foo%2Fbar' },
    { desc: 'encoded percent kept', in: '/100%25', want: '/100%25' },
    { desc: 'every reserved escape kept', in: '/%3A%2F%3F%23%5B%5D%40%21%24%26%27%28%29%2A%2B%2C%3B%3D%25', want: '/%3A%2F%3F%23%5B%5D%40%21%24%26%27%28%29%2A%2B%2C%3B%3D%25' },
    { desc: 'lower-case reserved escape is decoded (the entryPoint upper-cases first)', in: '/a%2fb', want: '/a/b' },
    { desc: 'unreserved letter decoded', in: '/%41', want: '/A' },
    { desc: 'multi-byte UTF-8 decoded bytewise', in: '/caf%C3%A9', want: '/café' },
    { desc: 'invalid UTF-8 byte', in: '/%FF', want: '/\uFFFD' },
    { desc: 'braces decoded', in: '/%7Bpath:css%7D', want: '/{path:css}' },
    { desc: 'malformed escape kept', in: '/a%zz', want: '/a%zz' },
    { desc: 'lower-case hex digits decoded', in: '/%4a%4A', want: '/JJ' },
    { desc: 'a first hex digit 0 and a last one 0', in: '/%09%30', want: '/\t0' },
    { desc: 'hex digit boundaries: 0, 9, a, f, A, F', in: '/%30%39%61%66%41%46', want: '/09afAF' },
    { desc: 'not hex: / : @ G ` g after %', in: '/%/0%:0%@0%G0%`0%g0', want: '/%/0%:0%@0%G0%`0%g0' },
    { desc: 'second digit not hex', in: '/%4g', want: '/%4g' },
    { desc: '% at the end', in: '/a%', want: '/a%' },
    { desc: '% and one digit at the end', in: '/a%4', want: '/a%4' },
    { desc: 'a literal non-ASCII character is kept', in: '/é%20', want: '/é ' },
  ])('$desc', ({ in: input, want }) => expect(routingPath(input)).toBe(want));
});

describe('parseQuery', () => {
  it.each([
    { desc: 'simple', in: 'a=1&b=2', want: { a: ['1'], b: ['2'] } },
    { desc: 'repeated key keeps order', in: 'q=traefik&q=proxy', want: { q: ['traefik', 'proxy'] } },
    { desc: 'key without value', in: 'mobile', want: { mobile: [''] } },
    { desc: 'key with empty value', in: 'mobile=', want: { mobile: [''] } },
    { desc: 'plus is a space', in: 'q=a+b', want: { q: ['a b'] } },
    { desc: 'percent escapes', in: 'q=a%26b&k%3D=v', want: { q: ['a&b'], 'k=': ['v'] } },
    { desc: 'empty pairs skipped', in: '&&a=1&', want: { a: ['1'] } },
    { desc: 'pair with semicolon dropped', in: 'a=1;b=2&c=3', want: { c: ['3'] } },
    { desc: 'malformed escape drops the pair', in: 'a=%zz&b=1', want: { b: ['1'] } },
    { desc: 'value with =', in: 'a=b=c', want: { a: ['b=c'] } },
    { desc: 'empty query', in: '', want: {} },
    { desc: 'key escape decoded, + in key', in: 'a+b%21=1', want: { 'a b!': ['1'] } },
    { desc: 'malformed escape in the key drops the pair', in: '%zz=1&b=2', want: { b: ['2'] } },
    { desc: 'truncated escape drops the pair', in: 'a=%4&b=%', want: {} },
    { desc: 'UTF-8 escapes', in: 'q=caf%C3%A9', want: { q: ['café'] } },
    { desc: 'lower-case hex', in: 'q=%2f', want: { q: ['/'] } },
    { desc: 'hex digits 0 first and last', in: 'q=%09&r=%30', want: { q: ['\t'], r: ['0'] } },
    { desc: 'key only, empty', in: '=v', want: { '': ['v'] } },
  ])('$desc', ({ in: input, want }) => expect({ ...parseQuery(input) }).toEqual(want));
});

describe('canonicalHeaderKey', () => {
  it.each([
    { in: 'x-forwarded-proto', want: 'X-Forwarded-Proto' },
    { in: 'CONTENT-TYPE', want: 'Content-Type' },
    { in: 'x_custom_header', want: 'X_custom_header' },
    { in: 'x-1abc', want: 'X-1abc' },
    { in: 'with space', want: 'with space' },
    { in: 'ünïcode', want: 'ünïcode' },
    { in: '', want: '' },
    { in: 'x-b!#$%&\'*+.^_`|~9', want: 'X-B!#$%&\'*+.^_`|~9' },
    { in: 'a-b-c', want: 'A-B-C' },
    { in: '-x', want: '-X' },
    { in: 'x:y', want: 'x:y' },
    { in: 'x/y', want: 'x/y' },
  ])('$in', ({ in: input, want }) => expect(canonicalHeaderKey(input)).toBe(want));
});

describe('buildRoutingRequest', () => {
  it('canonicalises everything the matchers read', () => {
    const r = buildRoutingRequest({
      method: 'GET',
      host: 'API.Example.com:443',
      escapedPath: '/v2/a%20b',
      rawQuery: 'q=1&q=2',
      headers: { 'x-env': 'prod', 'X-ENV': ['dev'], host: 'ignored' },
      clientIP: '10.0.0.1:5555',
    });
    expect({ ...r, headers: { ...r.headers }, query: { ...r.query } }).toEqual({
      method: 'GET',
      host: 'api.example.com',
      rawHost: 'API.Example.com:443',
      path: '/v2/a b',
      query: { q: ['1', '2'] },
      headers: { 'X-Env': ['prod', 'dev'] },
      clientIP: '10.0.0.1:5555',
    });
  });
});

describe('buildRoutingRequest on partial input', () => {
  it('reads missing parts as empty and drops a Host header in any case', () => {
    const r = buildRoutingRequest({ headers: { HOST: 'x', 'x-a': 1 as never } } as never);
    expect({ ...r, headers: { ...r.headers }, query: { ...r.query } }).toEqual({ method: '', host: '', rawHost: '', path: '', query: {}, headers: { 'X-A': ['1'] }, clientIP: '' });
    const none = buildRoutingRequest({ method: 'GET', host: 'a', escapedPath: '/', rawQuery: '', clientIP: '' } as never);
    expect({ ...none.headers }).toEqual({});
  });
});
