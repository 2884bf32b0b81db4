import { describe, expect, it } from 'vitest';
import { buildCertificateStore, pickCertificate } from './certificates.ts';
import { router, tlsOption } from './fixtures.ts';
import { oldSniCheck } from './tls-table.ts';
import { buildSniTable, domainMatchHostExpression, pickTlsOption } from './tls-table.ts';
import { featuresOf } from './version.ts';

// Stand-in for rules.parseDomains in these unit tests: the arguments of Host(...) leaves.
const domains = (rule: string) => [...rule.matchAll(/Host\(`([^`]*)`\)/g)].map((m) => m[1]!.toLowerCase());
const v3 = featuresOf({ target: 'v3', version: '3.7.9' });
const v3old = featuresOf({ target: 'v3', version: '3.6.10' });
const options = { default: tlsOption('default'), 'apps-strict@kubernetescrd': tlsOption('apps-strict@kubernetescrd', { sniStrict: true }) };

describe('SNI → TLS option table', () => {
  const table = () => buildSniTable(
    [
      router('a@kubernetescrd', 'Host(`a.example.com`)', { options: 'apps-strict@kubernetescrd' }),
      router('w@kubernetescrd', 'Host(`*.example.com`)', { tls: true }),
      router('p@kubernetescrd', 'PathPrefix(`/api`)', { tls: true }),
    ],
    options, v3, domains,
  );

  it('orders entries by HostSNI rule length, catch-all last', () => {
    expect(table().entries.map((e) => [e.host, e.priority])).toEqual([['*.example.com', 24], ['a.example.com', 24], ['*', -1]]);
  });

  it('picks the first matching entry; equal lengths are a random tie', () => {
    const pick = pickTlsOption(table(), 'a.example.com');
    expect(pick.option).toBe('default');
    expect(pick.ties.map((t) => t.host)).toEqual(['a.example.com']);
    expect(pick.because).toContain('random');
  });

  it('falls back to the catch-all entry, also without SNI', () => {
    expect(pickTlsOption(table(), 'other.org')).toMatchObject({ option: 'default', entry: { host: '*' } });
    expect(pickTlsOption(table(), null)).toMatchObject({ option: 'default', entry: { host: '*' } });
  });

  it('uses the entryPoint default when nothing matches', () => {
    const t = buildSniTable([router('a@kubernetescrd', 'Host(`a.com`)', { options: 'apps-strict@kubernetescrd' })], options, v3, domains);
    expect(pickTlsOption(t, 'A.com ')).toMatchObject({ option: 'apps-strict@kubernetescrd' });
    expect(pickTlsOption(t, 'b.com')).toMatchObject({ option: 'default', entry: null });
    expect(pickTlsOption(t, null).entry).toBeNull();
  });

  it('marks an entry whose option does not exist as broken (connection closed)', () => {
    const t = buildSniTable([router('a@kubernetescrd', 'Host(`a.com`)', { options: 'nope@kubernetescrd' })], options, v3, domains);
    expect(pickTlsOption(t, 'a.com').broken).toBe(true);
  });

  it('before v3.6.21 a host asked with two options gets the default option', () => {
    const routers = [
      router('a@kubernetescrd', 'Host(`a.com`) && Path(`/x`)', { options: 'apps-strict@kubernetescrd' }),
      router('b@kubernetescrd', 'Host(`a.com`)', { tls: true }),
    ];
    const old = buildSniTable(routers, options, v3old, domains);
    expect(pickTlsOption(old, 'a.com')).toMatchObject({ option: 'default' });
    expect(old.optionsForHost['a.com']).toBe('default');
  });

  it('drops entries HostSNI refuses', () => {
    const t = buildSniTable([router('a@kubernetescrd', 'Host(`a b.com`)', { tls: true })], options, v3, domains);
    expect(t.entries).toEqual([]);
  });

  it('DomainMatchHostExpression', () => {
    expect(domainMatchHostExpression('a.example.com', '*.example.com')).toBe(true);
    expect(domainMatchHostExpression('a.b.example.com', '*.example.com')).toBe(false);
    expect(domainMatchHostExpression('example.com', '*.example.com')).toBe(false);
  });
});

describe('certificate store', () => {
  const store = () => buildCertificateStore([
    { secret: 'apps/wild', sans: ['*.example.com'], present: true },
    { secret: 'apps/shop', sans: ['shop.example.com', 'example.com'], present: true },
    { secret: 'apps/dup', sans: ['example.com', 'shop.example.com'], present: true },
    { secret: 'apps/missing', sans: [], present: false },
    { secret: 'apps/default', sans: ['default.local'], present: true, isDefault: true },
  ]);

  it('keys certificates by sorted SANs, first one kept, scanned in reverse order', () => {
    expect(store().keys).toEqual([
      { key: 'example.com,shop.example.com', secret: 'apps/shop' },
      { key: '*.example.com', secret: 'apps/wild' },
    ]);
    expect(store().unknown).toEqual(['apps/missing']);
  });

  it('exact SANs win over wildcards because `*` sorts first', () => {
    expect(pickCertificate(store(), 'shop.example.com', false).choice).toMatchObject({ type: 'store', secret: 'apps/shop' });
    expect(pickCertificate(store(), 'blog.example.com', false).choice).toMatchObject({ type: 'store', secret: 'apps/wild', matchedSan: '*.example.com' });
  });

  it('falls back to the TLSStore default, or fails with sniStrict', () => {
    expect(pickCertificate(store(), 'other.org', false).choice).toEqual({ type: 'default-store', secret: 'apps/default' });
    expect(pickCertificate(store(), 'other.org', true).handshake).toBe('failed');
    expect(pickCertificate(buildCertificateStore([]), 'x.org', false).choice).toEqual({ type: 'traefik-default' });
    expect(pickCertificate(store(), null, false).because).toContain('no SNI');
  });

  it('wildcards cover exactly one label', () => {
    expect(pickCertificate(store(), 'a.b.example.com', false).choice.type).toBe('default-store');
  });
});

describe('421 check before v3.6.18 (Host vs SNI)', () => {
  const table = () => buildSniTable(
    [router('a@kubernetescrd', 'Host(`a.com`)', { options: 'apps-strict@kubernetescrd' }), router('b@kubernetescrd', 'Host(`b.com`)', { tls: true })],
    options, v3old, domains,
  );
  it('passes when Host and SNI are equal, or map to the same option', () => {
    expect(oldSniCheck(table(), 'a.com', 'A.com').result).toBe('passed');
    expect(oldSniCheck(table(), 'b.com', 'c.com').result).toBe('passed');
  });
  it('is misdirected when they map to different options (trailing dot tolerated on Host)', () => {
    expect(oldSniCheck(table(), 'a.com', 'b.com').result).toBe('misdirected');
    expect(oldSniCheck(table(), 'a.com.', 'b.com')).toMatchObject({ result: 'misdirected', hostOption: 'apps-strict@kubernetescrd' });
    expect(oldSniCheck(table(), 'a.com', null).result).toBe('misdirected');
  });
});
