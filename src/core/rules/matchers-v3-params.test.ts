// Cases modelled on pkg/muxer/http/matcher_test.go (v3 Header, HeaderRegexp, Query, QueryRegexp),
// written anew.
import { describe } from 'vitest';
import { itMatches, itRejects } from './test-support.ts';

describe('Header', () => {
  const req = (headers: Record<string, string | string[]>) => ({ url: 'https://example.com', headers });
  itRejects('v3', [
    { desc: 'no parameter', rule: 'Header()', code: 'RULE_NO_ARGS' },
    { desc: 'missing value parameter', rule: 'Header(`X-Forwarded-Host`)', code: 'RULE_ARITY', at: [0, 26] },
    { desc: 'empty value parameter', rule: 'Header(`X-Forwarded-Host`, ``)', code: 'RULE_EMPTY_ARG', at: [27, 2] },
    { desc: 'empty key parameter', rule: 'Header(``, `example.com`)', code: 'RULE_EMPTY_ARG', at: [7, 2] },
    { desc: 'too many parameters', rule: 'Header(`X-Forwarded-Host`, `example.com`, `example.org`)', code: 'RULE_ARITY', at: [42, 13] },
  ]);
  itMatches('v3', [
    { desc: 'value matches', rule: 'Header(`X-Forwarded-Proto`, `https`)', request: req({ 'X-Forwarded-Proto': 'https' }), expected: true },
    { desc: 'request key is canonicalised', rule: 'Header(`X-Forwarded-Proto`, `https`)', request: req({ 'x-forwarded-proto': 'https' }), expected: true },
    { desc: 'second value line matches', rule: 'Header(`X-Forwarded-Proto`, `https`)', request: req({ 'X-Forwarded-Proto': ['http', 'https'] }), expected: true },
    { desc: 'first value line matches', rule: 'Header(`X-Forwarded-Proto`, `https`)', request: req({ 'X-Forwarded-Proto': ['https', 'http'] }), expected: true },
    { desc: 'rule key is canonicalised', rule: 'Header(`x-forwarded-proto`, `https`)', request: req({ 'X-Forwarded-Proto': 'https' }), expected: true },
    { desc: 'values are case-sensitive', rule: 'Header(`X-Env`, `prod`)', request: req({ 'X-Env': 'PROD' }), expected: false },
    { desc: 'comma-joined line is one value', rule: 'Header(`X-Env`, `prod`)', request: req({ 'X-Env': 'prod, dev' }), expected: false },
    { desc: 'missing header', rule: 'Header(`X-Env`, `prod`)', request: req({}), expected: false },
    { desc: 'Host is not a header', rule: 'Header(`Host`, `example.com`)', request: req({ Host: 'example.com' }), expected: false },
  ]);
});

describe('HeaderRegexp', () => {
  const req = (headers: Record<string, string | string[]>) => ({ url: 'https://example.com', headers });
  itRejects('v3', [
    { desc: 'no parameter', rule: 'HeaderRegexp()', code: 'RULE_NO_ARGS' },
    { desc: 'missing value parameter', rule: 'HeaderRegexp(`X-Forwarded-Host`)', code: 'RULE_ARITY' },
    { desc: 'empty value parameter', rule: 'HeaderRegexp(`X-Forwarded-Host`, ``)', code: 'RULE_EMPTY_ARG' },
    { desc: 'empty key parameter', rule: 'HeaderRegexp(``, `example.com`)', code: 'RULE_EMPTY_ARG' },
    { desc: 'invalid regexp', rule: 'HeaderRegexp(`X-Forwarded-Host`,`(example.com`)', code: 'RULE_BAD_REGEX', at: [32, 14] },
    { desc: 'too many parameters', rule: 'HeaderRegexp(`X-Forwarded-Host`, `example.com`, `example.org`)', code: 'RULE_ARITY' },
  ]);
  itMatches('v3', [
    { desc: 'http', rule: 'HeaderRegexp(`X-Forwarded-Proto`, `^https?$`)', request: req({ 'X-Forwarded-Proto': 'http' }), expected: true },
    { desc: 'https', rule: 'HeaderRegexp(`X-Forwarded-Proto`, `^https?$`)', request: req({ 'X-Forwarded-Proto': 'https' }), expected: true },
    { desc: 'HTTPS is case-sensitive', rule: 'HeaderRegexp(`X-Forwarded-Proto`, `^https?$`)', request: req({ 'X-Forwarded-Proto': 'HTTPS' }), expected: false },
    { desc: 'any value line', rule: 'HeaderRegexp(`X-Forwarded-Proto`, `^https?$`)', request: req({ 'X-Forwarded-Proto': ['ws', 'https'] }), expected: true },
    { desc: 'non-canonical rule key', rule: 'HeaderRegexp(`x-forwarded-proto`, `^https?$`)', request: req({ 'X-Forwarded-Proto': 'http' }), expected: true },
    { desc: 'other header', rule: 'HeaderRegexp(`X-Forwarded-Proto`, `^https?$`)', request: req({ 'X-Forwarded-Host': 'example.com' }), expected: false },
    { desc: 'v2 template syntax is plain RE2', rule: 'HeaderRegexp(`X-Forwarded-Proto`, `http{secure:s?}`)', request: req({ 'X-Forwarded-Proto': 'https' }), expected: false },
    { desc: 'v2 template literal matches literally', rule: 'HeaderRegexp(`X-Forwarded-Proto`, `http{secure:s?}`)', request: req({ 'X-Forwarded-Proto': 'http{secure:s}' }), expected: true },
    { desc: 'unanchored', rule: 'HeaderRegexp(`User-Agent`, `curl`)', request: req({ 'User-Agent': 'Mozilla curl/8.0' }), expected: true },
  ]);
});

describe('Query', () => {
  itRejects('v3', [
    { desc: 'no parameter', rule: 'Query()', code: 'RULE_NO_ARGS' },
    { desc: 'empty key, one parameter', rule: 'Query(``)', code: 'RULE_EMPTY_ARG' },
    { desc: 'empty key', rule: 'Query(``, `traefik`)', code: 'RULE_EMPTY_ARG', at: [6, 2] },
    { desc: 'empty value', rule: 'Query(`q`, ``)', code: 'RULE_EMPTY_ARG', at: [11, 2] },
    { desc: 'too many parameters', rule: 'Query(`q`, `traefik`, `proxy`)', code: 'RULE_ARITY', at: [22, 7] },
  ]);
  itMatches('v3', [
    { desc: 'no query', rule: 'Query(`q`, `traefik`)', request: 'https://example.com', expected: false },
    { desc: 'value matches', rule: 'Query(`q`, `traefik`)', request: 'https://example.com?q=traefik', expected: true },
    { desc: 'among other keys', rule: 'Query(`q`, `traefik`)', request: 'https://example.com?rel=ddg&q=traefik', expected: true },
    { desc: 'first of repeated values', rule: 'Query(`q`, `traefik`)', request: 'https://example.com?q=traefik&q=proxy', expected: true },
    { desc: 'second of repeated values', rule: 'Query(`q`, `traefik`)', request: 'https://example.com?q=awesome&q=traefik', expected: true },
    { desc: 'other value', rule: 'Query(`q`, `traefik`)', request: 'https://example.com?q=nginx', expected: false },
    { desc: 'values are case-sensitive', rule: 'Query(`q`, `traefik`)', request: 'https://example.com?q=TRAEFIK', expected: false },
    { desc: 'keys are case-sensitive', rule: 'Query(`q`, `traefik`)', request: 'https://example.com?Q=traefik', expected: false },
    { desc: 'value under another key', rule: 'Query(`q`, `traefik`)', request: 'https://example.com?rel=traefik', expected: false },
    { desc: 'one argument: key without value', rule: 'Query(`mobile`)', request: 'https://example.com?mobile', expected: true },
    { desc: 'one argument: key with empty value', rule: 'Query(`mobile`)', request: 'https://example.com?mobile=', expected: true },
    { desc: 'one argument: key with a value', rule: 'Query(`mobile`)', request: 'https://example.com?mobile=true', expected: false },
    { desc: 'one argument: no key', rule: 'Query(`mobile`)', request: 'https://example.com', expected: false },
    { desc: 'values are decoded (+ is a space)', rule: 'Query(`q`, `a b`)', request: 'https://example.com?q=a+b', expected: true },
    { desc: 'percent-decoded value', rule: 'Query(`q`, `a&b`)', request: 'https://example.com?q=a%26b', expected: true },
    { desc: 'pair with a semicolon is dropped', rule: 'Query(`q`, `1`)', request: 'https://example.com?q=1;x=2', expected: false },
  ]);
});

describe('QueryRegexp', () => {
  itRejects('v3', [
    { desc: 'no parameter', rule: 'QueryRegexp()', code: 'RULE_NO_ARGS' },
    { desc: 'empty parameter', rule: 'QueryRegexp(``)', code: 'RULE_EMPTY_ARG' },
    { desc: 'invalid regexp', rule: 'QueryRegexp(`q`, `(traefik`)', code: 'RULE_BAD_REGEX', at: [17, 10] },
    { desc: 'too many parameters', rule: 'QueryRegexp(`q`, `traefik`, `proxy`)', code: 'RULE_ARITY' },
  ]);
  itMatches('v3', [
    { desc: 'no query', rule: 'QueryRegexp(`q`, `^(traefik|nginx)$`)', request: 'https://example.com', expected: false },
    { desc: 'traefik', rule: 'QueryRegexp(`q`, `^(traefik|nginx)$`)', request: 'https://example.com?q=traefik', expected: true },
    { desc: 'nginx among repeated', rule: 'QueryRegexp(`q`, `^(traefik|nginx)$`)', request: 'https://example.com?q=awesome&q=nginx', expected: true },
    { desc: 'case-sensitive', rule: 'QueryRegexp(`q`, `^(traefik|nginx)$`)', request: 'https://example.com?q=NGINX', expected: false },
    { desc: 'other key', rule: 'QueryRegexp(`q`, `^(traefik|nginx)$`)', request: 'https://example.com?Q=nginx', expected: false },
    { desc: 'other value', rule: 'QueryRegexp(`q`, `^(traefik|nginx)$`)', request: 'https://example.com?q=haproxy', expected: false },
    { desc: '.* accepts any value', rule: 'QueryRegexp(`q`, `^.*$`)', request: 'https://example.com?q=TRAEFIK', expected: true },
    { desc: '.* needs the key', rule: 'QueryRegexp(`q`, `^.*$`)', request: 'https://example.com?rel=ddg', expected: false },
    { desc: 'v2 template syntax is literal', rule: 'QueryRegexp(`q`, `{value:(traefik|nginx)}`)', request: 'https://example.com?q=traefik', expected: false },
    { desc: 'v2 template literal matches literally', rule: 'QueryRegexp(`q`, `{value:(traefik|nginx)}`)', request: 'https://example.com?q={value:traefik}', expected: true },
    { desc: 'one argument behaves like Query', rule: 'QueryRegexp(`debug`)', request: 'https://example.com?debug', expected: true },
    { desc: 'one argument, key with value', rule: 'QueryRegexp(`debug`)', request: 'https://example.com?debug=1', expected: false },
  ]);
});
