import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dedupe } from './analyze.ts';
import type { Diagnostic } from './types.ts';

describe('dedupe', () => {
  it('drops exactly the repeats of an earlier diagnostic (file, range, code and message), keeping order', () => {
    const diagnostic = fc.record({
      file: fc.constantFrom('a.yaml', 'b.yaml'),
      start: fc.integer({ min: 0, max: 3 }),
      length: fc.integer({ min: 0, max: 2 }),
      code: fc.constantFrom('X', 'Y'),
      message: fc.constantFrom('m', 'n'),
      severity: fc.constantFrom('error' as const, 'warning' as const),
    }).map(({ file, start, length, code, message, severity }): Diagnostic => ({ file, range: { start, end: start + length }, code, message, severity, family: 'reference' }));
    fc.assert(
      fc.property(fc.array(diagnostic, { maxLength: 40 }), (ds) => {
        // The reference: one key per diagnostic, first occurrence kept.
        const key = (d: Diagnostic) => JSON.stringify([d.file, d.range.start, d.range.end, d.code, d.message]);
        const expected = ds.filter((d, i) => ds.findIndex((e) => key(e) === key(d)) === i);
        const got = dedupe(ds);
        expect(got).toHaveLength(expected.length);
        got.forEach((d, i) => expect(d).toBe(expected[i]));
      }),
      { seed: 5, numRuns: 500 },
    );
  });
});
