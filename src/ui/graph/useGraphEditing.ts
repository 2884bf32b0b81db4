import { useCallback, useMemo, useState } from 'react';
import type { Connection } from '@xyflow/react';
import type { Graph, GraphNode } from '../../core/graph/index.ts';
import type { GraphActions } from './graph-actions.ts';
import type { DialogState } from './GraphDialog.tsx';
import { useGraphEdits } from './useGraphEdits.ts';

/**
 * The graph's editing gestures wired to useGraphEdits: the actions its nodes call (chips, "+", rename),
 * a connection dragged between a route and a middleware or service, a connection detached.
 */
export function useGraphEditing(
  shown: Graph,
  shownById: ReadonlyMap<string, GraphNode>,
  fullById: ReadonlyMap<string, GraphNode>,
  onSelectNode: (node: GraphNode) => void,
  setSelectedEdge: (id: string | null) => void,
) {
  const edits = useGraphEdits();
  const [dialog, setDialog] = useState<DialogState | null>(null);
  const actions = useMemo<GraphActions>(
    () => ({
      reorder: (routeId, from, to) => {
        const node = fullById.get(routeId);
        if (node) void edits.route(node, (routeIndex) => ({ type: 'reorder', routeIndex, from, to }));
      },
      detach: (routeId, index) => {
        const node = fullById.get(routeId);
        if (node) void edits.route(node, (routeIndex) => ({ type: 'detachAt', routeIndex, list: 'middlewares', index }));
      },
      selectNode: (id) => {
        const node = fullById.get(id);
        if (node) onSelectNode(node);
      },
      add: (routeId) => {
        const node = fullById.get(routeId);
        if (node) setDialog({ type: 'add', node });
      },
      rename: (id) => {
        const node = fullById.get(id);
        if (node && (node.ref?.namespace !== undefined || (node.kind === 'router' && node.origin))) setDialog({ type: 'rename', node });
      },
    }),
    [fullById, edits, onSelectNode],
  );
  const onConnect = useCallback(
    (c: Connection) => {
      const a = shownById.get(c.source);
      const b = shownById.get(c.target);
      if (!a || !b) return;
      // Loose connections: the drag may start at either end.
      const route = a.kind === 'router' ? a : b.kind === 'router' ? b : null;
      const other = route === a ? b : a;
      if (!route || !other.ref || (other.kind !== 'middleware' && other.kind !== 'service')) return;
      void edits.route(fullById.get(route.id) ?? route, (routeIndex) => ({ type: 'attach', routeIndex, ref: other.ref! }));
    },
    [shownById, fullById, edits],
  );
  const detachEdge = useCallback(
    (edgeId: string) => {
      const e = shown.edges.find((x) => x.id === edgeId);
      if (!e) return;
      const route = fullById.get(e.kind === 'chain' ? e.target : e.source);
      const other = fullById.get(e.kind === 'chain' ? e.source : e.target);
      if (!route || route.kind !== 'router') return;
      if (e.kind === 'chain' && e.order !== undefined) {
        void edits.route(route, (routeIndex) => ({ type: 'detachAt', routeIndex, list: 'middlewares', index: e.order! - 1 }));
      } else if (other?.ref) void edits.route(route, (routeIndex) => ({ type: 'detach', routeIndex, ref: other.ref! }));
      setSelectedEdge(null);
    },
    [shown, fullById, edits, setSelectedEdge],
  );
  return { edits, dialog, setDialog, actions, onConnect, detachEdge };
}
