/**
 * Graph + layout + view state → React Flow nodes and edges. Node objects are reused while nothing
 * about them changed: React Flow then skips them, so hovering a route on a 5,000-node graph updates
 * only the few nodes on its path.
 */
import { useMemo, useRef } from 'react';
import { MarkerType, Position, type Edge, type NodeHandle } from '@xyflow/react';
import type { Graph, GraphNode, Layout } from '../../core/graph/index.ts';
import { KIND_LABEL, type StudioFlowNode, type StudioNodeData } from './StudioNode.tsx';
import type { GroupFrameNode } from './GroupFrame.tsx';
import { nodeClass, type ViewState } from './view-state.ts';

export type FlowNode = StudioFlowNode | GroupFrameNode;

/** Above this many nodes, hub edges (entryPoint or shared middleware fan-outs) show only when lit. */
export const LARGE_GRAPH = 400;

const MARKER = { type: MarkerType.ArrowClosed, width: 14, height: 14 } as const;

/**
 * Handles and size given up front. React Flow otherwise has to measure a node before it knows where
 * edges attach, and renders every node it has not measured whatever the viewport — so each new node
 * object (an edit brings a new layout, a filter or a collapse new nodes) made it render all 5,000.
 */
function handles(width: number, height: number): NodeHandle[] {
  return [
    { type: 'target', position: Position.Left, x: 0, y: height / 2 - 0.5, width: 1, height: 1 },
    { type: 'source', position: Position.Right, x: width - 1, y: height / 2 - 0.5, width: 1, height: 1 },
  ];
}

function cached<T extends { className?: string | undefined }>(cache: Map<string, T>, id: string, className: string, extra: unknown, make: () => T, extraOf: (x: T) => unknown): T {
  const prev = cache.get(id);
  if (prev && (prev.className ?? '') === className && extraOf(prev) === extra) return prev;
  const next = make();
  cache.set(id, next);
  return next;
}

export function useFlowElements(shown: Graph, layout: Layout, state: ViewState, selectedId: string | null, onToggleGroup: (group: string) => void): { nodes: FlowNode[]; edges: Edge[] } {
  const nodeCache = useRef(new Map<string, StudioFlowNode>());
  // New graph or layout: start the caches afresh (positions changed).
  const base = useMemo(() => {
    nodeCache.current = new Map();
    const byId = new Map(shown.nodes.map((n) => [n.id, n]));
    const data = new Map<string, StudioNodeData>(shown.nodes.map((n) => [n.id, { node: n }]));
    const frames: GroupFrameNode[] = layout.groups.map((box) => ({
      id: `frame:${box.id}`,
      type: 'irGroup',
      position: { x: box.x, y: box.y },
      width: box.width,
      height: box.height,
      data: { box, onToggle: onToggleGroup },
      measured: { width: box.width, height: box.height },
      handles: [],
      selectable: false,
      focusable: false,
      draggable: false,
      zIndex: -1,
    }));
    // Tab order follows the drawing: column by column, top to bottom.
    const ordered = layout.layers.flatMap((l) => l.ids.map((id) => byId.get(id)).filter((n): n is GraphNode => !!n));
    return { ordered, data, frames };
  }, [shown, layout, onToggleGroup]);

  const nodes = useMemo<FlowNode[]>(() => {
    const out: FlowNode[] = [...base.frames];
    for (const n of base.ordered) {
      const box = layout.positions[n.id]!;
      const className = nodeClass(n, state);
      const stop = state.stopped?.id === n.id ? state.stopped.status : undefined;
      const selected = n.id === selectedId;
      const key = `${selected}|${stop}`;
      out.push(
        cached(nodeCache.current, n.id, className, key, () => ({
          id: n.id,
          type: 'studio',
          position: { x: box.x, y: box.y },
          width: box.width,
          height: box.height,
          measured: { width: box.width, height: box.height },
          handles: handles(box.width, box.height),
          data: stop === undefined ? base.data.get(n.id)! : { node: n, stop },
          className,
          selected,
          ariaRole: 'button',
          ariaLabel: `${KIND_LABEL[n.kind]} ${n.label}`,
          draggable: false,
          connectable: false,
        }), (x) => `${x.selected}|${x.data.stop}`),
      );
    }
    return out;
  }, [base, layout, state, selectedId]);

  // Edges do not depend on the view state (PathOverlay draws the lit path): React Flow rebuilds its
  // edge lookups whenever the edges array changes. A large graph leaves hub edges out (they show on
  // the lit path): even hidden, React Flow would test each of them for visibility on every frame.
  const large = shown.nodes.length > LARGE_GRAPH;
  const edges = useMemo<Edge[]>(() => {
    const out: Edge[] = [];
    for (const e of shown.edges) {
      if (e.source === e.target || (large && e.hub)) continue;
      const dashed = e.kind === 'mirror' || e.kind === 'fallback' || e.kind === 'errors';
      out.push({ id: e.id, source: e.source, target: e.target, ...(dashed ? { className: `gedge-${e.kind}` } : {}), ...(e.label ? { label: e.label } : {}), markerEnd: MARKER, focusable: false, selectable: false });
    }
    return out;
  }, [shown, large]);

  return { nodes, edges };
}
