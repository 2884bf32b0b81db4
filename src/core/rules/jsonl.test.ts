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
});

describe('splitRequestUrl', () => {
  it.each([
    { url: 'https://user@a.com:8443/p?q=1#frag', want: { host: 'a.com:8443', escapedPath: '/p', rawQuery: 'q=1' } },
    { url: 'http://[::1]/', want: { host: '[::1]', escapedPath: '/', rawQuery: '' } },
    { url: 'http://a.com', want: { host: 'a.com', escapedPath: '/', rawQuery: '' } },
    { url: 'http://a.com?x', want: { host: 'a.com', escapedPath: '/', rawQuery: 'x' } },
    { url: 'http://a/caf\u00e9', want: { host: 'a', escapedPath: '/caf%C3%A9', rawQuery: '' } },
  ])('$url', ({ url, want }) => expect(splitRequestUrl(url, {})).toEqual(want));
});
