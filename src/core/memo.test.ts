import { describe, expect, it } from 'vitest';
import { memoByText } from './memo.ts';

describe('memoByText', () => {
  it('computes a key once, undefined results included, and starts over at its limit', () => {
    const calls: string[] = [];
    const f = memoByText((k) => (calls.push(k), k === 'none' ? undefined : k.length), 3);
    expect([f('ab'), f('ab'), f('none'), f('none')]).toEqual([2, 2, undefined, undefined]);
    expect(calls).toEqual(['ab', 'none']);
    f('c');
    f('d'); // a fourth key: the memo was full, so it starts over
    f('ab');
    expect(calls).toEqual(['ab', 'none', 'c', 'd', 'ab']);
  });

  it('takes a primed result instead of computing it, and never replaces one it has', () => {
    const calls: string[] = [];
    const f = memoByText((k) => (calls.push(k), k.length));
    f.prime('abc', () => 42);
    expect(f('abc')).toBe(42);
    f('xy');
    let asked = false;
    f.prime('xy', () => ((asked = true), 7));
    expect(f('xy')).toBe(2);
    expect(asked).toBe(false);
    expect(calls).toEqual(['xy']);
  });
});
