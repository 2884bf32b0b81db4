// Edge cases of planEdit (no Traefik counterpart): a new key or item after a last entry that carries a
// comment must go on its own line below, leaving the comment on the line it annotates; comment lines that
// follow a block stay after the new entry; CRLF files stay CRLF; YAML 1.1 look-alikes are quoted.
import { describe, expect, it } from 'vitest';
import { planEdit, parseFile, type EditIntent } from './index.ts';
import { apply, set } from './test-support.ts';


describe('a new entry after a last entry that carries a comment', () => {
  it.each([
    { desc: 'nested map, followed by a parent key', text: 'a:\n  b: 1 # note\nc: 2\n', intent: set(['a', 'x'], 5), expected: 'a:\n  b: 1 # note\n  x: 5\nc: 2\n', value: { a: { b: 1, x: 5 }, c: 2 } },
    { desc: 'nested map at the end of the file', text: 'a:\n  b: 1 # note\n', intent: set(['a', 'x'], 5), expected: 'a:\n  b: 1 # note\n  x: 5\n', value: { a: { b: 1, x: 5 } } },
    { desc: 'no final newline', text: 'a:\n  b: 1 # note', intent: set(['a', 'x'], 5), expected: 'a:\n  b: 1 # note\n  x: 5', value: { a: { b: 1, x: 5 } } },
    { desc: 'top-level map', text: 'a: 1 # note\n', intent: set(['x'], 5), expected: 'a: 1 # note\nx: 5\n', value: { a: 1, x: 5 } },
    { desc: 'comment without a space after #', text: 'a:\n  b: 1 #note\n', intent: set(['a', 'x'], 5), expected: 'a:\n  b: 1 #note\n  x: 5\n', value: { a: { b: 1, x: 5 } } },
    { desc: 'quoted last value', text: 'a:\n  b: "q" # note\n', intent: set(['a', 'x'], 5), expected: 'a:\n  b: "q" # note\n  x: 5\n', value: { a: { b: 'q', x: 5 } } },
    { desc: 'last value is a sequence whose item has a comment', text: 'a:\n  b:\n    - 1 # one\nc: 2\n', intent: set(['a', 'x'], 5), expected: 'a:\n  b:\n    - 1 # one\n  x: 5\nc: 2\n', value: { a: { b: [1], x: 5 }, c: 2 } },
    { desc: 'a new object value', text: 'a:\n  b: 1 # note\n', intent: set(['a', 'x'], { k: 'v' }), expected: 'a:\n  b: 1 # note\n  x:\n    k: v\n', value: { a: { b: 1, x: { k: 'v' } } } },
    { desc: 'a sequence item after a commented item (insert)', text: 'l:\n  - a # one\n', intent: { type: 'insert' as const, docIndex: 0, path: ['l'], index: 1, value: 'b' }, expected: 'l:\n  - a # one\n  - b\n', value: { l: ['a', 'b'] } },
    { desc: 'a sequence item one past the end (set)', text: 'l:\n  - a # one\nz: 1\n', intent: set(['l', 1], 'b'), expected: 'l:\n  - a # one\n  - b\nz: 1\n', value: { l: ['a', 'b'], z: 1 } },
    { desc: 'a flow map followed by a comment', text: 'm: {a: 1} # c\n', intent: set(['m', 'b'], 2), expected: 'm: {a: 1, b: 2} # c\n', value: { m: { a: 1, b: 2 } } },
  ])('$desc', ({ text, intent, expected, value }) => {
    const out = apply(text, intent);
    expect(out).toBe(expected);
    expect(parseFile('t.yaml', out).documents[0]!.value).toEqual(value);
  });
});

describe('comment lines after the last entry stay after the new one', () => {
  it.each([
    { desc: 'a comment line closing the block', text: 'a:\n  b: 1\n  # trailing comment\nc: 2\n', expected: 'a:\n  b: 1\n  x: 5\n  # trailing comment\nc: 2\n' },
    { desc: 'after a literal block scalar', text: 'a:\n  b: |\n    text\n  # c\nc: 2\n', expected: 'a:\n  b: |\n    text\n  x: 5\n  # c\nc: 2\n' },
  ])('$desc', ({ text, expected }) => {
    const out = apply(text, set(['a', 'x'], 5));
    expect(out).toBe(expected);
    expect(parseFile('t.yaml', out).documents[0]!.value).toMatchObject({ a: { x: 5 }, c: 2 });
  });
});

describe('line endings and YAML 1.1 keys', () => {
  it('a CRLF file gets CRLF on the new line', () => {
    expect(apply('a:\r\n  b: 1 #note\r\nc: 2\r\n', set(['a', 'x'], 5))).toBe('a:\r\n  b: 1 #note\r\n  x: 5\r\nc: 2\r\n');
  });

  it('a key that YAML 1.1 reads as a boolean is quoted (y, on)', () => {
    const out = apply('a:\n  b: 1 # note\n', set(['a', 'y'], 1));
    expect(out).toBe("a:\n  b: 1 # note\n  'y': 1\n");
    expect(parseFile('t.yaml', out).documents[0]!.value).toEqual({ a: { b: 1, y: 1 } });
  });
});

// Each value set into `k: x` must read back, under YAML 1.1 as Kubernetes reads it, as exactly that value;
// quotes only where a plain scalar would read differently (YAML 1.1 booleans, sexagesimal numbers,
// indicators, comments) and double quotes only for what single quotes cannot say.
describe('scalars that YAML 1.1 would misread are quoted, the rest stays plain', () => {
  it.each([
    ['yes', "'yes'"], ['No', "'No'"], ['on', "'on'"], ['OFF', "'OFF'"], ['y', "'y'"], ['n', "'n'"],
    ['true', "'true'"], ['False', "'False'"], ['null', "'null'"], ['~', "'~'"], ['', "''"],
    ['  lead', "'  lead'"], ['trail ', "'trail '"],
    ['0755', "'0755'"], ['0x1F', "'0x1F'"], ['1e3', "'1e3'"], ['1_000', "'1_000'"], ['.inf', "'.inf'"], ['.NaN', "'.NaN'"],
    ['12:30:45', "'12:30:45'"], ['1:20', "'1:20'"], ['2001-12-14', "'2001-12-14'"], ['<<', "'<<'"], ['=', "'='"],
    ['-', "'-'"], ['- x', "'- x'"], ['#x', "'#x'"], ['a #b', "'a #b'"], ['@x', "'@x'"], ['`x', "'`x'"], ['%x', "'%x'"],
    ['!x', "'!x'"], ['&x', "'&x'"], ['*x', "'*x'"], ['{x', "'{x'"], ['[x', "'[x'"], [']x', "']x'"], ['"x', `'"x'`],
    ["'x", "'''x'"], ['|', "'|'"], ['>', "'>'"], ['?', "'?'"], ['? x', "'? x'"], ['a: b', "'a: b'"],
    ['a\tb', "'a\tb'"], ['a\u0007', '"a\\u0007"'], [' a\nb', '" a\\nb"'], ['a\n\n', '"a\\n\\n"'], ['a\r\nb', '"a\\r\\nb"'],
    // Plain-safe: an indicator only counts at the start or before/after a space.
    ['-x', '-x'], ['a# b', 'a# b'], ['a:b', 'a:b'], ["it's", "it's"], ['é', 'é'], ['Host(`a`) && Path(`/`)', 'Host(`a`) && Path(`/`)'],
  ])('%j → k: %s', (value, text) => {
    const out = apply('k: x\n', set(['k'], value));
    expect(out).toBe(`k: ${text}\n`);
    expect((parseFile('t.yaml', out).documents[0]!.value as { k: unknown }).k).toBe(value);
  });

  it.each([
    [NaN, '.nan'], [Infinity, '.inf'], [-Infinity, '-.inf'], [1.5, '1.5'], [0, '0'], [true, 'true'], [null, 'null'],
  ])('%s → k: %s', (value, text) => {
    const out = apply('k: x\n', set(['k'], value));
    expect(out).toBe(`k: ${text}\n`);
    expect((parseFile('t.yaml', out).documents[0]!.value as { k: unknown }).k).toBe(value);
  });

  it('JSON documents get null for numbers JSON cannot write', () => {
    expect(apply('{"k": 1}\n', set(['k'], NaN))).toBe('{"k": null}\n');
  });

  it('a multi-line value without a literal form falls back to double quotes; one with it becomes |-', () => {
    expect(apply('k: x\n', set(['k'], 'a\nb'))).toBe('k: |-\n  a\n  b\n');
    expect(apply('k: x\n', set(['k'], 'a\nb\n'))).toBe('k: |\n  a\n  b\n');
  });

  it.each([
    ['yes', "'yes'"], ['a:b', "'a:b'"], ['a#b', "'a#b'"], ['1', "'1'"], ['', "''"], ['plain', 'plain'], ['a b', 'a b'], ['-x', '-x'], ['é', 'é'],
  ])('a new key %j is written %s', (key, text) => {
    const out = apply('m:\n  a: 1\n', set(['m', key], 2));
    expect(out).toBe(`m:\n  a: 1\n  ${text}: 2\n`);
    expect((parseFile('t.yaml', out).documents[0]!.value as { m: Record<string, unknown> }).m[key]).toBe(2);
  });

  it('flow collections quote what a flow context reads differently (comma, bracket)', () => {
    expect(apply('m: {a: 1}\n', set(['m', 'b'], 'x, y'))).toBe("m: {a: 1, b: 'x, y'}\n");
    expect(apply('m: [a]\n', { type: 'insert', docIndex: 0, path: ['m'], index: 1, value: 'x]' })).toBe("m: [a, 'x]']\n");
  });
});

// What the form shows when an edit cannot be written: each refusal names the path as people write it.
describe('refusals say why, naming the path', () => {
  const text = 'a: &x {b: 1}\nc: *x\nl: [1, 2]\nm:\n  - 1\ns: v\n';
  it.each<[string, EditIntent, string]>([
    ['set through an alias', set(['c', 'b'], 2), '`c` is an alias (*x): edit the node anchored &x instead.'],
    ['set under a scalar', set(['s', 'x'], 2), 'Cannot create `s.x`: `s` is a value, not a mapping or list.'],
    ['set past the end of a list', set(['l', 5], 2), 'Cannot create `l[5]`: `l` is a list of 2 (append at index 2).'],
    ['set an item of a missing list', set(['n', 3], 2), 'Cannot create item 3 of a list that does not exist yet (use index 0).'],
    ['negative document index', { type: 'set', docIndex: -1, path: ['s'], value: 2 }, 'Invalid document index -1.'],
    ['fractional document index', { type: 'set', docIndex: 1.5, path: ['s'], value: 2 }, 'Invalid document index 1.5.'],
    ['missing document', { type: 'set', docIndex: 3, path: ['s'], value: 2 }, 'The file has no document 3 (it has 1).'],
    ['path not an array', { type: 'set', docIndex: 0, path: 'x' as unknown as string[], value: 2 }, 'Invalid path.'],
    ['insert into a scalar', { type: 'insert', docIndex: 0, path: ['s'], index: 0, value: 2 }, '`s` is not a list.'],
    ['insert past the end', { type: 'insert', docIndex: 0, path: ['l'], index: 3, value: 2 }, 'Index 3 is outside `l` (0…2).'],
    ['insert into a missing list at 1', { type: 'insert', docIndex: 0, path: ['zz'], index: 1, value: 2 }, '`zz` has no items: insert at index 0.'],
    ['move outside the list', { type: 'move', docIndex: 0, path: ['l'], from: 0, to: 2 }, 'Move 0 → 2 is outside the list (0…1).'],
    ['move in a scalar', { type: 'move', docIndex: 0, path: ['s'], from: 0, to: 0 }, '`s` is not a list.'],
    ['move in a missing list', { type: 'move', docIndex: 0, path: ['zz'], from: 0, to: 0 }, '`zz` is not a list.'],
    ['delete an anchor still used', { type: 'delete', docIndex: 0, path: ['a'] }, 'This edit removes the anchor &x, which the alias *x uses elsewhere in the document: edit the text instead.'],
    ['delete the whole document', { type: 'delete', docIndex: 0, path: [] }, 'Cannot delete the whole document from the form.'],
    ['append a non-string', { type: 'appendDocument', yaml: 5 as unknown as string }, 'The new document must be YAML text.'],
    ['append broken YAML', { type: 'appendDocument', yaml: 'a: [' }, 'The new document is not valid YAML.'],
  ])('%s', (_, intent, error) => {
    expect(planEdit(text, intent)).toEqual({ error });
  });

  it('a document with a syntax error is not edited', () => {
    expect(planEdit('a: [\n---\nb: 1\n', set(['a'], 2))).toEqual({ error: 'Document 0 has a YAML syntax error: fix it before editing it from the form.' });
    // The other document of the file still is.
    expect(apply('a: [\n---\nb: 1\n', { type: 'set', docIndex: 1, path: ['b'], value: 2 })).toBe('a: [\n---\nb: 2\n');
  });
});

describe('appendDocument: separator and line endings', () => {
  it.each([
    ['CRLF file, LF document', 'a: 1\r\nb: 2\r\n', 'k: v\n', 'a: 1\r\nb: 2\r\n---\r\nk: v\r\n'],
    ['CRLF file, no final newline on the document', 'a: 1\r\n', 'k: v', 'a: 1\r\n---\r\nk: v\r\n'],
    ['LF file, CRLF document', 'a: 1\n', 'k: v\r\nl: w\r\n', 'a: 1\n---\nk: v\nl: w\n'],
    ['file without a final newline', 'a: 1', 'k: v\n', 'a: 1\n---\nk: v\n'],
    ['document that starts with its own ---', 'a: 1\n', '---\nk: v\n', 'a: 1\n---\nk: v\n'],
    ['a file of comments only has no document to separate', '# only a comment\n', 'k: v\n', '# only a comment\nk: v\n'],
    ['empty file, empty document', '', '', ''],
    ['CR line breaks in the document', 'a: 1\n', 'k: v\rl: w\r', 'a: 1\n---\nk: v\nl: w\n'],
    ['a file of two lines without a final newline', 'a: 1\nb: 2', 'k: v\n', 'a: 1\nb: 2\n---\nk: v\n'],
    ['two documents: the first still needs its marker', 'a: 1\n', 'k: v\n---\nl: w\n', 'a: 1\n---\nk: v\n---\nl: w\n'],
    ['a bare marker', 'a: 1\n', '---', 'a: 1\n---\n'],
  ])('%s', (_, text, yaml, expected) => {
    expect(apply(text, { type: 'appendDocument', yaml })).toBe(expected);
  });
});

describe('move, delete and insert keep the lines around them', () => {
  const move = (path: (string | number)[], from: number, to: number): EditIntent => ({ type: 'move', docIndex: 0, path, from, to });
  const del = (path: (string | number)[]): EditIntent => ({ type: 'delete', docIndex: 0, path });
  const insert = (path: (string | number)[], index: number, value: unknown): EditIntent => ({ type: 'insert', docIndex: 0, path, index, value });
  it.each<[string, string, EditIntent, string]>([
    ['a moved item takes its comment line along in a CRLF file', 'l:\r\n  # about a\r\n  - a\r\n  - b\r\n', move(['l'], 1, 0), 'l:\r\n  - b\r\n  # about a\r\n  - a\r\n'],
    ['and in a file with CR line breaks', 'l:\r  # about a\r  - a\r  - b\r', move(['l'], 1, 0), 'l:\r  - b\r  # about a\r  - a\r'],
    ['a comment line above a blank line stays where it is', 'l:\n  # about the list\n\n  - a\n  - b\n', move(['l'], 1, 0), 'l:\n  # about the list\n\n  - b\n  - a\n'],
    ['the same with CR line breaks', 'l:\r  # about the list\r\r  - a\r  - b\r', move(['l'], 1, 0), 'l:\r  # about the list\r\r  - b\r  - a\r'],
    ['delete in a CRLF file', 'a: 1\r\nb: 2\r\nc: 3\r\n', del(['b']), 'a: 1\r\nc: 3\r\n'],
    ['delete in a file with CR line breaks', 'a: 1\rb: 2\rc: 3\r', del(['b']), 'a: 1\rc: 3\r'],
    ['a moved item takes the comment lines above it along', 'l:\n  # about a\n  - a\n  # about b\n  - b\n  - c\n', move(['l'], 2, 0), 'l:\n  - c\n  # about a\n  - a\n  # about b\n  - b\n'],
    ['moving an item onto itself changes nothing', 'l:\n  - a\n  - b\n  - c\n', move(['l'], 1, 1), 'l:\n  - a\n  - b\n  - c\n'],
    ['moving up', 'l:\n  - a\n  - b\n', move(['l'], 1, 0), 'l:\n  - b\n  - a\n'],
    ['indentless sequence', 'l:\n- a\n- b\n', move(['l'], 0, 1), 'l:\n- b\n- a\n'],
    ['items sharing a line with a parent dash', '- - a\n  - b\n', move([0], 0, 1), '- - b\n  - a\n'],
    ['delete the first of a nested compact list', '- - a\n  - b\n', del([0, 0]), '- - b\n'],
    ['delete the last of a nested compact list', '- - a\n  - b\n', del([0, 1]), '- - a\n'],
    ['delete the first key of a list item', 'l:\n  - a: 1\n    b: 2\n  - c\n', del(['l', 0, 'a']), 'l:\n  - b: 2\n  - c\n'],
    ['delete the second key of a list item', 'l:\n  - a: 1\n    b: 2\n  - c\n', del(['l', 0, 'b']), 'l:\n  - a: 1\n  - c\n'],
    ['delete the last item with its comment', 'l:\n  - a\n  - b # last\n', del(['l', 1]), 'l:\n  - a\n'],
    ['delete a block scalar with all its lines', 'm:\n  a: 1\n  b: |\n    x\n    y\n  c: 3\n', del(['m', 'b']), 'm:\n  a: 1\n  c: 3\n'],
    ['items after `-` and a tab', 'l:\n  -\ta\n  -\tb\n', move(['l'], 1, 0), 'l:\n  -\tb\n  -\ta\n'],
    ['items on the line below their dash', 'l:\n  -\n    a\n  -\n    b\n', move(['l'], 1, 0), 'l:\n  -\n    b\n  -\n    a\n'],
    ['delete an item on the line below its dash', 'l:\n  -\n    a\n  -\n    b\n', del(['l', 0]), 'l:\n  -\n    b\n'],
    ['delete a |+ scalar whose kept line holds spaces', 'm:\n  k: |+\n    a\n  \n  z: 1\n', del(['m', 'k']), 'm:\n  z: 1\n'],
    ['delete the first of a flow list', 'l: [a, b, c]\n', del(['l', 0]), 'l: [b, c]\n'],
    ['delete the only item of a flow list', 'l: [a]\n', del(['l', 0]), 'l: []\n'],
    ['delete the middle of a flow map', 'm: {a: 1, b: 2, c: 3}\n', del(['m', 'b']), 'm: {a: 1, c: 3}\n'],
    ['delete the last of a flow map', 'm: {a: 1, b: 2, c: 3}\n', del(['m', 'c']), 'm: {a: 1, b: 2}\n'],
    ['insert a map item in a block list', 'l:\n  - a\n  - b\n', insert(['l'], 1, { k: 1, j: [2] }), 'l:\n  - a\n  - k: 1\n    j:\n      - 2\n  - b\n'],
    ['insert a list item in a block list', 'l:\n  - a\n', insert(['l'], 1, [1, 2]), 'l:\n  - a\n  - - 1\n    - 2\n'],
    ['insert a multi-line string', 'l:\n  - a\n', insert(['l'], 0, 'multi\nline'), 'l:\n  - |-\n    multi\n    line\n  - a\n'],
    ['insert a map in a flow list', 'l: [a, b]\n', insert(['l'], 1, { k: 'v' }), 'l: [a, {k: v}, b]\n'],
    ['insert first in a flow list', 'l: [a]\n', insert(['l'], 0, 'x'), 'l: [x, a]\n'],
    ['insert into an empty flow list writes a block list', 'l: []\n', insert(['l'], 0, 'x'), 'l:\n  - x\n'],
    ['insert in a multi-line flow list, middle', 'l: [\n  a,\n  b\n  ]\n', insert(['l'], 1, 'x'), 'l: [\n  a,\n  x,\n  b\n  ]\n'],
    ['insert in a multi-line flow list, end', 'l: [\n  a,\n  b\n  ]\n', insert(['l'], 2, 'x'), 'l: [\n  a,\n  b,\n  x\n  ]\n'],
    ['a scalar replaces a block list', 'a:\n  - 1\nb: 2\n', set(['a'], 'x'), 'a: x\nb: 2\n'],
    ['a scalar replaces a flow list', 'a: [1]\n', set(['a'], 'x'), 'a: x\n'],
    ['an empty list replaces a scalar', 'a: 1\n', set(['a'], []), 'a: []\n'],
    ['an empty map replaces a scalar', 'a: 1\n', set(['a'], {}), 'a: {}\n'],
  ])('%s', (_, text, intent, expected) => {
    expect(apply(text, intent)).toBe(expected);
  });
});

describe('a multi-line value replacing a commented one, and kept block scalars', () => {
  it.each<[string, string, EditIntent, string, unknown]>([
    ['the comment moves after `key:`', 'k: v # c\nz: 1\n', set(['k'], { a: 1 }), 'k: # c\n  a: 1\nz: 1\n', { k: { a: 1 }, z: 1 }],
    ['the same with CRLF', 'k: v # c\r\nz: 1\r\n', set(['k'], { a: 1 }), 'k: # c\r\n  a: 1\r\nz: 1\r\n', { k: { a: 1 }, z: 1 }],
    ['the comment moves after the | header, keeping its spacing', 'k: v   # c\nz: 1\n', set(['k'], 'x\ny'), 'k: |-   # c\n  x\n  y\nz: 1\n', { k: 'x\ny', z: 1 }],
    ['an item becomes a map on the dash line, the comment stays on it', 'l:\n  - v # c\n', set(['l', 0], { a: 1 }), 'l:\n  - a: 1 # c\n', { l: [{ a: 1 }] }],
    ['delete a |+ scalar with the blank lines it keeps', 'k: |+\n  a\n\n\nz: 1\n', { type: 'delete', docIndex: 0, path: ['k'] }, 'z: 1\n', { z: 1 }],
    ['a key after a |+ scalar goes after its blank lines', 'm:\n  k: |+\n    a\n\n  z: 1\n', set(['m', 'n'], 1), "m:\n  k: |+\n    a\n\n  z: 1\n  'n': 1\n", { m: { k: 'a\n\n', z: 1, n: 1 } }],
    ['an item after a |+ item keeps its blank line inside the scalar', 'l:\n  - |+\n    a\n\n', { type: 'insert', docIndex: 0, path: ['l'], index: 1, value: 'b' }, 'l:\n  - |+\n    a\n\n  - b\n', { l: ['a\n\n', 'b'] }],
    ['a >+ scalar replaced by one line', 'k: >+\n  a\n\nz: 1\n', set(['k'], 'b'), 'k: >-\n  b\n\nz: 1\n', { k: 'b', z: 1 }],
    ['a multi-line flow map gets the new pair on its own line', 'm: {\n  a: 1,\n  b: 2\n  }\n', set(['m', 'c'], 3), 'm: {\n  a: 1,\n  b: 2,\n  c: 3\n  }\n', { m: { a: 1, b: 2, c: 3 } }],
    ['a collection in a multi-line flow map stays on one line', 'm: {\n  a: 1\n  }\n', set(['m', 'c'], { d: [1, 2] }), 'm: {\n  a: 1,\n  c: {d: [1, 2]}\n  }\n', { m: { a: 1, c: { d: [1, 2] } } }],
    ['an anchor stays on a scalar replaced by a map', 'a: &x 1\n', set(['a'], { b: 1 }), 'a: &x\n  b: 1\n', { a: { b: 1 } }],
    ['an anchor stays on a map replaced by a scalar', 'a: &x\n  b: 1\n', set(['a'], 'v'), 'a: &x v\n', { a: 'v' }],
    ['a tag is dropped with the value it typed', 'a: !!map\n  b: 1\n', set(['a'], { c: 2 }), 'a:\n  c: 2\n', { a: { c: 2 } }],
  ])('%s', (_, text, intent, expected, value) => {
    const out = apply(text, intent);
    expect(out).toBe(expected);
    expect(parseFile('t.yaml', out).documents[0]!.value).toEqual(value);
  });
});

describe('anchors and aliases: an edit never leaves an alias without its anchor', () => {
  const ANCHOR = 'This edit removes the anchor &x, which the alias *x uses elsewhere in the document: edit the text instead.';
  it.each<[string, string, EditIntent, string | { error: string }]>([
    ['a map whose anchor is used only inside it can go', 'm:\n  a: &x 1\n  b: *x\nc: 2\n', { type: 'delete', docIndex: 0, path: ['m'] }, 'c: 2\n'],
    ['a map whose anchor is used outside cannot', 'm:\n  a: &x 1\nc: *x\n', { type: 'delete', docIndex: 0, path: ['m'] }, { error: ANCHOR }],
    ['nor be replaced by a scalar', 'm:\n  a: &x 1\nc: *x\n', set(['m'], 5), { error: ANCHOR }],
    ['replaced with its inner alias', 'm:\n  a: &x 1\n  b: *x\n', set(['m'], 5), 'm: 5\n'],
    ['an anchor on a key counts', '&x a: 1\nc: *x\n', { type: 'delete', docIndex: 0, path: ['a'] }, { error: ANCHOR }],
    ['an anchored item used by the next one', 'l:\n  - &x 1\n  - *x\n', { type: 'delete', docIndex: 0, path: ['l', 0] }, { error: ANCHOR }],
    ['the alias item itself can go', 'l:\n  - &x 1\n  - *x\n', { type: 'delete', docIndex: 0, path: ['l', 1] }, 'l:\n  - &x 1\n'],
    ['an alias cannot move before its anchor', 'l:\n  - &x 1\n  - *x\n', { type: 'move', docIndex: 0, path: ['l'], from: 1, to: 0 }, { error: 'This edit would put an alias before its anchor (or remove the anchor); edit the text instead.' }],
    ['setting inside an anchored flow map keeps the anchor', 'a: &x {k: 1}\nb: *x\n', set(['a', 'k'], 2), 'a: &x {k: 2}\nb: *x\n'],
  ])('%s', (_, text, intent, expected) => {
    if (typeof expected === 'string') expect(apply(text, intent)).toBe(expected);
    else expect(planEdit(text, intent)).toEqual(expected);
  });
});

describe('the document’s own style: indentation unit, sequence indentation, JSON', () => {
  it.each<[string, string, EditIntent, string]>([
    ['a 3-space document', 'a:\n   b: 1\n', set(['x'], { y: [1] }), "a:\n   b: 1\nx:\n   'y':\n      - 1\n"],
    ['the unit is counted from the key the map hangs from', '- a:\n    b: 1\n', set([0, 'c'], { d: 1 }), '- a:\n    b: 1\n  c:\n    d: 1\n'],
    ['the first nested map found gives the unit', 'a:\n  b: 1\nc:\n    d: 1\n', set(['e'], { f: 1 }), 'a:\n  b: 1\nc:\n    d: 1\ne:\n  f: 1\n'],
    ['the first block list found gives the list style', 'a:\n  - 1\nb:\n- 2\n', set(['c'], [3]), 'a:\n  - 1\nb:\n- 2\nc:\n  - 3\n'],
    ['a unit found deeper than the list style', 'l:\n- x\nm:\n- p:\n      k: 1\n', set(['z'], { j: 1 }), 'l:\n- x\nm:\n- p:\n      k: 1\nz:\n    j: 1\n'],
    ['an anchored map on the next line gives the unit', 'k: &x\n    a: 1\n', set(['z'], { j: 1 }), 'k: &x\n    a: 1\nz:\n    j: 1\n'],
    ['an indentation of 8 is kept', 'a:\n        b: 1\n', set(['x'], { k: 1 }), 'a:\n        b: 1\nx:\n        k: 1\n'],
    ['an indentation over 8 falls back to 2', 'a:\n          b: 1\n', set(['x'], { y: 1 }), "a:\n          b: 1\nx:\n  'y': 1\n"],
    ['4 spaces and indentless sequences, found in different keys', 'l:\n- x\nm:\n    k: 1\n', set(['n'], { o: [1] }), "l:\n- x\nm:\n    k: 1\n'n':\n    o:\n    - 1\n"],
    ['JSON with 4 spaces keeps a one-line sibling style', '{\n    "a": 1\n}\n', set(['b'], { c: 1 }), '{\n    "a": 1,\n    "b": {"c": 1}\n}\n'],
    ['an indented JSON document: the unit is counted from its `{`', '  {\n      "a": [\n        1\n      ]\n  }\n', set(['b'], { c: 1 }), '  {\n      "a": [\n        1\n      ],\n      "b": {\n          "c": 1\n      }\n  }\n'],
    ['a flow map with a single-quoted key is YAML, not JSON', "{'a': 1}\n", set(['b'], { c: [1] }), "{'a': 1, b: {c: [1]}}\n"],
    ['a flow map with a double-quoted key is JSON', '{"a": 1}\n', set(['b'], { c: [1] }), '{"a": 1, "b": {"c": [1]}}\n'],
    ['a YAML flow map quotes YAML 1.1 booleans', '{a: 1}\n', set(['b'], 'yes'), "{a: 1, b: 'yes'}\n"],
  ])('%s', (_, text, intent, expected) => {
    expect(apply(text, intent)).toBe(expected);
  });
});

describe('deleting a block scalar: kept (+) blank lines go with it, clipped ones stay', () => {
  it.each([
    ['|+', 'm:\n  z: 1\n'], ['|2+', 'm:\n  z: 1\n'], ['|+2', 'm:\n  z: 1\n'], ['>+', 'm:\n  z: 1\n'],
    ['&a |+', 'm:\n  z: 1\n'], ['!!str |+', 'm:\n  z: 1\n'], ['&a !!str |+', 'm:\n  z: 1\n'], ['!!str &a >2+', 'm:\n  z: 1\n'],
    ['!<tag:yaml.org,2002:str> |+', 'm:\n  z: 1\n'], ['|+ # kept', 'm:\n  z: 1\n'], ['&a  |+', 'm:\n  z: 1\n'], ['| # not |+', 'm:\n\n  z: 1\n'],
    ['|', 'm:\n\n  z: 1\n'], ['|-', 'm:\n\n  z: 1\n'], ['|2', 'm:\n\n  z: 1\n'],
  ])('header %s', (header, expected) => {
    expect(apply(`m:\n  k: ${header}\n    a\n\n  z: 1\n`, { type: 'delete', docIndex: 0, path: ['m', 'k'] })).toBe(expected);
  });
});
