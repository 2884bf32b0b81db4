/**
 * planEdit: minimal, comment-preserving text edits for form editing, like jsonc-parser's `modify`.
 * The document is never re-serialised: a scalar is replaced in place keeping its quoting, a new key
 * goes after its last sibling at their indentation, a removed pair takes its own lines with it, and
 * everything else stays byte-identical. `docIndex` + `path` address any node, including one inside a
 * `kind: List` (['items', 3, 'spec', …]). Paths follow the document's own keys: a key that only comes
 * from a `<<` merge is created as an own key (which overrides the merged one), and a path that goes
 * through an alias is refused (editing the anchor would change every place that uses it).
 * Every plan is checked by re-parsing the edited document; a plan that would break it is an error.
 */
import { parseEvents } from 'js-yaml';
import type { Diagnostic, Path, TextEdit, YAlias, YNode } from '../types.ts';
import { splitDocuments } from './split.ts';
import { compose } from './compose.ts';
import { MAX_DEPTH } from './parse-file.ts';
import { detectStyle, lineEnd } from './edit-text.ts';
import { normalize, isEmptyCollection } from './edit-render.ts';
import { rootText, renderBlock } from './edit-render-place.ts';
import { insertItem, insertPair, moveItem, replaceNode, type EditDoc, type Plan, type Step } from './edit-ops.ts';
import { aliasBreak, appendDocument, deleteAt, describePath } from './edit-intents.ts';
import { insertDocument } from './edit-document.ts';

export type EditIntent =
  | { type: 'set'; docIndex: number; path: Path; value: unknown }
  | { type: 'delete'; docIndex: number; path: Path }
  | { type: 'insert'; docIndex: number; path: Path; index: number; value: unknown }
  | { type: 'move'; docIndex: number; path: Path; from: number; to: number }
  | { type: 'appendDocument'; yaml: string }
  | { type: 'insertDocument'; afterDocIndex: number; yaml: string };

export type EditResult = { edits: TextEdit[] } | { error: string };

/**
 * `text` with `edits` applied (offsets into `text`, not overlapping).
 *
 * @example
 * applyEdits('a: 1\n', [{ range: { start: 3, end: 4 }, text: '2' }]) // 'a: 2\n'
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.range.start - a.range.start)) out = out.slice(0, e.range.start) + e.text + out.slice(e.range.end);
  return out;
}

/** An intent on one resource, its path relative to the resource (`['spec', 'routes', 0, …]`): what the form
 * and the graph make; the caller adds the resource's document index and path. */
export type ResourceIntent =
  | { type: 'set'; path: Path; value: unknown }
  | { type: 'delete'; path: Path }
  | { type: 'insert'; path: Path; index: number; value: unknown }
  | { type: 'move'; path: Path; from: number; to: number };

/**
 * Plans the text edits for a form edit. Offsets are into `text`; edits do not overlap.
 *
 * @example
 * planEdit('spec:\n  port: 80  # web\n', { type: 'set', docIndex: 0, path: ['spec', 'port'], value: 8080 });
 * // { edits: [{ range: { start: 14, end: 16 }, text: '8080' }] }
 */
export function planEdit(text: string, intent: EditIntent): EditResult {
  try {
    if (intent.type === 'appendDocument') return appendDocument(text, intent.yaml);
    if (intent.type === 'insertDocument') return insertDocument(text, intent.afterDocIndex, intent.yaml);
    return planInDocument(text, intent);
  } catch (err) {
    return { error: `Could not plan this edit: ${err instanceof Error ? err.message : String(err)}` };
  }
}

function planInDocument(text: string, intent: Exclude<EditIntent, { type: 'appendDocument' } | { type: 'insertDocument' }>): EditResult {
  const segments = splitDocuments(text);
  const { docIndex } = intent;
  if (!Number.isInteger(docIndex) || docIndex < 0) return { error: `Invalid document index ${docIndex}.` };
  const sg = segments[docIndex] ?? (segments.length === 0 && docIndex === 0 ? { start: text.length, end: text.length, contentStart: text.length } : null);
  if (sg === null) return { error: `The file has no document ${docIndex} (it has ${segments.length}).` };
  const contentStart = sg.contentStart - sg.start;
  let before: Composed;
  try {
    before = composeDocument(text.slice(sg.start, sg.end), sg.start, contentStart);
  } catch {
    return { error: `Document ${docIndex} has a YAML syntax error: fix it before editing it from the form.` };
  }
  const { root } = before;
  const doc: EditDoc = { text, root, style: detectStyle(text, root) };
  // One edit or none (never an empty one: each writes a rendered value, removes an entry's own text or
  // rewrites a run of items).
  const edits = dispatch(doc, intent, sg.start);
  if (!Array.isArray(edits)) return edits;
  // Safety net: the edited document must still parse.
  let delta = 0;
  const out = applyEdits(text, edits);
  for (const e of edits) delta += e.text.length - (e.range.end - e.range.start);
  let after: Composed;
  try {
    after = composeDocument(out.slice(sg.start, sg.end + delta), 0, contentStart);
  } catch {
    return { error: 'This edit cannot be written here without breaking the YAML around it; edit the text instead.' };
  }
  if (after.badAliases > before.badAliases) {
    return { error: 'This edit would put an alias before its anchor (or remove the anchor); edit the text instead.' };
  }
  return { edits };
}

interface Composed {
  root: YNode | null;
  /** Aliases without an anchor before them (YAML_BAD_ALIAS). */
  badAliases: number;
}

/** Composes one document's text (throws on a YAML syntax error). */
function composeDocument(seg: string, base: number, contentStart: number): Composed {
  // Stryker disable next-line StringLiteral,ArrayDeclaration: only the codes of these diagnostics are read (never their file; a string in the list has no code)
  const ctx = { file: '', diagnostics: [] as Diagnostic[] };
  // Stryker disable next-line ObjectLiteral: js-yaml's own default maxDepth is 100 too (MAX_DEPTH); stated so that a new default cannot change it
  const events = parseEvents(seg, { maxDepth: MAX_DEPTH });
  const { root } = compose(events, seg, base, contentStart, ctx);
  return { root, badAliases: ctx.diagnostics.filter((d) => d.code === 'YAML_BAD_ALIAS').length };
}

function dispatch(doc: EditDoc, intent: Exclude<EditIntent, { type: 'appendDocument' } | { type: 'insertDocument' }>, segStart: number): Plan {
  if (!Array.isArray(intent.path)) return { error: 'Invalid path.' };
  if (doc.root === null) {
    if (intent.type === 'delete' || intent.type === 'move') return [];
    const value = intent.type === 'insert' ? [intent.value] : intent.value;
    return createInEmptyDocument(doc, intent.path, value, segStart);
  }
  const walked = walk(doc.root, intent.path);
  if ('error' in walked) return walked;
  const steps = walked.steps;
  const depth = steps.length - 1;
  const found = depth === intent.path.length;
  const last = steps[depth]!;
  switch (intent.type) {
    case 'set':
      return found ? checkedReplace(doc, last, intent.value) : create(doc, steps, intent.path, intent.value);
    case 'delete':
      return found ? deleteAt(doc, steps) : [];
    case 'insert': {
      if (!found || isNull(last.node)) {
        if (intent.index !== 0) return { error: `${describePath(intent.path)} has no items: insert at index 0.` };
        return found ? checkedReplace(doc, last, [intent.value]) : create(doc, steps, intent.path, [intent.value]);
      }
      const seq = last.node;
      if (seq.kind !== 'seq') return { error: `${describePath(intent.path)} is not a list.` };
      if (!Number.isInteger(intent.index) || intent.index < 0 || intent.index > seq.items.length) {
        return { error: `Index ${intent.index} is outside ${describePath(intent.path)} (0…${seq.items.length}).` };
      }
      if (seq.items.length === 0) return checkedReplace(doc, last, [intent.value]);
      return insertItem(doc, seq, intent.index, intent.value);
    }
    case 'move': {
      const seq = last.node;
      if (!found || seq.kind !== 'seq') return { error: `${describePath(intent.path)} is not a list.` };
      const n = seq.items.length;
      const ok = (i: number): boolean => Number.isInteger(i) && i >= 0 && i < n;
      if (!ok(intent.from) || !ok(intent.to)) return { error: `Move ${intent.from} → ${intent.to} is outside the list (0…${n - 1}).` };
      if (intent.from === intent.to) return [];
      return moveItem(doc, seq, intent.from, intent.to);
    }
  }
}

function checkedReplace(doc: EditDoc, step: Step, value: unknown): Plan {
  const broken = aliasBreak(doc.root!, step.node, true);
  if (broken !== null) return { error: broken };
  return replaceNode(doc, step, value);
}

/** An index of a list of `n` items (a string never is one). */
function isIndex(seg: string | number, n: number): seg is number {
  return Number.isInteger(seg) && (seg as number) >= 0 && (seg as number) < n;
}

/** An empty or `null` value: only a scalar has a value (a map's or a sequence's is undefined). */
function isNull(node: YNode): boolean {
  return (node as { value?: unknown }).value === null;
}

/**
 * Walks the document's own keys and items; stops at the first missing segment.
 *
 * @example
 * walk(root, ['spec', 'nope', 'x']).steps.length; // 2: the root and `spec`
 */
export function walk(root: YNode, path: Path): { steps: Step[] } | { error: string } {
  const steps: Step[] = [{ node: root, parent: { kind: 'root' } }];
  for (let i = 0; i < path.length; i++) {
    const node = steps[steps.length - 1]!.node;
    const seg = path[i]!;
    if (node.kind === 'alias') {
      return { error: `${describePath(path.slice(0, i))} is an alias (*${node.name}): edit the node anchored &${node.name} instead.` };
    }
    if (node.kind === 'map') {
      const key = String(seg);
      let index = -1;
      for (let k = node.pairs.length - 1; k >= 0; k--) if (node.pairs[k]!.keyText === key) {
        index = k;
        break;
      }
      if (index === -1) break;
      const pair = node.pairs[index]!;
      steps.push({ node: pair.value, parent: { kind: 'pair', map: node, pair } });
    } else if (node.kind === 'seq' && isIndex(seg, node.items.length)) {
      steps.push({ node: node.items[seg]!, parent: { kind: 'item', seq: node, index: seg } });
    } else break;
  }
  return { steps };
}

/** Wraps a value in the missing part of a path: ['a', 0] + v → { a: [v] }. */
function nest(segs: Path, value: unknown): { value: unknown } | { error: string } {
  let v = value;
  for (let i = segs.length - 1; i >= 0; i--) {
    const s = segs[i]!;
    if (typeof s === 'number') {
      if (s !== 0) return { error: `Cannot create item ${s} of a list that does not exist yet (use index 0).` };
      v = [v];
    } else v = { [s]: v };
  }
  return { value: v };
}

function create(doc: EditDoc, steps: Step[], path: Path, value: unknown): Plan {
  const depth = steps.length - 1;
  const last = steps[depth]!;
  // Never an alias: walk refuses a path that goes on through one.
  const E = last.node as Exclude<YNode, YAlias>;
  const rest = path.slice(depth);
  const where = describePath(path.slice(0, depth));
  if (E.kind === 'scalar') {
    if (E.value !== null) return { error: `Cannot create ${describePath(path)}: ${where} is a value, not a mapping or list.` };
    const nested = nest(rest, value);
    return 'error' in nested ? nested : checkedReplace(doc, last, nested.value);
  }
  const nested = nest(rest.slice(1), value);
  if ('error' in nested) return nested;
  const seg = rest[0]!;
  if (E.kind === 'map') {
    // An empty `{}`/`[]` is filled by rewriting it whole: as a block collection in block context, as
    // flow text (one line, or pretty JSON when it spans lines) in flow context.
    if (E.pairs.length === 0) return checkedReplace(doc, last, { [String(seg)]: nested.value });
    return insertPair(doc, E, String(seg), nested.value);
  }
  if (typeof seg !== 'number' || seg !== E.items.length) {
    return { error: `Cannot create ${describePath(path)}: ${where} is a list of ${E.items.length} (append at index ${E.items.length}).` };
  }
  if (E.items.length === 0) return checkedReplace(doc, last, [nested.value]);
  return insertItem(doc, E, seg, nested.value);
}

function createInEmptyDocument(doc: EditDoc, path: Path, value: unknown, segStart: number): Plan {
  const nested = nest(path, value);
  if ('error' in nested) return nested;
  const v = normalize(nested.value);
  const body = rootText(renderBlock(v, doc.style), doc.style);
  const { text, style } = doc;
  const explicit = text.startsWith('---', segStart);
  const at = explicit ? lineEnd(text, segStart) : segStart;
  // (After a `---` line, `at` is that line's end.)
  const lead = at > 0 && !/[\r\n]$/.test(text.slice(0, at)) ? style.eol : '';
  const tail = !explicit && !isEmptyCollection(v) ? style.eol : '';
  return [{ range: { start: at, end: at }, text: lead + body + tail }];
}
