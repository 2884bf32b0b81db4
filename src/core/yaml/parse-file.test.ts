import { describe, expect, it } from 'vitest';
import { parseFile, nodeAtPath, pairRange } from './index.ts';
import type { Range, YMap, YNode, YScalar, YSeq } from '../types.ts';

const slice = (text: string, r: Range): string => text.slice(r.start, r.end);

function at(text: string, path: (string | number)[], doc = 0): YNode {
  const parsed = parseFile('t.yaml', text);
  const node = nodeAtPath(parsed.documents[doc]!.root, path);
  if (!node) throw new Error(`no node at ${path.join('.')}`);
  return node;
}

function scalarAt(text: string, path: (string | number)[], doc = 0): YScalar {
  const n = at(text, path, doc);
  if (n.kind !== 'scalar') throw new Error('not a scalar');
  return n;
}

describe('ranges of every node kind', () => {
  const text = [
    'plain: hello world',
    'single: \'it\'\'s\'',
    'double: "a\\tb"',
    'literal: |',
    '  line 1',
    '  line 2',
    'folded: >-',
    '  folded',
    '  text',
    'empty:',
    'tagged: !!str 42',
    'anchored: &anc [1, 2]',
    'alias: *anc',
    'map:',
    '  inner: {a: 1, b: [x, y]}',
    'seq:',
    '  - one',
    '  - k: v',
    '    k2: v2',
    '',
  ].join('\n');

  it.each([
    { desc: 'plain', path: ['plain'], range: 'hello world', value: 'hello world', valueRange: 'hello world' },
    { desc: 'single-quoted', path: ['single'], range: "'it''s'", value: "it's", valueRange: "it''s" },
    { desc: 'double-quoted', path: ['double'], range: '"a\\tb"', value: 'a\tb', valueRange: 'a\\tb' },
    { desc: 'literal', path: ['literal'], range: '|\n  line 1\n  line 2', value: 'line 1\nline 2\n', valueRange: 'line 1\n  line 2' },
    { desc: 'folded', path: ['folded'], range: '>-\n  folded\n  text', value: 'folded text', valueRange: 'folded\n  text' },
    { desc: 'empty', path: ['empty'], range: '', value: null, valueRange: '' },
    { desc: 'tagged', path: ['tagged'], range: '!!str 42', value: '42', valueRange: '42' },
  ])('$desc scalar', ({ path, range, value, valueRange }) => {
    const s = scalarAt(text, path);
    expect(slice(text, s.range)).toBe(range);
    expect(slice(text, s.valueRange)).toBe(valueRange);
    expect(s.value).toEqual(value);
  });

  it('empty value sits just after its colon', () => {
    const s = scalarAt(text, ['empty']);
    expect(s.range.start).toBe(text.indexOf('empty:') + 'empty:'.length);
  });

  it('flow collections include their brackets and properties', () => {
    const seq = at(text, ['anchored']) as YSeq;
    expect(slice(text, seq.range)).toBe('&anc [1, 2]');
    expect(seq.anchor).toBe('anc');
    expect(seq.flow).toBe(true);
    const inner = at(text, ['map', 'inner']) as YMap;
    expect(slice(text, inner.range)).toBe('{a: 1, b: [x, y]}');
    expect(slice(text, (at(text, ['map', 'inner', 'b']) as YSeq).range)).toBe('[x, y]');
  });

  it('aliases resolve to their anchor and keep their own range', () => {
    const root = parseFile('t.yaml', text).documents[0]!.root as YMap;
    const alias = root.pairs.find((p) => p.keyText === 'alias')!.value;
    expect(alias.kind).toBe('alias');
    expect(slice(text, alias.range)).toBe('*anc');
    if (alias.kind === 'alias') expect(alias.target).toBe(nodeAtPath(root, ['anchored']));
    expect(nodeAtPath(root, ['alias', 1])).toBe(nodeAtPath(root, ['anchored', 1]));
    expect(parseFile('t.yaml', text).documents[0]!.value).toMatchObject({ alias: [1, 2] });
  });

  it('block collections run from the first to the last child; pairs from key to value end', () => {
    const root = parseFile('t.yaml', text).documents[0]!.root as YMap;
    expect(root.range.start).toBe(0);
    expect(slice(text, root.range).endsWith('k2: v2')).toBe(true);
    const seq = at(text, ['seq']) as YSeq;
    expect(slice(text, seq.range)).toBe('- one\n  - k: v\n    k2: v2');
    expect(slice(text, (at(text, ['seq', 1]) as YMap).range)).toBe('k: v\n    k2: v2');
    const pair = root.pairs.find((p) => p.keyText === 'double')!;
    expect(slice(text, pairRange(pair))).toBe('double: "a\\tb"');
    expect(slice(text, pair.key.range)).toBe('double');
  });
});

describe('line endings, BOM and unicode', () => {
  it('CRLF: ranges exclude the \\r', () => {
    const text = 'a: 1\r\nb:\r\n  c: "x"\r\n  d: |\r\n    l1\r\n    l2\r\n';
    expect(slice(text, scalarAt(text, ['b', 'c']).range)).toBe('"x"');
    const d = scalarAt(text, ['b', 'd']);
    expect(d.value).toBe('l1\nl2\n');
    expect(slice(text, d.range)).toBe('|\r\n    l1\r\n    l2');
    expect(parseFile('t', text).diagnostics).toEqual([]);
  });

  it('BOM: offsets stay offsets into the text given', () => {
    const text = '\uFEFFapiVersion: v1\n---\nkind: x\n';
    const parsed = parseFile('t', text);
    expect(parsed.documents).toHaveLength(2);
    expect(slice(text, scalarAt(text, ['apiVersion']).range)).toBe('v1');
    expect(parsed.diagnostics).toEqual([]);
  });

  it('unicode: UTF-16 offsets around astral characters', () => {
    const text = 'emoji: "😀 ok"\nname: héllo 😀\nnext: x\n';
    expect(slice(text, scalarAt(text, ['emoji']).valueRange)).toBe('😀 ok');
    expect(slice(text, scalarAt(text, ['name']).range)).toBe('héllo 😀');
    expect(slice(text, scalarAt(text, ['next']).range)).toBe('x');
  });
});

describe('documents', () => {
  it('empty file, empty documents and comment-only documents give no diagnostics', () => {
    for (const text of ['', '\n\n', '# only a comment\n', '---\n', '---\n---\n', '# c\n---\n# c\n', 'a: 1\n---\n']) {
      const parsed = parseFile('t', text);
      expect(parsed.diagnostics, JSON.stringify(text)).toEqual([]);
      for (const d of parsed.documents) expect(d.broken).toBe(false);
    }
    expect(parseFile('t', '').documents).toHaveLength(0);
    expect(parseFile('t', '# c\n').documents).toHaveLength(0);
    expect(parseFile('t', 'a: 1\n---\n').documents.map((d) => d.value)).toEqual([{ a: 1 }, null]);
  });

  it('numbers documents as loadAll does', () => {
    expect(parseFile('t', 'a: 1\n...\nb: 2\n').documents.map((d) => d.value)).toEqual([{ a: 1 }, { b: 2 }]);
    expect(parseFile('t', '--- a\n--- |\n  x\n').documents.map((d) => d.value)).toEqual(['a', 'x\n']);
    expect(parseFile('t', '# c\n---\na: 1\n').documents.map((d) => d.index)).toEqual([0]);
  });

  it('a broken document among three does not blank the others', () => {
    const text = 'kind: A\n---\nkind: [B\nname: x\n---\nkind: C\n';
    const parsed = parseFile('t', text);
    expect(parsed.documents.map((d) => d.broken)).toEqual([false, true, false]);
    expect(parsed.documents.map((d) => d.value)).toEqual([{ kind: 'A' }, null, { kind: 'C' }]);
    expect(parsed.diagnostics).toHaveLength(1);
    const d = parsed.diagnostics[0]!;
    expect(d.code).toBe('YAML_SYNTAX');
    expect(d.severity).toBe('error');
    expect(d.range.end).toBeGreaterThan(d.range.start);
    expect(d.range.start).toBeGreaterThanOrEqual(text.indexOf('kind: [B'));
    expect(d.range.end).toBeLessThanOrEqual(text.indexOf('---\nkind: C'));
  });

  it.each([
    { desc: 'tab indentation', text: 'a:\n\tb: 1\n', says: /Tabs are not allowed/ },
    { desc: 'unclosed quote', text: 'a: "foo\nb: 1\n', says: /unclosed quote/ },
    { desc: 'second colon', text: 'a: b: c\n', says: /second `: `/ },
    { desc: 'backtick start', text: 'match: `Host`\n', says: /cannot start with a backtick/ },
    { desc: 'over-indented key', text: 'a:\n  b: 1\n   c: 2\n', says: /indented more/ },
    { desc: 'missing comma', text: '{"a": 1 "b": 2}\n', says: /comma is missing/ },
    { desc: 'helm template', text: 'metadata:\n  name: {{ .Values.name }\n', says: /Helm/ },
  ])('syntax error message: $desc', ({ text, says }) => {
    const parsed = parseFile('t', text);
    const d = parsed.diagnostics.find((x) => x.code === 'YAML_SYNTAX')!;
    expect(d.message).toMatch(says);
    expect(d.range.end).toBeGreaterThan(d.range.start);
  });

  it('a Helm template that happens to parse is explained too', () => {
    const d = parseFile('t', 'metadata:\n  name: {{ .Values.name }}\n').diagnostics[0]!;
    expect(d.code).toBe('YAML_COMPLEX_KEY');
    expect(d.message).toMatch(/Helm/);
  });
});

describe('nested collections', () => {
  it('each collection gets its own children, whatever is open around it or was anchored before', () => {
    const text = [
      'a: &shared',
      '  - [1, {x: [2, 3], yy: {}}, []]',
      '  - {}',
      '  - k: [4]',
      '    l: {m: nn}',
      'b: *shared',
      'c: [*shared, {d: e}]',
      'f: {g: [h, {i: j}], k: []}',
      'g: x',
      'g: {dup: 1}',
      '---',
      '- - - deep',
      '  - [a, b]',
      '- {}',
    ].join('\n');
    const parsed = parseFile('t.yaml', text);
    const values = parsed.documents.map((d) => d.value);
    const shared = [[1, { x: [2, 3], yy: {} }, []], {}, { k: [4], l: { m: 'nn' } }];
    expect(values).toEqual([{ a: shared, b: shared, c: [shared, { d: 'e' }], f: { g: ['h', { i: 'j' }], k: [] }, g: { dup: 1 } }, [[['deep'], ['a', 'b']], {}]]);
    // The tree mirrors the values: every list as long as the collection's own entries.
    const size = (n: YNode | null): unknown =>
      n === null ? null : n.kind === 'map' ? Object.fromEntries(n.pairs.map((p) => [p.keyText, size(p.value)])) : n.kind === 'seq' ? n.items.map(size) : n.kind === 'alias' ? '*' : n.value;
    expect(size(parsed.documents[0]!.root)).toEqual({ a: [[1, { x: [2, 3], yy: {} }, []], {}, { k: [4], l: { m: 'nn' } }], b: '*', c: ['*', { d: 'e' }], f: { g: ['h', { i: 'j' }], k: [] }, g: { dup: 1 } });
    expect((parsed.documents[0]!.root as YMap).pairs.map((p) => p.keyText)).toEqual(['a', 'b', 'c', 'f', 'g', 'g']);
    expect(parsed.diagnostics.map((d) => d.code)).toEqual(['YAML_DUPLICATE_KEY']);
    expect(slice(text, (at(text, ['a', 0, 1]) as YMap).range)).toBe('{x: [2, 3], yy: {}}');
  });
});

describe('duplicate keys', () => {
  it('reports the second key with related info on the first; the last value wins', () => {
    const text = 'metadata:\n  name: a\n  name: b\n';
    const parsed = parseFile('t', text);
    expect(parsed.documents[0]!.value).toEqual({ metadata: { name: 'b' } });
    const d = parsed.diagnostics[0]!;
    expect(d.code).toBe('YAML_DUPLICATE_KEY');
    expect(d.severity).toBe('error');
    expect(d.range.start).toBe(text.lastIndexOf('name'));
    expect(d.related?.[0]?.range.start).toBe(text.indexOf('name'));
  });

  it('keys merged with << may be overridden without a duplicate', () => {
    const parsed = parseFile('t', 'base: &b {a: 1, b: 2}\nx:\n  <<: *b\n  b: 3\n');
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.documents[0]!.value).toEqual({ base: { a: 1, b: 2 }, x: { a: 1, b: 3 } });
    expect(nodeAtPath(parsed.documents[0]!.root, ['x', 'a'])?.range).toEqual(nodeAtPath(parsed.documents[0]!.root, ['base', 'a'])?.range);
  });

  it('a __proto__ key is an own key, not a prototype', () => {
    const v = parseFile('t', '__proto__: {polluted: true}\n').documents[0]!.value as Record<string, unknown>;
    expect(Object.prototype.hasOwnProperty.call(v, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});
