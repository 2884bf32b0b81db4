import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../analyze.ts';
import { defaultSettings } from '../provider/settings.ts';
import { buildRoutingRequest, evaluateRule, parseRule } from '../rules/index.ts';
import { secretsOf } from '../secrets.ts';
import { compileRouting, generateConfig, simulate, type CompiledRouting } from '../simulate/index.ts';
import { baseSettings, config, router } from '../simulate/fixtures.ts';
import type { SimRequest } from '../simulate/verdict.ts';
import type { DynamicConfig, DynamicRouter, Settings } from '../types.ts';
import { disjuncts } from './literals.ts';
import { requestKey, solve, witnessRequests, witnessTarget, type WitnessTarget } from './witness.ts';

/** The rule alone against the request (rules module), for requests that never reach routing. */
function ruleMatches(r: DynamicRouter, request: SimRequest, settings: Settings): boolean {
  const url = new URL(request.url);
  const ast = parseRule(r.rule, settings.target === 'v2.11' ? 'v2' : r.ruleSyntax).ast;
  const rr = buildRoutingRequest({ method: request.method, host: url.host, escapedPath: url.pathname, rawQuery: url.search.slice(1), headers: request.headers, clientIP: request.clientIP });
  return !!ast && evaluateRule(ast, rr, { target: settings.target, version: settings.version }).matched;
}

/**
 * Whether the simulator, given the whole config, ranks `name` as matched for the request. When the request
 * cannot reach routing for reasons outside the rule (a TLS handshake that fails for every name: sniStrict
 * without a certificate), the rule itself must match it.
 */
function matchedBySimulator(routing: CompiledRouting, name: string, request: SimRequest): boolean {
  const v = simulate(routing, request);
  if (v.type === 'no-response' && v.cause === 'tls-handshake-failed') {
    return ruleMatches(routing.routers[name]!.router, request, routing.settings);
  }
  return v.routing.some((step) => step.ranking.some((e) => e.router === name && e.result === 'matched'));
}

function expectAllMatch(cfg: DynamicConfig, settings: Settings, routing: CompiledRouting, minPerRouter = 0): number {
  let total = 0;
  for (const r of Object.values(cfg.routers)) {
    if (r.disabled || routing.routers[r.name]?.skipReason) continue;
    const ws = witnessRequests(r, { settings });
    expect(ws.length, `${r.name}: ${r.rule}`).toBeGreaterThanOrEqual(minPerRouter);
    for (const w of ws) {
      expect(matchedBySimulator(routing, r.name, w), `${r.name} (${r.rule}) with ${w.method} ${w.url} ${JSON.stringify(w.headers)} from ${w.clientIP}`).toBe(true);
    }
    total += ws.length;
  }
  return total;
}

function single(rule: string, over: Parameters<typeof router>[2] = {}): { r: DynamicRouter; ws: SimRequest[]; routing: CompiledRouting } {
  const r = router('t-test@kubernetescrd', rule, over);
  const settings = baseSettings();
  const routing = compileRouting(config({ routers: [r] }), settings);
  return { r, ws: witnessRequests(r, { settings }), routing };
}

const cases: { desc: string; rule: string; syntax?: 'v2' | 'v3'; tls?: boolean; count: number; check?: (w: SimRequest[]) => void }[] = [
  // Cases no witness can satisfy come first, as in Traefik's matcher tests.
  { desc: 'a rule that does not parse', rule: 'Host(`a.com`', count: 0 },
  { desc: 'two different exact paths at once', rule: 'Path(`/a`) && Path(`/b`)', count: 0 },
  { desc: 'a leaf and its negation', rule: 'Host(`a.com`) && !Host(`a.com`)', count: 0 },
  { desc: 'a regex the sampler does not model (Unicode script)', rule: 'HostRegexp(`^\\p{Greek}+$`)', count: 0 },
  { desc: 'exact host', rule: 'Host(`shop.example.com`)', count: 1, check: (w) => expect(w[0]!.url).toBe('http://shop.example.com/') },
  { desc: 'host with upper case and a trailing dot', rule: 'Host(`Shop.Example.COM.`)', count: 1, check: (w) => expect(new URL(w[0]!.url).hostname).toBe('shop.example.com') },
  { desc: 'wildcard host', rule: 'Host(`*.example.com`)', count: 1, check: (w) => expect(new URL(w[0]!.url).hostname).toBe('w.example.com') },
  { desc: 'HostRegexp anchored', rule: 'HostRegexp(`^.+\\.example\\.com$`)', count: 1, check: (w) => expect(new URL(w[0]!.url).hostname).toMatch(/\.example\.com$/) },
  { desc: 'HostRegexp unanchored suffix', rule: 'HostRegexp(`\\.internal$`)', count: 1 },
  { desc: 'PathPrefix', rule: 'Host(`a.com`) && PathPrefix(`/api`)', count: 1, check: (w) => expect(new URL(w[0]!.url).pathname).toBe('/api') },
  { desc: 'Path with a space', rule: 'Path(`/a b`)', count: 1 },
  { desc: 'PathRegexp', rule: 'PathRegexp(`^/users/[0-9]+$`)', count: 1, check: (w) => expect(new URL(w[0]!.url).pathname).toBe('/users/0') },
  { desc: 'PathPrefix and PathRegexp together', rule: 'PathPrefix(`/files`) && PathRegexp(`\\.json$`)', count: 1 },
  { desc: 'Method', rule: 'Method(`POST`) && Host(`a.com`)', count: 1, check: (w) => expect(w[0]!.method).toBe('POST') },
  { desc: 'Header', rule: 'Header(`X-Env`, `beta`)', count: 1, check: (w) => expect(w[0]!.headers['X-Env']).toBe('beta') },
  { desc: 'HeaderRegexp', rule: 'HeaderRegexp(`User-Agent`, `^curl/`)', count: 1 },
  { desc: 'two values of one header', rule: 'Header(`X-A`, `1`) && Header(`X-A`, `2`)', count: 1, check: (w) => expect(w[0]!.headers['X-A']).toEqual(['1', '2']) },
  { desc: 'Query with a value', rule: 'Query(`page`, `2`)', count: 1, check: (w) => expect(w[0]!.url).toContain('?page=2') },
  { desc: 'Query key only', rule: 'Query(`debug`)', count: 1 },
  { desc: 'QueryRegexp', rule: 'QueryRegexp(`id`, `^[0-9]+$`)', count: 1 },
  { desc: 'ClientIP CIDR', rule: 'ClientIP(`10.20.0.0/16`)', count: 1, check: (w) => expect(w[0]!.clientIP).toBe('10.20.0.1') },
  { desc: 'ClientIP IPv6', rule: 'ClientIP(`2001:db8:1::/48`)', count: 1 },
  { desc: 'negated path prefix', rule: 'Host(`a.com`) && !PathPrefix(`/`)', count: 0 },
  { desc: 'negated path prefix avoided', rule: 'Host(`a.com`) && !PathPrefix(`/admin`)', count: 1 },
  { desc: 'negated method', rule: 'Host(`a.com`) && !Method(`GET`)', count: 1, check: (w) => expect(w[0]!.method).not.toBe('GET') },
  { desc: 'negated exact path next to its prefix', rule: 'PathPrefix(`/api`) && !Path(`/api`)', count: 1 },
  { desc: 'negated ClientIP', rule: '!ClientIP(`203.0.113.0/24`)', count: 1, check: (w) => expect(w[0]!.clientIP).not.toMatch(/^203\.0\.113\./) },
  { desc: 'negated host and header', rule: '!(Host(`a.com`) || Header(`X-Skip`, `1`))', count: 1 },
  { desc: 'one witness per alternative', rule: 'Host(`a.com`) && (Path(`/`) || PathPrefix(`/admin`))', count: 2 },
  { desc: 'TLS router: https on websecure', rule: 'Host(`a.com`)', tls: true, count: 1, check: (w) => { expect(w[0]!.url).toBe('https://a.com/'); expect(w[0]!.entryPoint).toBe('websecure'); } },
  // v2 syntax (containous/mux templates, variadic matchers)
  { desc: 'v2 Host with two hosts', rule: 'Host(`a.com`, `b.com`)', syntax: 'v2', count: 1 },
  { desc: 'v2 HostRegexp template', rule: 'HostRegexp(`{sub:[a-z]+}.example.com`)', syntax: 'v2', count: 1, check: (w) => expect(new URL(w[0]!.url).hostname).toBe('w.example.com') },
  { desc: 'v2 Path template', rule: 'Path(`/users/{id:[0-9]+}`)', syntax: 'v2', count: 1, check: (w) => expect(new URL(w[0]!.url).pathname).toBe('/users/0') },
  { desc: 'v2 PathPrefix template', rule: 'PathPrefix(`/v{n}/api`)', syntax: 'v2', count: 1 },
  { desc: 'v2 Headers pairs', rule: 'Headers(`X-A`, `1`, `X-B`, `2`)', syntax: 'v2', count: 1, check: (w) => expect(w[0]!.headers).toEqual({ 'X-A': '1', 'X-B': '2' }) },
  { desc: 'v2 HeadersRegexp', rule: 'HeadersRegexp(`X-Id`, `^[a-f0-9]+$`)', syntax: 'v2', count: 1 },
  { desc: 'v2 Query pairs', rule: 'Query(`a=1`, `b=`)', syntax: 'v2', count: 1 },
  { desc: 'v2 negated Method', rule: 'Host(`a.com`) && !Method(`GET`, `HEAD`)', syntax: 'v2', count: 1 },
];

describe('witnessRequests', () => {
  it.each(cases)('$desc', ({ rule, syntax, tls, count, check }) => {
    const { r, ws, routing } = single(rule, { ruleSyntax: syntax ?? 'v3', ...(tls ? { tls: true } : {}) });
    expect(ws).toHaveLength(count);
    for (const w of ws) expect(matchedBySimulator(routing, r.name, w), `${w.method} ${w.url}`).toBe(true);
    check?.(ws);
  });

  it('never throws on odd input', () => {
    const r = router('odd@kubernetescrd', '');
    expect(witnessRequests(r)).toEqual([]);
    expect(witnessRequests({ ...r, rule: 'Host(`a`) && '.repeat(200) + 'Host(`a`)' })).toHaveLength(1);
  });

  it('caps the number of witnesses', () => {
    const rule = Array.from({ length: 30 }, (_, i) => `Host(\`h${i}.com\`)`).join(' || ');
    expect(witnessRequests(router('many@kubernetescrd', rule), { limit: 5 })).toHaveLength(5);
  });
});

describe('witnesses match their own router in the real simulator', () => {
  const dir = new URL('../../../public/examples/', import.meta.url);
  const examples = readdirSync(dir).filter((f) => f.endsWith('.yaml'));

  it.each(examples)('example %s', (file) => {
    const text = readFileSync(new URL(file, dir), 'utf8');
    // The v2 example uses the legacy API group, which only Traefik v2.11 watches.
    const settings: Settings = file.startsWith('v2') ? { ...defaultSettings(), target: 'v2.11', version: '2.11.50' } : defaultSettings();
    const analysis = analyze([{ name: file, text }], settings);
    const routing = compileRouting(analysis.config, analysis.settings, { secrets: secretsOf(analysis.resources) });
    const total = expectAllMatch(analysis.config, analysis.settings, routing, 1);
    expect(total).toBeGreaterThan(0);
  });

  it.each([1, 2, 3])('generated config, seed %i', (seed) => {
    const cfg = generateConfig(300, seed);
    const settings = baseSettings();
    const routing = compileRouting(cfg, settings);
    expect(expectAllMatch(cfg, settings, routing, 1)).toBeGreaterThan(250);
  });
});

describe('witnessTarget', () => {
  const eps = (...list: Settings['entryPoints']) => baseSettings({ entryPoints: list });
  it.each<[string, Parameters<typeof router>[2], Settings | undefined, WitnessTarget]>([
    ['the router first entryPoint', { entryPoints: ['admin', 'web'] }, undefined, { scheme: 'http', entryPoint: 'admin' }],
    ['a TLS router', { entryPoints: ['web'], tls: true }, undefined, { scheme: 'https', entryPoint: 'web' }],
    ['no entryPoint and no settings', { entryPoints: [] }, undefined, { scheme: 'http' }],
    ['the first default entryPoint', { entryPoints: [] }, eps({ name: 'web', port: 80 }, { name: 'alt', port: 81, asDefault: true }, { name: 'alt2', port: 82, asDefault: true }), { scheme: 'http', entryPoint: 'alt' }],
    ['else the first entryPoint', { entryPoints: [] }, eps({ name: 'web', port: 80 }, { name: 'websecure', port: 443 }), { scheme: 'http', entryPoint: 'web' }],
    ['an entryPoint with http.tls', { entryPoints: ['websecure'] }, eps({ name: 'websecure', port: 443, tls: {} }), { scheme: 'https', entryPoint: 'websecure' }],
    ['an entryPoint with http.tls null', { entryPoints: ['websecure'] }, eps({ name: 'websecure', port: 443, tls: null }), { scheme: 'http', entryPoint: 'websecure' }],
    ['an entryPoint the settings do not have', { entryPoints: ['other'] }, eps({ name: 'websecure', port: 443, tls: {} }), { scheme: 'http', entryPoint: 'other' }],
  ])('%s', (_, over, settings, target) => {
    // Strict: no entryPoint key at all when there is none.
    expect(witnessTarget(router('t@kubernetescrd', 'Host(`a.com`)', over), settings)).toStrictEqual(target);
  });
});

describe('requestKey', () => {
  const base: SimRequest = { method: 'GET', url: 'http://a.com/', headers: {}, clientIP: '203.0.113.7' };
  it('the same for the same request, headers in any order', () => {
    expect(requestKey({ ...base, headers: { 'X-A': '1', 'X-B': ['2', '3'] } })).toBe(requestKey({ ...base, headers: { 'X-B': ['2', '3'], 'X-A': '1' } }));
    expect(requestKey(base)).toBe('GET|http://a.com/|203.0.113.7||~|');
    expect(requestKey({ ...base, headers: { 'X-B': ['2', '3'], 'X-A': '1' }, entryPoint: 'web', sni: null })).toBe('GET|http://a.com/|203.0.113.7|web|null|X-A:1\nX-B:2\u00003');
  });
  it.each<[string, Partial<SimRequest>]>([
    ['method', { method: 'POST' }],
    ['url', { url: 'http://a.com/x' }],
    ['client', { clientIP: '10.0.0.1' }],
    ['entryPoint', { entryPoint: 'web' }],
    ['no SNI', { sni: null }],
    ['an SNI', { sni: 'a.com' }],
    ['a header', { headers: { 'X-A': '1' } }],
    ['a header list', { headers: { 'X-A': ['1', '2'] } }],
  ])('differs by %s', (_, over) => {
    expect(requestKey({ ...base, ...over })).not.toBe(requestKey(base));
  });
  it('a list of values differs from their concatenation', () => {
    expect(requestKey({ ...base, headers: { 'X-A': ['1', '2'] } })).not.toBe(requestKey({ ...base, headers: { 'X-A': '12' } }));
    expect(requestKey({ ...base, headers: { 'X-A': ['1', '2'] } })).not.toBe(requestKey({ ...base, headers: { 'X-A': '1,2' } }));
  });
});

describe('witnessRequests: options', () => {
  it('the v2 syntax for a v2 router, or for every router when the target is Traefik v2.11', () => {
    const v2rule = 'Host(`a.com`, `b.com`)';
    expect(witnessRequests(router('x@kubernetescrd', v2rule))).toEqual([]);
    expect(witnessRequests(router('x@kubernetescrd', v2rule, { ruleSyntax: 'v2' })).map((w) => w.url)).toEqual(['http://a.com/']);
    const v211: Settings = { ...baseSettings(), target: 'v2.11', version: '2.11.50' };
    expect(witnessRequests(router('x@kubernetescrd', v2rule), { settings: v211 }).map((w) => w.url)).toEqual(['http://a.com/']);
  });

  it('evaluates for the target version: a wildcard host is literal before v3.7', () => {
    const r = router('x@kubernetescrd', 'Host(`*.example.com`)');
    expect(witnessRequests(r, { settings: baseSettings() }).map((w) => w.url)).toEqual(['http://w.example.com/']);
    expect(witnessRequests(r, { settings: baseSettings({ version: '3.6.0' }) })).toEqual([]);
  });

  it('16 witnesses at most by default, one per distinct request', () => {
    const rule = Array.from({ length: 20 }, (_, i) => `Host(\`h${i}.com\`)`).join(' || ');
    expect(witnessRequests(router('many@kubernetescrd', rule))).toHaveLength(16);
    expect(witnessRequests(router('dup@kubernetescrd', 'Host(`a.com`) || Host(`a.com`) || Host(`b.com`)')).map((w) => w.url)).toEqual(['http://a.com/', 'http://b.com/']);
  });

  it('skips witnesses the check rejects, and the limit counts kept witnesses', () => {
    const r = router('x@kubernetescrd', 'Host(`a.com`) || Host(`b.com`) || Host(`c.com`)');
    const check = (w: SimRequest) => !w.url.includes('a.com');
    expect(witnessRequests(r, { check }).map((w) => w.url)).toEqual(['http://b.com/', 'http://c.com/']);
    expect(witnessRequests(r, { check, limit: 1 }).map((w) => w.url)).toEqual(['http://b.com/']);
  });

  it('solves a disjunct only when its literals hold together', () => {
    // `solve` alone: each dimension on its own; the whole rule is checked after.
    expect(solve(disjuncts('Host(`a.com`) && !Method(`GET`)', 'v3').conjunctions[0]!)).toMatchObject({ host: 'a.com', method: 'POST', path: '/' });
    expect(solve(disjuncts('Path(`/a`) && Path(`/b`)', 'v3').conjunctions[0]!)).toBeNull();
    expect(solve([])).toEqual({ method: 'GET', host: 'witness.example', path: '/', query: [], headers: {}, clientIP: '203.0.113.7' });
  });
});
