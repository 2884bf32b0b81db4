// Values that YAML and JSON cannot write as they are (edit-render.ts normalize): planEdit writes what
// JSON.stringify would send for them (ECMA-262 §25.5.2: a Date as its toISOString(), an invalid Date,
// undefined, a function or a symbol as null, and an object property that is undefined left out), a
// bigint as its number.
import { describe, expect, it } from 'vitest';
import { planEdit } from './index.ts';

function setAt(text: string, path: (string | number)[], value: unknown): string {
  const r = planEdit(text, { type: 'set', docIndex: 0, path, value });
  if ('error' in r) throw new Error(r.error);
  const e = r.edits[0]!;
  return text.slice(0, e.range.start) + e.text + text.slice(e.range.end);
}

describe('values without a YAML form of their own', () => {
  it.each<[string, unknown, string, string]>([
    ['undefined', undefined, 'k: null\n', '{"k": null}\n'],
    ['a Date (quoted: YAML 1.1 would read a timestamp)', new Date(0), "k: '1970-01-01T00:00:00.000Z'\n", '{"k": "1970-01-01T00:00:00.000Z"}\n'],
    ['an invalid Date', new Date(NaN), 'k: null\n', '{"k": null}\n'],
    ['a bigint', 12n, 'k: 12\n', '{"k": 12}\n'],
    ['a function', () => 1, 'k: null\n', '{"k": null}\n'],
    ['a symbol', Symbol('s'), 'k: null\n', '{"k": null}\n'],
    ['an object with an undefined property', { a: undefined, b: 1 }, 'k:\n  b: 1\n', '{"k": {"b": 1}}\n'],
    ['a list of them', [undefined, 1n, new Date(0)], "k:\n  - null\n  - 1\n  - '1970-01-01T00:00:00.000Z'\n", '{"k": [null, 1, "1970-01-01T00:00:00.000Z"]}\n'],
  ])('%s', (_, value, yaml, json) => {
    expect(setAt('k: x\n', ['k'], value)).toBe(yaml);
    expect(setAt('{"k": 1}\n', ['k'], value)).toBe(json);
  });
});

// How a string replaces a block scalar or a quoted one (edit-render-place.ts renderBlock, flowText): a
// one-line string keeps a block scalar's style unless a block scalar cannot say it exactly (empty,
// leading space, tab, control characters: YAML 1.2 §8.1.1); a multi-line one becomes a literal `|`, and
// in flow context a double-quoted string with escapes (a flow context has no block scalars, §7).
describe('strings replacing block and quoted scalars', () => {
  it.each<[string, string, (string | number)[], string, string]>([
    ['an empty string', 'k: |\n  a\nz: 1\n', ['k'], '', "k: ''\nz: 1\n"],
    ['a leading space', 'k: |\n  a\nz: 1\n', ['k'], ' lead', "k: ' lead'\nz: 1\n"],
    ['a tab', 'k: |\n  a\nz: 1\n', ['k'], 'a\tb', "k: 'a\tb'\nz: 1\n"],
    ['a control character', 'k: |\n  a\nz: 1\n', ['k'], 'a\u0007', 'k: "a\\u0007"\nz: 1\n'],
    ['a YAML 1.1 boolean stays in the block scalar (never resolved there)', 'k: |\n  a\nz: 1\n', ['k'], 'yes', 'k: |-\n  yes\nz: 1\n'],
    ['several lines into a folded scalar: literal', 'k: >\n  a\nz: 1\n', ['k'], 'x\ny', 'k: |-\n  x\n  y\nz: 1\n'],
    ['several lines into a double-quoted scalar: literal', 'k: "a"\nz: 1\n', ['k'], 'x\ny', 'k: |-\n  x\n  y\nz: 1\n'],
    ['one line into a single-quoted scalar stays single-quoted', "k: 'a'\nz: 1\n", ['k'], 'x', "k: 'x'\nz: 1\n"],
    ['several lines in a flow list: escaped', 'l: [a]\n', ['l', 0], 'x\ny', 'l: ["x\\ny"]\n'],
    ['kept trailing lines: escaped', 'k: |\n  a\n', ['k'], 'a\n\n', 'k: "a\\n\\n"\n'],
    ['a leading space on the first line: escaped', 'k: |\n  a\n', ['k'], ' a\nb', 'k: " a\\nb"\n'],
    ['an item at column 2 of a 4-space document', 'a:\n    b: 1\nl:\n  - x\n', ['l', 0], 'p\nq', 'a:\n    b: 1\nl:\n  - |-\n      p\n      q\n'],
  ])('%s', (_, text, path, value, expected) => {
    expect(setAt(text, path, value)).toBe(expected);
  });

  it.each<[string, unknown, string]>([
    ['a map', { a: 1, b: [1, 2] }, '- a: 1\n  b:\n    - 1\n    - 2\n'],
    ['a list of a list', [[1, 2], 3], '- - - 1\n    - 2\n  - 3\n'],
    ['a multi-line string', 'a\nb', '- |-\n  a\n  b\n'],
  ])('%s replaces an item on its dash line', (_, value, expected) => {
    expect(setAt('- x\n', [0], value)).toBe(expected);
  });
});

// Plain or quoted (YAML 1.2 §7.3.3: a plain scalar in block context may hold `,` `[` `]`; in flow
// context it may not), never wrapped, and without anchors for a value used twice.
describe('rendering: plain where it reads back, one line, no anchors', () => {
  const long = 'word '.repeat(30).trim();
  const shared = { a: 1 };
  it.each<[string, string, (string | number)[], unknown, string]>([
    ['a space inside a one-line string keeps a block scalar', 'k: |\n  a\n', ['k'], 'a b', 'k: |-\n  a b\n'],
    ['a comma is plain in block context', 'k: x\n', ['k'], 'a,b', 'k: a,b\n'],
    ['a closing bracket is plain in block context', 'k: x\n', ['k'], 'x]', 'k: x]\n'],
    ['-0 is written 0', 'k: x\n', ['k'], -0, 'k: 0\n'],
    ['a long string stays on one line', 'k: x\n', ['k'], long, `k: ${long}\n`],
    ['and in a flow list', 'l: [a]\n', ['l', 0], long, `l: [${long}]\n`],
    ['a space is plain in a flow list', 'l: [a]\n', ['l', 0], 'aaa bbb', 'l: [aaa bbb]\n'],
    ['a long string in a flow map stays on one line', 'l: [a]\n', ['l', 0], { s: long }, `l: [{s: ${long}}]\n`],
    ['a long string in a block map stays on one line', 'k: x\n', ['k'], { a: long }, `k:\n  a: ${long}\n`],
    ['an object used twice in a flow list is written twice', 'l: [a]\n', ['l', 0], [shared, shared], 'l: [[{a: 1}, {a: 1}]]\n'],
    ['an object used twice in a block list is written twice', 'k: x\n', ['k'], [shared, shared], 'k:\n  - a: 1\n  - a: 1\n'],
    ['a kept (|+) scalar at the end of a block map', 'k: x\n', ['k'], { a: 'x\n\n' }, 'k:\n  a: |+\n    x\n\n'],
    ['a first line that is empty, then an indented one: escaped', 'k: x\n', ['k'], '\n  a', 'k: "\\n  a"\n'],
    ['only a line break: escaped', 'k: x\n', ['k'], '\n', 'k: "\\n"\n'],
    ['a space inside the first line keeps the literal', 'k: x\n', ['k'], 'a b\nc', 'k: |-\n  a b\n  c\n'],
    ['a control character on a line of several: escaped', 'k: x\n', ['k'], 'a\u0007\nb', 'k: "a\\u0007\\nb"\n'],
    ['a JSON object of two keys', '{"k": 1}\n', ['k'], { a: 1, b: 2 }, '{"k": {"a": 1, "b": 2}}\n'],
    ['Infinity in a JSON list is null', '{"k": 1}\n', ['k'], [1, Infinity], '{"k": [1, null]}\n'],
    ['an empty line in a map on a dash line stays empty', 'l:\n  - a\n', ['l', 0], { k: 'x\n\ny' }, 'l:\n  - k: |-\n      x\n\n      y\n'],
    ['an empty line in a new map stays empty', 'm:\n  a: 1\n', ['m', 'k'], { j: 'x\n\ny' }, 'm:\n  a: 1\n  k:\n    j: |-\n      x\n\n      y\n'],
    ['an empty line in a new block scalar stays empty', 'm:\n  a: 1\n', ['m', 'k'], 'x\n\ny', 'm:\n  a: 1\n  k: |-\n    x\n\n    y\n'],
    ['an empty line in a new item stays empty', 'l:\n  - a\n', ['l', 1], 'x\n\ny', 'l:\n  - a\n  - |-\n    x\n\n    y\n'],
  ])('%s', (_, text, path, value, expected) => {
    expect(setAt(text, path, value)).toBe(expected);
  });
});
