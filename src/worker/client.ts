/**
 * Main-thread client of the analysis worker: latest version wins, and when the worker cannot start
 * (or dies) the same service runs on the main thread so the app keeps working.
 */
import type { WorkspaceFile } from '../core/analyze.ts';
import type { Settings } from '../core/types.ts';
import type { SimRequest } from '../core/simulate/index.ts';
import { DEFAULT_VIEW, type AnalysisResult, type NameEquivalence, type PaneView, type WorkerRequest, type WorkerResponse } from './protocol.ts';
import type { AnalysisService } from './service.ts';
import { AnalysisAssembler } from './delta.ts';
import { inSteps } from '../core/steps.ts';
import { SliceCollector, type Slice } from './chunks.ts';
import { ReviewRunner } from './review-runner.ts';

type SimulationAnswer = Extract<WorkerResponse, { type: 'simulation' }>;
type ResourceAnswer = Extract<WorkerResponse, { type: 'resource' }>;
type DiffAnswer = Extract<WorkerResponse, { type: 'diff' }>;
type ConvertAnswer = Extract<WorkerResponse, { type: 'convert' }>;
type WholeGraphAnswer = Extract<WorkerResponse, { type: 'wholeGraph' }>;

export interface AnalysisClient {
  analyze(version: number, files: WorkspaceFile[], settings: Settings): void;
  /** What the graph pane shows, for this analysis (its graph sent again) and the next ones. */
  setGraphView(view: PaneView): void;
  /** The whole graph of the last analysis, whatever the view (a large graph comes as the view keeps it). */
  wholeGraph(version: number): Promise<WholeGraphAnswer>;
  simulate(version: number, request: SimRequest): Promise<SimulationAnswer>;
  resource(version: number, resourceId: string): Promise<ResourceAnswer>;
  diff(version: number, baseFiles: WorkspaceFile[], equivalence?: NameEquivalence): Promise<DiffAnswer>;
  /** "Convert to IngressRoute" on the last analysis. */
  convert(version: number): Promise<ConvertAnswer>;
  dispose(): void;
}

let channel: MessageChannel | null = null;
const resumes: (() => void)[] = [];

/** Ends the current task: resolves from a fresh one (a message to ourselves, not a clamped timer). */
function yieldTask(): Promise<void> {
  if (!channel) {
    channel = new MessageChannel();
    channel.port1.onmessage = () => resumes.shift()?.();
  }
  const port = channel.port2;
  return new Promise((resolve) => {
    resumes.push(resolve);
    port.postMessage(null);
  });
}

export function createAnalysisClient(
  onAnalysis: (result: AnalysisResult) => void,
  onError: (message: string) => void,
  /** Called once when the analysis moves to the main thread (the worker could not start, or died). */
  onMainThread: () => void = () => undefined,
): AnalysisClient {
  let worker: Worker | null = null;
  let fallback: AnalysisService | null = null;
  let latestVersion = -1;
  let nextId = 1;
  // The questions the worker has not answered yet: when it fails (its script does not load, or it dies), the main
  // thread's service is asked them again.
  const waiting = new Map<number, { message: WorkerRequest; answer: (answer: never) => void }>();
  // Every analysis is decoded (each is a change from the one before), even those too old to show.
  let assembler = new AnalysisAssembler();

  const slices = new SliceCollector();
  // Answers are handled in order; an analysis is put back together over a few tasks.
  let queue = Promise.resolve();
  const receive = (response: WorkerResponse) => {
    queue = queue.then(() => handle(response));
  };
  const handle = async (response: WorkerResponse) => {
    switch (response.type) {
      case 'analysis':
      case 'graph': {
        let result;
        try {
          result = await inSteps(response.type === 'analysis' ? assembler.summarySteps(response) : assembler.graphSteps(response), yieldTask);
        } catch (error) {
          onError(`Internal error: ${error instanceof Error ? error.message : String(error)}`);
          break;
        }
        if (response.version >= latestVersion) onAnalysis(result);
        break;
      }
      case 'simulation':
      case 'resource':
      case 'diff':
      case 'convert':
      case 'wholeGraph':
        (waiting.get(response.id)?.answer as ((a: typeof response) => void) | undefined)?.(response);
        waiting.delete(response.id);
        break;
      case 'error':
        if (response.id !== undefined) waiting.delete(response.id);
        onError(response.message);
        break;
    }
  };

  const useFallback = async () => {
    if (worker) {
      // The fallback service starts from nothing: so does what the page holds of the worker's messages.
      worker.terminate();
      worker = null;
      assembler = new AnalysisAssembler();
    }
    const { AnalysisService } = await import('./service.ts');
    if (!fallback) {
      fallback = new AnalysisService();
      onMainThread();
    }
    return fallback;
  };

  // What the worker was last asked to analyse: asked again of the main thread if the worker fails.
  let lastAnalyze: Extract<WorkerRequest, { type: 'analyze' }> | null = null;
  // What the graph pane shows: every analyze request says so.
  let view: PaneView = DEFAULT_VIEW;
  // On the main thread the shadow check is paced as the worker paces it (review-runner.ts).
  let reviews: ReviewRunner | null = null;

  const send = (message: WorkerRequest) => {
    if (message.type === 'analyze') lastAnalyze = message;
    if (worker) {
      worker.postMessage(message);
      return;
    }
    void useFallback().then((service) => {
      receive(service.respond(message));
      if (message.type === 'analyze') {
        reviews ??= new ReviewRunner(() => service.reviewSteps(), (response) => receive(service.withGraph(response)));
        reviews.analysed();
      }
    });
  };

  try {
    worker = new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module', name: 'analysis' });
    worker.onmessage = (event: MessageEvent<WorkerResponse | Slice>) => {
      const data = event.data;
      if (data.type === 'slice') slices.add(data);
      else receive(slices.restore(data));
    };
    worker.onerror = () => {
      if (!worker) return;
      onError('The analysis worker stopped; analysing on the main thread instead.');
      void useFallback().then(() => {
        // What the worker will never answer is asked again, now of the main thread.
        const again = [...(lastAnalyze ? [{ ...lastAnalyze, view }] : []), ...[...waiting.values()].map((w) => w.message)];
        for (const message of again) send(message);
      });
    };
  } catch {
    worker = null;
  }

  /** A question with an answer of its own (matched by id). */
  const ask = <A>(make: (id: number) => Exclude<WorkerRequest, { type: 'analyze' | 'view' }>): Promise<A> => {
    const message = make(nextId++);
    return new Promise<A>((resolve) => {
      waiting.set(message.id, { message, answer: resolve as (a: never) => void });
      send(message);
    });
  };

  return {
    analyze(version, files, settings) {
      latestVersion = Math.max(latestVersion, version);
      send({ type: 'analyze', version, files, settings, view });
    },
    setGraphView(next) {
      if (JSON.stringify(next) === JSON.stringify(view)) return;
      view = next;
      if (lastAnalyze) send({ type: 'view', version: lastAnalyze.version, view });
    },
    wholeGraph(version) {
      return ask<WholeGraphAnswer>((id) => ({ type: 'wholeGraph', version, id }));
    },
    simulate(version, request) {
      return ask<SimulationAnswer>((id) => ({ type: 'simulate', version, id, request }));
    },
    resource(version, resourceId) {
      return ask<ResourceAnswer>((id) => ({ type: 'resource', version, id, resourceId }));
    },
    diff(version, baseFiles, equivalence) {
      return ask<DiffAnswer>((id) => ({ type: 'diff', version, id, baseFiles, ...(equivalence ? { equivalence } : {}) }));
    },
    convert(version) {
      return ask<ConvertAnswer>((id) => ({ type: 'convert', version, id }));
    },
    dispose() {
      worker?.terminate();
      reviews?.stop();
      waiting.clear();
    },
  };
}
