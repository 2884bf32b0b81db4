/**
 * The `delete` and `appendDocument` intents of planEdit, and its guards: refusing edits that would
 * orphan aliases, and naming paths in error messages. A deleted pair or item goes with its own
 * lines (comments on other lines stay); the last entry of a block collection leaves `{}` or `[]`
 * behind, so the parent keeps its type.
 */
import type { Path, YNode } from '../types.ts';
import type { EditResult } from './edit.ts';
import { parseFile } from './parse-file.ts';
import { pairRange } from './path.ts';
import { splitDocuments } from './split.ts';
import { dashOf } from './edit-text.ts';
import { removeBlockEntry, removeFlowEntry, replaceNode, type EditDoc, type Plan, type Step } from './edit-ops.ts';

/**
 * A path as people write it: `spec.routes[0].match`.
 *
 * @example
 * describePath(['spec', 'routes', 0, 'match']); // 'spec.routes[0].match'
 */
export function describePath(path: Path): string {
  if (path.length === 0) return 'the document';
  let out = '';
  for (const s of path) out += typeof s === 'number' ? `[${s}]` : out === '' ? s : `.${s}`;
  return `\`${out}\``;
}

function children(n: YNode): YNode[] {
  if (n.kind === 'map') return n.pairs.flatMap((p) => [p.key, p.value]);
  if (n.kind === 'seq') return n.items;
  return [];
}

/**
 * Why replacing or removing `node` (and `also`) would leave an alias elsewhere without its anchor,
 * or null when it would not.
 *
 * @example
 * aliasBreak(root, middlewaresNode, false); // 'This removes &mw, which *mw uses elsewhere: …'
 */
export function aliasBreak(root: YNode, node: YNode, keepOwnAnchor: boolean, also: YNode | null = null): string | null {
  const defined = new Set<YNode>();
  const stack: [YNode, boolean][] = [[node, true]];
  if (also) stack.push([also, false]);
  while (stack.length > 0) {
    const [n, top] = stack.pop()!;
    if (n.anchor !== undefined && !(top && keepOwnAnchor)) defined.add(n);
    for (const c of children(n)) stack.push([c, false]);
  }
  if (defined.size === 0) return null;
  // An alias comes after its anchor: one outside the node ends after it (a key ends before its value).
  const end = node.range.end;
  const all: YNode[] = [root];
  while (all.length > 0) {
    const n = all.pop()!;
    if (n.kind === 'alias' && n.target !== null && defined.has(n.target) && n.range.end > end) {
      return `This edit removes the anchor &${n.name}, which the alias *${n.name} uses elsewhere in the document: edit the text instead.`;
    }
    all.push(...children(n));
  }
  return null;
}

/**
 * Appends a document (`---` and the given YAML) at the end of the file.
 *
 * @example
 * appendDocument('a: 1\n', 'b: 2\n'); // { edits: [{ range: { start: 5, end: 5 }, text: '---\nb: 2\n' }] }
 */
export function appendDocument(text: string, yaml: string): EditResult {
  if (typeof yaml !== 'string') return { error: 'The new document must be YAML text.' };
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const normalized = yaml.replace(/\r\n?/g, '\n');
  const parsed = parseFile('new.yaml', normalized);
  if (parsed.documents.some((d) => d.broken)) return { error: 'The new document is not valid YAML.' };
  let body = normalized.replace(/\n/g, eol);
  if (body !== '' && !body.endsWith(eol)) body += eol;
  let prefix = text.length > 0 && !/[\r\n]$/.test(text) ? eol : '';
  if (splitDocuments(text).length > 0 && !/^---(?:[ \t\r\n]|$)/.test(normalized)) prefix += '---' + eol;
  return { edits: [{ range: { start: text.length, end: text.length }, text: prefix + body }] };
}

/**
 * Plans the removal of the node at the end of `steps` (the whole path exists).
 *
 * @example
 * deleteAt(doc, walk(root, ['metadata', 'labels', 'app']).steps);
 */
export function deleteAt(doc: EditDoc, steps: Step[]): Plan {
  const step = steps[steps.length - 1]!;
  const parent = step.parent;
  if (parent.kind === 'root') return { error: 'Cannot delete the whole document from the form.' };
  const parentStep = steps[steps.length - 2]!;
  const broken = aliasBreak(doc.root!, step.node, false, parent.kind === 'pair' ? parent.pair.key : null);
  if (broken !== null) return { error: broken };

  if (parent.kind === 'pair') {
    const { map, pair } = parent;
    const index = map.pairs.indexOf(pair);
    if (map.flow) return removeFlowEntry(map.pairs.map(pairRange), index);
    if (map.pairs.length === 1) return emptied(doc, parentStep, {});
    const next = map.pairs[index + 1];
    return removeBlockEntry(doc, pair.key.range.start, pair.value, next ? next.key.range.start : null);
  }
  const { seq, index } = parent;
  if (seq.flow) return removeFlowEntry(seq.items.map((i) => i.range), index);
  if (seq.items.length === 1) return emptied(doc, parentStep, []);
  const next = seq.items[index + 1];
  return removeBlockEntry(doc, dashOf(doc.text, step.node), step.node, next ? dashOf(doc.text, next) : null);
}

/** The collection loses its last entry: write it as `{}` / `[]`. */
function emptied(doc: EditDoc, collection: Step, value: Record<string, never> | never[]): Plan {
  return replaceNode(doc, collection, value);
}
