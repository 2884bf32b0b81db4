import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../core/provider/settings.ts';
import { AnalysisService } from './service.ts';
import { AnalysisAssembler } from './delta.ts';
import { DEFAULT_VIEW, type AnalysisResult, type PaneView, type WorkerResponse } from './protocol.ts';
import { busiestNamespace, filterGraph, scopeGraph, SCOPE_FROM } from '../core/graph/index.ts';
import { generateWorkspace } from '../../bench/generate-yaml.ts';

// `catch-all` (PathPrefix(`/`), priority 100) ranks above `api` (Host + PathPrefix, a longer rule but a lower
// explicit priority), so every request of `api` goes to `catch-all`: api is shadowed.
const workspace = (apiName: string, catchAllPriority: number) => `apiVersion: traefik.io/v1alpha1
kind: IngressRoute
metadata:
  name: ${apiName}
  namespace: apps
spec:
  routes:
    - match: Host(\`api.example.com\`) && PathPrefix(\`/v1\`)
      priority: 10
      services:
        - name: api
          port: 80
---
apiVersion: traefik.io/v1alpha1
kind: IngressRoute
metadata:
  name: catch-all
  namespace: apps
spec:
  routes:
    - match: PathPrefix(\`/\`)
      priority: ${catchAllPriority}
      services:
        - name: web
          port: 80
`;

/** Decodes the worker's messages in order, as the page does: an analysis, with the graph `service` has due for it. */
function reader(service: AnalysisService) {
  const assembler = new AnalysisAssembler();
  return (response: WorkerResponse | null): AnalysisResult => {
    const message = service.withGraph(response);
    if (message?.type !== 'analysis' || !message.graph) throw new Error(`expected an analysis with its graph, got ${message?.type ?? 'null'}`);
    const result = assembler.summary(structuredClone(message));
    expect(result.graphVersion).toBe(result.version);
    return result;
  };
}

/** The shadowed routers named by the analysis's diagnostics (one per entryPoint: web and websecure by default). */
const shadowed = (result: AnalysisResult) => [...new Set(result.summary.diagnostics.filter((d) => d.code === 'ROUTER_SHADOWED').map((d) => d.message.split(' ')[1]))];

describe('worker: the shadow check comes after the analysis', () => {
  it('sends the analysis at once, then the shadow findings; a keystroke keeps the findings whose routers still exist', () => {
    const service = new AnalysisService();
    const read = reader(service);
    const analyze = (version: number, text: string) => service.handle({ type: 'analyze', version, files: [{ name: 'a.yaml', text }], settings: defaultSettings() });

    // First analysis: nothing checked yet, so no finding; the review adds it.
    const first = read(analyze(1, workspace('api', 100)));
    expect(shadowed(first)).toEqual([]);
    const reviewed = read(service.review());
    expect(reviewed.version).toBe(1);
    expect(shadowed(reviewed)).toEqual([expect.stringMatching(/^apps-api-/)]);
    // Reviewed once per analysis.
    expect(service.review()).toBeNull();

    // A keystroke elsewhere (the catch-all's priority 100 → 1000): the routers keep their names, the page gets
    // the finding with the analysis, and the review has nothing new to send.
    const typed = read(analyze(2, workspace('api', 1000)));
    expect(shadowed(typed)).toEqual(shadowed(reviewed));
    expect(service.review()).toBeNull();

    // Renaming the shadowed route's IngressRoute renames its router: the old finding is not carried over to a
    // router that does not exist; the review finds the renamed one.
    const renamed = read(analyze(3, workspace('api2', 1000)));
    expect(shadowed(renamed)).toEqual([]);
    expect(shadowed(read(service.review()))).toEqual([expect.stringMatching(/^apps-api2-/)]);

    // Lowering the catch-all below the api route ends the shadowing: the carried finding goes with the review.
    const fixed = read(analyze(4, workspace('api2', 1)));
    expect(shadowed(fixed)).toHaveLength(1);
    expect(shadowed(read(service.review()))).toEqual([]);
  });

  it('carries a finding whose winner is an entryPoint redirection router (not a router of the configuration)', () => {
    const service = new AnalysisService();
    const read = reader(service);
    const settings = { ...defaultSettings(), entryPoints: [{ name: 'web', port: 80, redirectTo: { to: 'websecure', scheme: 'https', permanent: true } }, { name: 'websecure', port: 443 }] };
    const analyze = (version: number, text: string) => service.handle({ type: 'analyze', version, files: [{ name: 'a.yaml', text }], settings });
    const byRedirect = (result: AnalysisResult) => result.summary.diagnostics.filter((d) => d.code === 'ROUTER_SHADOWED' && d.message.includes('web-to-websecure@internal'));
    read(analyze(1, workspace('api', 1)));
    const reviewed = byRedirect(read(service.review()));
    expect(reviewed.length).toBeGreaterThan(0);
    // A keystroke that renames nothing: the redirection's findings stay on screen until the next review.
    expect(byRedirect(read(analyze(2, workspace('api', 2)))).map((d) => d.message)).toEqual(reviewed.map((d) => d.message));
  });

  it('reviews in steps, one or more per router checked, with the result review() gives', () => {
    const stepped = new AnalysisService();
    const whole = new AnalysisService();
    const request = { type: 'analyze' as const, version: 1, files: [{ name: 'a.yaml', text: workspace('api', 100) }], settings: defaultSettings() };
    const [readStepped, readWhole] = [reader(stepped), reader(whole)];
    readStepped(stepped.handle(request));
    readWhole(whole.handle(request));
    const steps = stepped.reviewSteps();
    let pauses = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) pauses++;
    // Two routers on each of the two entryPoints' plain and TLS muxers.
    expect(pauses).toBeGreaterThanOrEqual(4);
    const result = readStepped(step.value);
    expect(shadowed(result)).toEqual([expect.stringMatching(/^apps-api-/)]);
    expect(result.summary.diagnostics).toEqual(readWhole(whole.review()).summary.diagnostics);
  });
});

describe('worker: the graph comes second', () => {
  it('sends the analysis without its graph first; the graph of the same version follows; the page shows the previous one meanwhile', () => {
    const service = new AnalysisService();
    const assembler = new AnalysisAssembler();
    const analyze = (version: number, text: string) => service.handle({ type: 'analyze', version, files: [{ name: 'a.yaml', text }], settings: defaultSettings() });
    const nodeIds = (result: AnalysisResult) => result.graph.nodes.map((n) => n.id).filter((id) => id.startsWith('router:')).map((id) => id.split('-')[1]);

    const first = analyze(1, workspace('api', 100));
    expect(first.type).toBe('analysis');
    expect(first).not.toHaveProperty('graph');
    expect(first).not.toHaveProperty('layout');
    // Before any graph: none, and version -1.
    const text = assembler.summary(structuredClone(first as Extract<WorkerResponse, { type: 'analysis' }>));
    expect(text.graphVersion).toBe(-1);
    expect(text.graph.nodes).toEqual([]);
    expect(text.summary.resources).toHaveLength(2);
    const graph = service.takeGraph();
    if (graph?.type !== 'graph') throw new Error('expected the graph');
    expect(graph.version).toBe(1);
    // Taken once.
    expect(service.takeGraph()).toBeNull();
    const drawn = assembler.graph(structuredClone(graph));
    expect(drawn.graphVersion).toBe(1);
    expect(drawn.summary).toBe(text.summary);
    expect(nodeIds(drawn).sort()).toEqual(['api', 'catch']);

    // The next analysis shows the previous graph until its own comes.
    const renamed = assembler.summary(structuredClone(analyze(2, workspace('web2', 100)) as Extract<WorkerResponse, { type: 'analysis' }>));
    expect(renamed.version).toBe(2);
    expect(renamed.graphVersion).toBe(1);
    expect(renamed.graph).toBe(drawn.graph);
    const next = service.takeGraph();
    if (next?.type !== 'graph') throw new Error('expected the graph');
    const redrawn = assembler.graph(structuredClone(next));
    expect(redrawn.graphVersion).toBe(2);
    expect(nodeIds(redrawn).sort()).toEqual(['catch', 'web2']);
    // A graph without the analysis it belongs to is refused.
    expect(() => new AnalysisAssembler().graph(structuredClone(next))).toThrow(/without its analysis/);
  });
});

describe('worker: the graph as the pane shows it', () => {
  const backends = (result: AnalysisResult) => result.graph.nodes.filter((n) => n.kind === 'backend').map((n) => n.label);
  const view = (patch: Partial<PaneView> = {}): PaneView => ({ ...DEFAULT_VIEW, ...patch });
  /** Decodes a graph message (the answer to a change of view) after the analyses `read` decoded. */
  const graphReader = (service: AnalysisService) => {
    const assembler = new AnalysisAssembler();
    return (response: WorkerResponse | null): AnalysisResult => {
      if (response?.type === 'analysis') return assembler.summary(structuredClone(service.withGraph(response) as typeof response));
      if (response?.type !== 'graph') throw new Error(`expected a graph, got ${response?.type ?? 'null'}`);
      return assembler.graph(structuredClone(response));
    };
  };

  it('draws backends only when asked, for the last analysis at once and for the next ones', () => {
    const service = new AnalysisService();
    const read = graphReader(service);
    const analyze = (version: number, text: string, withBackends?: boolean) =>
      service.handle({ type: 'analyze', version, files: [{ name: 'a.yaml', text }], settings: defaultSettings(), ...(withBackends === undefined ? {} : { view: view({ backends: withBackends }) }) });
    expect(service.handle({ type: 'view', version: 0, view: view({ backends: true }) }).type).toBe('error');
    const first = read(analyze(1, workspace('api', 100)));
    expect(backends(first)).toEqual([]);
    // Asked: the same analysis's graph again, with a backend per server, laid out as before (backends are placed by the pane).
    const shown = read(service.handle({ type: 'view', version: 1, view: view({ backends: true }) }));
    expect(shown.version).toBe(1);
    expect(shown.graphVersion).toBe(1);
    expect(backends(shown).sort()).toEqual(['http://api.apps.svc:80', 'http://web.apps.svc:80']);
    expect(shown.layout).toEqual(first.layout);
    expect(shown.graph.nodes.filter((n) => n.kind !== 'backend')).toEqual(first.graph.nodes);
    // Each analyze request says whether it wants them.
    expect(backends(read(analyze(2, workspace('api', 101), true)))).toHaveLength(2);
    expect(backends(read(analyze(3, workspace('api', 102))))).toEqual([]);
    expect(backends(read(service.handle({ type: 'view', version: 3, view: view({ backends: true }) })))).toHaveLength(2);
    expect(backends(read(service.handle({ type: 'view', version: 3, view: view() })))).toEqual([]);
  });

  it('sends a large graph as the view keeps it: one namespace at first, then what the filters keep; the whole graph on request', () => {
    const service = new AnalysisService();
    const read = graphReader(service);
    const text = generateWorkspace(600).text;
    const first = read(service.handle({ type: 'analyze', version: 1, files: [{ name: 'big.yaml', text }], settings: defaultSettings() }));
    // Only the routes that share a node with the namespace shown were drawn (core/graph viewGraph).
    const drawnFirst = service.graphRoutersDrawn;
    expect(drawnFirst).toBeGreaterThan(0);
    const whole = service.handle({ type: 'wholeGraph', version: 1, id: 7 });
    const routes = whole.type === 'wholeGraph' ? whole.graph.nodes.filter((n) => n.kind === 'router').length : 0;
    expect(service.graphRoutersDrawn).toBe(routes);
    expect(drawnFirst).toBeLessThan(routes / 4);
    if (whole.type !== 'wholeGraph') throw new Error(`expected the whole graph, got ${whole.type}`);
    expect(whole.id).toBe(7);
    const { scope } = scopeGraph(whole.graph, view());
    expect(whole.graph.nodes.length).toBeGreaterThan(SCOPE_FROM);
    expect(first.graphScope).toEqual(scope);
    expect(first.graphScope).toMatchObject({ total: whole.graph.nodes.length, auto: busiestNamespace(whole.graph), scoped: true });
    // What is sent is what the pane would have kept of the whole graph, laid out on its own.
    const namespaceOf = (result: AnalysisResult) => new Set(result.graph.nodes.filter((n) => n.kind === 'router').map((n) => n.namespace));
    expect(first.graph).toEqual(filterGraph(whole.graph, { namespace: first.graphScope.auto }));
    expect(namespaceOf(first)).toEqual(new Set([first.graphScope.auto]));
    expect(Object.keys(first.layout.positions).sort()).toEqual(first.graph.nodes.map((n) => n.id).sort());

    // The pane prefers another namespace (its selection's), then filters by text: the same analysis, its graph again.
    const other = scope.namespaces.find((ns) => ns !== scope.auto && whole.graph.nodes.some((n) => n.kind === 'router' && n.namespace === ns))!;
    const preferred = read(service.handle({ type: 'view', version: 1, view: view({ prefer: other }) }));
    expect(preferred.graphVersion).toBe(1);
    expect(namespaceOf(preferred)).toEqual(new Set([other]));
    const filter = { text: 'app-1' };
    const filtered = read(service.handle({ type: 'view', version: 1, view: view({ filter }) }));
    expect(filtered.graphScope.auto).toBeUndefined();
    expect(filtered.graph.nodes.length).toBeGreaterThan(0);
    expect(filtered.graph).toEqual(filterGraph(whole.graph, filter));
    // Everything, when asked.
    const all = read(service.handle({ type: 'view', version: 1, view: view({ all: true }) }));
    expect(all.graph).toEqual(whole.graph);
    // A change of view filters the graph it has: nothing is built again.
    const again = service.handle({ type: 'wholeGraph', version: 1, id: 8 });
    expect(again.type === 'wholeGraph' && again.graph).toBe(whole.graph);
  });
});
