// Cases modelled on mux_test.go TestMuxer (boolean combinations, NOT) plus the trace we add.
import { describe, expect, it } from 'vitest';
import { evaluateRule } from './evaluate.ts';
import { parseRule } from './parser.ts';
import { atLeast, parseVersion } from './matcher-kit.ts';
import { matches, requestOf } from './test-support.ts';

describe('boolean combinations (mux_test.go TestMuxer)', () => {
  it.each([
    { desc: 'Host and PathPrefix', rule: 'Host(`localhost`) && PathPrefix(`/css`)', url: 'https://localhost/css', expected: true },
    { desc: 'Host and PathPrefix, other path', rule: 'Host(`localhost`) && PathPrefix(`/css`)', url: 'https://localhost/js', expected: false },
    { desc: 'Host OR Host, second', rule: 'Host(`example.com`) || Host(`example.org`)', url: 'https://example.org/js', expected: true },
    { desc: 'Host OR Host, none', rule: 'Host(`example.com`) || Host(`example.org`)', url: 'https://example.eu/html', expected: false },
    { desc: 'host OR (host AND path)', rule: 'Host("example.com") || (Host("example.org") && Path("/css"))', url: 'https://example.com/js', expected: true },
    { desc: 'host OR host AND path, second host wrong path', rule: 'Host("example.com") || Host("example.org") && Path("/css")', url: 'https://example.org/js', expected: false },
    { desc: 'host OR host AND path, second host right path', rule: 'Host("example.com") || Host("example.org") && Path("/css")', url: 'https://example.org/css', expected: true },
    { desc: '(host OR host) AND path', rule: '(Host("example.com") || Host("example.org")) && Path("/css")', url: 'https://example.com/js', expected: false },
    { desc: '(host AND path) OR (host AND path)', rule: '(Host("example.com") && Path("/js")) || ((Host("example.org")) && Path("/css"))', url: 'https://example.org/css', expected: true },
    { desc: 'not', rule: '!Host("example.com")', url: 'https://example.org', expected: true },
    { desc: 'not, same host', rule: '!Host("example.com")', url: 'https://example.com', expected: false },
    { desc: 'not over or', rule: '!(Host("example.com") || Host("example.org"))', url: 'https://example.eu/js', expected: true },
    { desc: 'not over or, listed host', rule: '!(Host("example.com") || Host("example.org"))', url: 'https://example.org/js', expected: false },
    { desc: 'not over and', rule: '!(Host("example.com") && Path("/css"))', url: 'https://example.eu/css', expected: true },
    { desc: 'not over and, both hold', rule: '!(Host("example.com") && Path("/css"))', url: 'https://example.com/css', expected: false },
    { desc: 'not over and with inner not', rule: '!(Host("example.com") && !Path("/css"))', url: 'https://example.com/css', expected: true },
    { desc: 'not over and with inner not, other path', rule: '!(Host("example.com") && !Path("/css"))', url: 'https://example.com/js', expected: false },
    { desc: 'two nots or-ed', rule: '!Host("example.com") || !Path("/css")', url: 'https://example.com/css', expected: false },
    { desc: 'double not', rule: '!(!(Host("example.com") && Pathprefix("/css")))', url: 'https://example.com/css', expected: true },
    { desc: 'double not, other host', rule: '!(!(Host("example.com") && Pathprefix("/css")))', url: 'https://example.org/css', expected: false },
    { desc: 'not domain and prefix', rule: '!Host("example.com") && Pathprefix("/css")', url: 'https://example.org/css', expected: true },
  ])('$desc', ({ rule, url, expected }) => expect(matches(rule, 'v3', url)).toBe(expected));
});

describe('trace', () => {
  const run = (rule: string, url: string, opts = {}) => evaluateRule(parseRule(rule, 'v3').ast!, requestOf(url), opts);

  it('lists every leaf and marks short-circuited ones as not evaluated', () => {
    const r = run('Host(`a.com`) && PathPrefix(`/v2`) && Method(`GET`)', 'https://b.com/v2');
    expect(r.matched).toBe(false);
    expect(r.trace.map((t) => [t.node.name, t.evaluated, t.result])).toEqual([
      ['Host', true, false],
      ['PathPrefix', false, undefined],
      ['Method', false, undefined],
    ]);
    expect(r.decidedBy?.node.name).toBe('Host');
    expect(r.trace[0]!.explanation).toBe('Host: request host is `b.com`, rule wants `a.com`.');
    expect(r.trace[1]!.explanation).toMatch(/Not evaluated/);
  });

  it('explains a prefix match and decides by the last evaluated leaf', () => {
    const r = run('Host(`a.com`) && PathPrefix(`/v2`)', 'https://a.com/v2/users');
    expect(r.matched).toBe(true);
    expect(r.decidedBy?.explanation).toBe('PathPrefix: `/v2/users` starts with `/v2`.');
  });

  it('skips the rest of an OR once one side holds', () => {
    const r = run('Host(`a.com`) || Host(`b.com`) || Host(`c.com`)', 'https://a.com/');
    expect(r.trace.map((t) => t.evaluated)).toEqual([true, false, false]);
  });

  it('marks leaves under an odd number of NOTs as negated', () => {
    const r = run('!(Host(`a.com`) && !Path(`/x`)) || !!Method(`GET`)', 'https://a.com/y');
    expect(r.trace.map((t) => t.negated)).toEqual([true, false, false]);
    expect(r.matched).toBe(true);
    expect(r.trace.map((t) => t.result)).toEqual([true, false, true]);
  });

  it('skips whole subtrees by their leaf count', () => {
    const r = run('Host(`x.com`) && (Path(`/a`) || Path(`/b`)) || Method(`GET`)', 'https://a.com/');
    expect(r.trace.map((t) => t.evaluated)).toEqual([true, false, false, true]);
    expect(r.matched).toBe(true);
  });

  it('explains the empty-string match of HostRegexp', () => {
    expect(run('HostRegexp(`^$`)', 'https://a.com/').trace[0]!.explanation).toMatch(/empty string/);
  });

  it('evaluates an invalid leaf as false with its error', () => {
    const { ast } = parseRule('Path(`x`)', 'v3');
    const r = evaluateRule(ast!, requestOf('https://a.com/x'));
    expect(r.matched).toBe(false);
    expect(r.trace[0]!.explanation).toMatch(/must start with/);
  });

  it('uses the syntax the AST was parsed with by default', () => {
    const { ast } = parseRule('Host(`a.com`, `b.com`)', 'v2');
    expect(evaluateRule(ast!, requestOf('https://b.com/')).matched).toBe(true);
  });

  it('target v2.11 evaluates with v2 matchers whatever the syntax', () => {
    const { ast } = parseRule('Host(`*.example.com`)', 'v3');
    expect(evaluateRule(ast!, requestOf('https://a.example.com/'), { target: 'v3' }).matched).toBe(true);
    expect(evaluateRule(ast!, requestOf('https://a.example.com/'), { target: 'v2.11' }).matched).toBe(false);
  });

  it('applies the version landmarks of Host(`*`)', () => {
    const { ast } = parseRule('Host(`*`)', 'v3');
    const host = (v: string, url: string) => evaluateRule(ast!, requestOf(url), { version: v }).matched;
    expect(host('3.7.9', 'https://a.b.c/')).toBe(true);
    expect(host('3.7.7', '/no-host')).toBe(true);
    expect(host('3.7.3', 'https://a.b.c/')).toBe(false);
    expect(host('3.7.3', 'https://localhost/')).toBe(true);
    expect(host('3.6.20', 'https://localhost/')).toBe(false);
  });

  it('never throws on a malformed request', () => {
    const { ast } = parseRule('Header(`X`, `y`) && Query(`a`) && Host(`a`) && ClientIP(`::1`)', 'v3');
    expect(() => evaluateRule(ast!, {} as never)).not.toThrow();
    expect(evaluateRule(ast!, null as never).matched).toBe(false);
  });
});

describe('Traefik versions', () => {
  it.each([
    { text: '3.7.9', want: [3, 7, 9] },
    { text: 'v3.7.7', want: [3, 7, 7] },
    { text: 'v3.7.0-rc.1', want: [3, 7, 0] },
    { text: '2.11', want: [2, 11, 0] },
    { text: '3', want: [3, 0, 0] },
    { text: ' 3.6.20 ', want: [3, 6, 20] },
    { text: 'latest', want: null },
    { text: '', want: null },
    { text: undefined, want: null },
  ])('parseVersion($text)', ({ text, want }) => expect(parseVersion(text)).toEqual(want));

  it.each([
    { a: [3, 7, 7], b: [3, 7, 7], want: true },
    { a: [3, 7, 6], b: [3, 7, 7], want: false },
    { a: [3, 7, 10], b: [3, 7, 7], want: true },
    { a: [3, 10, 0], b: [3, 7, 7], want: true },
    { a: [3, 6, 99], b: [3, 7, 0], want: false },
    { a: [4, 0, 0], b: [3, 7, 7], want: true },
    { a: [2, 99, 99], b: [3, 0, 0], want: false },
  ])('atLeast($a, $b)', ({ a, b, want }) => expect(atLeast(a as [number, number, number], b as [number, number, number])).toBe(want));

  it.each([
    { version: '3.7.10', url: 'https://a.b/', want: true },
    { version: '3.10', url: 'https://a.b/', want: true },
    { version: '3.7', url: 'https://localhost/', want: true },
    { version: '3.7', url: 'https://a.b/', want: false },
    { version: 'latest', url: 'https://a.b/', want: true },
  ])('Host(`*`) at $version on $url', ({ version, url, want }) => {
    const { ast } = parseRule('Host(`*`)', 'v3');
    expect(evaluateRule(ast!, requestOf(url), { version }).matched).toBe(want);
  });
});

describe('requests built elsewhere', () => {
  it('reads rawHost from host when it is missing (v2 HostRegexp reads the raw host)', () => {
    const { ast } = parseRule('HostRegexp(`a.com`)', 'v2');
    expect(evaluateRule(ast!, { host: 'a.com' } as never).matched).toBe(true);
    expect(evaluateRule(ast!, { host: 'b.com', rawHost: 'a.com:80' } as never).matched).toBe(true);
  });

  it('reads non-string fields as strings and non-object maps as empty', () => {
    const { ast } = parseRule('Method(`1`) && Path(`/`) && !Header(`X`, `y`)', 'v3');
    expect(evaluateRule(ast!, { method: 1, path: '/', headers: 'X: y' } as never).matched).toBe(true);
    expect(evaluateRule(ast!, { method: null, path: '/' } as never).matched).toBe(false);
  });

  it('v2 Query reads a key with no values as no value (mux tests the first value only)', () => {
    const { ast } = parseRule('Query(`a=`)', 'v2');
    const none = evaluateRule(ast!, { query: { a: [] } } as never);
    expect(none.matched).toBe(false);
    expect(none.trace[0]!.explanation).toBe('Query: the first `a` value is ``, which does not fit `a=`.');
    expect(evaluateRule(ast!, { query: { a: ['x'] } } as never).matched).toBe(true);
  });

  it('a matcher that throws on a value is false, with the reason', () => {
    const { ast } = parseRule('HeaderRegexp(`X`, `^a`) || Host(`a.com`)', 'v3');
    const r = evaluateRule(ast!, { host: 'a.com', headers: { X: [5] } } as never);
    expect(r.matched).toBe(true);
    expect(r.trace[0]!.result).toBe(false);
    expect(r.trace[0]!.explanation).toMatch(/^HeaderRegexp: could not be evaluated \(.+\)\.$/);
  });

  it('null options are no options', () => {
    const { ast } = parseRule('Host(`*.a.com`)', 'v3');
    expect(evaluateRule(ast!, requestOf('https://x.a.com/'), null as never).matched).toBe(true);
  });

  it('gives the decided leaf of an OR chain and of a negation', () => {
    const { ast } = parseRule('Host(`a.com`) || !Path(`/x`)', 'v3');
    const r = evaluateRule(ast!, requestOf('https://b.com/y'));
    expect(r.matched).toBe(true);
    expect(r.decidedBy?.node.name).toBe('Path');
    expect(r.decidedBy?.negated).toBe(true);
    expect(r.decidedBy?.result).toBe(false);
  });

  it('evaluates every leaf of an AND that holds', () => {
    const { ast } = parseRule('Host(`a.com`) && Path(`/x`) && Method(`GET`)', 'v3');
    const r = evaluateRule(ast!, requestOf('https://a.com/x'));
    expect(r.matched).toBe(true);
    expect(r.trace.map((t) => [t.evaluated, t.result])).toEqual([[true, true], [true, true], [true, true]]);
    expect(r.decidedBy?.node.name).toBe('Method');
  });

  it('an OR where nothing holds is false, every leaf evaluated', () => {
    const { ast } = parseRule('Host(`a.com`) || Host(`b.com`)', 'v3');
    const r = evaluateRule(ast!, requestOf('https://c.com/'));
    expect(r.matched).toBe(false);
    expect(r.trace.map((t) => t.evaluated)).toEqual([true, true]);
  });

  it('an explicit syntax overrides the one the rule was parsed with', () => {
    const { ast } = parseRule('Host(`*.a.com`)', 'v3');
    expect(evaluateRule(ast!, requestOf('https://x.a.com/'), { syntax: 'v2' }).matched).toBe(false);
    expect(evaluateRule(ast!, requestOf('https://x.a.com/'), { syntax: 'v3' }).matched).toBe(true);
  });
});
