// The parts of the shadow search that decide near-duplicates and catch-alls, and how its work is counted.
import { describe, expect, it } from 'vitest';
import { baseSettings, config, router } from '../simulate/fixtures.ts';
import type { RuleSyntax } from '../types.ts';
import { BASE_DRAFT } from './draft.ts';
import { disjuncts } from './literals.ts';
import { shadowReport } from './shadow.ts';
import { acceptsAnyHostAndPath, RuleCache, ruleSignature } from './shadow-search.ts';

const sig = (rule: string, syntax: RuleSyntax = 'v3') => ruleSignature(disjuncts(rule, syntax).conjunctions);

describe('ruleSignature', () => {
  it.each<[string, RuleSyntax, string]>([
    ['Host(`a.com`)', 'v3', 'Host(a.com)'],
    ['Host(` A.Com. `)', 'v3', 'Host(a.com)'],
    ['HostHeader(`A.com`)', 'v2', 'Host(a.com)'],
    ['HostRegexp(`^A\\.com$`)', 'v3', 'HostRegexp(^A\\.com$)'],
    ['PathPrefix(`/api//`) && Host(`a.com`)', 'v3', 'Host(a.com)&&PathPrefix(/api)'],
    ['Path(`/`)', 'v3', 'Path(/)'],
    ['PathRegexp(`^/a/$`)', 'v3', 'PathRegexp(^/a/$)'],
    ['Method(`get`)', 'v3', 'Method(GET)'],
    ['!Method(`get`) && Host(`a.com`) && Host(`a.com`)', 'v3', '!Method(GET)&&Host(a.com)'],
    ['Header(`x-env`, `Beta`)', 'v3', 'Header(header:X-Env,Beta)'],
    ['Headers(`x-env`, `Beta`)', 'v2', 'Headers(header:X-Env,Beta)'],
    ['Query(`Page`, `2`)', 'v3', 'Query(Page,2)'],
    ['ClientIP(`10.0.0.0/8`)', 'v3', 'ClientIP(10.0.0.0/8)'],
    ['Host(`b.com`) || Host(`a.com`) || Host(`A.com`)', 'v3', 'Host(a.com)||Host(b.com)'],
    ['(Host(`a`) || Host(`b`)) && Path(`/x/`)', 'v3', 'Host(a)&&Path(/x)||Host(b)&&Path(/x)'],
  ])('%s (%s)', (rule, syntax, signature) => {
    expect(sig(rule, syntax)).toBe(signature);
  });

  it.each([
    ['Host(`a.com`)', 'Host(`a.com.`)', true],
    ['Host(`a.com`)', 'Host(`b.com`)', false],
    ['Host(`a.com`) && Path(`/a`)', 'Host(`a.com`) && PathPrefix(`/a`)', false],
    ['Path(`/a`)', 'Path(`/a/`)', true],
    ['Path(`/`)', 'Path(`//`)', false],
    ['Method(`GET`)', 'Method(`get`)', true],
    ['Method(`GET`)', '!Method(`GET`)', false],
    ['Header(`X-A`, `1`)', 'Header(`x-a`, `1`)', true],
    ['Header(`X-A`, `1`)', 'Header(`X-A`, `2`)', false],
    ['Query(`a`, `1`)', 'Query(`A`, `1`)', false],
    ['HostRegexp(`^a$`)', 'HostRegexp(`^A$`)', false],
  ])('%s ~ %s: %s', (a, b, same) => {
    expect(sig(a) === sig(b)).toBe(same);
  });
});

describe('acceptsAnyHostAndPath', () => {
  it.each([
    ['PathPrefix(`/`)', true],
    ['HostRegexp(`.*`)', true],
    ['Host(`*`)', true],
    ['PathPrefix(`/`) && Method(`POST`) && Header(`X-A`, `1`)', true],
    ['!Host(`a.com`)', true],
    ['Host(`a.com`)', false],
    ['PathPrefix(`/api`)', false],
    ['!PathPrefix(`/zz-probe`)', false],
    ['HostRegexp(`\\.test$`)', false],
    ['HostRegexp(`\\.invalid$`)', false],
    ['Path(`/`)', false],
  ])('%s: %s', (rule, any) => {
    const lits = disjuncts(rule, 'v3', 32, { target: 'v3', version: '3.7.9' }).conjunctions[0]!;
    expect(acceptsAnyHostAndPath(lits, { ...BASE_DRAFT, method: 'POST', headers: { 'X-A': ['1'] } })).toBe(any);
  });
});

describe('RuleCache', () => {
  it('parses a rule once per syntax', () => {
    const cache = new RuleCache({ target: 'v3', version: '3.7.9' });
    const a = cache.get('Host(`a.com`)', 'v3');
    expect(cache.get('Host(`a.com`)', 'v3')).toBe(a);
    expect(cache.get('Host(`a.com`)', 'v2')).not.toBe(a);
    expect(a).toMatchObject({ ok: true, env: { target: 'v3', version: '3.7.9', syntax: 'v3' } });
    expect(a.ast).toMatchObject({ type: 'matcher', name: 'Host' });
    expect(cache.get('Host(`a.com`', 'v3')).toMatchObject({ ok: false, ast: null, conjunctions: [] });
  });
});

describe('shadowReport: rule evaluations as the unit of work', () => {
  const R = (name: string, rule: string, over: Parameters<typeof router>[2] = {}) => router(`${name}@kubernetescrd`, rule, over);
  const cfg = config({ routers: [R('all', 'Host(`a.com`)', { priority: 100 }), R('api', 'Host(`a.com`) && PathPrefix(`/api`)')] });

  it('stops once the evaluations allowed are spent', () => {
    // Checking `all` tries the two routes the host index gives for a.com: two evaluations.
    expect(shadowReport(cfg, baseSettings(), { maxEvaluations: 1 })).toEqual({ findings: [], checked: 1, total: 2 });
    expect(shadowReport(cfg, baseSettings(), { maxEvaluations: 2 })).toEqual({ findings: [], checked: 1, total: 2 });
    const three = shadowReport(cfg, baseSettings(), { maxEvaluations: 3 });
    expect(three.checked).toBe(2);
    expect(three.findings.map((f) => [f.kind, f.router])).toEqual([['shadowed', 'api@kubernetescrd']]);
  });
});

describe('shadowReport: the work of a decision and of a confirmation', () => {
  const R = (name: string, rule: string, over: Parameters<typeof router>[2] = {}) => router(`${name}@kubernetescrd`, rule, over);
  // Checked in rank order: `all` (2 evaluations: itself and `low`, which ranks lower), `low` (1 evaluation, then a
  // confirmation by the simulator that evaluates at least one rule), `z` (1 evaluation).
  const cfg = config({ routers: [R('all', 'Host(`a.com`)', { priority: 100 }), R('low', 'Host(`a.com`)', { priority: 50 }), R('z', 'Host(`z.com`)')] });

  it.each([
    [3, 2, [['shadowed', 'low@kubernetescrd']]],
    [4, 2, [['shadowed', 'low@kubernetescrd']]],
    [100, 3, [['shadowed', 'low@kubernetescrd']]],
  ])('with %i evaluations allowed, %i routers are checked', (maxEvaluations, checked, findings) => {
    const report = shadowReport(cfg, baseSettings(), { maxEvaluations });
    expect(report.checked).toBe(checked);
    expect(report.findings.map((f) => [f.kind, f.router])).toEqual(findings);
  });
});
