import { lazy, Suspense } from 'react';
import { useStudio } from '../store/index.ts';
import { Outline } from './Outline.tsx';
import { ProblemsPanel } from './ProblemsPanel.tsx';
import { Splitter } from './Splitter.tsx';
import { StatusBar } from './StatusBar.tsx';
import { Header } from './Header.tsx';
import { RightPane } from './RightPane.tsx';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import { useAnalysis } from './useAnalysis.ts';
import { usePanelSizes } from './usePanelSizes.ts';
import { FileTabs } from './files/FileTabs.tsx';

// Monaco is the heaviest part of the page: the shell, graph and simulator work before it arrives.
const YamlEditor = lazy(() => import('./editor/YamlEditor.tsx'));

export function App() {
  useAnalysis();
  const [sizes, setSizes] = usePanelSizes();
  const activeFile = useStudio((s) => s.activeFile);
  return (
    <div
      className="app"
      style={{ gridTemplateColumns: `${sizes.outline}px 6px minmax(320px, 1fr) 6px ${sizes.right}px`, gridTemplateRows: `auto minmax(0, 1fr) 6px ${sizes.problems}px auto` }}
    >
      <Header />
      <ErrorBoundary name="Outline" className="area-outline">
        <Outline />
      </ErrorBoundary>
      <Splitter axis="x" label="Resize resources pane" value={sizes.outline} min={160} max={480} onChange={(outline) => setSizes({ outline })} />
      <main className="area-editor" aria-label={`Editor: ${activeFile}`}>
        <div className="editor-column">
          <FileTabs />
          <div className="editor-body">
            <ErrorBoundary name="Editor">
              <Suspense fallback={<div className="editor-loading" role="status">Loading editor…</div>}>
                <YamlEditor />
              </Suspense>
            </ErrorBoundary>
          </div>
        </div>
      </main>
      <Splitter
        axis="x"
        label="Resize right pane"
        value={sizes.right}
        min={360}
        max={1400}
        direction={-1}
        onChange={(right) => setSizes({ right })}
      />
      <ErrorBoundary name="Right pane" className="area-right">
        <RightPane />
      </ErrorBoundary>
      <div className="area-hsplit">
        <Splitter
          axis="y"
          label="Resize problems pane"
          value={sizes.problems}
          min={80}
          max={600}
          direction={-1}
          onChange={(problems) => setSizes({ problems })}
        />
      </div>
      <ErrorBoundary name="Problems" className="area-problems">
        <ProblemsPanel />
      </ErrorBoundary>
      <StatusBar />
    </div>
  );
}
