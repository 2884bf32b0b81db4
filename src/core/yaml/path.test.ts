import { describe, expect, it } from 'vitest';
import { parseFile, nodeAtPath, pathAtOffset, rangeOfPath, locatePath, LineIndex } from './index.ts';

const TEXT = `apiVersion: traefik.io/v1alpha1
kind: IngressRoute
metadata:
  name: web # comment
spec:
  routes:
    - match: Host(\`a\`)
      services:
        - name: svc
          port: 80
    - match: "Host(\`b\`)"
      services: [{name: other, port: 8080}]
`;

describe('nodeAtPath / rangeOfPath / locatePath', () => {
  const doc = parseFile('t.yaml', TEXT).documents[0]!;

  it('finds nodes through maps and sequences', () => {
    const n = nodeAtPath(doc.root, ['spec', 'routes', 1, 'services', 0, 'port'])!;
    expect(TEXT.slice(n.range.start, n.range.end)).toBe('8080');
    expect(nodeAtPath(doc.root, ['spec', 'routes', 5])).toBeNull();
    expect(nodeAtPath(doc.root, ['metadata', 'name', 'x'])).toBeNull();
    expect(nodeAtPath(null, [])).toBeNull();
    expect(nodeAtPath(doc.root, [])).toBe(doc.root);
  });

  it('gives key ranges and item ranges', () => {
    const key = rangeOfPath(doc.root, ['metadata', 'name'], { key: true })!;
    expect(TEXT.slice(key.start, key.end)).toBe('name');
    const item = rangeOfPath(doc.root, ['spec', 'routes', 0, 'services', 0], { key: true })!;
    expect(TEXT.slice(item.start, item.end)).toBe('name: svc\n          port: 80');
    expect(rangeOfPath(doc.root, ['spec', 'nope'])).toBeNull();
  });

  it('locatePath stops at the deepest existing node', () => {
    const loc = locatePath(doc.root, ['spec', 'routes', 0, 'middlewares', 0])!;
    expect(loc.depth).toBe(3);
    expect(loc.node.kind).toBe('map');
    expect(loc.pair).toBeNull();
  });

  it('follows aliases and merge keys', () => {
    const text = 'defaults: &d {port: 80, scheme: http}\nsvc:\n  <<: *d\n  port: 8080\nother: *d\n';
    const root = parseFile('t', text).documents[0]!.root;
    expect(text.slice(...span(nodeAtPath(root, ['svc', 'scheme'])!.range))).toBe('http');
    expect(text.slice(...span(nodeAtPath(root, ['svc', 'port'])!.range))).toBe('8080');
    expect(text.slice(...span(nodeAtPath(root, ['other', 'port'])!.range))).toBe('80');
    const loc = locatePath(root, ['other', 'port'])!;
    expect(text.slice(...span(loc.aliasSite!.range))).toBe('*d');
  });
});

function span(r: { start: number; end: number }): [number, number] {
  return [r.start, r.end];
}

describe('pathAtOffset', () => {
  const doc = parseFile('t.yaml', TEXT).documents[0]!;
  it.each([
    { at: 'web #', delta: 1, path: ['metadata', 'name'] },
    { at: 'name: web', delta: 1, path: ['metadata', 'name'] },
    { at: 'Host(`a`)', delta: 3, path: ['spec', 'routes', 0, 'match'] },
    { at: '"Host(`b`)"', delta: 3, path: ['spec', 'routes', 1, 'match'] },
    { at: '8080', delta: 2, path: ['spec', 'routes', 1, 'services', 0, 'port'] },
    { at: 'other', delta: 0, path: ['spec', 'routes', 1, 'services', 0, 'name'] },
    { at: 'port: 80\n', delta: 7, path: ['spec', 'routes', 0, 'services', 0, 'port'] },
    { at: 'routes:', delta: 2, path: ['spec', 'routes'] },
  ])('$at+$delta → $path', ({ at, delta, path }) => {
    expect(pathAtOffset(doc, TEXT.indexOf(at) + delta)).toEqual(path);
  });

  it('is [] outside the root and on comments between nodes', () => {
    expect(pathAtOffset(doc, TEXT.length)).toEqual([]);
    const p = parseFile('t', '# c\na: 1\n').documents[0]!;
    expect(pathAtOffset(p, 1)).toEqual([]);
  });
});

describe('LineIndex', () => {
  it('converts offsets to 1-based lines and UTF-16 columns and back', () => {
    const text = 'ab\r\nc😀d\n\nlast';
    const index = new LineIndex(text);
    expect(index.lineCount).toBe(4);
    expect(index.positionAt(0)).toEqual({ line: 1, column: 1 });
    expect(index.positionAt(2)).toEqual({ line: 1, column: 3 });
    expect(index.positionAt(4)).toEqual({ line: 2, column: 1 });
    expect(index.positionAt(text.indexOf('d'))).toEqual({ line: 2, column: 4 });
    expect(index.positionAt(text.length)).toEqual({ line: 4, column: 5 });
    expect(index.positionAt(-3)).toEqual({ line: 1, column: 1 });
    expect(index.positionAt(1e9)).toEqual({ line: 4, column: 5 });
    expect(index.offsetAt(2, 4)).toBe(text.indexOf('d'));
    expect(index.offsetAt(1, 99)).toBe(2); // clamped before \r\n
    expect(index.offsetAt(9, 1)).toBe(text.length);
    expect(index.offsetAt(0, 1)).toBe(0);
    for (let o = 0; o <= text.length; o++) {
      if (text[o - 1] === '\r') continue; // between \r and \n is not a position a line/column can name
      const { line, column } = index.positionAt(o);
      expect(index.offsetAt(line, column)).toBe(o);
    }
  });

  it('handles lone CR line breaks and empty text', () => {
    const index = new LineIndex('a\rb');
    expect(index.positionAt(2)).toEqual({ line: 2, column: 1 });
    expect(new LineIndex('').positionAt(0)).toEqual({ line: 1, column: 1 });
  });
});
