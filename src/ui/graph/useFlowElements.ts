/**
 * Graph + layout + view state → React Flow nodes and edges. Element objects are reused, across hovers
 * and across analyses, while nothing they show changed: React Flow then skips them and the memoised
 * node components do not re-render. Hovering a route on a 5,000-node graph touches the few nodes on
 * its path; an edit touches the nodes it changed.
 */
import { useMemo, useRef } from 'react';
import { MarkerType, Position, type Edge, type NodeHandle } from '@xyflow/react';
import type { Graph, GraphEdge, GraphNode, Layout, NodeBox } from '../../core/graph/index.ts';
import { KIND_LABEL, type StudioFlowNode } from './StudioNode.tsx';
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

/** Everything a node's element shows: equal signatures, same element. */
function signature(n: GraphNode, box: NodeBox, className: string, selected: boolean, stop: number | undefined): string {
  const b = n.badges;
  const chain = n.chain?.map((c) => `${c.id}\u0002${c.label}\u0002${c.missing ?? ''}`).join('\u0003');
  const rows = n.rows?.map((r) => `${r.label}\u0002${r.share}\u0002${r.missing ?? ''}`).join('\u0003');
  return [box.x, box.y, box.width, box.height, className, selected, stop, n.kind, n.column, n.label, n.detail, n.fullText, n.external, b.errors, b.warnings, b.tls, b.priority, b.usage, b.disabled, b.routes, n.entryPoints?.join(','), chain, rows, n.origin?.resourceId, n.origin?.routeIndex, !!n.ref].join('\u0001');
}

class Reuse<T> {
  private previous = new Map<string, { sig: string; value: T }>();
  private next = new Map<string, { sig: string; value: T }>();

  get(id: string, sig: string, make: () => T): T {
    const prev = this.previous.get(id);
    const entry = prev && prev.sig === sig ? prev : { sig, value: make() };
    this.next.set(id, entry);
    return entry.value;
  }

  /** Forgets what was not asked for since the last call (removed nodes). */
  sweep(): void {
    this.previous = this.next;
    this.next = new Map();
  }
}

/** Edges a user can select and delete: a middleware on a route, a route's service. */
export function editableEdge(e: GraphEdge, byId: ReadonlyMap<string, GraphNode>): boolean {
  const route = byId.get(e.kind === 'chain' ? e.target : e.source);
  return (e.kind === 'chain' || e.kind === 'service') && route?.kind === 'router' && route.badges.routes === undefined && !!route.origin;
}

export function useFlowElements(shown: Graph, layout: Layout, state: ViewState, selectedId: string | null, onToggleGroup: (group: string) => void, selectedEdge: string | null = null): { nodes: FlowNode[]; edges: Edge[] } {
  const nodeReuse = useRef(new Reuse<FlowNode>());
  const edgeReuse = useRef(new Reuse<Edge>());

  // Tab order follows the drawing: column by column, top to bottom.
  const ordered = useMemo(() => {
    const byId = new Map(shown.nodes.map((n) => [n.id, n]));
    return layout.layers.flatMap((l) => l.ids.map((id) => byId.get(id)).filter((n): n is GraphNode => !!n));
  }, [shown, layout]);

  const nodes = useMemo<FlowNode[]>(() => {
    const reuse = nodeReuse.current;
    const out: FlowNode[] = layout.groups.map((box) =>
      reuse.get(`frame:${box.id}`, `${box.x},${box.y},${box.width},${box.height},${box.label},${box.collapsed}`, () => ({
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
      })),
    );
    for (const n of ordered) {
      const box = layout.positions[n.id]!;
      const className = nodeClass(n, state);
      const stop = state.stopped?.id === n.id ? state.stopped.status : undefined;
      const selected = n.id === selectedId;
      out.push(
        reuse.get(n.id, signature(n, box, className, selected, stop), () => ({
          id: n.id,
          type: 'studio',
          position: { x: box.x, y: box.y },
          width: box.width,
          height: box.height,
          measured: { width: box.width, height: box.height },
          handles: handles(box.width, box.height),
          data: stop === undefined ? { node: n } : { node: n, stop },
          className,
          selected,
          // A group, not a button: a route holds buttons of its own (chips, "+").
          ariaRole: 'group',
          ariaLabel: `${KIND_LABEL[n.kind]} ${n.label}`,
          draggable: false,
          connectable: false,
        })),
      );
    }
    reuse.sweep();
    return out;
  }, [ordered, layout, state, selectedId, onToggleGroup]);

  // Edges do not depend on the view state (PathOverlay draws the lit path): React Flow rebuilds its
  // edge lookups whenever the edges array changes. A large graph leaves hub edges out (they show on
  // the lit path): even hidden, React Flow would test each of them for visibility on every frame.
  const large = shown.nodes.length > LARGE_GRAPH;
  const edges = useMemo<Edge[]>(() => {
    const reuse = edgeReuse.current;
    const byId = new Map(shown.nodes.map((n) => [n.id, n]));
    const out: Edge[] = [];
    for (const e of shown.edges) {
      if (e.source === e.target || (large && e.hub)) continue;
      const editable = editableEdge(e, byId);
      const selected = e.id === selectedEdge;
      const name = (id: string) => byId.get(id)?.label ?? id;
      out.push(
        reuse.get(e.id, `${e.kind}|${e.label ?? ''}|${editable}|${selected}|${name(e.source)}|${name(e.target)}|${e.order ?? ''}`, () => ({
          id: e.id,
          source: e.source,
          target: e.target,
          className: `gedge-${e.kind}${editable ? ' gedge-editable' : ''}`,
          ...(e.label ? { label: e.label } : {}),
          // A middleware edge joins it to a route (no direction to show); the others follow the request.
          ...(e.kind === 'chain' ? {} : { markerEnd: MARKER }),
          focusable: editable,
          selectable: editable,
          selected,
          ...(editable ? { ariaLabel: e.kind === 'chain' ? `connection: middleware ${name(e.source)} on ${name(e.target)}${e.order ? ` (position ${e.order})` : ''}` : `connection: ${name(e.source)} to service ${name(e.target)}` } : {}),
          ...(editable ? { interactionWidth: 14 } : {}),
        })),
      );
    }
    reuse.sweep();
    return out;
  }, [shown, large, selectedEdge]);

  return { nodes, edges };
}
