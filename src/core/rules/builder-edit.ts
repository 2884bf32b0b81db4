// No Traefik counterpart: edits of the rule builder's rows. Each edit replaces only the pieces it
// touches, so the rest of the rule keeps its spacing and quoting; new text is written the way the
// Traefik docs write rules (backticks, ` && ` / ` || `).
import type { RuleSyntax } from '../types.ts';
import type { Group, Item, ItemPath, Row, RuleRows } from './builder.ts';
import { goStringLiteral } from './print.ts';

/** The matchers the builder offers per syntax, with the argument names each takes. */
export const BUILDER_MATCHERS: Record<RuleSyntax, Record<string, string[]>> = {
  v3: {
    Host: ['domain'], HostRegexp: ['regexp'], Path: ['path'], PathPrefix: ['prefix'], PathRegexp: ['regexp'], Method: ['method'],
    Header: ['name', 'value'], HeaderRegexp: ['name', 'regexp'], Query: ['key', 'value (optional)'], QueryRegexp: ['key', 'regexp (optional)'], ClientIP: ['ip or cidr'],
  },
  v2: {
    Host: ['domain'], HostHeader: ['domain'], HostRegexp: ['template'], Path: ['template'], PathPrefix: ['template'], Method: ['method'],
    Headers: ['name', 'value'], HeadersRegexp: ['name', 'regexp'], Query: ['key=value'], ClientIP: ['ip or cidr'],
  },
};

/** Arguments a new row of this matcher starts with (the optional ones left out). */
function defaultArity(name: string, syntax: RuleSyntax): number {
  const names = BUILDER_MATCHERS[syntax][name] ?? ['value'];
  return names.filter((n) => !n.endsWith('(optional)')).length;
}

/**
 * A new row as a person writes it: `PathPrefix(`/api`)`.
 *
 * @example
 * newRow('Header', ['X-Env', 'prod']) // row printing as Header(`X-Env`, `prod`)
 */
export function newRow(name: string, values: readonly string[]): Row {
  const gaps = values.length === 0 ? ['()'] : ['(', ...values.slice(1).map(() => ', '), ')'];
  return { type: 'row', name, spelled: name, args: values.map((v) => ({ value: v, raw: goStringLiteral(v) })), gaps };
}

function clone<T>(x: T): T {
  return structuredClone(x);
}

function itemAt(rows: RuleRows, path: ItemPath): Item {
  let it: Item = rows.root;
  for (const i of path) {
    if (it.node.type !== 'group' || !it.node.items[i]) throw new Error(`No rule item at ${path.join('.')}`);
    it = it.node.items[i]!;
  }
  return it;
}

function groupAt(rows: RuleRows, path: ItemPath): Group {
  const n = itemAt(rows, path).node;
  if (n.type !== 'group') throw new Error(`Item ${path.join('.')} is not a group`);
  return n;
}

function rowAt(rows: RuleRows, path: ItemPath): Row {
  const n = itemAt(rows, path).node;
  if (n.type !== 'row') throw new Error(`Item ${path.join('.')} is not a row`);
  return n;
}

/**
 * Sets one argument's value: only that literal is rewritten. Setting the argument after the last
 * (an optional one) or '' on an optional last argument rewrites the row's argument list.
 *
 * @example
 * printRows(setArg(rows, [1], 0, '/v2')) // only the second row's literal changed
 */
export function setArg(rows: RuleRows, path: ItemPath, index: number, value: string): RuleRows {
  const out = clone(rows);
  const row = rowAt(out, path);
  if (index < row.args.length) row.args[index] = { value, raw: goStringLiteral(value) };
  else if (index === row.args.length) {
    // `Host()` keeps its parentheses in one gap (the first gap of a row with arguments has no `)`):
    // split it around the new argument.
    const empty = /^(\s*\(\s*)(\)\s*)$/.exec(row.gaps[0]!);
    if (empty) row.gaps = [empty[1]!, empty[2]!];
    else row.gaps.splice(row.gaps.length - 1, 0, ', ');
    row.args.push({ value, raw: goStringLiteral(value) });
  }
  return out;
}

/** Drops the arguments from `index` on (an optional argument cleared). */
export function truncateArgs(rows: RuleRows, path: ItemPath, index: number): RuleRows {
  const out = clone(rows);
  const row = rowAt(out, path);
  if (index >= row.args.length || index === 0) return out;
  row.args.length = index;
  row.gaps.splice(index, row.gaps.length - index - 1);
  return out;
}

/** Changes a row's matcher, keeping the values that still fit. */
export function setMatcher(rows: RuleRows, path: ItemPath, name: string, syntax: RuleSyntax): RuleRows {
  const out = clone(rows);
  const item = itemAt(out, path);
  const old = rowAt(out, path);
  const want = Math.max(1, defaultArity(name, syntax));
  const values = Array.from({ length: want }, (_, i) => old.args[i]?.value ?? '');
  item.node = newRow(name, values);
  return out;
}

/** Negates a row or group, or removes its negation. */
export function toggleNegate(rows: RuleRows, path: ItemPath): RuleRows {
  const out = clone(rows);
  const it = itemAt(out, path);
  if (it.negated) {
    it.before = it.before.replace('!', '');
    // `!(a && b)` loses its negation: the parentheses stay (they are harmless and keep the text stable).
  } else if (it.node.type === 'group') {
    // The `!` goes in front of the group's own parentheses (added when it has none).
    const open = it.before.lastIndexOf('(');
    if (open < 0) {
      it.before += '!(';
      it.after = ')' + it.after;
    } else it.before = it.before.slice(0, open) + '!' + it.before.slice(open);
  } else {
    it.before = it.before + '!';
  }
  it.negated = !it.negated;
  return out;
}

/**
 * Appends a row (or a new group of two rows) to a group, joined with Traefik's own spacing.
 *
 * @example
 * printRows(addRow(ruleToRows('Host(`a`)', 'v3').rows, [], newRow('PathPrefix', ['/api']))) // 'Host(`a`) && PathPrefix(`/api`)'
 */
export function addRow(rows: RuleRows, groupPath: ItemPath, node: Row | Group): RuleRows {
  const out = clone(rows);
  const g = groupAt(out, groupPath);
  // A negated group of one shown without its own parentheses (`!!Host(`a`)`: the outer `!` negates the
  // group holding `!Host`) needs them once it holds a second item, or the `!` would bind to the first
  // item only (`!!Host(`a`) && Path(`/`)` is `(!!Host) && Path`).
  const holder = itemAt(out, groupPath);
  if (holder.negated && holder.before.lastIndexOf('(') < holder.before.lastIndexOf('!')) {
    holder.before += '(';
    holder.after = ')' + holder.after;
  }
  const parens = node.type === 'group';
  if (g.items.length > 0) g.seps.push(g.op === 'and' ? ' && ' : ' || ');
  g.items.push({ before: parens ? '(' : '', negated: false, node, after: parens ? ')' : '' });
  return out;
}

/** A new group of two rows, joined by the other operator than its parent's. */
export function newGroup(parentOp: 'and' | 'or', first: Row, second: Row): Group {
  const op = parentOp === 'and' ? 'or' : 'and';
  const wrap = (node: Row): Item => ({ before: '', negated: false, node, after: '' });
  return { type: 'group', op, items: [wrap(first), wrap(second)], seps: [op === 'and' ? ' && ' : ' || '] };
}

/** Removes a row or group with the operator that joined it. */
export function removeItem(rows: RuleRows, path: ItemPath): RuleRows {
  if (path.length === 0) return rows;
  const out = clone(rows);
  const g = groupAt(out, path.slice(0, -1));
  const i = path[path.length - 1]!;
  if (g.items.length <= 1) return out;
  g.items.splice(i, 1);
  if (i === 0) {
    g.seps.splice(0, 1);
  } else g.seps.splice(i - 1, 1);
  return out;
}

/** Switches a group between AND and OR, keeping the spacing around each operator. */
export function setOp(rows: RuleRows, groupPath: ItemPath, op: 'and' | 'or'): RuleRows {
  const out = clone(rows);
  const g = groupAt(out, groupPath);
  g.op = op;
  g.seps = g.seps.map((s) => s.replace(/&&|\|\|/, op === 'and' ? '&&' : '||'));
  // An OR group inside an AND group needs parentheses (AND binds tighter).
  if (op === 'or' && groupPath.length > 0) {
    const it = itemAt(out, groupPath);
    if (!it.before.includes('(')) {
      it.before += '(';
      it.after = ')' + it.after;
    }
  }
  return out;
}
