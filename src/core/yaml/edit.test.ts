import { describe, expect, it } from 'vitest';
import { planEdit, parseFile, type EditIntent } from './index.ts';
import { applyEdits } from './edit.ts';
import type { TextEdit } from '../types.ts';

function apply(text: string, edits: TextEdit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.range.start - a.range.start)) out = out.slice(0, e.range.start) + e.text + out.slice(e.range.end);
  return out;
}

function edit(text: string, intent: EditIntent): string {
  const r = planEdit(text, intent);
  if ('error' in r) throw new Error(r.error);
  const out = apply(text, r.edits);
  expect(parseFile('t', out).documents.some((d) => d.broken)).toBe(false);
  return out;
}

const set = (path: (string | number)[], value: unknown, docIndex = 0): EditIntent => ({ type: 'set', docIndex, path, value });
const del = (path: (string | number)[], docIndex = 0): EditIntent => ({ type: 'delete', docIndex, path });

const IR = `apiVersion: traefik.io/v1alpha1
kind: IngressRoute
metadata:
  name: web   # the name
  labels: {app: web}
spec:
  entryPoints:
    - websecure
  routes:
    # the API
    - match: Host(\`a.example.com\`)   # rule
      kind: Rule
      services:
        - name: svc
          port: 80
    - match: "Host(\`b\`)"
      kind: Rule
  tls:
    secretName: 'tls-a'
`;

describe('set a scalar in place, keeping its quoting and comments', () => {
  it.each([
    { desc: 'plain', path: ['metadata', 'name'], value: 'api', line: '  name: api   # the name' },
    { desc: 'plain → quoted when YAML 1.1 would misread it', path: ['metadata', 'name'], value: 'yes', line: "  name: 'yes'   # the name" },
    { desc: 'octal-looking', path: ['metadata', 'name'], value: '0755', line: "  name: '0755'   # the name" },
    { desc: 'float-looking', path: ['metadata', 'name'], value: '1.0', line: "  name: '1.0'   # the name" },
    { desc: 'star', path: ['metadata', 'name'], value: '*', line: "  name: '*'   # the name" },
    { desc: 'colon-space', path: ['metadata', 'name'], value: 'a: b', line: "  name: 'a: b'   # the name" },
    { desc: 'number', path: ['spec', 'routes', 0, 'services', 0, 'port'], value: 8080, line: '          port: 8080' },
    { desc: 'number → string', path: ['spec', 'routes', 0, 'services', 0, 'port'], value: 'http', line: '          port: http' },
    { desc: 'number-like string', path: ['spec', 'routes', 0, 'services', 0, 'port'], value: '80', line: "          port: '80'" },
    { desc: 'double-quoted stays double-quoted', path: ['spec', 'routes', 1, 'match'], value: 'Host(`c`)', line: '    - match: "Host(`c`)"' },
    { desc: 'single-quoted stays single-quoted', path: ['spec', 'tls', 'secretName'], value: "it's", line: "    secretName: 'it''s'" },
    { desc: 'backtick rule stays plain', path: ['spec', 'routes', 0, 'match'], value: 'Host(`x`) && PathPrefix(`/api`)', line: '    - match: Host(`x`) && PathPrefix(`/api`)   # rule' },
    { desc: 'boolean', path: ['spec', 'routes', 0, 'kind'], value: true, line: '      kind: true' },
    { desc: 'null', path: ['spec', 'routes', 0, 'kind'], value: null, line: '      kind: null' },
  ])('$desc', ({ path, value, line }) => {
    const out = edit(IR, set(path, value));
    const changed = out.split('\n').filter((l, i) => l !== IR.split('\n')[i]);
    expect(changed).toEqual([line]);
    // The new value is what a YAML 1.1 reader (Kubernetes) gets back at that path, with its type.
    const read = path.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], parseFile('t', out).documents[0]!.value);
    expect(read).toStrictEqual(value);
  });

  it('a multi-line string becomes a literal block', () => {
    const out = edit(IR, set(['spec', 'tls', 'secretName'], 'a\nb'));
    expect(out).toContain('    secretName: |-\n      a\n      b\n');
    expect((parseFile('t', out).documents[0]!.value as { spec: { tls: { secretName: string } } }).spec.tls.secretName).toBe('a\nb');
  });

  it('block scalars keep their style and indentation', () => {
    const text = 'spec:\n  match: >-\n    Host(`a`) &&\n    Path(`/`)\n  next: 1\n';
    expect(edit(text, set(['spec', 'match'], 'Host(`b`)'))).toBe('spec:\n  match: >-\n    Host(`b`)\n  next: 1\n');
    const lit = 'k: |\n  one\n  two\nz: 1\n';
    expect(edit(lit, set(['k'], 'x\ny\n'))).toBe('k: |\n  x\n  y\nz: 1\n');
  });

  it('keeps an anchor, drops a tag that no longer fits', () => {
    expect(edit('a: &x 1\nb: *x\n', set(['a'], 2))).toBe('a: &x 2\nb: *x\n');
    expect(edit('a: !!str 1\n', set(['a'], 2))).toBe('a: 2\n');
  });
});

describe('set creates missing keys with the siblings’ indentation', () => {
  it.each([
    { desc: 'a new key in a block map', path: ['metadata', 'namespace'], value: 'apps', expect: '  labels: {app: web}\n  namespace: apps\n' },
    { desc: 'a new key in a flow map', path: ['metadata', 'labels', 'tier'], value: 'front', expect: '  labels: {app: web, tier: front}\n' },
    { desc: 'a nested object under a new key', path: ['spec', 'routes', 1, 'middlewares'], value: [{ name: 'strip' }], expect: '      kind: Rule\n      middlewares:\n        - name: strip\n' },
    { desc: 'missing parents', path: ['spec', 'tls', 'options', 'name'], value: 'strict', expect: "    secretName: 'tls-a'\n    options:\n      name: strict\n" },
    { desc: 'a list index one past the end', path: ['spec', 'entryPoints', 1], value: 'web', expect: '    - websecure\n    - web\n' },
  ])('$desc', ({ path, value, expect: snippet }) => {
    expect(edit(IR, set(path, value))).toContain(snippet);
  });

  it('fills empty values and empty collections', () => {
    expect(edit('spec:\nkind: x\n', set(['spec', 'a'], 1))).toBe('spec:\n  a: 1\nkind: x\n');
    expect(edit('spec: ~\n', set(['spec', 'list', 0], 'x'))).toBe('spec:\n  list:\n    - x\n');
    expect(edit('meta:\n  labels: {}\n', set(['meta', 'labels', 'a'], 'b'))).toBe('meta:\n  labels:\n    a: b\n');
    expect(edit('items: []\n', { type: 'insert', docIndex: 0, path: ['items'], index: 0, value: 'x' })).toBe('items:\n  - x\n');
  });

  it('follows the document’s indentation: 4 spaces, indentless sequences', () => {
    const text = 'spec:\n    routes:\n    - match: a\n';
    expect(edit(text, set(['spec', 'entryPoints'], ['web']))).toBe('spec:\n    routes:\n    - match: a\n    entryPoints:\n    - web\n');
    expect(edit(text, set(['spec', 'routes', 0, 'tls'], { certResolver: 'le' }))).toBe(
      'spec:\n    routes:\n    - match: a\n      tls:\n          certResolver: le\n',
    );
  });

  it('replaces a whole object or array', () => {
    expect(edit(IR, set(['spec', 'tls'], { secretName: 'x' }))).toContain('  tls:\n    secretName: x\n');
    expect(edit(IR, set(['spec', 'routes', 0, 'services'], []))).toContain('      services: []\n');
    expect(edit('a: 1\n', set(['a'], { b: { c: [1, 2] } }))).toBe('a:\n  b:\n    c:\n      - 1\n      - 2\n');
    expect(edit('- a\n- b\n', set([1], { k: 'v', w: 2 }))).toBe('- a\n- k: v\n  w: 2\n');
  });

  it('refuses paths through aliases and into scalars', () => {
    expect(planEdit('a: &x {b: 1}\nc: *x\n', set(['c', 'b'], 2))).toHaveProperty('error');
    expect(planEdit(IR, set(['metadata', 'name', 'x'], 1))).toHaveProperty('error');
    expect(planEdit(IR, set(['spec', 'entryPoints', 5], 'x'))).toHaveProperty('error');
    expect(planEdit(IR, set(['a'], 1, 7))).toHaveProperty('error');
  });

  it('a key that only comes from a merge becomes an own key', () => {
    const text = 'base: &b {port: 80}\nsvc:\n  <<: *b\n  name: x\n';
    expect(edit(text, set(['svc', 'port'], 81))).toBe('base: &b {port: 80}\nsvc:\n  <<: *b\n  name: x\n  port: 81\n');
  });
});

describe('delete', () => {
  it('removes a pair with its lines, keeping the comments of others', () => {
    expect(edit(IR, del(['spec', 'routes', 0, 'kind']))).toBe(IR.replace('      kind: Rule\n      services', '      services'));
    expect(edit(IR, del(['spec', 'routes', 0]))).toBe(IR.replace(/ {4}- match: Host[^]*?port: 80\n/, ''));
    expect(edit(IR, del(['spec', 'routes', 0]))).toContain('    # the API\n    - match: "Host');
  });

  it('pulls the next pair onto the dash line', () => {
    expect(edit(IR, del(['spec', 'routes', 0, 'services', 0, 'name']))).toContain('        - port: 80\n');
  });

  it('leaves {} or [] when the last entry goes', () => {
    expect(edit(IR, del(['spec', 'entryPoints', 0]))).toContain('  entryPoints: []\n  routes:');
    expect(edit(IR, del(['spec', 'tls', 'secretName']))).toContain('  tls: {}\n');
  });

  it('flow collections lose the entry and one comma', () => {
    expect(edit('a: [1, 2, 3]\n', del(['a', 1]))).toBe('a: [1, 3]\n');
    expect(edit('a: [1, 2, 3]\n', del(['a', 2]))).toBe('a: [1, 2]\n');
    expect(edit('a: {x: 1, y: 2}\n', del(['a', 'x']))).toBe('a: {y: 2}\n');
    expect(edit('a: {x: 1}\n', del(['a', 'x']))).toBe('a: {}\n');
  });

  it('a comment at the end of a text without a final line break moves up to the end of the text', () => {
    expect(planEdit('k: v # c', set(['k'], { a: 1 }))).toEqual({ edits: [{ range: { start: 2, end: 8 }, text: ' # c\n  a: 1' }] });
  });

  it('the last line of a file without a final line break goes up to the end of the text', () => {
    expect(planEdit('a: 1\nb: 2', del(['b']))).toEqual({ edits: [{ range: { start: 5, end: 9 }, text: '' }] });
  });

  it('a missing path is a no-op; an anchor still in use is refused', () => {
    expect(planEdit(IR, del(['spec', 'nope']))).toEqual({ edits: [] });
    expect(planEdit('a: &x 1\nb: *x\n', del(['a']))).toHaveProperty('error');
    expect(edit('a: &x 1\nb: *x\n', del(['b']))).toBe('a: &x 1\n');
  });
});

describe('insert and move in sequences', () => {
  it('inserts before an item or at the end, block and flow', () => {
    expect(edit(IR, { type: 'insert', docIndex: 0, path: ['spec', 'entryPoints'], index: 0, value: 'web' })).toContain('    - web\n    - websecure\n');
    expect(edit('a: [1, 2]\n', { type: 'insert', docIndex: 0, path: ['a'], index: 1, value: 'x' })).toBe('a: [1, x, 2]\n');
    expect(edit('a: [1, 2]\n', { type: 'insert', docIndex: 0, path: ['a'], index: 2, value: { b: 1 } })).toBe('a: [1, 2, {b: 1}]\n');
    expect(edit('r:\n  - a: 1\n', { type: 'insert', docIndex: 0, path: ['r'], index: 1, value: { a: 2, b: [3] } })).toBe('r:\n  - a: 1\n  - a: 2\n    b:\n      - 3\n');
    expect(planEdit('a: [1]\n', { type: 'insert', docIndex: 0, path: ['a'], index: 3, value: 1 })).toHaveProperty('error');
  });

  it('moves items with their comments and lines', () => {
    const text = 'l:\n  - a # first\n  - b:\n      c: 1\n  # about c\n  - c\n';
    expect(edit(text, { type: 'move', docIndex: 0, path: ['l'], from: 0, to: 2 })).toBe('l:\n  - b:\n      c: 1\n  # about c\n  - c\n  - a # first\n');
    expect(edit('a: [1, 2, 3]\n', { type: 'move', docIndex: 0, path: ['a'], from: 2, to: 0 })).toBe('a: [3, 1, 2]\n');
  });
});

describe('documents, Lists and JSON', () => {
  it('addresses a document of several and an item of a kind: List', () => {
    const text = 'kind: A\n---\nkind: List\nitems:\n  - metadata: {name: x}\n  - metadata:\n      name: y\n';
    expect(edit(text, set(['items', 1, 'metadata', 'name'], 'z', 1))).toBe(text.replace('name: y', 'name: z'));
  });

  it('writes JSON into JSON documents', () => {
    const json = '{\n  "kind": "List",\n  "items": [\n    {"metadata": {"name": "x"}}\n  ]\n}\n';
    expect(edit(json, set(['items', 0, 'metadata', 'namespace'], 'yes'))).toContain('{"metadata": {"name": "x", "namespace": "yes"}}');
    expect(edit(json, set(['spec'], { a: [1] }))).toBe('{\n  "kind": "List",\n  "items": [\n    {"metadata": {"name": "x"}}\n  ],\n  "spec": {\n    "a": [\n      1\n    ]\n  }\n}\n');
    expect(edit(json, { type: 'insert', docIndex: 0, path: ['items'], index: 1, value: { kind: 'Service' } })).toContain('    {"metadata": {"name": "x"}},\n    {"kind": "Service"}\n');
  });

  it('keeps CRLF line endings', () => {
    const text = 'a:\r\n  b: 1\r\n';
    expect(edit(text, set(['a', 'c'], { d: 1 }))).toBe('a:\r\n  b: 1\r\n  c:\r\n    d: 1\r\n');
  });

  it('appends a document', () => {
    expect(edit('a: 1', { type: 'appendDocument', yaml: 'kind: Service\n' })).toBe('a: 1\n---\nkind: Service\n');
    expect(edit('', { type: 'appendDocument', yaml: 'kind: Service' })).toBe('kind: Service\n');
    expect(planEdit('a: 1\n', { type: 'appendDocument', yaml: 'a: [' })).toHaveProperty('error');
  });

  it('creates content in an empty document', () => {
    expect(edit('a: 1\n---\n', set(['kind'], 'Service', 1))).toBe('a: 1\n---\nkind: Service\n');
    expect(edit('', set(['kind'], 'Service'))).toBe('kind: Service\n');
  });

  it('refuses to edit a broken document', () => {
    expect(planEdit('a: [\n', set(['a'], 1))).toHaveProperty('error');
  });
});

describe('applyEdits', () => {
  it('applies edits given in any order, each at its offset in the original text', () => {
    expect(applyEdits('abcd', [{ range: { start: 0, end: 1 }, text: 'XX' }, { range: { start: 2, end: 3 }, text: 'Y' }])).toBe('XXbYd');
    expect(applyEdits('abcd', [{ range: { start: 0, end: 0 }, text: '<' }, { range: { start: 1, end: 2 }, text: '-' }, { range: { start: 4, end: 4 }, text: '>' }])).toBe('<a-cd>');
  });
});

describe('empty documents', () => {
  const insert = (path: (string | number)[], index: number, value: unknown): EditIntent => ({ type: 'insert', docIndex: 0, path, index, value });
  it.each<[string, string, EditIntent, string]>([
    ['an insert creates the list', '', insert(['l'], 0, 'x'), 'l:\n  - x\n'],
    ['after a comment line without a line break', '# c', set(['kind'], 'Service'), '# c\nkind: Service\n'],
    ['after comment lines, the last without a line break', '# a\n# b', set(['kind'], 'Service'), '# a\n# b\nkind: Service\n'],
    ['an anchored empty document gets its value after the anchor', '--- &x\n', set([], 'v'), '--- &x v\n'],
    ['the same without ---', '&x\n', set([], 'v'), '&x v\n'],
  ])('%s', (_, text, intent, expected) => {
    expect(edit(text, intent)).toBe(expected);
  });

  it('plans one insertion at the end of the text', () => {
    expect(planEdit('', set(['kind'], 'Service'))).toEqual({ edits: [{ range: { start: 0, end: 0 }, text: 'kind: Service\n' }] });
  });

  it('deleting or moving in an empty document changes nothing; a second document does not exist', () => {
    expect(planEdit('', del(['a']))).toEqual({ edits: [] });
    expect(planEdit('# c\n', { type: 'move', docIndex: 0, path: ['l'], from: 0, to: 1 })).toEqual({ edits: [] });
    expect(planEdit('', set(['a'], 1, 1))).toEqual({ error: 'The file has no document 1 (it has 0).' });
    expect(planEdit('', set(['l', 3], 1))).toEqual({ error: 'Cannot create item 3 of a list that does not exist yet (use index 0).' });
  });
});

describe('insert, move and set: indexes and the values they meet', () => {
  const text = 'a: &x {b: 1}\nc: *x\nl: [1, 2]\ns: v\nnu:\nm: {k: 1}\ne: []\n';
  const insert = (path: (string | number)[], index: number, value: unknown): EditIntent => ({ type: 'insert', docIndex: 0, path, index, value });
  const move = (path: (string | number)[], from: number, to: number): EditIntent => ({ type: 'move', docIndex: 0, path, from, to });
  it.each<[string, EditIntent, string]>([
    ['insert into a null value creates the list', insert(['nu'], 0, 'x'), text.replace('nu:\n', 'nu:\n  - x\n')],
    ['insert into a missing key at 0 creates it', insert(['z'], 0, 'x'), text + 'z:\n  - x\n'],
    ['set the first item of an empty block-context list', set(['e', 0], 'x'), text.replace('e: []\n', 'e:\n  - x\n')],
  ])('%s', (_, intent, expected) => {
    expect(edit(text, intent)).toBe(expected);
  });

  it.each<[string, EditIntent, string]>([
    ['insert into a null value past 0', insert(['nu'], 1, 'x'), '`nu` has no items: insert at index 0.'],
    ['insert at a fractional index', insert(['l'], 0.5, 'x'), 'Index 0.5 is outside `l` (0…2).'],
    ['insert at a negative index', insert(['l'], -1, 'x'), 'Index -1 is outside `l` (0…2).'],
    ['move from a fractional index', move(['l'], 0.5, 1), 'Move 0.5 → 1 is outside the list (0…1).'],
    ['move from a negative index', move(['l'], -1, 0), 'Move -1 → 0 is outside the list (0…1).'],
    ['delete through an alias', del(['c', 'b']), '`c` is an alias (*x): edit the node anchored &x instead.'],
    ['set a negative item', set(['l', -1], 1), 'Cannot create `l[-1]`: `l` is a list of 2 (append at index 2).'],
    ['set a fractional item', set(['l', 0.5], 1), 'Cannot create `l[0.5]`: `l` is a list of 2 (append at index 2).'],
    ['set a key of a list', set(['l', 'x'], 1), 'Cannot create `l.x`: `l` is a list of 2 (append at index 2).'],
    ['set an item under a scalar', set(['s', 0], 1), 'Cannot create `s[0]`: `s` is a value, not a mapping or list.'],
    ['set an item of a missing list under a null value', set(['nu', 'x', 3], 1), 'Cannot create item 3 of a list that does not exist yet (use index 0).'],
    ['set an item of a missing list under a map', set(['m', 'x', 2], 1), 'Cannot create item 2 of a list that does not exist yet (use index 0).'],
    ['a path that starts with an index is written from its bracket', { type: 'set', docIndex: 0, path: ['l', 0, 'a'], value: 1 }, 'Cannot create `l[0].a`: `l[0]` is a value, not a mapping or list.'],
  ])('%s is refused', (_, intent, error) => {
    expect(planEdit(text, intent)).toEqual({ error });
  });

  it('moving an item onto itself plans no edit', () => {
    expect(planEdit(text, move(['l'], 1, 1))).toEqual({ edits: [] });
  });
});

describe('what planEdit refuses rather than write', () => {
  it('a key under a scalar document names the document', () => {
    expect(planEdit('v\n', set(['x'], 1))).toEqual({ error: 'Cannot create `x`: the document is a value, not a mapping or list.' });
    expect(planEdit('- v\n', set([0, 'x'], 1))).toEqual({ error: 'Cannot create `[0].x`: `[0]` is a value, not a mapping or list.' });
  });

  it('an edit the document cannot parse after (a map on the `---` line)', () => {
    expect(planEdit('--- &x\n', set(['b'], 1))).toEqual({ error: 'This edit cannot be written here without breaking the YAML around it; edit the text instead.' });
  });

  it('an intent that is not one (a bug in the caller) is an error, not an exception', () => {
    expect(planEdit('a: 1\n', null as unknown as EditIntent)).toEqual({ error: expect.stringMatching(/^Could not plan this edit: ./) });
  });
});
