import type { Graph, GraphNode } from './types.ts';
import { prng } from '../prng.ts';


/**
 * A generated 4-column graph of about `n` nodes with hub nodes (one entryPoint and a few middlewares
 * tied to many routers), as real clusters have: for the layout benchmark and tests.
 */
export function generateGraph(n: number, seed = 1): Graph {
  const rnd = prng(seed);
  const routers = Math.round(n * 0.5);
  const middlewares = Math.max(3, Math.round(n * 0.1));
  const services = Math.max(1, n - routers - middlewares - 2);
  const node = (id: string, column: number, kind: GraphNode['kind']): GraphNode => ({ id, column, kind, label: id, detail: '', fullText: id, badges: { errors: 0, warnings: 0 }, routerNames: [], group: `g${Math.floor(rnd() * 50)}` });
  const nodes: GraphNode[] = [node('ep:web', 0, 'entryPoint'), node('ep:websecure', 0, 'entryPoint')];
  for (let i = 0; i < routers; i++) nodes.push(node(`r${i}`, 1, 'router'));
  for (let i = 0; i < middlewares; i++) nodes.push(node(`m${i}`, 2, 'middleware'));
  for (let i = 0; i < services; i++) nodes.push(node(`s${i}`, 3, 'service'));
  const edges: Graph['edges'] = [];
  for (let i = 0; i < routers; i++) {
    const r = `r${i}`;
    edges.push({ id: `ep-${r}`, source: rnd() < 0.7 ? 'ep:websecure' : 'ep:web', target: r, routers: [r] });
    let prev = r;
    if (rnd() < 0.6) {
      const m = `m${rnd() < 0.5 ? Math.floor(rnd() * 3) : Math.floor(rnd() * middlewares)}`;
      edges.push({ id: `${prev}-${m}-${i}`, source: prev, target: m, routers: [r] });
      prev = m;
    }
    edges.push({ id: `${prev}-s-${i}`, source: prev, target: `s${Math.floor(rnd() * services)}`, routers: [r] });
  }
  return { nodes, edges };
}
