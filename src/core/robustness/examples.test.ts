// The built-in examples (public/examples/*.yaml, read from disk) under random requests: requests near each
// router's sample requests, requests from anywhere, untyped ones. simulate never fails, names only routers of
// the configuration, and answers the same request the same way (twice on one routing, and on a second compile).
// Then random Traefik static configurations (traefik.yml as YAML/JSON, traefik.toml, garbage) through
// parseStaticConfig, and the settings they give through the whole core on the examples: entryPoint addresses,
// redirections, entryPoint middlewares and TLS, forwarded headers, provider flags, rule syntax.
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze, type WorkspaceFile } from '../analyze.ts';
import type { Settings } from '../types.ts';
import { defaultSettings } from '../provider/settings.ts';
import { parseStaticConfig } from '../settings/static-config.ts';
import { compileRouting, routingExtrasOf, sampleRequests, simulate, verdictToJson } from '../simulate/index.ts';
import { analysisProblems, compileProblems, requestArb, untypedRequestArb, variantsOf, verdictProblems } from './support.ts';

const DIR = new URL('../../../public/examples/', import.meta.url);
const EXAMPLES: WorkspaceFile[] = readdirSync(DIR)
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((name) => ({ name, text: readFileSync(new URL(name, DIR), 'utf8') }));

const RUNS = Number(process.env['ROBUSTNESS_RUNS'] ?? 250);
const CONFIG_RUNS = Math.round((RUNS * 2) / 3);
const SEED = Number(process.env['ROBUSTNESS_SEED'] ?? 0xe8a);
/** fast-check's and vitest's time limits, raised with ROBUSTNESS_RUNS when hunting. */
const TIME_LIMIT = Math.max(25_000, RUNS * 40);

/** Traefik Proxy v3 (the default) and v2.11, where v2-syntax.yaml is at home. */
function targets(): Settings[] {
  return [defaultSettings(), { ...defaultSettings(), target: 'v2.11', version: '2.11.50' }];
}

function fuzzWorkspace(files: WorkspaceFile[], settings: Settings, seed: number): { forwarded: number; matched: number } {
  const analysis = analyze(files, settings);
  expect(analysisProblems(analysis, files)).toEqual([]);
  const routing = compileRouting(analysis.config, analysis.settings, routingExtrasOf(analysis.resources));
  expect(compileProblems(routing)).toEqual([]);
  // A second compile of the same analysis: routing tables must not depend on anything but their input.
  const again = compileRouting(analysis.config, analysis.settings, routingExtrasOf(analysis.resources));
  const routers = Object.values(analysis.config.routers);
  expect(routers.length).toBeGreaterThan(0);
  const samples = routers.flatMap((r) => sampleRequests(r));
  expect(samples.length).toBeGreaterThan(0);
  const stats = { forwarded: 0, matched: 0 };
  fc.assert(
    fc.property(fc.oneof({ weight: 6, arbitrary: variantsOf(samples) }, { weight: 2, arbitrary: requestArb }, { weight: 1, arbitrary: untypedRequestArb }), (request) => {
      const v = simulate(routing, request);
      expect(verdictProblems(routing, v)).toEqual([]);
      // The winner is a router of this configuration (no settings-made routers with the default settings).
      if (v.router !== null) expect(Object.keys(analysis.config.routers)).toContain(v.router);
      const json = JSON.stringify(verdictToJson(v));
      expect(JSON.stringify(verdictToJson(simulate(routing, request)))).toBe(json);
      expect(JSON.stringify(verdictToJson(simulate(again, request)))).toBe(json);
      if (v.type === 'forwarded') stats.forwarded++;
      if (v.router !== null) stats.matched++;
    }),
    { seed, numRuns: RUNS, interruptAfterTimeLimit: TIME_LIMIT, markInterruptAsFailure: true },
  );
  return stats;
}

describe('random requests on the built-in examples', () => {
  it('finds the examples', () => {
    expect(EXAMPLES.map((e) => e.name)).toContain('default.yaml');
    expect(EXAMPLES.length).toBeGreaterThanOrEqual(6);
  });

  it.each(EXAMPLES.map((e) => [e.name, e] as const))('%s: simulate never fails, names only its routers, is deterministic', (_, example) => {
    const stats = targets().map((settings) => fuzzWorkspace([example], settings, SEED));
    // Requests near the sample requests reach the routers (on one target at least): the property is not vacuous.
    expect(Math.max(...stats.map((s) => s.matched))).toBeGreaterThan(RUNS / 10);
    expect(Math.max(...stats.map((s) => s.forwarded))).toBeGreaterThan(0);
  }, 2 * TIME_LIMIT + 30_000);

  it('all examples as one workspace (hosts, TLS options and names from several files at once)', () => {
    for (const settings of targets()) {
      const stats = fuzzWorkspace(EXAMPLES, settings, SEED + 1);
      expect(stats.matched).toBeGreaterThan(RUNS / 10);
      expect(stats.forwarded).toBeGreaterThan(0);
    }
  }, 2 * TIME_LIMIT + 30_000);
});

/** Now and then any JSON value instead of the plausible one: wrong types everywhere. */
const orWrong = <T>(arb: fc.Arbitrary<T>) => fc.oneof({ weight: 6, arbitrary: arb }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) });
const epName = fc.constantFrom('web', 'websecure', 'traefik', 'metrics', '', '__proto__', 'constructor', 'toString', 'ünï', 'a b', 'web-secure');
const address = fc.constantFrom(':80', ':443', ':8080', '0.0.0.0:80', '[::]:443', ':0', ':65535', ':65536', ':abc', '', 'localhost', ':80/udp', ':443/tcp', '1.2.3.4:', ':-1', ':99999999999', ':８０');
const boolish = fc.constantFrom(true, false, 'true', 'yes', 'no', 'on', 1, 0, null);
const entryPoint = fc.record(
  {
    address: orWrong(address),
    asDefault: orWrong(boolish),
    http: orWrong(
      fc.record(
        {
          redirections: fc.record({ entryPoint: fc.record({ to: orWrong(fc.oneof(epName, fc.constantFrom(':443', ':8443', ':abc', ':'))), scheme: orWrong(fc.constantFrom('https', 'http', '', 'ftp')), permanent: orWrong(boolish), priority: orWrong(fc.constantFrom(1, 10, 0, -1, 2 ** 53, 1e308, 2 ** 63, '5', 'x')) }, { requiredKeys: [] }) }),
          middlewares: orWrong(fc.array(fc.constantFrom('auth@file', 'shop-security-headers@kubernetescrd', 'nope', '', 'a@b@c', 'strip-api@kubernetescrd'), { maxLength: 3 })),
          tls: orWrong(fc.oneof(fc.constant(null), fc.constant({}), fc.record({ options: orWrong(fc.constantFrom('default', 'shop-modern-tls@kubernetescrd', 'nope', '')), certResolver: fc.constantFrom('le', '') }, { requiredKeys: [] }))),
        },
        { requiredKeys: [] },
      ),
    ),
    forwardedHeaders: orWrong(fc.record({ insecure: orWrong(boolish), trustedIPs: orWrong(fc.array(fc.constantFrom('10.0.0.0/8', '::1', '0.0.0.0/0', 'garbage', '', '1.2.3.4/33'), { maxLength: 3 })) }, { requiredKeys: [] })),
  },
  { requiredKeys: ['address'] },
);
const staticConfig = fc.record(
  {
    entryPoints: orWrong(fc.array(fc.tuple(epName, entryPoint), { maxLength: 4 }).map((eps) => Object.fromEntries(eps))),
    providers: orWrong(fc.record({ kubernetesCRD: orWrong(fc.record({ allowCrossNamespace: boolish, allowExternalNameServices: boolish, allowEmptyServices: boolish, nativeLBByDefault: boolish, ingressClass: orWrong(fc.constantFrom('traefik', '', 'x')), namespaces: orWrong(fc.array(fc.constantFrom('shop', 'default', 'web', ''), { maxLength: 2 })) }, { requiredKeys: [] })) }, { requiredKeys: [] })),
    core: fc.record({ defaultRuleSyntax: orWrong(fc.constantFrom('v2', 'v3', 'v4', '')) }, { requiredKeys: [] }),
  },
  { requiredKeys: [] },
);

/** TOML pieces, shuffled: tables, keys, broken quoting. */
const TOML_PIECES = ['[entryPoints.web]\n', '[entryPoints.websecure]\n', 'address = ":80"\n', 'address = ":443"\n', 'address = 80\n', '[entryPoints.web.http.redirections.entryPoint]\n', 'to = "websecure"\n', 'scheme = "https"\n', '[providers.kubernetesCRD]\n', 'allowCrossNamespace = true\n', '[core]\n', 'defaultRuleSyntax = "v2"\n', '"', '[', ']', '=', '\n', 'x = [1, "a"]\n', 'a.b.c = {d = 1}\n', '[[entryPoints]]\n', '# c\n'];

const configText = fc.oneof(
  { weight: 4, arbitrary: staticConfig.map((c) => ({ name: 'traefik.yml', text: JSON.stringify(c, null, 2) })) },
  { weight: 1, arbitrary: fc.array(fc.constantFrom(...TOML_PIECES), { maxLength: 20 }).map((p) => ({ name: 'traefik.toml', text: p.join('') })) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('traefik.yml', 'traefik.toml', 'traefik.yaml'), fc.string({ unit: 'binary', maxLength: 200 })).map(([name, text]) => ({ name, text })) },
);

describe('random static configurations (parseStaticConfig) on the examples', () => {
  it('parseStaticConfig never throws; the settings it gives analyse, compile and simulate the examples', () => {
    const current = defaultSettings();
    const stats = { parsed: 0, redirects: 0, matched: 0 };
    fc.assert(
      fc.property(configText, fc.array(requestArb, { maxLength: 3 }), ({ name, text }, requests) => {
        const result = parseStaticConfig(text, name, current);
        if ('error' in result) {
          expect(result.error.trim()).not.toBe('');
          return;
        }
        stats.parsed++;
        expect(Array.isArray(result.warnings)).toBe(true);
        const settings = result.settings;
        if (settings.entryPoints.some((e) => e.redirectTo)) stats.redirects++;
        const a = analyze(EXAMPLES, settings);
        expect(analysisProblems(a, EXAMPLES)).toEqual([]);
        const routing = compileRouting(a.config, a.settings, routingExtrasOf(a.resources));
        expect(compileProblems(routing)).toEqual([]);
        const aimed = Object.values(a.config.routers).filter((_, i) => i % 4 === 0).flatMap((r) => sampleRequests(r).slice(0, 1));
        for (const request of [...aimed, ...requests]) {
          const v = simulate(routing, request);
          expect(verdictProblems(routing, v)).toEqual([]);
          if (v.router !== null) stats.matched++;
        }
      }),
      { seed: SEED + 2, numRuns: CONFIG_RUNS, interruptAfterTimeLimit: TIME_LIMIT, markInterruptAsFailure: true },
    );
    expect(stats.parsed).toBeGreaterThan(CONFIG_RUNS / 2);
    expect(stats.redirects).toBeGreaterThan(CONFIG_RUNS / 20);
    expect(stats.matched).toBeGreaterThan(CONFIG_RUNS);
  }, TIME_LIMIT + 30_000);
});
