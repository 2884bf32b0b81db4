/**
 * The helper thread of src/cli/parallel.ts: claims chunks of documents from the shared counter,
 * turns each into js-yaml events and posts them as one transferable buffer, until none is left.
 * Bundled on its own (dist-cli/parse-worker.mjs) so that it starts without loading the whole CLI.
 */
import { workerData, type MessagePort } from 'node:worker_threads';
import { eventsOfChunk } from '../core/yaml/parse-chunks.ts';

export interface WorkerInput {
  texts: string[];
  bounds: Int32Array[];
  chunks: Int32Array;
  /** [0]: next chunk to claim; [1]: chunks posted by helpers (the main thread waits on it). */
  shared: Int32Array;
  port: MessagePort;
}

export interface ChunkMessage {
  chunk: number;
  data: Int32Array<ArrayBuffer>;
  index: Int32Array<ArrayBuffer>;
}

function main({ texts, bounds, chunks, shared, port }: WorkerInput): void {
  const count = chunks.length / 3;
  for (;;) {
    const c = Atomics.add(shared, 0, 1);
    if (c >= count) break;
    const file = chunks[3 * c]!;
    const first = chunks[3 * c + 1]!;
    const end = chunks[3 * c + 2]!;
    let data: Int32Array<ArrayBuffer>;
    let index: Int32Array<ArrayBuffer>;
    try {
      ({ data, index } = eventsOfChunk(texts[file]!, bounds[file]!, first, end));
    } catch {
      // Whatever went wrong, say so at once: the main thread parses these documents itself.
      data = new Int32Array(0);
      index = new Int32Array(2 * (end - first)).fill(-1);
    }
    const message: ChunkMessage = { chunk: c, data, index };
    port.postMessage(message, [data.buffer, index.buffer]);
    Atomics.add(shared, 1, 1);
    Atomics.notify(shared, 1);
  }
  port.close();
}

main(workerData as WorkerInput);
