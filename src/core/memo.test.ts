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
});
