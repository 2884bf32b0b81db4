/// <reference lib="webworker" />
import { AnalysisService } from './service.ts';
import type { WorkerRequest } from './protocol.ts';

const service = new AnalysisService();
let pendingAnalyze: WorkerRequest | null = null;
let scheduled = false;

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
        if (next) self.postMessage(service.handle(next));
      }, 0);
    }
    return;
  }
  if (pendingAnalyze) {
    const next = pendingAnalyze;
    pendingAnalyze = null;
    self.postMessage(service.handle(next));
  }
  self.postMessage(service.handle(message));
};
