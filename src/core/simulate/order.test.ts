import { describe, expect, it } from 'vitest';
import type { RuleTree } from './compiled.ts';
import { buildHostIndex, candidateRanks, hostConstraint } from './host-index.ts';
import { priorityText, providerOf, providerRank, REDIRECT_PRIORITY, sortRoutes } from './order.ts';
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

// static_config.go providerNames (the default precedence), reversed by mux.go NewMuxer: slices.Index in the
// reversed list, higher first; a provider that is not listed gets -1 (slices.Index).
describe('provider rank and name (router.go providerName, mux.go NewMuxer / AddRoute)', () => {
  const v37 = featuresOf({ target: 'v3', version: '3.7.0' });
  it.each([
    ['r@kubernetesgateway', 16],
    ['r@kubernetescrd', 15],
    ['r@kubernetes', 14],
    ['r@kubernetesingressnginx', 13],
    ['r@swarm', 12],
    ['r@docker', 11],
    ['r@file', 10],
    ['r@rest', 0],
    ['r@internal', -1],
    ['r', -1],
    ['a@b@kubernetescrd', -1],
  ])('%s → %i on v3.7', (name, rank) => {
    expect(providerRank(name, v37)).toBe(rank);
  });

  it.each([
    ['a@file', 'file'],
    ['a', ''],
    ['a@', ''],
    ['@file', 'file'],
    ['a@b@c', ''],
  ])('providerOf(%j) = %j', (name, provider) => {
    expect(providerOf(name)).toBe(provider);
  });
});

describe('sortRoutes tie groups and Ties', () => {
  const items = [
    { name: 'z', priority: 5, providerRank: 0 },
    { name: 'y', priority: 5, providerRank: 1 },
    { name: 'x', priority: 5, providerRank: 0 },
    { name: 'w', priority: 7, providerRank: 0 },
    { name: 'v', priority: 5, providerRank: 0 },
  ];

  it('orders by priority, provider rank, then name', () => {
    const { sorted } = sortRoutes(items);
    expect(sorted.map((s) => s.name)).toEqual(['w', 'y', 'v', 'x', 'z']);
  });

  it('groups only equal priority and equal provider rank', () => {
    const { ties } = sortRoutes(items);
    expect(['w', 'y', 'v', 'x', 'z'].map((n) => ties.get(n))).toEqual([[], [], ['x', 'z'], ['v', 'z'], ['v', 'x']]);
    expect(['w', 'y', 'v', 'x', 'z'].map((n) => ties.count(n))).toEqual([0, 0, 2, 2, 2]);
    expect(ties.get('x')).toBe(ties.get('x'));
  });

  it('an unknown router has no group', () => {
    const { ties } = sortRoutes(items);
    expect(ties.get('nope')).toBeUndefined();
    expect(ties.count('nope')).toBe(0);
    expect(ties.some('nope', 3)).toEqual([]);
  });

  it('some() stops at max and never names the router itself', () => {
    const { ties } = sortRoutes(items);
    expect(ties.some('v', 1)).toEqual(['x']);
    expect(ties.some('x', 0)).toEqual([]);
    expect(ties.some('x', 5)).toEqual(['v', 'z']);
    expect(ties.some('w', 5)).toEqual([]);
  });

  it('the last group is closed at the end of the list', () => {
    const { ties: t } = sortRoutes([{ name: 'a', priority: 1, providerRank: 0 }, { name: 'b', priority: 1, providerRank: 0 }]);
    expect(t.get('b')).toEqual(['a']);
    expect(sortRoutes([]).sorted).toEqual([]);
  });
});

describe('priorityText', () => {
  it('names the reserved priority near MaxInt', () => {
    expect(REDIRECT_PRIORITY).toBe(Number(9223372036854775806n)); // MaxInt - 1, as a JS number
    expect(priorityText(REDIRECT_PRIORITY)).toBe('MaxInt-1 (reserved)');
    expect(priorityText(9223372036854774000)).toBe('9223372036854774000');
    expect(priorityText(42)).toBe('42');
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
