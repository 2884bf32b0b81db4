/**
 * When the worker runs the shadow check of the last analysis (AnalysisService.reviewSteps): in slices of
 * SLICE_MS with the thread given back between them, dropped when a newer edit comes (whose analysis is checked
 * instead), and, when the last check took more than one slice, only once the edits pause (REVIEW_PAUSE_MS
 * without a newer analysis). A small workspace's check (a few ms) still comes at once.
 *
 * Run at once after every analysis, the check (~90 ms at 1,000 IngressRoutes) took a core from the page while
 * it drew the analysis, held up the next keystroke's analysis, and a rename's fresh findings made the page draw
 * everything a second time between keystrokes. Meanwhile the page shows the findings of the last check whose
 * routers still exist.
 */
import type { WorkerResponse } from './protocol.ts';

export const REVIEW_PAUSE_MS = 500;
export const SLICE_MS = 10;

export class ReviewRunner {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private steps: Generator<void, WorkerResponse | null> | null = null;
  /** CPU time of the check under way, and of the last one that finished (none yet: taken as short). */
  private spent = 0;
  private lastMs = 0;

  constructor(
    private readonly start: () => Generator<void, WorkerResponse | null>,
    private readonly post: (response: WorkerResponse) => void,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** An analysis was sent: its check starts after the pause, unless a newer edit comes first. */
  analysed(): void {
    this.stop();
    this.timer = setTimeout(() => this.slice(), this.lastMs <= SLICE_MS ? 0 : REVIEW_PAUSE_MS);
  }

  /** A newer edit is waiting: the check in progress or planned is dropped. */
  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.steps = null;
    this.spent = 0;
  }

  private slice(): void {
    this.steps ??= this.start();
    const began = this.now();
    for (;;) {
      const step = this.steps.next();
      const now = this.now();
      if (step.done) {
        this.lastMs = this.spent + now - began;
        this.stop();
        if (step.value) this.post(step.value);
        return;
      }
      if (now - began >= SLICE_MS) break;
    }
    this.spent += this.now() - began;
    this.timer = setTimeout(() => this.slice(), 0);
  }
}
