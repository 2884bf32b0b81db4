/**
 * When the worker runs the shadow check of the last analysis (AnalysisService.reviewSteps): once the edits
 * pause (REVIEW_PAUSE_MS without a newer analysis), in slices of SLICE_MS with the thread given back between
 * them, and dropped when a newer edit comes, whose analysis is checked instead.
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

  constructor(
    private readonly start: () => Generator<void, WorkerResponse | null>,
    private readonly post: (response: WorkerResponse) => void,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** An analysis was sent: its check starts after the pause, unless a newer edit comes first. */
  analysed(): void {
    this.stop();
    this.timer = setTimeout(() => this.slice(), REVIEW_PAUSE_MS);
  }

  /** A newer edit is waiting: the check in progress or planned is dropped. */
  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.steps = null;
  }

  private slice(): void {
    this.steps ??= this.start();
    const until = this.now() + SLICE_MS;
    for (;;) {
      const step = this.steps.next();
      if (step.done) {
        this.steps = null;
        this.timer = undefined;
        if (step.value) this.post(step.value);
        return;
      }
      if (this.now() >= until) break;
    }
    this.timer = setTimeout(() => this.slice(), 0);
  }
}
