// Sticky cookies: pkg/server/service/loadbalancer/sticky.go (StickyHandler: the sha256 value, then the
// compatibility map: the raw child name, its FNV-64 hash, the FNV of that hash; a compatibility hit is written
// again) and wrr.go ServeHTTP (a cookie is written when the balancer picks, or to rewrite an old value).
// FNV-1 64 is recomputed here and checked against the published FNV test vectors first.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { CompiledRouting } from './compiled.ts';
import { config, lb } from './fixtures.ts';
import { requestCookie, setCookieValue, stickyChild } from './backend.ts';
import { resolveService } from './service.ts';

/** FNV-1 (multiply, then xor), 64 bits, lower-case hex without leading zeros (strconv.FormatUint(h, 16)). */
function fnv1(s: string): string {
  let h = 0xcbf29ce484222325n;
  for (const b of Buffer.from(s, 'utf8')) h = ((h * 0x100000001b3n) % 2n ** 64n) ^ BigInt(b);
  return h.toString(16);
}
const sha16 = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 16);

describe('FNV-1 64 of the test (published vectors)', () => {
  it.each([
    ['', 'cbf29ce484222325'],
    ['a', 'af63bd4c8601b7be'],
    ['foobar', '340d8765a4dda9c2'],
  ])('fnv1_64(%j) = %s', (s, hex) => expect(fnv1(s)).toBe(hex));
});

describe('StickyHandler (sticky_test.go rows)', () => {
  const children = ['first', 'second'];
  it.each([
    { desc: 'No previous cookie', cookie: undefined, expected: undefined },
    { desc: 'Wrong previous cookie', cookie: sha16('foo'), expected: undefined },
    { desc: 'Sha256 previous cookie', cookie: sha16('first'), expected: { child: 'first', rewrite: false } },
    { desc: 'Raw previous cookie', cookie: 'first', expected: { child: 'first', rewrite: true } },
    { desc: 'Fnv previous cookie', cookie: fnv1('first'), expected: { child: 'first', rewrite: true } },
    { desc: 'Double fnv previous cookie', cookie: fnv1(fnv1('first')), expected: { child: 'first', rewrite: true } },
    { desc: 'the second child', cookie: sha16('second'), expected: { child: 'second', rewrite: false } },
  ])('$desc', ({ cookie, expected }) => {
    const headers: Record<string, string[]> = cookie === undefined ? {} : { Cookie: [`test=${cookie}`] };
    expect(stickyChild(headers, 'test', children)).toEqual(expected);
  });

  it.each([
    { line: ['a=1; test=v; b=2'], value: 'v' },
    { line: ['a=1', 'test="v"'], value: 'v' },
    { line: ['testx=v; xtest=w'], value: undefined },
    { line: ['novalue; test'], value: '' },
  ])('requestCookie($line)', ({ line, value }) => {
    expect(requestCookie({ Cookie: line }, 'test')).toBe(value);
  });
});

describe('wrr ServeHTTP: when a Set-Cookie is written', () => {
  const svc = lb('apps-s@kubernetescrd', ['http://10.0.0.1:80', 'http://10.0.0.2:80'], { sticky: { name: 'c' } });
  const routing = { config: config({ services: [svc] }) } as unknown as CompiledRouting;
  const run = (cookie?: string) => resolveService(routing, svc.name, cookie === undefined ? {} : { Cookie: [`c=${cookie}`] });

  it('no cookie: the pick is written', () => {
    const r = run();
    expect(r.target).toMatchObject({ url: 'http://10.0.0.1:80' });
    expect(r.setCookies).toEqual([`c=${sha16('http://10.0.0.1:80')}; Path=/`]);
  });

  it('a current cookie: honoured, nothing written', () => {
    const r = run(sha16('http://10.0.0.2:80'));
    expect(r.target).toMatchObject({ url: 'http://10.0.0.2:80' });
    expect(r.setCookies).toEqual([]);
    expect(r.tree.notes).toContain('sticky cookie c points at http://10.0.0.2:80');
  });

  it('an old cookie value (the raw URL, or its FNV hash): honoured and written again with the sha256 value', () => {
    for (const old of ['http://10.0.0.2:80', fnv1('http://10.0.0.2:80'), fnv1(fnv1('http://10.0.0.2:80'))]) {
      const r = run(old);
      expect(r.target).toMatchObject({ url: 'http://10.0.0.2:80' });
      expect(r.setCookies).toEqual([`c=${sha16('http://10.0.0.2:80')}; Path=/`]);
      expect(r.tree.notes).toContain('sticky cookie c points at http://10.0.0.2:80 (an older cookie value: Traefik writes it again)');
    }
  });

  it('a weighted service: an old cookie naming the child as the provider wrote it is rewritten', () => {
    const services = [
      lb('apps-v1-80@kubernetescrd', ['http://10.0.1.1:80']),
      lb('apps-v2-80@kubernetescrd', ['http://10.0.2.1:80']),
      { type: 'weighted' as const, name: 'apps-split@kubernetescrd', services: [{ name: 'apps-v1-80@kubernetescrd', weight: 3 }, { name: 'apps-v2-80@kubernetescrd', weight: 1 }], sticky: { name: 'w' } },
    ];
    const r = resolveService({ config: config({ services }) } as unknown as CompiledRouting, 'apps-split@kubernetescrd', { Cookie: ['w=apps-v2-80'] });
    expect(r.target).toMatchObject({ url: 'http://10.0.2.1:80' });
    expect(r.setCookies[0]).toBe(`w=${sha16('apps-v2-80')}; Path=/`);
  });
});

describe('the Set-Cookie line (sticky.go WriteStickyCookie, Go http.Cookie.String)', () => {
  const v = sha16('http://10.0.0.1:80');
  it.each([
    { desc: 'defaults: Path=/', sticky: { name: 'c' }, line: `c=${v}; Path=/` },
    { desc: 'a configured path', sticky: { name: 'c', path: '/app' }, line: `c=${v}; Path=/app` },
    { desc: 'an empty path is left out', sticky: { name: 'c', path: '' }, line: `c=${v}` },
    { desc: 'domain, its leading dot not sent', sticky: { name: 'c', domain: '.example.com' }, line: `c=${v}; Path=/; Domain=example.com` },
    { desc: 'an IPv4 domain', sticky: { name: 'c', domain: '10.0.0.1' }, line: `c=${v}; Path=/; Domain=10.0.0.1` },
    { desc: 'an invalid domain is dropped', sticky: { name: 'c', domain: 'bad_domain.com' }, line: `c=${v}; Path=/` },
    { desc: 'an all-numeric name is no domain', sticky: { name: 'c', domain: '123.456' }, line: `c=${v}; Path=/` },
    { desc: 'a label ending in - is no domain', sticky: { name: 'c', domain: 'a-.com' }, line: `c=${v}; Path=/` },
    { desc: 'an IPv6 domain is dropped', sticky: { name: 'c', domain: '::1' }, line: `c=${v}; Path=/` },
    { desc: 'Max-Age > 0', sticky: { name: 'c', maxAge: 60 }, line: `c=${v}; Path=/; Max-Age=60` },
    { desc: 'Max-Age < 0 is written 0', sticky: { name: 'c', maxAge: -1 }, line: `c=${v}; Path=/; Max-Age=0` },
    { desc: 'Max-Age 0 is left out', sticky: { name: 'c', maxAge: 0 }, line: `c=${v}; Path=/` },
    { desc: 'flags in Go order', sticky: { name: 'c', httpOnly: true, secure: true, sameSite: 'none' }, line: `c=${v}; Path=/; HttpOnly; Secure; SameSite=None` },
    { desc: 'SameSite lax (case-insensitive)', sticky: { name: 'c', sameSite: 'LAX' }, line: `c=${v}; Path=/; SameSite=Lax` },
    { desc: 'SameSite strict', sticky: { name: 'c', sameSite: 'Strict' }, line: `c=${v}; Path=/; SameSite=Strict` },
    { desc: 'an unknown SameSite is the default mode (not written)', sticky: { name: 'c', sameSite: 'whatever' }, line: `c=${v}; Path=/` },
  ])('$desc', ({ sticky, line }) => {
    expect(setCookieValue(sticky, 'c', 'http://10.0.0.1:80')).toBe(line);
  });
});
