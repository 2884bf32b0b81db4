import { useContext, useState, type DragEvent, type KeyboardEvent } from 'react';
import type { ChainChip } from '../../core/graph/index.ts';
import { GraphActionsContext } from './graph-actions.ts';

const DRAG_TYPE = 'application/x-ingressroute-chip';

/**
 * A route's middleware chain as ordered chips. Drag a chip onto another to move it there; on a focused
 * chip, Alt+ArrowUp/ArrowDown moves it and Delete detaches it; a click selects the middleware (its
 * chips light up on every route). Each gesture is one YAML edit.
 */
export function RouteChips({ routeId, routeLabel, chain }: { routeId: string; routeLabel: string; chain: readonly ChainChip[] }) {
  const actions = useContext(GraphActionsContext);
  const [over, setOver] = useState<number | null>(null);
  const n = chain.length;

  const onKeyDown = (e: KeyboardEvent, i: number) => {
    if (!actions) return;
    const up = e.key === 'ArrowUp' || e.key === 'ArrowLeft';
    const down = e.key === 'ArrowDown' || e.key === 'ArrowRight';
    if (e.altKey && (up || down)) {
      e.preventDefault();
      e.stopPropagation();
      const to = up ? i - 1 : i + 1;
      if (to >= 0 && to < n) {
        actions.reorder(routeId, i, to);
        focusChipAfterEdit(routeId, to, chain[i]!.id);
      }
    } else if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      e.stopPropagation();
      actions.detach(routeId, i);
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      e.stopPropagation();
      actions.selectNode(chain[i]!.id);
    }
  };
  const onDrop = (e: DragEvent, to: number) => {
    const data = e.dataTransfer.getData(DRAG_TYPE);
    setOver(null);
    const [route, from] = data.split('\n');
    if (route !== routeId || from === undefined) return;
    e.preventDefault();
    actions?.reorder(routeId, Number(from), to);
  };

  return (
    <ol className="gchips" aria-label={`Middlewares of ${routeLabel}, in order`}>
      {chain.map((c, i) => (
        <li
          key={`${c.id}#${i}`}
          className={`gchip-item${over === i ? ' gchip-over' : ''}`}
          onDragOver={(e) => {
            if (!e.dataTransfer.types.includes(DRAG_TYPE)) return;
            e.preventDefault();
            setOver(i);
          }}
          onDragLeave={() => setOver((o) => (o === i ? null : o))}
          onDrop={(e) => onDrop(e, i)}
        >
          <button
            type="button"
            className={`gchip nodrag nopan${c.missing ? ' gchip-missing' : ''}`}
            data-chip={c.id}
            data-route={routeId}
            data-index={i}
            draggable
            aria-label={`${c.label}, middleware ${i + 1} of ${n}`}
            title={`${i + 1}. ${c.label}${c.missing ? ' (not found)' : ''}\nDrag to reorder · Alt+↑/↓ moves · Delete detaches`}
            onDragStart={(e) => {
              e.stopPropagation();
              e.dataTransfer.setData(DRAG_TYPE, `${routeId}\n${i}`);
              e.dataTransfer.effectAllowed = 'move';
            }}
            onClick={(e) => {
              e.stopPropagation();
              actions?.selectNode(c.id);
            }}
            onKeyDown={(e) => onKeyDown(e, i)}
          >
            {/* The position is drawn by CSS (data-n), not text: the name a speech user says is the
                middleware's (WCAG 2.5.3), and the accessible name carries the position in words. */}
            <span className="gchip-n" data-n={i + 1} aria-hidden="true" />
            <span className="gchip-label">{c.label}</span>
          </button>
        </li>
      ))}
    </ol>
  );
}

/** After a keyboard move, focus follows the chip to its new place once the graph has redrawn it there. */
function focusChipAfterEdit(routeId: string, index: number, chipId: string): void {
  let tries = 0;
  const attempt = () => {
    const el = document.querySelector<HTMLElement>(`.gchip[data-route="${CSS.escape(routeId)}"][data-index="${index}"]`);
    if (el?.dataset['chip'] === chipId) el.focus();
    else if (++tries < 30) window.setTimeout(attempt, 100);
  };
  window.setTimeout(attempt, 50);
}
