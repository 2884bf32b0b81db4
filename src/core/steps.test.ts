import { describe, expect, it } from 'vitest';
import { drain } from './steps.ts';

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
