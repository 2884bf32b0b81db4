import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseFile, pathAtOffset, decodedToSourceOffset, planEdit, LineIndex } from './index.ts';
import { extractResources } from '../model/index.ts';
import type { YNode } from '../types.ts';

/**
 * fast-check seed: fixed so a failure reproduces (fast-check prints it); FC_SEED=n explores another.
 * FC_RUNS=n caps the runs of each property (mutation testing sets it: every mutant re-runs them).
 */
const runs = (n: number): number => Math.min(n, Number(process.env.FC_RUNS ?? n));
const SEED = Number(process.env.FC_SEED ?? 2101);

function* scalars(n: YNode | null): Generator<YNode> {
  if (n === null) return;
  yield n;
  if (n.kind === 'map') for (const p of n.pairs) {
    yield* scalars(p.key);
    yield* scalars(p.value);
  }
  if (n.kind === 'seq') for (const i of n.items) yield* scalars(i);
}

// Pieces of YAML that, shuffled, make every kind of broken and odd document.
const PIECE = fc.constantFrom(
  'a: ', 'b:', '- ', '? ', ': ', '\n', '\r\n', '\n  ', '\n    ', '\t', ' ', '---\n', '...\n', '# c', '[', ']', '{', '}', ',', '"', "'", '\\', '|', '>-',
  '&x ', '*x', '!!str ', '!foo ', 'yes', '0755', '1:30', '<<: ', 'Host(`a`)', '%YAML 1.1\n', '\uFEFF', 'é', '😀', '{{ .Values.x }}',
);

describe('never throws, whatever the input', () => {
  it('parseFile, extractResources, pathAtOffset, decodedToSourceOffset and planEdit on shuffled YAML pieces', () => {
    fc.assert(
      fc.property(fc.array(PIECE, { maxLength: 40 }), fc.nat(), (pieces, n) => {
        const text = pieces.join('');
        const parsed = parseFile('f.yaml', text);
        for (const d of parsed.diagnostics) {
          expect(d.range.start).toBeGreaterThanOrEqual(0);
          expect(d.range.end).toBeLessThanOrEqual(text.length);
          expect(d.range.end).toBeGreaterThanOrEqual(d.range.start);
          if (d.severity === 'error' && text.trim() !== '') expect(d.range.end).toBeGreaterThan(d.range.start);
        }
        extractResources([parsed]);
        for (const doc of parsed.documents) {
          pathAtOffset(doc, n % (text.length + 1));
          for (const s of scalars(doc.root)) {
            if (s.kind !== 'scalar') continue;
            expect(s.range.start).toBeLessThanOrEqual(s.range.end);
            for (let i = 0; i <= s.text.length; i += 1 + (s.text.length >> 3)) {
              const o = decodedToSourceOffset(s, text, i);
              expect(o).toBeGreaterThanOrEqual(0);
              expect(o).toBeLessThanOrEqual(text.length);
            }
          }
          const r = planEdit(text, { type: 'set', docIndex: doc.index, path: ['a', 'z'], value: { k: [1, 'yes'] } });
          if (!('error' in r)) {
            let out = text;
            for (const e of [...r.edits].reverse()) out = out.slice(0, e.range.start) + e.text + out.slice(e.range.end);
            expect(parseFile('f.yaml', out).documents[doc.index]?.broken).toBe(false);
          }
        }
        new LineIndex(text).positionAt(n);
      }),
      { seed: SEED, numRuns: runs(1500) },
    );
  });

  it('odd arguments do not throw', () => {
    expect(parseFile('f', undefined as unknown as string).documents).toEqual([]);
    expect(planEdit('a: 1\n', { type: 'set', docIndex: -1, path: ['a'], value: 1 })).toHaveProperty('error');
    expect(planEdit('a: 1\n', { type: 'set', docIndex: 0, path: null as unknown as [], value: 1 })).toHaveProperty('error');
    expect(planEdit('a: 1\n', { type: 'move', docIndex: 0, path: ['a'], from: 0, to: 1 })).toHaveProperty('error');
    expect(new LineIndex(null as unknown as string).positionAt(3)).toEqual({ line: 1, column: 1 });
  });
});
