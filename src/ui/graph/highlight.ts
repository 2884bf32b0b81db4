import { verdictToJson, type Verdict } from '../../core/simulate/index.ts';
import type { Graph } from '../../core/graph/index.ts';
import type { VerdictJson } from '../simulator/verdict-json.ts';

export interface Highlight {
  winner?: string | null;
  losers?: string[];
  stoppedAt?: { nodeId: string; status: number } | null;
}

/** Where a simulated request went in the graph: the winning router's path, dimmed losers, and the
 * node where Traefik answered by itself (404 at the entryPoint, 421/401/403/redirects at a router). */
export function verdictHighlight(verdict: Verdict, graph: Graph): Highlight {
  const json = verdictToJson(verdict) as VerdictJson;
  const losers = json.ranking.filter((r) => r.router !== json.router).map((r) => r.router);
  let stoppedAt: Highlight['stoppedAt'] = null;
  if (json.outcome.type === 'responded') {
    const routerNode = json.router ? graph.nodes.find((n) => n.kind === 'router' && n.routerNames?.includes(json.router!)) : undefined;
    const epNode = graph.nodes.find((n) => n.kind === 'entryPoint' && n.label === json.entryPoint);
    const node = routerNode ?? epNode;
    if (node) stoppedAt = { nodeId: node.id, status: json.outcome.status };
  }
  return { winner: json.router, losers, stoppedAt };
}
