// Mirrors pkg/muxer/http/parser.go (SyntaxParser.parse), pkg/rules/parser.go (NewParser) and
// vulcand/predicate parse.go: which Go expressions make a rule, then every leaf checked and built.
import type { RuleSyntax } from '../types.ts';
import { forEachLeaf, type MatcherNode, type RuleArg, type RuleError, type RuleNode } from './ast.ts';
import { parseGoExpr, type GoExpr } from './go-expr.ts';
import { leafErrors } from './leaf.ts';
import { canonicalName } from './names.ts';
import { memoByText } from '../memo.ts';
import { primeDomains } from './domains.ts';

/**
 * The nodes parseRule built with the v2 table, so that evaluateRule defaults to v2 for them (also for a
 * sub-tree). Nodes built with the v3 table are not recorded: v3 is evaluateRule's default anyway, and a
 * WeakMap entry per node of every rule cost more than the parse of the rule's leaves at 12,500 rules
 * (WeakMap sets, and ephemerons that every garbage collection traces).
 */
const parsedV2Nodes = new WeakSet<RuleNode>();

function rememberV2(ast: RuleNode): void {
  const stack = [ast];
  while (stack.length > 0) {
    const n = stack.pop()!;
    parsedV2Nodes.add(n);
    if (n.type === 'not') stack.push(n.operand);
    else if (n.type !== 'matcher') stack.push(n.left, n.right);
  }
}

/** 'v2' for a node parseRule built with the v2 table; undefined otherwise (v3, or built elsewhere). */
export function syntaxOf(ast: RuleNode): RuleSyntax | undefined {
  return parsedV2Nodes.has(ast) ? 'v2' : undefined;
}

function err(errors: RuleError[], code: RuleError['code'], message: string, start: number, end: number): null {
  errors.push({ code, message, offset: start, length: Math.max(1, end - start) });
  return null;
}

function nonStringMessage(a: GoExpr, src: string): string {
  const text = src.slice(a.start, a.end);
  const short = text.length > 40 ? text.slice(0, 40) + '…' : text;
  if (a.kind === 'lit' && (a.tok.kind === 'int' || a.tok.kind === 'float' || a.tok.kind === 'imag')) return `\`${short}\` is a number; matcher arguments are strings: put it in backticks.`;
  if (a.kind === 'lit' && a.tok.kind === 'char') return `Single quotes make a Go rune (one character), not a string: write the value in backticks instead of ${short}.`;
  if (a.kind === 'ident' || a.kind === 'selector') return `\`${short}\` is not a string: put the value in backticks.`;
  if (a.kind === 'call') return `A matcher call cannot be an argument of another; combine matchers with \`&&\` and \`||\`.`;
  if (a.kind === 'paren') return 'Parentheses around an argument are not allowed; remove them.';
  if (a.kind === 'binary' && a.op === '+') return 'Strings cannot be concatenated in a rule; write the whole value as one literal.';
  return `\`${short}\` is not a string literal; matcher arguments must be strings in backticks or double quotes.`;
}

function convert(e: GoExpr, syntax: RuleSyntax, src: string, errors: RuleError[]): RuleNode | null {
  switch (e.kind) {
    case 'paren':
      return convert(e.x, syntax, src, errors);
    case 'binary': {
      // Walk the left spine iteratively: a long `||` chain is a deep left-leaning tree.
      const spine: Extract<GoExpr, { kind: 'binary' }>[] = [];
      let cur: GoExpr = e;
      while (cur.kind === 'binary') {
        spine.push(cur);
        cur = cur.x;
      }
      let acc = convert(cur, syntax, src, errors);
      for (let i = spine.length - 1; i >= 0; i--) {
        const b = spine[i]!;
        const right = convert(b.y, syntax, src, errors);
        if (b.op !== '&&' && b.op !== '||') {
          const hint = b.op === '&' ? ' Use `&&` for AND.' : b.op === '|' ? ' Use `||` for OR.' : ' Only `&&`, `||` and `!` combine matchers.';
          acc = err(errors, 'RULE_UNSUPPORTED_OPERATOR', `The operator \`${b.op}\` is not supported in rules.${hint}`, b.opStart, b.opStart + b.op.length);
        } else {
          acc = acc && right ? { type: b.op === '&&' ? 'and' : 'or', left: acc, right, range: { start: b.start, end: b.end } } : null;
        }
      }
      return acc;
    }
    case 'unary': {
      const operand = convert(e.x, syntax, src, errors);
      if (e.op !== '!') {
        const hint = e.op === '-' || e.op === '^' || e.op === '~' ? ' Use `!` to negate a matcher.' : ' Only `&&`, `||` and `!` combine matchers.';
        return err(errors, 'RULE_UNSUPPORTED_OPERATOR', `The operator \`${e.op}\` is not supported in rules.${hint}`, e.opStart, e.opStart + e.op.length);
      }
      return operand && { type: 'not', operand, range: { start: e.start, end: e.end } };
    }
    case 'call': {
      if (e.fun.kind !== 'ident') {
        const text = src.slice(e.fun.start, e.fun.end);
        if (e.fun.kind === 'selector') return err(errors, 'RULE_UNKNOWN_MATCHER', `\`${text}\` is not a matcher: matcher names have no dots (e.g. Host, PathPrefix).`, e.fun.start, e.fun.end);
        return err(errors, 'RULE_NOT_A_MATCHER', 'Only a matcher name can be called, e.g. Host(`example.com`).', e.fun.start, e.fun.end);
      }
      const args: RuleArg[] = [];
      let bad = false;
      for (const a of e.args) {
        if (a.kind === 'lit' && a.tok.kind === 'string') args.push({ value: a.tok.value ?? '', range: { start: a.start, end: a.end } });
        else {
          bad = true;
          err(errors, 'RULE_NON_STRING_ARG', nonStringMessage(a, src), a.start, a.end);
        }
      }
      if (bad) return null;
      const spelled = e.fun.name;
      return { type: 'matcher', name: canonicalName(spelled, syntax) ?? spelled, spelled, args, range: { start: e.start, end: e.end } };
    }
    case 'ident': {
      const known = canonicalName(e.name, syntax);
      const msg = known
        ? `\`${e.name}\` needs its arguments: write it as a call, e.g. ${known}(\`…\`).`
        : `\`${e.name}\` is not a matcher call; a rule combines calls such as Host(\`example.com\`) with \`&&\`, \`||\` and \`!\`.`;
      return err(errors, 'RULE_NOT_A_MATCHER', msg, e.start, e.end);
    }
    case 'lit':
      return err(errors, 'RULE_NOT_A_MATCHER', 'A value on its own is not a rule; pass it to a matcher, e.g. Host(`example.com`).', e.start, e.end);
    default:
      return err(errors, 'RULE_NOT_A_MATCHER', `\`${src.slice(e.start, Math.min(e.end, e.start + 40))}\` is not a matcher call; a rule combines calls such as Host(\`example.com\`).`, e.start, e.end);
  }
}

/**
 * Parses a rule like Traefik does for the given syntax ('v2' → v2 matchers, else v3). Never throws.
 * `ast` is null when the text is not a boolean expression of matcher calls with string arguments;
 * it is kept when only leaves are wrong (unknown matcher, arity, values) — Traefik accepts the
 * router only when `errors` is empty.
 *
 * @example
 * parseRule('Host(`a.com`) && PathPrefix(`/api`)', 'v3').errors // []
 * parseRule('Host(`a.com`, `b.com`)', 'v3').errors[0].code // 'RULE_ARITY'
 */
export function parseRule(rule: string, syntax: RuleSyntax): { ast: RuleNode | null; errors: RuleError[] } {
  const src = typeof rule === 'string' ? rule : String(rule ?? '');
  const table: RuleSyntax = syntax === 'v2' ? 'v2' : 'v3';
  // The provider, the runtime checks, the graph, the routing table and the review all parse the same
  // rules, analysis after analysis: a rule is parsed once. ASTs are shared, so they are read-only.
  if (!keepParsed) return parseUncached(src, table);
  const parsed = (table === 'v2' ? parsedV2 : parsedV3)(src);
  return { ast: parsed.ast, errors: [...parsed.errors] };
}

let keepParsed = true;

/**
 * `f()`, with parseRule keeping nothing it parses (what it kept before stays kept). For one pass over a
 * workspace, whose rules are each parsed once and not asked for again: the CLI's validate and export.
 * Keeping 12,500 rule trees to the end of such a pass cost validate of 5,000 IngressRoutes ~4 %, the
 * garbage collector copying them (alternated runs of the built CLI: 1,212 against 1,173 ms).
 *
 * @example
 * const analysis = parsingRulesOnce(() => analyze(files, settings));
 */
export function parsingRulesOnce<T>(f: () => T): T {
  const before = keepParsed;
  keepParsed = false;
  try {
    return f();
  } finally {
    keepParsed = before;
  }
}

const parsedV2 = memoByText((src): { ast: RuleNode | null; errors: readonly RuleError[] } => parseUncached(src, 'v2'));
const parsedV3 = memoByText((src): { ast: RuleNode | null; errors: readonly RuleError[] } => parseUncached(src, 'v3'));

function parseUncached(src: string, table: RuleSyntax): { ast: RuleNode | null; errors: RuleError[] } {
  try {
    if (/^[ \t\r\n]*$/.test(src)) {
      return { ast: null, errors: [{ code: 'RULE_EMPTY', message: 'The rule is empty; write at least one matcher, e.g. Host(`example.com`).', offset: 0, length: src.length }] };
    }
    const parsed = parseGoExpr(src);
    primeDomains(src, parsed.expr);
    if (!parsed.expr) return { ast: null, errors: parsed.error ? [parsed.error] : [] };
    const errors: RuleError[] = [];
    const ast = convert(parsed.expr, table, src, errors);
    if (!ast) return { ast: null, errors: sortErrors(errors) };
    forEachLeaf(ast, (leaf: MatcherNode) => {
      errors.push(...leafErrors(leaf, table));
    });
    if (table === 'v2') rememberV2(ast);
    return { ast, errors: sortErrors(errors) };
  } catch (e) {
    return { ast: null, errors: [{ code: 'RULE_SYNTAX', message: `The rule could not be analysed (${e instanceof Error ? e.message : String(e)}).`, offset: 0, length: src.length }] };
  }
}

function sortErrors(errors: RuleError[]): RuleError[] {
  return errors.sort((a, b) => a.offset - b.offset);
}
