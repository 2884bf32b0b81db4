// Hand-made worst cases, where random generation rarely goes: very deep or very long rules, huge arguments and
// regular expressions, reference cycles, deep and diamond-shaped reference graphs, large tie groups. Each goes
// through analyze, compileRouting, simulate, buildGraph and layoutGraph: nothing throws, everything stays
// well-formed, nothing takes pathological time. The cases the core does not survive yet are cut down to a size
// it does, with a KNOWN note giving the size that fails.
import { describe, expect, it } from 'vitest';
import { analyze, type WorkspaceFile } from '../analyze.ts';
import { buildGraph, layoutGraph } from '../graph/index.ts';
import { defaultSettings } from '../provider/settings.ts';
import { compileRouting, routingExtrasOf, simulate, verdictToJson } from '../simulate/index.ts';
import type { SimRequest } from '../simulate/index.ts';
import { analysisProblems, compileProblems, verdictProblems } from './support.ts';
import { countWork } from './work.ts';

/**
 * Work allowed per character of a case, plus a fixed part, far above what the cases take (countWork: lookups,
 * array callbacks, characters copied and scanned; measured 2–60 per character, and ~11 million in all for the
 * 30-level weighted diamond, whose simulation is capped): a bound hit means a pathological path. Counted, not
 * timed, so a slow or busy machine gives the same answer.
 */
const WORK_PER_CHAR = 200;
const WORK_BASE = 20_000_000;

const ir = (name: string, opts: { match?: string; services?: string; middlewares?: string; extra?: string } = {}) =>
  `apiVersion: traefik.io/v1alpha1
kind: IngressRoute
metadata: {name: ${name}}
spec:
  entryPoints: [web]
${opts.extra ?? ''}  routes:
    - match: ${JSON.stringify(opts.match ?? 'Host(`a.com`)')}
      middlewares: ${opts.middlewares ?? '[]'}
      services: ${opts.services ?? '[{name: s, port: 80}]'}`;
const mw = (name: string, spec: string) => `apiVersion: traefik.io/v1alpha1\nkind: Middleware\nmetadata: {name: ${name}}\nspec: ${spec}`;
const ts = (name: string, spec: string) => `apiVersion: traefik.io/v1alpha1\nkind: TraefikService\nmetadata: {name: ${name}}\nspec: ${spec}`;
const tsRef = (name: string) => `{name: ${name}, kind: TraefikService}`;
const hosts = (n: number, op: string) => Array.from({ length: n }, (_, i) => `Host(\`h${i}.com\`)`).join(` ${op} `);

/** TraefikServices (or chain Middlewares) in L levels of two, each pointing at both of the next level. */
function diamond(levels: number, kind: 'weighted' | 'mirroring' | 'failover' | 'chain'): string[] {
  const docs = [kind === 'chain' ? ir('r', { middlewares: '[{name: a0}]' }) : ir('r', { services: `[${tsRef('a0')}]` })];
  for (let i = 0; i < levels; i++) {
    const last = i + 1 === levels;
    for (const x of ['a', 'b']) {
      const [a, b] = [`a${i + 1}`, `b${i + 1}`];
      if (kind === 'chain') docs.push(mw(`${x}${i}`, last ? '{stripPrefix: {prefixes: [/x]}}' : `{chain: {middlewares: [{name: ${a}}, {name: ${b}}]}}`));
      else if (last) docs.push(ts(`${x}${i}`, '{weighted: {services: [{name: s, port: 80}]}}'));
      else if (kind === 'weighted') docs.push(ts(`${x}${i}`, `{weighted: {services: [${tsRef(a)}, ${tsRef(b)}]}}`));
      else if (kind === 'mirroring') docs.push(ts(`${x}${i}`, `{mirroring: {name: ${a}, kind: TraefikService, mirrors: [{name: ${b}, kind: TraefikService, percent: 50}]}}`));
      else docs.push(ts(`${x}${i}`, `{failover: {service: ${tsRef(a)}, fallback: ${tsRef(b)}}}`));
    }
  }
  return docs;
}

const CASES: Record<string, string[]> = {
  // Rules
  '50,000 negations': [ir('r', { match: `${'!'.repeat(50_000)}Host(\`a.com\`)` })],
  '20,000 nested parentheses': [ir('r', { match: `${'('.repeat(20_000)}Host(\`a.com\`)${')'.repeat(20_000)}` })],
  '20,000 unclosed parentheses': [ir('r', { match: `${'('.repeat(20_000)}Host(\`a.com\`)` })],
  // A flat chain of ~5,050 `&&` terms overflowed the stack when the routing tables were built, and nothing at
  // all was served; beyond 2,500 operators the rule is now refused with RULE_TOO_DEEP (test below).
  '2,000-term && chain': [ir('r', { match: hosts(2_000, '&&') })],
  '2,000-term || chain': [ir('r', { match: hosts(2_000, '||') }), ir('other')],
  '1 MB Host argument': [ir('r', { match: `Host(\`${'a'.repeat(1_000_000)}.com\`)` })],
  '20,000 Host arguments (v2)': [ir('r', { match: `Host(${Array.from({ length: 20_000 }, (_, i) => `\`h${i}.com\``).join(',')})`, extra: '' }).replace('services:', 'syntax: v2\n      services:')],
  '25 KB regular expression': [ir('r', { match: `HostRegexp(\`${'(a|b)'.repeat(5_000)}\`) || PathRegexp(\`(a+)+$\`)` })],
  'nested counted repetition': [ir('r', { match: 'PathRegexp(`((((a{1000}){1000}){1000}){1000})`) || Path(`/`)' })],
  '2,000 routes in one IngressRoute': [
    `apiVersion: traefik.io/v1alpha1\nkind: IngressRoute\nmetadata: {name: r}\nspec:\n  routes:\n${Array.from({ length: 2_000 }, (_, i) => `    - match: Host(\`h${i}.com\`) && PathPrefix(\`/${i}\`)\n      services: [{name: s, port: 80}]`).join('\n')}`,
  ],
  // Reference cycles
  'chain Middleware cycle': [ir('r', { middlewares: '[{name: c1}]' }), mw('c1', '{chain: {middlewares: [{name: c2}]}}'), mw('c2', '{chain: {middlewares: [{name: c1}]}}')],
  'chain Middleware referring to itself': [ir('r', { middlewares: '[{name: c}]' }), mw('c', '{chain: {middlewares: [{name: c}]}}')],
  'weighted TraefikService cycle': [ir('r', { services: `[${tsRef('w1')}]` }), ts('w1', `{weighted: {services: [${tsRef('w2')}]}}`), ts('w2', `{weighted: {services: [${tsRef('w1')}, {name: s, port: 80}]}}`)],
  'mirroring TraefikService mirroring itself': [ir('r', { services: `[${tsRef('m')}]` }), ts('m', '{mirroring: {name: m, kind: TraefikService, mirrors: [{name: m, kind: TraefikService, percent: 50}]}}')],
  'failover TraefikService failing over to itself': [ir('r', { services: `[${tsRef('f')}]` }), ts('f', `{failover: {service: ${tsRef('f')}, fallback: ${tsRef('f')}}}`)],
  'highestRandomWeight TraefikService containing itself': [ir('r', { services: `[${tsRef('h')}]` }), ts('h', `{highestRandomWeight: {services: [${tsRef('h')}]}}`)],
  'errors Middleware served by its own router': [ir('r', { middlewares: '[{name: err}]', services: `[${tsRef('e')}]` }), mw('err', `{errors: {status: ["500-599"], service: ${tsRef('e')}, query: /x}}`), ts('e', '{weighted: {services: [{name: s, port: 80}]}}')],
  'IngressRoute parent of itself': [ir('p', { extra: '  parentRefs: [{name: p}]\n' })],
  'IngressRoute parent cycle': [ir('p1', { extra: '  parentRefs: [{name: p2}]\n' }), ir('p2', { extra: '  parentRefs: [{name: p1}]\n' })],
  // Deep reference chains: buildGraph overflowed the stack (RangeError out of the core) from ~2,065 weighted
  // TraefikServices or ~2,321 chain Middlewares in a row; it now stops drawing at depth 200.
  '3,000 weighted TraefikServices in a row': [ir('r', { services: `[${tsRef('w0')}]` }), ...Array.from({ length: 3_000 }, (_, i) => ts(`w${i}`, `{weighted: {services: [${i === 2_999 ? '{name: s, port: 80}' : tsRef(`w${i + 1}`)}]}}`))],
  '3,000 chain Middlewares in a row': [ir('r', { middlewares: '[{name: c0}]' }), ...Array.from({ length: 3_000 }, (_, i) => mw(`c${i}`, i === 2_999 ? '{stripPrefix: {prefixes: [/x]}}' : `{chain: {middlewares: [{name: c${i + 1}}]}}`))],
  '300 IngressRoutes each the parent of the next': [ir('p0'), ...Array.from({ length: 300 }, (_, i) => ir(`p${i + 1}`, { extra: `  parentRefs: [{name: p${i}}]\n` }))],
  // Diamonds: the cycle check and the graph walked every path (time exponential in the levels: L = 24, 49
  // documents, took 11 s and 20 s); both now visit each node once per start or router.
  'diamond of weighted TraefikServices, 30 levels': diamond(30, 'weighted'),
  'diamond of mirroring TraefikServices, 30 levels': diamond(30, 'mirroring'),
  'diamond of failover TraefikServices, 30 levels': diamond(30, 'failover'),
  // Chains really are expanded: Traefik runs every middleware of every path (2^L steps), so the verdict
  // lists them and L stays small; the cycle check and the graph are linear in it now.
  'diamond of chain Middlewares, 10 levels': diamond(10, 'chain'),
  // Ties: 1,500 routers with rules of the same length, so the same priority.
  '1,500 routers of equal priority': Array.from({ length: 1_500 }, (_, i) => ir(`r${i}`, { match: `Host(\`h${String(i).padStart(5, '0')}.example.com\`)` })),
};

const REQUESTS: SimRequest[] = [
  { method: 'GET', url: 'http://a.com/x', headers: {}, clientIP: '192.0.2.7' },
  { method: 'GET', url: 'http://h1.com/1', headers: {}, clientIP: '192.0.2.7' },
  { method: 'GET', url: 'http://nomatch.example.com/', headers: {}, clientIP: '192.0.2.7' },
  { method: 'POST', url: `http://h00007.example.com/${'a'.repeat(1_000)}`, headers: { Host: 'a.com' }, clientIP: '::1' },
];

describe('worst cases', () => {
  it.each(Object.entries(CASES))('%s', (_, docs) => {
    const files: WorkspaceFile[] = [{ name: 'x.yaml', text: `${docs.join('\n---\n')}\n` }];
    // The whole pipeline under countWork, the checks after it (they are not the core's work).
    const { result, total: work } = countWork(() => {
      const a = analyze(files, defaultSettings());
      const routing = compileRouting(a.config, a.settings, routingExtrasOf(a.resources));
      const verdicts = REQUESTS.map((request) => simulate(routing, request));
      layoutGraph(buildGraph(a.config, a.resources, a.diagnostics));
      return { a, routing, verdicts };
    }, { strings: true });
    const { a, routing, verdicts } = result;
    expect(analysisProblems(a, files)).toEqual([]);
    expect(compileProblems(routing)).toEqual([]);
    for (const v of verdicts) {
      // Cloned too: 1,500 equal-priority routers made a 113 MB verdict before tie lists were cut.
      expect(verdictProblems(routing, v)).toEqual([]);
      expect(JSON.stringify(v).length).toBeLessThan(5_000_000);
      expect(JSON.stringify(verdictToJson(v)).length).toBeLessThan(2_000_000);
    }
    expect(work).toBeLessThan(WORK_PER_CHAR * files[0]!.text.length + WORK_BASE);
  });
});

describe('findings of the fuzzing, fixed', () => {
  const files: WorkspaceFile[] = [{ name: 'a.yaml', text: 'apiVersion: traefik.io/v1alpha1\nkind: IngressRoute\nmetadata:\n  name: r\nspec:\n  routes:\n    - match: Host(`a.com`) &&' }];

  it('a rule error at the very end of a file stays inside the file', () => {
    const a = analyze(files, defaultSettings());
    const rule = a.diagnostics.filter((d) => d.family === 'rule');
    expect(rule.length).toBeGreaterThan(0);
    expect(analysisProblems(a, files)).toEqual([]);
  });

  it('a Host header with no value is no Host header', () => {
    const a = analyze([{ name: 'a.yaml', text: 'apiVersion: traefik.io/v1alpha1\nkind: IngressRoute\nmetadata:\n  name: r\nspec:\n  routes:\n    - match: Host(`example.com`)\n      services:\n        - name: s\n          port: 80\n' }], defaultSettings());
    const routing = compileRouting(a.config, a.settings, routingExtrasOf(a.resources));
    const v = simulate(routing, { method: 'GET', url: 'http://example.com/', headers: { Host: [] }, clientIP: '10.0.0.1' });
    expect(verdictProblems(routing, v)).toEqual([]);
    expect(v.router).not.toBeNull();
  });
});

describe('diamonds of chain Middlewares', () => {
  it('24 levels: the cycle check and the graph do about twice the work of 12 (they were exponential)', () => {
    const work = (levels: number) => {
      const files = diamond(levels, 'chain').map((text, i) => ({ name: `d${i}.yaml`, text }));
      const { result, total } = countWork(() => {
        const a = analyze(files, defaultSettings());
        const graph = buildGraph(a.config, a.resources, a.diagnostics);
        layoutGraph(graph);
        return { a, graph };
      }, { strings: true });
      expect(analysisProblems(result.a, files)).toEqual([]);
      expect(result.graph.nodes.filter((n) => n.kind === 'middleware').length).toBeGreaterThanOrEqual(2 * levels);
      return total;
    };
    // Exponential: ×4096 from 12 to 24 levels; linear: ×2.
    expect(work(24) / work(12)).toBeLessThan(3);
  });
});

describe('a rule with thousands of operators', () => {
  it('is refused with RULE_TOO_DEEP, and the other routers are still served', () => {
    const files = [ir('r', { match: hosts(6_000, '&&') }), ir('other')].map((text, i) => ({ name: `f${i}.yaml`, text }));
    const a = analyze(files, defaultSettings());
    expect(a.diagnostics.some((d) => d.code === 'RULE_TOO_DEEP')).toBe(true);
    const routing = compileRouting(a.config, a.settings, routingExtrasOf(a.resources));
    expect(compileProblems(routing)).toEqual([]);
    const served = Object.values(routing.entryPoints).flatMap((ep) => [...ep.http.routes, ...ep.https.routes]);
    expect(served.length).toBeGreaterThan(0);
  });
});
