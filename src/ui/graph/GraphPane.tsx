import { useCallback, useMemo, useState } from 'react';
import { Background, Controls, MiniMap, ReactFlow, ReactFlowProvider, type Edge } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import './graph.css';
import { collapseGroups, filterGraph, layoutGraph, pathOf, type Graph, type GraphFilter, type GraphNode, type Layout } from '../../core/graph/index.ts';
import { StudioNode, type NodeState, type StudioFlowNode } from './StudioNode.tsx';
import { GraphToolbar } from './GraphToolbar.tsx';
import type { Highlight } from './highlight.ts';

const nodeTypes = { studio: StudioNode };
const LARGE = 400;
const AUTO_FILTER = 600;

function busiestNamespace(graph: Graph): string | undefined {
  const counts = new Map<string, number>();
  for (const n of graph.nodes) if (n.kind === 'router' && n.namespace) counts.set(n.namespace, (counts.get(n.namespace) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
}

export interface GraphPaneProps {
  graph: Graph;
  layout: Layout;
  highlight?: Highlight | undefined;
  selectedId?: string | null;
  onSelectNode(node: GraphNode): void;
}

/** The graph: columns laid out by core/graph, paths lit on hover and selection, the simulated path highlighted. */
export function GraphPane(props: GraphPaneProps) {
  return (
    <ReactFlowProvider>
      <GraphCanvas {...props} />
    </ReactFlowProvider>
  );
}

function GraphCanvas({ graph, layout, highlight, selectedId, onSelectNode }: GraphPaneProps) {
  const [filter, setFilter] = useState<GraphFilter>({});
  const [collapsed, setCollapsed] = useState<Set<string>>(new Set());
  const [hovered, setHovered] = useState<string | null>(null);

  const [showAll, setShowAll] = useState(false);
  // Thousands of nodes take seconds to render: a large graph opens on one namespace until the user
  // filters or asks for everything.
  const unfiltered = !filter.entryPoint && !filter.namespace && !filter.host && !filter.text;
  const autoNamespace = useMemo(() => (graph.nodes.length > AUTO_FILTER && unfiltered && !showAll ? busiestNamespace(graph) : undefined), [graph, unfiltered, showAll]);
  const effective = autoNamespace ? { ...filter, namespace: autoNamespace } : filter;
  const shown = useMemo(() => filterGraph(collapseGroups(graph, collapsed), effective), [graph, collapsed, effective.namespace, effective.entryPoint, effective.host, effective.text]);
  const shownLayout = useMemo(() => (shown === graph ? layout : layoutGraph(shown, layout)), [shown, graph, layout]);
  const byId = useMemo(() => new Map(shown.nodes.map((n) => [n.id, n])), [shown]);

  // Which routers' paths are lit: the hovered or selected node's routers, else the simulated winner.
  const focus = hovered ?? selectedId ?? null;
  const focusRouters = useMemo(() => {
    const n = focus ? byId.get(focus) : undefined;
    if (!n) return null;
    return n.kind === 'router' ? n.routerNames : n.routerNames.length <= 50 ? n.routerNames : null;
  }, [focus, byId]);
  const winner = highlight?.winner ?? null;
  const lit = useMemo(() => {
    const routers = focusRouters ?? (winner ? [winner] : null);
    if (!routers) return null;
    const nodes = new Set<string>();
    const edges = new Set<string>();
    for (const r of routers) {
      const p = pathOf(shown, r);
      p.nodes.forEach((x) => nodes.add(x));
      p.edges.forEach((x) => edges.add(x));
    }
    return { nodes, edges };
  }, [focusRouters, winner, shown]);
  const losers = useMemo(() => new Set(highlight?.losers ?? []), [highlight]);
  const onCollapse = useCallback((group: string) => setCollapsed((s) => new Set(s).add(group)), []);

  const nodes = useMemo<StudioFlowNode[]>(
    () =>
      shown.nodes.map((n) => {
        const box = shownLayout.positions[n.id] ?? { x: 0, y: 0, width: 250, height: 52 };
        let state: NodeState = 'normal';
        if (lit) state = lit.nodes.has(n.id) ? (winner && !focusRouters && n.routerNames.includes(winner) ? 'winner' : 'lit') : 'dim';
        if (!focusRouters && n.kind === 'router' && n.routerNames.every((r) => losers.has(r)) && losers.size) state = 'loser';
        const stop = highlight?.stoppedAt?.nodeId === n.id ? highlight.stoppedAt.status : undefined;
        if (stop !== undefined) state = 'stopped';
        return {
          id: n.id,
          type: 'studio' as const,
          position: { x: box.x, y: box.y },
          width: box.width,
          height: box.height,
          selected: n.id === selectedId,
          data: { node: n, state, ...(stop !== undefined ? { stop } : {}), collapsible: n.kind === 'router', onCollapse },
        };
      }),
    [shown, shownLayout, lit, winner, focusRouters, losers, highlight, selectedId, onCollapse],
  );
  const large = shown.nodes.length > LARGE;
  const edges = useMemo<Edge[]>(
    () =>
      shown.edges.map((e) => {
        const on = lit?.edges.has(e.id) ?? false;
        return {
          id: e.id,
          source: e.source,
          target: e.target,
          ...(e.label ? { label: e.label } : {}),
          className: on ? 'gedge-lit' : lit ? 'gedge-dim' : '',
          hidden: large && !!e.hub && !on,
          animated: on && !!winner && !focusRouters,
        };
      }),
    [shown, lit, large, winner, focusRouters],
  );

  return (
    <div className="graph-pane">
      <GraphToolbar graph={graph} layout={layout} filter={filter} onFilter={setFilter} collapsed={collapsed} onExpandAll={() => setCollapsed(new Set())} shownCount={shown.nodes.length} />
      {autoNamespace && (
        <p className="notice graph-notice" role="status">
          Large graph ({graph.nodes.length} nodes): showing namespace <strong>{autoNamespace}</strong>. Use the filters, or{' '}
          <button type="button" className="link" onClick={() => setShowAll(true)}>show everything</button> (slow).
        </p>
      )}
      <div className="graph-canvas" aria-label="Routing graph" role="figure">
        <ReactFlow
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          colorMode="dark"
          fitView
          fitViewOptions={{ padding: 0.04 }}
          minZoom={0.05}
          onlyRenderVisibleElements={large}
          nodesDraggable={false}
          nodesConnectable={false}
          nodesFocusable
          edgesFocusable={false}
          elementsSelectable
          onNodeClick={(_, n) => onSelectNode(n.data.node)}
          onNodeMouseEnter={(_, n) => setHovered(n.id)}
          onNodeMouseLeave={() => setHovered(null)}
          onKeyDown={(e) => {
            const id = (e.target as HTMLElement).closest('.react-flow__node')?.getAttribute('data-id');
            if (e.key === 'Enter' && id && byId.get(id)) onSelectNode(byId.get(id)!);
          }}
          // React Flow listens for these keys on the whole document and ignores only <input>/<textarea>
          // targets; Monaco types through an EditContext <div>, so Space (pan) ate every space typed.
          panActivationKeyCode={null}
          deleteKeyCode={null}
          selectionKeyCode={null}
          multiSelectionKeyCode={null}
          zoomActivationKeyCode={null}
          proOptions={{ hideAttribution: true }}
        >
          <Background gap={24} size={1} />
          <Controls showInteractive={false} />
          {shown.nodes.length > 30 && <MiniMap pannable zoomable nodeStrokeWidth={2} ariaLabel="Graph overview" />}
        </ReactFlow>
      </div>
    </div>
  );
}
