import { lazy, Suspense } from 'react';
import { ErrorBoundary } from '../ErrorBoundary.tsx';
import { RequestBar } from '../simulator/RequestBar.tsx';
import { VerdictPanel } from '../simulator/VerdictPanel.tsx';
import { Splitter } from '../Splitter.tsx';

const GraphView = lazy(() => import('../graph/GraphView.tsx'));

interface Props {
  verdictHeight: number;
  maxVerdict: number;
  onVerdictHeight(height: number): void;
}

/** The centre of the workbench: the request above the graph, its verdict below, all on screen at once. */
export function CentreColumn({ verdictHeight, maxVerdict, onVerdictHeight }: Props) {
  return (
    <div className="centre" style={{ gridTemplateRows: `auto minmax(120px, 1fr) 6px ${verdictHeight}px` }}>
      <ErrorBoundary name="Request">
        <RequestBar />
      </ErrorBoundary>
      <section className="graph-area" aria-label="Graph">
        <ErrorBoundary name="Graph">
          <Suspense fallback={<div role="status">Loading graph…</div>}>
            <GraphView />
          </Suspense>
        </ErrorBoundary>
      </section>
      <Splitter axis="y" label="Resize verdict panel" value={verdictHeight} min={90} max={maxVerdict} direction={-1} onChange={onVerdictHeight} />
      <ErrorBoundary name="Verdict" className="verdict-area">
        <VerdictPanel />
      </ErrorBoundary>
    </div>
  );
}
