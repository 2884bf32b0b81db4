import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { REVIEW_PAUSE_MS, ReviewRunner, SLICE_MS } from './review-runner.ts';
import type { WorkerResponse } from './protocol.ts';

const done: WorkerResponse = { type: 'error', version: 7, message: 'the review' };

/** A review of `n` steps, each taking `stepMs` on the runner's clock; counts the steps it ran. */
function review(n: number, stepMs: number, clock: { t: number }) {
  const ran = { steps: 0, started: 0 };
  const start = function* (): Generator<void, WorkerResponse | null> {
    ran.started++;
    for (let i = 0; i < n; i++) {
      clock.t += stepMs;
      ran.steps++;
      yield;
    }
    return done;
  };
  return { start, ran };
}

describe('ReviewRunner: the shadow check once the edits pause, in slices, dropped by a newer edit', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('starts only after the pause and posts the result once', () => {
    const clock = { t: 0 };
    const { start, ran } = review(3, 1, clock);
    const posted: WorkerResponse[] = [];
    const runner = new ReviewRunner(start, (r) => posted.push(r), () => clock.t);
    runner.analysed();
    vi.advanceTimersByTime(REVIEW_PAUSE_MS - 1);
    expect(ran.started).toBe(0);
    vi.advanceTimersByTime(1);
    expect(ran.steps).toBe(3);
    expect(posted).toEqual([done]);
    vi.advanceTimersByTime(10 * REVIEW_PAUSE_MS);
    expect(ran.started).toBe(1);
    expect(posted).toHaveLength(1);
  });

  it('gives the thread back every SLICE_MS', () => {
    const clock = { t: 0 };
    // Each step takes 4 ms: a slice runs steps until SLICE_MS (10 ms) have gone, that is 3 of them.
    const { start, ran } = review(7, 4, clock);
    const posted: WorkerResponse[] = [];
    const runner = new ReviewRunner(start, (r) => posted.push(r), () => clock.t);
    runner.analysed();
    vi.advanceTimersByTime(REVIEW_PAUSE_MS);
    expect(ran.steps).toBe(Math.ceil(SLICE_MS / 4));
    expect(posted).toEqual([]);
    vi.advanceTimersToNextTimer();
    expect(ran.steps).toBe(2 * Math.ceil(SLICE_MS / 4));
    vi.runAllTimers();
    expect(ran.steps).toBe(7);
    expect(posted).toEqual([done]);
  });

  it('drops a check under way or planned when a newer edit comes, and waits a whole pause again after its analysis', () => {
    const clock = { t: 0 };
    const { start, ran } = review(7, 4, clock);
    const posted: WorkerResponse[] = [];
    const runner = new ReviewRunner(start, (r) => posted.push(r), () => clock.t);
    runner.analysed();
    vi.advanceTimersByTime(REVIEW_PAUSE_MS);
    expect(ran.steps).toBe(3);
    runner.stop(); // an edit arrives mid-check
    vi.runAllTimers();
    expect(ran.steps).toBe(3);
    expect(posted).toEqual([]);

    runner.analysed(); // its analysis is sent
    vi.advanceTimersByTime(REVIEW_PAUSE_MS / 2);
    runner.stop(); // and another edit comes before the pause ended
    runner.analysed();
    vi.advanceTimersByTime(REVIEW_PAUSE_MS - 1);
    expect(ran.started).toBe(1);
    vi.runAllTimers();
    expect(ran.started).toBe(2); // a fresh check, from the start
    expect(ran.steps).toBe(3 + 7);
    expect(posted).toEqual([done]);
  });
});
