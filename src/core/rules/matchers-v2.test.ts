// Cases modelled on pkg/muxer/http/matcher_v2_test.go (v2 syntax in Traefik v3) and the v2.11
// mux_test.go, written anew.
import { describe } from 'vitest';
import { itMatches, itRejects } from './test-support.ts';

describe('ClientIP (v2)', () => {
  itRejects('v2', [
    { desc: 'not an IP', rule: 'ClientIP(`1`)', code: 'RULE_BAD_IP' },
    { desc: 'no parameter', rule: 'ClientIP()', code: 'RULE_NO_ARGS' },
    { desc: 'empty parameter', rule: 'ClientIP(``)', code: 'RULE_EMPTY_ARG' },
    { desc: 'second entry invalid', rule: 'ClientIP(`10.0.0.1`, `invalid`)', code: 'RULE_BAD_IP', at: [21, 9] },
  ]);
  itMatches('v2', [
    { desc: 'several entries, second matches', rule: 'ClientIP(`127.0.0.1`, `192.168.1.0/24`)', request: { url: 'http://a', clientIP: '192.168.1.5' }, expected: true },
    { desc: 'non-matching IP', rule: 'ClientIP(`10.10.1.1`)', request: { url: 'http://tchouk/toto', clientIP: '10.0.0.0' }, expected: false },
    { desc: 'non-matching IPv6', rule: 'ClientIP(`10::10`)', request: { url: 'http://tchouk/toto', clientIP: '::1' }, expected: false },
    { desc: 'matching IP with port', rule: 'ClientIP(`10.0.0.0`)', request: { url: 'http://tchouk/toto', clientIP: '10.0.0.0:8456' }, expected: true },
    { desc: 'matching IPv6', rule: 'ClientIP(`10::10`)', request: { url: 'http://tchouk/toto', clientIP: '10::10' }, expected: true },
    { desc: 'matching among several IPs', rule: 'ClientIP(`10.0.0.1`, `10.0.0.0`)', request: { url: 'http://tchouk/toto', clientIP: '10.0.0.0' }, expected: true },
    { desc: 'non-matching CIDR', rule: 'ClientIP(`11.0.0.0/24`)', request: { url: 'http://tchouk/toto', clientIP: '10.0.0.0' }, expected: false },
    { desc: 'non-matching IPv6 CIDR', rule: 'ClientIP(`11::/16`)', request: { url: 'http://tchouk/toto', clientIP: '10::' }, expected: false },
    { desc: 'matching CIDR', rule: 'ClientIP(`10.0.0.0/16`)', request: { url: 'http://tchouk/toto', clientIP: '10.0.0.0' }, expected: true },
    { desc: 'matching IPv6 CIDR', rule: 'ClientIP(`10::/16`)', request: { url: 'http://tchouk/toto', clientIP: '10::10' }, expected: true },
    { desc: 'matching among several CIDRs', rule: 'ClientIP(`11.0.0.0/16`, `10.0.0.0/16`)', request: { url: 'http://tchouk/toto', clientIP: '10.0.0.0' }, expected: true },
    { desc: 'CIDR then matching IP', rule: 'ClientIP(`11.0.0.0/16`, `10.0.0.0`)', request: { url: 'http://tchouk/toto', clientIP: '10.0.0.0' }, expected: true },
  ]);
});

describe('Method (v2)', () => {
  itRejects('v2', [
    { desc: 'no parameter', rule: 'Method()', code: 'RULE_NO_ARGS' },
    { desc: 'empty parameter', rule: 'Method(``)', code: 'RULE_EMPTY_ARG' },
    { desc: 'one empty among several', rule: 'Method(`GET`, ``)', code: 'RULE_EMPTY_ARG', at: [14, 2] },
  ]);
  itMatches('v2', [
    { desc: 'several methods, first', rule: 'Method(`GET`, `POST`)', request: { url: 'http://a', method: 'GET' }, expected: true },
    { desc: 'several methods, second', rule: 'Method(`GET`, `POST`)', request: { url: 'http://a', method: 'POST' }, expected: true },
    { desc: 'several methods, none', rule: 'Method(`GET`, `POST`)', request: { url: 'http://a', method: 'PUT' }, expected: false },
    { desc: 'lower-case rule', rule: 'Method(`get`)', request: { url: 'http://a', method: 'GET' }, expected: true },
    { desc: 'lower-case request method', rule: 'Method(`GET`)', request: { url: 'http://a', method: 'get' }, expected: false },
  ]);
});

describe('Host (v2)', () => {
  itRejects('v2', [
    { desc: 'no parameter', rule: 'Host()', code: 'RULE_NO_ARGS' },
    { desc: 'empty parameter', rule: 'Host(``)', code: 'RULE_EMPTY_ARG' },
    { desc: 'non-ASCII', rule: 'Host(`🦭.com`)', code: 'RULE_NON_ASCII_HOST' },
    { desc: 'non-ASCII second host', rule: 'Host(`a.com`, `locàlhost`)', code: 'RULE_NON_ASCII_HOST', at: [18, 1] },
  ]);
  itMatches('v2', [
    { desc: 'many parameters, first', rule: 'Host(`example.com`, `example.org`)', request: 'https://example.com', expected: true },
    { desc: 'many parameters, second with path', rule: 'Host(`example.com`, `example.org`)', request: 'https://example.org/path', expected: true },
    { desc: 'many parameters, none', rule: 'Host(`example.com`, `example.org`)', request: 'https://example.net', expected: false },
    { desc: 'port ignored', rule: 'Host(`example.com`)', request: 'https://example.com:8080', expected: true },
    { desc: 'upper-case request', rule: 'Host(`example.com`)', request: 'https://EXAMPLE.COM/path', expected: true },
    { desc: 'upper-case rule', rule: 'Host(`EXAMPLE.COM`)', request: 'https://example.com', expected: true },
    { desc: 'trailing dot in rule', rule: 'Host(`localhost.`)', request: 'http://localhost/foo', expected: true },
    { desc: 'trailing dot in request', rule: 'Host(`localhost`)', request: 'http://localhost./foo', expected: true },
    { desc: 'trailing dot in both', rule: 'Host(`localhost.`)', request: 'http://localhost./foo', expected: true },
    { desc: 'IPv6', rule: 'Host(`10::10`)', request: 'http://[10::10]/foo', expected: true },
    { desc: 'no wildcard in v2', rule: 'Host(`*.example.com`)', request: 'https://a.example.com', expected: false },
    { desc: 'comma inside one argument is literal', rule: 'Host(`nope,localhost`)', request: 'http://localhost/foo', expected: false },
    { desc: 'HostHeader is Host', rule: 'HostHeader(`localhost`)', request: 'http://localhost/foo', expected: true },
    { desc: 'HostHeader other host', rule: 'HostHeader(`localhost`)', request: 'http://bar/foo', expected: false },
    { desc: 'empty host', rule: 'Host(`localhost`)', request: '/foo', expected: false },
    { desc: 'a host one letter shorter', rule: 'Host(`a.com`)', request: 'http://a.co/', expected: false },
    { desc: 'a host one letter longer', rule: 'Host(`a.com`)', request: 'http://a.comx/', expected: false },
  ]);
});

describe('HostRegexp (v2)', () => {
  itRejects('v2', [
    { desc: 'no parameter', rule: 'HostRegexp()', code: 'RULE_NO_ARGS' },
    { desc: 'empty parameter', rule: 'HostRegexp(``)', code: 'RULE_EMPTY_ARG' },
    { desc: 'non-ASCII', rule: 'HostRegexp(`🦭.com`)', code: 'RULE_NON_ASCII_HOST' },
    { desc: 'unbalanced braces', rule: 'HostRegexp(`{sub.example.com`)', code: 'RULE_V2_TEMPLATE', at: [12, 1] },
    { desc: 'closing brace first', rule: 'HostRegexp(`sub}.example.com`)', code: 'RULE_V2_TEMPLATE', at: [15, 1] },
    { desc: 'empty variable name', rule: 'HostRegexp(`{:[a-z]+}.example.com`)', code: 'RULE_V2_TEMPLATE', at: [12, 9] },
    { desc: 'empty pattern', rule: 'HostRegexp(`{sub:}.example.com`)', code: 'RULE_V2_TEMPLATE' },
    { desc: 'invalid pattern inside braces', rule: 'HostRegexp(`{sub:(a}.example.com`)', code: 'RULE_BAD_REGEX' },
  ]);
  itMatches('v2', [
    { desc: 'plain string with a regexp character is literal', rule: 'HostRegexp(`(example.com`)', request: 'https://example.com', expected: false },
    { desc: 'many parameters, first', rule: 'HostRegexp(`example.com`, `example.org`)', request: 'https://example.com:8080', expected: true },
    { desc: 'many parameters, second', rule: 'HostRegexp(`example.com`, `example.org`)', request: 'https://example.org/path', expected: true },
    { desc: 'literal dot is quoted', rule: 'HostRegexp(`foo.bar.com`)', request: 'http://fooubar.com', expected: false },
    { desc: 'case-insensitive literal', rule: 'HostRegexp(`foo.bar.com`)', request: 'http://FOO.bar.com', expected: true },
    { desc: 'anchored: no partial match', rule: 'HostRegexp(`bar.com`)', request: 'http://foo.bar.com', expected: false },
    { desc: 'template with class', rule: 'HostRegexp(`{domain:[a-zA-Z-]+\\.com}`)', request: 'https://example.com/path', expected: true },
    { desc: 'template with class, other TLD', rule: 'HostRegexp(`{domain:[a-zA-Z-]+\\.com}`)', request: 'https://example.org', expected: false },
    { desc: 'upper-case class is case-insensitive', rule: 'HostRegexp(`^[A-Z]+\\.com$`)', request: 'https://example.com', expected: false },
    { desc: 'capturing group, with subdomain', rule: 'HostRegexp(`{subdomain:(foo\\.)?bar\\.com}`)', request: 'http://foo.bar.com', expected: true },
    { desc: 'capturing group, without subdomain', rule: 'HostRegexp(`{subdomain:(foo\\.)?bar\\.com}`)', request: 'http://bar.com', expected: true },
    { desc: 'capturing group, no dot', rule: 'HostRegexp(`{subdomain:(foo\\.)?bar\\.com}`)', request: 'http://barcom', expected: false },
    { desc: 'non-capturing group', rule: 'HostRegexp(`{subdomain:(?:foo\\.)?bar\\.com}`)', request: 'http://fooubar.com', expected: false },
    { desc: 'insensitive template', rule: 'HostRegexp(`{dummy:[a-z-]+\\.bar\\.com}`)', request: 'http://FOO.bar.com', expected: true },
    { desc: 'default variable is one label', rule: 'HostRegexp(`{sub}.example.com`)', request: 'https://api.example.com', expected: true },
    { desc: 'default variable is not two labels', rule: 'HostRegexp(`{sub}.example.com`)', request: 'https://a.b.example.com', expected: false },
    { desc: 'raw host with brackets (mux keeps them)', rule: 'HostRegexp(`::1`)', request: 'http://[::1]/', expected: false },
  ]);
});

describe('Path (v2)', () => {
  itRejects('v2', [
    { desc: 'no parameter', rule: 'Path()', code: 'RULE_NO_ARGS' },
    { desc: 'empty parameter', rule: 'Path(``)', code: 'RULE_EMPTY_ARG' },
    { desc: 'no leading /', rule: 'Path(`css`)', code: 'RULE_PATH_SLASH', at: [5, 5] },
    { desc: 'second path without /', rule: 'Path(`/css`, `js`)', code: 'RULE_PATH_SLASH', at: [13, 4] },
    { desc: 'unbalanced template', rule: 'Path(`/{id`)', code: 'RULE_V2_TEMPLATE', at: [7, 1] },
    { desc: 'bad template pattern', rule: 'Path(`/{id:[0-9}`)', code: 'RULE_BAD_REGEX' },
    { desc: 'a closing brace too many', rule: 'Path(`/{a}}`)', code: 'RULE_V2_TEMPLATE', at: [10, 1] },
    { desc: 'an inner brace never closed points at the outer one', rule: 'Path(`/{a{b}`)', code: 'RULE_V2_TEMPLATE', at: [7, 1] },
    { desc: 'empty name before a pattern', rule: 'Path(`/x/{:[0-9]+}`)', code: 'RULE_V2_TEMPLATE', at: [9, 9] },
    { desc: 'a bad pattern in the second variable', rule: 'Path(`/{a}/{b:(}`)', code: 'RULE_BAD_REGEX', at: [11, 5] },
    { desc: "a group named like mux's own (v1) breaks the whole template", rule: 'Path(`/{a:(?P<v1>x)}/{b}`)', code: 'RULE_BAD_REGEX', at: [6, 18] },
    { desc: 'an escaped literal: the error covers the whole argument', rule: 'Path("/{a:(?P<v1>x)}/\\x7b{b}")', code: 'RULE_V2_TEMPLATE', at: [5, 24] },
    { desc: 'an unbalanced pattern points at its variable', rule: 'Path(`/{a:x)(}`)', code: 'RULE_BAD_REGEX', at: [7, 7] },
  ]);
  itMatches('v2', [
    { desc: 'many parameters, first', rule: 'Path(`/css`, `/js`)', request: 'https://example.com/css', expected: true },
    { desc: 'many parameters, second', rule: 'Path(`/css`, `/js`)', request: 'https://example.com/js', expected: true },
    { desc: 'many parameters, deeper', rule: 'Path(`/css`, `/js`)', request: 'https://example.com/js/main.js', expected: false },
    { desc: 'trailing slash differs', rule: 'Path(`/css`)', request: 'https://example.com/css/', expected: false },
    { desc: 'template with optional suffix', rule: 'Path(`/css{path:(/.*)?}`)', request: 'https://example.com/css/main.css', expected: true },
    { desc: 'template, nested', rule: 'Path(`/css{path:(/.*)?}`)', request: 'https://example.com/css/components/component.css', expected: true },
    { desc: 'template, other prefix', rule: 'Path(`/css{path:(/.*)?}`)', request: 'https://example.com/css.css', expected: false },
    { desc: 'default variable is one segment', rule: 'Path(`/users/{id}`)', request: 'https://example.com/users/42', expected: true },
    { desc: 'default variable is not two segments', rule: 'Path(`/users/{id}`)', request: 'https://example.com/users/42/x', expected: false },
    { desc: 'literal dot is quoted', rule: 'Path(`/a.b`)', request: 'https://example.com/axb', expected: false },
    { desc: 'case-sensitive', rule: 'Path(`/a`)', request: 'https://example.com/A', expected: false },
    { desc: 'routing path is decoded', rule: 'Path(`/foo bar`)', request: 'https://example.com/foo%20bar', expected: true },
    // containous/mux regexp.go: braceIndices keeps nested braces inside one variable, SplitN(":", 2) splits name and pattern.
    { desc: 'nested braces in a pattern', rule: 'Path(`/{id:[0-9]{2}}`)', request: 'https://example.com/12', expected: true },
    { desc: 'nested braces in a pattern, three digits', rule: 'Path(`/{id:[0-9]{2}}`)', request: 'https://example.com/123', expected: false },
    { desc: 'a colon inside the pattern', rule: 'Path(`/{a:x:y}`)', request: 'https://example.com/x:y', expected: true },
    { desc: 'two variables', rule: 'Path(`/{a}/{b}`)', request: 'https://example.com/1/2', expected: true },
    { desc: 'two variables, one segment', rule: 'Path(`/{a}/{b}`)', request: 'https://example.com/1', expected: false },
    { desc: 'literal after a variable', rule: 'Path(`/{a}.json`)', request: 'https://example.com/x.json', expected: true },
    { desc: 'literal after a variable is quoted', rule: 'Path(`/{a}.json`)', request: 'https://example.com/xxjson', expected: false },
    { desc: 'a variable pattern is a group: alternation stays inside', rule: 'Path(`/{a:x|y}/z`)', request: 'https://example.com/x', expected: false },
    { desc: 'a variable pattern is a group: second alternative', rule: 'Path(`/{a:x|y}/z`)', request: 'https://example.com/y/z', expected: true },
  ]);
});

describe('PathPrefix (v2)', () => {
  itRejects('v2', [
    { desc: 'no parameter', rule: 'PathPrefix()', code: 'RULE_NO_ARGS' },
    { desc: 'empty parameter', rule: 'PathPrefix(``)', code: 'RULE_EMPTY_ARG' },
    { desc: 'no leading /', rule: 'PathPrefix(`css`)', code: 'RULE_PATH_SLASH' },
    { desc: 'empty template name', rule: 'PathPrefix(`/{}`)', code: 'RULE_V2_TEMPLATE' },
  ]);
  itMatches('v2', [
    { desc: 'many parameters, css', rule: 'PathPrefix(`/css`, `/js`)', request: 'https://example.com/css/main.css', expected: true },
    { desc: 'many parameters, js', rule: 'PathPrefix(`/css`, `/js`)', request: 'https://example.com/js/', expected: true },
    { desc: 'many parameters, html', rule: 'PathPrefix(`/css`, `/js`)', request: 'https://example.com/html', expected: false },
    { desc: 'root', rule: 'PathPrefix("/css")', request: 'https://example.com', expected: false },
    { desc: 'template with digits', rule: 'PathPrefix(`/css-{name:[0-9]?}`)', request: 'https://example.com/css-1/main.css', expected: true },
    { desc: 'template, more digits still a prefix', rule: 'PathPrefix(`/css-{name:[0-9]?}`)', request: 'https://example.org/css-222/main.css', expected: true },
    { desc: 'template, other path', rule: 'PathPrefix(`/css-{name:[0-9]?}`)', request: 'https://example.com/css.css', expected: false },
    { desc: 'byte prefix', rule: 'PathPrefix(`/foo`)', request: 'http://localhost/foobar', expected: true },
  ]);
});

describe('Headers (v2)', () => {
  const req = (headers: Record<string, string | string[]>) => ({ url: 'https://example.com', headers });
  itRejects('v2', [
    { desc: 'no parameter', rule: 'Headers()', code: 'RULE_NO_ARGS' },
    { desc: 'missing value parameter', rule: 'Headers(`X-Forwarded-Host`)', code: 'RULE_V2_ODD_PAIRS', at: [8, 18] },
    { desc: 'empty value parameter', rule: 'Headers(`X-Forwarded-Host`, ``)', code: 'RULE_EMPTY_ARG' },
    { desc: 'empty key parameter', rule: 'Headers(``, `example.com`)', code: 'RULE_EMPTY_ARG' },
    { desc: 'odd count', rule: 'Headers(`X-Forwarded-Host`, `example.com`, `example.org`)', code: 'RULE_V2_ODD_PAIRS', at: [43, 13] },
    { desc: 'v3 Header is unknown in v2', rule: 'Header(`X`, `y`)', code: 'RULE_UNKNOWN_MATCHER', at: [0, 6] },
  ]);
  itMatches('v2', [
    { desc: 'value matches', rule: 'Headers(`X-Forwarded-Proto`, `https`)', request: req({ 'X-Forwarded-Proto': 'https' }), expected: true },
    { desc: 'second value line', rule: 'Headers(`X-Forwarded-Proto`, `https`)', request: req({ 'X-Forwarded-Proto': ['http', 'https'] }), expected: true },
    { desc: 'other header', rule: 'Headers(`X-Forwarded-Proto`, `https`)', request: req({ 'X-Forwarded-Host': 'example.com' }), expected: false },
    { desc: 'non-canonical rule key', rule: 'Headers(`x-forwarded-proto`, `https`)', request: req({ 'X-Forwarded-Proto': 'https' }), expected: true },
    { desc: 'all pairs must hold', rule: 'Headers(`X-A`, `1`, `X-B`, `2`)', request: req({ 'X-A': '1', 'X-B': '2' }), expected: true },
    { desc: 'all pairs must hold, one missing', rule: 'Headers(`X-A`, `1`, `X-B`, `2`)', request: req({ 'X-A': '1' }), expected: false },
    { desc: 'repeated name keeps the last value', rule: 'Headers(`X-A`, `1`, `X-A`, `2`)', request: req({ 'X-A': '2' }), expected: true },
    { desc: 'repeated name drops the first value', rule: 'Headers(`X-A`, `1`, `X-A`, `2`)', request: req({ 'X-A': '1' }), expected: false },
    { desc: 'Content-Type exact', rule: 'Headers(`Content-Type`,`application/json`)', request: req({ 'Content-Type': 'application/json' }), expected: true },
    { desc: 'Content-Type different', rule: 'Headers(`Content-Type`,`application/foo`)', request: req({ 'Content-Type': 'application/json' }), expected: false },
  ]);
});

describe('HeadersRegexp (v2)', () => {
  const req = (headers: Record<string, string | string[]>) => ({ url: 'https://example.com', headers });
  itRejects('v2', [
    { desc: 'no parameter', rule: 'HeadersRegexp()', code: 'RULE_NO_ARGS' },
    { desc: 'missing value parameter', rule: 'HeadersRegexp(`X-Forwarded-Host`)', code: 'RULE_V2_ODD_PAIRS' },
    { desc: 'empty value parameter', rule: 'HeadersRegexp(`X-Forwarded-Host`, ``)', code: 'RULE_EMPTY_ARG' },
    { desc: 'invalid regexp', rule: 'HeadersRegexp(`X-Forwarded-Host`,`(example.com`)', code: 'RULE_BAD_REGEX', at: [33, 14] },
    { desc: 'odd count', rule: 'HeadersRegexp(`X-Forwarded-Host`, `example.com`, `example.org`)', code: 'RULE_V2_ODD_PAIRS' },
  ]);
  itMatches('v2', [
    { desc: 'http', rule: 'HeadersRegexp(`X-Forwarded-Proto`, `^https?$`)', request: req({ 'X-Forwarded-Proto': 'http' }), expected: true },
    { desc: 'HTTPS is case-sensitive', rule: 'HeadersRegexp(`X-Forwarded-Proto`, `^https?$`)', request: req({ 'X-Forwarded-Proto': 'HTTPS' }), expected: false },
    { desc: 'any value line', rule: 'HeadersRegexp(`X-Forwarded-Proto`, `^https?$`)', request: req({ 'X-Forwarded-Proto': ['ws', 'https'] }), expected: true },
    { desc: 'template syntax is plain RE2 here', rule: 'HeadersRegexp(`X-Forwarded-Proto`, `http{secure:s?}`)', request: req({ 'X-Forwarded-Proto': 'http{secure:}' }), expected: true },
    { desc: 'template syntax, real value', rule: 'HeadersRegexp(`X-Forwarded-Proto`, `http{secure:s?}`)', request: req({ 'X-Forwarded-Proto': 'https' }), expected: false },
    { desc: 'alternation', rule: 'HeadersRegexp(`Content-Type`, `application/(text|json)`)', request: req({ 'Content-Type': 'application/text' }), expected: true },
  ]);
});

describe('Query (v2)', () => {
  itRejects('v2', [
    { desc: 'no parameter', rule: 'Query()', code: 'RULE_NO_ARGS' },
    { desc: 'key without =', rule: 'Query(`mobile`)', code: 'RULE_V2_QUERY_FORMAT', at: [6, 8] },
    { desc: 'pair then bare key', rule: 'Query(`a=1`, `b`)', code: 'RULE_V2_QUERY_FORMAT', at: [13, 3] },
    { desc: 'bad value template', rule: 'Query(`id={n:[0-9}`)', code: 'RULE_BAD_REGEX' },
    { desc: 'unbalanced value template', rule: 'Query(`id={n`)', code: 'RULE_V2_TEMPLATE' },
    { desc: 'same variable twice', rule: 'Query(`a={x}`, `b={x}`)', code: 'RULE_V2_TEMPLATE', at: [15, 7] },
    { desc: 'QueryRegexp is v3 only', rule: 'QueryRegexp(`a`, `b`)', code: 'RULE_UNKNOWN_MATCHER' },
  ]);
  itMatches('v2', [
    { desc: 'multiple params, both present', rule: 'Query(`foo=bar`, `bar=baz`)', request: 'http://localhost/foo?foo=bar&bar=baz', expected: true },
    { desc: 'multiple params, one missing', rule: 'Query(`foo=bar`, `bar=baz`)', request: 'http://localhost/foo?bar=baz', expected: false },
    { desc: 'value containing =', rule: 'Query(`foo=b=ar`)', request: 'http://localhost/foo?foo=b=ar', expected: true },
    { desc: 'value containing =, other value', rule: 'Query(`foo=b=ar`)', request: 'http://localhost/foo?foo=bar', expected: false },
    { desc: 'only the first value counts', rule: 'Query(`q=b`)', request: 'http://localhost/?q=a&q=b', expected: false },
    { desc: 'first value matches', rule: 'Query(`q=a`)', request: 'http://localhost/?q=a&q=b', expected: true },
    { desc: 'empty value accepts any value', rule: 'Query(`q=`)', request: 'http://localhost/?q=whatever', expected: true },
    { desc: 'empty value accepts an empty value', rule: 'Query(`q=`)', request: 'http://localhost/?q', expected: true },
    { desc: 'empty value still needs the key', rule: 'Query(`q=`)', request: 'http://localhost/?r=1', expected: false },
    { desc: 'value template', rule: 'Query(`id={id:[0-9]+}`)', request: 'http://localhost/?id=42', expected: true },
    { desc: 'value template mismatch', rule: 'Query(`id={id:[0-9]+}`)', request: 'http://localhost/?id=x42', expected: false },
    { desc: 'default query variable is anything', rule: 'Query(`id={id}`)', request: 'http://localhost/?id=', expected: true },
    { desc: 'two bare arguments pair up as key and value', rule: 'Query(`a`, `b`)', request: 'http://localhost/?a=b', expected: true },
    { desc: 'anchored: no partial value', rule: 'Query(`q=abc`)', request: 'http://localhost/?q=abcd', expected: false },
    { desc: 'an empty key (strings.SplitN gives "" and "v")', rule: 'Query(`=v`)', request: 'http://localhost/?=v', expected: true },
  ]);
});

describe('v2 combinations (mux_test.go Test_addRoute)', () => {
  itMatches('v2', [
    { desc: 'Host OR Host, first', rule: 'Host(`tchouk`) || Host(`pouet`)', request: 'http://tchouk/toto', expected: true },
    { desc: 'multiple host AND path, second host', rule: '(Host("tchouk","pouet")) && Path("/powpow")', request: 'http://pouet/powpow', expected: true },
    { desc: 'multiple host AND multiple path', rule: 'Host("tchouk","pouet") && Path("/powpow", "/titi")', request: 'http://pouet/titi', expected: true },
    { desc: 'NOT over multiple hosts and paths', rule: '!(Host("tchouk","pouet") && Path("/powpow", "/titi"))', request: 'http://tchouk/titi', expected: false },
    { desc: 'NOT over multiple hosts and paths, other path', rule: '!(Host("tchouk","pouet") && Path("/powpow", "/titi"))', request: 'http://pouet/toto', expected: true },
    { desc: 'UPPER spelling', rule: '(HOST("tchouk") && PATHPREFIX("/titi"))', request: 'http://tchouk/titi', expected: true },
    { desc: 'Title spelling', rule: '(Host("tchouk") && Pathprefix("/titi"))', request: 'http://tchouk/powpow', expected: false },
  ]);
});
