import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../core/provider/settings.ts';
import { AnalysisService } from './service.ts';
import { AnalysisAssembler } from './delta.ts';
import type { AnalysisResult, WorkerResponse } from './protocol.ts';

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

describe('worker: backends on request', () => {
  const backends = (result: AnalysisResult) => result.graph.nodes.filter((n) => n.kind === 'backend').map((n) => n.label);

  it('draws backends only when asked, for the last analysis at once and for the next ones', () => {
    const service = new AnalysisService();
    const read = reader(service);
    const analyze = (version: number, text: string, withBackends?: boolean) =>
      service.handle({ type: 'analyze', version, files: [{ name: 'a.yaml', text }], settings: defaultSettings(), ...(withBackends === undefined ? {} : { backends: withBackends }) });
    expect(service.handle({ type: 'backends', version: 0, on: true }).type).toBe('error');
    const first = read(analyze(1, workspace('api', 100)));
    expect(backends(first)).toEqual([]);
    // Asked: the same analysis again, with a backend per server, laid out as before (backends are placed by the pane).
    const shown = read(service.handle({ type: 'backends', version: 1, on: true }));
    expect(shown.version).toBe(1);
    expect(backends(shown).sort()).toEqual(['http://api.apps.svc:80', 'http://web.apps.svc:80']);
    expect(shown.layout).toEqual(first.layout);
    expect(shown.graph.nodes.filter((n) => n.kind !== 'backend')).toEqual(first.graph.nodes);
    // Each analyze request says whether it wants them.
    expect(backends(read(analyze(2, workspace('api', 101), true)))).toHaveLength(2);
    expect(backends(read(analyze(3, workspace('api', 102))))).toEqual([]);
    expect(backends(read(service.handle({ type: 'backends', version: 3, on: true })))).toHaveLength(2);
    expect(backends(read(service.handle({ type: 'backends', version: 3, on: false })))).toEqual([]);
  });
});
