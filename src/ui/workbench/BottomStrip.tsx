import { lazy, Suspense, useState, type KeyboardEvent } from 'react';
import { useStudio } from '../../store/index.ts';
import type { BottomTab } from '../../store/types.ts';
import { selectDiagnostics } from '../../store/selectors.ts';
import { useDeferredStudio } from '../useDeferredStudio.ts';
import { ErrorBoundary } from '../ErrorBoundary.tsx';
import { ProblemsPanel } from '../ProblemsPanel.tsx';
import { RoutersTable } from '../routers/RoutersTable.tsx';
import { Splitter } from '../Splitter.tsx';

// The review tabs load when first opened (route tests and comparison bring core/review and its regex sampler).
const TestsTab = lazy(() => import('../review/TestsTab.tsx').then((m) => ({ default: m.TestsTab })));
const CompareTab = lazy(() => import('../review/CompareTab.tsx').then((m) => ({ default: m.CompareTab })));

const TABS: { id: BottomTab; label: string }[] = [
  { id: 'problems', label: 'Problems' },
  { id: 'routers', label: 'Routers' },
  { id: 'tests', label: 'Tests' },
  { id: 'compare', label: 'Compare' },
];

interface Props {
  /** The most the strip may take; Problems takes less when it has less to show (one line for none). */
  height: number;
  maxHeight: number;
  onHeight(height: number): void;
}

/** Problems, routers, tests and compare: one click away under the workbench, one line when idle. */
export function BottomStrip({ height, maxHeight, onHeight }: Props) {
  const tab = useStudio((s) => s.bottomTab);
  const setTab = useStudio((s) => s.setBottomTab);
  const problems = useDeferredStudio(selectDiagnostics).length;
  const [collapsed, setCollapsed] = useState(false);
  const [slot, setSlot] = useState<HTMLElement | null>(null);
  const choose = (id: BottomTab) => {
    setTab(id);
    setCollapsed(false);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const i = TABS.findIndex((t) => t.id === tab);
    const next = e.key === 'ArrowRight' ? (i + 1) % TABS.length : e.key === 'ArrowLeft' ? (i + TABS.length - 1) % TABS.length : -1;
    if (next < 0) return;
    choose(TABS[next]!.id);
    document.getElementById(`strip-tab-${TABS[next]!.id}`)?.focus();
  };
  // Problems grows with its list up to `height`; the other tabs are tables and take all of it.
  const fixed = !collapsed && tab !== 'problems';
  const idle = collapsed || (tab === 'problems' && problems === 0);
  return (
    <div className={`bottom-strip${idle ? ' idle' : ''}`} data-testid="bottom-strip" style={{ height: fixed ? height : undefined, maxHeight: idle ? undefined : height }}>
      {!idle && <Splitter axis="y" label="Resize bottom panel" value={height} min={80} max={maxHeight} direction={-1} onChange={onHeight} />}
      <div className="strip-bar">
        <div role="tablist" aria-label="Panels" className="strip-tabs" onKeyDown={onKeyDown}>
          {TABS.map((t) => (
            <button
              key={t.id}
              type="button"
              role="tab"
              id={`strip-tab-${t.id}`}
              aria-selected={tab === t.id}
              aria-controls="strip-panel"
              tabIndex={tab === t.id ? 0 : -1}
              className="strip-tab"
              onClick={() => choose(t.id)}
            >
              {t.label}
              {t.id === 'problems' && <span className={`tab-count${problems ? ' has' : ''}`}> ({problems})</span>}
            </button>
          ))}
        </div>
        {tab === 'problems' && problems === 0 && <span className="strip-note">No problems</span>}
        <span className="spacer" />
        <div className="strip-slot" ref={setSlot} />
        {tab !== 'problems' && (
          <button type="button" className="icon-button" aria-expanded={!collapsed} aria-controls="strip-panel" onClick={() => setCollapsed(!collapsed)}>
            {collapsed ? 'Show panel' : 'Hide panel'}
          </button>
        )}
      </div>
      <div role="tabpanel" id="strip-panel" aria-labelledby={`strip-tab-${tab}`} className="strip-panel" hidden={collapsed}>
        <ErrorBoundary name={TABS.find((t) => t.id === tab)?.label ?? tab}>
          {tab === 'problems' && <ProblemsPanel filtersSlot={slot} />}
          {tab === 'routers' && <RoutersTable />}
          <Suspense fallback={<p role="status">Loading…</p>}>
            {tab === 'tests' && <TestsTab />}
            {tab === 'compare' && <CompareTab />}
          </Suspense>
        </ErrorBoundary>
      </div>
    </div>
  );
}
