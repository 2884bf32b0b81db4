// A witness under construction and the request it becomes: the URL as a client sends it (RFC 3986 path
// characters raw, the rest percent-encoded as UTF-8; the query as Go's url.Values.Encode writes it) and the
// request as Traefik's matchers see it (traefik-semantics §1.4: only `%`, `?` and `#` stay encoded).
import { describe, expect, it } from 'vitest';
import { astHolds, BASE_DRAFT, litHolds, rawQueryOf, routingRequestOf, toSimRequest, withDim, type Draft } from './draft.ts';
import { disjuncts } from './literals.ts';
import { parseRule } from '../rules/index.ts';

const lit = (rule: string) => disjuncts(rule, 'v3').conjunctions[0]![0]!;

describe('withDim', () => {
  const d: Draft = { ...BASE_DRAFT, headers: { 'X-A': ['1'], 'X-B': ['2'] }, query: [['a', '1'], ['b', '2'], ['a', '3']] };
  it.each<[string, Parameters<typeof withDim>[2], Partial<Draft>]>([
    ['host', 'a.com', { host: 'a.com' }],
    ['path', '/x', { path: '/x' }],
    ['method', 'PUT', { method: 'PUT' }],
    ['ip', '10.0.0.1', { clientIP: '10.0.0.1' }],
    ['header:X-A', '9', { headers: { 'X-A': ['9'], 'X-B': ['2'] } }],
    ['header:X-C', ['1', '2'], { headers: { 'X-A': ['1'], 'X-B': ['2'], 'X-C': ['1', '2'] } }],
    ['header:X-A', null, { headers: { 'X-B': ['2'] } }],
    ['query:a', '9', { query: [['b', '2'], ['a', '9']] }],
    ['query:a', ['x', 'y'], { query: [['b', '2'], ['a', 'x'], ['a', 'y']] }],
    ['query:b', null, { query: [['a', '1'], ['a', '3']] }],
    ['query:c', '', { query: [['a', '1'], ['b', '2'], ['a', '3'], ['c', '']] }],
    ['other', 'x', {}],
  ])('%s = %j', (dim, value, changed) => {
    const before = structuredClone(d);
    expect(withDim(d, dim, value)).toEqual({ ...d, ...changed });
    expect(d).toEqual(before);
  });
});

describe('toSimRequest', () => {
  it.each<[Partial<Draft>, 'http' | 'https', string]>([
    [{}, 'http', 'http://witness.example/'],
    [{ host: 'a.com', path: '/a b/é' }, 'https', 'https://a.com/a%20b/%C3%A9'],
    [{ path: "/-._~!$&'()*+,;=:@[]" }, 'http', "http://witness.example/-._~!$&'()*+,;=:@[]"],
    [{ path: '/%?#"<>\\^`{|}' }, 'http', 'http://witness.example/%25%3F%23%22%3C%3E%5C%5E%60%7B%7C%7D'],
    [{ path: '/\t\u007f' }, 'http', 'http://witness.example/%09%7F'],
    [{ host: '2001:db8::1' }, 'http', 'http://[2001:db8::1]/'],
    [{ host: '[2001:db8::1]' }, 'http', 'http://[2001:db8::1]/'],
    [{ query: [['a', '1'], ['b c', "x y!'()*~-_."], ['a', '']] }, 'http', "http://witness.example/?a=1&b+c=x+y%21%27%28%29%2A~-_.&a="],
    [{ query: [['k', 'é&=/?#%+']] }, 'http', 'http://witness.example/?k=%C3%A9%26%3D%2F%3F%23%25%2B'],
  ])('%j over %s', (over, scheme, url) => {
    expect(toSimRequest({ ...BASE_DRAFT, ...over }, { scheme }).url).toBe(url);
  });

  it('headers with one value as a string, several as a list; method, client and entryPoint', () => {
    const draft: Draft = { ...BASE_DRAFT, method: 'PATCH', clientIP: '10.0.0.9', headers: { 'X-A': ['1'], 'X-B': ['1', '2'] } };
    expect(toSimRequest(draft, { scheme: 'https', entryPoint: 'websecure' })).toEqual({
      method: 'PATCH', url: 'https://witness.example/', headers: { 'X-A': '1', 'X-B': ['1', '2'] }, clientIP: '10.0.0.9', entryPoint: 'websecure',
    });
    expect('entryPoint' in toSimRequest(draft, { scheme: 'http' })).toBe(false);
  });

  it('rawQueryOf keeps the draft order', () => {
    expect(rawQueryOf({ ...BASE_DRAFT, query: [['z', '1'], ['a', '2']] })).toBe('z=1&a=2');
    expect(rawQueryOf(BASE_DRAFT)).toBe('');
  });
});

describe('routingRequestOf', () => {
  it('the request as matchers see it', () => {
    const draft: Draft = { ...BASE_DRAFT, path: '/a%b?c#d é', query: [['a', '1'], ['b', '2'], ['a', '3']], headers: { 'X-A': ['1'] } };
    expect(routingRequestOf(draft)).toEqual({
      method: 'GET', host: 'witness.example', path: '/a%25b%3Fc%23d é', query: { a: ['1', '3'], b: ['2'] }, headers: { 'X-A': ['1'] },
      clientIP: '203.0.113.7', rawHost: 'witness.example',
    });
    expect(routingRequestOf({ ...BASE_DRAFT, host: '::1' }).rawHost).toBe('[::1]');
  });
});

describe('litHolds and astHolds', () => {
  it.each<[string, Partial<Draft>, boolean]>([
    ['PathPrefix(`/api`)', { path: '/api/x' }, true],
    ['PathPrefix(`/api`)', { path: '/ap' }, false],
    ['!PathPrefix(`/api`)', { path: '/api/x' }, false],
    ['!PathPrefix(`/api`)', { path: '/ap' }, true],
    ['Path(`/a%3Fb`)', { path: '/a?b' }, true],
    ['Query(`a`, `3`)', { query: [['a', '1'], ['a', '3']] }, true],
    ['Header(`X-A`, `2`)', { headers: { 'X-A': ['1', '2'] } }, true],
  ])('%s on %j', (rule, over, holds) => {
    expect(litHolds(lit(rule), { ...BASE_DRAFT, ...over })).toBe(holds);
    expect(astHolds(parseRule(rule, 'v3').ast, { ...BASE_DRAFT, ...over })).toBe(holds);
  });

  it('a missing or broken rule holds for nothing', () => {
    expect(astHolds(null, BASE_DRAFT)).toBe(false);
    expect(astHolds({ type: 'and' }, BASE_DRAFT)).toBe(false);
  });

  it('evaluates for the given Traefik version', () => {
    // A `*.` first label is a wildcard from Traefik v3.7.0 (traefik-semantics §1); before, it was compared literally.
    const ast = parseRule('Host(`*.example.com`)', 'v3').ast;
    const draft = { ...BASE_DRAFT, host: 'a.example.com' };
    expect(astHolds(ast, draft, { syntax: 'v3', target: 'v3', version: '3.7.0' })).toBe(true);
    expect(astHolds(ast, draft, { syntax: 'v3', target: 'v3', version: '3.6.0' })).toBe(false);
  });
});
