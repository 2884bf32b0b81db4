import { lazy, Suspense } from 'react';
import { useStudio } from '../store/index.ts';
import { Outline } from './Outline.tsx';
import { Splitter } from './Splitter.tsx';
import { StatusBar } from './StatusBar.tsx';
import { Header } from './Header.tsx';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import { useAnalysis } from './useAnalysis.ts';
import { fitColumns, usePanelSizes } from './usePanelSizes.ts';
import { FileTabs } from './files/FileTabs.tsx';
import { CentreColumn } from './workbench/CentreColumn.tsx';
import { Inspector, InspectorRail } from './workbench/Inspector.tsx';
import { BottomStrip } from './workbench/BottomStrip.tsx';
import { useWindowSize } from './workbench/useWindowSize.ts';

// Monaco is the heaviest part of the page: the shell, graph and simulator work before it arrives.
const YamlEditor = lazy(() => import('./editor/YamlEditor.tsx'));

/**
 * The workbench: outline | editor | request, graph and verdict | inspector, with the problems,
 * routers, tests and compare strip below. Nothing the user needs at once hides behind a tab.
 */
export function App() {
  useAnalysis();
  const [sizes, setSizes] = usePanelSizes();
  const { width, height } = useWindowSize();
  const activeFile = useStudio((s) => s.activeFile);
  const inspectorOpen = useStudio((s) => s.inspectorOpen);
  const cols = fitColumns(sizes, width, inspectorOpen);
  const outlineTrack = sizes.outlineCollapsed ? `${cols.outline}px` : `${cols.outline}px 6px`;
  const inspectorTrack = inspectorOpen ? `6px ${cols.inspector}px` : '28px';
  return (
    <div className="app">
      <Header />
      <div className="workbench" style={{ gridTemplateColumns: `${outlineTrack} ${cols.editor}px 6px minmax(0, 1fr) ${inspectorTrack}` }}>
        <ErrorBoundary name="Outline" className="area-outline">
          <Outline collapsed={sizes.outlineCollapsed} onToggle={() => setSizes({ outlineCollapsed: !sizes.outlineCollapsed })} />
        </ErrorBoundary>
        {!sizes.outlineCollapsed && (
          <Splitter axis="x" label="Resize resources pane" value={sizes.outline} min={140} max={420} onChange={(outline) => setSizes({ outline })} />
        )}
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
        <Splitter axis="x" label="Resize editor" value={cols.editor} min={280} max={Math.max(300, width - 700)} onChange={(editor) => setSizes({ editor })} />
        <CentreColumn verdictHeight={Math.min(sizes.verdict, Math.max(90, height - 340))} maxVerdict={Math.max(120, height - 340)} onVerdictHeight={(verdict) => setSizes({ verdict })} />
        {inspectorOpen ? (
          <>
            <Splitter axis="x" label="Resize inspector" value={cols.inspector} min={280} max={640} direction={-1} onChange={(inspector) => setSizes({ inspector })} />
            <Inspector />
          </>
        ) : (
          <InspectorRail />
        )}
      </div>
      <BottomStrip height={sizes.bottom} maxHeight={Math.max(120, Math.round(height * 0.7))} onHeight={(bottom) => setSizes({ bottom })} />
      <StatusBar />
    </div>
  );
}
