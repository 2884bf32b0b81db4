/**
 * core/rules: Traefik's HTTP rule language (pkg/muxer/http, pkg/rules, vulcand/predicate): parsing
 * with exact error ranges, the request values matchers see, evaluation with a trace, priorities,
 * domains, printing, v2 → v3 conversion and matcher docs.
 */
export type { LeafTrace, MatcherDoc, MatcherNode, RoutingRequest, RuleArg, RuleError, RuleErrorCode, RuleNode } from './ast.ts';
export { parseRule, parsingRulesOnce } from './parser.ts';
export { canonicalHost, routingPath, parseQuery, canonicalHeaderKey, buildRoutingRequest } from './canonical.ts';
export { evaluateRule, type EvaluateOptions } from './evaluate.ts';
export { rulePriority, MAX_USER_PRIORITY } from './priority.ts';
export { parseDomains } from './domains.ts';
export { printRule, goStringLiteral } from './print.ts';
export { MATCHER_DOCS } from './docs.ts';
export { convertV2ToV3 } from './convert.ts';
export { RULE_CODES } from './codes.ts';
export { runRulesJsonlLine } from './jsonl.ts';
export { generateRules } from './generate.ts';
