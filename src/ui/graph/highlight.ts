import type { Verdict } from '../../core/simulate/index.ts';
import type { Graph } from '../../core/graph/index.ts';

export interface Highlight {
  /** The router that won (its whole path is lit). */
  winner?: string | null;
  /** Routers the simulator ranked and that did not win (dimmed, marked as losers). */
  losers?: string[];
  /** The node where Traefik answered by itself, and the status. */
  stoppedAt?: { nodeId: string; status: number } | null;
}

/**
 * Where a simulated request went in the graph: the winning router's path, dimmed losers, and the node
 * where Traefik answered by itself — the middleware that responded (401, 403, a redirect, 429…) or the
 * router (421, an error). A 404 (no router matched) marks no node: entryPoints are not drawn, and the
 * routes that were tried are marked as losers.
 */
export function verdictHighlight(verdict: Verdict, graph: Graph): Highlight {
  const ranking = verdict.routing.flatMap((step) => step.ranking);
  const losers = [...new Set(ranking.filter((r) => r.router !== verdict.router).map((r) => r.router))];
  let stoppedAt: Highlight['stoppedAt'] = null;
  if (verdict.type === 'responded') {
    const ids = new Set(graph.nodes.map((n) => n.id));
    const responded = verdict.middlewares.find((m) => m.status === 'responded' || m.status === 'missing' || m.status === 'error');
    const candidates = [
      responded ? `middleware:${responded.name}` : '',
      responded ? `missing:middleware:${responded.name}` : '',
      verdict.router ? `router:${verdict.router}` : '',
    ];
    const nodeId = candidates.find((id) => id && ids.has(id));
    if (nodeId) stoppedAt = { nodeId, status: verdict.response.status };
  }
  return { winner: verdict.router, losers, stoppedAt };
}
