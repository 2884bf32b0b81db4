// A rule as a disjunction of conjunctions of literals: De Morgan as Traefik's pkg/rules/parser.go applies it
// (a negated `&&` becomes an `||` of negated leaves), v2 pairs split into one literal per key, and the cap.
import { describe, expect, it } from 'vitest';
import type { RuleSyntax } from '../types.ts';
import { byDimension, disjuncts, goString, litText, type Lit } from './literals.ts';

/** Each conjunction as `!name(dim:arg,arg)` strings. */
function shape(rule: string, syntax: RuleSyntax = 'v3', limit?: number): string[][] {
  return disjuncts(rule, syntax, limit).conjunctions.map((c) => c.map((l) => `${l.neg ? '!' : ''}${l.name}[${l.dim}](${l.args.join(',')})`));
}

describe('disjuncts', () => {
  it.each<[string, RuleSyntax, string[][]]>([
    ['Host(`a.com`)', 'v3', [['Host[host](a.com)']]],
    ['Host(`a.com`) && (Path(`/`) || PathPrefix(`/admin`))', 'v3', [['Host[host](a.com)', 'Path[path](/)'], ['Host[host](a.com)', 'PathPrefix[path](/admin)']]],
    ['(Host(`a`) || Host(`b`)) && (Method(`GET`) || Method(`PUT`))', 'v3', [
      ['Host[host](a)', 'Method[method](GET)'], ['Host[host](a)', 'Method[method](PUT)'], ['Host[host](b)', 'Method[method](GET)'], ['Host[host](b)', 'Method[method](PUT)'],
    ]],
    ['!(Host(`a`) || PathPrefix(`/p`))', 'v3', [['!Host[host](a)', '!PathPrefix[path](/p)']]],
    ['!(Host(`a`) && PathPrefix(`/p`))', 'v3', [['!Host[host](a)'], ['!PathPrefix[path](/p)']]],
    ['!!Method(`GET`)', 'v3', [['Method[method](GET)']]],
    ['!(!HostRegexp(`^a$`) || !ClientIP(`10.0.0.0/8`))', 'v3', [['HostRegexp[host](^a$)', 'ClientIP[ip](10.0.0.0/8)']]],
    ['Header(`x-env`, `beta`) && HeaderRegexp(`user-agent`, `^curl`)', 'v3', [['Header[header:X-Env](x-env,beta)', 'HeaderRegexp[header:User-Agent](user-agent,^curl)']]],
    ['Query(`page`, `2`) && QueryRegexp(`id`, `^[0-9]+$`) && PathRegexp(`^/u`)', 'v3', [['Query[query:page](page,2)', 'QueryRegexp[query:id](id,^[0-9]+$)', 'PathRegexp[path](^/u)']]],
    ['Query(`debug`)', 'v3', [['Query[query:debug](debug)']]],
    // v2: variadic matchers; Headers pairs and Query `k=v` arguments are one literal per key.
    ['Headers(`X-A`, `1`, `x-b`, `2`)', 'v2', [['Headers[header:X-A](X-A,1)', 'Headers[header:X-B](x-b,2)']]],
    ['HeadersRegexp(`X-A`, `^1`)', 'v2', [['HeadersRegexp[header:X-A](X-A,^1)']]],
    ['!Headers(`X-A`, `1`, `X-B`, `2`)', 'v2', [['!Headers[header:X-A](X-A,1)'], ['!Headers[header:X-B](X-B,2)']]],
    ['Query(`a=1`, `b=`)', 'v2', [['Query[query:a](a=1)', 'Query[query:b](b=)']]],
    ['Query(`a=x=y`)', 'v2', [['Query[query:a](a=x=y)']]],
    ['Host(`a.com`, `b.com`) && HostHeader(`c.com`)', 'v2', [['Host[host](a.com,b.com)', 'HostHeader[host](c.com)']]],
    ['Method(`GET`, `POST`)', 'v2', [['Method[method](GET,POST)']]],
  ])('%s (%s)', (rule, syntax, expected) => {
    const d = disjuncts(rule, syntax);
    expect(d.ok).toBe(true);
    expect(d.truncated).toBe(false);
    expect(shape(rule, syntax)).toEqual(expected);
  });

  it('keeps the syntax and the evaluation target on every literal', () => {
    const [lit] = disjuncts('Host(`a`)', 'v2', 32, { target: 'v2.11', version: '2.11.3' }).conjunctions[0]!;
    expect(lit).toMatchObject({ syntax: 'v2', env: { target: 'v2.11', version: '2.11.3', syntax: 'v2' } });
    expect(disjuncts('Host(`a`)', 'v3').conjunctions[0]![0]!.env).toEqual({ syntax: 'v3' });
  });

  it.each([['Host(`a.com`'], [''], ['Host(`a`) && '], ['Nope(`x`)']])('does not parse: %j', (rule) => {
    expect(disjuncts(rule, 'v3')).toEqual({ ok: false, conjunctions: [], truncated: false });
  });

  it('cuts the expansion at the limit and says so', () => {
    expect(shape('Host(`a`) || Host(`b`) || Host(`c`)', 'v3', 2)).toEqual([['Host[host](a)'], ['Host[host](b)']]);
    expect(disjuncts('Host(`a`) || Host(`b`) || Host(`c`)', 'v3', 2).truncated).toBe(true);
    expect(disjuncts('Host(`a`) || Host(`b`)', 'v3', 2).truncated).toBe(false);
    const product = '(Host(`a`) || Host(`b`)) && (Path(`/a`) || Path(`/b`))';
    expect(shape(product, 'v3', 3)).toEqual([['Host[host](a)', 'Path[path](/a)'], ['Host[host](a)', 'Path[path](/b)'], ['Host[host](b)', 'Path[path](/a)']]);
    expect(disjuncts(product, 'v3', 3).truncated).toBe(true);
    expect(disjuncts(product, 'v3', 4).truncated).toBe(false);
    // The default limit is 32 conjunctions.
    const wide = Array.from({ length: 33 }, (_, i) => `Host(\`h${i}\`)`).join(' || ');
    expect(disjuncts(wide, 'v3').conjunctions).toHaveLength(32);
    expect(disjuncts(wide, 'v3').truncated).toBe(true);
  });
});

describe('goString, litText, byDimension', () => {
  it.each([
    ['/api', '`/api`'],
    ['', '``'],
    ['a`b', '"a`b"'],
    ['say "hi" `now`', '"say \\"hi\\" `now`"'],
  ])('goString(%j)', (value, text) => {
    expect(goString(value)).toBe(text);
  });

  it('litText writes a literal as a rule', () => {
    const [a, b] = disjuncts('!PathPrefix(`/a`) && Header(`X-A`, `v`)', 'v3').conjunctions[0]!;
    expect(litText(a!)).toBe('!PathPrefix(`/a`)');
    expect(litText(b!)).toBe('Header(`X-A`, `v`)');
    expect(litText({ ...b!, args: ['a`b'] })).toBe('Header("a`b")');
  });

  it('byDimension groups in first-seen order', () => {
    const lits = disjuncts('Path(`/a`) && Host(`h`) && !Path(`/b`) && Header(`X-A`, `1`) && !Host(`g`)', 'v3').conjunctions[0]!;
    const groups = [...byDimension(lits)].map(([dim, group]: [string, Lit[]]) => [dim, group.map(litText)]);
    expect(groups).toEqual([
      ['path', ['Path(`/a`)', '!Path(`/b`)']],
      ['host', ['Host(`h`)', '!Host(`g`)']],
      ['header:X-A', ['Header(`X-A`, `1`)']],
    ]);
  });
});
