// tiedFields: how a verdict lists the routers sharing a router's sort key (at most TIED_LISTED of them, with
// the total when there are more).
import { describe, expect, it } from 'vitest';
import { TIED_LISTED, tiedFields } from './verdict.ts';

describe('tiedFields', () => {
  const names = (n: number) => Array.from({ length: n }, (_, i) => `r${i}`);

  it('lists nothing without ties', () => {
    expect(tiedFields([])).toStrictEqual({});
    expect(tiedFields(['a'], 0)).toStrictEqual({});
  });

  it('lists every tie up to ten, as a copy', () => {
    const ten = names(10);
    expect(TIED_LISTED).toBe(10);
    const out = tiedFields(ten);
    expect(out).toStrictEqual({ tiedWith: ten });
    expect(out.tiedWith).not.toBe(ten);
    expect(tiedFields(['a', 'b'], 2)).toStrictEqual({ tiedWith: ['a', 'b'] });
  });

  it('beyond ten: the first ten and the total', () => {
    expect(tiedFields(names(11))).toStrictEqual({ tiedWith: names(10), tiedTotal: 11 });
    expect(tiedFields(names(3), 500)).toStrictEqual({ tiedWith: names(3), tiedTotal: 500 });
  });
});
