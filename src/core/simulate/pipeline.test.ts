import { beforeAll, describe, expect, it } from 'vitest';
import type { CompiledRouting } from './compiled.ts';
import type { DynamicService } from '../types.ts';
import { compileRouting } from './compile.ts';
import { baseSettings, config, lb, middleware, router, tlsOption } from './fixtures.ts';
import { simulate } from './simulate.ts';
import type { SimRequest, Verdict } from './verdict.ts';

const req = (url: string, over: Partial<SimRequest> = {}): SimRequest => ({ method: 'GET', url, headers: {}, clientIP: '203.0.113.7', ...over });
const status = (v: Verdict) => (v.type === 'responded' ? v.response.status : v.type === 'forwarded' ? 200 : 0);

describe('responses on the way back', () => {
  let routing: CompiledRouting;
  beforeAll(() => {
    routing = compileRouting(config({
    routers: [
      router('a@kubernetescrd', 'Host(`a.com`)', { middlewares: ['hdr@kubernetescrd', 'err@kubernetescrd', 'auth@kubernetescrd'] }),
      router('down@kubernetescrd', 'Host(`down.com`)', { middlewares: ['err@kubernetescrd'], service: 'down@kubernetescrd' }),
    ],
    services: [lb('down@kubernetescrd', []), lb('errors-svc@kubernetescrd', ['http://10.9.9.9:80'])],
    middlewares: [
      middleware('hdr@kubernetescrd', 'headers', { customResponseHeaders: { 'X-Env': 'prod' }, accessControlAllowOriginList: ['https://app.com'], accessControlAllowMethods: ['GET'] }),
      middleware('err@kubernetescrd', 'errors', { status: ['401', '500-599'], service: 'errors-svc@kubernetescrd', query: '/{status}.html' }),
      middleware('auth@kubernetescrd', 'basicAuth', { secret: 'users' }),
    ],
  }), baseSettings(), { secrets: { 'default/users': { users: 'u:{SHA}qUqP5cyxm6YcTAhz05Hph5gvu9M=' } } });
  });

  it('an Errors middleware replaces the body of a 401 from further down; outer Headers still apply', () => {
    const v = simulate(routing, req('http://a.com/'));
    expect(v.type === 'responded' && v.response.status).toBe(401);
    expect(v.type === 'responded' && v.response.body).toContain('errors-svc@kubernetescrd');
    expect(v.type === 'responded' && v.response.headers['X-Env']).toBe('prod');
    expect(v.notes.join(' ')).toContain('GET http://a.com/401.html');
  });
  it('and of a 503 from an empty service', () => {
    const v = simulate(routing, req('http://down.com/'));
    expect(v).toMatchObject({ type: 'responded', cause: 'no-available-server', response: { status: 503 } });
  });
  it('CORS preflights are answered before authentication', () => {
    const v = simulate(routing, req('http://a.com/', { method: 'OPTIONS', headers: { Origin: 'https://app.com', 'Access-Control-Request-Method': 'GET' } }));
    expect(v).toMatchObject({ type: 'responded', cause: 'cors-preflight', response: { status: 200 } });
  });
  it('forwarded verdicts list the error pages that would apply', () => {
    const v = simulate(routing, req('http://a.com/', { headers: { Authorization: 'Basic ' + btoa('u:test') } }));
    expect(v.type).toBe('forwarded');
    expect(v.errorPages).toEqual([{ middleware: 'err@kubernetescrd', status: ['401', '500-599'], service: 'errors-svc@kubernetescrd', query: '/{status}.html' }]);
    expect(v.type === 'forwarded' && v.responseHeaders['X-Env']).toBe('prod');
  });
});

describe('entryPoint defaults (applyModel)', () => {
  const settings = baseSettings({
    entryPoints: [
      { name: 'web', port: 80 },
      { name: 'websecure', port: 443, middlewares: ['ipallow@kubernetescrd'], tls: { options: 'apps-modern@kubernetescrd' } },
    ],
  });
  let routing: CompiledRouting;
  beforeAll(() => {
    routing = compileRouting(config({
    routers: [router('a@kubernetescrd', 'Host(`a.com`)', { entryPoints: ['websecure'] })],
    middlewares: [middleware('ipallow@kubernetescrd', 'ipAllowList', { sourceRange: ['10.0.0.0/8'] })],
    tlsOptions: [tlsOption('apps-modern@kubernetescrd')],
  }), settings);
  });
  it('entryPoint http.tls makes routers TLS routers; its middlewares run first', () => {
    expect(simulate(routing, req('http://a.com/', { entryPoint: 'websecure' })).router).toBeNull();
    const v = simulate(routing, req('https://a.com/', { clientIP: '10.1.1.1' }));
    expect(v.router).toBe('a@kubernetescrd');
    expect(v.tls?.option).toBe('apps-modern@kubernetescrd');
    expect(v.middlewares[0]?.name).toBe('ipallow@kubernetescrd');
  });
  it('…and the router resolves the entryPoint TLS option, so a handshake without SNI is misdirected', () => {
    const v = simulate(routing, req('https://a.com/', { clientIP: '10.1.1.1', sni: null }));
    expect(v.sniCheck).toMatchObject({ result: 'misdirected', routerOption: 'apps-modern@kubernetescrd', handshakeOption: 'default' });
  });
  it('IP allow list from the entryPoint', () => {
    const settingsNoTls = baseSettings({ entryPoints: [{ name: 'web', port: 80, middlewares: ['ipallow@kubernetescrd'] }] });
    const r = compileRouting(config({ routers: [router('a@kubernetescrd', 'Host(`a.com`)')], middlewares: [middleware('ipallow@kubernetescrd', 'ipAllowList', { sourceRange: ['10.0.0.0/8'] })] }), settingsNoTls);
    expect(status(simulate(r, req('http://a.com/')))).toBe(403);
    expect(status(simulate(r, req('http://a.com/', { clientIP: '10.0.0.9' })))).toBe(200);
  });
});

describe('services through the pipeline', () => {
  const split: DynamicService = { type: 'weighted', name: 'split@kubernetescrd', services: [{ name: 'v1@kubernetescrd', weight: 90 }, { name: 'v2@kubernetescrd', weight: 10 }], sticky: { name: 'canary' } };
  let routing: CompiledRouting;
  beforeAll(() => {
    routing = compileRouting(config({
    routers: [router('a@kubernetescrd', 'Host(`a.com`)', { service: 'split@kubernetescrd' })],
    services: [split, lb('v1@kubernetescrd', ['http://10.0.1.1:80']), lb('v2@kubernetescrd', ['http://10.0.2.1:80'])],
  }), baseSettings());
  });
  it('weighted: percentages, the heaviest child shown, a sticky cookie set', () => {
    const v = simulate(routing, req('http://a.com/'));
    expect(v.type === 'forwarded' && v.upstream.url).toBe('http://10.0.1.1:80/');
    // wrr.go hashes the child name as the provider wrote it, without `@kubernetescrd`: sha256('v1')[:16].
    expect(v.type === 'forwarded' && v.responseHeaders['Set-Cookie']).toBe('canary=3bfc269594ef6492; Path=/');
    expect(v.service?.tree.type === 'weighted' && v.service.tree.children.map((c) => c.percent)).toEqual([90, 10]);
  });
  it('the sticky cookie sends the request to its child', () => {
    // sha256('v2')[:16]
    const v = simulate(routing, req('http://a.com/', { headers: { Cookie: 'canary=fb04dcb6970e4c3d' } }));
    expect(v.type === 'forwarded' && v.upstream.url).toBe('http://10.0.2.1:80/');
  });
});

describe('421 on v2.11 (old check until 2.11.46, per router from 2.11.47)', () => {
  const conf = config({
    routers: [router('a@kubernetescrd', 'Host(`a.com`)', { options: 'x-o@kubernetescrd', ruleSyntax: 'v2' }), router('b@kubernetescrd', 'Host(`b.com`)', { tls: true, ruleSyntax: 'v2' })],
    tlsOptions: [tlsOption('x-o@kubernetescrd')],
  });
  it('2.11.46: Host a.com with SNI b.com → 421 before routing', () => {
    const v = simulate(compileRouting(conf, baseSettings({ target: 'v2.11', version: '2.11.46' })), req('https://a.com/', { sni: 'b.com' }));
    expect(v).toMatchObject({ type: 'responded', cause: 'misdirected', sniCheck: { mode: 'host-vs-sni' } });
    expect(v.routing).toEqual([]);
  });
  it('2.11.47: the matched router\'s option is compared with the handshake\'s', () => {
    const v = simulate(compileRouting(conf, baseSettings({ target: 'v2.11', version: '2.11.47' })), req('https://a.com/', { sni: 'b.com' }));
    expect(v).toMatchObject({ type: 'responded', cause: 'misdirected', router: 'a@kubernetescrd', sniCheck: { mode: 'resolved-option' } });
    const ok = simulate(compileRouting(conf, baseSettings({ target: 'v2.11', version: '2.11.47' })), req('https://b.com/', { sni: 'c.com' }));
    expect(ok.type).toBe('forwarded');
  });
});

describe('encoded characters', () => {
  const conf = config({ routers: [router('a@kubernetescrd', 'Host(`a.com`)')] });
  it('v3.6.5–3.6.6 reject %2F by default; later versions do not', () => {
    expect(status(simulate(compileRouting(conf, baseSettings({ version: '3.6.5' })), req('http://a.com/x%2Fy')))).toBe(400);
    expect(status(simulate(compileRouting(conf, baseSettings({ version: '3.6.7' })), req('http://a.com/x%2Fy')))).toBe(200);
  });
});

describe('TLS option conflicts in v3.6.18–3.6.20 (resolved globally, no renaming)', () => {
  const conf = config({
    routers: [
      router('a@kubernetescrd', 'Host(`c.com`) && Path(`/a`)', { options: 'x-o@kubernetescrd' }),
      router('b@kubernetescrd', 'Host(`c.com`)', { tls: true }),
      router('n@kubernetescrd', 'PathPrefix(`/n`)', { options: 'x-o@kubernetescrd' }),
    ],
    tlsOptions: [tlsOption('x-o@kubernetescrd')],
  });
  let routing: CompiledRouting;
  beforeAll(() => {
    routing = compileRouting(conf, baseSettings({ version: '3.6.19' }));
  });
  it('routers of a conflicting host, and routers without Host, resolve the default option', () => {
    expect(routing.routers['a@kubernetescrd']!.router.tls?.resolvedOptions).toBe('default');
    expect(routing.routers['n@kubernetescrd']!.router.tls?.resolvedOptions).toBe('default');
    const v = simulate(routing, req('https://c.com/a'));
    expect(v).toMatchObject({ router: 'a@kubernetescrd', tls: { option: 'default' }, sniCheck: { result: 'passed' } });
  });
});
