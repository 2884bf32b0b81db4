import { describe, expect, it } from 'vitest';
import { compileGoRegexp, matchString } from '../simulate/go-regexp.ts';
import { muxTemplateToRegexp, regexSamples } from './regex-sample.ts';

describe('regexSamples', () => {
  it.each([
    // Outside what the sampler models: no proposal rather than a wrong one.
    ['(?=x)', 0],
    ['\\p{Greek}+', 0],
    ['a{2000}', 0],
    ['(unclosed', 0],
    ['^.+\\.example\\.com$', 2],
    ['^/api/v[0-9]+/', 2],
    ['(?i)^Foo|bar', 3],
    ['[^/]+\\.json$', 2],
    ['^[[:alpha:]]{3}-\\d{2,}$', 2],
    ['^(?P<x>a|b)c?$', 3],
    ['.*', 2],
    ['^$', 1],
    ['\\Qa.b\\E', 1],
    ['{x}', 1],
    ['^\\x41\\x{42}[\\-.]$', 1],
    ['^[a-z0-9-]+\\.(?:dev|staging)\\.example\\.com$', 3],
  ] as const)('%s', (pattern, count) => {
    const samples = regexSamples(pattern);
    expect(samples.length).toBeGreaterThanOrEqual(count === 0 ? 0 : 1);
    if (count === 0) expect(samples).toEqual([]);
    const re = compileGoRegexp(pattern);
    for (const s of samples) expect(matchString(re, s), `${pattern} ~ ${JSON.stringify(s)}`).toBe(true);
  });

  it('prefers readable characters', () => {
    expect(regexSamples('^.+\\.example\\.com$')[0]).toBe('w.example.com');
    expect(regexSamples('^/users/[0-9]+$')[0]).toBe('/users/0');
  });
});

describe('regexSamples: exact proposals', () => {
  // The shortest string, one more repetition, then the second and third alternatives (RE2 syntax:
  // github.com/google/re2/wiki/Syntax, as Go's regexp/syntax reads it).
  it.each<[string, string[]]>([
    ['abc', ['abc']],
    ['a|b|c|d', ['a', 'b', 'c']],
    ['a|b', ['a', 'b']],
    ['a|', ['a', '']],
    ['(a|b)(c|d)', ['ac', 'bd']],
    ['x*', ['', 'x']],
    ['x+', ['x', 'xx']],
    ['x?', ['', 'x']],
    ['x*?y+?', ['y', 'xyy']],
    ['x{2}', ['xx']],
    ['x{2,}', ['xx', 'xxx']],
    ['x{2,4}', ['xx', 'xxx']],
    ['(ab){2}', ['abab']],
    // `{` that starts no repetition is a literal in RE2.
    ['x{,2}', ['x{,2}']],
    ['x{a}', ['x{a}']],
    ['.', ['w']],
    ['[^w]', ['a']],
    ['[^\\n]', ['w']],
    ['\\d\\D', ['0w']],
    ['\\w\\W', ['w-']],
    ['\\s\\S', [' w']],
    ['[[:upper:]]', ['A']],
    ['[[:^alpha:]]', ['0']],
    ['[[:digit:][:lower:]]', ['w']],
    ['[[:alnum:]][[:word:]][[:print:]][[:graph:]]', ['wwww']],
    ['[[:space:]][[:xdigit:]][[:punct:]][[:digit:]]', [' a-0']],
    ['[[:^lower:]][[:^upper:]][[:^digit:]]', ['0ww']],
    ['[a-c]', ['a']],
    ['[X-Z]', ['X']],
    ['[\\d]', ['0']],
    ['[\\W]', ['-']],
    ['[]a]', ['a']],
    ['[]]', [']']],
    ['[a-]', ['a']],
    // Perl syntax: a `-` after a class escape is a literal, not a range.
    ['[\\d-z]', ['z']],
    ['[#]', ['#']],
    ['[\\x7e]', ['~']],
    ['\\x41\\x{42}', ['AB']],
    ['\\x{1F600}', ['\u{1F600}']],
    ['\\t\\n\\r\\f\\v\\a\\.', ['\t\n\r\f\v\x07.']],
    ['\\pL\\p{L}', ['ww']],
    ['\\p{^L}', ['0']],
    ['\\Aa\\b-\\B-\\z', ['a--']],
    ['\\Qa.b\\Ec', ['a.bc']],
    ['\\Qa.b', ['a.b']],
    ['(?i)ab', ['ab']],
    ['(?i:ab)c', ['abc']],
    ['(?P<n>x)(?<m>y)', ['xy']],
    ['(?s-i:x)', ['x']],
    ['^$', ['']],
    ['[\\x01]|a', ['a']],
  ])('%j', (pattern, samples) => {
    expect(regexSamples(pattern)).toEqual(samples);
    // Each proposal is one Go's regexp matches (unanchored, as the *Regexp matchers use it).
    const re = compileGoRegexp(pattern);
    for (const s of samples) expect(matchString(re, s), JSON.stringify(s)).toBe(true);
  });

  it.each<[string, string[]]>([
    ['a{1000}', ['a'.repeat(1000)]],
    ['a{1000,}', ['a'.repeat(1000), 'a'.repeat(1001)]],
    // Samples longer than 2,000 characters are dropped.
    ['a{1000}b{1000}c', []],
    ['a{1000}b{999,1000}c', ['a'.repeat(1000) + 'b'.repeat(999) + 'c']],
  ])('long repetitions: %s', (pattern, samples) => {
    expect(regexSamples(pattern)).toEqual(samples);
  });

  it.each([
    'a\\', '(ab', 'ab)', '(?=x)', '(?#c)', '(?P<>x)', '[abc', '[a-\\d]', '[\\b]', '[\\Qa\\E]', '\\xZZ', '\\x{}', '\\PL', '\\pN', '\\p{Greek}', '\\1',
    '[[:bogus:]]', '[[:^print:]]', 'a{1001}', '[\\x01]', '[\\x7f]', '[^\\x00-\\x{10FFFF}]',
  ])('%j: outside the sampler, no proposal', (pattern) => {
    expect(regexSamples(pattern)).toEqual([]);
  });
});

describe('muxTemplateToRegexp', () => {
  it.each([
    ['{sub:[a-z]+}.example.com', 'host', '^(?:[a-z]+)\\.example\\.com$'],
    ['{sub}.example.com', 'host', '^(?:[^.]+)\\.example\\.com$'],
    ['/api/{id}', 'prefix', '^/api/(?:[^/]+)'],
    ['/users/{id:[0-9]{1,3}}', 'path', '^/users/(?:[0-9]{1,3})$'],
    ['{v}', 'query', '^(?:.*)$'],
    ['/a/{b}/c', 'path', '^/a/(?:[^/]+)/c$'],
    ['/{a}{b:x}', 'prefix', '^/(?:[^/]+)(?:x)'],
    ['a.b+c*d?(e)|[f]^$\\g', 'path', '^a\\.b\\+c\\*d\\?\\(e\\)\\|\\[f\\]\\^\\$\\\\g$'],
    ['{a}.x}', 'host', null],
    ['{a', 'host', null],
    ['a}', 'host', null],
    ['{:x}', 'host', null],
    ['{x:}', 'host', null],
  ] as const)('%s (%s)', (template, kind, expected) => {
    expect(muxTemplateToRegexp(template, kind)).toBe(expected);
  });
});
