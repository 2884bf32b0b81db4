/**
 * The rule family's fragment of the diagnostics catalog (merged by validate/codes.ts). Every rule
 * error makes Traefik drop the router, so all of them are errors.
 */
import type { CodeInfo } from '../types.ts';
import type { RuleErrorCode } from './ast.ts';

const rule = (summary: string): CodeInfo => ({ severity: 'error', family: 'rule', summary });

export const RULE_CODES: Record<RuleErrorCode, CodeInfo> = {
  RULE_EMPTY: rule('The rule is empty or only whitespace; a router needs at least one matcher.'),
  RULE_SYNTAX: rule('The rule is not a valid Go expression of matcher calls joined by `&&`, `||` and `!`.'),
  RULE_LINE_BREAK: rule('A line break inside the rule ends it early (Go inserts a semicolon after `)`, a string or a name).'),
  RULE_UNBALANCED: rule('Parentheses do not pair up: a `(` is never closed or a `)` has no opening partner.'),
  RULE_BAD_STRING: rule('A string literal is malformed: unterminated, or with an escape Go does not know.'),
  RULE_UNSUPPORTED_OPERATOR: rule('An operator other than `&&`, `||` and `!` (for example `&`, `|`, `==`, `-`).'),
  RULE_NOT_A_MATCHER: rule('Something that is not a matcher call stands where a matcher is expected (a bare name or string).'),
  RULE_TOO_DEEP: rule('The rule nests parentheses or `!` too deeply, or chains too many `&&`/`||`, to be analysed.'),
  RULE_UNKNOWN_MATCHER: rule('A matcher name the route\'s rule syntax does not define, or a spelling Traefik does not accept.'),
  RULE_NO_ARGS: rule('A matcher is called without arguments.'),
  RULE_EMPTY_ARG: rule('A matcher argument is the empty string.'),
  RULE_ARITY: rule('A matcher gets more or fewer arguments than it takes.'),
  RULE_NON_STRING_ARG: rule('A matcher argument is not a string literal (a number, a rune in single quotes, a name, a call…).'),
  RULE_NON_ASCII_HOST: rule('A Host or HostRegexp argument contains non-ASCII characters; use the punycode form.'),
  RULE_PATH_SLASH: rule('A Path or PathPrefix argument does not start with `/`.'),
  RULE_BAD_REGEX: rule('A regular expression Go\'s RE2 engine rejects (look-around, back-references, bad syntax).'),
  RULE_BAD_IP: rule('A ClientIP argument is neither an IP address nor a CIDR range.'),
  RULE_V2_ODD_PAIRS: rule('v2 Headers/HeadersRegexp need name/value pairs: an even number of arguments.'),
  RULE_V2_QUERY_FORMAT: rule('v2 Query arguments must be `key=value` pairs.'),
  RULE_V2_TEMPLATE: rule('A v2 `{name:pattern}` template is malformed: unbalanced braces, empty name or pattern.'),
};

