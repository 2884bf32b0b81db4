import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState, type Dispatch, type SetStateAction } from 'react';
import { Background, ConnectionMode, ControlButton, Controls, ReactFlow, ReactFlowProvider } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import './graph.css';
import { collapseGroups, filterGraph, hideBackends, isFiltering, layoutGraph, SCOPE_FROM, type Graph, type GraphFilter, type GraphNode, type GraphScope, type Layout } from '../../core/graph/index.ts';
import { StudioNode } from './StudioNode.tsx';
import { GroupFrame } from './GroupFrame.tsx';
import { GraphToolbar } from './GraphToolbar.tsx';
import { Overview } from './Overview.tsx';
import { PathOverlay } from './PathOverlay.tsx';
import type { Highlight } from './highlight.ts';
import { useFlowElements } from './useFlowElements.ts';
import { resolveShown, viewState } from './view-state.ts';
import { MIN_ZOOM, useFit, useViewportFollow } from './useViewportFollow.ts';
import { GraphActionsContext } from './graph-actions.ts';
import { GraphDialog } from './GraphDialog.tsx';
import { useGraphEditing } from './useGraphEditing.ts';
import { useGraphKeys } from './useGraphKeys.ts';
import { analysisClient } from '../useAnalysis.ts';
import { DEFAULT_VIEW } from '../../worker/protocol.ts';
import { useStudio } from '../../store/index.ts';

const nodeTypes = { studio: StudioNode, irGroup: GroupFrame };

export interface GraphPaneProps {
  graph: Graph;
  /** The layout of `graph` without its backends (filters, collapsing and backends re-lay out from it, stably). */
  layout: Layout;
  /**
   * What `graph` is of the whole graph. A large graph comes from the worker as the pane's view keeps it (its filters,
   * or the namespace it opens on: core/graph scopeGraph). The whole one renders and pans fine at 8,000 nodes, but
   * each edit cost the main thread ~0.3 s more at 1,000 IngressRoutes; at 5,000, laying it out, comparing it with
   * what the page held and sending it cost the worker ~270 ms per keystroke (Node).
   */
  scope: GraphScope;
  /** The namespace a large graph opens on when nothing filters it (the selection's); else its busiest. */
  prefer?: string | undefined;
  /** The label of the selected route when `graph`, scoped, does not hold it. */
  outside?: string | undefined;
  /** After a simulation: the winning router, the routers that lost, where a 404/421/401… stopped. */
  highlight?: Highlight | undefined;
  /** A node id of `graph` (a router inside a collapsed IngressRoute selects the collapsed node). */
  selectedId?: string | null | undefined;
  onSelectNode(node: GraphNode): void;
}

/** The routing graph: columns laid out by core/graph, paths lit on hover and selection, the simulated
 * path highlighted, filters and collapsible IngressRoutes, export, and editing by drag, Delete and "+". */
export function GraphPane(props: GraphPaneProps) {
  return (
    <ReactFlowProvider>
      <GraphCanvas {...props} />
    </ReactFlowProvider>
  );
}

function GraphCanvas({ graph, layout, scope, prefer, outside, highlight, selectedId, onSelectNode }: GraphPaneProps) {
  const [filter, setFilter] = useState<GraphFilter>({});
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const [hovered, setHovered] = useState<string | null>(null);
  const [backends, setBackends] = useState(false);
  const deferredFilter = useDeferredValue(filter);
  const [showAll, setShowAll] = useState(false);
  // A large graph opens on one namespace until the user filters or asks for everything.
  const opening = !isFiltering(deferredFilter) && !showAll;
  const autoNamespace = opening ? scope.auto : undefined;
  // The worker draws backends only when they are shown, and sends a large graph as this view keeps it (a graph with
  // them, or of the new view, comes after the change). The selection's namespace matters to a large graph only: a
  // smaller one is not sent again for each selection.
  const preferred = opening && scope.total > SCOPE_FROM ? prefer : undefined;
  useEffect(() => analysisClient().setGraphView({ filter: deferredFilter, all: showAll, backends, prefer: preferred }), [deferredFilter, showAll, backends, preferred]);
  useEffect(() => () => analysisClient().setGraphView(DEFAULT_VIEW), []);
  const effective = useMemo(() => (autoNamespace ? { ...deferredFilter, namespace: autoNamespace } : deferredFilter), [autoNamespace, deferredFilter]);
  const base = useMemo(() => (backends ? graph : hideBackends(graph)), [graph, backends]);
  const shown = useMemo(() => filterGraph(collapseGroups(base, collapsed), effective), [base, collapsed, effective]);
  // The layout of what is shown is made by a child component: React renders an analysis's update in the
  // background and can pause between components, not inside one (filtering and laying out the
  // 8,000-node graph took ~45 ms together).
  return (
    <ShownGraph
      {...{ graph, base, layout, scope, outside, highlight, selectedId, onSelectNode, shown, filter, setFilter, collapsed, setCollapsed, hovered, setHovered, autoNamespace, setShowAll, backends, setBackends }}
    />
  );
}

interface ShownGraphProps extends GraphPaneProps {
  /** The graph before filters and collapsing (without backends unless asked). */
  base: Graph;
  shown: Graph;
  filter: GraphFilter;
  setFilter(filter: GraphFilter): void;
  collapsed: ReadonlySet<string>;
  setCollapsed: Dispatch<SetStateAction<ReadonlySet<string>>>;
  hovered: string | null;
  setHovered(id: string | null): void;
  autoNamespace: string | undefined;
  setShowAll(all: boolean): void;
  backends: boolean;
  setBackends(on: boolean): void;
}

function ShownGraph(props: ShownGraphProps) {
  const { graph, base, layout, scope, outside, highlight, selectedId, onSelectNode, shown, filter, setFilter, collapsed, setCollapsed, hovered, setHovered, autoNamespace, setShowAll, backends, setBackends } = props;
  const canvas = useRef<HTMLDivElement>(null);
  // The worker lays the graph out without backends; shown, they are placed around it (stably).
  const baseLayout = useMemo(() => (backends ? layoutGraph(base, layout) : layout), [backends, base, layout]);
  const shownLayout = useMemo(() => (shown === base ? baseLayout : layoutGraph(shown, baseLayout)), [shown, base, baseLayout]);
  const shownById = useMemo(() => new Map(shown.nodes.map((n) => [n.id, n])), [shown]);
  const fullById = useMemo(() => new Map(graph.nodes.map((n) => [n.id, n])), [graph]);
  const selected = useMemo(() => resolveShown(graph, shownById, selectedId), [graph, shownById, selectedId]);
  const stoppedId = useMemo(() => resolveShown(graph, shownById, highlight?.stoppedAt?.nodeId), [graph, shownById, highlight]);
  // The latest of selection and simulation wins: a new verdict shows its path over an older selection
  // (and coming back to the graph after simulating shows the simulation).
  const verdictKey = highlight ? `${highlight.winner}|${highlight.stoppedAt?.nodeId}|${highlight.stoppedAt?.status}` : '';
  const [latest, setLatest] = useState<'selection' | 'simulation'>(verdictKey ? 'simulation' : 'selection');
  const seen = useRef({ verdictKey, selected });
  useEffect(() => {
    if (verdictKey !== seen.current.verdictKey) setLatest('simulation');
    else if (selected !== seen.current.selected) setLatest('selection');
    seen.current = { verdictKey, selected };
  }, [verdictKey, selected]);
  const focus = hovered ?? (latest === 'selection' ? selected : null);
  const state = useMemo(() => viewState(shown, shownById, focus, highlight, stoppedId), [shown, shownById, focus, highlight, stoppedId]);

  const onToggleGroup = useCallback(
    (group: string) => {
      setCollapsed((s) => {
        const next = new Set(s);
        if (!next.delete(group)) next.add(group);
        return next;
      });
    },
    [setCollapsed],
  );
  const groups = useMemo(() => [...new Set(graph.nodes.map((n) => n.group).filter((g): g is string => !!g))], [graph]);
  const [selectedEdge, setSelectedEdge] = useState<string | null>(null);
  const { nodes, edges } = useFlowElements(shown, shownLayout, state, selected, onToggleGroup, selectedEdge);

  const fit = useFit(shownLayout, canvas);
  // What the export draws: the whole graph as laid out here, backends only when shown (a scoped graph's whole one
  // comes from the worker).
  const whole = useCallback(async () => {
    if (!scope.scoped) return { graph: base, layout: baseLayout };
    const answer = await analysisClient().wholeGraph(useStudio.getState().version);
    const all = backends ? answer.graph : hideBackends(answer.graph);
    return { graph: all, layout: backends ? layoutGraph(all, answer.layout) : answer.layout };
  }, [scope.scoped, base, baseLayout, backends]);
  const winnerId = useMemo(() => resolveShown(graph, shownById, highlight?.winner ? `router:${highlight.winner}` : null), [graph, shownById, highlight]);
  useViewportFollow(graph, shownLayout, selected, canvas, fit, { key: verdictKey, nodeId: stoppedId ?? winnerId });

  // Editing: chips, "+", rename, drag to connect, Delete on a connection.
  const { edits, dialog, setDialog, actions, onConnect, detachEdge } = useGraphEditing(shown, shownById, fullById, onSelectNode, setSelectedEdge);
  const onKeyDown = useGraphKeys({ shownById, selectedEdge, setSelectedEdge, detachEdge, onSelectNode, rename: actions.rename });

  // The selection is in the graph but a filter hides it: say so, and offer to clear the filter.
  // A large graph comes as the filters keep it: a route outside is named from the analysis (without filters, a large
  // graph opens on the selection's namespace).
  const hiddenSelection =
    selectedId && !selected && fullById.has(selectedId) && (isFiltering(filter) || !!autoNamespace)
      ? fullById.get(selectedId)!
      : outside && isFiltering(filter)
        ? { kind: 'router', label: outside }
        : null;

  return (
    <div className="graph-pane">
      {autoNamespace && (
        <p className="notice graph-notice" role="status">
          Large graph ({scope.total} nodes): showing namespace <strong>{autoNamespace}</strong> ·{' '}
          <button type="button" className="link" onClick={() => setShowAll(true)} title="Every namespace at once: edits then take longer to redraw">
            show everything
          </button>
        </p>
      )}
      <GraphToolbar
        scope={scope}
        whole={whole}
        filter={filter}
        onFilter={setFilter}
        collapsedCount={collapsed.size}
        groupCount={groups.length}
        onCollapseAll={() => setCollapsed(new Set(groups))}
        onExpandAll={() => setCollapsed(new Set())}
        shownCount={shown.nodes.length}
        backends={backends}
        onBackends={setBackends}
      />
      {hiddenSelection && (
        <p className="notice graph-notice" role="status">
          The selected {hiddenSelection.kind === 'router' ? 'route' : hiddenSelection.kind} <strong>{hiddenSelection.label}</strong> is hidden by the filters.{' '}
          <button type="button" className="link" onClick={() => {
            setFilter({});
            setShowAll(true);
          }}>
            Clear the filters
          </button>
        </p>
      )}
      {edits.error && (
        <p className="notice notice-warning graph-notice" role="alert">
          {edits.error}{' '}
          <button type="button" className="link" onClick={edits.clearError}>Dismiss</button>
        </p>
      )}
      <GraphActionsContext.Provider value={actions}>
        <div className={`graph-canvas${state.lit ? ' graph-dimming' : ''}`} ref={canvas} aria-label="Routing graph" role="figure" onKeyDown={onKeyDown}>
          <ReactFlow
            nodes={nodes}
            edges={edges}
            nodeTypes={nodeTypes}
            colorMode="dark"
            // The first fit is useViewportFollow's (readable, from the top of a tall graph).
            defaultViewport={{ x: 16, y: 16, zoom: 0.92 }}
            minZoom={MIN_ZOOM}
            maxZoom={2}
            onlyRenderVisibleElements
            nodesDraggable={false}
            nodesConnectable
            connectionMode={ConnectionMode.Loose}
            connectionRadius={28}
            onConnect={onConnect}
            nodesFocusable
            edgesFocusable
            elementsSelectable
            onNodeClick={(_, n) => n.type === 'studio' && shownById.has(n.id) && onSelectNode(shownById.get(n.id)!)}
            // Double-click renames: d3-zoom's double-click zoom would swallow the event.
            zoomOnDoubleClick={false}
            onNodeDoubleClick={(_, n) => n.type === 'studio' && actions.rename(n.id)}
            onEdgeClick={(_, e) => setSelectedEdge(e.selectable ? e.id : null)}
            onNodeMouseEnter={(_, n) => n.type === 'studio' && setHovered(n.id)}
            onNodeMouseLeave={() => setHovered(null)}
            onPaneClick={() => {
              setHovered(null);
              setSelectedEdge(null);
            }}
            // React Flow listens for these keys on the whole document and ignores only <input>/<textarea>
            // targets; Monaco types through an EditContext <div>, so Space (pan) ate every space typed.
            // Delete, selection and the rest are handled on the graph's own focused elements (useGraphKeys).
            panActivationKeyCode={null}
            deleteKeyCode={null}
            selectionKeyCode={null}
            multiSelectionKeyCode={null}
            zoomActivationKeyCode={null}
            ariaLabelConfig={{
              'node.a11yDescription.default': 'Enter selects this node and shows it in the editor; F2 renames it. Tab moves on.',
              'edge.a11yDescription.default': 'Enter selects this connection; Delete detaches it.',
            }}
            proOptions={{ hideAttribution: true }}
          >
            <Background gap={24} size={1} />
            <Controls position="bottom-right" orientation="horizontal" showInteractive={false} showFitView={false} aria-label="Zoom and fit view">
              <ControlButton onClick={() => fit()} aria-label="Fit view" title="Fit view: show the whole graph">
                <svg viewBox="0 0 16 16" aria-hidden="true">
                  <path d="M1 5V1h4M11 1h4v4M15 11v4h-4M5 15H1v-4" style={{ fill: 'none' }} stroke="currentColor" strokeWidth="1.8" />
                </svg>
              </ControlButton>
            </Controls>
            {state.lit && state.mode && <PathOverlay graph={shown} layout={shownLayout} edges={state.lit.edges} mode={state.mode} />}
            {shown.nodes.length > 30 && <Overview layout={shownLayout} />}
          </ReactFlow>
          {shown.nodes.length === 0 && (
            <p className="graph-empty" role="status">
              {scope.total === 0 ? 'No routes yet: add an IngressRoute to see its graph.' : 'No route matches these filters.'}
            </p>
          )}
          {selected && shownById.get(selected)?.kind === 'middleware' && (
            // The selected middleware's chips light up on every route that uses it.
            <style>{`.graph-canvas .gchip[data-chip="${CSS.escape(selected)}"] { border-color: var(--g-path); box-shadow: 0 0 0 1px var(--g-path); }`}</style>
          )}
          {dialog && <GraphDialog state={dialog} edits={edits} onClose={() => setDialog(null)} />}
        </div>
      </GraphActionsContext.Provider>
    </div>
  );
}
