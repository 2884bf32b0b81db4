// The steps simulate() adds around routing (pkg/server/router/tcp/router.go ServeTCP, server_entrypoint_tcp.go,
// router.go, service.go): untyped input, the SNI a client sends, client certificates, the default entryPoints,
// internal and external services, v2.11's 405, response headers a Headers middleware removes, and never throwing.
import { describe, expect, it } from 'vitest';
import type { DynamicConfig } from '../types.ts';
import type { CompiledRouting } from './compiled.ts';
import { compileRouting } from './compile.ts';
import { baseSettings, config, lb, middleware, router, tlsOption } from './fixtures.ts';
import { simulate } from './simulate.ts';
import type { SimRequest } from './verdict.ts';

const req = (url: string, over: Partial<SimRequest> = {}): SimRequest => ({ method: 'GET', url, headers: {}, clientIP: '203.0.113.7', ...over });
const TEXT = { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' };

describe('input from untyped JSON or YAML', () => {
  const routing = compileRouting(config({ routers: [router('a@kubernetescrd', 'PathPrefix(`/`)')] }), baseSettings());

  it('missing fields get their defaults; header values become strings', () => {
    const v = simulate(routing, { url: 'http://a.com/', headers: { 'X-N': 5, 'X-L': [1, 'b'] } } as unknown as SimRequest);
    expect(v.request).toStrictEqual({ method: 'GET', url: 'http://a.com/', headers: { 'X-N': '5', 'X-L': ['1', 'b'] }, clientIP: '' });
  });

  it('sni null is kept, other sni values become strings, a non-string entryPoint is ignored', () => {
    expect(simulate(routing, { ...req('http://a.com/'), sni: null }).request.sni).toBeNull();
    expect(simulate(routing, { ...req('http://a.com/'), sni: 7 } as unknown as SimRequest).request.sni).toBe('7');
    const v = simulate(routing, { ...req('http://a.com/'), entryPoint: 3 } as unknown as SimRequest);
    expect(v.request).toStrictEqual({ method: 'GET', url: 'http://a.com/', headers: {}, clientIP: '203.0.113.7' });
    expect(v.entryPoint?.chosenBy).toBe('port');
  });

  it('a null request, non-object headers, a non-string method and clientIP', () => {
    expect(simulate(routing, null as unknown as SimRequest).request).toStrictEqual({ method: 'GET', url: '', headers: {}, clientIP: '' });
    expect(simulate(routing, { method: 1, url: 'http://a.com/', headers: 'x', clientIP: 2 } as unknown as SimRequest).request).toStrictEqual({ method: 'GET', url: 'http://a.com/', headers: {}, clientIP: '' });
  });

  it('never throws: a broken routing is a no-response verdict', () => {
    const v = simulate({} as CompiledRouting, req('http://a.com/'));
    expect(v).toMatchObject({ type: 'no-response', cause: 'invalid-request', entryPoint: null, routing: [], middlewares: [], service: null, router: null, notes: [] });
    expect(v.type === 'no-response' && v.reason).toMatch(/^the simulator failed: /);
  });
});

describe('entryPoint and TLS handshake', () => {
  const routing = compileRouting(config({ routers: [router('a@kubernetescrd', 'PathPrefix(`/`)', { tls: true })] }), baseSettings());

  it('an explicit entryPoint on another port: noted (routing ignores ports)', () => {
    const v = simulate(routing, req('https://a.com:8443/', { entryPoint: 'websecure' }));
    expect(v.entryPoint?.notes).toStrictEqual(['the URL port 8443 differs from the entryPoint port 443: routing ignores ports']);
  });

  it('no entryPoint on the port: no response, with the reason', () => {
    expect(simulate(routing, req('http://a.com:81/'))).toMatchObject({ type: 'no-response', cause: 'no-entrypoint', reason: 'no entryPoint listens on port 81: the connection is refused' });
  });

  it.each([
    { desc: 'an IPv4 literal: no SNI (noted)', url: 'https://10.1.2.3/', sni: undefined, expected: null, note: true },
    { desc: 'an IPv6 literal: no SNI (noted)', url: 'https://[2001:db8::1]/', sni: undefined, expected: null, note: true },
    { desc: 'a name: the name', url: 'https://a.com/', sni: undefined, expected: 'a.com', note: false },
    { desc: 'an explicit empty SNI: none, not noted', url: 'https://a.com/', sni: '', expected: null, note: false },
    { desc: 'an explicit SNI wins over the URL', url: 'https://10.1.2.3/', sni: 'b.com', expected: 'b.com', note: false },
  ])('$desc', ({ url, sni, expected, note }) => {
    const v = simulate(routing, req(url, sni === undefined ? {} : { sni }));
    expect(v.tls?.sni).toBe(expected);
    expect(v.tls?.notes.includes('the URL host is an IP address: clients send no SNI')).toBe(note);
  });

  it.each(['RequireAnyClientCert', 'RequireAndVerifyClientCert'])('clientAuth %s: the handshake fails (this client has no certificate)', (clientAuthType) => {
    const strict = compileRouting(config({ routers: [router('a@kubernetescrd', 'PathPrefix(`/`)', { tls: true })], tlsOptions: [tlsOption('default', { builtin: true, clientAuth: { clientAuthType } })] }), baseSettings());
    const v = simulate(strict, req('https://a.com/'));
    expect(v).toMatchObject({ type: 'no-response', cause: 'tls-handshake-failed', reason: `the TLS option default requires a client certificate (${clientAuthType}) and this client sends none`, tls: { handshake: 'failed' } });
  });

  it('clientAuth VerifyClientCertIfGiven: the handshake goes on', () => {
    const soft = compileRouting(config({ routers: [router('a@kubernetescrd', 'PathPrefix(`/`)', { tls: true })], tlsOptions: [tlsOption('default', { builtin: true, clientAuth: { clientAuthType: 'VerifyClientCertIfGiven' } })] }), baseSettings());
    expect(simulate(soft, req('https://a.com/')).type).toBe('forwarded');
  });
});

describe('router and service outcomes', () => {
  it('a router without entryPoints serves the default ones (noted)', () => {
    const routing = compileRouting(config({ routers: [router('a@kubernetescrd', 'PathPrefix(`/`)', { entryPoints: ['web', 'websecure'], defaultEntryPoints: true })] }), baseSettings());
    expect(simulate(routing, req('http://a.com/')).notes).toContain("a@kubernetescrd lists no entryPoints: Traefik's router manager attaches it to the default entryPoints (web, websecure), so it serves web");
  });

  it.each([
    { service: 'api@internal', notes: ['api@internal is a Traefik internal service (API, dashboard, ping…): its answer is not simulated'] },
    { service: 'noop@internal', notes: [] },
  ])('an internal service ($service) answers 200 itself', ({ service, notes }) => {
    const routing = compileRouting(config({ routers: [router('a@kubernetescrd', 'PathPrefix(`/`)', { service })] }), baseSettings());
    const v = simulate(routing, req('http://a.com/'));
    expect(v).toMatchObject({ type: 'responded', cause: 'internal-service', response: { status: 200, headers: {}, body: '' } });
    expect(v.notes).toStrictEqual(notes);
  });

  it('a service of another provider: forwarded to an unknown server (noted)', () => {
    const routing = compileRouting(config({ routers: [router('a@kubernetescrd', 'PathPrefix(`/`)', { service: 'x@file' })] }), baseSettings());
    const v = simulate(routing, req('http://a.com/p?q=1'));
    expect(v).toMatchObject({ type: 'forwarded', upstream: { method: 'GET', url: 'external://x@file/p?q=1', host: 'a.com' } });
    expect(v.notes).toStrictEqual(['x@file is defined outside the workspace: its servers are unknown']);
  });

  it('v2.11: a router failing only on Method answers 405', () => {
    const routing = compileRouting(config({ routers: [router('a@kubernetescrd', 'Method(`POST`)', { ruleSyntax: 'v2' })] }), baseSettings({ target: 'v2.11', version: '2.11.50' }));
    const v = simulate(routing, req('http://a.com/'));
    expect(v).toMatchObject({ type: 'responded', cause: 'method-not-allowed', response: { status: 405, headers: {}, body: '' } });
    expect(v.notes).toStrictEqual(['a router failed only on its Method matcher: Traefik v2.11 answers 405']);
  });

  it('v3: the same request is a 404', () => {
    const routing = compileRouting(config({ routers: [router('a@kubernetescrd', 'Method(`POST`)')] }), baseSettings());
    expect(simulate(routing, req('http://a.com/'))).toMatchObject({ type: 'responded', cause: 'not-found', response: { status: 404 } });
  });

  it('a Headers middleware removes and adds response headers on Traefik\'s own answers (503 here)', () => {
    const cfg: DynamicConfig = config({
      routers: [router('a@kubernetescrd', 'PathPrefix(`/`)', { middlewares: ['h@kubernetescrd'] })],
      services: [lb('a@kubernetescrd', [])],
      middlewares: [middleware('h@kubernetescrd', 'headers', { customResponseHeaders: { 'X-Content-Type-Options': '', 'X-A': 'b' } })],
    });
    const v = simulate(compileRouting(cfg, baseSettings()), req('http://a.com/'));
    expect(v).toMatchObject({ type: 'responded', cause: 'no-available-server' });
    expect(v.type === 'responded' && v.response).toStrictEqual({ status: 503, headers: { 'Content-Type': TEXT['Content-Type'], 'X-A': 'b' }, body: 'no available server\n' });
  });
});
