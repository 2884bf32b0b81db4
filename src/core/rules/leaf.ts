// Mirrors pkg/muxer/http/mux.go matchersTree.addRule (leaf branch): rules.CheckRule (no args, empty
// args), then the matcher's builder behind expectNParameters (arity) from the syntax's table.
import type { RuleSyntax } from '../types.ts';
import type { MatcherNode, RuleError } from './ast.ts';
import type { LeafMatch } from './matcher-kit.ts';
import { argError } from './matcher-kit.ts';
import { tableFor, unknownMatcherMessage } from './names.ts';

export interface CheckedLeaf {
  errors: RuleError[];
  /** Null when the leaf has errors: Traefik would not build the router. */
  match: LeafMatch | null;
}

/**
 * Each node's checked leaf per syntax is kept on the node under a symbol, not enumerable (equality in
 * tests, JSON and structured clone do not see it). A WeakMap from every leaf of every rule cost more at
 * 12,500 rules than the checks: its sets, and ephemerons that every garbage collection traces. Nodes
 * that cannot take a property (frozen) use the WeakMap.
 */
const CHECKED: Readonly<Record<RuleSyntax, symbol>> = { v2: Symbol('checked leaf v2'), v3: Symbol('checked leaf v3') };
const frozenCache = new WeakMap<MatcherNode, Partial<Record<RuleSyntax, CheckedLeaf>>>();

const ONE_VALUE_HINT: Record<string, string> = {
  Host: 'Host(`a.example.com`) || Host(`b.example.com`)',
  Path: 'Path(`/a`) || Path(`/b`)',
  PathPrefix: 'PathPrefix(`/a`) || PathPrefix(`/b`)',
  Method: 'Method(`GET`) || Method(`POST`)',
  ClientIP: 'ClientIP(`10.0.0.1`) || ClientIP(`10.0.0.2`)',
  HostRegexp: 'HostRegexp(`^(a|b)\\.example\\.com$`)',
  PathRegexp: 'PathRegexp(`^/(a|b)`)',
};

// Every matcher with a fixed arity is in ONE_VALUE_HINT ([1]), a Header pair ([2]) or a Query ([1, 2]);
// v2 matchers are variadic and never get here.
function arityMessage(name: string, got: number): string {
  const hint = ONE_VALUE_HINT[name];
  if (hint) return `${name} takes exactly 1 argument in v3 syntax, got ${got}; to accept several values write ${hint}.`;
  if (name === 'Header' || name === 'HeaderRegexp') return `${name} takes a header name and a ${name === 'Header' ? 'value' : 'pattern'}, e.g. ${name}(\`X-Env\`, \`${name === 'Header' ? 'prod' : '^prod$'}\`); got ${got} argument${got === 1 ? '' : 's'}.`;
  return `${name} takes a key and an optional ${name === 'Query' ? 'value' : 'pattern'}, e.g. ${name}(\`page\`, \`${name === 'Query' ? '2' : '^[0-9]+$'}\`); got ${got} arguments. Join several with \`&&\`.`;
}

/** The example a matcher written without arguments is shown with (`(\`example.com\`)` for the Host family). */
const NO_ARGS_EXAMPLE: Record<string, string> = {
  Header: '(`X-Env`, `prod`)',
  Headers: '(`X-Env`, `prod`)',
  HeaderRegexp: '(`X-Env`, `^prod$`)',
  HeadersRegexp: '(`X-Env`, `^prod$`)',
  Path: '(`/api`)',
  PathPrefix: '(`/api`)',
  PathRegexp: '(`^/api`)',
  Method: '(`GET`)',
  ClientIP: '(`10.0.0.0/8`)',
  QueryRegexp: '(`page`, `^[0-9]+$`)',
};

function check(node: MatcherNode, syntax: RuleSyntax): CheckedLeaf {
  const def = tableFor(syntax)[node.name];
  if (!def) {
    return { errors: [{ code: 'RULE_UNKNOWN_MATCHER', message: unknownMatcherMessage(node.spelled, syntax), offset: node.range.start, length: node.spelled.length }], match: null };
  }
  const args = node.args;
  if (args.length === 0) {
    const example = node.name === 'Query' ? (syntax === 'v2' ? '(`page=2`)' : '(`page`)') : (NO_ARGS_EXAMPLE[node.name] ?? '(`example.com`)');
    return { errors: [{ code: 'RULE_NO_ARGS', message: `${node.spelled}() has no arguments; give it a value, e.g. ${node.name}${example}.`, offset: node.range.start, length: node.range.end - node.range.start }], match: null };
  }
  const empties = args.filter((a) => a.value === '');
  if (empties.length > 0) {
    return { errors: empties.map((a) => argError('RULE_EMPTY_ARG', `Empty argument in ${node.spelled}: Traefik rejects empty strings; give it a value or remove the argument.`, a)), match: null };
  }
  if (def.arity !== 'variadic' && !def.arity.includes(args.length)) {
    const max = Math.max(...def.arity);
    const extra = args.length > max ? args.slice(max) : null;
    const range = extra ? { start: extra[0]!.range.start, end: extra[extra.length - 1]!.range.end } : node.range;
    return { errors: [{ code: 'RULE_ARITY', message: arityMessage(node.name, args.length), offset: range.start, length: range.end - range.start }], match: null };
  }
  const built = def.build(args);
  return built.ok ? { errors: [], match: built.match } : { errors: built.errors, match: null };
}

/**
 * The errors of a matcher leaf for a syntax, without keeping its matcher: what the parser asks of every
 * leaf of every rule. The leaf is checked again, and kept, when a request is first evaluated against it
 * (checkLeaf). Keeping every leaf's check at parse time — a property added to each node, holding the
 * matcher's closure — made `validate` of 5,000 IngressRoutes (24,000 leaves) ~8 % slower, nearly all of it
 * garbage collection (measured: 1,276 against 1,178 ms, alternated runs of the built CLI).
 *
 * @example
 * leafErrors(node, 'v3') // [] for Host(`a.com`)
 */
export function leafErrors(node: MatcherNode, syntax: RuleSyntax): readonly RuleError[] {
  return (keptCheck(node, syntax) ?? check(node, syntax)).errors;
}

/** The check kept for a node and syntax (on the node, or for a frozen node in frozenCache), if any. */
function keptCheck(node: MatcherNode, syntax: RuleSyntax): CheckedLeaf | undefined {
  const key = CHECKED[syntax];
  return key !== undefined && Object.isExtensible(node) ? (node as unknown as Record<symbol, CheckedLeaf | undefined>)[key] : frozenCache.get(node)?.[syntax];
}

/**
 * Validates a matcher leaf for a syntax and builds its matcher, once per node and syntax.
 *
 * @example
 * checkLeaf(node, 'v3').errors // [] for Host(`a.com`)
 */
export function checkLeaf(node: MatcherNode, syntax: RuleSyntax): CheckedLeaf {
  const kept = keptCheck(node, syntax);
  if (kept !== undefined) return kept;
  const checked = check(node, syntax);
  const key = CHECKED[syntax];
  if (key !== undefined && Object.isExtensible(node)) Object.defineProperty(node, key, { value: checked });
  else {
    let entry = frozenCache.get(node);
    if (!entry) frozenCache.set(node, (entry = {}));
    entry[syntax] = checked;
  }
  return checked;
}
