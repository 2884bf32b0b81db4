import { beforeAll, describe, expect, it } from 'vitest';
import type { CompiledRouting } from './compiled.ts';
import { compileRouting } from './compile.ts';
import { baseSettings, config, lb, middleware, router, tlsOption } from './fixtures.ts';
import { simulate } from './simulate.ts';
import type { SimRequest, Verdict } from './verdict.ts';

const req = (url: string, over: Partial<SimRequest> = {}): SimRequest => ({ method: 'GET', url, headers: {}, clientIP: '203.0.113.7', ...over });
const upstreamOf = (v: Verdict) => (v.type === 'forwarded' ? v.upstream : null);
const statusOf = (v: Verdict) => (v.type === 'responded' ? v.response.status : v.type === 'forwarded' ? 200 : 0);

describe('1 entryPoint', () => {
  let routing: CompiledRouting;
  beforeAll(() => {
    routing = compileRouting(config({ routers: [router('web-a@kubernetescrd', 'Host(`a.com`)')] }), baseSettings({
    entryPoints: [
      { name: 'web', port: 80, redirectTo: { to: 'websecure', scheme: 'https', permanent: true } },
      { name: 'websecure', port: 443 },
      { name: 'internal', port: 8080, middlewares: ['tag@kubernetescrd'] },
    ],
  }));
  });

  it('is chosen by the URL port; an unknown port refuses the connection', () => {
    expect(simulate(routing, req('https://a.com/')).entryPoint?.name).toBe('websecure');
    const v = simulate(routing, req('http://a.com:9999/'));
    expect(v).toMatchObject({ type: 'no-response', cause: 'no-entrypoint' });
  });

  it('the redirection router outranks every user router on its entryPoint', () => {
    const v = simulate(routing, req('http://a.com/x?y=1'));
    expect(v.router).toBe('web-to-websecure@internal');
    expect(v.type === 'responded' && v.response).toEqual({ status: 301, headers: { Location: 'https://a.com/x?y=1' }, body: 'Moved Permanently' });
    expect(v.routing[0]!.ranking.find((e) => e.router === 'web-a@kubernetescrd')).toMatchObject({ result: 'matched', shadowedBy: 'web-to-websecure@internal' });
    expect(statusOf(simulate(routing, req('http://a.com/', { method: 'POST' })))).toBe(308);
  });

  it('requests with an empty Host are not redirected (HostRegexp `^.+$`)', () => {
    const v = simulate(routing, req('http://a.com/', { headers: { Host: '' } }));
    expect(v.router).toBeNull();
    expect(v.type === 'responded' && v.response.body).toBe('404 page not found\n');
  });

  it('an explicit entryPoint wins over the port', () => {
    const v = simulate(routing, req('http://a.com/', { entryPoint: 'websecure' }));
    expect(v.entryPoint).toMatchObject({ name: 'websecure', chosenBy: 'explicit' });
  });
});

describe('2 pre-processing is visible to Header rules', () => {
  let routing: CompiledRouting;
  beforeAll(() => {
    routing = compileRouting(config({
    routers: [
      router('proto@kubernetescrd', 'Host(`a.com`) && Header(`X-Forwarded-Proto`, `https`)', { tls: true }),
      router('xff@kubernetescrd', 'Host(`b.com`) && HeaderRegexp(`X-Forwarded-For`, `.`)'),
      router('realip@kubernetescrd', 'Host(`b.com`) && Header(`X-Real-Ip`, `203.0.113.7`)'),
      router('path@kubernetescrd', 'Host(`c.com`) && Path(`/b/c/`)'),
      router('query@kubernetescrd', 'Host(`d.com`) && Query(`b`, `2`)'),
    ],
  }), baseSettings());
  });

  it('X-Forwarded-Proto is set by Traefik before routing', () => {
    expect(simulate(routing, req('https://a.com/')).router).toBe('proto@kubernetescrd');
  });
  it('X-Forwarded-For from an untrusted client is stripped; X-Real-Ip is the peer', () => {
    const v = simulate(routing, req('http://b.com/', { headers: { 'X-Forwarded-For': '1.2.3.4' } }));
    expect(v.router).toBe('realip@kubernetescrd');
    expect(v.routing[0]!.ranking.find((e) => e.router === 'xff@kubernetescrd')?.result).toBe('not-matched');
  });
  it('paths are cleaned and query semicolons split before routing', () => {
    expect(simulate(routing, req('http://c.com/a/../b//c/')).router).toBe('path@kubernetescrd');
    expect(simulate(routing, req('http://d.com/?a=1;b=2')).router).toBe('query@kubernetescrd');
  });
  it('the canonical host drops port and case', () => {
    const v = simulate(routing, req('http://C.COM:8080/b/c/', { entryPoint: 'web' }));
    expect(v.preprocess?.canonicalHost).toBe('c.com');
    expect(v.router).toBe('path@kubernetescrd');
  });
});

describe('3 TLS', () => {
  let routing: CompiledRouting;
  beforeAll(() => {
    routing = compileRouting(config({
    routers: [
      router('strict@kubernetescrd', 'Host(`secure.example.com`)', { options: 'apps-strict@kubernetescrd' }),
      router('shop@kubernetescrd', 'Host(`shop.example.com`)', { tls: true }),
    ],
    tlsOptions: [tlsOption('apps-strict@kubernetescrd', { sniStrict: true }), tlsOption('apps-mtls@kubernetescrd', { clientAuth: { clientAuthType: 'RequireAndVerifyClientCert' } })],
    certificates: [
      { secret: 'apps/shop-tls', sans: ['shop.example.com'], present: true },
      { secret: 'apps/wild-tls', sans: ['*.example.com'], present: true },
    ],
  }), baseSettings());
  });

  it('picks the option by SNI and the certificate by SNI', () => {
    const v = simulate(routing, req('https://shop.example.com/'));
    expect(v.tls).toMatchObject({ sni: 'shop.example.com', option: 'default', certificate: { type: 'store', secret: 'apps/shop-tls' }, handshake: 'ok' });
    expect(simulate(routing, req('https://blog.example.com/')).tls?.certificate).toMatchObject({ secret: 'apps/wild-tls' });
  });
  it('sniStrict fails the handshake when no certificate covers the SNI', () => {
    const strict = compileRouting(config({
      routers: [router('s@kubernetescrd', 'Host(`other.org`)', { options: 'apps-strict@kubernetescrd' })],
      tlsOptions: [tlsOption('apps-strict@kubernetescrd', { sniStrict: true })],
    }), baseSettings());
    expect(simulate(strict, req('https://other.org/'))).toMatchObject({ type: 'no-response', cause: 'tls-handshake-failed' });
  });
  it('serves TRAEFIK DEFAULT CERT without a match', () => {
    const v = simulate(routing, req('https://unknown.org/'));
    expect(v.tls?.certificate).toEqual({ type: 'traefik-default' });
    expect(v.type === 'responded' && v.response.status).toBe(404);
  });
  it('sends no SNI for IP literals, or when asked', () => {
    expect(simulate(routing, req('https://10.0.0.1/')).tls?.sni).toBeNull();
    expect(simulate(routing, req('https://shop.example.com/', { sni: null })).tls?.sni).toBeNull();
  });
});

describe('4 routing', () => {
  let routing: CompiledRouting;
  beforeAll(() => {
    routing = compileRouting(config({
    routers: [
      router('long@kubernetescrd', 'Host(`a.com`) && PathPrefix(`/api`)'),
      router('short@kubernetescrd', 'Host(`a.com`)'),
      router('tie1@kubernetescrd', 'Host(`t.com`) && Path(`/a`)'),
      router('tie2@kubernetescrd', 'Host(`t.com`) && Path(`/a`)'),
      router('prio@kubernetescrd', 'PathPrefix(`/`)', { priority: 1 }),
      router('broken@kubernetescrd', 'Host(`a.com`) && Pathprefix(`/x`', {}),
    ],
  }), baseSettings());
  });

  it('ranks by priority (rule length by default); every router gets a result', () => {
    const v = simulate(routing, req('http://a.com/api/x'));
    expect(v.router).toBe('long@kubernetescrd');
    const ranking = v.routing[0]!.ranking;
    expect(ranking.map((e) => [e.router, e.result])).toEqual([
      ['long@kubernetescrd', 'matched'],
      ['tie1@kubernetescrd', 'not-matched'],
      ['tie2@kubernetescrd', 'not-matched'],
      ['short@kubernetescrd', 'matched'],
      ['prio@kubernetescrd', 'matched'],
      ['broken@kubernetescrd', 'skipped'],
    ]);
    expect(ranking[3]!.shadowedBy).toBe('long@kubernetescrd');
  });
  it('flags equal-priority matches as nondeterministic', () => {
    const v = simulate(routing, req('http://t.com/a'));
    expect(v.routing[0]!.nondeterministic.sort()).toEqual(['tie1@kubernetescrd', 'tie2@kubernetescrd']);
  });
  it('falls back to 404', () => {
    const v = simulate(compileRouting(config({ routers: [router('x@kubernetescrd', 'Host(`x.com`)')] }), baseSettings()), req('http://y.com/'));
    expect(v.type === 'responded' && v.response).toEqual({ status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' }, body: '404 page not found\n' });
  });
  it('TLS routers only see TLS connections, and the verdict says so', () => {
    const r = compileRouting(config({ routers: [router('s@kubernetescrd', 'Host(`s.com`)', { tls: true, entryPoints: ['web'] })] }), baseSettings());
    const v = simulate(r, req('http://s.com/'));
    expect(v.router).toBeNull();
    expect(v.notes.join(' ')).toContain('would match over HTTPS');
  });
});

describe('children (parentRefs)', () => {
  const parent = router('parent@kubernetescrd', 'Host(`p.com`)', { service: '', middlewares: ['strip@kubernetescrd'] });
  const childA = router('child-a@kubernetescrd', 'PathPrefix(`/a`)', { entryPoints: [], parentRefs: ['parent@kubernetescrd'] });
  const childB = router('child-b@kubernetescrd', 'PathPrefix(`/`)', { entryPoints: [], parentRefs: ['parent@kubernetescrd'] });
  let routing: CompiledRouting;
  beforeAll(() => {
    routing = compileRouting(config({ routers: [parent, childA, childB], middlewares: [middleware('strip@kubernetescrd', 'stripPrefix', { prefixes: ['/v1'] })] }), baseSettings());
  });
  it('routes inside the parent after its middlewares', () => {
    const v = simulate(routing, req('http://p.com/v1/a/x'));
    expect(v.routing.map((s) => s.winner)).toEqual(['parent@kubernetescrd', 'child-a@kubernetescrd']);
    expect(v.router).toBe('child-a@kubernetescrd');
    expect(upstreamOf(v)?.url).toMatch(/\/a\/x$/);
  });
  it('children are not root routers', () => {
    expect(simulate(routing, req('http://other.com/a')).router).toBeNull();
  });
});

describe('5 the 421 check', () => {
  const routers = [
    router('a@kubernetescrd', 'Host(`a.example.com`)', { options: 'apps-modern@kubernetescrd' }),
    router('b@kubernetescrd', 'Host(`b.example.com`)', { tls: true }),
    router('c@kubernetescrd', 'Host(`c.example.com`)', { tls: true }),
  ];
  const conf = config({ routers, tlsOptions: [tlsOption('apps-modern@kubernetescrd')] });
  let current: CompiledRouting;
  beforeAll(() => {
    current = compileRouting(conf, baseSettings());
  });
  let old: CompiledRouting;
  beforeAll(() => {
    old = compileRouting(conf, baseSettings({ version: '3.6.17' }));
  });
  it('v3.6.18+: the router\'s resolved option must be the handshake option', () => {
    expect(simulate(current, req('https://b.example.com/', { sni: 'c.example.com' })).router).toBe('b@kubernetescrd');
    const v = simulate(current, req('https://a.example.com/', { sni: 'b.example.com' }));
    expect(v.sniCheck).toMatchObject({ mode: 'resolved-option', result: 'misdirected', routerOption: 'apps-modern@kubernetescrd', handshakeOption: 'default' });
    expect(v.type === 'responded' && v.response.body).toBe('Misdirected Request\n');
    expect(statusOf(simulate(current, req('https://a.example.com/', { sni: null })))).toBe(421);
  });
  it('before: Host and SNI must map to the same option, checked before routing', () => {
    expect(statusOf(simulate(old, req('https://a.example.com/', { sni: 'b.example.com' })))).toBe(421);
    expect(simulate(old, req('https://b.example.com/', { sni: 'c.example.com' })).router).toBe('b@kubernetescrd');
    const noRouter = simulate(old, req('https://a.example.com/', { sni: 'z.example.com' }));
    expect(noRouter.sniCheck?.mode).toBe('host-vs-sni');
    expect(statusOf(noRouter)).toBe(421);
  });
});

describe('6-8 middlewares, service and outcome', () => {
  let routing: CompiledRouting;
  beforeAll(() => {
    routing = compileRouting(config({
    routers: [
      router('api@kubernetescrd', 'Host(`a.com`) && PathPrefix(`/api`)', { middlewares: ['strip@kubernetescrd', 'auth@kubernetescrd', 'hdr@kubernetescrd'] }),
      router('empty@kubernetescrd', 'Host(`e.com`)', { service: 'empty@kubernetescrd' }),
      router('badmw@kubernetescrd', 'Host(`a.com`)', { middlewares: ['nope@kubernetescrd'] }),
    ],
    services: [lb('empty@kubernetescrd', []), lb('api@kubernetescrd', ['http://10.0.0.5:8080'], { passHostHeader: false })],
    middlewares: [
      middleware('strip@kubernetescrd', 'stripPrefix', { prefixes: ['/api'] }),
      middleware('auth@kubernetescrd', 'basicAuth', { secret: 'users' }),
      middleware('hdr@kubernetescrd', 'headers', { customRequestHeaders: { 'X-Env': 'prod' }, customResponseHeaders: { 'X-Frame': 'x' } }),
    ],
  }), baseSettings(), { secrets: { 'default/users': { users: 'alice:{SHA}qUqP5cyxm6YcTAhz05Hph5gvu9M=' } } });
  });

  it('applies middlewares in order, then forwards with the rewritten path', () => {
    const v = simulate(routing, req('http://a.com/api/users?x=1', { headers: { Authorization: 'Basic ' + btoa('alice:test') } }));
    expect(v.middlewares.map((m) => [m.name, m.status])).toEqual([['strip@kubernetescrd', 'applied'], ['auth@kubernetescrd', 'applied'], ['hdr@kubernetescrd', 'applied']]);
    expect(v.type).toBe('forwarded');
    const up = upstreamOf(v)!;
    expect(up.url).toBe('http://10.0.0.5:8080/users?x=1');
    expect(up.host).toBe('10.0.0.5:8080');
    expect(up.headers).toMatchObject({ 'X-Env': 'prod', 'X-Forwarded-Prefix': '/api', 'X-Forwarded-For': '203.0.113.7' });
    expect(v.type === 'forwarded' && v.responseHeaders).toMatchObject({ 'X-Frame': 'x' });
  });
  it('stops at the first middleware that answers', () => {
    const v = simulate(routing, req('http://a.com/api/users'));
    expect(v).toMatchObject({ type: 'responded', cause: 'unauthorized', response: { status: 401 } });
    expect(v.middlewares.map((m) => m.name)).toEqual(['strip@kubernetescrd', 'auth@kubernetescrd']);
  });
  it('routers with a missing middleware are not served', () => {
    const v = simulate(routing, req('http://a.com/other'));
    expect(v.router).toBeNull();
    expect(v.routing[0]!.ranking.find((e) => e.router === 'badmw@kubernetescrd')).toMatchObject({ result: 'skipped' });
  });
  it('a service without servers answers 503', () => {
    const v = simulate(routing, req('http://e.com/'));
    expect(v.type === 'responded' && v.response).toMatchObject({ status: 503, body: 'no available server\n' });
  });
});

describe('v2.11 vs v3', () => {
  const conf = config({
    routers: [
      router('post@kubernetescrd', 'Host(`a.com`) && Method(`POST`)', { ruleSyntax: 'v2' }),
      router('wild@kubernetescrd', 'Host(`*.w.com`)', { ruleSyntax: 'v3' }),
    ],
  });
  it('405 on a method-only mismatch in v2.11, 404 in v3', () => {
    const v2 = simulate(compileRouting(conf, baseSettings({ target: 'v2.11', version: '2.11.50' })), req('http://a.com/'));
    expect(v2.type === 'responded' && v2.response).toEqual({ status: 405, headers: {}, body: '' });
    const v3 = simulate(compileRouting(conf, baseSettings()), req('http://a.com/'));
    expect(statusOf(v3)).toBe(404);
  });
  it('wildcard Host matches one label from v3.7 only', () => {
    expect(simulate(compileRouting(conf, baseSettings()), req('http://x.w.com/')).router).toBe('wild@kubernetescrd');
    expect(simulate(compileRouting(conf, baseSettings({ version: '3.6.20' })), req('http://x.w.com/')).router).toBeNull();
  });
  it('Host(`*`) matches an empty Host from v3.7.7', () => {
    const star = config({ routers: [router('star@kubernetescrd', 'Host(`*`)')] });
    const empty = req('http://a.com/', { headers: { Host: '' } });
    expect(simulate(compileRouting(star, baseSettings({ version: '3.7.9' })), empty).router).toBe('star@kubernetescrd');
    expect(simulate(compileRouting(star, baseSettings({ version: '3.7.6' })), empty).router).toBeNull();
  });
  it('equal priorities: providers.precedence decides from v3.7, before it is a random tie', () => {
    const tie = config({ routers: [router('z@file', 'Host(`p.com`)', { service: 'z@file' }), router('a@kubernetescrd', 'Host(`p.com`)')] });
    const v37 = simulate(compileRouting(tie, baseSettings()), req('http://p.com/'));
    expect(v37.router).toBe('a@kubernetescrd');
    expect(v37.routing[0]!.nondeterministic).toEqual([]);
    const v36 = simulate(compileRouting(tie, baseSettings({ version: '3.6.20' })), req('http://p.com/'));
    expect(v36.routing[0]!.nondeterministic.sort()).toEqual(['a@kubernetescrd', 'z@file']);
  });
});
