import { lazy, Suspense, type KeyboardEvent } from 'react';
import { useStudio } from '../store/index.ts';
import type { RightTab } from '../store/types.ts';
import { SimulatorPanel } from './simulator/SimulatorPanel.tsx';
import { RoutersTable } from './routers/RoutersTable.tsx';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import { FormPane } from './form/FormPane.tsx';
import { TestsTab } from './review/TestsTab.tsx';
import { CompareTab } from './review/CompareTab.tsx';

const GraphView = lazy(() => import('./graph/GraphView.tsx'));

const TABS: { id: RightTab; label: string }[] = [
  { id: 'graph', label: 'Graph' },
  { id: 'simulator', label: 'Simulator' },
  { id: 'routers', label: 'Routers' },
  { id: 'form', label: 'Form' },
  { id: 'tests', label: 'Tests' },
  { id: 'compare', label: 'Compare' },
];

/** Graph, simulator and routers table share the right-hand pane as tabs. */
export function RightPane() {
  const tab = useStudio((s) => s.rightTab);
  const setTab = useStudio((s) => s.setRightTab);
  const onKeyDown = (e: KeyboardEvent) => {
    const i = TABS.findIndex((t) => t.id === tab);
    if (e.key === 'ArrowRight') setTab(TABS[(i + 1) % TABS.length]!.id);
    else if (e.key === 'ArrowLeft') setTab(TABS[(i + TABS.length - 1) % TABS.length]!.id);
  };
  return (
    <div className="right-pane">
      <div role="tablist" aria-label="Views" className="tabs" onKeyDown={onKeyDown}>
        {TABS.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`tab-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls={`panel-${t.id}`}
            tabIndex={tab === t.id ? 0 : -1}
            className="tab"
            onClick={() => setTab(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} className="tab-panel">
        <ErrorBoundary name={TABS.find((t) => t.id === tab)?.label ?? tab}>
          {tab === 'graph' && (
            <Suspense fallback={<div role="status">Loading graph…</div>}>
              <GraphView />
            </Suspense>
          )}
          {tab === 'simulator' && <SimulatorPanel />}
          {tab === 'routers' && <RoutersTable />}
          {tab === 'form' && <FormPane />}
          {tab === 'tests' && <TestsTab />}
          {tab === 'compare' && <CompareTab />}
        </ErrorBoundary>
      </div>
    </div>
  );
}
