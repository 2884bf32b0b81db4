import { memo, useMemo } from 'react';
import { getBezierPath, Position, ViewportPortal } from '@xyflow/react';
import type { Graph, Layout } from '../../core/graph/index.ts';

interface Props {
  graph: Graph;
  layout: Layout;
  /** Ids of the edges to draw (the lit path). */
  edges: ReadonlySet<string>;
  mode: 'focus' | 'simulation';
}

/**
 * The lit path drawn over the graph, in graph coordinates. React Flow's own edges never change when a
 * path lights up: changing them makes it rebuild its edge lookups over every edge (a quarter of a
 * second at 5,000 nodes). It also brings back the hub edges a large graph leaves out.
 */
export const PathOverlay = memo(function PathOverlay({ graph, layout, edges, mode }: Props) {
  const paths = useMemo(() => {
    const out: { id: string; d: string; dashed: boolean }[] = [];
    for (const e of graph.edges) {
      if (!edges.has(e.id) || e.source === e.target) continue;
      const s = layout.positions[e.source];
      const t = layout.positions[e.target];
      if (!s || !t) continue;
      const [d] = getBezierPath({ sourceX: s.x + s.width, sourceY: s.y + s.height / 2, sourcePosition: Position.Right, targetX: t.x, targetY: t.y + t.height / 2, targetPosition: Position.Left });
      out.push({ id: e.id, d, dashed: e.kind === 'mirror' || e.kind === 'fallback' || e.kind === 'errors' });
    }
    return out;
  }, [graph, layout, edges]);
  if (paths.length === 0) return null;
  return (
    <ViewportPortal>
      <svg className={`graph-path graph-path-${mode}`} width={1} height={1} aria-hidden="true">
        <defs>
          <marker id={`graph-path-arrow-${mode}`} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M0,0 L10,5 L0,10 z" />
          </marker>
        </defs>
        {paths.map((p) => (
          <path key={p.id} d={p.d} className={p.dashed ? 'graph-path-dashed' : undefined} markerEnd={`url(#graph-path-arrow-${mode})`} />
        ))}
      </svg>
    </ViewportPortal>
  );
});
