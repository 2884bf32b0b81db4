import { describe, expect, it } from 'vitest';
import { loadAll } from 'js-yaml';
import { parseFile, nodeAtPath, MAX_ALIAS_EXPANSION } from './index.ts';
import { K8S_SCHEMA } from './resolve.ts';
import { generateIngressRoutes } from './fixture-generator.ts';
import type { YMap } from '../types.ts';
import { countWork } from '../robustness/work.ts';

describe('aliases', () => {
  it('undefined and recursive aliases are errors, not crashes', () => {
    const parsed = parseFile('t', 'a: *nope\nb: &self [1, *self]\n');
    expect(parsed.diagnostics.map((d) => d.code)).toEqual(['YAML_BAD_ALIAS', 'YAML_BAD_ALIAS']);
    expect(parsed.documents[0]!.value).toEqual({ a: null, b: [1, null] });
  });

  it('a billion-laughs document is capped and reported', () => {
    const lines = ['a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    const names = 'abcdefghij';
    for (let i = 1; i < names.length; i++) {
      const prev = names[i - 1]!;
      lines.push(`${names[i]}: &${names[i]} [${Array(9).fill(`*${prev}`).join(', ')}]`);
    }
    const text = lines.join('\n') + '\n';
    const { result: parsed, total: work } = countWork(() => parseFile('bomb.yaml', text), { strings: true });
    // Work, not time: aliases are shared, never copied, so the work follows the text (~700 units), not the
    // 9^10 nodes the aliases stand for. Half the levels: half the text, so about half the work.
    const half = countWork(() => parseFile('bomb.yaml', lines.slice(0, 5).join('\n') + '\n'), { strings: true }).total;
    expect(work / half).toBeLessThan(4); // measured 1.9
    expect(work).toBeLessThan(text.length * 10);
    const limit = parsed.diagnostics.filter((d) => d.code === 'YAML_ALIAS_LIMIT');
    expect(limit).toHaveLength(1);
    expect(limit[0]!.severity).toBe('error');
    // The value stays small enough to walk (JSON.stringify would never finish on the real expansion).
    expect(JSON.stringify(parsed.documents[0]!.value).length).toBeLessThan(MAX_ALIAS_EXPANSION * 10);
  });

  it('ordinary aliases are shared, like js-yaml', () => {
    const v = parseFile('t', 'first: &m [a, b]\nsecond: *m\n').documents[0]!.value as Record<string, unknown>;
    expect(v['second']).toBe(v['first']);
  });
});

describe('depth and size', () => {
  it('nesting deeper than 100 is an error diagnostic', () => {
    const text = 'ok: 1\n---\n' + '['.repeat(150) + ']'.repeat(150) + '\n---\nalso: ok\n';
    const parsed = parseFile('t', text);
    expect(parsed.documents.map((d) => d.broken)).toEqual([false, true, false]);
    expect(parsed.diagnostics.map((d) => d.code)).toEqual(['YAML_TOO_DEEP']);
  });

  it('deep block nesting within the limit parses', () => {
    let text = '';
    for (let i = 0; i < 90; i++) text += ' '.repeat(i) + `k${i}:\n`;
    text += ' '.repeat(90) + 'leaf: 1\n';
    const parsed = parseFile('t', text);
    expect(parsed.diagnostics).toEqual([]);
    expect(nodeAtPath(parsed.documents[0]!.root, [...Array.from({ length: 90 }, (_, i) => `k${i}`), 'leaf'])?.kind).toBe('scalar');
  });

  it('a 1 MB single-line value', () => {
    const big = 'x'.repeat(1024 * 1024);
    const text = `data: ${big}\nafter: "${big}"\n`;
    const parsed = parseFile('t', text);
    const root = parsed.documents[0]!.root as YMap;
    expect(root.pairs[0]!.value.range).toEqual({ start: 6, end: 6 + big.length });
    expect((parsed.documents[0]!.value as Record<string, string>)['after']!.length).toBe(big.length);
  });

  it('a 5 MB, 10,000-document file parses, and the work doubles with the size (linear)', () => {
    // Work, not time: the seconds (and parseFile against a bare loadAll) are in `npm run bench`. The work is
    // counted at a quarter and a half of the size (~4.4 and ~8.8 million units: characters copied and
    // scanned, lookups; ratio 2.0), where counting is cheap.
    const text = generateIngressRoutes(6700);
    expect(text.length).toBeGreaterThan(5_000_000);
    const parsed = parseFile('big.yaml', text);
    expect(parsed.documents.length).toBeGreaterThanOrEqual(10_000);
    expect(parsed.diagnostics).toEqual([]);
    const work = (n: number) => {
      const t = generateIngressRoutes(n);
      return countWork(() => parseFile('part.yaml', t), { strings: true }).total;
    };
    expect(work(3350) / work(1675)).toBeLessThan(3);
  });

  it('parseFile reads the same values as a bare loadAll on 1,000 IngressRoutes', () => {
    const text = generateIngressRoutes(1000);
    expect(parseFile('f.yaml', text).documents.map((d) => d.value)).toEqual(loadAll(text, { schema: K8S_SCHEMA }));
  });
});
