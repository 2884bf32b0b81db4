/// <reference lib="webworker" />
import { AnalysisService } from './service.ts';
import type { WorkerRequest, WorkerResponse } from './protocol.ts';
import { cut } from './chunks.ts';
import { WorkerLoop } from './loop.ts';

/** Long arrays go ahead in slices, so that the page receives no message that takes long to read. */
function post(response: WorkerResponse): void {
  const { slices, head } = cut(response);
  for (const slice of slices) self.postMessage(slice);
  self.postMessage(head);
}

const loop = new WorkerLoop(new AnalysisService(), post);

self.onmessage = (event: MessageEvent<WorkerRequest>) => loop.receive(event.data);
