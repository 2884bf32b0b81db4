import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultSettings } from '../core/provider/settings.ts';
import { AnalysisService } from './service.ts';
import { SEPARATE_GRAPH_FROM, WorkerLoop } from './loop.ts';
import { AnalysisAssembler } from './delta.ts';
import type { WorkerRequest, WorkerResponse } from './protocol.ts';
import { ingressRoute } from './fixtures.ts';

/**
 * A loop whose later tasks wait in a queue the test runs one by one; what it posts, as "type version". By default
 * every graph goes in a task of its own (as in a workspace of SEPARATE_GRAPH_FROM resources or more).
 */
function setup(separateFrom = 0) {
  const tasks: (() => void)[] = [];
  const sent: WorkerResponse[] = [];
  const loop = new WorkerLoop(new AnalysisService(), (r) => sent.push(r), (task) => void tasks.push(task), separateFrom);
  const analyze = (version: number, name: string): WorkerRequest => ({ type: 'analyze', version, files: [{ name: 'a.yaml', text: ingressRoute(name) }], settings: defaultSettings() });
  const next = () => tasks.shift()!();
  const posted = () => sent.map((r) => `${r.type} ${r.version}`);
  return { loop, tasks, sent, analyze, next, posted };
}

/** The page's view after decoding every message in order: the routes the graph draws, and the graph's version. */
function page(sent: WorkerResponse[]) {
  const assembler = new AnalysisAssembler();
  let shown = null;
  for (const r of structuredClone(sent)) {
    if (r.type === 'analysis') shown = assembler.summary(r);
    if (r.type === 'graph') shown = assembler.graph(r);
  }
  return { graphVersion: shown?.graphVersion, routes: shown?.graph.nodes.filter((n) => n.kind === 'router').map((n) => n.label) };
}

describe('WorkerLoop: analyses, their graphs, and the questions after them', () => {
  // The shadow check's slices run on timers that these tests never advance.
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('sends an analysis in a later task, and its graph in the task after', () => {
    const { loop, tasks, analyze, next, posted } = setup();
    loop.receive(analyze(1, 'web'));
    expect(posted()).toEqual([]);
    next();
    expect(posted()).toEqual(['analysis 1']);
    expect(tasks).toHaveLength(1);
    next();
    expect(posted()).toEqual(['analysis 1', 'graph 1']);
    expect(tasks).toHaveLength(0);
  });

  it('in a smaller workspace, sends the graph inside the message of its analysis', () => {
    const { loop, tasks, sent, analyze, next, posted } = setup(SEPARATE_GRAPH_FROM);
    loop.receive(analyze(1, 'web'));
    next();
    expect(posted()).toEqual(['analysis 1']);
    expect(tasks).toHaveLength(0);
    expect(page(sent)).toEqual({ graphVersion: 1, routes: ['apps/web#0'] });
  });

  it('analyses only the newest of the requests that came while it was busy', () => {
    const { loop, analyze, next, posted } = setup();
    loop.receive(analyze(1, 'web'));
    loop.receive(analyze(2, 'api'));
    loop.receive(analyze(3, 'shop'));
    next();
    next();
    expect(posted()).toEqual(['analysis 3', 'graph 3']);
  });

  it('drops the graph of an analysis a newer edit replaced before it was built; the newer one and its graph follow', () => {
    const { loop, sent, tasks, analyze, next, posted } = setup();
    loop.receive(analyze(1, 'web'));
    next();
    // The edit comes while the page reads the first message: the graph of version 1 would be drawn for nothing.
    loop.receive(analyze(2, 'api'));
    while (tasks.length) next();
    expect(posted()).toEqual(['analysis 1', 'analysis 2', 'graph 2']);
    // The page, having missed no message it needs, draws version 2's routes.
    expect(page(sent)).toEqual({ graphVersion: 2, routes: ['apps/api#0'] });
    // The next edit goes on from there.
    loop.receive(analyze(3, 'shop'));
    while (tasks.length) next();
    expect(posted().slice(3)).toEqual(['analysis 3', 'graph 3']);
    expect(page(sent)).toEqual({ graphVersion: 3, routes: ['apps/shop#0'] });
  });

  it('answers a question after the analysis and the graph it may depend on, without waiting for their tasks', () => {
    const { loop, tasks, analyze, next, posted } = setup();
    loop.receive(analyze(1, 'web'));
    loop.receive({ type: 'resource', version: 1, id: 9, resourceId: 'IngressRoute/apps/web' });
    expect(posted()).toEqual(['analysis 1', 'graph 1', 'resource 1']);
    // The tasks scheduled for them find nothing left to do.
    while (tasks.length) next();
    expect(posted()).toEqual(['analysis 1', 'graph 1', 'resource 1']);
  });
});
