import { describe, expect, it } from 'vitest';
import { cleanPath, escapedPath, joinPath, pathUnescape, queryEscape, requestURI, unescapeError, withEscapedPath } from './go-url.ts';
import { compileGoRegexp, findStringSubmatch, matchString, replaceAllString } from './go-regexp.ts';

const u = (path: string, rawPath = '', rawQuery = '') => ({ path, rawPath, rawQuery, forceQuery: false });

describe('net/url', () => {
  it.each([
    ['/a/../b//c/', '/b/c'],
    ['/../a', '/a'],
    ['', '.'],
    ['a/./b', 'a/b'],
    ['/a/b/..', '/a'],
  ])('path.Clean(%s) = %s', (input, expected) => expect(cleanPath(input)).toBe(expected));

  it.each([
    ['/a/../b//c/', '/b/c/'],
    ['/a/./b', '/a/b'],
    ['//', '/'],
    ['/', '/'],
    ['/x/%2E%2E/y', '/x/%2E%2E/y'],
  ])('JoinPath keeps one trailing slash: %s → %s', (p, expected) => {
    const set = withEscapedPath(p)!;
    expect(escapedPath(joinPath({ ...set, rawQuery: '', forceQuery: false }))).toBe(expected);
  });

  it('setPath keeps RawPath only when the encoding is not the default', () => {
    expect(withEscapedPath('/a%20b')).toEqual({ path: '/a b', rawPath: '' });
    expect(withEscapedPath('/a%2Fb')).toEqual({ path: '/a/b', rawPath: '/a%2Fb' });
    expect(withEscapedPath('/%7Efoo')).toEqual({ path: '/~foo', rawPath: '/%7Efoo' });
    expect(withEscapedPath('/a%zz')).toBeUndefined();
  });

  it('EscapedPath falls back to escaping Path when RawPath is not a valid encoding of it', () => {
    expect(escapedPath(u('/a b'))).toBe('/a%20b');
    expect(escapedPath(u('/a/b', '/a%2Fb'))).toBe('/a%2Fb');
    expect(escapedPath(u('/x', '/a%2Fb'))).toBe('/x');
    expect(escapedPath(u('/a?b'))).toBe('/a%3Fb');
  });

  it('RequestURI', () => {
    expect(requestURI(u('', '', ''))).toBe('/');
    expect(requestURI(u('/a', '', 'x=1'))).toBe('/a?x=1');
    expect(requestURI({ ...u('/a'), forceQuery: true })).toBe('/a?');
  });

  it('unescape and its errors', () => {
    expect(pathUnescape('/caf%C3%A9')).toBe('/café');
    expect(pathUnescape('/a+b')).toBe('/a+b');
    expect(unescapeError('/a%zz')).toBe('invalid URL escape "%zz"');
    expect(unescapeError('/a%2')).toBe('invalid URL escape "%2"');
    expect(queryEscape('http://h/p?a=1&b')).toBe('http%3A%2F%2Fh%2Fp%3Fa%3D1%26b');
  });
});

describe('regexp', () => {
  it('compiles Go syntax and rejects what RE2 rejects', () => {
    expect(compileGoRegexp('(?P<rest>.*)').ok).toBe(true);
    expect(compileGoRegexp('(?i)^/API').ok).toBe(true);
    expect(compileGoRegexp('(?=x)').ok).toBe(false);
    expect(compileGoRegexp('(a)\\1').ok).toBe(false);
  });

  it('MatchString is unanchored', () => {
    expect(matchString(compileGoRegexp('api'), '/v1/api/x')).toBe(true);
    expect(matchString(compileGoRegexp('^api'), '/api')).toBe(false);
  });

  it('FindStringSubmatch returns the leftmost match', () => {
    expect(findStringSubmatch(compileGoRegexp('/(a+)'), '/b/aa')).toEqual(['/aa', 'aa']);
    expect(findStringSubmatch(compileGoRegexp('x(y)?'), 'x')).toEqual(['x', '']);
  });

  it.each([
    ['^/api/(.*)', '/api/users', '/v2/$1', '/v2/users'],
    ['^/api/(?P<rest>.*)', '/api/users', '/v2/${rest}', '/v2/users'],
    ['^/(a)', '/ab', '/$1x', '/b'],
    ['^/(a)', '/ab', '/${1}x', '/axb'],
    ['b', 'abcb', '$$', 'a$c$'],
    ['x*', 'abc', '-', '-a-b-c-'],
    ['a|', 'baaac', '-', '-b---c-'],
  ])('ReplaceAllString(%s, %s, %s) = %s', (re, src, tpl, expected) => {
    expect(replaceAllString(compileGoRegexp(re), src, tpl)).toBe(expected);
  });
});
