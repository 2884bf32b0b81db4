import { memo, useMemo, useRef, type PointerEvent } from 'react';
import { Panel, useReactFlow, useStore, type ReactFlowState } from '@xyflow/react';
import { shallow } from 'zustand/shallow';
import type { Layout } from '../../core/graph/index.ts';

const WIDTH = 120;
const HEIGHT = 150;

const viewportOf = (s: ReactFlowState) => ({ x: s.transform[0], y: s.transform[1], zoom: s.transform[2], width: s.width, height: s.height });

/**
 * A minimap that stays cheap at 5,000 nodes: every node is one sub-path of a single <path> drawn once
 * per layout, and only the viewport rectangle follows panning. (React Flow's MiniMap subscribes one
 * store selector per node, which alone costs more than a frame while panning a large graph.)
 * Click or drag to move the view.
 */
export const Overview = memo(function Overview({ layout }: { layout: Layout }) {
  const flow = useReactFlow();
  const view = useStore(viewportOf, shallow);
  const dragging = useRef(false);
  const w = Math.max(1, layout.width);
  const h = Math.max(1, layout.height);
  const scale = Math.min(WIDTH / w, HEIGHT / h);
  const path = useMemo(() => {
    const parts: string[] = [];
    for (const box of Object.values(layout.positions)) {
      parts.push(`M${(box.x * scale).toFixed(1)} ${(box.y * scale).toFixed(1)}h${Math.max(0.6, box.width * scale).toFixed(1)}v${Math.max(0.6, box.height * scale).toFixed(1)}h${(-Math.max(0.6, box.width * scale)).toFixed(1)}z`);
    }
    return parts.join('');
  }, [layout, scale]);
  const vx = (-view.x / view.zoom) * scale;
  const vy = (-view.y / view.zoom) * scale;
  const vw = (view.width / view.zoom) * scale;
  const vh = (view.height / view.zoom) * scale;

  const moveTo = (e: PointerEvent<SVGSVGElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    void flow.setCenter((e.clientX - rect.left) / scale, (e.clientY - rect.top) / scale, { zoom: view.zoom });
  };
  return (
    <Panel position="bottom-right" className="graph-overview">
      <svg
        width={Math.ceil(w * scale)}
        height={Math.ceil(h * scale)}
        role="img"
        aria-label="Graph overview: click to move the view"
        onPointerDown={(e) => {
          dragging.current = true;
          e.currentTarget.setPointerCapture(e.pointerId);
          moveTo(e);
        }}
        onPointerMove={(e) => dragging.current && moveTo(e)}
        onPointerUp={() => (dragging.current = false)}
      >
        <path d={path} className="graph-overview-nodes" />
        <rect x={vx} y={vy} width={Math.max(2, vw)} height={Math.max(2, vh)} className="graph-overview-view" />
      </svg>
    </Panel>
  );
});
