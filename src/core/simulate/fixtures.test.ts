import { describe, expect, it } from 'vitest';
import { countWork } from '../robustness/work.ts';
import { config, router } from './fixtures.ts';

describe('config (test fixture)', () => {
  it('gives each router without a service a one-server service, numbering the servers in order', () => {
    const cfg = config({ routers: [router('a@kubernetescrd', 'Host(`a.com`)'), router('b@kubernetescrd', 'Host(`b.com`)')] });
    expect(Object.keys(cfg.services)).toEqual(['a@kubernetescrd', 'b@kubernetescrd']);
    const urls = Object.values(cfg.services).map((s) => (s.type === 'loadBalancer' ? s.servers[0]!.url : ''));
    expect(urls).toEqual(['http://10.0.0.1:80', 'http://10.0.0.2:80']);
  });

  it('is linear: 20,000 routers take twice the work of 10,000', () => {
    // Object.keys(services) per router made it quadratic: 30 s for 20,000 routers, a test timing out.
    const work = (n: number) => {
      const routers = Array.from({ length: n }, (_, i) => router(`r${i}@kubernetescrd`, `Host(\`h${i}.com\`)`));
      return countWork(() => config({ routers })).total;
    };
    expect(work(20_000) / work(10_000)).toBeLessThan(3);
  });
});
