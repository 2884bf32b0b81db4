// The proposals for one request dimension, best first: the values the rule's positive leaves name, then
// readable defaults. The solver keeps the first one every leaf accepts, so the order is the contract.
import { describe, expect, it } from 'vitest';
import type { RuleSyntax } from '../types.ts';
import { addressIn, dimensionCandidates } from './candidates.ts';
import { disjuncts } from './literals.ts';

const HOSTS = ['witness.example', 'other.example', 'w.witness.example'];
const PATHS = ['/', '/w', '/witness/w'];
const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD'];
const IPS = ['203.0.113.7', '198.51.100.7', '10.0.0.7', '192.168.0.7', '2001:db8::7'];

function candidates(dim: string, rule: string, syntax: RuleSyntax = 'v3') {
  const d = disjuncts(rule, syntax);
  expect(d.ok, rule).toBe(true);
  return dimensionCandidates(dim, d.conjunctions[0]!.filter((l) => l.dim === dim));
}

describe('addressIn', () => {
  it.each<[string, string | null]>([
    ['10.20.0.0/16', '10.20.0.1'],
    ['10.20.3.4/16', '10.20.0.1'],
    ['192.0.2.11/30', '192.0.2.9'],
    ['192.0.2.11/31', '192.0.2.10'],
    ['192.0.2.10/32', '192.0.2.10'],
    ['0.0.0.0/0', '0.0.0.1'],
    ['192.0.2.10', '192.0.2.10'],
    ['2001:db8:1::/48', '2001:db8:1::1'],
    ['2001:db8::ff/127', '2001:db8::fe'],
    ['2001:db8::5', '2001:db8::5'],
    ['nope', null],
    ['10.0.0.0/33', null],
    ['10.0.0.0/x', null],
  ])('%s → %s', (entry, address) => {
    expect(addressIn(entry)).toBe(address);
  });
});

describe('dimensionCandidates', () => {
  it.each<[string, string, RuleSyntax, string[]]>([
    ['a wildcard host', 'Host(`*.Example.com.`)', 'v3', ['w.example.com', 'witness.example.com', ...HOSTS]],
    ['an exact host, trimmed and lower-cased', 'Host(` Shop.Example.COM `)', 'v3', ['shop.example.com', ...HOSTS]],
    ['any host', 'Host(`*`)', 'v3', HOSTS],
    ['a negated host proposes nothing', '!Host(`a.com`)', 'v3', HOSTS],
    ['a host that is no DNS name comes after the defaults', 'Host(`a_b.com`, `ok.com`)', 'v2', ['ok.com', ...HOSTS, 'a_b.com']],
    ['a host with a URL delimiter is dropped', 'HostHeader(`a/b.com`, `a@b.com`, `a?b`, `a#b`, `a\\b`)', 'v2', HOSTS],
    ['a default host named by the rule comes once', 'Host(`other.example`)', 'v3', ['other.example', 'witness.example', 'w.witness.example']],
    [
      'HostRegexp samples, with a label added before and after',
      'HostRegexp(`^[a-z]+\\.example\\.com$`)', 'v3',
      ['w.example.com', 'ww.example.com', 'w.example.comw', 'www.example.com', 'ww.example.comw', ...HOSTS],
    ],
    ['HostRegexp of a suffix: leading dots dropped', 'HostRegexp(`\\.internal$`)', 'v3', ['w.internal', 'internal', ...HOSTS, '.internal', '.internalw']],
    ['an empty host is no proposal', 'HostRegexp(`^$`)', 'v3', ['w', ...HOSTS]],
    ['HostRegexp samples in lower case', 'HostRegexp(`^A\\.COM$`)', 'v3', ['a.com', 'wa.com', 'a.comw', ...HOSTS]],
    ['a v2 HostRegexp template', 'HostRegexp(`{sub:[a-z]+}.example.com`)', 'v2', ['w.example.com', 'ww.example.com', 'w.example.comw', 'www.example.com', 'ww.example.comw', ...HOSTS]],
  ])('host: %s', (_, rule, syntax, expected) => {
    expect(candidates('host', rule, syntax)).toEqual(expected);
  });

  it.each<[string, string, RuleSyntax, string[]]>([
    ['an exact path', 'Path(`/a`)', 'v3', ['/a', ...PATHS]],
    ['a prefix', 'PathPrefix(`/api`)', 'v3', ['/api', '/apiw', '/api/w', ...PATHS]],
    ['a prefix ending with a slash', 'PathPrefix(`/api/`)', 'v3', ['/api/', '/api/w', '/api/w/x', ...PATHS]],
    ['a regex', 'PathRegexp(`^/v[0-9]$`)', 'v3', ['/v0', '/v0w', ...PATHS]],
    ['a regex without its slash: only the slashed sample', 'PathRegexp(`v[0-9]$`)', 'v3', ['/v0', ...PATHS]],
    [
      'exact, prefix and regex together, a prefix joined to a regex sample',
      'Path(`/a`) && PathPrefix(`/api/`) && PathRegexp(`^/v[0-9]$`)', 'v3',
      ['/a', '/api/', '/api/w', '/api/w/x', '/v0', '/v0w', '/api/v0', ...PATHS],
    ],
    ['a prefix joined to a relative regex sample', 'PathPrefix(`/files`) && PathRegexp(`x\\.json$`)', 'v3', ['/files', '/filesw', '/files/w', '/x.json', '/filesx.json', '/files/x.json', ...PATHS]],
    ['paths the entryPoint would clean are dropped', 'Path(`/a/../b`) || Path(`/a//b`) || Path(`/a/.`)', 'v3', PATHS],
    ['a negated path proposes nothing', '!Path(`/a`) && !PathPrefix(`/b`)', 'v3', PATHS],
    ['a v2 Path template', 'Path(`/users/{id:[0-9]+}`)', 'v2', ['/users/0', '/users/00', ...PATHS]],
    ['a v2 PathPrefix template', 'PathPrefix(`/v{n}/api`)', 'v2', ['/vw/api', '/vw/apiw', '/vw/api/w', '/vww/api', '/vww/apiw', '/vww/api/w', ...PATHS]],
  ])('path: %s', (_, rule, syntax, expected) => {
    expect(candidates('path', rule, syntax)).toEqual(expected);
  });

  it('keeps the first disjunct paths only for the literals given', () => {
    expect(candidates('path', 'Path(`/a/../b`)', 'v3')).toEqual(PATHS);
    expect(candidates('path', 'Path(`/a?b`)', 'v3')).toEqual(PATHS);
  });

  it.each<[string, RuleSyntax, string[]]>([
    ['Method(`get`)', 'v3', METHODS],
    ['Method(`PURGE`)', 'v3', ['PURGE', ...METHODS]],
    ['Method(`purge`, `PUT`)', 'v2', ['PURGE', 'PUT', 'GET', 'POST', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD']],
    ['!Method(`PURGE`)', 'v3', METHODS],
    // RFC 9110 §9.1: a method is a token; `GET POST` cannot be sent.
    ['Method(`GET POST`)', 'v3', METHODS],
    ['Method(`G(T`)', 'v3', METHODS],
  ])('method: %s', (rule, syntax, expected) => {
    expect(candidates('method', rule, syntax)).toEqual(expected);
  });

  it.each<[string, RuleSyntax, string[]]>([
    ['ClientIP(`10.0.0.0/8`)', 'v3', ['10.0.0.1', ...IPS]],
    ['ClientIP(`192.0.2.10`)', 'v3', ['192.0.2.10', ...IPS]],
    ['ClientIP(`10.0.0.7`)', 'v3', ['10.0.0.7', '203.0.113.7', '198.51.100.7', '192.168.0.7', '2001:db8::7']],
    ['ClientIP(`172.16.0.0/12`, `2001:db8:1::/48`)', 'v2', ['172.16.0.1', '2001:db8:1::1', ...IPS]],
    ['!ClientIP(`10.0.0.0/8`)', 'v3', IPS],
  ])('ip: %s', (rule, syntax, expected) => {
    expect(candidates('ip', rule, syntax)).toEqual(expected);
  });

  const TAIL = [null, ['witness'], ['']];
  it.each<[string, string, RuleSyntax, (string[] | null)[]]>([
    ['header:X-A', 'Header(`X-A`, `1`)', 'v3', [['1'], ['1'], ['1'], ...TAIL]],
    ['header:X-A', 'Header(`X-A`, `1`) && Header(`x-a`, `2`)', 'v3', [['1', '2'], ['1'], ['2'], ['1', '2'], ...TAIL]],
    ['header:X-A', '!Header(`X-A`, `1`)', 'v3', TAIL],
    ['header:X-Id', 'HeaderRegexp(`X-Id`, `^[a-f]+$`)', 'v3', [['a'], ['a'], ['aa'], ['aa'], ...TAIL]],
    ['header:X-Id', 'HeadersRegexp(`X-Id`, `^[a-f]+$`)', 'v2', [['a'], ['a'], ['aa'], ['aa'], ...TAIL]],
    ['header:X-B', 'Headers(`X-A`, `1`, `X-B`, `2`)', 'v2', [['2'], ['2'], ['2'], ...TAIL]],
    ['query:debug', 'Query(`debug`)', 'v3', [[''], [''], [''], ...TAIL]],
    ['query:page', 'Query(`page`, `2`)', 'v3', [['2'], ['2'], ['2'], ...TAIL]],
    ['query:id', 'QueryRegexp(`id`, `^[0-9]+$`)', 'v3', [['0'], ['0'], ['00'], ['00'], ...TAIL]],
    ['query:a', 'Query(`a=`)', 'v2', [[''], [''], ['w'], ['w'], ...TAIL]],
    ['query:a', 'Query(`a=x`)', 'v2', [['x'], ['x'], ['x'], ...TAIL]],
    ['query:a', 'Query(`a={v:[0-9]+}`)', 'v2', [['0'], ['0'], ['00'], ['00'], ...TAIL]],
  ])('%s: %s', (dim, rule, syntax, expected) => {
    expect(candidates(dim, rule, syntax)).toEqual(expected);
  });

  it('a dimension it does not know has no proposals', () => {
    expect(dimensionCandidates('other', [])).toEqual([]);
    expect(dimensionCandidates('host', [])).toEqual(HOSTS);
  });
});
