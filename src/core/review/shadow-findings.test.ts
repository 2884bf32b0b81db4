// The shadow search on small workspaces: fast enough for the mutation run (shadow.test.ts keeps the
// generated 2,000- and 20,000-router workspaces, which Stryker leaves out).
import { describe, expect, it } from 'vitest';
import { compileRouting, simulate } from '../simulate/index.ts';
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

describe('findShadowed leaves priority ties to validate', () => {
  it('identical rules with equal priorities are neither shadowed nor near-duplicates here', () => {
    expect(run([R('x', 'Host(`a.com`)'), R('y', 'Host(`a.com`)')])).toEqual([]);
  });
});
describe('findShadowed: the findings in full', () => {
  const W = (url: string, entryPoint: string, headers: Record<string, string> = {}) => ({ method: 'GET', url, headers, clientIP: '203.0.113.7', entryPoint });

  it('a shadowed router on a plain muxer: witness, winner and message', () => {
    const findings = run([R('all', 'Host(`a.com`)', { priority: 100 }), R('api', 'Host(`a.com`) && PathPrefix(`/api`)')]);
    expect(findings).toEqual([{
      kind: 'shadowed', router: N('api'), by: N('all'), others: [N('all')], entryPoint: 'web', witness: W('http://a.com/api', 'web'),
      message: `Router ${N('api')} can never win on web: ${N('all')} ranks higher and matches every request it matches. For example GET http://a.com/api goes to ${N('all')}. Raise its priority or narrow the other rule.`,
    }]);
  });

  it('on a TLS muxer, with the headers of the witness named', () => {
    const findings = run([
      R('all', 'Host(`a.com`)', { priority: 100, tls: true }),
      R('hdr', 'Host(`a.com`) && Header(`X-Env`, `beta`) && Header(`X-Team`, `b`)', { tls: true }),
    ]);
    expect(findings).toEqual([{
      kind: 'shadowed', router: N('hdr'), by: N('all'), others: [N('all')], entryPoint: 'websecure (TLS)',
      witness: W('https://a.com/', 'websecure', { 'X-Env': 'beta', 'X-Team': 'b' }),
      message: `Router ${N('hdr')} can never win on websecure (TLS): ${N('all')} ranks higher and matches every request it matches. For example GET https://a.com/ with X-Env, X-Team goes to ${N('all')}. Raise its priority or narrow the other rule.`,
    }]);
  });

  it('several winners: all named, the first as `by`', () => {
    const findings = run([R('a', 'Host(`a.com`)', { priority: 100 }), R('b', 'Host(`b.com`)', { priority: 90 }), R('both', 'Host(`a.com`) || Host(`b.com`)')]);
    expect(findings).toEqual([{
      kind: 'shadowed', router: N('both'), by: N('a'), others: [N('a'), N('b')], entryPoint: 'web', witness: W('http://a.com/', 'web'),
      message: `Router ${N('both')} can never win on web: ${N('a')} and ${N('b')} rank higher and match every request it matches. For example GET http://a.com/ goes to ${N('a')}. Raise its priority or narrow the other rule.`,
    }]);
  });

  it('the entryPoint redirection', () => {
    const settings = baseSettings({
      entryPoints: [{ name: 'web', port: 80, redirectTo: { to: 'websecure', scheme: 'https', permanent: true } }, { name: 'websecure', port: 443 }],
    });
    expect(run([R('plain', 'Host(`a.com`)')], settings)).toEqual([{
      kind: 'shadowed', router: N('plain'), by: 'web-to-websecure@internal', others: ['web-to-websecure@internal'], entryPoint: 'web', witness: W('http://a.com/', 'web'),
      message: `Router ${N('plain')} can never win on web: the entryPoint redirection web-to-websecure@internal answers every request on web first. For example GET http://a.com/ goes to web-to-websecure@internal. Raise its priority or narrow the other rule.`,
    }]);
  });

  it('a near-duplicate that differs only trivially', () => {
    expect(run([R('one', 'Host(`A.com`) && PathPrefix(`/api/`)'), R('two', 'PathPrefix(`/api`) && Host(`a.com`)')])).toEqual([{
      kind: 'near-duplicate', router: N('two'), by: N('one'), others: [N('one')], entryPoint: 'web', witness: null,
      message: `Router ${N('two')} (PathPrefix(\`/api\`) && Host(\`a.com\`)) differs only trivially from ${N('one')} (Host(\`A.com\`) && PathPrefix(\`/api/\`)) on web; ${N('one')} ranks first. Merge them or make the difference intended.`,
    }]);
  });

  it('the same rule, when the search cannot conclude (no budget): a near-duplicate with the rule once', () => {
    const cfg = config({ routers: [R('first', 'Host(`a.com`)', { priority: 10 }), R('second', 'Host(`a.com`)', { priority: 5 })] });
    const report = shadowReport(cfg, baseSettings(), { budgetPerRouter: 0 });
    expect(report.findings).toEqual([{
      kind: 'near-duplicate', router: N('second'), by: N('first'), others: [N('first')], entryPoint: 'web', witness: null,
      message: `Router ${N('second')} has the same rule as ${N('first')} on web (Host(\`a.com\`)); ${N('first')} ranks first. Merge the routes or make the rules distinct.`,
    }]);
    // With the default budget, the lower one is shadowed, and not also a near-duplicate.
    expect(findShadowed(cfg, baseSettings()).map((f) => [f.kind, f.router])).toEqual([['shadowed', N('second')]]);
  });

  it('a catch-all above one router takes its requests; above two, their requests', () => {
    const one = of(run([R('catch', 'PathPrefix(`/`)', { priority: 1000 }), R('site', 'Host(`a.com`) && Method(`GET`)')]), 'catch-all');
    expect(one).toEqual([{
      kind: 'catch-all', router: N('catch'), by: N('site'), others: [N('site')], entryPoint: 'web', witness: W('http://a.com/', 'web'),
      message: `Router ${N('catch')} (PathPrefix(\`/\`)) matches any host and path on web and ranks above ${N('site')}, taking its requests. Give it a lower priority so it only catches what no other route takes.`,
    }]);
    const two = of(run([R('catch', 'PathPrefix(`/`)', { priority: 1000 }), R('site', 'Host(`a.com`)', { priority: 50 }), R('shop', 'Host(`shop.com`)', { priority: 40 })]), 'catch-all');
    expect(two).toEqual([{
      kind: 'catch-all', router: N('catch'), by: N('site'), others: [N('site'), N('shop')], entryPoint: 'web', witness: W('http://a.com/', 'web'),
      message: `Router ${N('catch')} (PathPrefix(\`/\`)) matches any host and path on web and ranks above ${N('site')}, ${N('shop')}, taking their requests. Give it a lower priority so it only catches what no other route takes.`,
    }]);
  });

  it('a catch-all needs one alternative that takes any host and path', () => {
    // Every alternative of `wide` is bound to a host or a path prefix: it shadows `site` without being a catch-all.
    const findings = run([R('wide', 'Host(`a.com`) || PathPrefix(`/x`)', { priority: 1000 }), R('site', 'Host(`a.com`) && Method(`GET`)')]);
    expect(findings.map((f) => [f.kind, f.router])).toEqual([['shadowed', N('site')]]);
    const either = run([R('wide', 'Host(`a.com`) || PathPrefix(`/`)', { priority: 1000 }), R('site', 'Host(`a.com`) && Method(`GET`)')]);
    expect(either.map((f) => [f.kind, f.router])).toEqual([['shadowed', N('site')], ['catch-all', N('wide')]]);
  });

  it('a router shadowed on one entryPoint only is reported there only', () => {
    const findings = run([R('all', 'Host(`a.com`)', { priority: 100, entryPoints: ['web'] }), R('api', 'Host(`a.com`) && PathPrefix(`/api`)', { entryPoints: ['web', 'websecure'] })]);
    expect(findings.map((f) => [f.kind, f.router, f.entryPoint])).toEqual([['shadowed', N('api'), 'web']]);
  });
});

describe('shadowReport: what it checked', () => {
  const routers = [R('all', 'Host(`a.com`)', { priority: 100, entryPoints: ['web', 'websecure'] }), R('api', 'Host(`a.com`) && PathPrefix(`/api`)'), R('tls', 'Host(`b.com`)', { tls: true })];
  const cfg = config({ routers });

  it('counts each router once per muxer it is served on', () => {
    expect(shadowReport(cfg, baseSettings())).toMatchObject({ checked: 4, total: 4 });
  });

  it('leaves internal routers out of the count', () => {
    const settings = baseSettings({
      entryPoints: [{ name: 'web', port: 80, redirectTo: { to: 'websecure', scheme: 'https', permanent: true } }, { name: 'websecure', port: 443 }],
    });
    expect(shadowReport(cfg, settings)).toMatchObject({ checked: 4, total: 4 });
  });

  it('checks nothing without evaluations, or past the deadline', () => {
    expect(shadowReport(cfg, baseSettings(), { maxEvaluations: 0 })).toEqual({ findings: [], checked: 0, total: 4 });
    expect(shadowReport(cfg, baseSettings(), { deadline: performance.now() - 1 })).toEqual({ findings: [], checked: 0, total: 4 });
    expect(shadowReport(cfg, baseSettings(), { deadline: performance.now() + 1e12 })).toMatchObject({ checked: 4, total: 4 });
  });

  it('reuses the routing it is given', () => {
    const other = compileRouting(config({ routers: [R('x', 'Host(`x.com`)')] }), baseSettings());
    expect(shadowReport(cfg, baseSettings(), { routing: other })).toEqual({ findings: [], checked: 1, total: 1 });
  });
});

describe('toDiagnostics: every kind', () => {
  const at = (start: number, file = 'x.yaml') => ({ resourceId: 'IngressRoute/default/x', file, range: { start, end: start + 5 }, routeIndex: 0 });
  const cfg = config({
    routers: [
      { ...R('a', 'Host(`a.com`)'), origin: at(10) },
      { ...R('b', 'Host(`b.com`)'), origin: at(20, 'y.yaml') },
      { ...R('c', 'Host(`c.com`)'), origin: at(30) },
      { ...R('internal', 'Host(`i.com`)'), origin: at(40, '') },
    ],
  });
  const finding = (over: Partial<ShadowFinding>): ShadowFinding => ({ kind: 'shadowed', router: N('a'), by: null, others: [], entryPoint: 'web', witness: null, message: 'msg', ...over });

  it.each<[ShadowFinding, string, string, string[]]>([
    [finding({ by: N('b'), others: [N('b'), N('c')] }), 'ROUTER_SHADOWED', 'warning', [`Wins its requests: ${N('b')}@y.yaml:20`, `Wins its requests: ${N('c')}@x.yaml:30`]],
    [finding({ kind: 'near-duplicate', by: N('c'), others: [N('c')] }), 'ROUTER_NEAR_DUPLICATE', 'warning', [`Near-duplicate of this router: ${N('c')}@x.yaml:30`]],
    [finding({ kind: 'catch-all', by: N('c'), others: [N('c'), N('b')] }), 'ROUTER_CATCH_ALL', 'info', [`Loses requests to the catch-all: ${N('c')}@x.yaml:30`, `Loses requests to the catch-all: ${N('b')}@y.yaml:20`]],
    [finding({ by: null, others: [N('b')] }), 'ROUTER_SHADOWED', 'warning', []],
    [finding({ by: N('internal'), others: [N('gone'), N('c')] }), 'ROUTER_SHADOWED', 'warning', [`Wins its requests: ${N('c')}@x.yaml:30`]],
  ])('%#: %s', (f, code, severity, related) => {
    const [d, ...rest] = toDiagnostics([f], cfg);
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ code, severity, family: 'runtime', message: 'msg', file: 'x.yaml', range: { start: 10, end: 15 } });
    expect((d!.related ?? []).map((r) => `${r.message}@${r.file}:${r.range.start}`)).toEqual(related);
  });

  it('drops findings on routers without a source, or unknown', () => {
    expect(toDiagnostics([finding({ router: N('internal') }), finding({ router: N('gone') })], cfg)).toEqual([]);
  });
});

describe('findShadowed: more edges', () => {
  it('a v2 router is searched with the v2 syntax', () => {
    const findings = run([R('catch', 'PathPrefix(`/`)', { priority: 1000 }), R('old', 'Host(`a.com`, `b.com`)', { ruleSyntax: 'v2' })]);
    expect(findings.map((f) => [f.kind, f.router, f.by])).toEqual([['shadowed', N('old'), N('catch')], ['catch-all', N('catch'), N('old')]]);
  });

  it('a router with one alternative taken and one free is not shadowed', () => {
    expect(of(run([R('a', 'Host(`a.com`)', { priority: 100 }), R('both', 'Host(`a.com`) || Host(`b.com`)')]), 'shadowed')).toEqual([]);
  });

  it('a catch-all lists a router once, however many of its alternatives it takes', () => {
    const [f] = of(run([R('catch', 'PathPrefix(`/`)', { priority: 1000 }), R('site', 'Host(`a.com`) || Host(`b.com`)')]), 'catch-all');
    expect(f?.others).toEqual([N('site')]);
  });

  it('an alternative that no request satisfies does not make a catch-all', () => {
    const findings = run([R('wide', 'Host(`a.com`) || (PathPrefix(`/`) && Method(`GET`) && !Method(`GET`))', { priority: 1000 }), R('site', 'Host(`a.com`) && Method(`GET`)')]);
    expect(findings.map((f) => [f.kind, f.router])).toEqual([['shadowed', N('site')]]);
  });

  it('internal routers are never the subject of a near-duplicate', () => {
    const internal = router('dash@internal', 'Host(`a.com`)', { priority: 1 });
    expect(run([R('site', 'Host(`A.com`)', { priority: 5 }), internal])).toEqual([]);
  });

  it('nothing is reported where the simulator cannot confirm it: no TLS handshake succeeds', () => {
    // sniStrict without any certificate: every handshake fails (tls.go), on the TLS muxer of `web` only.
    const cfg = config({
      routers: [
        R('all', 'Host(`a.com`)', { priority: 100, tls: true, entryPoints: ['web'] }), R('api', 'Host(`a.com`) && PathPrefix(`/api`)', { tls: true, entryPoints: ['web'] }),
        R('all2', 'Host(`b.com`)', { priority: 100, entryPoints: ['websecure'] }), R('api2', 'Host(`b.com`) && PathPrefix(`/api`)', { entryPoints: ['websecure'] }),
      ],
      tlsOptions: [{ name: 'default', sniStrict: true, builtin: true }],
    });
    expect(findShadowed(cfg, baseSettings()).map((f) => [f.kind, f.router, f.entryPoint])).toEqual([['shadowed', N('api2'), 'websecure']]);
  });
});

describe('findShadowed: how far the search goes', () => {
  it('escapes from the alternative of the winner that matched, not from one that only partly matches', () => {
    // `site` escapes `pick` with a method other than GET; `pick`'s first alternative matches the host only.
    const findings = run([R('pick', '(Host(`a.com`) && Path(`/nope`)) || (Host(`a.com`) && Method(`GET`))', { priority: 100 }), R('site', 'Host(`a.com`)')]);
    expect(of(findings, 'shadowed')).toEqual([]);
  });

  it('a winner whose matching alternative is beyond the 32 expanded: no escape, the loss stands', () => {
    const wide = [...Array.from({ length: 32 }, (_, i) => `Host(\`h${i}.com\`)`), 'Host(`a.com`)'].join(' || ');
    const findings = run([R('wide', wide, { priority: 100 }), R('site', 'Host(`a.com`)')]);
    expect(findings.map((f) => [f.kind, f.router, f.by])).toEqual([['shadowed', N('site'), N('wide')]]);
  });

  it('with a spent budget, no router is called shadowed, but the requests it lost still make a catch-all', () => {
    // `site` needs two decisions to win (GET goes to `catch`, POST escapes it): one is allowed.
    const routers = [R('catch', 'PathPrefix(`/`) && Method(`GET`)', { priority: 1000 }), R('site', 'Host(`a.com`)')];
    const cut = shadowReport(config({ routers }), baseSettings(), { budgetPerRouter: 1 });
    expect(cut.findings.map((f) => [f.kind, f.router, f.others])).toEqual([['catch-all', N('catch'), [N('site')]]]);
    expect(run(routers)).toEqual([]);
  });
});
