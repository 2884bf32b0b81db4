// Mirrors pkg/muxer/http/mux.go Muxer.ServeHTTP: the first route (in priority order) whose rule matches wins.
// We also evaluate the candidates after the winner, to report routers that matched but lost on priority.
import type { CompiledMuxer, MuxRoute, RuleEvaluation } from './compiled.ts';
import { candidateRanks } from './host-index.ts';
import { methodNotAllowed } from './method-not-allowed.ts';
import { tiedFields, type RankEntry, type RoutingStep } from './verdict.ts';
import { priorityText } from './order.ts';


export type RoutingMode = 'indexed' | 'linear';

export interface MuxerResult {
  step: RoutingStep;
  winner: MuxRoute | null;
  /** v2.11 only: no route matched but one failed only on Method → 405. */
  methodNotAllowed: boolean;
}

function ranksOf(muxer: CompiledMuxer, canonicalHost: string, mode: RoutingMode): number[] {
  return mode === 'linear' ? muxer.routes.map((r) => r.rank) : candidateRanks(muxer.index, canonicalHost);
}

/**
 * Only the winner (first match in order), without a ranking: for hints such as "would match over HTTPS".
 *
 * @example
 * firstMatch(ep.https, request, 'a.com')?.router.name
 */
export function firstMatch(muxer: CompiledMuxer, request: unknown, canonicalHost: string): MuxRoute | null {
  for (const rank of candidateRanks(muxer.index, canonicalHost)) {
    const route = muxer.routes[rank]!;
    if (route.router.rule.evaluate(request).matched) return route;
  }
  return null;
}

/**
 * Routes one request through a muxer and ranks every router of it.
 *
 * @example
 * const { winner, step } = routeMuxer(ep.https, request, 'shop.example.com', 'indexed', false);
 */
export function routeMuxer(
  muxer: CompiledMuxer,
  request: unknown,
  canonicalHost: string,
  mode: RoutingMode,
  detectMethodNotAllowed: boolean,
): MuxerResult {
  const routes = muxer.routes;
  const evaluations: (RuleEvaluation | undefined)[] = new Array(routes.length);
  let winner: MuxRoute | null = null;
  let evaluated = 0;
  for (const rank of ranksOf(muxer, canonicalHost, mode)) {
    const route = routes[rank]!;
    const evaluation = route.router.rule.evaluate(request);
    evaluations[rank] = evaluation;
    evaluated++;
    if (evaluation.matched && !winner) winner = route;
  }
  // Routers the index skipped share their precomputed (frozen) entry; evaluated ones get a fresh one.
  const ranking: RankEntry[] = routes.map((route) => route.excludedEntry as RankEntry);
  evaluations.forEach((evaluation, i) => {
    if (!evaluation) return;
    const route = routes[i]!;
    const r = route.router;
    const entry: RankEntry = { router: r.name, priority: r.priority, rank: i, result: evaluation.matched ? 'matched' : 'not-matched', because: evaluation.because, winner: route === winner, via: 'evaluated' };
    if (evaluation.decidedBy) entry.decidedBy = evaluation.decidedBy;
    if (evaluation.matched && winner && route !== winner) {
      entry.shadowedBy = winner.router.name;
      entry.because = `${evaluation.because}; but ${winner.router.name} comes first (priority ${priorityText(winner.router.priority)})`;
    }
    // The capped list made at compile time: reading route.tiedWith lists the whole tie group, which made each
    // request cost (routers evaluated × group size) — quadratic when thousands share one priority.
    const { tiedWith, tiedTotal } = route.excludedEntry;
    if (tiedWith) Object.assign(entry, tiedFields(tiedWith, tiedTotal ?? tiedWith.length));
    ranking[i] = entry;
  });
  for (const r of muxer.skipped) {
    ranking.push({ router: r.name, priority: r.priority, rank: -1, result: 'skipped', because: `not served by Traefik: ${r.skipReason}`, winner: false, via: 'disabled' });
  }
  const notes: string[] = [];
  let nondeterministic: string[] = [];
  if (winner) {
    // The winner's tie group is the routes with its sort key (sortRoutes): only evaluated ones can have matched,
    // so the group itself is never listed (it can hold every router of the muxer).
    const w = winner;
    const tiedMatches: string[] = [];
    evaluations.forEach((evaluation, i) => {
      const r = routes[i]!;
      if (evaluation?.matched && r !== w && r.router.priority === w.router.priority && r.providerRank === w.providerRank) tiedMatches.push(r.router.name);
    });
    if (tiedMatches.length > 0) {
      nondeterministic = [winner.router.name, ...tiedMatches];
      notes.push(`${nondeterministic.join(', ')} match with the same priority: Traefik's order between them is random (non-stable sort of a map), so any of them may answer`);
    }
  }
  const step: RoutingStep = { muxer: muxer.kind, entryPoint: muxer.entryPoint, ranking, winner: winner?.router.name ?? null, nondeterministic, evaluated, notes };
  if (muxer.parent !== undefined) step.parent = muxer.parent;
  const mna = !winner && detectMethodNotAllowed ? methodNotAllowed(routes.map((m) => m.router.rule), request) : false;
  return { step, winner, methodNotAllowed: mna };
}
