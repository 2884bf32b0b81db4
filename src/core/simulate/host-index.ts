// No Traefik counterpart: Traefik scans its muxer linearly (pkg/muxer/http/mux.go ServeHTTP). This index only
// narrows which rules are evaluated; a router is skipped only when its rule provably requires another host.
import { assertNever } from '../diagnostic.ts';
import type { RuleTree } from './compiled.ts';

/** Hosts a rule requires: the request host must be one of `exact` or match one of `wildcard`. null = any host. */
export interface HostConstraint {
  exact: Set<string>;
  wildcard: Set<string>;
}

export interface HostIndex {
  exact: Map<string, number[]>;
  wildcard: Map<string, number[]>;
  /** Ranks of routers whose rule does not pin the host. */
  always: number[];
  /** Per rank: the constraint used (null = unconstrained), to explain exclusions. */
  constraints: (HostConstraint | null)[];
}

const HOST_MATCHERS = new Set(['host', 'hostheader']);

function normalizeHost(h: string): string {
  return h.toLowerCase().replace(/\.+$/, '');
}

/**
 * The host constraint of a rule tree (NOT pushed down by De Morgan). Conservative: whenever a branch could
 * match without a literal Host, the result is null.
 *
 * @example
 * hostConstraint(tree of "Host(`a.com`) && PathPrefix(`/x`)") // { exact: {'a.com'}, wildcard: {} }
 */
export function hostConstraint(tree: RuleTree | null, negated = false): HostConstraint | null {
  if (!tree) return null;
  switch (tree.type) {
    case 'not':
      return hostConstraint(tree.child, !negated);
    case 'and':
    case 'or': {
      const conjunction = (tree.type === 'and') !== negated;
      const l = hostConstraint(tree.left, negated);
      const r = hostConstraint(tree.right, negated);
      if (conjunction) {
        if (!l) return r;
        if (!r) return l;
        return l.exact.size + l.wildcard.size <= r.exact.size + r.wildcard.size ? l : r;
      }
      if (!l || !r) return null;
      return { exact: new Set([...l.exact, ...r.exact]), wildcard: new Set([...l.wildcard, ...r.wildcard]) };
    }
    case 'leaf': {
      if (negated || !HOST_MATCHERS.has(tree.matcher.toLowerCase()) || tree.args.length === 0) return null;
      const c: HostConstraint = { exact: new Set(), wildcard: new Set() };
      for (const arg of tree.args) {
        const h = normalizeHost(arg.trim());
        if (h === '*' || h === '') return null;
        c.exact.add(h);
        if (h.startsWith('*')) c.wildcard.add(h);
      }
      return c;
    }
    default:
      return assertNever(tree);
  }
}

function push(map: Map<string, number[]>, key: string, rank: number): void {
  const list = map.get(key);
  if (list) list.push(rank);
  else map.set(key, [rank]);
}

/**
 * Indexes routers (given in rank order) by the hosts their rules require.
 *
 * @example
 * const index = buildHostIndex([treeA, treeB]);
 * candidateRanks(index, 'a.com') // [0, …]
 */
export function buildHostIndex(trees: readonly (RuleTree | null)[]): HostIndex {
  const index: HostIndex = { exact: new Map(), wildcard: new Map(), always: [], constraints: [] };
  trees.forEach((tree, rank) => {
    const c = hostConstraint(tree);
    index.constraints.push(c);
    if (!c) {
      index.always.push(rank);
      return;
    }
    for (const h of c.exact) push(index.exact, h, rank);
    for (const w of c.wildcard) push(index.wildcard, w, rank);
  });
  return index;
}

/**
 * The wildcard key of a host: its first label replaced by `*` (DomainMatchHostExpression).
 *
 * @example
 * wildcardKey('a.example.com') // '*.example.com'
 */
export function wildcardKey(host: string): string {
  const dot = host.indexOf('.');
  return dot < 0 ? '*' : '*' + host.slice(dot);
}

/**
 * Ranks of the routers that can match a request for this canonical host, ascending.
 *
 * @example
 * candidateRanks(index, 'shop.example.com')
 */
export function candidateRanks(index: HostIndex, canonicalHost: string): number[] {
  const h = normalizeHost(canonicalHost);
  const lists: number[][] = [index.always];
  const exact = index.exact.get(h);
  if (exact) lists.push(exact);
  const wild = index.wildcard.get(wildcardKey(h));
  if (wild) lists.push(wild);
  // Stryker disable next-line ConditionalExpression: a shortcut; merging `always` alone gives the same ranks
  if (lists.length === 1) return index.always;
  return [...new Set(lists.flat())].sort((a, b) => a - b);
}

/**
 * Why the index excludes a router for other hosts, in words (computed once per router).
 *
 * @example
 * exclusionReason({ exact: new Set(['a.com']), wildcard: new Set() })
 */
export function exclusionReason(c: HostConstraint | null): string {
  if (!c) return '';
  const hosts = [...c.exact].slice(0, 5).map((h) => `\`${h}\``).join(', ');
  const more = c.exact.size > 5 ? ` and ${c.exact.size - 5} more` : '';
  return `the rule requires the host ${hosts}${more}; the request's host is another one`;
}
