import { useCallback, useRef, type KeyboardEvent, type PointerEvent } from 'react';

interface Props {
  /** 'x' resizes widths (a vertical bar), 'y' resizes heights. */
  axis: 'x' | 'y';
  label: string;
  value: number;
  min: number;
  max: number;
  /** +1 when dragging right/down grows the panel, -1 when it shrinks it. */
  direction?: 1 | -1;
  onChange(value: number): void;
}

/** A keyboard- and pointer-driven resize handle (role=separator). */
export function Splitter({ axis, label, value, min, max, direction = 1, onChange }: Props) {
  const start = useRef<{ pos: number; value: number } | null>(null);
  const clamp = useCallback((v: number) => Math.min(max, Math.max(min, v)), [min, max]);
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    e.currentTarget.setPointerCapture(e.pointerId);
    start.current = { pos: axis === 'x' ? e.clientX : e.clientY, value };
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    if (!start.current) return;
    const delta = (axis === 'x' ? e.clientX : e.clientY) - start.current.pos;
    onChange(clamp(start.current.value + direction * delta));
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const step = e.shiftKey ? 50 : 10;
    const grow = axis === 'x' ? 'ArrowRight' : 'ArrowDown';
    const shrink = axis === 'x' ? 'ArrowLeft' : 'ArrowUp';
    if (e.key === grow) onChange(clamp(value + direction * step));
    else if (e.key === shrink) onChange(clamp(value - direction * step));
    else return;
    e.preventDefault();
  };
  return (
    <div
      role="separator"
      aria-label={label}
      aria-orientation={axis === 'x' ? 'vertical' : 'horizontal'}
      aria-valuenow={Math.round(value)}
      aria-valuemin={min}
      aria-valuemax={max}
      tabIndex={0}
      className={`splitter splitter-${axis}`}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={() => (start.current = null)}
      onKeyDown={onKeyDown}
    />
  );
}
