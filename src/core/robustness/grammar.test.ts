// Generated IngressRoute workspaces (every kind, every field, plausible and hostile values, random YAML styles,
// random line mutations, random settings) through the whole core: analyze, summarizeAnalysis, the graph, quick
// fixes, compileRouting, simulate and verdictToJson. Nothing may throw, every diagnostic and verdict must be
// well-formed, and nothing may do pathological work.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze, summarizeAnalysis } from '../analyze.ts';
import { buildGraph, layoutGraph } from '../graph/index.ts';
import { compileRouting, routingExtrasOf, sampleRequests, simulate, verdictToJson } from '../simulate/index.ts';
import type { SimRequest } from '../simulate/index.ts';
import { countWork } from './work.ts';
import {
  analysisProblems, applyFix, compileProblems, diagnosticProblems, genPicker, randomSettings, requestArb, verdictProblems, workspaceFiles,
} from './support.ts';

/** More runs or another seed when hunting: ROBUSTNESS_RUNS=20000 ROBUSTNESS_SEED=7 npx vitest run src/core/robustness */
const RUNS = Number(process.env['ROBUSTNESS_RUNS'] ?? 500);
const SEED = Number(process.env['ROBUSTNESS_SEED'] ?? 0x1e55);
/** Vitest's time limit: only a guard against a hang, far above the run's duration on a busy 2-core machine. */
const TIMEOUT = Math.max(600_000, RUNS * 1_000);

/**
 * Per-case bounds on the work (countWork), far above what a case takes (measured at most ~11 per character
 * for analyze, ~3,600 per router for one simulation): a bound hit means a pathological path. Counted, not
 * timed, so a slow or busy machine gives the same answer.
 */
const ANALYZE_WORK = (chars: number) => 400 * chars + 200_000;
const SIMULATE_WORK = (routers: number) => 30_000 * routers + 200_000;

describe('generated workspaces through the whole core', () => {
  it('never throw, stay well-formed and fast (analyze → graph → fixes → compileRouting → simulate)', () => {
    const stats = { runs: 0, routers: 0, served: 0, yamlErrors: 0, fixes: 0, requests: 0, forwarded: 0, responded: 0, matched: 0 };
    let most = { analyze: 0, simulate: 0 };
    fc.assert(
      fc.property(fc.gen(), fc.array(requestArb, { minLength: 1, maxLength: 6 }), (g, requests) => {
        const p = genPicker(g);
        const files = workspaceFiles(p);
        const settings = randomSettings(p);
        stats.runs++;

        const chars = files.reduce((n, f) => n + f.text.length, 0);
        const { result: a, total: analyzeWork } = countWork(() => analyze(files, settings), { strings: true });
        most = { ...most, analyze: Math.max(most.analyze, analyzeWork / (chars + 1)) };
        expect(analysisProblems(a, files)).toEqual([]);
        expect(analyzeWork).toBeLessThan(ANALYZE_WORK(chars));
        if (a.diagnostics.some((d) => d.family === 'yaml' && d.severity === 'error')) stats.yamlErrors++;

        // What the worker does with an analysis: summary and graph are posted (structured clone).
        structuredClone(summarizeAnalysis(a));
        const graph = buildGraph(a.config, a.resources, a.diagnostics);
        structuredClone(layoutGraph(graph));

        // One quick fix, applied: the result analyses cleanly too.
        const fixable = a.diagnostics.filter((d) => (d.fixes?.length ?? 0) > 0);
        if (fixable.length > 0) {
          stats.fixes++;
          const d = fixable[p.nat(fixable.length - 1)]!;
          const fixed = applyFix(files, d, p.nat(d.fixes!.length - 1));
          expect(diagnosticProblems(analyze(fixed, settings).diagnostics, fixed)).toEqual([]);
        }

        const routing = compileRouting(a.config, a.settings, routingExtrasOf(a.resources));
        expect(compileProblems(routing)).toEqual([]);
        const routers = Object.values(routing.routers);
        if (routers.length > 0) stats.routers++;
        if (routers.some((r) => r.skipReason === null)) stats.served++;

        // Requests aimed at the routers (their rules' sample values), then the random ones.
        const aimed: SimRequest[] = routers.filter((r) => r.skipReason === null).slice(0, 3).flatMap((r) => sampleRequests(r.router).slice(0, 2));
        for (const request of [...aimed, ...requests]) {
          stats.requests++;
          const { result: v, total: simulateWork } = countWork(() => simulate(routing, request), { strings: true });
          most = { ...most, simulate: Math.max(most.simulate, simulateWork / (routers.length + 1)) };
          expect(verdictProblems(routing, v)).toEqual([]);
          expect(simulateWork).toBeLessThan(SIMULATE_WORK(routers.length));
          // Same request, same compiled routing: same answer.
          expect(JSON.stringify(verdictToJson(simulate(routing, request)))).toBe(JSON.stringify(verdictToJson(v)));
          if (v.type === 'forwarded') stats.forwarded++;
          if (v.type === 'responded') stats.responded++;
          if (v.router !== null) stats.matched++;
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
    console.log(`grammar fuzz: ${JSON.stringify(stats)}; most work: analyze ${most.analyze.toFixed(0)} per character, simulate ${most.simulate.toFixed(0)} per router`);
    // The generator must reach the interesting paths, or the property above proves little.
    expect(stats.routers / stats.runs).toBeGreaterThan(0.3);
    expect(stats.served / stats.runs).toBeGreaterThan(0.1);
    expect(stats.yamlErrors / stats.runs).toBeGreaterThan(0.05);
    expect(stats.yamlErrors / stats.runs).toBeLessThan(0.6);
    expect(stats.fixes).toBeGreaterThan(10);
    expect(stats.matched).toBeGreaterThan(10);
    expect(stats.forwarded).toBeGreaterThan(5);
  }, TIMEOUT);
});
