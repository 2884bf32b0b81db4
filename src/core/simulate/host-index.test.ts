// The host index (no Traefik counterpart: it only narrows which rules mux.go's linear scan evaluates). The rows
// pin what a rule provably requires of the host; index-equivalence.test.ts checks it against the linear scan.
import { describe, expect, it } from 'vitest';
import type { RuleTree } from './compiled.ts';
import { buildHostIndex, candidateRanks, exclusionReason, hostConstraint, wildcardKey } from './host-index.ts';

const leaf = (matcher: string, ...args: string[]): RuleTree => ({ type: 'leaf', matcher, args, text: `${matcher}(${args.join(',')})`, node: null });
const and = (left: RuleTree, right: RuleTree): RuleTree => ({ type: 'and', left, right });
const or = (left: RuleTree, right: RuleTree): RuleTree => ({ type: 'or', left, right });
const not = (child: RuleTree): RuleTree => ({ type: 'not', child });
const sets = (tree: RuleTree | null) => {
  const c = hostConstraint(tree);
  return c && { exact: [...c.exact], wildcard: [...c.wildcard] };
};

describe('hostConstraint', () => {
  it.each<[string, RuleTree | null, { exact: string[]; wildcard: string[] } | null]>([
    ['no tree', null, null],
    ['Host, lower-cased, trimmed, trailing dots dropped', leaf('Host', ' A.Com.. '), { exact: ['a.com'], wildcard: [] }],
    ['HOSTHEADER in any case', leaf('HOSTHEADER', 'a.com'), { exact: ['a.com'], wildcard: [] }],
    ['Host without arguments', leaf('Host'), null],
    ['Host(``)', leaf('Host', ''), null],
    ['Host(`.`)', leaf('Host', '.'), null],
    ['Host(`*`) among others', leaf('Host', 'a.com', '*'), null],
    ['a wildcard is kept in both sets', leaf('Host', '*.a.com'), { exact: ['*.a.com'], wildcard: ['*.a.com'] }],
    ['another matcher', leaf('Path', '/'), null],
    ['and: the side with fewer hosts (left on equal)', and(leaf('Host', 'a.com'), leaf('Host', 'b.com')), { exact: ['a.com'], wildcard: [] }],
    ['and: the right side when smaller', and(leaf('Host', 'a.com', 'b.com'), leaf('Host', 'c.com')), { exact: ['c.com'], wildcard: [] }],
    ['and: wildcards count', and(leaf('Host', '*.a.com'), leaf('Host', 'b.com', 'c.com')), { exact: ['*.a.com'], wildcard: ['*.a.com'] }],
    ['and: wildcards count twice on the left', and(leaf('Host', '*.a.com', '*.b.com'), leaf('Host', 'c', 'd', 'e')), { exact: ['c', 'd', 'e'], wildcard: [] }],
    ['and: wildcards count twice on the right', and(leaf('Host', 'c', 'd', 'e'), leaf('Host', '*.a.com', '*.b.com')), { exact: ['c', 'd', 'e'], wildcard: [] }],
    ['and: the constrained side when the other is free', and(leaf('Path', '/'), leaf('Host', 'a.com')), { exact: ['a.com'], wildcard: [] }],
    ['and: both free', and(leaf('Path', '/'), leaf('Method', 'GET')), null],
    ['or: the union', or(leaf('Host', 'a.com'), leaf('Host', '*.b.com')), { exact: ['a.com', '*.b.com'], wildcard: ['*.b.com'] }],
    ['or: a free side frees it (left)', or(leaf('Path', '/'), leaf('Host', 'a.com')), null],
    ['or: a free side frees it (right)', or(leaf('Host', 'a.com'), leaf('Path', '/')), null],
    ['not Host', not(leaf('Host', 'a.com')), null],
    ['not not Host', not(not(leaf('Host', 'a.com'))), { exact: ['a.com'], wildcard: [] }],
    ['not (a || b) = !a && !b: never a host', not(or(leaf('Host', 'a.com'), leaf('Host', 'b.com'))), null],
    ['not (!Host || Path) = Host && !Path', not(or(not(leaf('Host', 'a.com')), leaf('Path', '/'))), { exact: ['a.com'], wildcard: [] }],
    ['not (!a && !b) = a || b', not(and(not(leaf('Host', 'a.com')), not(leaf('Host', 'b.com')))), { exact: ['a.com', 'b.com'], wildcard: [] }],
    ['not (!a && Path) = a || !Path', not(and(not(leaf('Host', 'a.com')), leaf('Path', '/'))), null],
  ])('%s', (_desc, tree, expected) => {
    expect(sets(tree)).toEqual(expected);
  });
});

describe('wildcardKey', () => {
  it.each([
    ['a.example.com', '*.example.com'],
    ['example.com', '*.com'],
    ['localhost', '*'],
    ['.com', '*.com'],
  ])('%s → %s', (host, key) => {
    expect(wildcardKey(host)).toBe(key);
  });
});

describe('buildHostIndex / candidateRanks', () => {
  const index = () => buildHostIndex([leaf('Host', 'a.com'), leaf('Path', '/'), leaf('Host', '*.a.com'), null, leaf('Host', 'b.a.com', 'a.com')]);

  it('lists each rank under its hosts, or as always evaluated', () => {
    expect(index().always).toEqual([1, 3]);
    expect([...index().exact]).toEqual([['a.com', [0, 4]], ['*.a.com', [2]], ['b.a.com', [4]]]);
    expect([...index().wildcard]).toEqual([['*.a.com', [2]]]);
    expect(index().constraints.map((c) => c && [...c.exact])).toEqual([['a.com'], null, ['*.a.com'], null, ['b.a.com', 'a.com']]);
  });

  it.each([
    ['a.com', [0, 1, 3, 4]],
    ['A.COM.', [0, 1, 3, 4]],
    ['b.a.com', [1, 2, 3, 4]],
    ['c.a.com', [1, 2, 3]],
    ['*.a.com', [1, 2, 3]],
    ['other', [1, 3]],
  ])('host %s → ranks %j', (host, ranks) => {
    expect(candidateRanks(index(), host)).toEqual(ranks);
  });

  it('with no always-evaluated router, an unknown host has no candidate', () => {
    const only = buildHostIndex([leaf('Host', 'a.com')]);
    expect(candidateRanks(only, 'b.com')).toEqual([]);
    expect(candidateRanks(only, 'a.com')).toEqual([0]);
  });
});

describe('exclusionReason', () => {
  it('nothing to say for an unconstrained router', () => {
    expect(exclusionReason(null)).toBe('');
  });

  it('names up to five hosts', () => {
    expect(exclusionReason(hostConstraint(leaf('Host', 'a.com', '*.b.com')))).toBe(
      "the rule requires the host `a.com`, `*.b.com`; the request's host is another one",
    );
    expect(exclusionReason(hostConstraint(leaf('Host', 'a', 'b', 'c', 'd', 'e')))).toBe(
      "the rule requires the host `a`, `b`, `c`, `d`, `e`; the request's host is another one",
    );
    expect(exclusionReason(hostConstraint(leaf('Host', 'a', 'b', 'c', 'd', 'e', 'f', 'g')))).toBe(
      "the rule requires the host `a`, `b`, `c`, `d`, `e` and 2 more; the request's host is another one",
    );
  });
});
