import { describe, expect, it } from 'vitest';
import { drain, inSteps } from './steps.ts';

describe('drain', () => {
  it('runs every step and returns the result', () => {
    const ran: number[] = [];
    function* count(): Generator<void, string> {
      for (let i = 0; i < 3; i++) {
        ran.push(i);
        yield;
      }
      return 'done';
    }
    expect(drain(count())).toBe('done');
    expect(ran).toEqual([0, 1, 2]);
  });
});

describe('inSteps', () => {
  it('awaits the pause at each yield, and returns the result', async () => {
    const seen: string[] = [];
    function* count(): Generator<void, string> {
      for (let i = 0; i < 3; i++) {
        seen.push(`step ${i}`);
        yield;
      }
      return 'done';
    }
    expect(await inSteps(count(), async () => void seen.push('pause'))).toBe('done');
    expect(seen).toEqual(['step 0', 'pause', 'step 1', 'pause', 'step 2', 'pause']);
  });
});
