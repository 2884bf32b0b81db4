/// <reference lib="webworker" />
import { AnalysisService } from './service.ts';
import type { WorkerRequest, WorkerResponse } from './protocol.ts';
import { cut } from './chunks.ts';

const service = new AnalysisService();
let pendingAnalyze: WorkerRequest | null = null;
let scheduled = false;

/** Long arrays go ahead in slices, so that the page receives no message that takes long to read. */
function post(response: WorkerResponse): void {
  const { slices, head } = cut(response);
  for (const slice of slices) self.postMessage(slice);
  self.postMessage(head);
}

/** The shadow check of the last analysis, once no newer edit is waiting (a new one would redo it). */
function scheduleReview(): void {
  setTimeout(() => {
    if (pendingAnalyze) return;
    const review = service.review();
    if (review) post(review);
  }, 0);
}

// Typing produces bursts of analyze requests: only the newest one queued matters.
self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const message = event.data;
  if (message.type === 'analyze') {
    pendingAnalyze = message;
    if (!scheduled) {
      scheduled = true;
      setTimeout(() => {
        scheduled = false;
        const next = pendingAnalyze;
        pendingAnalyze = null;
        if (next) post(service.handle(next));
        scheduleReview();
      }, 0);
    }
    return;
  }
  if (pendingAnalyze) {
    const next = pendingAnalyze;
    pendingAnalyze = null;
    post(service.handle(next));
    scheduleReview();
  }
  post(service.handle(message));
};
