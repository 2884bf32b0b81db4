import { describe, expect, it } from 'vitest';
import { arr, bool, get, num, obj, str, strMap } from './read.ts';

describe('defensive readers', () => {
  it.each([
    { desc: 'str', f: str, ok: ['x', ''], bad: [1, null, undefined, true, {}, ['x']] },
    { desc: 'num', f: num, ok: [0, -1.5, 443], bad: ['80', NaN, Infinity, null, undefined, true] },
    { desc: 'bool', f: bool, ok: [true, false], bad: ['true', 0, 1, null, undefined] },
  ])('$desc returns only its own type', ({ f, ok, bad }) => {
    for (const v of ok) expect((f as (v: unknown) => unknown)(v)).toBe(v);
    for (const v of bad) expect((f as (v: unknown) => unknown)(v)).toBeUndefined();
  });

  it('arr returns [] for non-arrays', () => {
    const a = [1];
    expect(arr(a)).toBe(a);
    expect(arr(null)).toEqual([]);
    expect(arr({ length: 1 })).toEqual([]);
    expect(arr('x')).toEqual([]);
  });

  it('obj returns plain mappings only', () => {
    const o = { a: 1 };
    expect(obj(o)).toBe(o);
    for (const v of [null, undefined, [], 'x', 1, new Uint8Array(1), new Date(0)]) expect(obj(v)).toBeUndefined();
  });

  it('get walks own keys and indices', () => {
    const v = { spec: { routes: [{ match: 'Host(`a`)' }] } };
    expect(get(v, ['spec', 'routes', 0, 'match'])).toBe('Host(`a`)');
    expect(get(v, ['spec', 'routes', 1, 'match'])).toBeUndefined();
    expect(get(v, ['spec', 'routes', 'x'])).toBeUndefined();
    expect(get(v, ['spec', 'toString'])).toBeUndefined();
    expect(get(null, ['a'])).toBeUndefined();
    expect(get(v, [])).toBe(v);
  });

  it('strMap keeps string values', () => {
    expect(strMap({ a: 'b', c: 1, d: null })).toEqual({ a: 'b' });
    expect(strMap('x')).toEqual({});
  });
});
