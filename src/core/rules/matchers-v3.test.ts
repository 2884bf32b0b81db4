// Cases modelled on pkg/muxer/http/matcher_test.go and mux_test.go (v3 syntax), written anew.
import { describe } from 'vitest';
import { itMatches, itRejects } from './test-support.ts';

describe('ClientIP', () => {
  itRejects('v3', [
    { desc: 'not an IP', rule: 'ClientIP(`1`)', code: 'RULE_BAD_IP', at: [9, 3] },
    { desc: 'no parameter', rule: 'ClientIP()', code: 'RULE_NO_ARGS', at: [0, 10] },
    { desc: 'empty parameter', rule: 'ClientIP(``)', code: 'RULE_EMPTY_ARG', at: [9, 2] },
    { desc: 'too many parameters', rule: 'ClientIP(`127.0.0.1`, `192.168.1.0/24`)', code: 'RULE_ARITY', at: [22, 16] },
    { desc: 'IPv4 with leading zero', rule: 'ClientIP(`10.0.0.01`)', code: 'RULE_BAD_IP' },
    { desc: 'octet above 255', rule: 'ClientIP(`10.0.0.256`)', code: 'RULE_BAD_IP' },
    { desc: 'CIDR prefix too long', rule: 'ClientIP(`10.0.0.0/33`)', code: 'RULE_BAD_IP' },
    { desc: 'IPv6 CIDR prefix too long', rule: 'ClientIP(`fd00::/129`)', code: 'RULE_BAD_IP' },
    { desc: 'IPv6 zone', rule: 'ClientIP(`fe80::1%eth0`)', code: 'RULE_BAD_IP' },
    { desc: 'hostname', rule: 'ClientIP(`localhost`)', code: 'RULE_BAD_IP' },
    { desc: 'range with a dash', rule: 'ClientIP(`10.0.0.1-10.0.0.9`)', code: 'RULE_BAD_IP' },
    { desc: 'IP with port', rule: 'ClientIP(`10.0.0.1:80`)', code: 'RULE_BAD_IP' },
  ]);
  itMatches('v3', [
    { desc: 'exact IP', rule: 'ClientIP(`127.0.0.1`)', request: { url: 'https://example.com', clientIP: '127.0.0.1' }, expected: true },
    { desc: 'exact IP with port in remote address', rule: 'ClientIP(`127.0.0.1`)', request: { url: 'https://example.com', clientIP: '127.0.0.1:60000' }, expected: true },
    { desc: 'other IP', rule: 'ClientIP(`127.0.0.1`)', request: { url: 'https://example.com', clientIP: '127.0.0.2' }, expected: false },
    { desc: 'remote address is not an IP', rule: 'ClientIP(`127.0.0.1`)', request: { url: 'https://example.com', clientIP: 'example.org' }, expected: false },
    { desc: 'empty remote address', rule: 'ClientIP(`127.0.0.1`)', request: { url: 'https://example.com', clientIP: '' }, expected: false },
    { desc: 'inside CIDR', rule: 'ClientIP(`192.168.1.0/24`)', request: { url: 'https://example.com', clientIP: '192.168.1.77' }, expected: true },
    { desc: 'CIDR network address', rule: 'ClientIP(`192.168.1.0/24`)', request: { url: 'https://example.com', clientIP: '192.168.1.0' }, expected: true },
    { desc: 'outside CIDR', rule: 'ClientIP(`192.168.1.0/24`)', request: { url: 'https://example.com', clientIP: '192.168.2.1' }, expected: false },
    { desc: 'CIDR with host bits set', rule: 'ClientIP(`192.168.1.7/24`)', request: { url: 'https://example.com', clientIP: '192.168.1.200' }, expected: true },
    { desc: 'IPv6 exact', rule: 'ClientIP(`::1`)', request: { url: 'https://example.com', clientIP: '[::1]:443' }, expected: true },
    { desc: 'IPv6 in CIDR', rule: 'ClientIP(`fd00::/8`)', request: { url: 'https://example.com', clientIP: 'fd12:3456::1' }, expected: true },
    { desc: 'IPv6 outside CIDR', rule: 'ClientIP(`fd00::/8`)', request: { url: 'https://example.com', clientIP: 'fe80::1' }, expected: false },
    { desc: 'IPv4 rule equals IPv4-mapped client', rule: 'ClientIP(`10.0.0.1`)', request: { url: 'https://example.com', clientIP: '[::ffff:10.0.0.1]:1234' }, expected: true },
    { desc: 'IPv4 CIDR contains IPv4-mapped client', rule: 'ClientIP(`10.0.0.0/8`)', request: { url: 'https://example.com', clientIP: '::ffff:10.9.8.7' }, expected: true },
    { desc: 'IPv6 ::/0 does not contain IPv4', rule: 'ClientIP(`::/0`)', request: { url: 'https://example.com', clientIP: '10.0.0.1' }, expected: false },
    { desc: 'IPv4 0.0.0.0/0 does not contain IPv6', rule: 'ClientIP(`0.0.0.0/0`)', request: { url: 'https://example.com', clientIP: '::1' }, expected: false },
    { desc: 'zoned client address', rule: 'ClientIP(`fe80::1`)', request: { url: 'https://example.com', clientIP: 'fe80::1%eth0' }, expected: true },
    { desc: 'X-Forwarded-For is ignored', rule: 'ClientIP(`1.2.3.4`)', request: { url: 'https://example.com', clientIP: '10.0.0.1', headers: { 'X-Forwarded-For': '1.2.3.4' } }, expected: false },
  ]);
});

describe('Method', () => {
  itRejects('v3', [
    { desc: 'no parameter', rule: 'Method()', code: 'RULE_NO_ARGS' },
    { desc: 'empty parameter', rule: 'Method(``)', code: 'RULE_EMPTY_ARG', at: [7, 2] },
    { desc: 'too many parameters', rule: 'Method(`GET`, `POST`)', code: 'RULE_ARITY', at: [14, 6] },
  ]);
  itMatches('v3', [
    { desc: 'GET matches GET', rule: 'Method(`GET`)', request: { url: 'https://example.com', method: 'GET' }, expected: true },
    { desc: 'GET does not match POST', rule: 'Method(`GET`)', request: { url: 'https://example.com', method: 'POST' }, expected: false },
    { desc: 'lower-case rule is upper-cased', rule: 'Method(`get`)', request: { url: 'https://example.com', method: 'GET' }, expected: true },
    { desc: 'lower-case request method never matches', rule: 'Method(`GET`)', request: { url: 'https://example.com', method: 'get' }, expected: false },
    { desc: 'custom method', rule: 'Method(`PURGE`)', request: { url: 'https://example.com', method: 'PURGE' }, expected: true },
  ]);
});

describe('Host', () => {
  itRejects('v3', [
    { desc: 'no parameter', rule: 'Host()', code: 'RULE_NO_ARGS', at: [0, 6] },
    { desc: 'empty parameter', rule: 'Host(``)', code: 'RULE_EMPTY_ARG', at: [5, 2] },
    { desc: 'non-ASCII (emoji)', rule: 'Host(`🦭.com`)', code: 'RULE_NON_ASCII_HOST', at: [6, 1] },
    { desc: 'non-ASCII in a double-quoted escape', rule: 'Host("caf\\u00e9.com")', code: 'RULE_NON_ASCII_HOST', at: [5, 15] },
    { desc: 'too many parameters', rule: 'Host(`example.com`, `example.org`)', code: 'RULE_ARITY', at: [20, 13] },
  ]);
  itMatches('v3', [
    { desc: 'same host', rule: 'Host(`example.com`)', request: 'https://example.com', expected: true },
    { desc: 'port is ignored', rule: 'Host(`example.com`)', request: 'https://example.com:8080', expected: true },
    { desc: 'path is irrelevant', rule: 'Host(`example.com`)', request: 'https://example.com/path', expected: true },
    { desc: 'request host in upper case', rule: 'Host(`example.com`)', request: 'https://EXAMPLE.COM/path', expected: true },
    { desc: 'other host', rule: 'Host(`example.com`)', request: 'https://example.org', expected: false },
    { desc: 'rule in upper case', rule: 'Host(`EXAMPLE.COM`)', request: 'https://example.com', expected: true },
    { desc: 'rule with trailing dot', rule: 'Host(`example.com.`)', request: 'https://example.com', expected: true },
    { desc: 'rule with trailing dot, request too', rule: 'Host(`example.com.`)', request: 'https://example.com.', expected: true },
    { desc: 'request with trailing dot', rule: 'Host(`example.com`)', request: 'https://example.com./path', expected: true },
    { desc: 'trailing dot on another host', rule: 'Host(`example.com`)', request: 'https://example.org.', expected: false },
    { desc: 'punycode', rule: 'Host(`xn--9t9h.com`)', request: 'https://xn--9t9h.com', expected: true },
    { desc: 'IPv4 host', rule: 'Host(`127.0.0.1`)', request: 'http://127.0.0.1/foo', expected: true },
    { desc: 'IPv6 host (brackets stripped)', rule: 'Host(`10::10`)', request: 'http://[10::10]/foo', expected: true },
    { desc: 'IPv6 host with port', rule: 'Host(`::1`)', request: 'http://[::1]:8443/', expected: true },
    { desc: 'rule with brackets never matches', rule: 'Host(`[::1]`)', request: 'http://[::1]/', expected: false },
    { desc: 'rule with a port never matches', rule: 'Host(`example.com:8080`)', request: 'https://example.com:8080', expected: false },
    { desc: 'subdomain is another host', rule: 'Host(`example.com`)', request: 'https://www.example.com', expected: false },
    { desc: 'empty host never matches', rule: 'Host(`example.com`)', request: '/path', expected: false },
    { desc: 'wildcard matches one label', rule: 'Host(`*.example.com`)', request: 'https://test.example.com', expected: true },
    { desc: 'wildcard matches another label', rule: 'Host(`*.example.com`)', request: 'https://other.example.com', expected: true },
    { desc: 'wildcard does not match the apex', rule: 'Host(`*.example.com`)', request: 'https://example.com', expected: false },
    { desc: 'wildcard does not match two labels', rule: 'Host(`*.example.com`)', request: 'https://a.b.example.com', expected: false },
    { desc: 'wildcard does not match a similar domain', rule: 'Host(`*.example.com`)', request: 'https://test.otherexample.com', expected: false },
    { desc: 'wildcard, upper-case request', rule: 'Host(`*.example.com`)', request: 'https://API.Example.com', expected: true },
    { desc: 'wildcard before 3.7.0 is literal', rule: 'Host(`*.example.com`)', request: 'https://test.example.com', expected: false, version: '3.6.20' },
    { desc: '* matches everything (3.7.7+)', rule: 'Host(`*`)', request: 'https://test.example.com', expected: true },
    { desc: '* matches localhost', rule: 'Host(`*`)', request: 'https://localhost', expected: true },
    { desc: '* matches an empty host (3.7.7+)', rule: 'Host(`*`)', request: '/path', expected: true },
    { desc: '* in 3.7.6 matches single-label hosts', rule: 'Host(`*`)', request: 'https://localhost', expected: true, version: '3.7.6' },
    { desc: '* in 3.7.6 does not match dotted hosts', rule: 'Host(`*`)', request: 'https://example.com', expected: false, version: '3.7.6' },
    { desc: '* in 3.7.0 does not match an empty host', rule: 'Host(`*`)', request: '/path', expected: false, version: '3.7.0' },
    { desc: '* before 3.7.0 is literal', rule: 'Host(`*`)', request: 'https://localhost', expected: false, version: '3.6.9' },
  ]);
});

describe('HostRegexp', () => {
  itRejects('v3', [
    { desc: 'no parameter', rule: 'HostRegexp()', code: 'RULE_NO_ARGS' },
    { desc: 'empty parameter', rule: 'HostRegexp(``)', code: 'RULE_EMPTY_ARG' },
    { desc: 'non-ASCII', rule: 'HostRegexp(`🦭.com`)', code: 'RULE_NON_ASCII_HOST', at: [12, 1] },
    { desc: 'invalid regexp', rule: 'HostRegexp(`(example.com`)', code: 'RULE_BAD_REGEX', at: [11, 14] },
    { desc: 'look-ahead is not RE2', rule: 'HostRegexp(`^(?!www).*$`)', code: 'RULE_BAD_REGEX' },
    { desc: 'back-reference is not RE2', rule: 'HostRegexp(`(a)\\1`)', code: 'RULE_BAD_REGEX' },
    { desc: 'too many parameters', rule: 'HostRegexp(`example.com`, `example.org`)', code: 'RULE_ARITY' },
  ]);
  itMatches('v3', [
    { desc: 'anchored class matches', rule: 'HostRegexp(`^[a-zA-Z-]+\\.com$`)', request: 'https://example.com', expected: true },
    { desc: 'port ignored', rule: 'HostRegexp(`^[a-zA-Z-]+\\.com$`)', request: 'https://example.com:8080', expected: true },
    { desc: 'anchored class, other TLD', rule: 'HostRegexp(`^[a-zA-Z-]+\\.com$`)', request: 'https://example.org', expected: false },
    { desc: 'upper-case class never matches (host is lower-cased)', rule: 'HostRegexp(`^[A-Z]+\\.com$`)', request: 'https://EXAMPLE.com', expected: false },
    { desc: 'v2 template braces are literal', rule: 'HostRegexp(`{domain:[a-zA-Z-]+\\.com}`)', request: 'https://example.com', expected: false },
    { desc: 'unanchored pattern matches inside', rule: 'HostRegexp(`example`)', request: 'https://www.example.org', expected: true },
    { desc: '(?i) flag', rule: 'HostRegexp(`(?i)^API\\.`)', request: 'https://api.example.com', expected: true },
    { desc: 'pattern matching "" matches everything (CNAME flattening off)', rule: 'HostRegexp(`^$`)', request: 'https://example.com', expected: true },
    { desc: 'optional pattern matches everything', rule: 'HostRegexp(`x?`)', request: 'https://example.com', expected: true },
    { desc: 'empty host with .+', rule: 'HostRegexp(`^.+$`)', request: '/path', expected: false },
    { desc: 'subdomain alternation', rule: 'HostRegexp(`^(api|www)\\.example\\.com$`)', request: 'https://www.example.com', expected: true },
    { desc: 'subdomain alternation, other', rule: 'HostRegexp(`^(api|www)\\.example\\.com$`)', request: 'https://cdn.example.com', expected: false },
  ]);
});

describe('Path', () => {
  itRejects('v3', [
    { desc: 'no parameter', rule: 'Path()', code: 'RULE_NO_ARGS' },
    { desc: 'empty parameter', rule: 'Path(``)', code: 'RULE_EMPTY_ARG' },
    { desc: 'no leading /', rule: 'Path(`css`)', code: 'RULE_PATH_SLASH', at: [5, 5] },
    { desc: 'too many parameters', rule: 'Path(`/css`, `/js`)', code: 'RULE_ARITY', at: [13, 5] },
  ]);
  itMatches('v3', [
    { desc: 'root is not /css', rule: 'Path(`/css`)', request: 'https://example.com', expected: false },
    { desc: 'other path', rule: 'Path(`/css`)', request: 'https://example.com/html', expected: false },
    { desc: 'exact path', rule: 'Path(`/css`)', request: 'https://example.org/css', expected: true },
    { desc: 'trailing slash differs', rule: 'Path(`/css`)', request: 'https://example.com/css/', expected: false },
    { desc: 'deeper path differs', rule: 'Path(`/css`)', request: 'https://example.com/css/main.css', expected: false },
    { desc: 'case differs', rule: 'Path(`/css`)', request: 'https://example.com/CSS', expected: false },
    { desc: 'query is not part of the path', rule: 'Path(`/css`)', request: 'https://example.com/css?x=1', expected: true },
    { desc: 'encoded space is decoded', rule: 'Path(`/foo bar`)', request: 'https://example.com/foo%20bar', expected: true },
    { desc: 'encoded slash stays encoded', rule: 'Path(`/foo/bar`)', request: 'https://example.com/foo%2Fbar', expected: false },
    { desc: 'rule with encoded slash matches it', rule: 'Path(`/foo%2Fbar`)', request: 'https://example.com/foo%2Fbar', expected: true },
    { desc: 'UTF-8 escapes are decoded', rule: 'Path(`/café`)', request: 'https://example.com/caf%C3%A9', expected: true },
    { desc: 'regex characters are literal', rule: 'Path(`/a.b`)', request: 'https://example.com/axb', expected: false },
  ]);
});

describe('PathRegexp', () => {
  itRejects('v3', [
    { desc: 'no parameter', rule: 'PathRegexp()', code: 'RULE_NO_ARGS' },
    { desc: 'empty parameter', rule: 'PathRegexp(``)', code: 'RULE_EMPTY_ARG' },
    { desc: 'invalid regexp', rule: 'PathRegexp(`/(css`)', code: 'RULE_BAD_REGEX', at: [11, 7] },
    { desc: 'look-behind', rule: 'PathRegexp(`(?<=/api)/x`)', code: 'RULE_BAD_REGEX' },
    { desc: 'too many parameters', rule: 'PathRegexp(`/css`, `/js`)', code: 'RULE_ARITY' },
  ]);
  itMatches('v3', [
    { desc: 'root', rule: 'PathRegexp(`^/(css|js)`)', request: 'https://example.com', expected: false },
    { desc: 'html', rule: 'PathRegexp(`^/(css|js)`)', request: 'https://example.com/html', expected: false },
    { desc: 'css', rule: 'PathRegexp(`^/(css|js)`)', request: 'https://example.org/css', expected: true },
    { desc: 'CSS is case-sensitive', rule: 'PathRegexp(`^/(css|js)`)', request: 'https://example.com/CSS', expected: false },
    { desc: 'css/', rule: 'PathRegexp(`^/(css|js)`)', request: 'https://example.com/css/', expected: true },
    { desc: 'js/main.js', rule: 'PathRegexp(`^/(css|js)`)', request: 'https://example.com/js/main.js', expected: true },
    { desc: 'v2 template is literal text', rule: 'PathRegexp("/{path:(css|js)}")', request: 'https://example.com/css', expected: false },
    { desc: 'v2 template literal matches the literal braces', rule: 'PathRegexp("/{path:(css|js)}")', request: 'https://example.com/{path:css}', expected: true },
    { desc: 'encoded braces are decoded first', rule: 'PathRegexp("/{path:(css|js)}")', request: 'https://example.com/%7Bpath:js%7D/', expected: true },
    { desc: 'no leading slash needed, unanchored', rule: 'PathRegexp(`\\.png$`)', request: 'https://example.com/img/a.png', expected: true },
    { desc: '(?i) flag', rule: 'PathRegexp(`(?i)^/API`)', request: 'https://example.com/api/x', expected: true },
  ]);
});

describe('PathPrefix', () => {
  itRejects('v3', [
    { desc: 'no parameter', rule: 'PathPrefix()', code: 'RULE_NO_ARGS' },
    { desc: 'empty parameter', rule: 'PathPrefix(``)', code: 'RULE_EMPTY_ARG' },
    { desc: 'no leading /', rule: 'PathPrefix(`css`)', code: 'RULE_PATH_SLASH', at: [11, 5] },
    { desc: 'too many parameters', rule: 'PathPrefix(`/css`, `/js`)', code: 'RULE_ARITY' },
  ]);
  itMatches('v3', [
    { desc: 'root', rule: 'PathPrefix("/css")', request: 'https://example.com', expected: false },
    { desc: 'html', rule: 'PathPrefix("/css")', request: 'https://example.com/html', expected: false },
    { desc: 'exact', rule: 'PathPrefix("/css")', request: 'https://example.org/css', expected: true },
    { desc: 'with slash', rule: 'PathPrefix("/css")', request: 'https://example.com/css/', expected: true },
    { desc: 'deeper', rule: 'PathPrefix("/css")', request: 'https://example.com/css/main.css', expected: true },
    { desc: 'byte prefix, not segment prefix', rule: 'PathPrefix(`/foo`)', request: 'https://example.com/foobar', expected: true },
    { desc: 'prefix with trailing slash does not match bare', rule: 'PathPrefix(`/foo/`)', request: 'https://example.com/foo', expected: false },
    { desc: 'slash matches everything', rule: 'PathPrefix(`/`)', request: 'https://example.com/anything', expected: true },
    { desc: 'decoded space', rule: 'PathPrefix(`/foo bar`)', request: 'https://example.com/foo%20bar/x', expected: true },
    { desc: 'v2 template is literal', rule: 'PathPrefix(`/css-{name:[0-9]?}`)', request: 'https://example.com/css-1/main.css', expected: false },
  ]);
});
