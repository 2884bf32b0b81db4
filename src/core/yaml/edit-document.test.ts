import { describe, expect, it } from 'vitest';
import { planEdit } from './edit.ts';
import { parseFile } from './parse-file.ts';

function apply(text: string, afterDocIndex: number, yaml: string): string {
  const r = planEdit(text, { type: 'insertDocument', afterDocIndex, yaml });
  if ('error' in r) throw new Error(r.error);
  let out = text;
  for (const e of [...r.edits].reverse()) out = out.slice(0, e.range.start) + e.text + out.slice(e.range.end);
  return out;
}

const file = '# shop\nkind: A  # first\n---\n# between\nkind: B\n---\nkind: C\n';

describe('planEdit insertDocument', () => {
  it('puts the new document right after the given one, every other line unchanged', () => {
    const out = apply(file, 0, 'kind: New\n');
    expect(out).toBe('# shop\nkind: A  # first\n---\nkind: New\n---\n# between\nkind: B\n---\nkind: C\n');
    expect(parseFile('f', out).documents.map((d) => (d.value as { kind: string }).kind)).toEqual(['A', 'New', 'B', 'C']);
  });

  it('is one insertion: the text before and after it is byte-identical', () => {
    const r = planEdit(file, { type: 'insertDocument', afterDocIndex: 1, yaml: 'kind: New' });
    expect('edits' in r && r.edits).toHaveLength(1);
    const e = 'edits' in r ? r.edits[0]! : null;
    expect(e?.range.start).toBe(e?.range.end);
    expect(file.slice(e!.range.start)).toBe('---\nkind: C\n');
    expect(apply(file, 1, 'kind: New')).toBe('# shop\nkind: A  # first\n---\n# between\nkind: B\n---\nkind: New\n---\nkind: C\n');
  });

  it('appends after the last document, and keeps CRLF line ends', () => {
    expect(apply(file, 2, 'kind: New\n')).toBe(file + '---\nkind: New\n');
    expect(apply('kind: A\r\n---\r\nkind: B\r\n', 0, 'kind: New\nx: 1\n')).toBe('kind: A\r\n---\r\nkind: New\r\nx: 1\r\n---\r\nkind: B\r\n');
  });

  it('inserts before an unmarked first document, and refuses bad input', () => {
    expect(apply('kind: A\n', -1, 'kind: New\n')).toBe('---\nkind: New\n---\nkind: A\n');
    expect(planEdit(file, { type: 'insertDocument', afterDocIndex: 7, yaml: 'a: 1' })).toHaveProperty('error');
    expect(planEdit(file, { type: 'insertDocument', afterDocIndex: 0, yaml: 'a: [' })).toHaveProperty('error');
  });
});

describe('planEdit insertDocument: markers, line breaks and bad indexes', () => {
  it.each<[string, string, number, string, string]>([
    ['a document given with its own marker gets one marker', 'kind: A\n---\nkind: B\n', 0, '---\nkind: New\n', 'kind: A\n---\nkind: New\n---\nkind: B\n'],
    ['a marker followed by spaces, no final line break', 'kind: A\n---\nkind: B\n', 0, '---  \nkind: New', 'kind: A\n---\nkind: New\n---\nkind: B\n'],
    ['CRLF document into an LF file', 'kind: A\n---\nkind: B\n', 0, 'kind: New\r\nx: 1\r\n', 'kind: A\n---\nkind: New\nx: 1\n---\nkind: B\n'],
    ['into an empty file, after document 0', '', 0, 'kind: New\n', 'kind: New\n'],
    ['into an empty file, at the start', '', -1, 'kind: New\n', 'kind: New\n'],
    ['before a first document that opens with a comment', '# c\nkind: A\n', -1, 'kind: New\n', '---\nkind: New\n---\n# c\nkind: A\n'],
  ])('%s', (_, text, afterDocIndex, yaml, expected) => {
    expect(apply(text, afterDocIndex, yaml)).toBe(expected);
  });

  it.each<[string, number, unknown, string]>([
    ['before -1', -2, 'kind: New\n', 'The file has no document -2 to insert after (it has 2).'],
    ['a fractional index', 0.5, 'kind: New\n', 'The file has no document 0.5 to insert after (it has 2).'],
    ['past the last document', 2, 'kind: New\n', 'The file has no document 2 to insert after (it has 2).'],
    ['not text', 0, 5, 'The new document must be YAML text.'],
    ['broken YAML', 0, 'a: [', 'The new document is not valid YAML.'],
  ])('refuses %s', (_, afterDocIndex, yaml, error) => {
    expect(planEdit('kind: A\n---\nkind: B\n', { type: 'insertDocument', afterDocIndex, yaml: yaml as string })).toEqual({ error });
  });
});
