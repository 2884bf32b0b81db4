import { describe, expect, it } from 'vitest';
import type { RuleTree } from './compiled.ts';
import { buildHostIndex, candidateRanks, hostConstraint } from './host-index.ts';
import { providerOf, providerRank, sortRoutes } from './order.ts';
import { featuresOf } from './version.ts';

const leaf = (matcher: string, ...args: string[]): RuleTree => ({ type: 'leaf', matcher, args, text: `${matcher}(${args.join(',')})`, node: null });
const and = (left: RuleTree, right: RuleTree): RuleTree => ({ type: 'and', left, right });
const or = (left: RuleTree, right: RuleTree): RuleTree => ({ type: 'or', left, right });
const not = (child: RuleTree): RuleTree => ({ type: 'not', child });

describe('router order (routes.Less)', () => {
  const v37 = featuresOf({ target: 'v3', version: '3.7.0' });
  const v36 = featuresOf({ target: 'v3', version: '3.6.20' });
  it('sorts by priority, then provider precedence (v3.7+), and reports remaining ties', () => {
    const items = [
      { name: 'b@file', priority: 10, providerRank: providerRank('b@file', v37) },
      { name: 'a@kubernetescrd', priority: 10, providerRank: providerRank('a@kubernetescrd', v37) },
      { name: 'c@kubernetescrd', priority: 10, providerRank: providerRank('c@kubernetescrd', v37) },
      { name: 'd@internal', priority: 10, providerRank: providerRank('d@internal', v37) },
      { name: 'e@kubernetescrd', priority: 30, providerRank: providerRank('e@kubernetescrd', v37) },
    ];
    const { sorted, ties } = sortRoutes(items);
    expect(sorted.map((s) => s.name)).toEqual(['e@kubernetescrd', 'a@kubernetescrd', 'c@kubernetescrd', 'b@file', 'd@internal']);
    expect(ties.get('a@kubernetescrd')).toEqual(['c@kubernetescrd']);
    expect(ties.get('b@file')).toEqual([]);
    expect(ties.some('c@kubernetescrd', 5)).toEqual(['a@kubernetescrd']);
    expect(ties.count('c@kubernetescrd')).toBe(1);
  });

  it('names some of a large tie group without listing it all', () => {
    const { ties } = sortRoutes(Array.from({ length: 1000 }, (_, i) => ({ name: `r${String(i).padStart(4, '0')}`, priority: 5, providerRank: 0 })));
    expect(ties.some('r0001', 3)).toEqual(['r0000', 'r0002', 'r0003']);
    expect(ties.count('r0001')).toBe(999);
    expect(ties.some('r0001', 3)).toEqual(ties.get('r0001')!.slice(0, 3));
  });
  it('has no provider tie-break before v3.7 and on v2.11', () => {
    expect(providerRank('a@kubernetescrd', v36)).toBe(0);
    expect(providerRank('a@kubernetescrd', featuresOf({ target: 'v2.11', version: '2.11.50' }))).toBe(0);
    expect(providerRank('a@kubernetescrd', v37)).toBeGreaterThan(providerRank('a@file', v37));
    expect(providerOf('a@b@c')).toBe('');
  });
});

describe('host index', () => {
  it('derives the hosts a rule requires, conservatively', () => {
    expect(hostConstraint(and(leaf('Host', 'A.com'), leaf('PathPrefix', '/x')))?.exact).toEqual(new Set(['a.com']));
    expect(hostConstraint(or(leaf('Host', 'a.com'), leaf('host', 'b.com.')))?.exact).toEqual(new Set(['a.com', 'b.com']));
    expect(hostConstraint(or(leaf('Host', 'a.com'), leaf('Path', '/')))).toBeNull();
    expect(hostConstraint(not(leaf('Host', 'a.com')))).toBeNull();
    expect(hostConstraint(not(or(not(leaf('Host', 'a.com')), leaf('Path', '/'))))?.exact).toEqual(new Set(['a.com']));
    expect(hostConstraint(leaf('Host', '*'))).toBeNull();
    expect(hostConstraint(leaf('HostRegexp', 'a.com'))).toBeNull();
    expect(hostConstraint(leaf('HostHeader', 'a.com', 'b.com'))?.exact.size).toBe(2);
    expect(hostConstraint(leaf('Host', '*.a.com'))?.wildcard).toEqual(new Set(['*.a.com']));
  });
  it('returns candidates in rank order', () => {
    const index = buildHostIndex([leaf('Host', 'a.com'), leaf('Path', '/'), leaf('Host', '*.a.com'), leaf('Host', 'b.a.com')]);
    expect(candidateRanks(index, 'a.com')).toEqual([0, 1]);
    expect(candidateRanks(index, 'b.a.com')).toEqual([1, 2, 3]);
    expect(candidateRanks(index, 'b.a.com.')).toEqual([1, 2, 3]);
    expect(candidateRanks(index, 'zzz')).toEqual([1]);
  });
});
