// Quick-pick sample requests (no Traefik counterpart): each matcher of pkg/muxer/http/matcher.go (v3) and
// matcher_v2.go (v2) gives the value it requires; negated Host/Path values are avoided; one sample per
// alternative of the rule, at most four. Expected requests written out.
import { describe, expect, it } from 'vitest';
import type { DynamicRouter } from '../types.ts';
import { compileRouting } from './compile.ts';
import { baseSettings, config, router } from './fixtures.ts';
import { exampleFromPattern, sampleRequests } from './sample.ts';
import { simulate } from './simulate.ts';

const v3 = (rule: string, over: Parameters<typeof router>[2] = {}) => router('r@kubernetescrd', rule, over);
const v2 = (rule: string) => ({ ...router('r@kubernetescrd', rule), ruleSyntax: 'v2' as const });
const urls = (r: DynamicRouter) => sampleRequests(r).map((s) => s.url);

describe('sampleRequests: one matcher at a time', () => {
  it.each<[string, DynamicRouter, string]>([
    ['Host, lower-cased, trailing dot dropped', v3('Host(`A.com.`)'), 'http://a.com/'],
    ['Host(`*`)', v3('Host(`*`)'), 'http://example.com/'],
    ['a wildcard Host', v3('Host(`*.b.com`)'), 'http://www.b.com/'],
    ['the first of several hosts', v3('Host(`a.com`, `b.com`)'), 'http://a.com/'],
    ['the first Host of a conjunction wins', v3('Host(`a.com`) && Host(`b.com`)'), 'http://a.com/'],
    ['v2 HostHeader', v2('HostHeader(`h.com`)'), 'http://h.com/'],
    ['HostRegexp, lower-cased', v3('HostRegexp(`^API\\.example\\.com$`)'), 'http://api.example.com/'],
    ['a HostRegexp too clever: the default host', v3('HostRegexp(`^a(?=b)$`)'), 'http://example.com/'],
    ['v3 Path as written', v3('Path(`/users/{id}`)'), 'http://example.com/users/{id}'],
    ['v2 Path template', v2('Path(`/users/{id:[0-9]+}`)'), 'http://example.com/users/1'],
    ['v2 PathPrefix without its slash', v2('PathPrefix(`{p:api}`)'), 'http://example.com/api'],
    ['v2 PathPrefix too clever: as written', v2('PathPrefix(`/a(?=b)`)'), 'http://example.com/a(?=b)'],
    ['PathRegexp', v3('PathRegexp(`^/api/v[0-9]+/`)'), 'http://example.com/api/v1/'],
    ['the first Path of a conjunction wins', v3('Path(`/a`) && PathPrefix(`/b`)'), 'http://example.com/a'],
    ['v3 Query with a value, escaped', v3('Query(`a b`, `c d`)'), 'http://example.com/?a%20b=c%20d'],
    ['v3 Query without a value', v3('Query(`flag`)'), 'http://example.com/?flag='],
    ['v3 QueryRegexp', v3('QueryRegexp(`n`, `^[0-9]+$`)'), 'http://example.com/?n=1'],
    ['v3 QueryRegexp too clever', v3('QueryRegexp(`n`, `^a(?=b)$`)'), 'http://example.com/?n=1'],
    ['v2 Query pairs, an empty or templated value becomes 1', v2('Query(`a=b`, `c=`, `id={id:[0-9]+}`)'), 'http://example.com/?a=b&c=1&id=1'],
    ['TLS router: https', v3('Host(`a.com`)', { tls: true }), 'https://a.com/'],
    ['a rule that does not parse: the defaults', v3('Host(`a.com`'), 'http://example.com/'],
  ])('%s', (_desc, r, url) => {
    expect(urls(r)).toEqual([url]);
  });

  it.each<[string, DynamicRouter, Partial<ReturnType<typeof sampleRequests>[number]>]>([
    ['Method, upper-cased', v3('Method(`post`)'), { method: 'POST' }],
    ['the last Method of a conjunction wins', v3('Method(`GET`) && Method(`PUT`)'), { method: 'PUT' }],
    ['Header', v3('Header(`X-A`, `1`)'), { headers: { 'X-A': '1' } }],
    ['HeaderRegexp', v3('HeaderRegexp(`X-A`, `^v[0-9]$`)'), { headers: { 'X-A': 'v1' } }],
    ['HeaderRegexp too clever', v3('HeaderRegexp(`X-A`, `^a(?=b)$`)'), { headers: { 'X-A': 'x' } }],
    ['v2 Headers pairs', v2('Headers(`X-A`, `1`)'), { headers: { 'X-A': '1' } }],
    ['v2 HeadersRegexp', v2('HeadersRegexp(`X-A`, `^a+$`)'), { headers: { 'X-A': 'a' } }],
    ['v2 HeadersRegexp too clever', v2('HeadersRegexp(`X-A`, `^a(?=b)$`)'), { headers: { 'X-A': 'x' } }],
    ['ClientIP of a range: its first host', v3('ClientIP(`10.0.0.0/8`)'), { clientIP: '10.0.0.1' }],
    ['ClientIP of a /32', v3('ClientIP(`10.0.0.4/32`)'), { clientIP: '10.0.0.4' }],
    ['ClientIP of an odd address in a range', v3('ClientIP(`10.0.0.6/31`)'), { clientIP: '10.0.0.7' }],
    ['ClientIP of an address', v3('ClientIP(`10.0.0.4`)'), { clientIP: '10.0.0.4' }],
    ['ClientIP of an IPv6 range', v3('ClientIP(`2001:db8::/32`)'), { clientIP: '2001:db8::' }],
    ['no ClientIP: a documentation address', v3('Path(`/`)'), { clientIP: '203.0.113.10', method: 'GET', headers: {} }],
  ])('%s', (_desc, r, fields) => {
    expect(sampleRequests(r)).toEqual([expect.objectContaining(fields)]);
  });

  it('names the router\'s first entryPoint, none when it has none', () => {
    expect(sampleRequests(v3('Path(`/`)', { entryPoints: ['a', 'b'] }))).toEqual([
      { method: 'GET', url: 'http://example.com/', headers: {}, clientIP: '203.0.113.10', entryPoint: 'a' },
    ]);
    expect(sampleRequests(v3('Path(`/`)', { entryPoints: [] }))).toEqual([{ method: 'GET', url: 'http://example.com/', headers: {}, clientIP: '203.0.113.10' }]);
  });
});

describe('sampleRequests: negations and alternatives', () => {
  it.each<[string, DynamicRouter, string[]]>([
    ['a negated Host is avoided', v3('!Host(`example.com`)'), ['http://other.example.com/']],
    ['a negated wildcard Host is avoided', v3('Host(`www.a.com`) && !Host(`*.a.com`)'), ['http://other.example.com/']],
    ['a negated Host that is not the sample\'s does nothing', v3('Host(`a.com`) && !Host(`b.com`)'), ['http://a.com/']],
    ['a negated PathPrefix is avoided', v3('Host(`a.com`) && !PathPrefix(`/api`)'), ['http://a.com/']],
    ['a negated PathPrefix covering the path', v3('PathPrefix(`/api/x`) && !PathPrefix(`/api`)'), ['http://example.com/other']],
    ['a negated Path', v3('!Path(`/`)'), ['http://example.com/other']],
    ['a negated Method is ignored', v3('!Method(`GET`)'), ['http://example.com/']],
    ['!(a || b) avoids both', v3('!(Path(`/a`) || Path(`/`))'), ['http://example.com/other']],
    ['!(a && b): one sample per negated side, duplicates dropped', v3('!(Host(`a.com`) && Path(`/a`))'), ['http://example.com/']],
    ['one sample per alternative', v3('Host(`a.com`) || Host(`b.com`)'), ['http://a.com/', 'http://b.com/']],
    ['alternatives giving the same request are one sample', v3('Host(`a.com`) || Host(`A.com`)'), ['http://a.com/']],
    ['at most four alternatives', v3('Host(`a`) || Host(`b`) || Host(`c`) || Host(`d`) || Host(`e`)'), ['http://a/', 'http://b/', 'http://c/', 'http://d/']],
    ['products of alternatives, at most four', v3('(Host(`a`) || Host(`b`) || Host(`c`)) && (Path(`/1`) || Path(`/2`))'), ['http://a/1', 'http://a/2', 'http://b/1', 'http://b/2']],
  ])('%s', (_desc, r, expected) => {
    expect(urls(r)).toEqual(expected);
  });

  it('every sample of a served router is routed to it', () => {
    const rules = ['Host(`m.com`) && (Path(`/a`) || Path(`/b`))', 'Host(`q.com`) && Query(`v`, `1`) && Method(`PUT`)', 'HostRegexp(`^x[0-9]+\\.com$`) && Header(`X-T`, `t`)'];
    const routers = rules.map((rule, i) => router(`r${i}@kubernetescrd`, rule));
    const routing = compileRouting(config({ routers }), baseSettings());
    for (const r of routers) for (const s of sampleRequests(r)) expect(simulate(routing, s).router).toBe(r.name);
  });
});

describe('exampleFromPattern', () => {
  it.each<[string, string | undefined]>([
    ['^/users/[0-9]+$', '/users/1'],
    ['{sub:[a-z]+}.example.com', 'a.example.com'],
    ['{sub}.example.com', 'a.example.com'],
    ['^(?:foo|bar)\\.com$', 'foo.com'],
    ['(?i)^abc$', 'abc'],
    ['^(?P<v>[0-9]{2,3})$', '1'],
    ['^(?<v>x)y$', 'xy'],
    ['^[^/]*/x$', 'a/x'],
    ['^\\d+-\\w*$', '1-a'],
    ['^.*\\.png$', 'a.png'],
    ['^a.+?b$', 'aab'],
    ['^colou?r$', 'color'],
    ['^ab*c$', 'ac'],
    ['^a+$', 'a'],
    ['^\\/a\\.b$', '/a.b'],
    ['^[0a]$', '1'],
    ['a(?=b)', undefined],
    ['^(a|b)|c$', undefined],
  ])('%j → %j', (pattern, example) => {
    expect(exampleFromPattern(pattern)).toBe(example);
  });
});
