// The entryPoint handlers of pkg/server/server_entrypoint_tcp.go (denyFragment, normalizePath, sanitizePath,
// http.AllowQuerySemicolons / encodeQuerySemicolons, forwarded headers) as whole results: the request they
// leave, what the verdict says they changed, and their 400s. Also the entryPoint choice.
import { describe, expect, it } from 'vitest';
import { DEFAULT_HTTP_OPTIONS, pickEntryPoint, runEntryPointPipeline } from './entrypoint.ts';
import { baseSettings } from './fixtures.ts';
import type { GoRequest } from './request.ts';

const ep = { name: 'web', port: 80 };
const SET_HTTP = 'forwarded headers: set X-Real-Ip: 203.0.113.7; X-Forwarded-Proto: http; X-Forwarded-Port: 80; X-Forwarded-Host: a.com; X-Forwarded-Server: traefik';
const FORWARDED_HTTP = { 'X-Real-Ip': ['203.0.113.7'], 'X-Forwarded-Proto': ['http'], 'X-Forwarded-Port': ['80'], 'X-Forwarded-Host': ['a.com'], 'X-Forwarded-Server': ['traefik'] };

function goRequest(path: string, rawPath: string, rawQuery = '', headers: Record<string, string[]> = {}): GoRequest {
  const requestURI = (rawPath || path) + (rawQuery ? `?${rawQuery}` : '');
  return { method: 'GET', host: 'a.com', url: { path, rawPath, rawQuery, forceQuery: false }, requestURI, headers, remoteAddr: '203.0.113.7:54321', tls: false, sni: null };
}

describe('pickEntryPoint', () => {
  const settings = baseSettings({ entryPoints: [{ name: 'web', port: 80 }, { name: 'websecure', port: 443 }] });
  it.each([
    { explicit: 'nope', port: 80, expected: { ok: false, reason: 'no entryPoint named "nope" (configured: web, websecure)' } },
    { explicit: '', port: 443, expected: { ok: true, entryPoint: { name: 'websecure', port: 443 }, chosenBy: 'port' } },
    { explicit: undefined, port: 81, expected: { ok: false, reason: 'no entryPoint listens on port 81: the connection is refused' } },
  ])('explicit $explicit, port $port', ({ explicit, port, expected }) => {
    expect(pickEntryPoint(settings, explicit, port)).toStrictEqual(expected);
  });

  it('no entryPoint configured at all', () => {
    expect(pickEntryPoint(baseSettings({ entryPoints: [] }), 'web', 80)).toStrictEqual({ ok: false, reason: 'no entryPoint named "web" (configured: none)' });
  });
});

describe('runEntryPointPipeline: 400s', () => {
  it.each([
    { desc: 'denyFragment: a `#` in the raw path', rawPath: '/a#b', because: 'denyFragment: the raw path contains `#`' },
    { desc: 'normalizePath: `%` at the end', rawPath: '/a%', because: 'normalizePath: a `%` at the end of the path' },
    { desc: 'normalizePath: `%` one before the end', rawPath: '/a%4', because: 'normalizePath: a `%` at the end of the path' },
  ])('$desc', ({ rawPath, because }) => {
    expect(runEntryPointPipeline(goRequest('/a', rawPath), ep)).toStrictEqual({ ok: false, response: { status: 400, headers: {}, body: '' }, because, changes: [] });
  });
});

describe('runEntryPointPipeline: the request and the changes', () => {
  it('normalizePath, sanitizePath and semicolons, each noted; AllowQuerySemicolons leaves RequestURI as sent', () => {
    const r = runEntryPointPipeline(goRequest('/~foo/./x', '/%7efoo/./x', 'a=1;b=2', { 'X-Forwarded-For': ['1.1.1.1'] }), ep);
    expect(r).toStrictEqual({
      ok: true,
      request: { ...goRequest('/~foo/x', '', 'a=1&b=2', FORWARDED_HTTP), requestURI: '/~foo/x?a=1;b=2' },
      changes: [
        'normalizePath: /%7efoo/./x → /~foo/./x (unreserved escapes decoded, others upper-cased)',
        'sanitizePath: /~foo/./x → /~foo/x (dot segments and duplicate slashes removed)',
        'query semicolons: ?a=1;b=2 → ?a=1&b=2 (`;` separates parameters like `&`)',
        'forwarded headers: removed X-Forwarded-For (client not in forwardedHeaders.trustedIPs)',
        SET_HTTP,
      ],
      forwarded: { trusted: false, removed: ['X-Forwarded-For'], set: ['X-Real-Ip: 203.0.113.7', 'X-Forwarded-Proto: http', 'X-Forwarded-Port: 80', 'X-Forwarded-Host: a.com', 'X-Forwarded-Server: traefik'] },
    });
  });

  it('encodeQuerySemicolons: `;` → %3B, RequestURI updated', () => {
    const r = runEntryPointPipeline(goRequest('/', '', 'a=1;b=2'), ep, { sanitizePath: true, encodeQuerySemicolons: true });
    expect(r.ok && [r.request.url.rawQuery, r.request.requestURI, r.changes[0]]).toStrictEqual(['a=1%3Bb=2', '/?a=1%3Bb=2', 'encodeQuerySemicolons: ?a=1;b=2 → ?a=1%3Bb=2']);
  });

  it('a raw path already normal: no normalizePath change', () => {
    const r = runEntryPointPipeline(goRequest('/a/b', '/a%2Fb'), ep);
    expect(r.ok && [r.request.url, r.request.requestURI, r.changes]).toStrictEqual([{ path: '/a/b', rawPath: '/a%2Fb', rawQuery: '', forceQuery: false }, '/a%2Fb', [SET_HTTP]]);
  });

  it('normalizePath upper-cases a reserved escape and rebuilds RequestURI', () => {
    const r = runEntryPointPipeline(goRequest('/a/b', '/a%2fb', 'q=1'), ep);
    expect(r.ok && [r.request.url.rawPath, r.request.requestURI, r.changes[0]]).toStrictEqual(['/a%2Fb', '/a%2Fb?q=1', 'normalizePath: /a%2fb → /a%2Fb (unreserved escapes decoded, others upper-cased)']);
  });

  it('sanitizePath off: dot segments stay', () => {
    const r = runEntryPointPipeline(goRequest('/a/../b', ''), ep, { ...DEFAULT_HTTP_OPTIONS, sanitizePath: false });
    expect(r.ok && [r.request.url.path, r.request.requestURI, r.changes]).toStrictEqual(['/a/../b', '/a/../b', [SET_HTTP]]);
  });

  it('the input request is not changed', () => {
    const input = goRequest('/a/./b', '/a/%2e/b', 'x=1;y', { 'X-Forwarded-For': ['1.1.1.1'] });
    const copy = structuredClone(input);
    runEntryPointPipeline(input, ep, { sanitizePath: true, encodeQuerySemicolons: true });
    expect(input).toStrictEqual(copy);
  });
});
