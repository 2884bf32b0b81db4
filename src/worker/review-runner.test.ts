import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { REVIEW_PAUSE_MS, ReviewRunner, SLICE_MS } from './review-runner.ts';
import type { WorkerResponse } from './protocol.ts';

const done: WorkerResponse = { type: 'error', version: 7, message: 'the review' };

/** Reviews of `n` steps, each taking `stepMs` on the runner's clock; counts the reviews started and the steps run. */
function reviews(clock: { t: number }, plan: { n: number; stepMs: number }) {
  const ran = { steps: 0, started: 0 };
  const start = function* (): Generator<void, WorkerResponse | null> {
    ran.started++;
    for (let i = 0; i < plan.n; i++) {
      clock.t += plan.stepMs;
      ran.steps++;
      yield;
    }
    return done;
  };
  return { start, ran };
}

function setup(plan: { n: number; stepMs: number }) {
  const clock = { t: 0 };
  const { start, ran } = reviews(clock, plan);
  const posted: WorkerResponse[] = [];
  const runner = new ReviewRunner(start, (r) => posted.push(r), () => clock.t);
  return { runner, ran, posted };
}

describe('ReviewRunner: the shadow check in slices, dropped by a newer edit, after a pause when it is long', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('a short check (one slice) runs at once and posts its result once, and so does the next', () => {
    const { runner, ran, posted } = setup({ n: 3, stepMs: 1 });
    runner.analysed();
    expect(ran.started).toBe(0); // not inside the analysis's own task
    vi.advanceTimersByTime(0);
    expect(ran.steps).toBe(3);
    expect(posted).toEqual([done]);
    runner.analysed();
    vi.advanceTimersByTime(0);
    expect(ran.started).toBe(2);
    vi.advanceTimersByTime(10 * REVIEW_PAUSE_MS);
    expect(ran.started).toBe(2);
    expect(posted).toEqual([done, done]);
  });

  it('gives the thread back every SLICE_MS; after a check longer than a slice, the next waits for a pause in the edits', () => {
    // Each step takes 4 ms: a slice runs steps until SLICE_MS (10 ms) have gone, that is 3 of them.
    const { runner, ran, posted } = setup({ n: 7, stepMs: 4 });
    runner.analysed();
    vi.advanceTimersByTime(0);
    expect(ran.steps).toBe(Math.ceil(SLICE_MS / 4));
    expect(posted).toEqual([]);
    vi.advanceTimersToNextTimer();
    expect(ran.steps).toBe(2 * Math.ceil(SLICE_MS / 4));
    vi.runAllTimers();
    expect(ran.steps).toBe(7);
    expect(posted).toEqual([done]);

    runner.analysed();
    vi.advanceTimersByTime(REVIEW_PAUSE_MS - 1);
    expect(ran.started).toBe(1);
    vi.advanceTimersByTime(1);
    expect(ran.started).toBe(2);
  });

  it('drops a check under way or planned when a newer edit comes, and waits a whole pause again after its analysis', () => {
    const { runner, ran, posted } = setup({ n: 7, stepMs: 4 });
    runner.analysed();
    vi.runAllTimers(); // a first check: long
    runner.analysed();
    vi.advanceTimersByTime(REVIEW_PAUSE_MS);
    expect(ran.steps).toBe(7 + 3);
    runner.stop(); // an edit arrives mid-check
    vi.runAllTimers();
    expect(ran.steps).toBe(7 + 3);
    expect(posted).toEqual([done]);

    runner.analysed(); // its analysis is sent
    vi.advanceTimersByTime(REVIEW_PAUSE_MS / 2);
    runner.stop(); // and another edit comes before the pause ended
    runner.analysed();
    vi.advanceTimersByTime(REVIEW_PAUSE_MS - 1);
    expect(ran.started).toBe(2);
    vi.runAllTimers();
    expect(ran.started).toBe(3); // a fresh check, from the start
    expect(ran.steps).toBe(7 + 3 + 7);
    expect(posted).toEqual([done, done]);
  });
});
