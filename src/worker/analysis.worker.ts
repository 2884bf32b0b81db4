/// <reference lib="webworker" />
import { AnalysisService } from './service.ts';
import type { WorkerRequest, WorkerResponse } from './protocol.ts';
import { cut } from './chunks.ts';
import { ReviewRunner } from './review-runner.ts';

const service = new AnalysisService();
let pendingAnalyze: WorkerRequest | null = null;
let scheduled = false;

/** Long arrays go ahead in slices, so that the page receives no message that takes long to read. */
function postOne(response: WorkerResponse): void {
  const { slices, head } = cut(response);
  for (const slice of slices) self.postMessage(slice);
  self.postMessage(head);
}

/** A response, and after an analysis its graph: built once the analysis is on its way, so the page reads one while the other is made. */
function post(response: WorkerResponse): void {
  postOne(response);
  if (response.type !== 'analysis') return;
  const graph = service.takeGraph();
  if (graph) postOne(graph);
}

/** The shadow check of the last analysis, once the edits pause (see review-runner.ts). */
const reviews = new ReviewRunner(() => service.reviewSteps(), post);

function analyzeNow(message: WorkerRequest): void {
  post(service.handle(message));
  reviews.analysed();
}

// Typing produces bursts of analyze requests: only the newest one queued matters.
self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const message = event.data;
  if (message.type === 'analyze') {
    pendingAnalyze = message;
    reviews.stop();
    if (!scheduled) {
      scheduled = true;
      setTimeout(() => {
        scheduled = false;
        const next = pendingAnalyze;
        pendingAnalyze = null;
        if (next) analyzeNow(next);
      }, 0);
    }
    return;
  }
  if (pendingAnalyze) {
    const next = pendingAnalyze;
    pendingAnalyze = null;
    analyzeNow(next);
  }
  post(service.handle(message));
};
