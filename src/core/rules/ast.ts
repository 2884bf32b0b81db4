// Mirrors pkg/rules/parser.go (the Tree a rule parses into), kept as an AST with source ranges, plus
// iterative walks over it.
/**
 * The shapes the rules module exchanges with the rest of the core: the rule AST, parse errors, the
 * request as matchers see it, and the evaluation trace. Offsets are UTF-16 offsets into the rule.
 */
import type { Range } from '../types.ts';

/** Every error code the rule parser can report (catalogued in codes.ts). */
export type RuleErrorCode =
  | 'RULE_EMPTY'
  | 'RULE_SYNTAX'
  | 'RULE_LINE_BREAK'
  | 'RULE_UNBALANCED'
  | 'RULE_BAD_STRING'
  | 'RULE_UNSUPPORTED_OPERATOR'
  | 'RULE_NOT_A_MATCHER'
  | 'RULE_TOO_DEEP'
  | 'RULE_UNKNOWN_MATCHER'
  | 'RULE_NO_ARGS'
  | 'RULE_EMPTY_ARG'
  | 'RULE_ARITY'
  | 'RULE_NON_STRING_ARG'
  | 'RULE_NON_ASCII_HOST'
  | 'RULE_PATH_SLASH'
  | 'RULE_BAD_REGEX'
  | 'RULE_BAD_IP'
  | 'RULE_V2_ODD_PAIRS'
  | 'RULE_V2_QUERY_FORMAT'
  | 'RULE_V2_TEMPLATE';

/** A problem found while parsing a rule: `offset`/`length` in UTF-16 code units of the rule string. */
export interface RuleError {
  code: RuleErrorCode;
  message: string;
  offset: number;
  length: number;
}

/** One string argument of a matcher: its decoded value and the range of the literal, quotes included. */
export interface RuleArg {
  value: string;
  range: Range;
}

export type RuleNode =
  | { type: 'and' | 'or'; left: RuleNode; right: RuleNode; range: Range }
  | { type: 'not'; operand: RuleNode; range: Range }
  | {
      type: 'matcher';
      /** Canonical name (`PathPrefix`), or the spelling itself when the matcher is unknown. */
      name: string;
      /** The name as written (`pathprefix`). */
      spelled: string;
      args: RuleArg[];
      range: Range;
    };

export type MatcherNode = Extract<RuleNode, { type: 'matcher' }>;

/** The request as Traefik's matchers see it (after the entryPoint pipeline and the request decorator). */
export interface RoutingRequest {
  method: string;
  /** Canonical host (§1.4): port and brackets stripped, trimmed, lower-cased. */
  host: string;
  /** Routing path (§1.4): escaped path with the non-reserved escapes decoded. */
  path: string;
  query: Record<string, string[]>;
  /** Canonical header keys, one value per header line. */
  headers: Record<string, string[]>;
  /** `req.RemoteAddr`: an IP, optionally with a port (`10.0.0.1:5678`, `[::1]:80`). */
  clientIP: string;
  /** req.Host before canonicalisation, for v2 HostRegexp (mux strips only the port). */
  rawHost: string;
}

/** What happened to one matcher leaf during an evaluation. */
export interface LeafTrace {
  node: MatcherNode;
  range: Range;
  /** False when short-circuiting made the leaf irrelevant (Traefik does not run it either). */
  evaluated: boolean;
  /** The matcher's own answer, before any NOT above it is applied. */
  result?: boolean;
  /** Under an odd number of NOTs: the leaf counts for the rule when `result` is false. */
  negated: boolean;
  explanation: string;
}

/** Documentation of one matcher for completion and hover. */
export interface MatcherDoc {
  name: string;
  syntax: 'v2' | 'v3';
  signature: string;
  arity: string;
  doc: string;
}

// ---------------------------------------------------------------------------------------------
// Iterative walks: long `&&`/`||` chains (a deep left spine) must not exhaust the JS stack.

/**
 * Calls `visit` on every matcher leaf, left to right, with whether it sits under an odd number of NOTs.
 *
 * @example
 * forEachLeaf(ast, (leaf, negated) => console.log(leaf.name, negated))
 */
export function forEachLeaf(ast: RuleNode, visit: (leaf: MatcherNode, negated: boolean) => void): void {
  const stack: [RuleNode, boolean][] = [[ast, false]];
  while (stack.length > 0) {
    const [n, neg] = stack.pop()!;
    switch (n.type) {
      case 'matcher':
        visit(n, neg);
        break;
      case 'not':
        stack.push([n.operand, !neg]);
        break;
      default:
        stack.push([n.right, neg], [n.left, neg]);
    }
  }
}

/**
 * The operands of a chain of the same boolean operator, flattened along the left spine:
 * `(a || b) || c` gives [a, b, c]. A right operand of the same type stays one operand.
 *
 * @example
 * chain(parse('a || b || c'), 'or').length // 3
 */
export function chain(n: RuleNode, type: 'and' | 'or'): RuleNode[] {
  const rights: RuleNode[] = [];
  let cur = n;
  while (cur.type === type) {
    const bin = cur as Extract<RuleNode, { type: 'and' | 'or' }>;
    rights.push(bin.right);
    cur = bin.left;
  }
  rights.push(cur);
  return rights.reverse();
}

/** Number of matcher leaves under a node. */
export function leafCount(n: RuleNode): number {
  let count = 0;
  forEachLeaf(n, () => count++);
  return count;
}
