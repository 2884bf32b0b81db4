import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseFile, nodeAtPath, decodedToSourceOffset, scalarOffsets } from './index.ts';
import type { YScalar } from '../types.ts';

/**
 * fast-check seed: fixed so a failure reproduces (fast-check prints it); FC_SEED=n explores another.
 * FC_RUNS=n caps the runs of each property (mutation testing sets it: every mutant re-runs them).
 */
const runs = (n: number): number => Math.min(n, Number(process.env.FC_RUNS ?? n));
const SEED = Number(process.env.FC_SEED ?? 2103);

function scalarIn(text: string, path: (string | number)[] = ['k']): YScalar {
  const doc = parseFile('t.yaml', text).documents[0]!;
  const n = nodeAtPath(doc.root, path);
  if (n?.kind !== 'scalar') throw new Error(`no scalar in ${JSON.stringify(text)}`);
  return n;
}

/** The source text that decoded characters [from, to) come from. */
function sourceOf(text: string, s: YScalar, from: number, to: number): string {
  return text.slice(decodedToSourceOffset(s, text, from), decodedToSourceOffset(s, text, to));
}

describe('decodedToSourceOffset', () => {
  it.each([
    { desc: 'plain', text: 'k: Host(`a`) && Path(`/x`)\n', find: 'Path', source: 'Path' },
    { desc: 'plain, multi-line', text: 'k: Host(`a`) &&\n  Path(`/x`)\n', find: 'Path', source: 'Path' },
    { desc: 'single-quoted with an escaped quote', text: "k: 'it''s Host(`a`)'\n", find: 'Host', source: 'Host' },
    { desc: "single-quoted: the '' escape", text: "k: 'it''s'\n", find: "'", source: "''" },
    { desc: 'double-quoted with escapes', text: 'k: "a\\tb \\u0048ost(`x`)"\n', find: 'Host', source: '\\u0048ost' },
    { desc: 'double-quoted, escaped line break', text: 'k: "Host(`a`) \\\n    && Path(`/`)"\n', find: '&&', source: '&&' },
    { desc: 'double-quoted, folded', text: 'k: "one\n   two"\n', find: 'two', source: 'two' },
    { desc: 'double-quoted, astral escape', text: 'k: "\\U0001F600x"\n', find: 'x', source: 'x' },
    { desc: 'literal', text: 'k: |\n  Host(`a`)\n  && Path(`/`)\n', find: 'Path', source: 'Path' },
    { desc: 'literal, nested and CRLF', text: 'a:\r\n  k: |-\r\n    one\r\n    Path(`/`)\r\n', find: 'Path', source: 'Path', path: ['a', 'k'] },
    { desc: 'folded', text: 'k: >-\n  Host(`a`)\n  && Path(`/`)\n', find: 'Path', source: 'Path' },
    { desc: 'folded with more-indented lines', text: 'k: >\n  a\n    b\n  c\n', find: 'c', source: 'c' },
    { desc: 'literal with leading blank lines', text: 'k: |\n\n  x y\n', find: 'y', source: 'y' },
  ])('$desc', ({ text, find, source, path }) => {
    const s = scalarIn(text, path);
    const i = s.text.indexOf(find);
    expect(i).toBeGreaterThanOrEqual(0);
    expect(sourceOf(text, s, i, i + find.length)).toBe(source);
    expect(scalarOffsets(s, text).decoded).toBe(s.text);
  });

  it('maps the end of the text to the end of the content and clamps out-of-range indices', () => {
    const text = 'k: "abc"  # c\n';
    const s = scalarIn(text);
    expect(decodedToSourceOffset(s, text, 3)).toBe(text.indexOf('"  #'));
    expect(decodedToSourceOffset(s, text, 99)).toBe(text.indexOf('"  #'));
    expect(decodedToSourceOffset(s, text, -5)).toBe(text.indexOf('abc'));
    const lit = scalarIn('k: |\n  ab\n');
    expect(decodedToSourceOffset(lit, 'k: |\n  ab\n', 3)).toBe(9);
  });
});

const WORD = fc.oneof(fc.stringMatching(/^[a-zA-Z0-9()`.&|/-]{1,6}$/), fc.constantFrom('é', '😀', 'héllo'));

function check(text: string, path: (string | number)[] = ['k']): void {
  const parsed = parseFile('t.yaml', text);
  if (parsed.documents[0]?.broken) return; // generated source js-yaml rejects: nothing to map
  const n = nodeAtPath(parsed.documents[0]!.root, path);
  if (n?.kind !== 'scalar') return;
  const { decoded, offsets } = scalarOffsets(n, text);
  expect(decoded, JSON.stringify(text)).toBe(n.text);
  let prev = -1;
  for (let i = 0; i <= decoded.length; i++) {
    const o = decodedToSourceOffset(n, text, i);
    expect(o).toBe(offsets[i]);
    expect(o).toBeGreaterThanOrEqual(prev);
    expect(o).toBeGreaterThanOrEqual(n.valueRange.start - (n.style === 'literal' || n.style === 'folded' ? 1000 : 0));
    // Block scalars may end with white-space-only content lines past the last visible character.
    if (o > n.valueRange.end) expect(/^\s$/.test(decoded[i] ?? ' ') && (n.style === 'literal' || n.style === 'folded')).toBe(true);
    prev = o;
    if (i < decoded.length) {
      const c = decoded[i]!;
      const src = text[o];
      const ok = src === c || src === '\\' || (src === "'" && c === "'") || c === ' ' || c === '\n' || /[\uD800-\uDFFF]/.test(c);
      expect(ok, `${JSON.stringify(text)} [${i}] ${JSON.stringify(c)} ← ${JSON.stringify(src)}`).toBe(true);
    }
  }
}

describe('decoders agree with js-yaml on generated scalars', () => {
  it('double-quoted', () => {
    const token = fc.oneof(WORD, fc.constantFrom(' ', '\\n', '\\t', '\\"', '\\\\', '\\x41', '\\u00e9', '\\U0001F600', '\\\n   ', '\n   ', '\n\n  ', '\\ ', '  '));
    fc.assert(fc.property(fc.array(token, { maxLength: 12 }), (tokens) => check(`k: "${tokens.join('')}"\n`)), { seed: SEED, numRuns: runs(400) });
  });

  it('single-quoted', () => {
    const token = fc.oneof(WORD, fc.constantFrom(' ', "''", '\n  ', '\n\n  ', '"', '\\', '#', ': '));
    fc.assert(fc.property(fc.array(token, { maxLength: 12 }), (tokens) => check(`k: '${tokens.join('')}'\n`)), { seed: SEED, numRuns: runs(400) });
  });

  it('plain, multi-line', () => {
    const sep = fc.constantFrom(' ', '\n  ', '\n\n  ', '  \n   ');
    const gen = fc.tuple(WORD, fc.array(fc.tuple(sep, WORD), { maxLength: 8 }));
    fc.assert(fc.property(gen, ([first, rest]) => check(`k: a${first}${rest.map(([s, w]) => s + w).join('')}\nnext: 1\n`)), { seed: SEED, numRuns: runs(400) });
  });

  it('literal and folded blocks', () => {
    const line = fc.oneof(
      fc.array(fc.oneof(WORD, fc.constant(' ')), { minLength: 1, maxLength: 5 }).map((ws) => '    ' + ws.join('')),
      fc.array(WORD, { minLength: 1, maxLength: 3 }).map((ws) => '      ' + ws.join(' ')),
      fc.constantFrom('', '  ', '    '),
    );
    const header = fc.constantFrom('|', '|-', '|+', '>', '>-', '>+');
    fc.assert(
      fc.property(header, fc.array(line, { minLength: 1, maxLength: 8 }), (h, lines) => {
        if (!lines.some((l) => l.trim() !== '')) return;
        check(`a:\n  k: ${h}\n${lines.join('\n')}\n  next: 1\n`, ['a', 'k']);
      }),
      { seed: SEED, numRuns: runs(400) },
    );
  });
});
