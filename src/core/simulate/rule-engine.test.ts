// The bridge to the rules module: the RuleTree of a rule, the verdict's explanation of the deciding leaf,
// and ParseDomains (pkg/muxer/http/mux.go: the union of the v2 and v3 matchers; an error → no TLS entry, a
// rule without Host → the `*` entry). Expected values written out.
import { describe, expect, it } from 'vitest';
import { parseRule } from '../rules/index.ts';
import type { RuleTree } from './compiled.ts';
import { buildRoutingRequest, compileRule, domainsOf, toRuleTree } from './rule-engine.ts';

const request = (host: string, path = '/', method = 'GET') =>
  buildRoutingRequest({ method, host, escapedPath: path, rawQuery: '', headers: {}, clientIP: '10.0.0.1' }).request;

describe('domainsOf (ParseDomains)', () => {
  it.each<[string, string[] | undefined]>([
    ['Host(`A.com`) || PathPrefix(`/`)', ['a.com']],
    ['Host("a.com")', ['a.com']],
    ['!Host(`a.com`) && Host(`B.com`, `c.com`)', ['a.com', 'b.com', 'c.com']],
    ['PathPrefix(`/`)', []],
    ['ClientIP(`10.0.0.1`)', []],
    // v2-only matchers parse with the union of both matcher sets: no domain, no error.
    ['HostHeader(`a.com`)', []],
    ['Headers(`a`, `b`)', []],
    // v3-only matchers too; a matcher error other than an unknown name is no parse error.
    ['Header(`X-A`, `1`)', []],
    ['QueryRegexp(`a`, `b`)', []],
    ['PathRegexp(`(`)', []],
    // Parse errors: Traefik adds no entry for the router.
    ['', undefined],
    ['Host(`a.com`', undefined],
    ['Host(`a`) &&', undefined],
    ['Host(`a`)\nPath(`/`)', undefined],
    ['Host(`a`) & Path(`/`)', undefined],
    ['Host(`a`) && `x`', undefined],
    ['Host(`a.com`, 42)', undefined],
    ['Foo(`x`)', undefined],
    ['Host(`a.com`) && Foo(`x`)', undefined],
  ])('%j → %j', (rule, expected) => {
    expect(domainsOf(rule)).toEqual(expected);
  });
});

describe('toRuleTree', () => {
  it('keeps the operators, the matcher names, their arguments and their source text', () => {
    const rule = '!Host(`a.com`) && (Path(`/x`) || Method(`GET`, `PUT`))';
    const tree = toRuleTree(parseRule(rule, 'v3').ast!, rule);
    const strip = (t: ReturnType<typeof toRuleTree>): unknown => {
      if (t.type === 'leaf') return { matcher: t.matcher, args: t.args, text: t.text, range: t.range, node: t.node !== null };
      if (t.type === 'not') return { not: strip(t.child) };
      return { [t.type]: [strip(t.left), strip(t.right)] };
    };
    expect(strip(tree)).toEqual({
      and: [
        { not: { matcher: 'Host', args: ['a.com'], text: 'Host(`a.com`)', range: { start: 1, end: 14 }, node: true } },
        { or: [
          { matcher: 'Path', args: ['/x'], text: 'Path(`/x`)', range: { start: 19, end: 29 }, node: true },
          { matcher: 'Method', args: ['GET', 'PUT'], text: 'Method(`GET`, `PUT`)', range: { start: 33, end: 53 }, node: true },
        ] },
      ],
    });
  });
});

describe('compileRule', () => {
  it('a rule that does not parse: not ok, no tree, never matches', () => {
    const c = compileRule('Host(`a.com`', 'v3', null);
    expect([c.ok, c.tree, c.errors.length]).toEqual([false, null, 1]);
    expect(c.evaluate(request('a.com'))).toEqual({ matched: false, because: `rule error: ${c.errors[0]}`, trace: [] });
  });

  it('a rule with errors and a tree (an unknown matcher) is not ok and never matches', () => {
    const c = compileRule('Foo(`x`)', 'v3', null);
    expect([c.ok, c.tree?.type]).toEqual([false, 'leaf']);
    expect(c.evaluate(request('a.com'))).toEqual({ matched: false, because: `rule error: ${c.errors[0]}`, trace: [] });
    const two = compileRule('Host(1) && Path(2)', 'v3', null);
    expect(two.evaluate(request('a.com')).because).toBe(`rule error: ${two.errors[0]}; ${two.errors[1]}`);
  });

  it('the syntax given is the one evaluated (v2 Headers)', () => {
    const c = compileRule('Headers(`X-A`, `1`)', 'v2', null);
    const req = buildRoutingRequest({ method: 'GET', host: 'a.com', escapedPath: '/', rawQuery: '', headers: { 'X-A': ['1'] }, clientIP: '10.0.0.1' }).request;
    expect(c.evaluate(req).matched).toBe(true);
  });

  it('the deciding leaf explains the verdict, without its final period', () => {
    const c = compileRule('Host(`a.com`) && Path(`/x`)', 'v3', null);
    expect(c).toMatchObject({ rule: 'Host(`a.com`) && Path(`/x`)', syntax: 'v3', ok: true, errors: [] });
    const e = c.evaluate(request('a.com', '/y'));
    expect(e.matched).toBe(false);
    expect(e.decidedBy).toMatchObject({ text: 'Path(`/x`)', range: { start: 17, end: 27 } });
    expect(e.because).toBe(e.decidedBy!.explanation.replace(/\.$/, ''));
    expect(e.because.endsWith('.')).toBe(false);
    expect(e.trace).toHaveLength(2);
    expect(c.evaluate(request('a.com', '/x')).matched).toBe(true);
  });

  it('a negated deciding leaf says the rule negates it', () => {
    const c = compileRule('!Host(`a.com`)', 'v3', null);
    const e = c.evaluate(request('b.com'));
    expect(e.matched).toBe(true);
    expect(e.decidedBy?.text).toBe('Host(`a.com`)');
    expect(e.because).toBe(`${e.decidedBy!.explanation.replace(/\.$/, '')}, and the rule negates it`);
    expect(c.evaluate(request('a.com')).matched).toBe(false);
  });

  it('evaluateLeaf evaluates one leaf alone', () => {
    const c = compileRule('Host(`a.com`) && Method(`POST`)', 'v2', { target: 'v2.11', version: '2.11.50' });
    const tree = c.tree as Extract<RuleTree, { type: 'and' | 'or' }>;
    const method = tree.right as Extract<RuleTree, { type: 'leaf' }>;
    expect(c.evaluateLeaf(method, request('b.com', '/', 'POST'))).toBe(true);
    expect(c.evaluateLeaf(method, request('a.com', '/', 'GET'))).toBe(false);
  });
});

describe('buildRoutingRequest', () => {
  it('the canonical host drops the port and is lower-cased; the routing path stays escaped', () => {
    const r = buildRoutingRequest({ method: 'GET', host: 'A.com:80', escapedPath: '/a%2Fb', rawQuery: '', headers: {}, clientIP: '10.0.0.1' });
    expect([r.canonicalHost, r.routingPath]).toEqual(['a.com', '/a%2Fb']);
  });
});
