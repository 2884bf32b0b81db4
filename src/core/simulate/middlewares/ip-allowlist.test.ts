// IPAllowList / IPWhiteList and the client-IP strategies: rows of Traefik's ip_allowlist_test.go,
// pkg/ip/strategy_test.go (TestRemoteAddrStrategy_GetIP, TestDepthStrategy_GetIP, TestTrustedIPsStrategy_GetIP),
// and of dynamic.IPStrategy.Get / ip.Checker.IsAuthorized read off their code.
import { describe, expect, it } from 'vitest';
import type { CompiledRouting } from '../compiled.ts';
import { config as makeConfig, middleware } from '../fixtures.ts';
import { parseClientRequest, type GoRequest } from '../request.ts';
import { middlewareBuildError, runMiddlewares, type ChainState } from './index.ts';
import { strategyIP } from './ip-allowlist.ts';

function request(remoteAddr: string, xff?: string): GoRequest {
  const parsed = parseClientRequest({ method: 'GET', url: 'http://10.10.10.10/', headers: xff === undefined ? {} : { 'X-Forwarded-For': xff }, clientIP: '192.0.2.1' });
  if (!parsed.ok) throw new Error(parsed.reason);
  parsed.value.request.remoteAddr = remoteAddr;
  return parsed.value.request;
}

function routingOf(type: string, cfg: Record<string, unknown>): CompiledRouting {
  const config = makeConfig({ middlewares: [middleware('ip@kubernetescrd', type, cfg)] });
  return { config, middlewares: config.middlewares, secrets: {}, secretTypes: {} } as unknown as CompiledRouting;
}

function serve(type: string, cfg: Record<string, unknown>, remoteAddr: string, xff?: string) {
  const state: ChainState = { req: request(remoteAddr, xff), responseHeaders: {}, omitXForwardedFor: false, errorPages: [] };
  const result = runMiddlewares(['ip@kubernetescrd'], 'r@kubernetescrd', routingOf(type, cfg), state);
  return { status: result.response?.response.status ?? 200, response: result.response, step: result.steps[0]! };
}

describe('TestNewIPAllowLister and IPStrategy.Get (build errors)', () => {
  it.each([
    { desc: 'invalid IP', cfg: { sourceRange: ['foo'] }, error: 'ipAllowList: cannot parse CIDR foo' },
    { desc: 'valid IP', cfg: { sourceRange: ['10.10.10.10'] }, error: null },
    { desc: 'invalid HTTP status code', cfg: { sourceRange: ['10.10.10.10'], rejectStatusCode: 600 }, error: 'ipAllowList: invalid HTTP status code 600' },
    { desc: 'rejectStatusCode 0 is the default', cfg: { sourceRange: ['10.10.10.10'], rejectStatusCode: 0 }, error: null },
    { desc: 'empty sourceRange', cfg: { sourceRange: [] }, error: 'ipAllowList: sourceRange is empty' },
    { desc: 'ipv6Subnet 0', cfg: { sourceRange: ['::1'], ipStrategy: { ipv6Subnet: 0 } }, error: 'ipAllowList: invalid IPv6 subnet 0 value, should be greater to 0 and lower or equal to 128' },
    { desc: 'ipv6Subnet 129', cfg: { sourceRange: ['::1'], ipStrategy: { ipv6Subnet: 129 } }, error: 'ipAllowList: invalid IPv6 subnet 129 value, should be greater to 0 and lower or equal to 128' },
    { desc: 'ipv6Subnet 128', cfg: { sourceRange: ['::1'], ipStrategy: { ipv6Subnet: 128 } }, error: null },
    { desc: 'ipv6Subnet 1', cfg: { sourceRange: ['::1'], ipStrategy: { ipv6Subnet: 1 } }, error: null },
    { desc: 'ipv6Subnet checked with depth', cfg: { sourceRange: ['::1'], ipStrategy: { depth: 1, ipv6Subnet: 0 } }, error: 'ipAllowList: invalid IPv6 subnet 0 value, should be greater to 0 and lower or equal to 128' },
    // Get returns the PoolStrategy before looking at ipv6Subnet, and the DepthStrategy before parsing excludedIPs.
    { desc: 'ipv6Subnet not read with excludedIPs', cfg: { sourceRange: ['::1'], ipStrategy: { excludedIPs: ['10.0.0.1'], ipv6Subnet: 0 } }, error: null },
    { desc: 'excludedIPs not parsed with depth', cfg: { sourceRange: ['::1'], ipStrategy: { depth: 2, excludedIPs: ['nope'] } }, error: null },
    { desc: 'bad excludedIPs without depth', cfg: { sourceRange: ['::1'], ipStrategy: { excludedIPs: ['10.0.0.1', 'nope'] } }, error: 'ipAllowList: cannot parse excludedIPs entry nope' },
    // ipWhiteList has no rejectStatusCode.
    { desc: 'ipWhiteList ignores rejectStatusCode', type: 'ipWhiteList', cfg: { sourceRange: ['10.10.10.10'], rejectStatusCode: 600 }, error: null },
  ])('$desc', ({ type, cfg, error }) => {
    const t = type ?? 'ipAllowList';
    expect(middlewareBuildError(['ip@kubernetescrd'], routingOf(t, cfg))).toBe(error === null ? null : `middleware ip@kubernetescrd: ${error}`);
  });
});

describe('TestIPAllowLister_ServeHTTP', () => {
  it.each([
    { desc: 'authorized with remote address', cfg: { sourceRange: ['20.20.20.20'] }, remoteAddr: '20.20.20.20:1234', status: 200 },
    { desc: 'non authorized with remote address', cfg: { sourceRange: ['20.20.20.20'] }, remoteAddr: '20.20.20.21:1234', status: 403 },
    { desc: 'authorized with remote address, reject 404', cfg: { sourceRange: ['20.20.20.20'], rejectStatusCode: 404 }, remoteAddr: '20.20.20.20:1234', status: 200 },
    { desc: 'non authorized with remote address, reject 404', cfg: { sourceRange: ['20.20.20.20'], rejectStatusCode: 404 }, remoteAddr: '20.20.20.21:1234', status: 404 },
  ])('$desc', ({ cfg, remoteAddr, status }) => {
    expect(serve('ipAllowList', cfg, remoteAddr).status).toBe(status);
  });

  it('rejects with the status text as body (reject())', () => {
    expect(serve('ipAllowList', { sourceRange: ['20.20.20.20'], rejectStatusCode: 429 }, '1.2.3.4:1').response).toEqual({ response: { status: 429, headers: {}, body: 'Too Many Requests' }, cause: 'rejected' });
    expect(serve('ipAllowList', { sourceRange: ['20.20.20.20'] }, '1.2.3.4:1').response).toEqual({ response: { status: 403, headers: {}, body: 'Forbidden' }, cause: 'forbidden' });
  });

  it.each([
    // IsAuthorized splits host:port first: an X-Forwarded-For entry with a port is checked by its address.
    { desc: 'an X-Forwarded-For entry with a port (depth)', cfg: { sourceRange: ['1.1.1.1'], ipStrategy: { depth: 1 } }, xff: '1.1.1.1:5555', status: 200 },
    { desc: 'a bracketed IPv6 entry with a port (depth)', cfg: { sourceRange: ['2001:db8::/32'], ipStrategy: { depth: 1 } }, xff: '[2001:db8::1]:443', status: 200 },
    { desc: 'an entry with a port (excludedIPs)', cfg: { sourceRange: ['1.1.1.1'], ipStrategy: { excludedIPs: ['10.0.0.0/8'] } }, xff: '1.1.1.1:80, 10.0.0.1', status: 200 },
    { desc: 'depth beyond the list: no IP, rejected', cfg: { sourceRange: ['0.0.0.0/0'], ipStrategy: { depth: 3 } }, xff: '1.1.1.1, 2.2.2.2', status: 403 },
    { desc: 'every entry excluded: no IP, rejected', cfg: { sourceRange: ['0.0.0.0/0'], ipStrategy: { excludedIPs: ['0.0.0.0/0'] } }, xff: '1.1.1.1, 2.2.2.2', status: 403 },
    { desc: 'an IPv4 range holds the IPv4-mapped address', cfg: { sourceRange: ['10.0.0.0/8'] }, remoteAddr: '[::ffff:10.1.2.3]:1', status: 200 },
    { desc: 'ipv6Subnet masks the remote address before the check', cfg: { sourceRange: ['2001:db8::'], ipStrategy: { ipv6Subnet: 32 } }, remoteAddr: '[2001:db8:aa::1]:1', status: 200 },
  ])('$desc', ({ cfg, xff, remoteAddr, status }) => {
    expect(serve('ipAllowList', cfg, remoteAddr ?? '203.0.113.9:1234', xff).status).toBe(status);
  });

  it('says which IP it checked and how', () => {
    expect(serve('ipAllowList', { sourceRange: ['10.0.0.0/8'] }, '10.1.1.1:1').step).toMatchObject({ status: 'applied', effect: "client IP 10.1.1.1 (the connection's remote address) is in [10.0.0.0/8]: allowed" });
    expect(serve('ipAllowList', { sourceRange: ['10.0.0.0/8'], ipStrategy: { depth: 2 } }, '10.1.1.1:1', '1.1.1.1').step.effect).toBe('no client IP (ipStrategy.depth 2: X-Forwarded-For has only 1 entry): 403');
    expect(serve('ipAllowList', { sourceRange: ['10.0.0.0/8'], ipStrategy: { depth: 3 } }, '10.1.1.1:1', '1.1.1.1, 2.2.2.2').step.effect).toBe('no client IP (ipStrategy.depth 3: X-Forwarded-For has only 2 entries): 403');
    expect(serve('ipAllowList', { sourceRange: ['10.0.0.0/8'], ipStrategy: { depth: 1 } }, '10.1.1.1:1').step.effect).toBe('no client IP (ipStrategy.depth 1 of X-Forwarded-For ""): 403');
  });

  it.each([
    { desc: 'allowed, two ranges', cfg: { sourceRange: ['10.0.0.0/8', '192.168.0.0/16'] }, xff: undefined, effect: "client IP 192.168.1.1 (the connection's remote address) is in [10.0.0.0/8, 192.168.0.0/16]: allowed" },
    { desc: 'refused, two ranges', cfg: { sourceRange: ['10.0.0.0/8', '172.16.0.0/12'] }, xff: undefined, effect: "client IP 192.168.1.1 (the connection's remote address) is not in [10.0.0.0/8, 172.16.0.0/12]: 403" },
    // strings.Split("", ",") has one (empty) entry, so depth 2 has too few; the text counts none.
    { desc: 'depth 2 without X-Forwarded-For', cfg: { sourceRange: ['10.0.0.0/8'], ipStrategy: { depth: 2 } }, xff: undefined, effect: 'no client IP (ipStrategy.depth 2: X-Forwarded-For has only 0 entries): 403' },
    {
      desc: 'excludedIPs', cfg: { sourceRange: ['1.1.1.1'], ipStrategy: { excludedIPs: ['10.0.0.0/8'] } }, xff: '1.1.1.1, 10.0.0.1',
      effect: 'client IP 1.1.1.1 (ipStrategy.excludedIPs: right-most X-Forwarded-For entry not excluded ("1.1.1.1, 10.0.0.1")) is in [1.1.1.1]: allowed',
    },
    // getIPv6SubnetIP: netip.ParseAddr fails, the entry is kept as it is (and is no IP of any range).
    { desc: 'ipv6Subnet on an entry that is no IP', cfg: { sourceRange: ['0.0.0.0/0', '::/0'], ipStrategy: { depth: 1, ipv6Subnet: 64 } }, xff: 'foo', effect: 'client IP foo (ipStrategy.depth 1 of X-Forwarded-For "foo") is not in [0.0.0.0/0, ::/0]: 403' },
  ])('says which IP it checked and how: $desc', ({ cfg, xff, effect }) => {
    expect(serve('ipAllowList', cfg, '192.168.1.1:1', xff).step.effect).toBe(effect);
  });
});

const V6 = '::abcd:ffff:c0a8:1';

describe('client IP strategies (strategy_test.go)', () => {
  it.each([
    { desc: 'Use RemoteAddr, ipv4', remoteAddr: '192.0.2.1:1234', expected: '192.0.2.1' },
    { desc: 'Use RemoteAddr, ipv6 brackets with port, no IPv6 subnet', remoteAddr: `[${V6}]:80`, expected: V6 },
    { desc: 'Use RemoteAddr, ipv6 basic, missing brackets, no IPv6 subnet', remoteAddr: V6, expected: V6 },
    { desc: 'Use RemoteAddr, ipv4, ignore subnet', remoteAddr: '192.0.2.1:1234', subnet: 24, expected: '192.0.2.1' },
    { desc: 'Use RemoteAddr, ipv6 brackets with port, subnet', remoteAddr: `[${V6}]:80`, subnet: 80, expected: '::abcd:0:0:0' },
    { desc: 'Use RemoteAddr, ipv6 brackets with zone and port, subnet', remoteAddr: `[${V6}%1]:80`, subnet: 80, expected: '::abcd:0:0:0' },
    { desc: 'subnet 128 keeps the address', remoteAddr: '[2001:db8::1]:80', subnet: 128, expected: '2001:db8::1' },
    { desc: 'subnet 12 cuts inside a byte', remoteAddr: '[2001:db8::1]:80', subnet: 12, expected: '2000::' },
  ])('$desc', ({ remoteAddr, subnet, expected }) => {
    expect(strategyIP(request(remoteAddr), subnet === undefined ? undefined : { ipv6Subnet: subnet }).ip).toBe(expected);
  });

  it.each([
    { desc: 'Use depth', depth: 3, xff: '10.0.0.4,10.0.0.3,10.0.0.2,10.0.0.1', expected: '10.0.0.3' },
    { desc: 'Use nonexistent depth in XForwardedFor', depth: 2, xff: '', expected: '' },
    { desc: 'Use depth that match the first IP in XForwardedFor', depth: 2, xff: '10.0.0.2,10.0.0.1', expected: '10.0.0.2' },
    { desc: 'Use depth with IPv4 subnet', depth: 2, xff: '10.0.0.3,10.0.0.2,10.0.0.1', subnet: 80, expected: '10.0.0.2' },
    { desc: 'Use depth with IPv6 subnet', depth: 2, xff: `10.0.0.3,${V6},10.0.0.1`, subnet: 80, expected: '::abcd:0:0:0' },
    { desc: 'entries are trimmed', depth: 1, xff: '10.0.0.2,  10.0.0.1 ', expected: '10.0.0.1' },
  ])('$desc', ({ depth, xff, subnet, expected }) => {
    expect(strategyIP(request('192.0.2.1:1', xff), { depth, ...(subnet === undefined ? {} : { ipv6Subnet: subnet }) }).ip).toBe(expected);
  });

  it.each([
    { desc: 'Trust all IPs', trusted: ['10.0.0.4', '10.0.0.3', '10.0.0.2', '10.0.0.1'], xff: '10.0.0.4,10.0.0.3,10.0.0.2,10.0.0.1', expected: '' },
    { desc: 'Do not trust all IPs', trusted: ['10.0.0.2', '10.0.0.1'], xff: '10.0.0.4,10.0.0.3,10.0.0.2,10.0.0.1', expected: '10.0.0.3' },
    { desc: 'Do not trust all IPs with CIDR', trusted: ['10.0.0.1/24'], xff: '127.0.0.1,10.0.0.4,10.0.0.3,10.0.0.2,10.0.0.1', expected: '127.0.0.1' },
    { desc: 'Trust all IPs with CIDR', trusted: ['10.0.0.1/24'], xff: '10.0.0.4,10.0.0.3,10.0.0.2,10.0.0.1', expected: '' },
    { desc: 'empty entries are skipped', trusted: ['10.0.0.1'], xff: '9.9.9.9, ,10.0.0.1, ', expected: '9.9.9.9' },
  ])('$desc', ({ trusted, xff, expected }) => {
    expect(strategyIP(request('192.0.2.1:1', xff), { excludedIPs: trusted }).ip).toBe(expected);
  });

  it('depth 0 with excludedIPs uses the pool; depth wins over excludedIPs', () => {
    expect(strategyIP(request('192.0.2.1:1', '1.1.1.1, 10.0.0.1'), { depth: 0, excludedIPs: ['10.0.0.1'] }).ip).toBe('1.1.1.1');
    expect(strategyIP(request('192.0.2.1:1', '1.1.1.1, 10.0.0.1'), { depth: 1, excludedIPs: ['10.0.0.1'] }).ip).toBe('10.0.0.1');
  });
});
