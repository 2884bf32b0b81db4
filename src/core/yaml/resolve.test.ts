import { describe, expect, it } from 'vitest';
import { parseFile } from './index.ts';
import { resolvePlain } from './resolve.ts';

describe('plain scalars resolve as go-yaml v2 (Kubernetes) does', () => {
  it.each([
    // booleans: YAML 1.1
    ['yes', true], ['Yes', true], ['YES', true], ['on', true], ['On', true], ['y', true], ['Y', true], ['true', true], ['True', true],
    ['no', false], ['NO', false], ['off', false], ['n', false], ['N', false], ['false', false], ['FALSE', false],
    ['yEs', 'yEs'], ['tRue', 'tRue'],
    // null
    ['', null], ['~', null], ['null', null], ['Null', null], ['NULL', null], ['nULL', 'nULL'],
    // ints
    ['0', 0], ['42', 42], ['-7', -7], ['+7', 7], ['1_000', 1000], ['0x1F', 31], ['-0x1F', -31], ['0b101', 5], ['0o17', 15],
    ['0755', 493], ['-0755', -493], ['00', 0],
    // floats
    ['1.5', 1.5], ['1.', 1], ['.5', 0.5], ['-.5', -0.5], ['1e3', 1000], ['1.5E-2', 0.015], ['08', 8], ['09.5', 9.5],
    ['.inf', Infinity], ['-.Inf', -Infinity], ['+.INF', Infinity],
    // strings
    ['1:30', '1:30'], ['190:20:30', '190:20:30'], ['2024-01-01', '2024-01-01'], ['2001-12-14t21:59:43.10-05:00', '2001-12-14t21:59:43.10-05:00'],
    ['0x', '0x'], ['1.2.3', '1.2.3'], ['-', '-'], ['_1', '_1'], ['web', 'web'], ['Host(`a`)', 'Host(`a`)'], ['<<', '<<'], ['.', '.'],
  ] as const)('%j → %j', (text, expected) => {
    expect(resolvePlain(text)).toEqual(expected);
  });

  it('.nan is NaN', () => {
    expect(resolvePlain('.nan')).toBeNaN();
    expect(resolvePlain('.NaN')).toBeNaN();
  });

  it('quoted and block scalars stay strings; explicit tags are honoured', () => {
    const v = parseFile('t', 'a: "yes"\nb: \'0755\'\nc: |\n  on\nd: !!str 0755\ne: !!int "42"\nf: !!float 1\ng: !!binary aGk=\n').documents[0]!.value;
    expect(v).toEqual({ a: 'yes', b: '0755', c: 'on\n', d: '0755', e: 42, f: 1, g: new Uint8Array([104, 105]) });
  });

  it('keys are strings, as in Kubernetes JSON', () => {
    expect(parseFile('t', 'on: 1\n80: http\nnull: x\n').documents[0]!.value).toEqual({ true: 1, 80: 'http', null: 'x' });
  });
});

describe('YAML 1.1 ambiguity warnings', () => {
  it.each([
    { text: 'secure: yes', value: true, message: /boolean true/ },
    { text: 'enabled: off', value: false, message: /boolean false/ },
    { text: 'mode: 0755', value: 493, message: /octal number 493/ },
    { text: 'zip: 08', value: 8, message: /number 8/ },
    { text: '- n', value: false, message: /boolean false/ },
  ])('$text', ({ text, value, message }) => {
    const parsed = parseFile('t', text + '\n');
    const d = parsed.diagnostics[0]!;
    expect(d.code).toBe('YAML_AMBIGUOUS_SCALAR');
    expect(d.severity).toBe('warning');
    expect(d.message).toMatch(message);
    const raw = text.slice(text.lastIndexOf(' ') + 1);
    expect(text.slice(d.range.start, d.range.end)).toBe(raw);
    const edit = d.fixes![0]!.edits[0]!;
    expect(edit.text).toBe(`"${raw}"`);
    const fixed = text.slice(0, edit.range.start) + edit.text + text.slice(edit.range.end);
    const after = parseFile('t', fixed + '\n');
    expect(after.diagnostics).toEqual([]);
    expect(JSON.stringify(after.documents[0]!.value)).toContain(`"${raw}"`);
    expect(JSON.stringify(parsed.documents[0]!.value)).toContain(JSON.stringify(value));
  });

  it('no warning for true/false, decimals, quoted values or tagged values', () => {
    for (const text of ['a: true', 'a: False', 'a: 10', 'a: 0', 'a: 0.5', 'a: "yes"', "a: 'on'", 'a: !!bool yes', 'a: 0x1F']) {
      expect(parseFile('t', text).diagnostics, text).toEqual([]);
    }
  });
});

describe('tags', () => {
  it('unknown tags warn and keep the text; mismatching values are errors', () => {
    const parsed = parseFile('t', 'a: !foo 1\nb: !!int abc\nc: !!timestamp 2024-01-01\n');
    expect(parsed.documents[0]!.value).toEqual({ a: '1', b: 'abc', c: '2024-01-01' });
    expect(parsed.diagnostics.map((d) => d.code)).toEqual(['YAML_UNKNOWN_TAG', 'YAML_TAG_MISMATCH', 'YAML_UNKNOWN_TAG']);
  });
});
