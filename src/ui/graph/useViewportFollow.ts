import { useCallback, useEffect, useRef, type RefObject } from 'react';
import { getViewportForBounds, useReactFlow } from '@xyflow/react';
import type { Graph, Layout, NodeBox } from '../../core/graph/index.ts';

export const MIN_ZOOM = 0.02;

/**
 * Automatic fits never zoom out below this: node text is 12 px or more, so it stays at least 11 px high
 * on screen (the Fit view button still shows everything, at any zoom).
 */
export const READABLE_ZOOM = 0.92;

/** The columns worth opening on when not everything fits: the routes and what they lead to. */
function routeColumnX(layout: Layout): number | undefined {
  return layout.layers.find((l) => l.column === 1)?.x;
}

/**
 * Fits the whole layout in the pane. React Flow's own fitView goes through its node change queue,
 * which never runs it in this controlled, change-handler-free setup once nodes have been measured.
 * A readable fit (the opening view) that would shrink text below READABLE_ZOOM opens at that zoom
 * instead, on `focus` (the selection) when given, else on the routes from the top.
 */
export function useFit(layout: Layout, canvas: RefObject<HTMLDivElement | null>): (duration?: number, readable?: boolean, focus?: NodeBox) => void {
  const flow = useReactFlow();
  return useCallback(
    (duration = 200, readable = false, focus?: NodeBox) => {
      const el = canvas.current;
      if (!el || layout.width === 0 || el.clientWidth === 0) return;
      const bounds = { x: -4, y: -8, width: layout.width + 8, height: Math.max(1, layout.height) + 16 };
      const all = getViewportForBounds(bounds, el.clientWidth, el.clientHeight, MIN_ZOOM, 1.1, 0.04);
      if (!readable || all.zoom >= READABLE_ZOOM) {
        void flow.setViewport(all, { duration });
        return;
      }
      const zoom = READABLE_ZOOM;
      const w = el.clientWidth / zoom;
      // From the left when everything fits across, else from the gap before the routes: routes and
      // services are the request's way (the routes' chips name the middlewares left out), and no
      // middleware is cut in half at the edge. Vertically on the focus (the selection), else from the top.
      const routes = routeColumnX(layout) ?? 0;
      let left = bounds.width <= w ? bounds.x : routes - 24;
      if (focus) {
        // The selection stays on screen across: a selected middleware left of the routes, or a service
        // past the right edge, moves the view just enough to show it whole.
        if (focus.x < left) left = focus.x - 24;
        else if (focus.x + focus.width > left + w) left = Math.min(focus.x - 24, focus.x + focus.width + 24 - w);
        const centreY = focus.y + Math.min(focus.height / 2, el.clientHeight / zoom / 2 - 16);
        // Never below the graph's top: no empty band above it.
        void flow.setViewport({ x: -left * zoom, y: Math.min(4, el.clientHeight / 2 - centreY * zoom), zoom }, { duration });
        return;
      }
      void flow.setViewport({ x: -left * zoom, y: 4, zoom }, { duration });
    },
    [layout, canvas, flow],
  );
}

/**
 * Keeps the viewport useful: the first graph and another document (most node ids new) are fitted,
 * readably (a tall graph from its top), and a
 * node selected elsewhere (the editor's cursor, the routers table) is brought into view.
 */
export function useViewportFollow(
  graph: Graph,
  layout: Layout,
  selected: string | null,
  canvas: RefObject<HTMLDivElement | null>,
  fit: (duration?: number, readable?: boolean, focus?: NodeBox) => void,
  verdict: { key: string; nodeId: string | null } = NO_VERDICT,
): void {
  const flow = useReactFlow();
  const lastIds = useRef<Set<string> | null>(null);
  const selectedRef = useRef(selected);
  // The last automatic fit's viewport, and how to redo it (kept current by an effect below).
  const fitted = useRef<{ x: number; y: number; zoom: number } | null>(null);
  const refit = useRef((_duration?: number) => {});
  useEffect(() => {
    selectedRef.current = selected;
  }, [selected]);
  useEffect(() => {
    const ids = new Set(graph.nodes.map((n) => n.id));
    const prev = lastIds.current;
    lastIds.current = ids;
    let known = 0;
    if (prev) for (const id of ids) if (prev.has(id)) known++;
    // A readable fit never zooms out far enough to draw thousands of nodes at once.
    if (known < ids.size / 2) requestAnimationFrame(() => refit.current());
  }, [graph, fit, layout]);

  // The opening view follows the pane's size (the inspector opening, a splitter dragged) for as long as
  // nobody has moved it: the fit is recomputed, so the routes and services stay on screen.
  useEffect(() => {
    refit.current = (duration = 0) => {
      fit(duration, true, selectedRef.current ? layout.positions[selectedRef.current] : undefined);
      window.setTimeout(() => requestAnimationFrame(() => (fitted.current = flow.getViewport())), duration + 20);
    };
  }, [fit, layout, flow]);
  useEffect(() => {
    const el = canvas.current;
    if (!el) return;
    let size = `${el.clientWidth}x${el.clientHeight}`;
    let timer = 0;
    // Settled first: a click that opens the inspector is often the first of a double-click, whose second
    // click must land on the same node.
    const observer = new ResizeObserver(() => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => {
        const now = `${el.clientWidth}x${el.clientHeight}`;
        if (now === size) return;
        size = now;
        const v = flow.getViewport();
        const f = fitted.current;
        if (f && Math.abs(v.x - f.x) < 1 && Math.abs(v.y - f.y) < 1 && Math.abs(v.zoom - f.zoom) < 0.001) refit.current(200);
      }, 450);
    });
    observer.observe(el);
    return () => {
      observer.disconnect();
      window.clearTimeout(timer);
    };
  }, [canvas, flow]);

  const bringIntoView = useCallback(
    (id: string | null) => {
      const box = id ? layout.positions[id] : undefined;
      const el = canvas.current;
      if (!box || !el) return;
      const { x, y, zoom } = flow.getViewport();
      const left = -x / zoom;
      const top = -y / zoom;
      const inside = box.x >= left && box.y >= top && box.x + box.width <= left + el.clientWidth / zoom && box.y + box.height <= top + el.clientHeight / zoom;
      if (!inside) void flow.setCenter(box.x + box.width / 2, box.y + box.height / 2, { zoom: Math.max(zoom, READABLE_ZOOM), duration: 200 });
    },
    [layout, flow, canvas],
  );
  useEffect(() => bringIntoView(selected), [selected, bringIntoView]);

  // A new verdict brings the node where the request ended (the winning route, or the middleware that
  // answered) into view, once: later analyses that keep the same verdict leave the view where the user put it.
  const verdictTarget = useRef(verdict.nodeId);
  verdictTarget.current = verdict.nodeId;
  const bringRef = useRef(bringIntoView);
  bringRef.current = bringIntoView;
  useEffect(() => {
    if (!verdict.key) return;
    // After the frame that may refit a newly opened graph: the verdict's node wins over the opening view.
    const frame = requestAnimationFrame(() => requestAnimationFrame(() => bringRef.current(verdictTarget.current)));
    return () => cancelAnimationFrame(frame);
  }, [verdict.key]);
}

const NO_VERDICT = { key: '', nodeId: null };
