// No Traefik counterpart: decides whether a router can win any request, by replaying witnesses through the
// simulator (which mirrors pkg/muxer/http/mux.go first-match routing). When a witness is won by a higher-ranked
// router S, we look for a request that escapes S: the same disjunct plus the negation of one leaf of the
// disjunct of S that matched, recursively (bounded). Finding none means S takes everything we could build.
import { simulate, type CompiledRouting } from '../simulate/index.ts';
import type { RoutingStep, SimRequest } from '../simulate/verdict.ts';
import type { RuleSyntax } from '../types.ts';
import type { CompiledMuxer, MuxRoute } from '../simulate/compiled.ts';
import { candidateRanks } from '../simulate/host-index.ts';
import { astHolds, litHolds, routingRequestOf, toSimRequest, type Draft } from './draft.ts';
import { disjuncts, type Lit } from './literals.ts';
import { solve, type WitnessTarget } from './witness.ts';
import { parseRule, type EvaluateOptions } from '../rules/index.ts';

/** A router's rule, parsed once per analysis run. */
export interface ParsedRouterRule {
  ok: boolean;
  ast: unknown;
  conjunctions: Lit[][];
  env: EvaluateOptions;
}

export type SearchOutcome =
  | { type: 'wins'; witness: SimRequest }
  | { type: 'loses'; by: string; witness: SimRequest }
  | { type: 'unknown' };

/** Caches parsed rules by `syntax|rule`. */
export class RuleCache {
  private readonly map = new Map<string, ParsedRouterRule>();
  constructor(private readonly target: Omit<EvaluateOptions, 'syntax'> = {}) {}
  get(rule: string, syntax: RuleSyntax): ParsedRouterRule {
    const key = `${syntax}|${rule}`;
    let hit = this.map.get(key);
    if (!hit) {
      const d = disjuncts(rule, syntax, 32, this.target);
      hit = { ok: d.ok, ast: d.ok ? parseRule(rule, syntax).ast : null, conjunctions: d.conjunctions, env: { ...this.target, syntax } };
      this.map.set(key, hit);
    }
    return hit;
  }
}

export interface SearchContext {
  routing: CompiledRouting;
  /** The muxer the router is served by (an entryPoint's http or https muxer). */
  muxer: CompiledMuxer;
  /** The muxer's routes by router name. */
  routes: Map<string, MuxRoute>;
  rules: RuleCache;
  syntaxOf(router: string): RuleSyntax;
  ruleOf(router: string): string;
  /** Decisions left for this router (shared by all its disjuncts); `exhausted` once it hits 0. */
  budget: { left: number; exhausted: boolean };
  /** Rule evaluations left for the whole search (every muxer): bounds its time on huge workspaces. */
  work: { left: number };
}

/**
 * The muxer's decision for a draft, the fast way: the host index's candidates in rank order until the first
 * match (mux.go ServeHTTP), on the request as the rules see it. The router that takes the draft from `router`,
 * or null when `router` gets it (it ranks first among the matching routes, or ties with the one that does:
 * Traefik may pick it). The caller has checked that `router`'s own rule matches the draft. Skips the
 * entryPoint pipeline, so a `loses` conclusion is confirmed with the full simulator before it is reported.
 */
function takenBy(ctx: SearchContext, router: string, draft: Draft): string | null {
  const request = routingRequestOf(draft);
  const own = ctx.routes.get(router)!; // the muxer's own routes: `router` is one of them
  for (const rank of candidateRanks(ctx.muxer.index, request.host)) {
    const route = ctx.muxer.routes[rank]!;
    ctx.work.left--;
    if (route === own || !route.router.rule.evaluate(request).matched) continue;
    // Stryker disable next-line EqualityOperator: ranks are unique in a muxer, and the only route of rank own.rank (own) is skipped above
    return rank > own.rank || route.tiedWith.includes(router) ? null : route.router.name;
  }
  return null;
}

/**
 * Confirms a loss with the full simulator: the router matches the witness and `by` wins it. The search
 * inspects entryPoint muxers only, which are a verdict's first routing step; a verdict without one (the TLS
 * handshake failed…) confirms nothing.
 */
function confirmLoss(ctx: SearchContext, router: string, by: string, witness: SimRequest): boolean {
  const verdict = simulate(ctx.routing, witness);
  // A verdict evaluates some routers and ranks all of the muxers it went through (a cheaper step).
  for (const step of verdict.routing) ctx.work.left -= step.evaluated + step.ranking.length / 8;
  const step: RoutingStep | undefined = verdict.routing[0];
  if (!step) return false;
  return step.winner === by && !step.nondeterministic.includes(router) && step.ranking.some((e) => e.router === router && e.result === 'matched');
}

/**
 * Can `router` win a request of this disjunct? `wins` with the request, `loses` with the winner that took
 * every request we built (confirmed by the simulator), or `unknown` (no witness, budget spent, or the
 * simulator disagrees).
 *
 * @example
 * searchWin(ctx, 'a@kubernetescrd', lits, { scheme: 'https', entryPoint: 'websecure' }) // { type: 'loses', by: 'b@…', witness }
 */
export function searchWin(ctx: SearchContext, router: string, lits: readonly Lit[], target: WitnessTarget, depth = 0): SearchOutcome {
  const own = ctx.rules.get(ctx.ruleOf(router), ctx.syntaxOf(router));
  const draft = solve(lits);
  // Callers test an outcome for 'wins' and 'loses' only: whatever else is returned reads as unknown.
  // Stryker disable next-line ObjectLiteral,StringLiteral: see above
  if (!draft || !astHolds(own.ast, draft, own.env)) return { type: 'unknown' };
  if (ctx.budget.left <= 0) {
    ctx.budget.exhausted = true;
    // Stryker disable next-line ObjectLiteral,StringLiteral: see above
    return { type: 'unknown' };
  }
  ctx.budget.left--;
  const witness = toSimRequest(draft, target);
  const by = takenBy(ctx, router, draft);
  if (by === null) return { type: 'wins', witness };
  if (depth < 3) {
    for (const escape of escapesFrom(ctx, by, draft)) {
      const next = searchWin(ctx, router, [...lits, escape], target, depth + 1);
      if (next.type === 'wins') return next;
    }
  }
  // Stryker disable next-line ObjectLiteral,StringLiteral: see above
  if (depth === 0 && !confirmLoss(ctx, router, by, witness)) return { type: 'unknown' };
  return { type: 'loses', by, witness };
}

/** The negations of the leaves of the winner's disjunct that matched the draft (one escape each); none when
 * that disjunct is beyond the 32 the expansion keeps. */
function escapesFrom(ctx: SearchContext, winner: string, draft: Draft): Lit[] {
  const rule = ctx.rules.get(ctx.ruleOf(winner), ctx.syntaxOf(winner));
  const matching = rule.conjunctions.find((c) => c.every((l) => litHolds(l, draft)));
  return (matching ?? []).map((l) => ({ ...l, neg: !l.neg }));
}

const PROBE_HOSTS = ['catch-all-probe.invalid', 'a.b.other-probe.test'];
const PROBE_PATHS = ['/', '/zz-probe/any.thing'];

/**
 * Whether a disjunct accepts any host and any path (`PathPrefix(`/`)`, `HostRegexp(`.*`)`, no host leaf…):
 * its literals hold for unrelated probe hosts and paths put into `draft`, a request satisfying them all
 * (`solve(lits)`): only the host and path literals can tell.
 *
 * @example
 * acceptsAnyHostAndPath(disjuncts('PathPrefix(`/`)', 'v3').conjunctions[0], draft) // true
 */
export function acceptsAnyHostAndPath(lits: readonly Lit[], draft: Draft): boolean {
  for (const host of PROBE_HOSTS) {
    for (const path of PROBE_PATHS) {
      const probe = { ...draft, host, path };
      if (!lits.every((l) => litHolds(l, probe))) return false;
    }
  }
  return true;
}

function normalizeArg(lit: Lit, arg: string, i: number): string {
  if (lit.dim === 'host' && lit.name !== 'HostRegexp') return arg.trim().toLowerCase().replace(/\.$/, '');
  if ((lit.name === 'Path' || lit.name === 'PathPrefix') && arg.length > 1) return arg.replace(/\/+$/, '');
  if (lit.name === 'Method') return arg.toUpperCase();
  if (lit.dim.startsWith('header:') && i === 0) return lit.dim;
  return arg;
}

/**
 * A signature under which rules differing only trivially coincide: host case and trailing dot, a trailing
 * slash on paths, method case, operand order, parentheses, spelling of matcher names, repeated leaves.
 *
 * @example
 * ruleSignature(lits('Host(`A.com`) && PathPrefix(`/api/`)')) === ruleSignature(lits('PathPrefix(`/api`) && Host(`a.com`)')) // true
 */
export function ruleSignature(conjunctions: readonly Lit[][]): string {
  const conj = conjunctions.map((c) =>
    [...new Set(c.map((l) => `${l.neg ? '!' : ''}${l.name === 'HostHeader' ? 'Host' : l.name}(${l.args.map((a, i) => normalizeArg(l, a, i)).join(',')})`))]
      .sort()
      .join('&&'),
  );
  return [...new Set(conj)].sort().join('||');
}
