// No Traefik counterpart: reachability over the muxers Traefik builds per entryPoint (pkg/server/router/router.go,
// one for plain HTTP and one for TLS) — routers that can never win, near-duplicate rules, catch-alls.
import { compileRouting, type CompiledRouting } from '../simulate/index.ts';
import type { CompiledMuxer } from '../simulate/compiled.ts';
import type { DynamicConfig, RuleSyntax, Settings } from '../types.ts';
import { solve, targetEnv } from './witness.ts';
import { acceptsAnyHostAndPath, RuleCache, ruleSignature, searchWin, type SearchContext, type SearchOutcome } from './shadow-search.ts';
import type { ShadowFinding } from './types.ts';
import { drain } from '../steps.ts';

export interface ShadowOptions {
  /** Reuse routing compiled for this config and settings (the worker has one per analysis). */
  routing?: CompiledRouting;
  /** Routing decisions allowed per router and muxer (default 48). */
  budgetPerRouter?: number;
  /** Rule evaluations allowed in all (default 3,000,000, about a second): on larger workspaces the
   * routers beyond it are not checked, and the report says how many were. */
  maxEvaluations?: number;
  /** Also stop at this time (`performance.now()`): the editor's worker keeps each analysis short; the
   * CLI leaves it out so that its findings do not depend on the machine. */
  deadline?: number;
}

/** What the shadow search found, and how much of the workspace it covered. */
export interface ShadowReport {
  findings: ShadowFinding[];
  /** Routers checked, out of all routers served on some muxer; equal when the search was complete. */
  checked: number;
  total: number;
}

/** `websecure (TLS)` or `web`. */
function muxerLabel(m: CompiledMuxer): string {
  return m.kind === 'https' ? `${m.entryPoint} (TLS)` : m.entryPoint;
}

function describe(w: { method: string; url: string; headers: Record<string, unknown> }): string {
  const headers = Object.keys(w.headers);
  return `${w.method} ${w.url}${headers.length ? ` with ${headers.join(', ')}` : ''}`;
}

/**
 * Routers that can never win, near-duplicate rules and catch-alls, per entryPoint muxer:
 * - `shadowed`: every witness of the router (each disjunct of its rule, and every request built to escape the
 *   winner) is won by a higher-ranked router; `witness` is the proof, `by` the winner.
 * - `near-duplicate`: two routers of one muxer whose rules differ only trivially (case, trailing slash, order)
 *   and whose priorities differ (ties are validate's RUNTIME_PRIORITY_TIE).
 * - `catch-all`: a rule accepting any host and any path that wins requests of lower-ranked routers.
 * Routers Traefik does not serve, internal routers as subjects, and child muxers (parentRefs) are left out.
 * Never throws.
 *
 * @example
 * findShadowed(analysis.config, analysis.settings)
 * // [{ kind: 'shadowed', router: 'apps-api-…@kubernetescrd', by: 'apps-all-…@kubernetescrd', witness: {…}, message: '…' }]
 */
export function findShadowed(config: DynamicConfig, settings: Settings, opts: ShadowOptions = {}): ShadowFinding[] {
  return shadowReport(config, settings, opts).findings;
}

/**
 * findShadowed, with how many routers it could check within `maxEvaluations`.
 *
 * @example
 * const { findings, checked, total } = shadowReport(config, settings, { maxEvaluations: 1e6 });
 */
export function shadowReport(config: DynamicConfig, settings: Settings, opts: ShadowOptions = {}): ShadowReport {
  return drain(shadowSteps(config, settings, opts));
}

/**
 * shadowReport in steps: it pauses (yields) after each router it checks, so that its caller can run other work
 * in between or give up (the editor's worker leaves a check for a newer edit), and returns the report.
 *
 * @example
 * const steps = shadowSteps(config, settings);
 * let step = steps.next();
 * while (!step.done) step = steps.next(); // step.value: the report
 */
export function* shadowSteps(config: DynamicConfig, settings: Settings, opts: ShadowOptions = {}): Generator<void, ShadowReport> {
  const report: ShadowReport = { findings: [], checked: 0, total: 0 };
  try {
    const routing = opts.routing ?? compileRouting(config, settings, {});
    const muxers = Object.values(routing.entryPoints).flatMap((ep) => [ep.http, ep.https]);
    report.total = muxers.reduce((n, m) => n + m.routes.filter((r) => !r.router.internal).length, 0);
    const work = { left: opts.maxEvaluations ?? 3_000_000 };
    const deadline = opts.deadline ?? Infinity;
    for (const muxer of muxers) report.findings.push(...(yield* inspectMuxer(routing, muxer, opts.budgetPerRouter ?? 48, work, report, deadline)));
  } catch {
    // Never throws: what was found so far stands.
  }
  return report;
}

function* inspectMuxer(routing: CompiledRouting, muxer: CompiledMuxer, budget: number, work: { left: number }, report: { checked: number }, deadline: number): Generator<void, ShadowFinding[]> {
  const rules = new RuleCache(targetEnv(routing.settings));
  // Every name asked about is a route of this muxer, compiled in `routing`.
  const syntaxOf = (name: string): RuleSyntax => routing.routers[name]!.rule.syntax;
  const ruleOf = (name: string): string => routing.routers[name]!.router.rule;
  const label = muxerLabel(muxer);
  const target = { scheme: muxer.kind === 'https' ? ('https' as const) : ('http' as const), entryPoint: muxer.entryPoint };
  const findings: ShadowFinding[] = [];
  const swallowedBy = new Map<string, { victim: string; witness: ShadowFinding['witness'] }[]>();
  const shadowPairs = new Set<string>();
  const byName = new Map(muxer.routes.map((r) => [r.router.name, r]));

  for (const route of muxer.routes) {
    const name = route.router.name;
    if (route.router.internal) continue;
    yield; // a pause between routers (shadowSteps)
    if (work.left <= 0) break;
    // Stryker disable next-line EqualityOperator: `>=` differs only when the clock reads the deadline to the fraction of a millisecond
    if (performance.now() > deadline) break;
    report.checked++;
    // A served router's rule parsed without errors (compile.ts makeRouter): at least one conjunction.
    const parsed = rules.get(ruleOf(name), syntaxOf(name));
    const ctx: SearchContext = { routing, muxer, routes: byName, rules, syntaxOf, ruleOf, budget: { left: budget, exhausted: false }, work };
    const outcomes: SearchOutcome[] = parsed.conjunctions.map((lits) => searchWin(ctx, name, lits, target));
    for (const o of outcomes) {
      // Stryker disable next-line ConditionalExpression: other outcomes have no `by`; a list under the key undefined is never read
      if (o.type !== 'loses') continue;
      const list = swallowedBy.get(o.by) ?? [];
      if (!list.some((x) => x.victim === name)) list.push({ victim: name, witness: o.witness });
      swallowedBy.set(o.by, list);
    }
    const conclusive = !ctx.budget.exhausted && outcomes.every((o) => o.type === 'loses');
    if (!conclusive) continue;
    const losses = outcomes as Extract<SearchOutcome, { type: 'loses' }>[];
    const first = losses[0]!;
    const winners = [...new Set(losses.map((l) => l.by))];
    const redirect = routing.entryPoints[muxer.entryPoint]!.redirect?.router === first.by;
    const reason = redirect
      ? `the entryPoint redirection ${first.by} answers every request on ${label} first`
      : `${winners.join(' and ')} ${winners.length > 1 ? 'rank' : 'ranks'} higher and ${winners.length > 1 ? 'match' : 'matches'} every request it matches`;
    findings.push({
      kind: 'shadowed', router: name, by: first.by, others: winners, entryPoint: label, witness: first.witness,
      message: `Router ${name} can never win on ${label}: ${reason}. For example ${describe(first.witness)} goes to ${first.by}. Raise its priority or narrow the other rule.`,
    });
    for (const w of winners) shadowPairs.add(`${name}|${w}`);
  }

  findings.push(...nearDuplicates(muxer, rules, syntaxOf, ruleOf, label, shadowPairs));
  findings.push(...catchAlls(muxer, rules, syntaxOf, ruleOf, label, swallowedBy));
  return findings;
}

function nearDuplicates(
  muxer: CompiledMuxer, rules: RuleCache, syntaxOf: (n: string) => RuleSyntax, ruleOf: (n: string) => string, label: string, shadowPairs: Set<string>,
): ShadowFinding[] {
  const seen = new Map<string, string>();
  const out: ShadowFinding[] = [];
  for (const route of muxer.routes) {
    const name = route.router.name;
    if (route.router.internal) continue;
    const sig = ruleSignature(rules.get(ruleOf(name), syntaxOf(name)).conjunctions);
    const twin = seen.get(sig);
    if (twin === undefined) {
      seen.set(sig, name);
      continue;
    }
    if (shadowPairs.has(`${name}|${twin}`)) continue; // already reported as shadowed by its twin
    if (route.tiedWith.includes(twin)) continue; // equal priorities: validate's RUNTIME_PRIORITY_TIE says it
    const same = ruleOf(name) === ruleOf(twin);
    const order = `${twin} ranks first`;
    out.push({
      kind: 'near-duplicate', router: name, by: twin, others: [twin], entryPoint: label, witness: null,
      message: same
        ? `Router ${name} has the same rule as ${twin} on ${label} (${ruleOf(name)}); ${order}. Merge the routes or make the rules distinct.`
        : `Router ${name} (${ruleOf(name)}) differs only trivially from ${twin} (${ruleOf(twin)}) on ${label}; ${order}. Merge them or make the difference intended.`,
    });
  }
  return out;
}

function catchAlls(
  muxer: CompiledMuxer, rules: RuleCache, syntaxOf: (n: string) => RuleSyntax, ruleOf: (n: string) => string, label: string,
  swallowedBy: Map<string, { victim: string; witness: ShadowFinding['witness'] }[]>,
): ShadowFinding[] {
  const out: ShadowFinding[] = [];
  for (const route of muxer.routes) {
    const name = route.router.name;
    const victims = swallowedBy.get(name);
    if (route.router.internal || !victims?.length) continue;
    const parsed = rules.get(ruleOf(name), syntaxOf(name));
    const any = parsed.conjunctions.some((lits) => {
      const draft = solve(lits);
      // Stryker disable next-line ConditionalExpression: with a null draft the probes cannot be evaluated (litHolds gives false)
      return draft !== null && acceptsAnyHostAndPath(lits, draft);
    });
    if (!any) continue;
    const names = victims.map((v) => v.victim);
    out.push({
      kind: 'catch-all', router: name, by: names[0]!, others: names, entryPoint: label, witness: victims[0]!.witness,
      message: `Router ${name} (${ruleOf(name)}) matches any host and path on ${label} and ranks above ${names.join(', ')}, taking ${names.length > 1 ? 'their' : 'its'} requests. Give it a lower priority so it only catches what no other route takes.`,
    });
  }
  return out;
}
