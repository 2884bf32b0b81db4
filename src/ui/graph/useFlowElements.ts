/**
 * Graph + layout + view state → React Flow nodes and edges. Node and edge objects are reused while
 * nothing about them changed: React Flow then skips them, so hovering a route on a 5,000-node graph
 * updates only the elements whose class changes.
 */
import { useMemo, useRef } from 'react';
import { MarkerType, type Edge } from '@xyflow/react';
import type { Graph, GraphNode, Layout } from '../../core/graph/index.ts';
import { KIND_LABEL, type StudioFlowNode, type StudioNodeData } from './StudioNode.tsx';
import type { GroupFrameNode } from './GroupFrame.tsx';
import { edgeClass, nodeClass, type ViewState } from './view-state.ts';

export type FlowNode = StudioFlowNode | GroupFrameNode;

/** Above this many nodes, hub edges (entryPoint or shared middleware fan-outs) show only when lit. */
export const LARGE_GRAPH = 400;

const MARKER = { type: MarkerType.ArrowClosed, width: 14, height: 14 } as const;
// Marker colours must be literal (they become <marker> fills): the theme's accent and ok colours.
const MARKER_LIT = { ...MARKER, color: '#4fa3ff' };
const MARKER_WINNER = { ...MARKER, color: '#36c5a0' };

function cached<T extends { className?: string | undefined }>(cache: Map<string, T>, id: string, className: string, extra: unknown, make: () => T, extraOf: (x: T) => unknown): T {
  const prev = cache.get(id);
  if (prev && (prev.className ?? '') === className && extraOf(prev) === extra) return prev;
  const next = make();
  cache.set(id, next);
  return next;
}

export function useFlowElements(shown: Graph, layout: Layout, state: ViewState, selectedId: string | null, onToggleGroup: (group: string) => void): { nodes: FlowNode[]; edges: Edge[] } {
  const nodeCache = useRef(new Map<string, StudioFlowNode>());
  const edgeCache = useRef(new Map<string, Edge>());
  // New graph or layout: start the caches afresh (positions changed).
  const base = useMemo(() => {
    nodeCache.current = new Map();
    edgeCache.current = new Map();
    const byId = new Map(shown.nodes.map((n) => [n.id, n]));
    const data = new Map<string, StudioNodeData>(shown.nodes.map((n) => [n.id, { node: n }]));
    const frames: GroupFrameNode[] = layout.groups.map((box) => ({
      id: `frame:${box.id}`,
      type: 'irGroup',
      position: { x: box.x, y: box.y },
      width: box.width,
      height: box.height,
      data: { box, onToggle: onToggleGroup },
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

  const large = shown.nodes.length > LARGE_GRAPH;
  const edges = useMemo<Edge[]>(() => {
    const out: Edge[] = [];
    for (const e of shown.edges) {
      if (e.source === e.target) continue;
      const lit = state.lit?.edges.has(e.id) ?? false;
      const hidden = large && !!e.hub && !lit;
      const className = edgeClass(e, state);
      out.push(
        cached(edgeCache.current, e.id, className, hidden, () => ({
          id: e.id,
          source: e.source,
          target: e.target,
          className,
          hidden,
          ...(e.label ? { label: e.label } : {}),
          markerEnd: lit ? (state.mode === 'simulation' ? MARKER_WINNER : MARKER_LIT) : MARKER,
          focusable: false,
          selectable: false,
          zIndex: lit ? 1 : 0,
        }), (x) => x.hidden),
      );
    }
    return out;
  }, [shown, state, large]);

  return { nodes, edges };
}
