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

describe('muxTemplateToRegexp', () => {
  it.each([
    ['{sub:[a-z]+}.example.com', 'host', '^(?:[a-z]+)\\.example\\.com$'],
    ['{sub}.example.com', 'host', '^(?:[^.]+)\\.example\\.com$'],
    ['/api/{id}', 'prefix', '^/api/(?:[^/]+)'],
    ['/users/{id:[0-9]{1,3}}', 'path', '^/users/(?:[0-9]{1,3})$'],
    ['{a', 'host', null],
    ['a}', 'host', null],
    ['{:x}', 'host', null],
    ['{x:}', 'host', null],
  ] as const)('%s (%s)', (template, kind, expected) => {
    expect(muxTemplateToRegexp(template, kind)).toBe(expected);
  });
});
