import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { Background, Controls, ReactFlow, ReactFlowProvider, useReactFlow } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import './graph.css';
import { collapseGroups, filterGraph, layoutGraph, type Graph, type GraphFilter, type GraphNode, type Layout } from '../../core/graph/index.ts';
import { StudioNode } from './StudioNode.tsx';
import { GroupFrame } from './GroupFrame.tsx';
import { GraphToolbar } from './GraphToolbar.tsx';
import { Overview } from './Overview.tsx';
import { PathOverlay } from './PathOverlay.tsx';
import type { Highlight } from './highlight.ts';
import { LARGE_GRAPH, useFlowElements } from './useFlowElements.ts';
import { resolveShown, viewState } from './view-state.ts';

const AUTO_FILTER = 600;

function busiestNamespace(graph: Graph): string | undefined {
  const counts = new Map<string, number>();
  for (const n of graph.nodes) if (n.kind === 'router' && n.namespace) counts.set(n.namespace, (counts.get(n.namespace) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
}

const nodeTypes = { studio: StudioNode, irGroup: GroupFrame };

export interface GraphPaneProps {
  graph: Graph;
  /** The layout of the whole `graph` (filters and collapsing re-lay out from it, stably). */
  layout: Layout;
  /** After a simulation: the winning router, the routers that lost, where a 404/421/401… stopped. */
  highlight?: Highlight | undefined;
  /** A node id of `graph` (a router inside a collapsed IngressRoute selects the collapsed node). */
  selectedId?: string | null | undefined;
  onSelectNode(node: GraphNode): void;
}

/** The routing graph: columns laid out by core/graph, paths lit on hover and selection, the simulated
 * path highlighted, filters and collapsible IngressRoutes, export of the whole graph. */
export function GraphPane(props: GraphPaneProps) {
  return (
    <ReactFlowProvider>
      <GraphCanvas {...props} />
    </ReactFlowProvider>
  );
}

function GraphCanvas({ graph, layout, highlight, selectedId, onSelectNode }: GraphPaneProps) {
  const [filter, setFilter] = useState<GraphFilter>({});
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const [hovered, setHovered] = useState<string | null>(null);
  const deferredFilter = useDeferredValue(filter);
  const flow = useReactFlow();
  const canvas = useRef<HTMLDivElement>(null);

  const [showAll, setShowAll] = useState(false);
  // Thousands of nodes take seconds to render (the 1,000-IngressRoute workspace froze the page for
  // 3–4 s per edit): a large graph opens on its busiest namespace until the user filters or asks for all.
  const unfiltered = !deferredFilter.entryPoint && !deferredFilter.namespace && !deferredFilter.host && !deferredFilter.text;
  const autoNamespace = useMemo(() => (graph.nodes.length > AUTO_FILTER && unfiltered && !showAll ? busiestNamespace(graph) : undefined), [graph, unfiltered, showAll]);
  const effective = useMemo(() => (autoNamespace ? { ...deferredFilter, namespace: autoNamespace } : deferredFilter), [autoNamespace, deferredFilter]);
  const shown = useMemo(() => filterGraph(collapseGroups(graph, collapsed), effective), [graph, collapsed, effective]);
  const shownLayout = useMemo(() => (shown === graph ? layout : layoutGraph(shown, layout)), [shown, graph, layout]);
  const shownById = useMemo(() => new Map(shown.nodes.map((n) => [n.id, n])), [shown]);
  const selected = resolveShown(graph, shownById, selectedId);
  const stoppedId = resolveShown(graph, shownById, highlight?.stoppedAt?.nodeId);
  const state = useMemo(() => viewState(shown, shownById, hovered ?? selected, highlight, stoppedId), [shown, shownById, hovered, selected, highlight, stoppedId]);

  const onToggleGroup = useCallback((group: string) => {
    setCollapsed((s) => {
      const next = new Set(s);
      if (!next.delete(group)) next.add(group);
      return next;
    });
  }, []);
  const groups = useMemo(() => [...new Set(graph.nodes.map((n) => n.group).filter((g): g is string => !!g))], [graph]);
  const { nodes, edges } = useFlowElements(shown, shownLayout, state, selected, onToggleGroup);

  // Another document (most ids new): fit it, as on first load.
  const lastIds = useRef<Set<string> | null>(null);
  useEffect(() => {
    const ids = new Set(graph.nodes.map((n) => n.id));
    const prev = lastIds.current;
    lastIds.current = ids;
    if (!prev || graph.nodes.length > LARGE_GRAPH) return;
    let known = 0;
    for (const id of ids) if (prev.has(id)) known++;
    if (known < ids.size / 2) requestAnimationFrame(() => void flow.fitView({ padding: 0.05, maxZoom: 1.2 }));
  }, [graph, flow]);

  // A selection made elsewhere (the editor's cursor) brings its node into view.
  useEffect(() => {
    const box = selected ? shownLayout.positions[selected] : undefined;
    const el = canvas.current;
    if (!box || !el) return;
    const { x, y, zoom } = flow.getViewport();
    const left = -x / zoom;
    const top = -y / zoom;
    const inside = box.x >= left && box.y >= top && box.x + box.width <= left + el.clientWidth / zoom && box.y + box.height <= top + el.clientHeight / zoom;
    if (!inside) void flow.setCenter(box.x + box.width / 2, box.y + box.height / 2, { zoom: Math.max(zoom, 0.6), duration: 200 });
  }, [selected, shownLayout, flow]);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Enter' && e.key !== ' ') return;
    const id = (e.target as HTMLElement).closest('.react-flow__node')?.getAttribute('data-id');
    const node = id ? shownById.get(id) : undefined;
    if (!node) return;
    e.preventDefault();
    onSelectNode(node);
  };
  const large = shown.nodes.length > LARGE_GRAPH;

  return (
    <div className="graph-pane">
      {autoNamespace && (
        <p className="notice graph-notice" role="status">
          Large graph ({graph.nodes.length} nodes): showing namespace <strong>{autoNamespace}</strong>. Use the filters, or{' '}
          <button type="button" className="link" onClick={() => setShowAll(true)}>show everything</button> (slow).
        </p>
      )}
      <GraphToolbar
        graph={graph}
        layout={layout}
        filter={filter}
        onFilter={setFilter}
        collapsedCount={collapsed.size}
        groupCount={groups.length}
        onCollapseAll={() => setCollapsed(new Set(groups))}
        onExpandAll={() => setCollapsed(new Set())}
        shownCount={shown.nodes.length}
      />
      <div className={`graph-canvas${state.lit ? ' graph-dimming' : ''}`} ref={canvas} aria-label="Routing graph" role="figure">
        <ReactFlow
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          colorMode="dark"
          // Fitting thousands of nodes renders them all at once: large graphs open at reading zoom.
          fitView={!large}
          fitViewOptions={{ padding: 0.05, maxZoom: 1.2 }}
          defaultViewport={{ x: 16, y: 16, zoom: 0.75 }}
          minZoom={0.02}
          maxZoom={2}
          onlyRenderVisibleElements
          nodesDraggable={false}
          nodesConnectable={false}
          nodesFocusable
          edgesFocusable={false}
          elementsSelectable
          onNodeClick={(_, n) => n.type === 'studio' && shownById.has(n.id) && onSelectNode(shownById.get(n.id)!)}
          onNodeMouseEnter={(_, n) => n.type === 'studio' && setHovered(n.id)}
          onNodeMouseLeave={() => setHovered(null)}
          onPaneClick={() => setHovered(null)}
          onKeyDown={onKeyDown}
          // React Flow listens for these keys on the whole document and ignores only <input>/<textarea>
          // targets; Monaco types through an EditContext <div>, so Space (pan) ate every space typed.
          panActivationKeyCode={null}
          deleteKeyCode={null}
          selectionKeyCode={null}
          multiSelectionKeyCode={null}
          zoomActivationKeyCode={null}
          ariaLabelConfig={{ 'node.a11yDescription.default': 'Press Enter to select this node and show it in the editor. Tab moves to the next node.' }}
          proOptions={{ hideAttribution: true }}
        >
          <Background gap={24} size={1} />
          <Controls showInteractive={false} aria-label="Zoom and fit view" />
          {state.lit && state.mode && <PathOverlay graph={shown} layout={shownLayout} edges={state.lit.edges} mode={state.mode} />}
          {shown.nodes.length > 12 && <Overview layout={shownLayout} />}
        </ReactFlow>
        {shown.nodes.length === 0 && (
          <p className="graph-empty" role="status">
            {graph.nodes.length === 0 ? 'No routes yet: add an IngressRoute to see its graph.' : 'No route matches these filters.'}
          </p>
        )}
      </div>
    </div>
  );
}
