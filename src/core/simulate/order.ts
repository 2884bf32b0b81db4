// Mirrors pkg/muxer/http/mux.go (routes.Less, providerName in pkg/server/router/router.go) and the default
// providers.precedence list of pkg/config/static/static_config.go.
import type { Features } from './version.ts';

/** `providerNames`: the default `providers.precedence`, first listed wins a priority tie (v3.7+). */
export const PROVIDER_PRECEDENCE = [
  'kubernetesgateway', 'kubernetescrd', 'kubernetes', 'kubernetesingressnginx', 'swarm', 'docker', 'file', 'redis',
  'knative', 'consul', 'consulcatalog', 'nomad', 'etcd', 'ecs', 'http', 'zookeeper', 'rest',
] as const;

/**
 * `providerName`: the part after `@` when the name has exactly one `@`, else ''.
 *
 * @example
 * providerOf('apps-web-1a2b@kubernetescrd') // 'kubernetescrd'
 */
export function providerOf(routerName: string): string {
  const parts = routerName.split('@');
  return parts.length === 2 ? parts[1]! : '';
}

/**
 * Index in the reversed precedence list (higher sorts first); −1 for unlisted providers (e.g. `internal`).
 * Always 0 when the version has no provider tie-break.
 *
 * @example
 * providerRank('x@kubernetescrd', features) // 15 on v3.7+
 */
export function providerRank(routerName: string, features: Pick<Features, 'providerTieBreak'>): number {
  if (!features.providerTieBreak) return 0;
  const i = (PROVIDER_PRECEDENCE as readonly string[]).indexOf(providerOf(routerName));
  return i < 0 ? -1 : PROVIDER_PRECEDENCE.length - 1 - i;
}

export interface Sortable {
  name: string;
  priority: number;
  providerRank: number;
}

/**
 * Sorts like `routes.Less` (priority desc, then provider rank desc). Go's sort is not stable and the input
 * comes from a map, so equal keys have no defined order: we order them by name and report them as ties.
 *
 * @example
 * const { sorted, ties } = sortRoutes(items);
 * ties.get(sorted[0].name) // names sharing its sort key, [] when none
 */
export function sortRoutes<T extends Sortable>(items: readonly T[]): { sorted: T[]; ties: Ties } {
  const sorted = [...items].sort(
    // Stryker disable next-line EqualityOperator: router names are unique in a muxer, so a.name === b.name never happens
    (a, b) => b.priority - a.priority || b.providerRank - a.providerRank || (a.name < b.name ? -1 : 1),
  );
  const groups = new Map<string, readonly string[]>();
  let start = 0;
  for (let i = 1; i <= sorted.length; i++) {
    const prev = sorted[i - 1]!;
    const cur = sorted[i];
    if (cur && cur.priority === prev.priority && cur.providerRank === prev.providerRank) continue;
    const group = sorted.slice(start, i).map((x) => x.name);
    for (const name of group) groups.set(name, group);
    start = i;
  }
  return { sorted, ties: new Ties(groups) };
}

/**
 * The routers sharing each router's sort key. Rule-length priorities put hundreds of routers of a large
 * workspace in one group: the lists of the others are made when asked for (a list per router up front
 * was quadratic — 16 million names at 30,000 routers).
 */
export class Ties {
  private readonly made = new Map<string, string[]>();
  constructor(private readonly groups: ReadonlyMap<string, readonly string[]>) {}

  /** The other routers with the same sort key ([] when none; undefined for an unknown name). */
  get(name: string): string[] | undefined {
    let list = this.made.get(name);
    if (list) return list;
    const group = this.groups.get(name);
    if (!group) return undefined;
    list = group.filter((n) => n !== name);
    this.made.set(name, list);
    return list;
  }

  /** At most `max` of the other routers with `name`'s sort key, without listing them all. */
  some(name: string, max: number): string[] {
    const out: string[] = [];
    for (const n of this.groups.get(name) ?? []) {
      if (out.length === max) break;
      if (n !== name) out.push(n);
    }
    return out;
  }

  /** How many other routers share `name`'s sort key, without listing them. */
  count(name: string): number {
    return Math.max(0, (this.groups.get(name)?.length ?? 1) - 1);
  }
}

/** `math.MaxInt - 1`, the entryPoint redirection router's default priority, as a JS number (rounded to 2^63:
 * only its order matters; every user priority is at most MaxInt - 1000). */
export const REDIRECT_PRIORITY = Number(2n ** 63n - 2n);

/**
 * A priority as text; the reserved ones near MaxInt are named (they do not fit a JS number exactly).
 *
 * @example
 * priorityText(REDIRECT_PRIORITY) // 'MaxInt-1 (reserved)'
 */
export function priorityText(p: number): string {
  if (p >= REDIRECT_PRIORITY) return 'MaxInt-1 (reserved)';
  return String(p);
}
