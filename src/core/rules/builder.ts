// No Traefik counterpart: the form's rule builder. A rule is shown as rows of matchers joined by
// AND/OR groups, and printed back from the rows to the very text it came from: every byte of the
// rule (spacing, parentheses, quoting, spelling) is kept in the rows, so an edit rewrites only the
// piece it touches.
import type { RuleSyntax } from '../types.ts';
import type { MatcherNode, RuleError, RuleNode } from './ast.ts';
import { parseRule } from './parser.ts';

/** One argument of a row: its value and the literal as written (backticks or quotes). */
export interface RowArg {
  value: string;
  raw: string;
}

/** A matcher call. `gaps` are the texts around the arguments: `(`, `, `…, `)` (gaps.length = args.length + 1). */
export interface Row {
  type: 'row';
  /** Canonical name (`PathPrefix`), or the spelling itself for an unknown matcher. */
  name: string;
  spelled: string;
  args: RowArg[];
  gaps: string[];
}

/** Operands of one chain of the same operator. `seps[i]` (e.g. ` && `) joins items[i] and items[i + 1]. */
export interface Group {
  type: 'group';
  op: 'and' | 'or';
  items: Item[];
  seps: string[];
}

/** A row or group in its place: `before` holds the `(` and `!` in front of it, `after` the `)` behind. */
export interface Item {
  before: string;
  negated: boolean;
  node: Row | Group;
  after: string;
}

/** A rule as rows. The root is always a group (a one-matcher rule is a group of one). */
export interface RuleRows {
  root: Item & { node: Group };
}

export type RowsResult = { ok: true; rows: RuleRows } | { ok: false; reason: string };

/** Where an item sits: indexes into the nested groups, starting from the root group. */
export type ItemPath = readonly number[];

class NotRows extends Error {}

const BEFORE = /^[\s(!]*$/;
const AFTER = /^[\s)]*$/;
const SEP = /^((?:\s*\))*)(\s*(?:&&|\|\|)\s*)((?:[(!]\s*)*)$/;

function count(s: string, ch: string): number {
  let n = 0;
  for (const c of s) if (c === ch) n++;
  return n;
}

/** The operands of a chain, not flattening a same-operator left operand that has its own parentheses. */
function operands(n: RuleNode, type: 'and' | 'or', src: string): RuleNode[] {
  const rights: RuleNode[] = [];
  let cur = n;
  while (cur.type === type) {
    rights.push(cur.right);
    const left: RuleNode = cur.left;
    if (left.type === type && !src.slice(cur.range.start, left.range.start).includes('(')) cur = left;
    else {
      rights.push(left);
      break;
    }
  }
  return rights.reverse();
}

/** The node an item shows: one `!` belongs to the item itself; a second one makes a group of one. */
function contentOf(n: RuleNode): RuleNode {
  return n.type === 'not' ? n.operand : n;
}

function makeItem(before: string, node: Row | Group, after: string): Item {
  if (!BEFORE.test(before) || !AFTER.test(after)) throw new NotRows('The rule has a comment or other text between matchers that the rows cannot show.');
  if (count(before, '(') !== count(after, ')')) throw new NotRows('The rule has parentheses the rows cannot show.');
  const nots = count(before, '!');
  if (nots > 1) throw new NotRows('The rule has negations the rows cannot show.');
  return { before, negated: nots === 1, node, after };
}

function toRow(n: MatcherNode, src: string): Row {
  const { start, end } = n.range;
  if (src.slice(start, start + n.spelled.length) !== n.spelled) throw new NotRows('The rule has a matcher call the rows cannot show.');
  const gaps: string[] = [];
  let at = start + n.spelled.length;
  for (const a of n.args) {
    gaps.push(src.slice(at, a.range.start));
    at = a.range.end;
  }
  gaps.push(src.slice(at, end));
  const ok = n.args.length === 0 ? /^\s*\(\s*\)$/.test(gaps[0]!) : gaps.every((g, i) => (i === 0 ? /^\s*\(\s*$/ : i === gaps.length - 1 ? /^\s*,?\s*\)$/ : /^\s*,\s*$/).test(g));
  if (!ok) throw new NotRows('A matcher call has a comment or line layout the rows cannot show.');
  return { type: 'row', name: n.name, spelled: n.spelled, args: n.args.map((a) => ({ value: a.value, raw: src.slice(a.range.start, a.range.end) })), gaps };
}

function toNode(n: RuleNode, src: string): Row | Group {
  if (n.type === 'matcher') return toRow(n, src);
  if (n.type === 'not') {
    // `!!a` or `!(!(a && b))`: the inner negation is an item of its own, in a group of one.
    const c = contentOf(n);
    const inner = makeItem(src.slice(n.range.start, c.range.start), toNode(c, src), src.slice(c.range.end, n.range.end));
    return { type: 'group', op: 'and', items: [inner], seps: [] };
  }
  const ops = operands(n, n.type, src);
  const contents = ops.map(contentOf);
  const items: Item[] = [];
  const seps: string[] = [];
  let pendingBefore = src.slice(n.range.start, contents[0]!.range.start);
  for (let i = 0; i < ops.length; i++) {
    const c = contents[i]!;
    const node = toNode(c, src);
    if (i === ops.length - 1) {
      items.push(makeItem(pendingBefore, node, src.slice(c.range.end, n.range.end)));
      break;
    }
    const gap = src.slice(c.range.end, contents[i + 1]!.range.start);
    const m = SEP.exec(gap);
    if (!m) throw new NotRows('The rule has a comment or other text between matchers that the rows cannot show.');
    items.push(makeItem(pendingBefore, node, m[1]!));
    seps.push(m[2]!);
    pendingBefore = m[3]!;
  }
  return { type: 'group', op: n.type, items, seps };
}

/**
 * Reads a rule as rows, or says why it cannot be shown as rows (then the raw text stays the view).
 * Rows print back to the same text byte for byte: `printRows(ruleToRows(t).rows) === t`.
 *
 * @example
 * const r = ruleToRows('Host(`a.com`) && PathPrefix(`/api`)', 'v3');
 * r.ok && r.rows.root.node.items.length // 2
 */
export function ruleToRows(rule: string, syntax: RuleSyntax): RowsResult {
  const { ast, errors } = parseRule(rule, syntax);
  if (!ast) return { ok: false, reason: errors[0]!.message }; // no AST comes with an error
  try {
    const content = contentOf(ast);
    const node = toNode(content, rule);
    const item = makeItem(rule.slice(0, content.range.start), node, rule.slice(content.range.end));
    // makeItem balanced the `(` before with the `)` after: a blank `before` means a blank `after`.
    if (item.node.type === 'group' && !item.negated && item.before.trim() === '') {
      return { ok: true, rows: { root: item as RuleRows['root'] } };
    }
    // A single matcher, or a rule wrapped whole in parentheses or a negation: a root group of one.
    return { ok: true, rows: { root: { before: '', negated: false, after: '', node: { type: 'group', op: 'and', items: [item], seps: [] } } } };
  } catch (e) {
    return { ok: false, reason: (e as NotRows).message }; // only NotRows is thrown above
  }
}

function printNode(n: Row | Group): string {
  if (n.type === 'row') {
    let out = n.spelled + n.gaps[0];
    n.args.forEach((a, i) => (out += a.raw + n.gaps[i + 1]));
    return out;
  }
  let out = '';
  n.items.forEach((it, i) => (out += (i > 0 ? n.seps[i - 1] : '') + printItem(it)));
  return out;
}

function printItem(it: Item): string {
  return it.before + printNode(it.node) + it.after;
}

/**
 * The rule text of rows.
 *
 * @example
 * printRows(ruleToRows('Host(`a`)  ||  Host(`b`)', 'v3').rows) // 'Host(`a`)  ||  Host(`b`)'
 */
export function printRows(rows: RuleRows): string {
  return printItem(rows.root);
}

/** Where a row and its arguments are in the printed rule. */
export interface RowSpan {
  path: ItemPath;
  row: Row;
  start: number;
  end: number;
  args: { start: number; end: number }[];
}

/**
 * Every row with its span in `printRows(rows)`, in text order.
 *
 * @example
 * rowSpans(ruleToRows('Host(`a`) && Path(`/`)', 'v3').rows)[1].start // 13
 */
export function rowSpans(rows: RuleRows): RowSpan[] {
  const out: RowSpan[] = [];
  const walk = (it: Item, path: ItemPath, at: number): number => {
    at += it.before.length;
    const n = it.node;
    if (n.type === 'row') {
      const start = at;
      at += n.spelled.length + n.gaps[0]!.length;
      const args = n.args.map((a, i) => {
        const span = { start: at, end: at + a.raw.length };
        at = span.end + n.gaps[i + 1]!.length;
        return span;
      });
      out.push({ path, row: n, start, end: at, args });
    } else {
      n.items.forEach((child, i) => {
        if (i > 0) at += n.seps[i - 1]!.length;
        at = walk(child, [...path, i], at);
      });
    }
    return at + it.after.length;
  };
  walk(rows.root, [], 0);
  return out;
}

/** A parse error placed on the row (and argument) it belongs to; rowIndex -1 for the whole rule. */
export interface PlacedError {
  error: RuleError;
  rowIndex: number;
  argIndex: number | null;
}

/**
 * Places each parse error on the row whose span holds it (index into rowSpans), and on the argument.
 *
 * @example
 * placeErrors(rowSpans(rows), parseRule(text, 'v3').errors)
 */
export function placeErrors(spans: readonly RowSpan[], errors: readonly RuleError[]): PlacedError[] {
  return errors.map((error) => {
    const rowIndex = spans.findIndex((s) => error.offset >= s.start && error.offset < s.end);
    const span = spans[rowIndex];
    const argIndex = span ? span.args.findIndex((a) => error.offset >= a.start && error.offset < a.end) : -1;
    return { error, rowIndex, argIndex: argIndex < 0 ? null : argIndex };
  });
}
