import { useCallback, useEffect, useRef, type RefObject } from 'react';
import { getViewportForBounds, useReactFlow } from '@xyflow/react';
import type { Graph, Layout } from '../../core/graph/index.ts';

export const MIN_ZOOM = 0.02;

/** Automatic fits stop zooming out here (labels stay readable); the Fit view button shows everything. */
export const READABLE_ZOOM = 0.3;

/**
 * Fits the whole layout in the pane. React Flow's own fitView goes through its node change queue,
 * which never runs it in this controlled, change-handler-free setup once nodes have been measured.
 */
export function useFit(layout: Layout, canvas: RefObject<HTMLDivElement | null>): (duration?: number, readable?: boolean) => void {
  const flow = useReactFlow();
  return useCallback(
    (duration = 200, readable = false) => {
      const el = canvas.current;
      if (!el || layout.width === 0 || el.clientWidth === 0) return;
      const bounds = { x: -8, y: 0, width: layout.width + 16, height: Math.max(1, layout.height) };
      const all = getViewportForBounds(bounds, el.clientWidth, el.clientHeight, MIN_ZOOM, 1.2, 0.05);
      if (!readable || all.zoom >= READABLE_ZOOM) {
        void flow.setViewport(all, { duration });
        return;
      }
      // A tall graph: as wide as fits (not below the readable zoom), from the top.
      const zoom = Math.max(READABLE_ZOOM, Math.min(1.2, (el.clientWidth * 0.9) / bounds.width));
      void flow.setViewport({ x: (el.clientWidth - bounds.width * zoom) / 2 - bounds.x * zoom, y: 16, zoom }, { duration });
    },
    [layout, canvas, flow],
  );
}

/**
 * Keeps the viewport useful: the first graph and another document (most node ids new) are fitted,
 * readably (a tall graph from its top), and a
 * node selected elsewhere (the editor's cursor, the routers table) is brought into view.
 */
export function useViewportFollow(graph: Graph, layout: Layout, selected: string | null, canvas: RefObject<HTMLDivElement | null>, fit: (duration?: number, readable?: boolean) => void): void {
  const flow = useReactFlow();
  const lastIds = useRef<Set<string> | null>(null);
  useEffect(() => {
    const ids = new Set(graph.nodes.map((n) => n.id));
    const prev = lastIds.current;
    lastIds.current = ids;
    let known = 0;
    if (prev) for (const id of ids) if (prev.has(id)) known++;
    // A readable fit never zooms out far enough to draw thousands of nodes at once.
    if (known < ids.size / 2) requestAnimationFrame(() => fit(0, true));
  }, [graph, fit]);

  useEffect(() => {
    const box = selected ? layout.positions[selected] : undefined;
    const el = canvas.current;
    if (!box || !el) return;
    const { x, y, zoom } = flow.getViewport();
    const left = -x / zoom;
    const top = -y / zoom;
    const inside = box.x >= left && box.y >= top && box.x + box.width <= left + el.clientWidth / zoom && box.y + box.height <= top + el.clientHeight / zoom;
    if (!inside) void flow.setCenter(box.x + box.width / 2, box.y + box.height / 2, { zoom: Math.max(zoom, 0.6), duration: 200 });
  }, [selected, layout, flow, canvas]);
}
