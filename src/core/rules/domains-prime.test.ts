import { describe, expect, it } from 'vitest';
import { parseDomains } from './domains.ts';
import { parseRule } from './parser.ts';

// parseRule hands parseDomains the expression it parsed (primeDomains). The domains must be those a
// fresh parse gives: each rule is compared with the same rule behind a leading space, which no
// parseRule call has seen (a space before the expression changes nothing in Go's parser).
describe('parseDomains after parseRule', () => {
  it.each([
    ['Host(`Foo.Bar`) || Host(`bar.buz`) && Path(`/test`)', ['foo.bar', 'bar.buz']],
    ['!Host(`a.com`) && HostHeader(`b.com`)', ['a.com']],
    ['Host(`a.com`, `b.com`)', ['a.com', 'b.com']],
    ['Host(``)', ['']],
    ['HostRegexp(`^a$`)', []],
    ['Host(`a.com`) & Path(`/x`)', []],
    ['Host(`a.com`', []],
    ['Unknown(`x`) || Host(`a.com`)', []],
    ['(Host(`x.io`))', ['x.io']],
  ])('%s', (rule, want) => {
    const fresh = parseDomains(` ${rule}`);
    parseRule(rule, 'v3');
    parseRule(rule, 'v2');
    expect(parseDomains(rule)).toEqual(fresh);
    expect(parseDomains(rule)).toEqual(want);
  });
});
