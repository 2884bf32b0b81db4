// highestRandomWeight services: pkg/server/service/loadbalancer/hrw/hrw.go (getNodeScore: FNV-1a 64 of
// client IP + child name, weight / -ln(sum / 2^64); nextServer: highest score, weights ≤ 0 never added) and the
// rows of hrw_test.go. The scorer is rewritten here (FNV-1a checked against its published vectors first).
import { beforeAll, describe, expect, it } from 'vitest';
import type { DynamicService } from '../types.ts';
import type { CompiledRouting } from './compiled.ts';
import { compileRouting } from './compile.ts';
import { baseSettings, config, lb, router } from './fixtures.ts';
import { hrwPick, resolveService } from './service.ts';
import { simulate } from './simulate.ts';

function fnv1a(s: string): bigint {
  let h = 0xcbf29ce484222325n;
  for (const b of Buffer.from(s, 'utf8')) h = ((h ^ BigInt(b)) * 0x100000001b3n) % 2n ** 64n;
  return h;
}
/** The child hrw.go picks for a key, by its own formula. */
function expectedPick(key: string, children: { name: string; weight: number }[]): string | undefined {
  let best: string | undefined;
  let score = 0;
  for (const c of children) {
    if (c.weight <= 0) continue;
    const s = c.weight / -Math.log(Number(fnv1a(key + c.name)) / 18446744073709551616);
    if (s > score) [best, score] = [c.name, s];
  }
  return best;
}

describe('FNV-1a 64 of the test (published vectors)', () => {
  it.each([
    ['', 'cbf29ce484222325'],
    ['a', 'af63dc4c8601ec8c'],
    ['foobar', '85944171f73967e8'],
  ])('fnv1a_64(%j) = %s', (s, hex) => expect(fnv1a(s).toString(16)).toBe(hex));
});

const hrw = (children: { name: string; weight: number }[]): CompiledRouting => {
  const services: DynamicService[] = children.map((c) => lb(`${c.name}@kubernetescrd`, [`http://10.9.0.${c.name.length}:80`]));
  services.push({ type: 'highestRandomWeight', name: 'apps-hrw@kubernetescrd', services: children.map((c) => ({ name: `${c.name}@kubernetescrd`, weight: c.weight })) });
  return { config: config({ services }) } as unknown as CompiledRouting;
};

const IPS = ['10.0.0.1', '10.0.0.2', '192.168.7.9', '203.0.113.7', '2001:db8::1', '172.16.4.20', '8.8.8.8', '1.2.3.4'];

describe('HRW picks the child hrw.go picks (TestBalancer: first weight 4, second weight 1)', () => {
  const children = [{ name: 'first', weight: 4 }, { name: 'second', weight: 1 }];
  const routing = hrw(children);
  it.each(IPS)('client %s', (ip) => {
    const remoteAddr = ip.includes(':') ? `[${ip}]:4321` : `${ip}:4321`;
    const r = resolveService(routing, 'apps-hrw@kubernetescrd', {}, [], remoteAddr);
    const name = expectedPick(ip, children)!;
    expect(r.tree).toMatchObject({ type: 'highestRandomWeight', notes: [`highest random weight: the client IP ${ip} hashed with each child's name, scaled by its weight, picks ${name}@kubernetescrd`] });
    expect(r.target).toMatchObject({ type: 'server', service: `${name}@kubernetescrd` });
  });

  it('a remote address without a port is the key as it is (RemoteAddrStrategy)', () => {
    const r = resolveService(routing, 'apps-hrw@kubernetescrd', {}, [], '10.0.0.2');
    expect(r.target).toMatchObject({ service: `${expectedPick('10.0.0.2', children)!}@kubernetescrd` });
  });

  it('the shares follow the weights: 80 ± 10 of 100 clients go to first (as hrw_test.go asserts)', () => {
    let first = 0;
    for (let i = 0; i < 100; i++) {
      const ip = `${(i * 37) % 223 + 1}.${(i * 91) % 256}.${(i * 53) % 256}.${(i * 17) % 254 + 1}`;
      if (hrwPick(ip, children) === children[0]) first++;
    }
    expect(Math.abs(first - 80)).toBeLessThanOrEqual(10);
  });
});

describe('hrw_test.go: weights and no service', () => {
  it('TestBalancerOneServerZeroWeight: a weight-0 child is never added', () => {
    const routing = hrw([{ name: 'first', weight: 1 }, { name: 'second', weight: 0 }]);
    for (const ip of IPS) expect(resolveService(routing, 'apps-hrw@kubernetescrd', {}, [], `${ip}:1`).target).toMatchObject({ service: 'first@kubernetescrd' });
  });

  it('TestBalancerNoService: 503 no available server', () => {
    const r = resolveService(hrw([{ name: 'first', weight: 0 }]), 'apps-hrw@kubernetescrd', {}, [], '10.0.0.1:1');
    expect(r.response).toMatchObject({ status: 503, body: 'no available server\n' });
    expect(r.target).toBeNull();
  });

  it('without a client address the first child is shown, and said so', () => {
    const r = resolveService(hrw([{ name: 'first', weight: 1 }, { name: 'second', weight: 9 }]), 'apps-hrw@kubernetescrd', {});
    expect(r.target).toMatchObject({ service: 'first@kubernetescrd' });
    expect(r.tree.notes).toEqual(['highest random weight: the child depends on a hash of the client IP; the first child is shown']);
  });

  it('hrwPick: the first of equal scores wins (a later one must score more); nothing without a positive score', () => {
    const twins = [{ name: 'same', weight: 1, id: 1 }, { name: 'same', weight: 1, id: 2 }];
    expect(hrwPick('10.0.0.1', twins)?.id).toBe(1);
    expect(hrwPick('10.0.0.1', [])).toBeUndefined();
    expect(hrwPick('10.0.0.1', [{ name: 'a', weight: 0 }])).toBeUndefined();
  });
});

describe('through simulate(): the request\'s client IP decides', () => {
  const children = [{ name: 'apps-a-80', weight: 1 }, { name: 'apps-b-80', weight: 1 }];
  const services: DynamicService[] = [
    lb('apps-a-80@kubernetescrd', ['http://10.1.0.1:80']), lb('apps-b-80@kubernetescrd', ['http://10.1.0.2:80']),
    { type: 'highestRandomWeight', name: 'apps-hrw@kubernetescrd', services: children.map((c) => ({ name: `${c.name}@kubernetescrd`, weight: 1 })) },
  ];
  let routing: CompiledRouting;
  beforeAll(() => {
    routing = compileRouting(config({ routers: [router('apps-r@kubernetescrd', 'Host(`a.com`)', { service: 'apps-hrw@kubernetescrd' })], services }), baseSettings());
  });
  it.each(IPS.filter((ip) => !ip.includes(':')))('client %s', (ip) => {
    const v = simulate(routing, { method: 'GET', url: 'http://a.com/', headers: {}, clientIP: ip });
    const expected = expectedPick(ip, children)!;
    expect(v.type === 'forwarded' && v.upstream.url).toBe(`http://10.1.0.${expected === 'apps-a-80' ? 1 : 2}:80/`);
  });
});
