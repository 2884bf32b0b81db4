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

interface Decision {
  /** The router's own rule matches the request. */
  matched: boolean;
  /** The first router of the muxer whose rule matches. */
  winner: string | null;
  /** The router ties with the winner (same sort key): Traefik may pick it. */
  tied: boolean;
}

/**
 * The muxer's decision for a draft, the fast way: the host index's candidates in rank order until the first
 * match (mux.go ServeHTTP), on the request as the rules see it. Skips the entryPoint pipeline, so a `loses`
 * conclusion is confirmed with the full simulator before it is reported.
 */
function decide(ctx: SearchContext, router: string, draft: Draft): Decision {
  const request = routingRequestOf(draft);
  const own = ctx.routes.get(router);
  if (!own || !own.router.rule.evaluate(request).matched) return { matched: false, winner: null, tied: false };
  for (const rank of candidateRanks(ctx.muxer.index, request.host)) {
    const route = ctx.muxer.routes[rank]!;
    ctx.work.left--;
    if (route === own || !route.router.rule.evaluate(request).matched) continue;
    if (rank > own.rank) break;
    return { matched: true, winner: route.router.name, tied: route.tiedWith.includes(router) };
  }
  return { matched: true, winner: router, tied: false };
}

/** Confirms a loss with the full simulator: the router matches the witness and `by` wins it. */
function confirmLoss(ctx: SearchContext, router: string, by: string, witness: SimRequest): boolean {
  const verdict = simulate(ctx.routing, witness);
  // A verdict evaluates some routers and ranks all of the muxers it went through (a cheaper step).
  for (const step of verdict.routing) ctx.work.left -= step.evaluated + step.ranking.length / 8;
  const step: RoutingStep | undefined = verdict.routing.find((s) => s.ranking.some((e) => e.router === router));
  const entry = step?.ranking.find((e) => e.router === router);
  return !!step && entry?.result === 'matched' && step.winner === by && !step.nondeterministic.includes(router);
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
  if (!draft || !astHolds(own.ast, draft, own.env)) return { type: 'unknown' };
  if (ctx.budget.left <= 0) {
    ctx.budget.exhausted = true;
    return { type: 'unknown' };
  }
  ctx.budget.left--;
  const witness = toSimRequest(draft, target);
  const decision = decide(ctx, router, draft);
  if (!decision.matched || decision.winner === null) return { type: 'unknown' };
  if (decision.winner === router || decision.tied) return { type: 'wins', witness };
  const by = decision.winner;
  if (depth < 3) {
    for (const escape of escapesFrom(ctx, by, draft)) {
      const next = searchWin(ctx, router, [...lits, escape], target, depth + 1);
      if (next.type === 'wins') return next;
    }
  }
  if (depth === 0 && !confirmLoss(ctx, router, by, witness)) return { type: 'unknown' };
  return { type: 'loses', by, witness };
}

/** The negations of the leaves of the winner's disjunct that matched the draft (one escape each). */
function escapesFrom(ctx: SearchContext, winner: string, draft: Draft): Lit[] {
  const rule = ctx.rules.get(ctx.ruleOf(winner), ctx.syntaxOf(winner));
  const matching = rule.conjunctions.find((c) => c.every((l) => litHolds(l, draft)));
  return (matching ?? []).map((l) => ({ ...l, neg: !l.neg }));
}

const PROBE_HOSTS = ['catch-all-probe.invalid', 'a.b.other-probe.test'];
const PROBE_PATHS = ['/', '/zz-probe/any.thing'];

/**
 * Whether a disjunct accepts any host and any path (`PathPrefix(`/`)`, `HostRegexp(`.*`)`, no host leaf…):
 * its host and path literals hold for unrelated probe values.
 *
 * @example
 * acceptsAnyHostAndPath(disjuncts('PathPrefix(`/`)', 'v3').conjunctions[0], draft) // true
 */
export function acceptsAnyHostAndPath(lits: readonly Lit[], draft: Draft): boolean {
  const hostPath = lits.filter((l) => l.dim === 'host' || l.dim === 'path');
  for (const host of PROBE_HOSTS) {
    for (const path of PROBE_PATHS) {
      const probe = { ...draft, host, path };
      if (!hostPath.every((l) => litHolds(l, probe))) return false;
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
