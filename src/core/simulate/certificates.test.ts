// The certificate store row by row: pkg/tls/certificate.go appendCertificate (key = sorted SANs joined by `,`,
// first certificate of a key kept), certificate_store.go GetBestCertificate (keys scanned in reverse order) and
// matchDomain (exact SAN, or the SNI with its first label as `*`; trailing dots trimmed from the SAN only),
// tlsmanager.go Get (sniStrict, else the store default, else TRAEFIK DEFAULT CERT). Expected values written out.
import { describe, expect, it } from 'vitest';
import { buildCertificateStore, pickCertificate } from './certificates.ts';

describe('buildCertificateStore', () => {
  it('keys by lower-cased sorted SANs, in reverse lexicographic order', () => {
    const store = buildCertificateStore([
      { secret: 'ns/b', sans: ['B.com'], present: true },
      { secret: 'ns/ab', sans: ['b.com', 'A.com'], present: true },
      { secret: 'ns/c', sans: ['c.com'], present: true },
    ]);
    expect(store).toEqual({
      keys: [{ key: 'c.com', secret: 'ns/c' }, { key: 'b.com', secret: 'ns/b' }, { key: 'a.com,b.com', secret: 'ns/ab' }],
      defaultSecret: null,
      unknown: [],
    });
  });

  it('the first default certificate is the store default, and it is not a store entry', () => {
    const store = buildCertificateStore([
      { secret: 'ns/d1', sans: ['d.com'], present: true, isDefault: true },
      { secret: 'ns/d2', sans: ['e.com'], present: true, isDefault: true },
    ]);
    expect(store).toEqual({ keys: [], defaultSecret: 'ns/d1', unknown: [] });
  });

  it('certificates without known SANs are listed once as unknown', () => {
    const store = buildCertificateStore([
      { secret: 'ns/gone', sans: [], present: false },
      { secret: 'ns/empty', sans: [], present: true },
      { secret: 'ns/gone', sans: ['x.com'], present: false },
      { secret: 'ns/ok', sans: ['ok.com'], present: true },
    ]);
    expect(store.unknown).toEqual(['ns/gone', 'ns/empty']);
    expect(store.keys).toEqual([{ key: 'ok.com', secret: 'ns/ok' }]);
  });
});

describe('pickCertificate', () => {
  const store = () => buildCertificateStore([
    { secret: 'ns/wild', sans: ['*.example.com.'], present: true },
    { secret: 'ns/apex', sans: ['example.com'], present: true },
    { secret: 'ns/dotted', sans: ['dot.org.'], present: true },
    { secret: 'ns/default', sans: [], present: true, isDefault: true },
  ]);

  it('an exact SAN, with the SNI trimmed and lower-cased', () => {
    expect(pickCertificate(store(), ' EXAMPLE.com ', false)).toEqual({
      choice: { type: 'store', secret: 'ns/apex', key: 'example.com', matchedSan: 'example.com' },
      because: 'certificate ns/apex (SANs example.com) matches "example.com" through its SAN; keys are tried in reverse lexicographic order',
      handshake: 'ok',
    });
  });

  it('a wildcard SAN (its trailing dot trimmed) covers one label', () => {
    expect(pickCertificate(store(), 'shop.example.com', true)).toEqual({
      choice: { type: 'store', secret: 'ns/wild', key: '*.example.com.', matchedSan: '*.example.com.' },
      because: 'certificate ns/wild (SANs *.example.com.) matches "shop.example.com" through its wildcard SAN *.example.com.; keys are tried in reverse lexicographic order',
      handshake: 'ok',
    });
  });

  it('the trailing dot helps only the wildcard comparison; an SNI with a trailing dot matches no wildcard', () => {
    expect(pickCertificate(store(), 'dot.org', false).choice.type).toBe('default-store');
    expect(pickCertificate(store(), 'dot.org.', false).choice).toMatchObject({ secret: 'ns/dotted' });
    expect(pickCertificate(store(), 'shop.example.com.', false).choice.type).toBe('default-store');
  });

  it('every trailing dot of a SAN is trimmed', () => {
    const s = buildCertificateStore([{ secret: 'ns/dots', sans: ['*.b.org..'], present: true }]);
    expect(pickCertificate(s, 'a.b.org', false).choice).toEqual({ type: 'store', secret: 'ns/dots', key: '*.b.org..', matchedSan: '*.b.org..' });
  });

  it('without an SNI no SAN is tried, not even `*`', () => {
    const s = buildCertificateStore([{ secret: 'ns/star', sans: ['*'], present: true }]);
    expect(pickCertificate(s, null, false).choice).toEqual({ type: 'traefik-default' });
    expect(pickCertificate(s, 'localhost', false).choice).toEqual({ type: 'store', secret: 'ns/star', key: '*', matchedSan: '*' });
  });

  it('no match: the store default certificate', () => {
    expect(pickCertificate(store(), 'other.org', false)).toEqual({
      choice: { type: 'default-store', secret: 'ns/default' },
      because: 'no certificate in the store covers "other.org": the TLSStore default certificate ns/default is served',
      handshake: 'ok',
    });
  });

  it('no SNI: the local address matches nothing', () => {
    expect(pickCertificate(store(), null, false).because).toBe(
      'no SNI: Traefik looks the certificate up by its own local IP address, which matches no certificate SAN here: the TLSStore default certificate ns/default is served',
    );
    expect(pickCertificate(store(), '  ', false).choice.type).toBe('default-store');
  });

  it('no match with sniStrict: the handshake fails', () => {
    expect(pickCertificate(store(), 'other.org', true)).toEqual({
      choice: { type: 'none', reason: 'no certificate in the store covers "other.org"' },
      because: 'no certificate in the store covers "other.org", and the TLS option has sniStrict: the handshake fails',
      handshake: 'failed',
    });
  });

  it('no match and no store default: TRAEFIK DEFAULT CERT', () => {
    expect(pickCertificate(buildCertificateStore([{ secret: 'ns/a', sans: ['a.com'], present: true }]), 'b.com', false)).toEqual({
      choice: { type: 'traefik-default' },
      because: 'no certificate in the store covers "b.com": Traefik serves its self-signed "TRAEFIK DEFAULT CERT"',
      handshake: 'ok',
    });
  });

  it('the first key in reverse order that matches wins, whichever SAN of it matches', () => {
    const s = buildCertificateStore([
      { secret: 'ns/multi', sans: ['a.shop.com', '*.shop.com'], present: true },
      { secret: 'ns/b', sans: ['b.shop.com'], present: true },
    ]);
    expect(pickCertificate(s, 'b.shop.com', false).choice).toEqual({ type: 'store', secret: 'ns/b', key: 'b.shop.com', matchedSan: 'b.shop.com' });
    expect(pickCertificate(s, 'c.shop.com', false).choice).toEqual({ type: 'store', secret: 'ns/multi', key: '*.shop.com,a.shop.com', matchedSan: '*.shop.com' });
    expect(pickCertificate(s, 'a.shop.com', false).choice).toEqual({ type: 'store', secret: 'ns/multi', key: '*.shop.com,a.shop.com', matchedSan: '*.shop.com' });
  });
});
