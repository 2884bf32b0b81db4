// The CLI's `rules --jsonl` line protocol.
import { describe, expect, it } from 'vitest';
import { runRulesJsonlLine, splitRequestUrl } from './jsonl.ts';

const line = (o: unknown) => JSON.parse(runRulesJsonlLine(JSON.stringify(o))) as { result: string; error?: string };

describe('runRulesJsonlLine', () => {
  it.each([
    { desc: 'README example', input: { rule: 'Host(`a.com`) && PathPrefix(`/api`)', request: { url: 'http://a.com/api/x' } }, result: 'match' },
    { desc: 'no match', input: { rule: 'Host(`a.com`)', request: { url: 'http://b.com/' } }, result: 'nomatch' },
    { desc: 'v2 syntax', input: { rule: 'Host(`a.com`, `b.com`)', syntax: 'v2', request: { url: 'http://b.com/' } }, result: 'match' },
    { desc: 'v2 rule under v3 is an error', input: { rule: 'Host(`a.com`, `b.com`)', request: { url: 'http://b.com/' } }, result: 'error' },
    { desc: 'method and headers', input: { rule: 'Method(`POST`) && Header(`X-Env`, `prod`)', request: { method: 'POST', url: 'http://a/', headers: { 'x-env': 'prod' } } }, result: 'match' },
    { desc: 'header lists', input: { rule: 'Header(`X-Env`, `b`)', request: { url: 'http://a/', headers: { 'X-Env': ['a', 'b'] } } }, result: 'match' },
    { desc: 'client IP', input: { rule: 'ClientIP(`10.0.0.0/8`)', request: { url: 'http://a/', clientIP: '10.1.2.3' } }, result: 'match' },
    { desc: 'origin-form with Host header', input: { rule: 'Host(`a.com`) && Query(`q`, `1`)', request: { url: '/x?q=1', headers: { Host: 'a.com' } } }, result: 'match' },
    { desc: 'escaped path', input: { rule: 'Path(`/a b`)', request: { url: 'http://a/a%20b' } }, result: 'match' },
    { desc: 'unescaped space in the URL', input: { rule: 'Path(`/a b`)', request: { url: 'http://a/a b' } }, result: 'match' },
    { desc: 'invalid escape', input: { rule: 'Path(`/`)', request: { url: 'http://a/%zz' } }, result: 'error' },
    { desc: 'missing rule', input: { request: { url: 'http://a/' } }, result: 'error' },
    { desc: 'version option', input: { rule: 'Host(`*`)', version: '3.7.3', request: { url: 'http://a.com/' } }, result: 'nomatch' },
  ])('$desc', ({ input, result }) => expect(line(input).result).toBe(result));

  it('reports the rule error with its code and offset', () => {
    expect(line({ rule: 'Host(`a`) &&', request: { url: 'http://a/' } }).error).toMatch(/^RULE_SYNTAX at offset 12: /);
  });

  it('rejects lines that are not JSON', () => {
    expect(JSON.parse(runRulesJsonlLine('{nope'))).toMatchObject({ result: 'error' });
  });

  it.each([
    { desc: 'null', text: 'null', out: { result: 'error', error: 'each line needs a "rule" string' } },
    { desc: 'an array', text: '[1]', out: { result: 'error', error: 'each line needs a "rule" string' } },
    { desc: 'a string', text: '"x"', out: { result: 'error', error: 'each line needs a "rule" string' } },
    { desc: 'a rule that is not a string', text: '{"rule":1}', out: { result: 'error', error: 'each line needs a "rule" string' } },
    { desc: 'a relative path', text: '{"rule":"Host(`a`)","request":{"url":"a/b"}}', out: { result: 'error', error: 'the URL path "a/b" must start with /' } },
    { desc: 'a bad escape', text: '{"rule":"Host(`a`)","request":{"url":"http://a/%zz"}}', out: { result: 'error', error: 'invalid URL escape in "/%zz"' } },
    { desc: 'an escape cut short', text: '{"rule":"Host(`a`)","request":{"url":"http://a/%4"}}', out: { result: 'error', error: 'invalid URL escape in "/%4"' } },
    { desc: 'syntax other than v2 is v3', text: '{"rule":"Host(`a`, `b`)","syntax":"V2","request":{"url":"http://b/"}}', out: { result: 'error', error: 'RULE_ARITY at offset 10: Host takes exactly 1 argument in v3 syntax, got 2; to accept several values write Host(`a.example.com`) || Host(`b.example.com`).' } },
    { desc: 'method defaults to GET', text: '{"rule":"Method(`GET`)","request":{"url":"http://a/"}}', out: { result: 'match' } },
    { desc: 'a method that is not a string is GET', text: '{"rule":"Method(`GET`)","request":{"method":5,"url":"http://a/"}}', out: { result: 'match' } },
    { desc: 'a request that is not an object', text: '{"rule":"Host(`a`)","request":"x"}', out: { result: 'nomatch' } },
    { desc: 'no request: GET / without a host', text: '{"rule":"Host(`a`)"}', out: { result: 'nomatch' } },
    { desc: 'a URL that is not a string is /', text: '{"rule":"Host(`a`) && Path(`/`)","request":{"url":5,"headers":{"Host":"a"}}}', out: { result: 'match' } },
    { desc: 'a client IP that is not a string is empty', text: '{"rule":"ClientIP(`1.1.1.1`)","request":{"url":"http://a/","clientIP":5}}', out: { result: 'nomatch' } },
    { desc: 'header values are strings', text: '{"rule":"Header(`X`, `1`)","request":{"url":"http://a/","headers":{"X":1}}}', out: { result: 'match' } },
    { desc: 'header value lists are strings', text: '{"rule":"Header(`X`, `2`)","request":{"url":"http://a/","headers":{"X":[1,2]}}}', out: { result: 'match' } },
    { desc: 'headers that are not an object are none', text: '{"rule":"Header(`X`, `1`)","request":{"url":"http://a/","headers":"X: 1"}}', out: { result: 'nomatch' } },
    { desc: 'target v2.11 has no wildcard', text: '{"rule":"Host(`*.a.com`)","target":"v2.11","request":{"url":"http://x.a.com/"}}', out: { result: 'nomatch' } },
    { desc: 'target v3', text: '{"rule":"Host(`*.a.com`)","target":"v3","request":{"url":"http://x.a.com/"}}', out: { result: 'match' } },
    { desc: 'target hub', text: '{"rule":"Host(`*.a.com`)","target":"hub","request":{"url":"http://x.a.com/"}}', out: { result: 'match' } },
    { desc: 'an unknown target is ignored, the version is not', text: '{"rule":"Host(`*.a.com`)","target":"v9","version":"3.6.0","request":{"url":"http://x.a.com/"}}', out: { result: 'nomatch' } },
    { desc: 'a version that is not a string is ignored', text: '{"rule":"Host(`*`)","version":3.6,"request":{"url":"http://a.b/"}}', out: { result: 'match' } },
  ])('$desc', ({ text, out }) => expect(JSON.parse(runRulesJsonlLine(text))).toEqual(out));
});

describe('splitRequestUrl', () => {
  it.each([
    { url: 'https://user@a.com:8443/p?q=1#frag', want: { host: 'a.com:8443', escapedPath: '/p', rawQuery: 'q=1' } },
    { url: 'http://[::1]/', want: { host: '[::1]', escapedPath: '/', rawQuery: '' } },
    { url: 'http://a.com', want: { host: 'a.com', escapedPath: '/', rawQuery: '' } },
    { url: 'http://a.com?x', want: { host: 'a.com', escapedPath: '/', rawQuery: 'x' } },
    { url: 'http://a/caf\u00e9', want: { host: 'a', escapedPath: '/caf%C3%A9', rawQuery: '' } },
    { url: 'HTTPS://a.com', want: { host: 'a.com', escapedPath: '/', rawQuery: '' } },
    { url: 'h2c+x.y-z://a.com/', want: { host: 'a.com', escapedPath: '/', rawQuery: '' } },
    { url: 'http://u:p@a.com@b.com:8/x', want: { host: 'b.com:8', escapedPath: '/x', rawQuery: '' } },
    { url: 'http://a.com/p?q#f?x', want: { host: 'a.com', escapedPath: '/p', rawQuery: 'q' } },
    { url: 'http://a.com?', want: { host: 'a.com', escapedPath: '/', rawQuery: '' } },
    { url: '1http://a.com/', want: { error: 'the URL path "1http://a.com/" must start with /' } },
    { url: 'x?y', want: { error: 'the URL path "x" must start with /' } },
    { url: 'http://a/%', want: { error: 'invalid URL escape in "/%"' } },
    { url: '/a%2f%C3%A9 b"<>{}|\\^`\u00fc[]', want: { host: '', escapedPath: '/a%2f%C3%A9%20b%22%3C%3E%7B%7D%7C%5C%5E%60%C3%BC[]', rawQuery: '' } },
    { url: "/!$&'()*+,;=:@~._-", want: { host: '', escapedPath: "/!$&'()*+,;=:@~._-", rawQuery: '' } },
  ])('$url', ({ url, want }) => expect(splitRequestUrl(url, {})).toEqual(want));

  it.each<{ desc: string; url: string; headers: Record<string, string | string[]>; want: unknown }>([
    { desc: 'the Host header of an origin-form URL', url: '/x?y=1', headers: { Host: 'h' }, want: { host: 'h', escapedPath: '/x', rawQuery: 'y=1' } },
    { desc: 'any case of Host', url: '/x', headers: { HOST: 'h' }, want: { host: 'h', escapedPath: '/x', rawQuery: '' } },
    { desc: 'the first of several Host values', url: '', headers: { host: ['h1', 'h2'] }, want: { host: 'h1', escapedPath: '/', rawQuery: '' } },
    { desc: 'an empty Host list', url: '?q=1', headers: { Host: [] }, want: { host: '', escapedPath: '/', rawQuery: 'q=1' } },
    { desc: 'the authority wins over a Host header', url: 'http://a.com/', headers: { Host: 'h' }, want: { host: 'a.com', escapedPath: '/', rawQuery: '' } },
  ])('$desc', ({ url, headers, want }) => expect(splitRequestUrl(url, headers)).toEqual(want));
});
