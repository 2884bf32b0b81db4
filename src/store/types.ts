import type { WorkspaceFile } from '../core/analyze.ts';
import type { Range, Settings } from '../core/types.ts';
import type { SimRequest, Verdict } from '../core/simulate/index.ts';
import type { AnalysisResult } from '../worker/protocol.ts';

export interface DocumentSlice {
  files: WorkspaceFile[];
  activeFile: string;
  /** Increases on every text change in any file; analysis results are tagged with it. */
  version: number;
  setText(file: string, text: string): void;
  setActiveFile(file: string): void;
  replaceWorkspace(files: WorkspaceFile[]): void;
}

export interface AnalysisSlice {
  analysis: AnalysisResult | null;
  /**
   * The files as the analysis read them (null: not known, e.g. in tests). Offsets of its diagnostics are
   * offsets in these texts; the store's `files` may already be ahead of it while the user types.
   */
  analysedFiles: WorkspaceFile[] | null;
  analysisError: string | null;
  /** The analysis worker could not start or died: the analysis runs on the main thread from then on. */
  analysisOnMainThread: boolean;
  setAnalysis(result: AnalysisResult, files?: WorkspaceFile[]): void;
  setAnalysisError(message: string | null): void;
  setAnalysisOnMainThread(): void;
}

/** The tabs of the workbench's bottom strip (graph, request, verdict and form are always on screen). */
export type BottomTab = 'problems' | 'routers' | 'tests' | 'compare';

export interface Selection {
  resourceId?: string;
  routerName?: string;
  nodeId?: string;
  /** Which pane made the selection: panes do not echo their own selections back. */
  from: 'editor' | 'outline' | 'graph' | 'problems' | 'routers' | 'simulator' | 'form';
}

export interface RevealRequest {
  file: string;
  range: Range;
  /** Changes on every request so that revealing the same range twice works. */
  nonce: number;
}

export interface UiSlice {
  selection: Selection | null;
  reveal: RevealRequest | null;
  bottomTab: BottomTab;
  /** The inspector side sheet (the form of the selection): closed by the user, reopened by a new selection. */
  inspectorOpen: boolean;
  select(selection: Selection | null): void;
  revealRange(file: string, range: Range): void;
  setBottomTab(tab: BottomTab): void;
  setInspectorOpen(open: boolean): void;
}

export interface SimulatorSlice {
  request: SimRequest;
  verdict: Verdict | null;
  verdictVersion: number;
  history: SimRequest[];
  setRequest(patch: Partial<SimRequest>): void;
  setVerdict(verdict: Verdict | null, version: number): void;
  remember(request: SimRequest): void;
}

export interface SettingsSlice {
  settings: Settings;
  setSettings(settings: Settings): void;
}

export type StudioState = DocumentSlice & AnalysisSlice & UiSlice & SimulatorSlice & SettingsSlice;
