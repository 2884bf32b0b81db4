import { describe, expect, it } from 'vitest';
import { compileRouting, simulate } from '../simulate/index.ts';
import { countWork } from '../robustness/work.ts';
import { baseSettings, config, router } from '../simulate/fixtures.ts';
import type { DynamicRouter, Settings } from '../types.ts';
import { REVIEW_CODES, toDiagnostics } from './codes.ts';
import { findShadowed, shadowReport } from './shadow.ts';
import type { ShadowFinding } from './types.ts';

const R = (name: string, rule: string, over: Parameters<typeof router>[2] = {}) => router(`${name}@kubernetescrd`, rule, over);
const N = (name: string) => `${name}@kubernetescrd`;

function run(routers: DynamicRouter[], settings: Settings = baseSettings()): ShadowFinding[] {
  return findShadowed(config({ routers }), settings);
}
const of = (findings: ShadowFinding[], kind: ShadowFinding['kind']) => findings.filter((f) => f.kind === kind);

describe('findShadowed: shadowed routers (true cases)', () => {
  const cases: { desc: string; routers: DynamicRouter[]; shadowed: string; by: string }[] = [
    {
      desc: 'a prefix route under a higher-priority host-wide route',
      routers: [R('all', 'Host(`a.com`) && PathPrefix(`/`)', { priority: 100 }), R('api', 'Host(`a.com`) && PathPrefix(`/api`)')],
      shadowed: 'api', by: 'all',
    },
    {
      desc: 'the same rule with a lower priority',
      routers: [R('first', 'Host(`a.com`)', { priority: 10 }), R('second', 'Host(`a.com`)', { priority: 5 })],
      shadowed: 'second', by: 'first',
    },
    {
      desc: 'a host-only route under a higher-priority catch-all',
      routers: [R('catch', 'PathPrefix(`/`)', { priority: 1000 }), R('site', 'Host(`a.com`)')],
      shadowed: 'site', by: 'catch',
    },
    {
      desc: 'each alternative taken by a different router',
      routers: [R('a', 'Host(`a.com`)', { priority: 100 }), R('b', 'Host(`b.com`)', { priority: 100 }), R('both', 'Host(`a.com`) || Host(`b.com`)')],
      shadowed: 'both', by: 'a',
    },
    {
      desc: 'a wildcard host over one of its subdomains (v3.7)',
      routers: [R('wild', 'Host(`*.example.com`)', { priority: 100 }), R('api', 'Host(`api.example.com`) && Method(`GET`)')],
      shadowed: 'api', by: 'wild',
    },
    {
      desc: 'a negated leaf that the shadowing rule does not care about',
      routers: [R('all', 'Host(`a.com`)', { priority: 100 }), R('notadmin', 'Host(`a.com`) && !PathPrefix(`/admin`)')],
      shadowed: 'notadmin', by: 'all',
    },
  ];
  it.each(cases)('$desc', ({ routers, shadowed, by }) => {
    const findings = of(run(routers), 'shadowed');
    const f = findings.find((x) => x.router === N(shadowed));
    expect(f, JSON.stringify(findings, null, 1)).toBeDefined();
    expect(f!.by).toBe(N(by));
    // The witness is a proof: the shadowed router matches it and `by` wins it.
    const routing = compileRouting(config({ routers }), baseSettings());
    const v = simulate(routing, f!.witness!);
    const step = v.routing[0]!;
    expect(step.winner).toBe(N(by));
    expect(step.ranking.find((e) => e.router === N(shadowed))?.result).toBe('matched');
    expect(f!.message).toContain('can never win');
  });

  it('routers on a web entryPoint that redirects everything to websecure', () => {
    const settings = baseSettings({
      entryPoints: [{ name: 'web', port: 80, redirectTo: { to: 'websecure', scheme: 'https', permanent: true } }, { name: 'websecure', port: 443 }],
    });
    const findings = of(run([R('plain', 'Host(`a.com`)')], settings), 'shadowed');
    expect(findings).toHaveLength(1);
    expect(findings[0]!.by).toMatch(/@internal$/);
    expect(findings[0]!.message).toContain('redirection');
  });
});

describe('findShadowed: reachable routers (false cases)', () => {
  const cases: { desc: string; routers: DynamicRouter[] }[] = [
    { desc: 'the higher router is narrower (exact path)', routers: [R('exact', 'Host(`a.com`) && Path(`/api`)', { priority: 100 }), R('prefix', 'Host(`a.com`) && PathPrefix(`/api`)')] },
    { desc: 'the higher router needs a method', routers: [R('get', 'Host(`a.com`) && Method(`GET`)', { priority: 100 }), R('any', 'Host(`a.com`)')] },
    { desc: 'the higher router excludes a header', routers: [R('nodebug', 'Host(`a.com`) && !Header(`X-Debug`, `1`)', { priority: 100 }), R('any', 'Host(`a.com`)')] },
    { desc: 'the higher router needs a query or a client network', routers: [R('q', 'Host(`a.com`) && (Query(`v`, `2`) || ClientIP(`10.0.0.0/8`))', { priority: 100 }), R('any', 'Host(`a.com`)')] },
    { desc: 'different entryPoints', routers: [R('secure', 'Host(`a.com`)', { priority: 100, entryPoints: ['websecure'] }), R('plain', 'Host(`a.com`)', { entryPoints: ['web'] })] },
    { desc: 'TLS and plain HTTP muxers of one entryPoint', routers: [R('tls', 'Host(`a.com`)', { priority: 100, tls: true, entryPoints: ['web'] }), R('plain', 'Host(`a.com`)', { entryPoints: ['web'] })] },
    { desc: 'the broader router ranks lower', routers: [R('api', 'Host(`a.com`) && PathPrefix(`/api`)'), R('all', 'Host(`a.com`)')] },
    { desc: 'equal priority: Traefik picks either', routers: [R('x', 'Host(`a.com`)', { priority: 7 }), R('y', 'Host(`a.com`)', { priority: 7 })] },
    { desc: 'a wildcard does not cover the apex', routers: [R('wild', 'Host(`*.example.com`)', { priority: 100 }), R('apex', 'Host(`example.com`)')] },
    { desc: 'disjoint hosts', routers: [R('a', 'Host(`a.com`)', { priority: 100 }), R('b', 'Host(`b.com`)')] },
  ];
  it.each(cases)('$desc', ({ routers }) => {
    expect(of(run(routers), 'shadowed')).toEqual([]);
  });

  it('never throws and ignores routers Traefik does not serve', () => {
    const broken = R('broken', 'Host(`a.com`', { priority: 100 });
    const disabled = { ...R('off', 'Host(`a.com`)'), disabled: { reason: 'test', code: 'X' } };
    expect(run([broken, disabled, R('ok', 'Host(`a.com`)')])).toEqual([]);
  });
});

describe('findShadowed: near-duplicates and catch-alls', () => {
  it('rules differing only in case, trailing slash and operand order are near-duplicates', () => {
    const findings = of(run([R('one', 'Host(`A.com`) && PathPrefix(`/api/`)'), R('two', 'PathPrefix(`/api`) && Host(`a.com`)')]), 'near-duplicate');
    expect(findings).toHaveLength(1);
    expect(findings[0]!.router).toBe(N('two'));
    expect(findings[0]!.by).toBe(N('one'));
  });

  it('different paths are not near-duplicates', () => {
    expect(of(run([R('api', 'Host(`a.com`) && PathPrefix(`/api`)'), R('app', 'Host(`a.com`) && PathPrefix(`/app`)')]), 'near-duplicate')).toEqual([]);
  });

  it.each([
    ['PathPrefix(`/`)'],
    ['HostRegexp(`.*`)'],
    ['Host(`*`)'],
    ['PathPrefix(`/`) && Method(`GET`)'],
  ])('%s above other routers is a catch-all', (rule) => {
    const findings = of(run([R('catch', rule, { priority: 1000 }), R('site', 'Host(`a.com`) && Method(`GET`)'), R('other', 'Host(`b.com`) && Method(`GET`)')]), 'catch-all');
    expect(findings).toHaveLength(1);
    expect(findings[0]!.router).toBe(N('catch'));
    expect(findings[0]!.others.sort()).toEqual([N('other'), N('site')]);
  });

  it('a catch-all with its default (low) priority is a fallback, not a finding', () => {
    // `PathPrefix(`/`)` is 15 bytes long: a longer rule ranks above it.
    const findings = run([R('catch', 'PathPrefix(`/`)'), R('site', 'Host(`shop.example.com`)')]);
    expect(of(findings, 'catch-all')).toEqual([]);
    expect(of(findings, 'shadowed')).toEqual([]);
  });

  it('a host-bound high-priority route is not a catch-all', () => {
    expect(of(run([R('all', 'Host(`a.com`) && PathPrefix(`/`)', { priority: 100 }), R('api', 'Host(`a.com`) && PathPrefix(`/api`)')]), 'catch-all')).toEqual([]);
  });
});

describe('toDiagnostics', () => {
  it('places findings on the route with the other router as related information', () => {
    const all = { ...R('all', 'Host(`a.com`)', { priority: 100 }), origin: { resourceId: 'IngressRoute/default/x', file: 'x.yaml', range: { start: 10, end: 40 }, routeIndex: 0 } };
    const api = { ...R('api', 'Host(`a.com`) && PathPrefix(`/api`)'), origin: { resourceId: 'IngressRoute/default/x', file: 'x.yaml', range: { start: 50, end: 90 }, routeIndex: 1 } };
    const cfg = config({ routers: [all, api] });
    const diags = toDiagnostics(findShadowed(cfg, baseSettings()), cfg);
    expect(diags).toHaveLength(1);
    expect(diags[0]).toMatchObject({ code: 'ROUTER_SHADOWED', severity: 'warning', family: 'runtime', file: 'x.yaml', range: { start: 50, end: 90 } });
    expect(diags[0]!.related?.[0]).toMatchObject({ file: 'x.yaml', range: { start: 10, end: 40 } });
  });

  it('catalogues every code in the runtime family', () => {
    for (const info of Object.values(REVIEW_CODES)) expect(info.family).toBe('runtime');
  });
});

describe('findShadowed at scale', () => {
  it('handles 2,000 generated routers within a bounded amount of work and proves every finding', async () => {
    const { generateConfig } = await import('../simulate/index.ts');
    const cfg = generateConfig(2000, 11);
    const settings = baseSettings();
    const routing = compileRouting(cfg, settings);
    // Work, not time: this workspace needs ~87,000 rule evaluations and ~570,000 units of countWork (the
    // generator's host pool is fixed, so both grow faster than the router count); the bounds are ~3.5× that.
    const budgeted = shadowReport(cfg, settings, { routing, maxEvaluations: 300_000 });
    expect(budgeted.checked).toBe(budgeted.total);
    const { result: findings, total: work } = countWork(() => findShadowed(cfg, settings, { routing }));
    expect(work).toBeLessThan(2_000_000);
    for (const f of findings.filter((x) => x.kind === 'shadowed')) {
      const step = simulate(routing, f.witness!).routing.find((s) => s.ranking.some((e) => e.router === f.router))!;
      expect(step.winner).toBe(f.by);
    }
  });
});

describe('shadowReport: a bounded search', () => {
  it('checks every router of a normal workspace, and says when a budget cut the search short', async () => {
    const { generateConfig } = await import('../simulate/index.ts');
    const cfg = generateConfig(2000, 11);
    const settings = baseSettings();
    const routing = compileRouting(cfg, settings);
    const full = shadowReport(cfg, settings, { routing });
    expect(full.checked).toBe(full.total);
    expect(full.total).toBeGreaterThanOrEqual(2000);
    const cut = shadowReport(cfg, settings, { routing, maxEvaluations: 20_000 });
    expect(cut.checked).toBeGreaterThan(0);
    expect(cut.checked).toBeLessThan(cut.total);
    // What a cut search reports is what the full search reports for the routers it checked.
    const key = (f: ShadowFinding) => `${f.kind}|${f.router}|${f.entryPoint}`;
    const fullKeys = new Set(full.findings.filter((f) => f.kind === 'shadowed').map(key));
    for (const f of cut.findings.filter((x) => x.kind === 'shadowed')) expect(fullKeys.has(key(f))).toBe(true);
  });

  it('stops at a deadline', async () => {
    const { generateConfig } = await import('../simulate/index.ts');
    const cfg = generateConfig(2000, 11);
    const report = shadowReport(cfg, baseSettings(), { deadline: performance.now() - 1 });
    expect(report.checked).toBeLessThan(report.total);
  });

  it('ranks ties without listing the tie group: 20,000 routers sharing one priority cost linear work', async () => {
    // 50 requests at 10,000 and at 20,000 routers of one tie group. Listing the group for each router the
    // request evaluates made the work per request (evaluated × group): the count went ×3.9 when the size doubled.
    const work = (n: number) => {
      const routers = Array.from({ length: n }, (_, i) => R(`r${i}`, `Host(\`h${i % 500}.com\`) && PathPrefix(\`/p${i}\`)`, { priority: 10 }));
      const routing = compileRouting(config({ routers }), baseSettings());
      const { result: verdicts, total } = countWork(() =>
        Array.from({ length: 50 }, (_, i) => simulate(routing, { method: 'GET', url: `http://h${i}.com/p${i}`, headers: {}, clientIP: '10.0.0.1' })),
      );
      for (const v of verdicts) {
        expect(v.routing[0]!.evaluated).toBe(n / 500); // the host index, not a scan
        expect(v.routing[0]!.ranking.every((e) => (e.tiedWith?.length ?? 0) <= 10)).toBe(true);
      }
      return total;
    };
    const small = work(10_000);
    const large = work(20_000);
    expect(large / small).toBeLessThan(3); // linear: 2.0
  });
});

describe('findShadowed leaves priority ties to validate', () => {
  it('identical rules with equal priorities are neither shadowed nor near-duplicates here', () => {
    expect(run([R('x', 'Host(`a.com`)'), R('y', 'Host(`a.com`)')])).toEqual([]);
  });
});
