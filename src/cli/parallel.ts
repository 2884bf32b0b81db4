/**
 * The analysis of a large workspace with the documents parsed on every core: helper threads turn
 * chunks of documents into js-yaml events (src/cli/parallel-worker.ts) while the main thread parses
 * chunks itself and composes the helpers' events as they arrive (src/core/yaml/parse-chunks.ts);
 * the parsed documents then go through the ordinary analysis as unchanged documents of an Analyzer,
 * so the result is what `analyze` gives (tested in parallel.test.ts).
 *
 * The CLI's commands are synchronous: the main thread waits for the helpers with Atomics.wait and
 * reads their messages with receiveMessageOnPort. Chunks are claimed from a shared counter, so a
 * helper that starts late (or never) only leaves more chunks to the main thread; one that stops
 * after claiming a chunk is given up after STALL_MS, and parseFile parses what it did not send.
 */
import os from 'node:os';
import { createRequire as requireFrom } from 'node:module';
import { pathToFileURL } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { analyze, Analyzer, isRouteTestFile, type Analysis, type WorkspaceFile } from '../core/analyze.ts';
import { planChunks, Prefill } from '../core/yaml/parse-chunks.ts';
import type { Settings } from '../core/types.ts';
import type { ChunkMessage, WorkerInput } from './parallel-worker.ts';

export interface ParallelOptions {
  /** Helper threads (default: one per idle core beyond two, at most 3; see defaultThreads). */
  threads?: number;
  /** Below this many characters the workspace is analysed on the main thread alone (default 1 MB):
   * a helper thread took 120–180 ms to start on the shared 2-core machine, what parsing ~0.5 MB costs. */
  minChars?: number;
  /** Characters per chunk handed out (default 64 KB). */
  chunkChars?: number;
  /** For tests: the main thread parses no chunk itself, so every document crosses threads. */
  helpersOnly?: boolean;
  /** Filled in when given: chunks planned, and chunks whose events came from a helper thread. */
  stats?: { chunks: number; fromHelpers: number };
}

/** How long the main thread waits for a claimed chunk before parsing it itself. */
const STALL_MS = 20_000;

/**
 * `analyze(files, settings)`, with the YAML of large workspaces parsed on several threads.
 *
 * @example
 * const analysis = analyzeParallel([{ name: 'big.yaml', text }], defaultSettings());
 */
export function analyzeParallel(files: readonly WorkspaceFile[], settings: Settings, options: ParallelOptions = {}): Analysis {
  const threads = options.threads ?? defaultThreads();
  const parsed = files.filter((f) => !isRouteTestFile(f.name));
  const chars = parsed.reduce((n, f) => n + (typeof f.text === 'string' ? f.text.length : 0), 0);
  if (threads < 1 || chars < (options.minChars ?? 1_000_000) || parsed.some((f) => typeof f.text !== 'string')) return analyze(files, settings);
  const analyzer = new Analyzer();
  parseInParallel(parsed, threads, options).fill(analyzer.cache);
  return analyzer.analyze(files, settings);
}

/**
 * One helper per idle core beyond two (at most 3); INGRESSROUTE_STUDIO_THREADS=n sets it (0: none).
 * A helper pays only on a core nothing else wants: it adds its start, a second JIT and the copying of
 * events (~15 % more CPU in all), which on a busy machine (load average at or above the number of
 * cores) made validate 1.17× slower, measured on the shared 2-core machine at a load of 20. One idle core
 * is not enough either: V8's own threads (parallel scavenges, concurrent marking and compiling) already use
 * it — validate of 5,000 IngressRoutes takes ~2.3 s of CPU in ~1.65 s — and on the idle 2-core machine a
 * helper made validate ~5 % slower (1.73 s against 1.62 s, medians of 5 alternated runs, session 9).
 */
function defaultThreads(): number {
  const set = Number.parseInt(process.env['INGRESSROUTE_STUDIO_THREADS'] ?? '', 10);
  if (Number.isInteger(set) && set >= 0) return set;
  const cores = os.availableParallelism();
  const idle = Math.floor(cores - os.loadavg()[0]!);
  return Math.max(0, Math.min(3, cores - 2, idle - 1));
}

function parseInParallel(files: readonly WorkspaceFile[], threads: number, options: ParallelOptions): Prefill {
  const texts = files.map((f) => f.text);
  const plan = planChunks(texts, options.chunkChars ?? 64 * 1024);
  const work = new Prefill(files, plan);
  const total = work.size;
  const shared = new Int32Array(new SharedArrayBuffer(8));
  const ports: MessagePort[] = [];
  const workers: Worker[] = [];
  for (let t = 0; t < Math.min(threads, options.helpersOnly ? total : total - 1); t++) {
    const { port1, port2 } = new MessageChannel();
    const input: WorkerInput = { texts, bounds: plan.bounds, chunks: plan.chunks, shared, port: port2 };
    try {
      const worker = spawn(input, [port2]);
      worker.unref();
      worker.on('error', () => undefined); // its chunks are parsed here instead
      workers.push(worker);
      ports.push(port1);
    } catch {
      port1.close();
    }
  }
  let done = 0;
  let fromHelpers = 0;
  const drain = () => {
    for (const port of ports) {
      for (let m = receiveMessageOnPort(port); m !== undefined; m = receiveMessageOnPort(port)) {
        const message = m.message as ChunkMessage;
        work.chunk(message.chunk, message);
        done++;
        fromHelpers++;
      }
    }
  };
  while (!options.helpersOnly) {
    drain();
    const c = Atomics.add(shared, 0, 1);
    if (c >= total) break;
    work.chunk(c);
    done++;
  }
  let idle = 0;
  while (done < total && idle < STALL_MS) {
    const posted = Atomics.load(shared, 1);
    drain();
    if (done >= total) break;
    idle = Atomics.wait(shared, 1, posted, 100) === 'timed-out' ? idle + 100 : 0;
  }
  if (options.stats) Object.assign(options.stats, { chunks: total, fromHelpers });
  for (const port of ports) port.close();
  for (const worker of workers) void worker.terminate();
  return work;
}

/** The helper thread: the bundled parse-worker.mjs beside the CLI, or its TypeScript source under tsx/vitest. */
function spawn(workerData: WorkerInput, transferList: MessagePort[]): Worker {
  const self = import.meta.url;
  if (!self.endsWith('.ts')) return new Worker(new URL('./parse-worker.mjs', self), { workerData, transferList });
  // Running from source: Node 20 does not pass tsx's loader to threads, so the thread registers it.
  const tsx = pathToFileURL(requireFrom(self).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
  const entry = new URL('./parallel-worker.ts', self).href;
  const code = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(code, { eval: true, workerData, transferList });
}
