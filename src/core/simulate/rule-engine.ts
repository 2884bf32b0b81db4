// Bridge to src/core/rules (pkg/rules/parser.go, pkg/muxer/http/matcher*.go, mux.go ParseDomains): the only file
// of the simulator that knows the rules module's API; everything else uses CompiledRule / RuleTree.
import { assertNever } from '../diagnostic.ts';
import { buildRoutingRequest as rulesRequest, evaluateRule, parseDomains, parseRule, type LeafTrace, type RoutingRequest, type RuleErrorCode, type RuleNode } from '../rules/index.ts';
import type { Settings } from '../types.ts';
import type { CompiledRule, RoutingInput, RuleEvaluation, RuleTree } from './compiled.ts';

/**
 * Converts the rules AST into our RuleTree; leaf text is the rule's own source.
 *
 * @example
 * toRuleTree(parseRule('!Host(`a`)', 'v3').ast, '!Host(`a`)') // { type: 'not', child: { type: 'leaf', matcher: 'Host', … } }
 */
export function toRuleTree(node: RuleNode, source: string): RuleTree {
  switch (node.type) {
    case 'and':
    case 'or':
      return { type: node.type, left: toRuleTree(node.left, source), right: toRuleTree(node.right, source) };
    case 'not':
      return { type: 'not', child: toRuleTree(node.operand, source) };
    case 'matcher':
      return { type: 'leaf', matcher: node.name, args: node.args.map((a) => a.value), text: source.slice(node.range.start, node.range.end), range: node.range, node };
    default:
      return assertNever(node);
  }
}

function describe(rule: string, matched: boolean, decidedBy: LeafTrace | null, trace: LeafTrace[]): RuleEvaluation {
  if (!decidedBy) return { matched, because: matched ? 'the rule matches' : 'the rule does not match', trace };
  const text = rule.slice(decidedBy.range.start, decidedBy.range.end);
  const explanation = (decidedBy.explanation || `${text} ${decidedBy.result ? 'holds' : 'does not hold'}`).replace(/\.$/, '');
  return {
    matched,
    because: decidedBy.negated ? `${explanation}, and the rule negates it` : explanation,
    decidedBy: { text, range: decidedBy.range, explanation: decidedBy.explanation },
    trace,
  };
}

/**
 * Parses a rule once and returns an evaluator with traces. Never throws.
 *
 * @example
 * compileRule('Host(`a.com`) && PathPrefix(`/api`)', 'v3', settings).ok // true
 */
export function compileRule(rule: string, syntax: 'v2' | 'v3', settings: Pick<Settings, 'target' | 'version'> | null): CompiledRule {
  const parsed = parseRule(rule, syntax);
  const errors = parsed.errors.map((e) => e.message);
  const ast = parsed.ast;
  const ok = errors.length === 0 && ast !== null;
  const tree = ast ? toRuleTree(ast, rule) : null;
  const options = { syntax, target: settings?.target ?? 'v3', version: settings?.version ?? '3.7.9' };
  return {
    rule, syntax, ok, errors, tree,
    evaluate(request: unknown): RuleEvaluation {
      if (!ok || !ast) return { matched: false, because: `rule error: ${errors.join('; ')}`, trace: [] };
      const r = evaluateRule(ast, request as RoutingRequest, options);
      return describe(rule, r.matched, r.decidedBy, r.trace);
    },
    evaluateLeaf(leaf, request) {
      return evaluateRule(leaf.node as RuleNode, request as RoutingRequest, options).matched;
    },
  };
}

const STRUCTURAL: ReadonlySet<RuleErrorCode> = new Set(['RULE_EMPTY', 'RULE_SYNTAX', 'RULE_LINE_BREAK', 'RULE_UNBALANCED', 'RULE_BAD_STRING', 'RULE_UNSUPPORTED_OPERATOR', 'RULE_NOT_A_MATCHER', 'RULE_TOO_DEEP', 'RULE_NON_STRING_ARG']);

/**
 * Domains of Host matchers (`ParseDomains`, for the TLS option table); undefined when ParseDomains fails
 * (not a tree of known v2/v3 matcher calls with string arguments): Traefik then adds no entry.
 *
 * @example
 * domainsOf('Host(`A.com`) || PathPrefix(`/`)') // ['a.com']
 */
export function domainsOf(rule: string): string[] | undefined {
  const domains = parseDomains(rule);
  if (domains.length > 0) return domains;
  const v3 = parseRule(rule, 'v3').errors;
  if (v3.some((e) => STRUCTURAL.has(e.code))) return undefined;
  const unknownIn = (errs: { code: RuleErrorCode }[]) => errs.some((e) => e.code === 'RULE_UNKNOWN_MATCHER');
  if (unknownIn(v3) && unknownIn(parseRule(rule, 'v2').errors)) return undefined;
  return [];
}

/**
 * The routing request for a (pre-processed) HTTP request, with its canonical host and routing path.
 *
 * @example
 * buildRoutingRequest({ method: 'GET', host: 'A.com:80', escapedPath: '/x', rawQuery: '', headers: {}, clientIP: '10.0.0.1' }).canonicalHost // 'a.com'
 */
export function buildRoutingRequest(input: RoutingInput): { request: RoutingRequest; canonicalHost: string; routingPath: string } {
  const request = rulesRequest(input);
  return { request, canonicalHost: request.host, routingPath: request.path };
}
