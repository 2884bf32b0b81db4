// No Traefik counterpart: witness requests for a router — for each disjunct of its rule (pkg/muxer/http
// semantics through core/rules), one concrete request that satisfies every leaf of that disjunct, checked
// against the whole rule before it is returned.
import { parseRule } from '../rules/index.ts';
import type { DynamicRouter, Settings } from '../types.ts';
import type { SimRequest } from '../simulate/verdict.ts';
import { dimensionCandidates } from './candidates.ts';
import { astHolds, BASE_DRAFT, litHolds, toSimRequest, withDim, type Draft } from './draft.ts';
import { byDimension, disjuncts, type Lit } from './literals.ts';

export interface WitnessOptions {
  /** Entry points (ports, `http.tls`) decide the scheme; the router's own `tls` is enough without it. */
  settings?: Settings;
  /** Most witnesses returned (one per disjunct); default 16. */
  limit?: number;
  /** An extra acceptance test, e.g. "the simulator ranks the router as matched". */
  check?: (request: SimRequest) => boolean;
}

/** Where a router's witnesses are sent: its first entryPoint, over TLS when the router is a TLS router. */
export interface WitnessTarget {
  scheme: 'http' | 'https';
  entryPoint?: string;
}

/**
 * The scheme and entryPoint of a router's requests.
 *
 * @example
 * witnessTarget(router) // { scheme: 'https', entryPoint: 'websecure' }
 */
export function witnessTarget(router: DynamicRouter, settings?: Settings): WitnessTarget {
  const defaults = settings?.entryPoints.filter((e) => e.asDefault) ?? [];
  const name = router.entryPoints[0] ?? (defaults[0] ?? settings?.entryPoints[0])?.name;
  const ep = settings?.entryPoints.find((e) => e.name === name);
  const tls = router.tls !== null || (ep?.tls !== undefined && ep?.tls !== null);
  const target: WitnessTarget = { scheme: tls ? 'https' : 'http' };
  if (name !== undefined) target.entryPoint = name;
  return target;
}

/**
 * A draft satisfying every literal, one dimension at a time (each leaf reads one dimension only), or null when
 * no proposal of some dimension satisfies all its literals.
 *
 * @example
 * solve(disjuncts('Host(`a.com`) && !Method(`GET`)', 'v3').conjunctions[0]) // { host: 'a.com', method: 'POST', … }
 */
export function solve(lits: readonly Lit[], base: Draft = BASE_DRAFT): Draft | null {
  let draft = base;
  // Every matcher of a rule that parses reads a known dimension; one that did not would get no proposal.
  for (const [dim, group] of byDimension(lits)) {
    let picked = false;
    for (const value of dimensionCandidates(dim, group)) {
      const next = withDim(draft, dim, value);
      if (group.every((l) => litHolds(l, next))) {
        draft = next;
        picked = true;
        break;
      }
    }
    if (!picked) return null;
  }
  return draft;
}

/** The Traefik the rules are evaluated for (version-dependent matchers such as Host(`*`)). */
export function targetEnv(settings?: Settings): { target?: Settings['target']; version?: string } {
  return settings ? { target: settings.target, version: settings.version } : {};
}

/** A stable key for deduplicating requests. */
export function requestKey(r: SimRequest): string {
  const headers = Object.entries(r.headers)
    .map(([k, v]) => `${k}:${Array.isArray(v) ? v.join('\u0000') : v}`)
    .sort()
    .join('\n');
  return [r.method, r.url, r.clientIP, r.entryPoint ?? '', r.sni === undefined ? '~' : String(r.sni), headers].join('|');
}

/**
 * Witness requests for a router: per disjunct of its rule, a request satisfying every leaf of that disjunct —
 * hosts (`*.x` → `w.x`), HostRegexp samples, paths, methods, headers, queries, client IPs inside CIDRs, values
 * avoiding negated leaves. Every witness matches the whole rule. Empty when the rule does not parse or no
 * disjunct could be satisfied (e.g. a regex outside the sampler's reach). Never throws.
 *
 * @example
 * witnessRequests(router('a@kubernetescrd', 'Host(`*.example.com`) && PathPrefix(`/api`)', { tls: true }))
 * // [{ method: 'GET', url: 'https://w.example.com/api', headers: {}, clientIP: '203.0.113.7', entryPoint: 'websecure' }]
 */
export function witnessRequests(router: DynamicRouter, opts: WitnessOptions = {}): SimRequest[] {
  try {
    const syntax = router.ruleSyntax === 'v2' || opts.settings?.target === 'v2.11' ? 'v2' : 'v3';
    const env = targetEnv(opts.settings);
    const { ok, conjunctions } = disjuncts(router.rule, syntax, 32, env);
    if (!ok) return [];
    const ast = parseRule(router.rule, syntax).ast;
    const target = witnessTarget(router, opts.settings);
    const out = new Map<string, SimRequest>();
    for (const lits of conjunctions) {
      if (out.size >= (opts.limit ?? 16)) break;
      const draft = solve(lits);
      if (!draft || !astHolds(ast, draft, { ...env, syntax })) continue;
      const request = toSimRequest(draft, target);
      if (opts.check && !opts.check(request)) continue;
      out.set(requestKey(request), request);
    }
    return [...out.values()];
  } catch {
    return [];
  }
}
