// Where planEdit writes a replaced value (edit-ops.ts): in place with its old spacing, after the `:` or
// `-`, at the column the old block lines used, or in its flow container (one line, or pretty JSON).
// Each row gives the whole edited text and the value a YAML 1.1 reader gets back (YAML 1.2 spec, §6–8:
// indentation of block collections and block scalars, separation before values and comments).
import { describe, expect, it } from 'vitest';
import { planEdit, parseFile, type EditIntent } from './index.ts';
import { apply, set } from './test-support.ts';

const insert = (path: (string | number)[], index: number, value: unknown): EditIntent => ({ type: 'insert', docIndex: 0, path, index, value });

type Row = [string, string, EditIntent, string, unknown];

function check([, text, intent, expected, value]: Row): void {
  const out = apply(text, intent);
  expect(out).toBe(expected);
  expect(parseFile('t.yaml', out).documents[0]!.value).toEqual(value);
}

describe('a one-line value keeps the spacing before it', () => {
  it.each<Row>([
    ['a JSON document replaced whole starts at offset 0', '{"a": 1}\n', set([], { b: 2 }), '{"b": 2}\n', { b: 2 }],
    ['a value right after `:` in a JSON map gets a space', '{"a":1}\n', set(['a'], 2), '{"a": 2}\n', { a: 2 }],
    ['after a tab', 'a:\t1\n', set(['a'], 2), 'a:\t2\n', { a: 2 }],
    ['several spaces after `:` stay', 'a:   1\n', set(['a'], 2), 'a:   2\n', { a: 2 }],
    ['a value on the line below its key stays there', 'a:\n  1\n', set(['a'], 2), 'a:\n  2\n', { a: 2 }],
    ['several spaces after a dash stay', '-   1\n', set([0], 2), '-   2\n', [2]],
    ['an item at the start of its line in a multi-line flow list', '[\n1,\n2\n]\n', set([0], 5), '[\n5,\n2\n]\n', [5, 2]],
    ['the same with CRLF', '[\r\n1,\r\n2\r\n]\r\n', set([1], 5), '[\r\n1,\r\n5\r\n]\r\n', [1, 5]],
    ['right after `[`', '[1,2]\n', set([0], 5), '[5,2]\n', [5, 2]],
    ['right after `,`', '[1,2]\n', set([1], 5), '[1,5]\n', [1, 5]],
    ['an anchor stays, the tag goes', 'a: &x !!str 1\n', set(['a'], 2), 'a: &x 2\n', { a: 2 }],
    ['an alias replaced by a value keeps the spacing before it', 'a: &x 1\nb:   *x\n', set(['b'], 5), 'a: &x 1\nb:   5\n', { a: 1, b: 5 }],
    ['a flow item keeps its double quotes', 'l: ["a", b]\n', set(['l', 0], 'x'), 'l: ["x", b]\n', { l: ['x', 'b'] }],
  ])('%s', (...row) => check(row));
});

describe('the root of a document', () => {
  it.each<Row>([
    ['a map replaced by a map', 'a: 1\n', set([], { b: 2 }), 'b: 2\n', { b: 2 }],
    ['a list replaced by a list', '- a\n- b\n', set([], ['c']), '- c\n', ['c']],
    ['a map replaced by a scalar', 'a: 1\n', set([], 'x'), 'x\n', 'x'],
    ['a block scalar replaced by a block scalar', '|\n  x\n', set([], 'y\nz'), '|-\n  y\n  z\n', 'y\nz'],
  ])('%s', (...row) => check(row));
});

describe('block scalars', () => {
  it.each<Row>([
    ['replaced by a number: rewritten after the `:`', 'k:   |\n  a\nz: 1\n', set(['k'], 5), 'k: 5\nz: 1\n', { k: 5, z: 1 }],
    ['with its header on the next line, replaced by a number', 'k:\n  |\n    a\nz: 1\n', set(['k'], 5), 'k: 5\nz: 1\n', { k: 5, z: 1 }],
    ['a literal body at column 4 stays at column 4', 'k: |\n    a\n', set(['k'], 'x\ny'), 'k: |-\n    x\n    y\n', { k: 'x\ny' }],
    ['a folded body at column 4 stays folded at column 4', 'k: >\n    a\n', set(['k'], 'x'), 'k: >-\n    x\n', { k: 'x' }],
    ['an item’s body at column 6 stays at column 6', 'l:\n  - |\n      a\n', set(['l', 0], 'x\ny'), 'l:\n  - |-\n      x\n      y\n', { l: ['x\ny'] }],
    ['an empty one gets its body one unit past the key', 'k: |\nz: 1\n', set(['k'], 'x\ny'), 'k: |-\n  x\n  y\nz: 1\n', { k: 'x\ny', z: 1 }],
    ['empty lines of the new body stay empty', 'k: |\n  a\n', set(['k'], 'x\n\ny'), 'k: |-\n  x\n\n  y\n', { k: 'x\n\ny' }],
    ['a tagged one loses its tag', 'k: !!str |\n  a\n', set(['k'], 'x\ny'), 'k: |-\n  x\n  y\n', { k: 'x\ny' }],
    ['a block map replaced by one', 'a:\n  b: 1\n', set(['a'], 'x\ny'), 'a: |-\n  x\n  y\n', { a: 'x\ny' }],
  ])('%s', (...row) => check(row));
});

describe('block collections replaced in place, at the column the old lines used', () => {
  it.each<Row>([
    ['a map at column 4 in a 2-space document', 'p:\n  q: 1\na:\n    b: 1\n', set(['a'], { c: 1, d: 2 }), 'p:\n  q: 1\na:\n    c: 1\n    d: 2\n', { p: { q: 1 }, a: { c: 1, d: 2 } }],
    ['a list at column 4 in a 2-space document', 'p:\n  q: 1\na:\n    - 1\n', set(['a'], [2, 3]), 'p:\n  q: 1\na:\n    - 2\n    - 3\n', { p: { q: 1 }, a: [2, 3] }],
    ['a comment after the key stays', 'a:   # c\n  b: 1\n', set(['a'], { c: 2 }), 'a:   # c\n  c: 2\n', { a: { c: 2 } }],
    ['a comment line between key and value stays', 'a:\n  # c\n  b: 1\n', set(['a'], { c: 2 }), 'a:\n  # c\n  c: 2\n', { a: { c: 2 } }],
    ['an indentless list replaced by a list stays indentless', 'a:\n- 1\nb: 2\n', set(['a'], [2, 3]), 'a:\n- 2\n- 3\nb: 2\n', { a: [2, 3], b: 2 }],
    ['an indentless list replaced by a map: the map is indented', 'a:\n- 1\nb: 2\n', set(['a'], { c: 1 }), 'a:\n  c: 1\nb: 2\n', { a: { c: 1 }, b: 2 }],
    ['an empty line inside the new lines stays empty', 'a:\n  b: 1\n', set(['a'], { k: 'x\n\ny' }), 'a:\n  k: |-\n    x\n\n    y\n', { a: { k: 'x\n\ny' } }],
    ['an item becomes a map of two keys, aligned after the dash', 'l:\n  - a\n', set(['l', 0], { k: 1, j: 2 }), 'l:\n  - k: 1\n    j: 2\n', { l: [{ k: 1, j: 2 }] }],
  ])('%s', (...row) => check(row));
});

describe('flow and JSON values', () => {
  it.each<Row>([
    ['a flow item replaced by a map', 'l: [a, b]\n', set(['l', 0], { k: 'v' }), 'l: [{k: v}, b]\n', { l: [{ k: 'v' }, 'b'] }],
    ['a scalar in a multi-line JSON map becomes a pretty object', '{\n  "a": 1,\n  "c": 2\n}\n', set(['a'], { d: 1 }), '{\n  "a": {\n    "d": 1\n  },\n  "c": 2\n}\n', { a: { d: 1 }, c: 2 }],
    ['a one-line object in a multi-line JSON map stays on one line', '{\n  "a": {"b": 1},\n  "c": 2\n}\n', set(['a'], { d: 1 }), '{\n  "a": {"d": 1},\n  "c": 2\n}\n', { a: { d: 1 }, c: 2 }],
    ['a scalar in a multi-line JSON list; a `#` inside a string is no comment', '{"l": [\n  1, "x # y"\n]}\n', set(['l', 0], { c: 1 }), '{"l": [\n  {\n    "c": 1\n  }, "x # y"\n]}\n', { l: [{ c: 1 }, 'x # y'] }],
    ['a scalar in a one-line JSON list', '{"a": [1, 2]}\n', set(['a', 0], { d: 1 }), '{"a": [{"d": 1}, 2]}\n', { a: [{ d: 1 }, 2] }],
  ])('%s', (...row) => check(row));
});

describe('new entries in empty flow collections, and keys a flow context reads differently', () => {
  it.each<Row>([
    ['an empty root `{}` is written as JSON', '{}\n', set(['a'], 1), '{"a": 1}\n', { a: 1 }],
    ['the space inside `{ }` goes', '{ }\n', set(['a'], 1), '{"a": 1}\n', { a: 1 }],
    ['an empty flow map inside a flow list', 'l: [{}]\n', set(['l', 0, 'a'], 1), 'l: [{a: 1}]\n', { l: [{ a: 1 }] }],
    ['an empty flow list inside a flow list', 'l: [[]]\n', insert(['l', 0], 0, 'x'), 'l: [[x]]\n', { l: [['x']] }],
    ['an empty JSON list', '{"l": []}\n', insert(['l'], 0, 'x'), '{"l": ["x"]}\n', { l: ['x'] }],
    ['an empty JSON list spanning lines gets pretty lines', '{\n  "l": [\n  ]\n}\n', insert(['l'], 0, { a: 1 }), '{\n  "l": [\n    {\n      "a": 1\n    }\n  ]\n}\n', { l: [{ a: 1 }] }],
    ['an empty JSON document spanning lines', '{\n}\n', set(['a'], { b: 1 }), '{\n  "a": {\n    "b": 1\n  }\n}\n', { a: { b: 1 } }],
    ['an empty root `[]` of a YAML document becomes a block list', '[]\n', insert([], 0, 'x'), '- x\n', ['x']],
    ['the space inside `[ ]` goes', 'l: [[ ]]\n', insert(['l', 0], 0, 'x'), 'l: [[x]]\n', { l: [['x']] }],
    ['a pretty JSON list gets a pretty object', '{\n  "l": [\n    {\n      "a": 1\n    }\n  ]\n}\n', insert(['l'], 1, { b: 1 }), '{\n  "l": [\n    {\n      "a": 1\n    },\n    {\n      "b": 1\n    }\n  ]\n}\n', { l: [{ a: 1 }, { b: 1 }] }],
    ['a key with a comma is quoted in a flow map', 'm: {a: 1}\n', set(['m', 'x,y'], 1), "m: {a: 1, 'x,y': 1}\n", { m: { a: 1, 'x,y': 1 } }],
    ['and plain in a block map', 'm:\n  a: 1\n', set(['m', 'x,y'], 1), 'm:\n  a: 1\n  x,y: 1\n', { m: { a: 1, 'x,y': 1 } }],
  ])('%s', (...row) => check(row));
});

// YAML 1.2 §7.4.1 (example 7.16, 7.17): a flow map entry may omit `:` and its value (`{a}` is
// {a: null}), and §8.2.2 (example 8.18) a block `? key` may have no `: value` line. Writing the value
// right after such a key would make it part of the key (`{a 5}` is the key `a 5`).
describe('a key written without `:`', () => {
  it.each<Row>([
    ['a flow entry gets its `:`', '{a}\n', set(['a'], 5), '{a: 5}\n', { a: 5 }],
    ['before a comma, with a collection value', 'm: {a, b: 1}\n', set(['m', 'a'], { c: [1] }), 'm: {a: {c: [1]}, b: 1}\n', { m: { a: { c: [1] }, b: 1 } }],
    ['an explicit flow key', '{? a}\n', set(['a'], 5), '{? a: 5}\n', { a: 5 }],
    ['a JSON-like key', '{"a"}\n', set(['a'], 5), '{"a": 5}\n', { a: 5 }],
    ['an explicit block key with its `:` line keeps it', '? a\n: 1\nb: 1\n', set(['a'], 5), '? a\n: 5\nb: 1\n', { a: 5, b: 1 }],
  ])('%s', (...row) => check(row));

  it('an explicit block key without a value is refused', () => {
    expect(planEdit('? a\nb: 1\n', set(['a'], 5))).toEqual({ error: 'This key is written `? key` without a value: add its value in the text.' });
  });
});
