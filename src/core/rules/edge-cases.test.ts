// Edge cases of pkg/muxer/http/mux.go GetRulePriority, matcher.go (v3 Header) and matcher_v2.go (v2 Headers,
// HeadersRegexp: gorilla/mux matchMapWithString / matchMapWithRegex). Expected values are written out from
// Traefik's code: byte lengths by hand, header matching as Go compares strings (exact, per value line).
import { describe, expect, it } from 'vitest';
import { rulePriority } from './priority.ts';
import { matches } from './test-support.ts';

describe('GetRulePriority: len(rule) in bytes of the rule as configured', () => {
  it.each([
    { desc: 'TestGetRulePriority "simple rule"', rule: 'Host(`example.org`)', expected: 19 },
    { desc: 'é is 2 bytes', rule: 'Host(`é.org`)', expected: 14 },
    { desc: 'CJK characters are 3 bytes each', rule: 'Path(`/日本`)', expected: 15 },
    { desc: 'an emoji is 4 bytes (2 UTF-16 code units)', rule: 'Path(`/😀`)', expected: 13 },
    { desc: 'a trailing newline (YAML `|`) counts', rule: 'Host(`a`)\n', expected: 10 },
    { desc: 'inner newline and indentation count', rule: 'Host(`a`) &&\n  Path(`/`)', expected: 24 },
    { desc: 'spaces count, nothing is trimmed', rule: '  Host(`a`)  ', expected: 13 },
    { desc: 'a tab counts one byte', rule: 'Host(`a`)\t', expected: 10 },
    { desc: 'the empty rule', rule: '', expected: 0 },
  ])('$desc: $expected', ({ rule, expected }) => {
    expect(rulePriority(rule)).toBe(expected);
  });
});

// One value line is one value: Go keeps `X: a, b` as the single value "a, b"; a repeated header line is
// a second value. Keys are canonicalised (http.CanonicalHeaderKey), values compared byte for byte.
const h = (headers: Record<string, string | string[]>) => ({ url: 'http://a.com/', headers });

describe('Headers (v2): value matching', () => {
  it.each([
    { desc: 'value case matters', rule: 'Headers(`X-Env`, `Prod`)', request: h({ 'X-Env': 'prod' }), expected: false },
    { desc: 'value exact', rule: 'Headers(`X-Env`, `Prod`)', request: h({ 'X-Env': 'Prod' }), expected: true },
    { desc: 'request key in lower case is canonicalised', rule: 'Headers(`X-Env`, `prod`)', request: h({ 'x-env': 'prod' }), expected: true },
    { desc: 'rule key in upper case is canonicalised', rule: 'Headers(`X-ENV`, `prod`)', request: h({ 'X-Env': 'prod' }), expected: true },
    { desc: 'comma-joined values are one value: no element match', rule: 'Headers(`Accept`, `text/html`)', request: h({ Accept: 'text/html, application/json' }), expected: false },
    { desc: 'comma-joined values are one value: the whole line matches', rule: 'Headers(`Accept`, `text/html, application/json`)', request: h({ Accept: 'text/html, application/json' }), expected: true },
    { desc: 'comma without space is not the same value', rule: 'Headers(`Accept`, `text/html,application/json`)', request: h({ Accept: 'text/html, application/json' }), expected: false },
    { desc: 'two header lines are two values: first', rule: 'Headers(`Accept`, `text/html`)', request: h({ Accept: ['text/html', 'application/json'] }), expected: true },
    { desc: 'two header lines are two values: second', rule: 'Headers(`Accept`, `application/json`)', request: h({ Accept: ['text/html', 'application/json'] }), expected: true },
    { desc: 'surrounding spaces in the rule value matter', rule: 'Headers(`X-Env`, ` prod`)', request: h({ 'X-Env': 'prod' }), expected: false },
    { desc: 'a value is not a prefix match', rule: 'Headers(`X-Env`, `pro`)', request: h({ 'X-Env': 'prod' }), expected: false },
  ])('$desc', ({ rule, request, expected }) => {
    expect(matches(rule, 'v2', request)).toBe(expected);
  });
});

describe('HeadersRegexp (v2): unanchored RE2 on each value line', () => {
  it.each([
    { desc: 'unanchored: matches inside a comma-joined line', rule: 'HeadersRegexp(`Accept`, `json`)', request: h({ Accept: 'text/html, application/json' }), expected: true },
    { desc: 'anchored by the rule: the line starts with text/html', rule: 'HeadersRegexp(`Accept`, `^application`)', request: h({ Accept: 'text/html, application/json' }), expected: false },
    { desc: 'anchored by the rule: second line', rule: 'HeadersRegexp(`Accept`, `^application`)', request: h({ Accept: ['text/html', 'application/json'] }), expected: true },
    { desc: 'case-sensitive unless (?i)', rule: 'HeadersRegexp(`X-Env`, `^PROD$`)', request: h({ 'X-Env': 'prod' }), expected: false },
    { desc: '(?i) folds case', rule: 'HeadersRegexp(`X-Env`, `(?i)^PROD$`)', request: h({ 'X-Env': 'prod' }), expected: true },
    { desc: 'missing header never matches, even .*', rule: 'HeadersRegexp(`X-Env`, `.*`)', request: h({}), expected: false },
  ])('$desc', ({ rule, request, expected }) => {
    expect(matches(rule, 'v2', request)).toBe(expected);
  });
});

describe('Header (v3): the same per-line comparison', () => {
  it.each([
    { desc: 'value case matters', rule: 'Header(`X-Env`, `Prod`)', request: h({ 'X-Env': 'prod' }), expected: false },
    { desc: 'comma-joined values are one value', rule: 'Header(`Accept`, `text/html`)', request: h({ Accept: 'text/html, application/json' }), expected: false },
    { desc: 'second header line', rule: 'Header(`Accept`, `application/json`)', request: h({ Accept: ['text/html', 'application/json'] }), expected: true },
    { desc: 'non-canonical keys on both sides', rule: 'Header(`x-ENV`, `prod`)', request: h({ 'X-ENV': 'prod' }), expected: true },
  ])('$desc', ({ rule, request, expected }) => {
    expect(matches(rule, 'v3', request)).toBe(expected);
  });
});
