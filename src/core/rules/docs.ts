// Mirrors the matcher tables of pkg/muxer/http/matcher.go (v3) and matcher_v2.go (v2) as
// documentation for completion and hover; the descriptions are our own.
import type { MatcherDoc } from './ast.ts';

const v3 = (name: string, signature: string, arity: string, doc: string): MatcherDoc => ({ name, syntax: 'v3', signature, arity, doc });
const v2 = (name: string, signature: string, arity: string, doc: string): MatcherDoc => ({ name, syntax: 'v2', signature, arity, doc });

/** One entry per matcher and syntax, v3 first. */
export const MATCHER_DOCS: MatcherDoc[] = [
  v3('Host', 'Host(domain)', '1',
    'True when the request host (port removed, lower-cased) equals `domain`, ignoring case and one trailing dot. ' +
    'Since Traefik 3.7.0 a leading `*.` matches exactly one extra label (`*.example.com` fits `api.example.com`, not `example.com`); ' +
    'since 3.7.7 `Host(`*`)` matches every request. Non-ASCII domains must be written in punycode.'),
  v3('HostRegexp', 'HostRegexp(regexp)', '1',
    'True when the Go RE2 pattern matches somewhere in the lower-cased request host (anchor it with `^…$`). ' +
    'A pattern that matches the empty string matches every request, because Traefik also tests the empty CNAME-flattened host.'),
  v3('Path', 'Path(path)', '1',
    'True when the request path is exactly `path` (no trailing-slash or case folding). Escaped characters other than reserved ones are decoded first, so `/a b` matches `/a%20b`. Must start with `/`.'),
  v3('PathPrefix', 'PathPrefix(prefix)', '1',
    'True when the request path starts with `prefix`, byte for byte: `/api` also matches `/apis` and `/api/v1`. Must start with `/`.'),
  v3('PathRegexp', 'PathRegexp(regexp)', '1',
    'True when the Go RE2 pattern matches somewhere in the request path; anchor it with `^` to test from the start.'),
  v3('Method', 'Method(method)', '1',
    'True when the request method equals `method` (upper-cased). A request sent with a lower-case method never matches.'),
  v3('Header', 'Header(name, value)', '2',
    'True when one line of header `name` (case-insensitive name) equals `value` exactly. Comma-separated values on one line are not split.'),
  v3('HeaderRegexp', 'HeaderRegexp(name, regexp)', '2',
    'True when the Go RE2 pattern matches somewhere in one value of header `name`.'),
  v3('Query', 'Query(key[, value])', '1 or 2',
    'True when query parameter `key` is present with `value` among its values; without `value`, the parameter must be present with an empty value (`?key` or `?key=`).'),
  v3('QueryRegexp', 'QueryRegexp(key[, regexp])', '1 or 2',
    'True when query parameter `key` has a value matched by the Go RE2 pattern. With one argument it behaves like Query(key).'),
  v3('ClientIP', 'ClientIP(ip or cidr)', '1',
    'True when the address of the TCP peer (or the PROXY-protocol source) is the IP or lies in the CIDR range. X-Forwarded-For is never used.'),
  v2('Host', 'Host(domain, …)', '1 or more',
    'True when the lower-cased request host equals one of the domains (one trailing dot ignored). No wildcards: `*` is a literal character.'),
  v2('HostHeader', 'HostHeader(domain, …)', '1 or more', 'Same as Host in the v2 syntax.'),
  v2('HostRegexp', 'HostRegexp(template, …)', '1 or more',
    'True when the request host matches one of the templates, whole and case-insensitively. Literal text is matched as is; `{name}` stands for one label and `{name:regexp}` for the pattern.'),
  v2('Path', 'Path(template, …)', '1 or more',
    'True when the whole request path matches one of the templates; `{name}` stands for one path segment and `{name:regexp}` for the pattern.'),
  v2('PathPrefix', 'PathPrefix(template, …)', '1 or more',
    'True when the request path starts with a match of one of the templates (`{name}` = one segment, `{name:regexp}` = the pattern).'),
  v2('Method', 'Method(method, …)', '1 or more', 'True when the request method is one of the listed methods (upper-cased).'),
  v2('Headers', 'Headers(name, value, …)', 'pairs',
    'True when every name/value pair holds: a line of header `name` equals `value`. A name repeated in the list keeps only its last value.'),
  v2('HeadersRegexp', 'HeadersRegexp(name, regexp, …)', 'pairs',
    'True when, for every pair, a value of header `name` is matched (anywhere) by the Go RE2 pattern.'),
  v2('Query', 'Query(key=value, …)', '1 or more',
    'True when, for every `key=value`, the first value of `key` fits `value` (a template; `key=` accepts any value). All pairs must hold.'),
  v2('ClientIP', 'ClientIP(ip or cidr, …)', '1 or more',
    'True when the TCP peer address is one of the IPs or lies in one of the CIDR ranges. X-Forwarded-For is never used.'),
];
