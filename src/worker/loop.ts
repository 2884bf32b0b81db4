/**
 * The worker's message loop, free of the worker API so that it can be tested with fake timers.
 *
 * - Typing produces bursts of analyze requests: only the newest one waiting is analysed.
 * - An analysis goes to the page in two messages (service.ts): the text panes' part at once, the graph in a task of
 *   its own right after. When a newer analyze request came in between, that graph is not built: the newer analysis
 *   replaces it, and its own graph follows it. While typing on 5,000 IngressRoutes the graph is about half of an
 *   analysis, so the worker catches up with the text that much sooner.
 * - Any other question is answered after the analysis and graph it may depend on.
 */
import type { AnalysisService } from './service.ts';
import type { WorkerRequest, WorkerResponse } from './protocol.ts';
import { ReviewRunner } from './review-runner.ts';

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
