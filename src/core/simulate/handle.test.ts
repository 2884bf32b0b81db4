// The handler of a matched router (pkg/server/router/router.go buildHTTPHandler, deny.go) and the parts of
// aggregator.go applyModel it relies on: entryPoint middlewares put before a root router's own, the entryPoint's
// TLS used only when the router has none, encoded path characters denied by default in v3.6.5–3.6.6.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { DynamicRouter, DynamicService } from '../types.ts';
import type { CompiledRouter } from './compiled.ts';
import { compileRouting } from './compile.ts';
import { baseSettings, config, lb, router, tlsOption } from './fixtures.ts';
import { routerResolvedOption, withEntryPointMiddlewares } from './handle.ts';
import { simulate } from './simulate.ts';
import type { SimRequest } from './verdict.ts';

const compiled = (name: string, over: Partial<DynamicRouter> = {}, internal = false): CompiledRouter =>
  ({ name, internal, router: { ...router(name, 'PathPrefix(`/`)'), ...over } }) as unknown as CompiledRouter;

describe('withEntryPointMiddlewares (applyModel: append(model.Middlewares, router.Middlewares...))', () => {
  it.each([
    { desc: 'entryPoint names are qualified with the router provider and go first', name: 'a@kubernetescrd', own: ['x@kubernetescrd'], ep: ['auth', 'h@file'], expected: ['auth@kubernetescrd', 'h@file', 'x@kubernetescrd'] },
    { desc: 'the provider is the part after the last @', name: 'a@b@file', own: [], ep: ['auth'], expected: ['auth@file'] },
    { desc: 'a router name without a provider leaves names as written', name: 'plain', own: ['x'], ep: ['auth'], expected: ['auth', 'x'] },
    { desc: 'no entryPoint middleware: the router\'s own', name: 'a@kubernetescrd', own: ['x@kubernetescrd'], ep: [], expected: ['x@kubernetescrd'] },
    { desc: 'already prepended by the provider: not added twice', name: 'a@kubernetescrd', own: ['auth@kubernetescrd', 'x@kubernetescrd'], ep: ['auth'], expected: ['auth@kubernetescrd', 'x@kubernetescrd'] },
    { desc: 'prepended only in part: added', name: 'a@kubernetescrd', own: ['auth@kubernetescrd'], ep: ['auth', 'b'], expected: ['auth@kubernetescrd', 'b@kubernetescrd', 'auth@kubernetescrd'] },
  ])('$desc', ({ name, own, ep, expected }) => {
    expect(withEntryPointMiddlewares(compiled(name, { middlewares: own }), ep)).toEqual(expected);
  });

  it('internal routers get none', () => {
    expect(withEntryPointMiddlewares(compiled('web-to-websecure@internal', { middlewares: ['r@internal'] }, true), ['auth'])).toEqual(['r@internal']);
  });
});

describe('routerResolvedOption (the model TLS only when the router has no TLS)', () => {
  it.each([
    { desc: 'the router\'s resolved option', tls: { options: 'modern', resolvedOptions: 'apps-modern@kubernetescrd' }, ep: 'ep-opt', expected: 'apps-modern@kubernetescrd' },
    { desc: 'router TLS without an option: default, not the entryPoint one', tls: { resolvedOptions: '' }, ep: 'ep-opt', expected: 'default' },
    { desc: 'no router TLS: the entryPoint option', tls: null, ep: 'ep-opt', expected: 'ep-opt' },
    { desc: 'no router TLS, no entryPoint option: default', tls: null, ep: undefined, expected: 'default' },
    { desc: 'no router TLS, an empty entryPoint option: default', tls: null, ep: '', expected: 'default' },
  ])('$desc', ({ tls, ep, expected }) => {
    expect(routerResolvedOption(compiled('a@kubernetescrd', { tls } as Partial<DynamicRouter>), ep)).toBe(expected);
  });
});

describe('encoded path characters denied by default (deny.go; v3.6.5–3.6.6 only)', () => {
  const routingAt = (version: string) => compileRouting(
    config({ routers: [router('web-a@kubernetescrd', 'Host(`a.com`)')], services: [lb('web-a@kubernetescrd', ['http://10.0.0.1:80'])] }),
    baseSettings({ version }),
  );
  const get = (version: string, path: string) => simulate(routingAt(version), { method: 'GET', url: `http://a.com${path}`, headers: {}, clientIP: '203.0.113.7' });

  it.each([
    { path: '/a%2Fb', hit: '%2F' },
    { path: '/a%5cb', hit: '%5C' }, // normalizePath (entryPoint) upper-cases escapes first
    { path: '/a%41%3Bb', hit: '%3B' },
    { path: '/a%25', hit: '%25' },
  ])('3.6.5 rejects $path with 400 ($hit)', ({ path, hit }) => {
    const v = get('3.6.5', path);
    expect(v).toMatchObject({ type: 'responded', cause: 'bad-request', router: 'web-a@kubernetescrd', response: { status: 400, headers: {}, body: '' } });
    expect(v.notes).toContain(`Traefik 3.6.5 rejects the encoded character ${hit} in paths by default`);
  });

  it('3.6.5 forwards a path whose escapes are allowed (normalizePath decodes the unreserved %41)', () => {
    expect(get('3.6.5', '/a%41%20b')).toMatchObject({ type: 'forwarded', upstream: { url: 'http://10.0.0.1:80/aA%20b' } });
  });

  it('3.6.7 forwards /a%2Fb (opt-in afterwards)', () => {
    expect(get('3.6.7', '/a%2Fb')).toMatchObject({ type: 'forwarded', upstream: { url: 'http://10.0.0.1:80/a%2Fb' } });
  });
});

describe('the SNI check of TLS routers (v3.6.18+: the router\'s resolved option against the handshake\'s)', () => {
  const routing = compileRouting(config({
    routers: [router('a@kubernetescrd', 'Host(`a.com`)', { options: 'apps-modern@kubernetescrd' }), router('b@kubernetescrd', 'Host(`b.com`)', { tls: true })],
    tlsOptions: [tlsOption('apps-modern@kubernetescrd')],
  }), baseSettings());
  const get = (url: string, over: Partial<SimRequest> = {}) => simulate(routing, { method: 'GET', url, headers: {}, clientIP: '203.0.113.7', ...over });

  it('passed: the option the SNI chose is the router\'s', () => {
    expect(get('https://a.com/').sniCheck).toStrictEqual({
      mode: 'resolved-option', result: 'passed', handshakeOption: 'apps-modern@kubernetescrd', routerOption: 'apps-modern@kubernetescrd',
      because: "the router's TLS option (apps-modern@kubernetescrd) is the one the handshake used",
    });
  });

  it('misdirected: another SNI chose another option, 421', () => {
    const v = get('https://a.com/', { sni: 'b.com' });
    expect(v.sniCheck).toStrictEqual({
      mode: 'resolved-option', result: 'misdirected', handshakeOption: 'default', routerOption: 'apps-modern@kubernetescrd',
      because: 'the router resolves TLS option apps-modern@kubernetescrd, but the handshake used default (chosen by the SNI): 421',
    });
    expect(v).toMatchObject({ type: 'responded', cause: 'misdirected', response: { status: 421, body: 'Misdirected Request\n' } });
  });

  it('plain HTTP: no check', () => {
    const plain = compileRouting(config({ routers: [router('a@kubernetescrd', 'Host(`a.com`)')] }), baseSettings());
    expect(simulate(plain, { method: 'GET', url: 'http://a.com/', headers: {}, clientIP: '203.0.113.7' }).sniCheck).toBeNull();
  });
});

describe('the service of the router', () => {
  const get = (routing: ReturnType<typeof compileRouting>) => simulate(routing, { method: 'GET', url: 'http://a.com/', headers: {}, clientIP: '203.0.113.7' });

  it('an empty balancer: 503, cause no-available-server', () => {
    const v = get(compileRouting(config({ routers: [router('a@kubernetescrd', 'Host(`a.com`)')], services: [lb('a@kubernetescrd', [])] }), baseSettings()));
    expect(v).toMatchObject({ type: 'responded', cause: 'no-available-server', response: { status: 503 } });
  });

  it('a service that does not exist: 500, cause internal-error', () => {
    const v = get(compileRouting(config({ routers: [router('a@kubernetescrd', 'Host(`a.com`)', { service: 'gone' })] }), baseSettings()));
    expect(v).toMatchObject({ type: 'responded', cause: 'internal-error', response: { status: 500, body: 'Internal Server Error\n' }, service: { name: 'gone', middlewares: [] } });
  });

  it('sticky cookies of nested balancers are all set', () => {
    const w: DynamicService = { type: 'weighted', name: 'a@kubernetescrd', services: [{ name: 'x@kubernetescrd', weight: 1 }], sticky: { name: 'outer' } };
    const v = get(compileRouting(config({ routers: [router('a@kubernetescrd', 'Host(`a.com`)')], services: [w, lb('x@kubernetescrd', ['http://10.0.0.1:80'], { sticky: { name: 'inner' } })] }), baseSettings()));
    const sha = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 16);
    expect(v.type === 'forwarded' && v.responseHeaders).toStrictEqual({ 'Set-Cookie': [`outer=${sha('x')}; Path=/`, `inner=${sha('http://10.0.0.1:80')}; Path=/`] });
  });
});
