import { describe, expect, it } from 'vitest';
import { compileRouting, simulate } from '../simulate/index.ts';
import { countWork } from '../robustness/work.ts';
import { baseSettings, config, router } from '../simulate/fixtures.ts';
import { findShadowed, shadowReport } from './shadow.ts';
import type { ShadowFinding } from './types.ts';

// The shadow search at scale (generated workspaces). The small cases are in shadow-findings.test.ts.
const R = (name: string, rule: string, over: Parameters<typeof router>[2] = {}) => router(`${name}@kubernetescrd`, rule, over);

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
