// No Traefik counterpart: a rule (parsed by core/rules, which mirrors pkg/muxer/http) as a disjunction of
// conjunctions of literals — a leaf matcher, possibly negated, with the request dimension it reads. Negation is
// pushed to the leaves by De Morgan, as Traefik's own parser does (pkg/rules/parser.go invert).
import { canonicalHeaderKey, parseRule, type EvaluateOptions, type RuleNode } from '../rules/index.ts';
import type { RuleSyntax } from '../types.ts';

/** The part of a request a leaf reads: `host`, `path`, `method`, `ip`, `header:<Key>`, `query:<key>`, `other`. */
export type Dim = string;

export interface Lit {
  dim: Dim;
  /** Canonical matcher name (`PathPrefix`, `Headers`…). */
  name: string;
  args: string[];
  neg: boolean;
  syntax: RuleSyntax;
  /** The leaf as the rules module evaluates it, and how (syntax, target, version). */
  node: unknown;
  env: EvaluateOptions;
}

export interface Disjuncts {
  /** False when the rule does not parse (Traefik does not serve such a router). */
  ok: boolean;
  conjunctions: Lit[][];
  /** True when the expansion was cut at the limit. */
  truncated: boolean;
}

type Tree = { t: 'and' | 'or'; items: Tree[] } | { t: 'not'; item: Tree } | { t: 'leaf'; name: string; args: string[]; node: unknown };

const DIM_OF: Record<string, Dim> = {
  Host: 'host', HostHeader: 'host', HostRegexp: 'host',
  Path: 'path', PathPrefix: 'path', PathRegexp: 'path',
  Method: 'method', ClientIP: 'ip',
};

function dimOf(name: string, args: readonly string[], syntax: RuleSyntax): Dim {
  const fixed = DIM_OF[name];
  if (fixed) return fixed;
  if (name === 'Header' || name === 'HeaderRegexp' || name === 'Headers' || name === 'HeadersRegexp') {
    return `header:${canonicalHeaderKey(args[0] ?? '')}`;
  }
  if (name === 'Query' || name === 'QueryRegexp') {
    // v2 Query takes `key=value` (the parser rejects an argument without `=`), v3 the key alone.
    const a = args[0] ?? '';
    return `query:${syntax === 'v2' ? a.split('=', 1)[0] : a}`;
  }
  return 'other';
}

/** Reads the rules module's AST (binary `and`/`or`, `not` with its operand, matchers) into our tree. */
function toTree(node: RuleNode): Tree {
  switch (node.type) {
    case 'and':
    case 'or':
      return { t: node.type, items: [toTree(node.left), toTree(node.right)] };
    case 'not':
      return { t: 'not', item: toTree(node.operand) };
    case 'matcher':
      return { t: 'leaf', name: node.name, args: node.args.map((a) => a.value), node };
  }
}

/**
 * Splits a leaf into literals that each read one dimension: v2 `Headers(k1, v1, k2, v2)` and
 * `Query(`a=1`, `b=2`)` are conjunctions over several keys. Such parts are re-parsed as one-pair leaves.
 */
function splitLeaf(leaf: Extract<Tree, { t: 'leaf' }>, syntax: RuleSyntax): Tree {
  const pairs = leaf.name === 'Headers' || leaf.name === 'HeadersRegexp';
  const queries = syntax === 'v2' && leaf.name === 'Query'; // v2 has no QueryRegexp
  const size = pairs ? 2 : 1;
  if ((!pairs && !queries) || leaf.args.length <= size) return leaf;
  const parts: Tree[] = [];
  for (let i = 0; i < leaf.args.length; i += size) {
    const text = `${leaf.name}(${leaf.args.slice(i, i + size).map(goString).join(', ')})`;
    const sub = parseRule(text, syntax).ast;
    if (!sub) return leaf;
    parts.push(toTree(sub));
  }
  return { t: 'and', items: parts };
}

/** A Go string literal for a rule argument: raw when it has no backtick. */
export function goString(value: string): string {
  return value.includes('`') ? JSON.stringify(value) : '`' + value + '`';
}

/**
 * The rule in disjunctive normal form, at most `limit` conjunctions (the rest is dropped, `truncated` set).
 *
 * @example
 * disjuncts('Host(`a.com`) && (Path(`/`) || PathPrefix(`/admin`))', 'v3').conjunctions.length // 2
 */
export function disjuncts(rule: string, syntax: RuleSyntax, limit = 32, target: Omit<EvaluateOptions, 'syntax'> = {}): Disjuncts {
  const env: EvaluateOptions = { ...target, syntax };
  const parsed = parseRule(rule, syntax);
  const tree = parsed.errors.length === 0 && parsed.ast ? toTree(parsed.ast) : null;
  if (!tree) return { ok: false, conjunctions: [], truncated: false };
  let truncated = false;
  const dnf = (t: Tree, neg: boolean): Lit[][] => {
    switch (t.t) {
      case 'not':
        return dnf(t.item, !neg);
      case 'leaf': {
        const split = splitLeaf(t, syntax);
        if (split !== t) return dnf(split, neg);
        return [[{ dim: dimOf(t.name, t.args, syntax), name: t.name, args: t.args, neg, syntax, node: t.node, env }]];
      }
      case 'and':
      case 'or': {
        const parts = t.items.map((i) => dnf(i, neg));
        if ((t.t === 'or') !== neg) return cap(parts.flat());
        let acc: Lit[][] = [[]];
        for (const p of parts) acc = cap(acc.flatMap((a) => p.map((b) => [...a, ...b])));
        return acc;
      }
    }
  };
  const cap = (list: Lit[][]): Lit[][] => {
    if (list.length <= limit) return list;
    truncated = true;
    return list.slice(0, limit);
  };
  return { ok: true, conjunctions: dnf(tree, false), truncated };
}

/** Groups literals by dimension, in first-seen order. */
export function byDimension(lits: readonly Lit[]): Map<Dim, Lit[]> {
  const out = new Map<Dim, Lit[]>();
  for (const l of lits) {
    const list = out.get(l.dim);
    if (list) list.push(l);
    else out.set(l.dim, [l]);
  }
  return out;
}

/** `!PathPrefix(`/a`)` — for messages. */
export function litText(lit: Lit): string {
  return `${lit.neg ? '!' : ''}${lit.name}(${lit.args.map(goString).join(', ')})`;
}
