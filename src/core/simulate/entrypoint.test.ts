import { describe, expect, it } from 'vitest';
import { pickEntryPoint, runEntryPointPipeline } from './entrypoint.ts';
import { baseSettings } from './fixtures.ts';
import { escapedPath } from './go-url.ts';
import { parseClientRequest } from './request.ts';

const ep = { name: 'web', port: 80 };

function parse(url: string, headers: Record<string, string | string[]> = {}, clientIP = '203.0.113.7', method = 'GET') {
  const r = parseClientRequest({ method, url, headers, clientIP });
  if (!r.ok) throw new Error(r.reason);
  return r;
}

function pipeline(url: string, headers: Record<string, string | string[]> = {}, epOver = {}, clientIP = '203.0.113.7') {
  const r = runEntryPointPipeline(parse(url, headers, clientIP).value.request, { ...ep, ...epOver });
  if (!r.ok) throw new Error(r.because);
  return r;
}

describe('Go server parsing', () => {
  it('takes the Host from the URL authority, port and case kept', () => {
    const r = parse('http://Shop.Example.com:8080/a?b=1').value;
    expect(r.request.host).toBe('Shop.Example.com:8080');
    expect(r.port).toBe(8080);
    expect(r.request.url.rawQuery).toBe('b=1');
    expect(r.request.remoteAddr).toBe('203.0.113.7:54321');
  });

  it('defaults the port by scheme and brackets IPv6 peers', () => {
    expect(parse('https://a.com/').value.port).toBe(443);
    expect(parse('http://a.com/', {}, '2001:db8::1').value.request.remoteAddr).toBe('[2001:db8::1]:54321');
  });

  it('lets a Host header override the authority, and refuses two', () => {
    expect(parse('http://a.com/', { host: 'b.com' }).value.request.host).toBe('b.com');
    const two = parse('http://a.com/', { Host: ['b.com', 'c.com'] });
    expect(two.reject?.response.body).toBe('400 Bad Request: too many Host headers');
  });

  it('answers 400 for a malformed escape or a malformed Host', () => {
    expect(parse('http://a.com/a%zz').reject?.response).toMatchObject({ status: 400, body: '400 Bad Request' });
    expect(parse('http://a.com/', { Host: 'a b' }).reject?.response.body).toBe('400 Bad Request: malformed Host header');
  });

  it('percent-encodes spaces and non-ASCII like a browser', () => {
    const r = parse('http://a.com/foo bar/é');
    expect(r.value.request.requestURI).toBe('/foo%20bar/%C3%A9');
    expect(r.value.request.url.path).toBe('/foo bar/é');
  });

  it('turns URL user info into a Basic Authorization header', () => {
    expect(parse('http://admin:s3cret@a.com/').value.request.headers['Authorization']).toEqual(['Basic YWRtaW46czNjcmV0']);
  });

  it('rejects what is not an http(s) URL', () => {
    expect(parseClientRequest({ method: 'GET', url: 'ftp://a.com/', headers: {}, clientIP: '1.2.3.4' }).ok).toBe(false);
    expect(parseClientRequest({ method: 'GET', url: 'a.com/x', headers: {}, clientIP: '1.2.3.4' }).ok).toBe(false);
  });
});

describe('entryPoint selection', () => {
  const settings = baseSettings({ entryPoints: [{ name: 'web', port: 80 }, { name: 'websecure', port: 443 }, { name: 'admin', port: 8443 }] });
  it('picks by port, or by name', () => {
    expect(pickEntryPoint(settings, undefined, 443)).toMatchObject({ ok: true, chosenBy: 'port', entryPoint: { name: 'websecure' } });
    expect(pickEntryPoint(settings, 'admin', 443)).toMatchObject({ ok: true, chosenBy: 'explicit', entryPoint: { name: 'admin' } });
    expect(pickEntryPoint(settings, undefined, 8080)).toMatchObject({ ok: false });
    expect(pickEntryPoint(settings, 'nope', 80)).toMatchObject({ ok: false });
  });
});

describe('entryPoint pipeline', () => {
  it('denyFragment: a literal # in the path is a 400', () => {
    const req = parse('http://a.com/a#b').value.request;
    const r = runEntryPointPipeline(req, ep);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.response).toEqual({ status: 400, headers: {}, body: '' });
  });

  it('normalizePath decodes unreserved escapes and upper-cases the others', () => {
    const r = pipeline('http://a.com/%7efoo/%2fbar/%61');
    expect(escapedPath(r.request.url)).toBe('/~foo/%2Fbar/a');
    expect(r.request.requestURI).toBe('/~foo/%2Fbar/a');
  });

  it('sanitizePath removes dot segments and duplicate slashes, keeping a trailing slash', () => {
    const r = pipeline('http://a.com/a/../b//c/?x=1');
    expect(escapedPath(r.request.url)).toBe('/b/c/');
    expect(r.request.requestURI).toBe('/b/c/?x=1');
    expect(r.changes[0]).toContain('sanitizePath');
  });

  it('keeps encoded slashes out of the cleaning', () => {
    // %2E is unreserved: normalizePath decodes it first, so the dot segment is then cleaned.
    const r = pipeline('http://a.com/a/%2E%2E/b');
    expect(escapedPath(r.request.url)).toBe('/b');
    const slash = pipeline('http://a.com/a%2F..%2Fb');
    expect(escapedPath(slash.request.url)).toBe('/a%2F..%2Fb');
  });

  it('turns query semicolons into & (AllowQuerySemicolons), or encodes them', () => {
    expect(pipeline('http://a.com/?a=1;b=2').request.url.rawQuery).toBe('a=1&b=2');
    const req = parse('http://a.com/?a=1;b=2').value.request;
    const r = runEntryPointPipeline(req, ep, { sanitizePath: true, encodeQuerySemicolons: true });
    expect(r.ok && r.request.url.rawQuery).toBe('a=1%3Bb=2');
  });
});

describe('forwarded headers', () => {
  it('strips X-Forwarded-* from untrusted clients and sets its own', () => {
    const r = pipeline('http://shop.example.com:8080/', { 'X-Forwarded-For': '1.1.1.1', 'x-forwarded-host': 'evil.com', X_Real_Ip: '6.6.6.6', 'X-Custom': 'ok' });
    const h = r.request.headers;
    expect(h['X-Forwarded-For']).toBeUndefined();
    expect(h['X_real_ip']).toBeUndefined();
    expect(h['X-Forwarded-Host']).toEqual(['shop.example.com:8080']);
    expect(h['X-Forwarded-Proto']).toEqual(['http']);
    expect(h['X-Forwarded-Port']).toEqual(['8080']);
    expect(h['X-Real-Ip']).toEqual(['203.0.113.7']);
    expect(h['X-Forwarded-Server']).toEqual(['traefik']);
    expect(h['X-Custom']).toEqual(['ok']);
    expect(r.forwarded.trusted).toBe(false);
  });

  it('keeps them from trusted IPs and joins X-Forwarded-For', () => {
    const r = pipeline('https://a.com/', { 'X-Forwarded-For': ['1.1.1.1', '2.2.2.2'], 'X-Forwarded-Proto': 'http' }, { forwardedHeaders: { trustedIPs: ['10.0.0.0/8'] } }, '10.1.2.3');
    expect(r.forwarded.trusted).toBe(true);
    expect(r.request.headers['X-Forwarded-For']).toEqual(['1.1.1.1, 2.2.2.2']);
    expect(r.request.headers['X-Forwarded-Proto']).toEqual(['http']);
    expect(r.request.headers['X-Forwarded-Port']).toEqual(['443']);
  });

  it('uses ws/wss for WebSocket upgrades and drops Connection-listed headers', () => {
    const r = pipeline('https://a.com/', { Connection: 'Upgrade, X-Drop', Upgrade: 'websocket', 'X-Drop': '1' });
    expect(r.request.headers['X-Forwarded-Proto']).toEqual(['wss']);
    expect(r.request.headers['X-Drop']).toBeUndefined();
    expect(r.request.headers['Connection']).toEqual(['Upgrade']);
  });

  it('trusts everyone with insecure', () => {
    const r = pipeline('http://a.com/', { 'X-Forwarded-Host': 'b.com' }, { forwardedHeaders: { insecure: true } });
    expect(r.request.headers['X-Forwarded-Host']).toEqual(['b.com']);
  });
});

