// Go's net/textproto CanonicalMIMEHeaderKey (rows of textproto's TestCanonicalMIMEHeaderKey), http.Header's
// Get/Values/Set/Add/Del, http.StatusText, http.Error and http.Redirect, written out.
import { describe, expect, it } from 'vitest';
import {
  addHeader, canonicalKey, cloneHeaders, delHeader, getHeader, headerMap, headersToJson, headerValues, httpError, httpRedirect,
  notFound, setHeader, statusBody, statusText,
} from './go-http.ts';

describe('textproto.CanonicalMIMEHeaderKey', () => {
  it.each([
    ['a-b-c', 'A-B-C'],
    ['a-1-c', 'A-1-C'],
    ['User-Agent', 'User-Agent'],
    ['uSER-aGENT', 'User-Agent'],
    ['user-agent', 'User-Agent'],
    ['USER-AGENT', 'User-Agent'],
    ['foo-bar_baz', 'Foo-Bar_baz'],
    ['foo-bar$baz', 'Foo-Bar$baz'],
    ['foo-bar~baz', 'Foo-Bar~baz'],
    ['foo-bar*baz', 'Foo-Bar*baz'],
    ['-foo', '-Foo'],
    ['foo-', 'Foo-'],
    ['www-authenticate', 'Www-Authenticate'],
    ['x-forwarded-for', 'X-Forwarded-For'],
    // Not a valid token: returned unchanged.
    ['üser-agenT', 'üser-agenT'],
    ['a B', 'a B'],
    ['C Ontent-Transfer-Encoding', 'C Ontent-Transfer-Encoding'],
    ['foo bar', 'foo bar'],
    ['foo:bar', 'foo:bar'],
    ['', ''],
  ])('%s → %s', (key, expected) => {
    expect(canonicalKey(key)).toBe(expected);
  });
});

describe('http.Header', () => {
  it('headerMap canonicalises and merges spellings, values in order', () => {
    expect(headerMap({ 'x-a': '1', 'X-A': ['2', '3'], b: '4' })).toEqual({ 'X-A': ['1', '2', '3'], B: ['4'] });
    expect(headerMap(undefined)).toEqual({});
  });

  it('Get is the first value or empty; Values all of them (any spelling of the name)', () => {
    const h = { 'X-A': ['1', '2'] };
    expect(getHeader(h, 'x-a')).toBe('1');
    expect(getHeader(h, 'X-B')).toBe('');
    expect(getHeader({ 'X-A': [] }, 'X-A')).toBe('');
    expect(headerValues(h, 'x-A')).toEqual(['1', '2']);
    expect(headerValues(h, 'x-b')).toEqual([]);
  });

  it('Set replaces, Add appends, Del removes (canonical names)', () => {
    const h: Record<string, string[]> = { 'X-A': ['1', '2'] };
    setHeader(h, 'x-a', '3');
    expect(h).toEqual({ 'X-A': ['3'] });
    addHeader(h, 'x-a', '4');
    addHeader(h, 'x-new', '5');
    expect(h).toEqual({ 'X-A': ['3', '4'], 'X-New': ['5'] });
    delHeader(h, 'X-A');
    expect(h).toEqual({ 'X-New': ['5'] });
  });

  it('a clone does not share value lists', () => {
    const h = { 'X-A': ['1'] };
    const c = cloneHeaders(h);
    c['X-A']!.push('2');
    expect(h).toEqual({ 'X-A': ['1'] });
    expect(c).toEqual({ 'X-A': ['1', '2'] });
  });

  it('headersToJson: sorted names, one value as a string, several as a list', () => {
    const json = headersToJson({ 'X-B': ['1', '2'], 'X-A': ['1'] });
    expect(json).toEqual({ 'X-A': '1', 'X-B': ['1', '2'] });
    expect(Object.keys(json)).toEqual(['X-A', 'X-B']);
  });
});

describe('http.StatusText, http.Error, http.Redirect', () => {
  it.each([
    [200, 'OK'], [301, 'Moved Permanently'], [302, 'Found'], [307, 'Temporary Redirect'], [308, 'Permanent Redirect'],
    [400, 'Bad Request'], [401, 'Unauthorized'], [403, 'Forbidden'], [404, 'Not Found'], [405, 'Method Not Allowed'],
    [413, 'Request Entity Too Large'], [418, "I'm a teapot"], [421, 'Misdirected Request'], [429, 'Too Many Requests'],
    [500, 'Internal Server Error'], [502, 'Bad Gateway'], [503, 'Service Unavailable'], [504, 'Gateway Timeout'],
    [299, ''], [600, ''], [0, ''],
  ])('StatusText(%i) = %j', (code, text) => {
    expect(statusText(code)).toBe(text);
  });

  it('http.Error: text and a newline, plain text, nosniff; NotFoundHandler', () => {
    expect(httpError('Bad Host', 500)).toEqual({ status: 500, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' }, body: 'Bad Host\n' });
    expect(notFound()).toEqual({ status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' }, body: '404 page not found\n' });
    expect(statusBody(403)).toEqual({ status: 403, headers: {}, body: 'Forbidden' });
  });

  it('http.Redirect: body for GET only, content type for GET and HEAD', () => {
    expect(httpRedirect('GET', 'https://a.com/x?a=1&b=2', 301)).toEqual({
      status: 301, headers: { Location: 'https://a.com/x?a=1&b=2', 'Content-Type': 'text/html; charset=utf-8' }, body: '<a href="https://a.com/x?a=1&amp;b=2">Moved Permanently</a>.\n\n',
    });
    expect(httpRedirect('HEAD', 'https://a.com/', 302)).toEqual({ status: 302, headers: { Location: 'https://a.com/', 'Content-Type': 'text/html; charset=utf-8' }, body: '' });
    expect(httpRedirect('PUT', 'https://a.com/', 307)).toEqual({ status: 307, headers: { Location: 'https://a.com/' }, body: '' });
    expect(httpRedirect('GET', 'https://a.com/日', 302).headers['Location']).toBe('https://a.com/%E6%97%A5');
  });
});
