// Cases modelled on mux_test.go TestGetRulePriority, Test_addRoutePriority and TestParseDomains.
import { describe, expect, it } from 'vitest';
import { parseDomains } from './domains.ts';
import { MAX_USER_PRIORITY, rulePriority } from './priority.ts';

describe('rulePriority', () => {
  it.each([
    { desc: 'documented example', rule: 'Host(`example.org`)', want: 19 },
    { desc: 'longer prefix wins by length', rule: 'PathPrefix(`/mypath`)', want: 21 },
    { desc: 'shorter prefix', rule: 'PathPrefix(`/my`)', want: 17 },
    { desc: 'spaces and newlines count', rule: 'Host(`a`) &&\n  Path(`/`)', want: 24 },
    { desc: 'multi-byte characters count per byte', rule: 'Path(`/é`)', want: 11 },
    { desc: 'emoji is four bytes', rule: 'Path(`/🦭`)', want: 13 },
    { desc: 'empty rule', rule: '', want: 0 },
  ])('$desc', ({ rule, want }) => expect(rulePriority(rule)).toBe(want));

  it('reserves the top 1000 priorities', () => {
    expect(MAX_USER_PRIORITY).toBe(9223372036854774807n);
  });
});

describe('parseDomains', () => {
  it.each([
    { desc: 'unknown rule', rule: 'Foobar(`foo.bar`,`test.bar`)', want: [] },
    { desc: 'no host rule', rule: 'Path(`/test`)', want: [] },
    { desc: 'host and another rule', rule: 'Host(`foo.bar`) && Path(`/test`)', want: ['foo.bar'] },
    { desc: 'hosts lower-cased in order', rule: 'Host(`Foo.Bar`) || Host(`bar.buz`) && Path(`/test`)', want: ['foo.bar', 'bar.buz'] },
    { desc: 'Host() gives nothing', rule: 'Host() && Path(`/test`)', want: [] },
    { desc: 'negated host counts', rule: '!Host(`a.com`)', want: ['a.com'] },
    { desc: 'v2 variadic host', rule: 'Host(`a.com`, `b.com`)', want: ['a.com', 'b.com'] },
    { desc: 'any spelling', rule: 'HOST(`a.com`) || host(`b.com`)', want: ['a.com', 'b.com'] },
    { desc: 'HostHeader is not collected', rule: 'HostHeader(`a.com`)', want: [] },
    { desc: 'HostRegexp is not collected', rule: 'HostRegexp(`a.com`)', want: [] },
    { desc: 'v2 and v3 matchers mixed', rule: 'Host(`a.com`) && Headers(`X`, `y`) && Header(`X`, `y`)', want: ['a.com'] },
    { desc: 'syntax error', rule: 'Host(`a.com`) &&', want: [] },
    { desc: 'wildcard kept as written', rule: 'Host(`*.Example.com`)', want: ['*.example.com'] },
    { desc: 'parenthesised host', rule: '(Host(`a`))', want: ['a'] },
    { desc: 'nested order kept', rule: 'Host(`a`) && (Path(`/`) || Host(`b`))', want: ['a', 'b'] },
    { desc: 'hosts under a negated group', rule: 'PathPrefix(`/`) && !(Host(`a`) || Host(`b`))', want: ['a', 'b'] },
    { desc: 'strings.ToLower maps İ to i', rule: 'Host(`İ.COM`)', want: ['i.com'] },
    { desc: 'v3 Header is a known name too', rule: 'Header(`a`, `b`) && Host(`x`)', want: ['x'] },
    { desc: 'an unknown matcher anywhere', rule: 'Host(`a`) || Hots(`b`)', want: [] },
    { desc: 'an unsupported unary operator', rule: '-Host(`a`)', want: [] },
    { desc: 'an unsupported binary operator', rule: 'Host(`a`) & Host(`b`)', want: [] },
    { desc: 'an unsupported operator on the right', rule: 'Host(`a`) || Host(`b`) == Host(`c`)', want: [] },
    { desc: 'a selector call', rule: 'a.Host(`x`)', want: [] },
    { desc: 'a call of a call', rule: 'Host(`a`)(`b`)', want: [] },
    { desc: 'a number argument', rule: 'Host(`a`, 1)', want: [] },
    { desc: 'an index expression', rule: 'Host(`a`)[0]', want: [] },
    { desc: 'a bare name', rule: 'Host', want: [] },
    { desc: 'not a string', rule: 42 as unknown as string, want: [] },
  ])('$desc', ({ rule, want }) => expect(parseDomains(rule)).toEqual(want));
});
