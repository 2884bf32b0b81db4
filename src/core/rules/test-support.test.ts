// The table helpers refuse what would make a row pass for the wrong reason.
import { describe, expect, it } from 'vitest';
import { firstError, matches, requestOf } from './test-support.ts';

describe('test-support', () => {
  it('refuses a request URL that does not make a request', () => {
    expect(() => requestOf('x?y')).toThrow('the URL path "x" must start with /');
    expect(requestOf({ url: '/p', headers: { Host: 'a.com' } })).toMatchObject({ method: 'GET', host: 'a.com', path: '/p', clientIP: '' });
  });

  it('refuses to evaluate a rule that has errors', () => {
    expect(() => matches('Host(`a`) &&', 'v3', 'http://a/')).toThrow(/^rule has errors: /);
    expect(() => matches('Path(`x`)', 'v3', 'http://a/x')).toThrow(/RULE_PATH_SLASH/);
  });

  it('gives the first error as [code, offset, length], or null', () => {
    expect(firstError('Host(`a`)', 'v3')).toBeNull();
    expect(firstError('Host()', 'v3')).toEqual(['RULE_NO_ARGS', 0, 6]);
  });
});
