import { useCallback, type KeyboardEvent } from 'react';
import type { GraphNode } from '../../core/graph/index.ts';

interface Options {
  shownById: ReadonlyMap<string, GraphNode>;
  selectedEdge: string | null;
  setSelectedEdge(id: string | null): void;
  detachEdge(id: string): void;
  onSelectNode(node: GraphNode): void;
  rename(id: string): void;
}

/**
 * The graph's keyboard, on its own focused elements (React Flow's document-wide key bindings stay off
 * while Monaco is on the page): Enter or Space on a node selects it, F2 renames it; Enter or Space on
 * a connection selects it, Delete or Backspace detaches the focused (or selected) connection.
 */
export function useGraphKeys({ shownById, selectedEdge, setSelectedEdge, detachEdge, onSelectNode, rename }: Options): (e: KeyboardEvent) => void {
  return useCallback(
    (e: KeyboardEvent) => {
      const target = e.target as HTMLElement;
      // Keys typed into the graph's own controls (filters, dialogs, chips) are theirs.
      if (target.closest('input, select, textarea, button, [role="dialog"]')) return;
      const edge = target.closest('.react-flow__edge')?.getAttribute('data-id') ?? null;
      const nodeId = target.closest('.react-flow__node')?.getAttribute('data-id') ?? null;
      const node = nodeId ? shownById.get(nodeId) : undefined;
      if (e.key === 'Delete' || e.key === 'Backspace') {
        const id = edge ?? selectedEdge;
        if (!id) return;
        e.preventDefault();
        detachEdge(id);
      } else if (e.key === 'Enter' || e.key === ' ') {
        if (edge) {
          e.preventDefault();
          setSelectedEdge(edge);
        } else if (node) {
          e.preventDefault();
          onSelectNode(node);
        }
      } else if (e.key === 'F2' && node) {
        e.preventDefault();
        rename(node.id);
      } else if (e.key === 'Escape') setSelectedEdge(null);
    },
    [shownById, selectedEdge, setSelectedEdge, detachEdge, onSelectNode, rename],
  );
}
