/**
 * The worker's message loop, free of the worker API so that it can be tested with fake timers.
 *
 * - Typing produces bursts of analyze requests: only the newest one waiting is analysed.
 * - In a large workspace an analysis goes to the page in two messages (service.ts): the text panes' part, then the
 *   graph, built in a task of its own once the first message is posted, so the page draws outline, problems and
 *   markers while the worker builds it; when a newer analyze request came in between, that graph is not built (the
 *   newer analysis replaces it, and its own graph follows it). In a smaller one the graph travels inside the
 *   analysis's message, and the page shows both in one update.
 *
 * Measured (e2e/bench.spec.ts, old and new alternated): at 5,000 IngressRoutes (7,079 resources) outline and
 * problems showed a keystroke in ~580 ms instead of ~1,030 ms, every pane in about the same time. At 1,000 (1,416
 * resources) they showed it ~35 % sooner too, but the page's second update per keystroke made the main thread
 * ~20 % busier while typing, with tasks over 50 ms in 4 of 60 typing runs (1 of 60 before): below SEPARATE_GRAPH_FROM
 * resources the graph travels inside its analysis's message.
 * - Any other question is answered after the analysis and graph it may depend on.
 */
import type { AnalysisService } from './service.ts';
import type { WorkerRequest, WorkerResponse } from './protocol.ts';
import { ReviewRunner } from './review-runner.ts';

/** From this many resources on, the graph is built and sent after its analysis's first message is on its way. */
export const SEPARATE_GRAPH_FROM = 3000;

export class WorkerLoop {
  private pending: WorkerRequest | null = null;
  private scheduled = false;
  /** A graph is due to follow the last analysis message. */
  private graphDue = false;
  /** The shadow check of the last analysis, once the edits pause (see review-runner.ts). */
  private readonly reviews: ReviewRunner;

  constructor(
    private readonly service: AnalysisService,
    /** Posts one message to the page. */
    private readonly send: (response: WorkerResponse) => void,
    /** Runs `task` in a later task of the worker. */
    private readonly later: (task: () => void) => void = (task) => void setTimeout(task, 0),
    private readonly separateFrom = SEPARATE_GRAPH_FROM,
  ) {
    this.reviews = new ReviewRunner(() => service.reviewSteps(), (response) => this.post(response));
  }

  receive(message: WorkerRequest): void {
    if (message.type === 'analyze') {
      this.pending = message;
      this.reviews.stop();
      if (!this.scheduled) {
        this.scheduled = true;
        this.later(() => {
          this.scheduled = false;
          this.analyzePending();
        });
      }
      return;
    }
    this.analyzePending();
    this.sendGraph();
    this.post(this.service.handle(message));
  }

  private analyzePending(): void {
    const next = this.pending;
    this.pending = null;
    if (!next) return;
    this.post(this.service.handle(next));
    this.reviews.analysed();
  }

  /** A response; after an analysis, its graph in a task of its own (the page reads the one while the other is made). */
  private post(response: WorkerResponse): void {
    if (response.type === 'analysis' && !this.graphDue && this.service.dueGraphSize() < this.separateFrom) {
      this.send(this.service.withGraph(response));
      return;
    }
    this.send(response);
    if (response.type !== 'analysis' || this.graphDue) return;
    this.graphDue = true;
    this.later(() => {
      // A newer edit is waiting: this graph is dropped, and the newer analysis's own follows it.
      if (this.pending) this.graphDue = false;
      else this.sendGraph();
    });
  }

  private sendGraph(): void {
    if (!this.graphDue) return;
    this.graphDue = false;
    const graph = this.service.takeGraph();
    if (graph) this.send(graph);
  }
}
