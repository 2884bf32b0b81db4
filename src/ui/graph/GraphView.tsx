import { useMemo } from 'react';
import { useStudio } from '../../store/index.ts';
import { GraphPane } from './GraphPane.tsx';
import type { GraphNode } from '../../core/graph/index.ts';
import { verdictHighlight } from './highlight.ts';

/** Adapts the store to the graph pane: analysis → graph, verdict → highlight, selection both ways. */
export default function GraphView() {
  const analysis = useStudio((s) => s.analysis);
  const verdict = useStudio((s) => s.verdict);
  const selection = useStudio((s) => s.selection);
  const highlight = useMemo(() => (verdict && analysis ? verdictHighlight(verdict, analysis.graph) : undefined), [verdict, analysis]);
  const selectedId = useMemo(() => {
    if (!analysis || !selection) return null;
    const nodes = analysis.graph.nodes;
    if (selection.nodeId) return selection.nodeId;
    const byRouter = selection.routerName ? nodes.find((n) => n.kind === 'router' && n.routerNames?.includes(selection.routerName!)) : undefined;
    const byResource = selection.resourceId ? nodes.find((n) => n.origin?.resourceId === selection.resourceId) : undefined;
    return (byRouter ?? byResource)?.id ?? null;
  }, [analysis, selection]);

  if (!analysis) return <p className="empty" role="status">Analysing…</p>;
  const onSelectNode = (node: GraphNode) => {
    const s = useStudio.getState();
    s.select({ nodeId: node.id, resourceId: node.origin?.resourceId, routerName: node.kind === 'router' ? node.routerNames?.[0] : undefined, from: 'graph' });
    if (node.origin) s.revealRange(node.origin.file, node.origin.range);
  };
  return <GraphPane graph={analysis.graph} layout={analysis.layout} highlight={highlight} selectedId={selectedId} onSelectNode={onSelectNode} />;
}
