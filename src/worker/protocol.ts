/** Messages between the main thread and the analysis worker. Every message carries the document
 * version it belongs to; the client drops answers for versions older than the newest it has seen. */
import type { AnalysisSummary, WorkspaceFile } from '../core/analyze.ts';
import type { Settings } from '../core/types.ts';
import type { SimRequest, Verdict } from '../core/simulate/index.ts';
import type { Graph, GraphScope, GraphView, Layout } from '../core/graph/index.ts';
import type { WorkspaceDiff } from '../core/review/index.ts';
import type { AnalysisWire, GraphWire } from './delta.ts';

/** What the graph pane shows: its view of a large graph (GraphView), and whether backends (the servers of load balancers) are drawn. */
export interface PaneView extends GraphView {
  backends: boolean;
}

/** The view of a graph pane that filters nothing and draws no backends (and of none). */
export const DEFAULT_VIEW: PaneView = { filter: {}, all: false, backends: false };

export type WorkerRequest =
  /** `view`: what the graph pane shows (default: no filter, no backends). */
  | { type: 'analyze'; version: number; files: WorkspaceFile[]; settings: Settings; view?: PaneView }
  /** The last analysis's graph again, as the pane now shows it (answered by a graph message). */
  | { type: 'view'; version: number; view: PaneView }
  /** The whole graph of the last analysis, laid out, whatever the view (the export of a large, scoped graph). */
  | { type: 'wholeGraph'; version: number; id: number }
  | { type: 'simulate'; version: number; id: number; request: SimRequest }
  | { type: 'resource'; version: number; id: number; resourceId: string }
  | { type: 'diff'; version: number; id: number; baseFiles: WorkspaceFile[]; equivalence?: NameEquivalence }
  | { type: 'convert'; version: number; id: number };

/** Original router/middleware names → their names after "Convert to IngressRoute" (pairs: structured-cloneable). */
export interface NameEquivalence {
  routers: [string, string][];
  middlewares: [string, string][];
}

/** What the form editor needs of one resource: its value, where it lives, its problems by path. */
export interface ResourceDetail {
  resourceId: string;
  kind: string;
  file: string;
  docIndex: number;
  /** Path of the resource object inside its document ([] or ['items', n]). */
  path: (string | number)[];
  raw: Record<string, unknown>;
  /** Diagnostics inside the resource, each with the path of the node it points at (relative to the resource). */
  diagnostics: { path: (string | number)[]; severity: string; code: string; message: string }[];
}

export interface AnalysisResult {
  version: number;
  summary: AnalysisSummary;
  /** The graph as the pane's view keeps it when it is large (`graphScope` says), else the whole graph. */
  graph: Graph;
  layout: Layout;
  graphScope: GraphScope;
  /**
   * The analysis whose graph and layout these are: `version` once its graph came, an earlier one (-1: none) while the
   * worker is still building it (in a large workspace the graph comes in a second message).
   */
  graphVersion: number;
  /** Milliseconds the analysis took in the worker, until its first message (the graph is built after it). */
  ms: number;
  /** The workspace's route tests (`*.routes-test.yaml`), re-run on every analysis; null without a tests file. */
  tests: TestsRun | null;
  /** The shadow check (routers that can never win) stopped at its budget: how far it got. Null when complete. */
  shadowCut: { checked: number; total: number } | null;
}

/** Route test results for the Tests panel (verdicts stripped: only what the panel shows). */
export interface TestsRun {
  file: string;
  results: { name: string; passed: boolean; failures: string[] }[];
  coverage: { exercised: string[]; total: string[] };
  /** Problems reading the tests file. */
  errors: string[];
}

export type WorkerResponse =
  /** An analysis, with its graph inside (`graph`) or, in a large workspace, in the `graph` message that follows. */
  | ({ type: 'analysis' } & AnalysisWire)
  | ({ type: 'graph' } & GraphWire)
  | { type: 'simulation'; version: number; id: number; verdict: Verdict; json: unknown }
  | { type: 'resource'; version: number; id: number; detail: ResourceDetail | null }
  | { type: 'diff'; version: number; id: number; diff: WorkspaceDiff }
  | { type: 'wholeGraph'; version: number; id: number; graph: Graph; layout: Layout }
  | { type: 'convert'; version: number; id: number; files: WorkspaceFile[]; converted: number; notConverted: string[]; equivalence: NameEquivalence }
  | { type: 'error'; version: number; id?: number; message: string };
