/**
 * The worker's logic, free of any worker API so that the client can run it on the main thread when
 * the worker cannot start (CONVENTIONS 10). Keeps the last analysis and its compiled routing table.
 */
import { analyze, Analyzer, summarizeAnalysis, type Analysis, type AnalysisSummary } from '../core/analyze.ts';
import { buildGraph, hideBackends, layoutGraph, scopeGraph, viewGraph, type Graph, type GraphScope, type Layout } from '../core/graph/index.ts';
import { compileRouting, redirectRouterNames, routingExtrasOf, simulate, verdictToJson, type CompiledRouting } from '../core/simulate/index.ts';
import { DEFAULT_VIEW, type PaneView, type ResourceDetail, type WorkerRequest, type WorkerResponse } from './protocol.ts';
import { pathAtOffset } from '../core/yaml/index.ts';
import { diffWorkspaces, findTestsFile, readCases, shadowSteps, testFailureDiagnostics, toDiagnostics, type ShadowReport } from '../core/review/index.ts';
import type { Diagnostic } from '../core/types.ts';
import { runTestCases } from '../core/simulate/index.ts';
import type { TestsRun } from './protocol.ts';
import { DeltaEncoder, encodeGraph, encodeSummary } from './delta.ts';
import { convertFileText, convertIngresses } from '../core/ingress/convert.ts';
import { drain } from '../core/steps.ts';

/** What a graph is made from: an analysis sent to the page, with the diagnostics it was shown with. */
interface GraphSource {
  version: number;
  analysis: Analysis;
  diagnostics: Diagnostic[];
  resources: AnalysisSummary['resources'];
}

export class AnalysisService {
  private analysis: Analysis | null = null;
  /** Re-parses only the documents an edit changed. */
  private readonly analyzer = new Analyzer();
  /** The routing tables of the last analysis, compiled when first needed (route tests, the shadow check, a
   * simulation, a diff): a keystroke's analysis reaches the page without waiting for them. */
  private routing: CompiledRouting | null = null;
  private layout: Layout | undefined;
  /** What the graph pane shows: a large graph leaves the worker as the view keeps it (core/graph scopeGraph). */
  private view: PaneView = DEFAULT_VIEW;
  /** The last whole graph built, and what it was built from (a change of view filters it again, unbuilt; a large
   * graph's view is built on its own and the whole one only when asked for: core/graph viewGraph). */
  private whole: { from: GraphSource; backends: boolean; graph: Graph } | null = null;
  /** What the page holds of the last analysis: the next one goes as a change from it. */
  private readonly encoder = new DeltaEncoder();
  /** The last shadow check, and the findings the page was last sent. */
  private shadow: ShadowReport = { findings: [], checked: 0, total: 0 };
  private shown: ShadowReport | null = null;
  /** The last analysis as the page shows it, until the next one. */
  private present: { version: number; analysis: Analysis; tests: TestsRun | null; testDiagnostics: Diagnostic[]; started: number; ms: number | null; reviewed: boolean } | null = null;
  /** What the graph of the last analysis sent is made from: the analysis, its diagnostics as shown. */
  private graphSource: GraphSource | null = null;
  /** Whether that graph is still to be sent (after the analysis's message, or again for a change of view). */
  private graphDue = false;
  /** How many routers the last graph built drew (for tests and benchmarks; a view of a kept whole graph draws none). */
  graphRoutersDrawn = 0;

  handle(message: WorkerRequest): WorkerResponse {
    try {
      switch (message.type) {
        case 'analyze':
          return this.analyze(message);
        case 'view':
          return this.showView(message.view, message.version);
        case 'wholeGraph':
          return this.wholeGraph(message.version, message.id);
        case 'simulate':
          return this.simulate(message);
        case 'resource':
          return { type: 'resource', version: message.version, id: message.id, detail: this.resource(message.resourceId) };
        case 'diff':
          return this.diff(message);
        case 'convert':
          return this.convert(message);
      }
    } catch (error) {
      const text = error instanceof Error ? `${error.message}` : String(error);
      return { type: 'error', version: message.version, message: `Internal error: ${text}` };
    }
  }

  private analyze(message: Extract<WorkerRequest, { type: 'analyze' }>): WorkerResponse {
    const started = performance.now();
    this.view = message.view ?? DEFAULT_VIEW;
    const analysis = this.analyzer.analyze(message.files, message.settings);
    this.analysis = analysis;
    this.routing = null;
    const testDiagnostics: Diagnostic[] = [];
    let tests: TestsRun | null = null;
    const testsFile = findTestsFile(message.files);
    if (testsFile) {
      const { cases, errors } = readCases(testsFile.text);
      const run = runTestCases(this.routingOf(analysis), cases);
      tests = { file: testsFile.name, results: run.results.map((r) => ({ name: r.name, passed: r.passed, failures: r.failures })), coverage: run.coverage, errors };
      testDiagnostics.push(...testFailureDiagnostics(analysis.config, cases, run.results));
    }
    // The shadow check (routers that can never win) is the slowest part of an analysis and rarely changes
    // with a keystroke: the page first gets the last check's findings whose routers all still exist (the
    // routing tables hold the configuration's routers and the entryPoint redirections), and `review()` sends
    // the fresh ones when they differ, once no newer edit is waiting.
    const redirects = new Set(redirectRouterNames(analysis.config, analysis.settings));
    const exists = (name: string) => analysis.config.routers[name] !== undefined || redirects.has(name);
    const carried = this.shadow.findings.filter((f) => exists(f.router) && f.others.every(exists) && (f.by === null || exists(f.by)));
    this.present = { version: message.version, analysis, tests, testDiagnostics, started, ms: null, reviewed: false };
    return this.presentAnalysis({ ...this.shadow, findings: carried });
  }

  /** The last analysis's graph again, as the pane now shows it; an error before any analysis. */
  private showView(view: PaneView, version: number): WorkerResponse {
    this.view = view;
    if (!this.graphSource) return { type: 'error', version, message: 'No analysis yet.' };
    this.graphDue = true;
    return this.takeGraph()!;
  }

  /** The whole graph of the last analysis, laid out afresh (backends placed by the page, as for the pane). */
  private wholeGraph(version: number, id: number): WorkerResponse {
    if (!this.graphSource) return { type: 'error', version, id, message: 'No analysis yet.' };
    const graph = this.wholeOf(this.graphSource);
    return { type: 'wholeGraph', version, id, graph, layout: layoutGraph(hideBackends(graph)) };
  }

  /** The whole graph of `from` as last built, if it was, with the backends the view draws. */
  private keptWhole(from: GraphSource): Graph | null {
    const kept = this.whole;
    return kept?.from.analysis === from.analysis && kept.from.diagnostics === from.diagnostics && kept.backends === this.view.backends ? kept.graph : null;
  }

  /** The whole graph of `from`, built once per analysis shown and backends drawn or not. */
  private wholeOf(from: GraphSource): Graph {
    const backends = this.view.backends;
    const kept = this.keptWhole(from);
    if (kept) return kept;
    const graph = buildGraph(from.analysis.config, from.analysis.resources, from.diagnostics, { backends });
    this.whole = { from, backends, graph };
    this.graphRoutersDrawn = Object.keys(from.analysis.config.routers).length;
    return graph;
  }

  /** What the pane's view shows of the graph of `from`: filtered from the whole graph when it was built, else built for the view. */
  private viewOf(from: GraphSource): { graph: Graph; scope: GraphScope } {
    const kept = this.keptWhole(from);
    this.graphRoutersDrawn = 0;
    if (kept) return scopeGraph(kept, this.view);
    const backends = this.view.backends;
    const shown = viewGraph(from.analysis.config, from.analysis.resources, from.diagnostics, backends, this.view);
    this.graphRoutersDrawn = shown.built;
    if (shown.whole) this.whole = { from, backends, graph: shown.whole };
    return shown;
  }

  private routingOf(analysis: Analysis): CompiledRouting {
    this.routing ??= compileRouting(analysis.config, analysis.settings, routingExtrasOf(analysis.resources));
    return this.routing;
  }

  /**
   * The shadow check of the last analysis, sent as a new analysis message when its findings differ from
   * those the page got with it; null when there is nothing new (or nothing to check).
   */
  review(): WorkerResponse | null {
    return drain(this.reviewSteps());
  }

  /**
   * review() in steps, pausing (yield) between the routers it checks: the worker runs it in short slices and
   * drops it when a newer edit comes (that edit's analysis is reviewed instead).
   */
  *reviewSteps(): Generator<void, WorkerResponse | null> {
    const present = this.present;
    if (!present || present.reviewed) return null;
    present.reviewed = true;
    try {
      // At most ~1.5 s of shadow checking: huge workspaces get a partial check (the status bar says so).
      const routing = this.routingOf(present.analysis);
      const shadow = yield* shadowSteps(present.analysis.config, present.analysis.settings, { routing, deadline: performance.now() + 1500 });
      const before = this.shown;
      if (before && JSON.stringify(before.findings) === JSON.stringify(shadow.findings) && before.checked === shadow.checked && before.total === shadow.total) {
        this.shadow = shadow;
        return null;
      }
      this.shadow = shadow;
      return this.presentAnalysis(shadow);
    } catch (error) {
      const text = error instanceof Error ? `${error.message}` : String(error);
      return { type: 'error', version: present.version, message: `Internal error: ${text}` };
    }
  }

  /**
   * The last analysis with these shadow findings, as the page shows it, without its graph: whoever posts this message
   * adds the graph (withGraph) or sends it next (takeGraph; WorkerLoop decides which).
   */
  private presentAnalysis(shadow: ShadowReport): WorkerResponse {
    const present = this.present!;
    const { version, analysis, tests, testDiagnostics, started } = present;
    this.shown = shadow;
    // Shown with the analysis (editor markers, problems, graph badges), but kept out of this.analysis: the
    // Compare diff, like the CLI, compares the configuration's own diagnostics.
    const extra = [...toDiagnostics(shadow.findings, analysis.config), ...testDiagnostics];
    const shown = { ...analysis, diagnostics: extra.length ? [...analysis.diagnostics, ...extra] : analysis.diagnostics };
    const summary = summarizeAnalysis(shown);
    const shadowCut = shadow.checked < shadow.total ? { checked: shadow.checked, total: shadow.total } : null;
    // The time until the page could show the analysis in its text panes (the graph follows); the review's own
    // message repeats it.
    present.ms ??= performance.now() - started;
    this.graphSource = { version, analysis, diagnostics: shown.diagnostics, resources: summary.resources };
    this.graphDue = true;
    return { type: 'analysis', ...encodeSummary(this.encoder, { version, summary, ms: present.ms, tests, shadowCut }) };
  }

  /** How many resources the analysis whose graph is due has (none due: 0). */
  dueGraphSize(): number {
    return this.graphDue ? this.graphSource!.resources.length : 0;
  }

  /** The graph of the analysis message just sent (laid out, as a delta), or null when there is none to send. */
  takeGraph(): WorkerResponse | null {
    const due = this.graphSource;
    if (!this.graphDue || !due) return null;
    this.graphDue = false;
    try {
      const { graph, scope } = this.viewOf(due);
      // Laid out as the pane first shows it: without backends (the pane places them around this layout).
      const layout = layoutGraph(hideBackends(graph), this.layout);
      this.layout = layout;
      return { type: 'graph', ...encodeGraph(this.encoder, due.version, { resources: due.resources }, graph, layout, scope) };
    } catch (error) {
      const text = error instanceof Error ? `${error.message}` : String(error);
      return { type: 'error', version: due.version, message: `Internal error: ${text}` };
    }
  }

  /** handle(), an analysis with its graph inside (one message, one update of the page). */
  respond(message: WorkerRequest): WorkerResponse {
    return this.withGraph(this.handle(message));
  }

  /** `response`, with the graph due inside it when it is an analysis. */
  withGraph<R extends WorkerResponse | null>(response: R): R {
    if (response?.type !== 'analysis') return response;
    const graph = this.takeGraph();
    if (graph?.type !== 'graph') return (graph ?? response) as R;
    const { type: _type, ...wire } = graph;
    return { ...response, graph: wire };
  }

  private diff(message: Extract<WorkerRequest, { type: 'diff' }>): WorkerResponse {
    if (!this.analysis) return { type: 'error', version: message.version, id: message.id, message: 'No analysis yet.' };
    const base = analyze(message.baseFiles, this.analysis.settings);
    const equivalence = message.equivalence ? { routers: new Map(message.equivalence.routers), middlewares: new Map(message.equivalence.middlewares) } : undefined;
    return { type: 'diff', version: message.version, id: message.id, diff: diffWorkspaces(base, this.analysis, { headRouting: this.routingOf(this.analysis), ...(equivalence ? { equivalence } : {}) }) };
  }

  /** "Convert to IngressRoute": the files holding Ingresses, rewritten; the rest of the workspace is untouched. */
  private convert(message: Extract<WorkerRequest, { type: 'convert' }>): WorkerResponse {
    const analysis = this.analysis;
    if (!analysis) return { type: 'error', version: message.version, id: message.id, message: 'No analysis yet.' };
    const conversion = convertIngresses(analysis);
    const withIngress = new Set(analysis.resources.filter((r) => r.kind === 'Ingress').map((r) => r.source.file));
    const files = analysis.files.filter((f) => withIngress.has(f.file)).map((f) => ({ name: f.file, text: convertFileText(analysis, f.file, conversion) }));
    return {
      type: 'convert', version: message.version, id: message.id, files, converted: [...conversion.byIngress.values()].filter((t) => t.trim() !== '').length,
      notConverted: conversion.notConverted.map((n) => `${n.resource}: ${n.what}`),
      equivalence: { routers: [...conversion.equivalence.routers], middlewares: [...conversion.equivalence.middlewares] },
    };
  }

  private resource(resourceId: string): ResourceDetail | null {
    const analysis = this.analysis;
    const r = analysis?.resources.find((x) => x.id === resourceId);
    if (!analysis || !r) return null;
    const doc = analysis.files.find((f) => f.file === r.source.file)?.documents[r.source.docIndex];
    const prefix = r.source.path.length;
    const diagnostics = analysis.diagnostics
      .filter((d) => d.file === r.source.file && r.source.node.range.start <= d.range.start && d.range.start <= r.source.node.range.end)
      .map((d) => ({
        path: doc ? pathAtOffset(doc, d.range.start).slice(prefix) : [],
        severity: d.severity,
        code: d.code,
        message: d.message,
      }));
    return { resourceId, kind: r.kind, file: r.source.file, docIndex: r.source.docIndex, path: [...r.source.path], raw: r.raw, diagnostics };
  }

  private simulate(message: Extract<WorkerRequest, { type: 'simulate' }>): WorkerResponse {
    if (!this.analysis) return { type: 'error', version: message.version, id: message.id, message: 'No analysis yet.' };
    const verdict = simulate(this.routingOf(this.analysis), message.request);
    return { type: 'simulation', version: message.version, id: message.id, verdict, json: verdictToJson(verdict) };
  }
}
