/**
 * Key completion from our schema for the YAML being typed: the path of the cursor is read from
 * indentation (the text is often not valid YAML while a key is half typed), then the fields of that
 * path are offered, minus the keys already present.
 */
import type { Path, ResourceKind, TraefikTarget } from '../types.ts';
import { fieldsOf, type FieldInfo } from './field-doc.ts';
import { isKnownKind } from './registry.ts';

interface Line {
  /** Column of a `- ` item marker, when the line starts an item. */
  marker?: number;
  /** Column where the key (or scalar) starts. */
  col: number;
  key?: string;
  blank: boolean;
}

function read(line: string): Line {
  const m = /^(\s*)(-\s+)?(?:([^\s:#][^:#]*?)\s*:(?:\s|$))?/.exec(line)!;
  const indent = m[1]!.length;
  const blank = line.trim() === '' || line.trimStart().startsWith('#');
  const out: Line = { col: indent + (m[2]?.length ?? 0), blank };
  if (m[2]) out.marker = indent;
  if (m[3]) out.key = m[3].replace(/^["']|["']$/g, '');
  return out;
}

export interface KeyCompletion {
  kind: ResourceKind;
  path: Path;
  fields: FieldInfo[];
}

/**
 * @example
 * completeKeys('kind: IngressRoute\nspec:\n  routes:\n    - kind: Rule\n      ma', 56, 'v3')?.fields.map((f) => f.name) // ['match', …]
 */
export function completeKeys(text: string, offset: number, target: TraefikTarget): KeyCompletion | null {
  const before = text.slice(0, offset);
  const lines = before.split('\n');
  const current = lines[lines.length - 1]!;
  if (!/^\s*(-\s+)?[\w.-]*$/.test(current)) return null;
  let docStart = 0;
  for (let i = lines.length - 2; i >= 0; i--) {
    if (/^(---|\.\.\.)(\s|$)/.test(lines[i]!)) {
      docStart = i + 1;
      break;
    }
  }
  const docLines = text.split('\n');
  let kind: string | undefined;
  for (let i = docStart; i < docLines.length && !/^(---|\.\.\.)(\s|$)/.test(docLines[i]!); i++) {
    const m = /^kind:\s*["']?([\w]+)/.exec(docLines[i]!);
    if (m) {
      kind = m[1];
      break;
    }
  }
  if (!kind || !isKnownKind(kind)) return null;

  const cur = read(current);
  let col = cur.col;
  const path: Path[number][] = [];
  const siblings = new Set<string>();
  // Keys after the cursor at the same column are siblings too.
  for (let i = lines.length; i < docLines.length && !/^(---|\.\.\.)(\s|$)/.test(docLines[i]!); i++) {
    const l = read(docLines[i]!);
    if (l.blank) continue;
    if (l.col < col || l.marker !== undefined) break;
    if (l.col === col && l.key) siblings.add(l.key);
  }
  let inItem = cur.marker !== undefined ? cur.marker : undefined;
  let first = true;
  for (let i = lines.length - 2; i >= docStart; i--) {
    const l = read(lines[i]!);
    if (l.blank) continue;
    if (inItem !== undefined) {
      // Count earlier items of the same sequence, up to the key that holds it.
      let index = 0;
      let j = i;
      for (; j >= docStart; j--) {
        const x = read(lines[j]!);
        if (x.blank) continue;
        if (x.marker === inItem) index++;
        else if (x.col < inItem || (x.col === inItem && x.marker === undefined)) break;
      }
      path.unshift(index);
      // The key holding the sequence may sit at the items' own column (`routes:\n- a`).
      col = inItem + 0.5;
      inItem = undefined;
      first = false;
      i = j + 1;
      continue;
    }
    if (first && l.col === col && l.key && l.marker === undefined) {
      siblings.add(l.key);
      continue;
    }
    if (l.marker !== undefined && l.col === col) {
      // The cursor is inside the item this line starts: count the items before it.
      if (first && l.key) siblings.add(l.key);
      inItem = l.marker;
      continue;
    }
    if (l.col < col && l.key) {
      path.unshift(l.key);
      first = false;
      col = l.col;
      if (l.marker !== undefined) inItem = l.marker;
      continue;
    }
  }
  if (inItem !== undefined) return null;
  const fields = fieldsOf(kind as ResourceKind, path, target).filter((f) => !siblings.has(f.name));
  return { kind: kind as ResourceKind, path, fields };
}
