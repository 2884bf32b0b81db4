// TLS as the CRD provider builds it (pkg/provider/kubernetes/crd/kubernetes.go buildTLSOptions, buildTLSStores,
// buildCertificates, getTLS), the names a certificate serves (pkg/tls/certificate_store.go: lower-cased CN, DNS
// and IP SANs) and the per-entryPoint TLS-option conflicts of pkg/server/aggregator.go. The certificate below
// was made for this test with `openssl req -x509 -subj /CN=Shop.Example.com -addext
// subjectAltName=DNS:*.shop.example.com,DNS:shop.example.com,IP:10.0.0.1`; its names are written out.
import { describe, expect, it } from 'vitest';
import { at, build, ir } from './test-support.ts';
import { certificateNames } from './index.ts';

const PEM = `-----BEGIN CERTIFICATE-----
MIIBxzCCAWygAwIBAgIUUO+F9GLD0Tzk4x2rA+7fB8N4YjcwCgYIKoZIzj0EAwIw
GzEZMBcGA1UEAwwQU2hvcC5FeGFtcGxlLmNvbTAgFw0yNjEyMDYwOTMzMDVaGA8y
MTI2MTExMjA5MzMwNVowGzEZMBcGA1UEAwwQU2hvcC5FeGFtcGxlLmNvbTBZMBMG
ByqGSM49AgEGCCqGSM49AwEHA0IABL8TytJevkSiNsSepIDG5uETUW1fKgQ2ODM2
Q2MAVIfJcX5sVBpKBq913oueX8vC3EC7sQ07GMP9ZPA5Efmbc9ejgYswgYgwHQYD
VR0OBBYEFBfsCILK9moZsMoXmvDnzbRsx4FKMB8GA1UdIwQYMBaAFBfsCILK9moZ
sMoXmvDnzbRsx4FKMA8GA1UdEwEB/wQFMAMBAf8wNQYDVR0RBC4wLIISKi5zaG9w
LmV4YW1wbGUuY29tghBzaG9wLmV4YW1wbGUuY29thwQKAAABMAoGCCqGSM49BAMC
A0kAMEYCIQCPYOMkJVlW+SXBj0ju4F3GwtOZESwdbqODSAudwFc9yQIhAJFPejdb
NANsz7iF1TXf5qpflKFS5X0/N6zQw0oGyc2C
-----END CERTIFICATE-----
`;
const NAMES = ['*.shop.example.com', '10.0.0.1', 'shop.example.com'];

const indent = (text: string, n: number) => text.trimEnd().split('\n').map((l) => ' '.repeat(n) + l).join('\n');
const tlsSecret = (name: string, crt: string | undefined, key: string | undefined, ns = 'default') => `---
apiVersion: v1
kind: Secret
metadata: { name: ${name}, namespace: ${ns} }
stringData:
${crt === undefined ? '' : `  tls.crt: |\n${indent(crt, 4)}\n`}${key === undefined ? '' : `  tls.key: ${key}\n`}  other: x
`;
const store = (name: string, spec: string, ns = 'default') => `---\napiVersion: traefik.io/v1alpha1\nkind: TLSStore\nmetadata: { name: ${name}, namespace: ${ns} }\nspec: ${spec}\n`;
const option = (name: string, spec: string, ns = 'default') => `---\napiVersion: traefik.io/v1alpha1\nkind: TLSOption\nmetadata: { name: ${name}, namespace: ${ns} }\nspec: ${spec}\n`;

/** `openssl req -x509 -subj "/O=Acme Corp/CN=Api.Example.com"`: no subjectAltName extension. */
const PEM_NO_SAN = `-----BEGIN CERTIFICATE-----
MIIBtDCCAVmgAwIBAgIUQHdmfZNt7c+7x4xU695FVbKXDwcwCgYIKoZIzj0EAwIw
LjESMBAGA1UECgwJQWNtZSBDb3JwMRgwFgYDVQQDDA9BcGkuRXhhbXBsZS5jb20w
IBcNMjYxMjA2MTAyMTA0WhgPMjEyNjExMTIxMDIxMDRaMC4xEjAQBgNVBAoMCUFj
bWUgQ29ycDEYMBYGA1UEAwwPQXBpLkV4YW1wbGUuY29tMFkwEwYHKoZIzj0CAQYI
KoZIzj0DAQcDQgAENjd+b4LY1CsIT81JURWlTnGRCWO24zEwdXa/4WzstpuH/r36
WVcvzg5ffu2eFZqQdNrHJw481HG3RrAn2ZEoFaNTMFEwHQYDVR0OBBYEFFndGbmv
tWuXUtzIPnahPay0palCMB8GA1UdIwQYMBaAFFndGbmvtWuXUtzIPnahPay0palC
MA8GA1UdEwEB/wQFMAMBAf8wCgYIKoZIzj0EAwIDSQAwRgIhAKscJVyuo+AqqqVl
GEpbWg9EHwwHYR6GE2u5nF3v+EszAiEA1tr762qvrepFX1m/fNJU7p3nAZ93Bp+1
qMLM05De2e0=
-----END CERTIFICATE-----`;

/** `openssl req -x509 -subj /CN=v6.example.com -addext subjectAltName=IP:FD00::1,DNS:WWW.Example.COM`. */
const PEM_V6 = `-----BEGIN CERTIFICATE-----
MIIBtzCCAV6gAwIBAgIUGu9giFIMtp+8HF2D18wQmfpwVaAwCgYIKoZIzj0EAwIw
GTEXMBUGA1UEAwwOdjYuZXhhbXBsZS5jb20wIBcNMjYxMjA2MTAzNTQ3WhgPMjEy
NjExMTIxMDM1NDdaMBkxFzAVBgNVBAMMDnY2LmV4YW1wbGUuY29tMFkwEwYHKoZI
zj0CAQYIKoZIzj0DAQcDQgAEXu9Ihs3GgqOVjObw6A8MCC6dnDqzBC/vuK/zVDVx
HwyO1mC59WgNpXOkRUImFu+NNyPC+vs5bIRdPoPHkydUe6OBgTB/MB0GA1UdDgQW
BBSB1/iMZ0FzjfUozhZHPOEM5Y7GejAfBgNVHSMEGDAWgBSB1/iMZ0FzjfUozhZH
POEM5Y7GejAPBgNVHRMBAf8EBTADAQH/MCwGA1UdEQQlMCOHEP0AAAAAAAAAAAAA
AAAAAAGCD1dXVy5FeGFtcGxlLkNPTTAKBggqhkjOPQQDAgNHADBEAiA3l8NaIODp
SKjJOG/0u8cDg2/EkRpSnRVb/Deis0r7ugIgCx4t21SAMtkl6YRtkXZrHs1ix8wE
vRnAIaUNpPPw87w=
-----END CERTIFICATE-----`;

describe('certificateNames: the SAN list that keys a certificate', () => {
  it('IPv6 SANs as net.IP.String() writes them (fd00::1), DNS SANs lower-cased', () => {
    expect(certificateNames(PEM_V6)).toEqual(['fd00::1', 'v6.example.com', 'www.example.com']);
  });
  it('CN and DNS SANs lower-cased, IP SANs, each once, sorted', () => {
    expect(certificateNames(PEM)).toEqual(NAMES);
  });
  it('only the CN of the subject (not its O), and other extensions are not SANs', () => {
    expect(certificateNames(PEM_NO_SAN)).toEqual(['api.example.com']);
    // The PEM block is found inside other text.
    expect(certificateNames(`subject: x\n${PEM_NO_SAN}\ntrailer`)).toEqual(['api.example.com']);
  });
  it.each([
    ['no PEM block', 'not a certificate'],
    ['a block that is not base64 DER of a certificate', '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----'],
  ])('%s: null', (_desc, text) => {
    expect(certificateNames(text)).toBeNull();
  });
});

describe('certificates of the IngressRoutes and TLSStores (getTLS, buildCertificates)', () => {
  it('an IngressRoute tls.secretName: the names of its certificate', () => {
    const r = build(ir('web', '  routes: [{ match: Host(`shop.example.com`), services: [{ name: s, port: 80 }] }]\n  tls: { secretName: shop-tls }\n') + tlsSecret('shop-tls', PEM, 'KEY'));
    expect(r.config.certificates).toMatchObject([{ secret: 'default/shop-tls', sans: NAMES, present: true }]);
    expect(r.config.certificates[0]!.isDefault).toBeUndefined();
    expect(r.config.certificates[0]!.origin?.range).toBeDefined();
  });

  it('a Secret written with base64 data; stringData wins per key', () => {
    const data = (crt: string) => `---\napiVersion: v1\nkind: Secret\nmetadata: { name: shop-tls, namespace: default }\ndata: { tls.crt: ${btoa(crt)}, tls.key: ${btoa('KEY')} }\n`;
    const route = ir('web', '  routes: [{ match: Host(`a.com`), services: [{ name: s, port: 80 }] }]\n  tls: { secretName: shop-tls }\n');
    expect(build(route + data(PEM)).config.certificates).toMatchObject([{ sans: NAMES, present: true }]);
    const overridden = `${data('garbage')}stringData: { tls.crt: "${PEM.replaceAll('\n', '\\n')}" }\n`;
    expect(build(route + data('garbage')).config.certificates).toMatchObject([{ sans: [], present: false }]);
    expect(build(route + overridden).config.certificates).toMatchObject([{ sans: NAMES, present: true }]);
  });

  it.each([
    { desc: 'tls.crt is not a certificate', crt: 'garbage', key: 'KEY' },
    { desc: 'no tls.key', crt: PEM, key: undefined },
    { desc: 'no tls.crt', crt: undefined, key: 'KEY' },
  ])('unreadable: $desc (warning at the secretName)', ({ crt, key }) => {
    const r = build(ir('web', '  routes: [{ match: Host(`a.com`), services: [{ name: s, port: 80 }] }]\n  tls: { secretName: shop-tls }\n') + tlsSecret('shop-tls', crt, key));
    expect(r.config.certificates).toMatchObject([{ secret: 'default/shop-tls', sans: [], present: false }]);
    expect(r.diagnostics.find((d) => d.code === 'PROVIDER_SECRET_INVALID')!.message).toBe('Secret default/shop-tls has no readable PEM certificate in tls.crt (and a tls.key): Traefik cannot load it.');
    expect(at(r, 'PROVIDER_SECRET_INVALID')).toEqual(['shop-tls']);
  });

  it('a Secret not in the workspace: not present, said at the secretName', () => {
    const r = build(ir('web', '  routes: [{ match: Host(`a.com`), services: [{ name: s, port: 80 }] }]\n  tls: { secretName: shop-tls }\n'));
    expect(r.config.certificates).toMatchObject([{ secret: 'default/shop-tls', sans: [], present: false }]);
    expect(at(r, 'PROVIDER_SECRET_NOT_FOUND')).toEqual(['shop-tls']);
  });

  it('store certificates first; the default store default certificate is marked; each ns/secret once', () => {
    const r = build(
      store('default', '{ defaultCertificate: { secretName: def }, certificates: [{ secretName: a }, { secretName: a }, { secretName: "" }] }') +
      store('other', '{ defaultCertificate: { secretName: ignored }, certificates: [{ secretName: b }] }') +
      ir('web', '  routes: [{ match: Host(`a.com`), services: [{ name: s, port: 80 }] }]\n  tls: { secretName: a }\n') +
      ir('web2', '  routes: [{ match: Host(`c.com`), services: [{ name: s, port: 80 }] }]\n  tls: { secretName: c }\n') +
      ir('web3', '  routes: [{ match: Host(`d.com`), services: [{ name: s, port: 80 }] }]\n  tls: {}\n') +
      tlsSecret('def', PEM, 'KEY') + tlsSecret('a', PEM, 'KEY') + tlsSecret('b', PEM, 'KEY') + tlsSecret('c', PEM, 'KEY'),
    );
    expect(r.config.certificates.map((c) => [c.secret, c.isDefault ?? false, c.present])).toEqual([
      ['default/def', true, true],
      ['default/a', false, true],
      ['default/b', false, true],
      ['default/c', false, true],
    ]);
  });
});

describe('tls.certificates (getTLSConfig)', () => {
  const pair = (name: string, ns = 'default') => `---\napiVersion: v1\nkind: Secret\nmetadata: { name: ${name}, namespace: ${ns} }\nstringData: { tls.crt: CRT-${name}, tls.key: KEY-${name} }\n`;
  it('a Secret of a store and of a route is one certificate, in the store; another store is named ns-name', () => {
    const r = build(store('default', '{ certificates: [{ secretName: both }] }') + store('shop', '{ certificates: [{ secretName: mine }, { secretName: gone }] }', 'apps') +
      ir('web', '  routes: [{ match: Host(`a.com`), services: [{ name: s, port: 80 }] }]\n  tls: { secretName: both }\n') + pair('both') + pair('mine', 'apps'));
    expect(r.config.tlsCertificates).toEqual([
      { certFile: 'CRT-mine', keyFile: 'KEY-mine', stores: ['apps-shop'] },
      { certFile: 'CRT-both', keyFile: 'KEY-both', stores: ['default'] },
    ]);
  });
});

describe('buildTLSOptions', () => {
  it('every field of the spec, and the providerConfig the export prints', () => {
    const r = build(option('modern', '{ minVersion: VersionTLS12, maxVersion: VersionTLS13, cipherSuites: [TLS_AES_128_GCM_SHA256], curvePreferences: [X25519, CurveP256], alpnProtocols: [h2], sniStrict: true, clientAuth: { secretNames: [ca, gone], clientAuthType: RequireAndVerifyClientCert } }') +
      '---\napiVersion: v1\nkind: Secret\nmetadata: { name: ca, namespace: default }\nstringData: { ca.crt: CA-PEM }\n');
    const { origin, ...o } = r.config.tlsOptions['default-modern@kubernetescrd']!;
    expect(origin?.resourceId).toBe('TLSOption/default/modern');
    expect({ ...o, providerConfig: undefined }).toStrictEqual({
      name: 'default-modern@kubernetescrd', minVersion: 'VersionTLS12', maxVersion: 'VersionTLS13', cipherSuites: ['TLS_AES_128_GCM_SHA256'], curvePreferences: ['X25519', 'CurveP256'],
      alpnProtocols: ['h2'], sniStrict: true, clientAuth: { secretNames: ['ca', 'gone'], clientAuthType: 'RequireAndVerifyClientCert' }, providerConfig: undefined,
    });
    expect(o.providerConfig).toStrictEqual({
      minVersion: 'VersionTLS12', maxVersion: 'VersionTLS13', cipherSuites: ['TLS_AES_128_GCM_SHA256'], curvePreferences: ['X25519', 'CurveP256'],
      clientAuth: { caFiles: ['CA-PEM'], clientAuthType: 'RequireAndVerifyClientCert' }, sniStrict: true, alpnProtocols: ['h2'],
    });
    expect(at(r, 'PROVIDER_SECRET_SKIPPED')).toEqual(['gone']);
    // Traefik's default option stays, built in, since no TLSOption is named default.
    expect(r.config.tlsOptions['default']).toEqual({ name: 'default', minVersion: 'VersionTLS12', sniStrict: false, alpnProtocols: ['h2', 'http/1.1', 'acme-tls/1'], builtin: true });
  });

  it('empty lists written out stay empty (no defaults), an empty spec gets the defaults', () => {
    const r = build(option('bare', '{ cipherSuites: [], alpnProtocols: [], clientAuth: { clientAuthType: NoClientCert } }') + option('empty', '{}'));
    expect(r.config.tlsOptions['default-bare@kubernetescrd']!.providerConfig).toStrictEqual({ clientAuth: { clientAuthType: 'NoClientCert' } });
    const { origin: _o, providerConfig: _p, ...bare } = r.config.tlsOptions['default-bare@kubernetescrd']!;
    expect(bare).toStrictEqual({ name: 'default-bare@kubernetescrd', sniStrict: false, clientAuth: { secretNames: [], clientAuthType: 'NoClientCert' } });
    const { origin: _e, providerConfig: _q, ...empty } = r.config.tlsOptions['default-empty@kubernetescrd']!;
    expect(empty).toStrictEqual({ name: 'default-empty@kubernetescrd', sniStrict: false });
    expect(Object.keys(r.config.tlsOptions['default-empty@kubernetescrd']!.providerConfig!)).toEqual(['cipherSuites', 'alpnProtocols']);
  });

  it('a TLSOption named default replaces Traefik\'s default option', () => {
    const r = build(option('default', '{ minVersion: VersionTLS13 }', 'apps'));
    expect(Object.keys(r.config.tlsOptions)).toEqual(['default']);
    expect(r.config.tlsOptions['default']).toMatchObject({ name: 'default', minVersion: 'VersionTLS13', sniStrict: false });
    expect(r.config.tlsOptions['default']!.builtin).toBeUndefined();
  });

  it('the TLSOption default in two namespaces: all dropped, said at each name', () => {
    const r = build(option('default', '{}', 'a') + option('default', '{}', 'b') + option('kept', '{}', 'a'));
    expect(Object.keys(r.config.tlsOptions)).toEqual(['a-kept@kubernetescrd', 'default']);
    expect(r.config.tlsOptions['default']!.builtin).toBe(true);
    expect(r.diagnostics.filter((d) => d.code === 'PROVIDER_TLS_DEFAULT_DUPLICATE').map((d) => d.message)).toEqual([
      'TLSOption "default" is defined in 2 namespaces (a, b): Traefik drops them all and routers relying on it fail. Keep one.',
      'TLSOption "default" is defined in 2 namespaces (a, b): Traefik drops them all and routers relying on it fail. Keep one.',
    ]);
    expect(at(r, 'PROVIDER_TLS_DEFAULT_DUPLICATE')).toEqual(['default', 'default']);
  });

  it.each([
    { name: 'my.opt', normalized: 'default-my-opt' },
    { name: 'my_opt', normalized: 'default-my-opt' },
    { name: 'a._b', normalized: 'default-a-b' },
  ])('a name with "." or "_" ($name) can never be referenced: defined unnormalized, references are normalized', ({ name, normalized }) => {
    const r = build(option(name, '{}'));
    expect(Object.keys(r.config.tlsOptions)).toContain(`default-${name}@kubernetescrd`);
    expect(r.diagnostics.find((d) => d.code === 'PROVIDER_TLS_OPTION_NAME')!.message).toBe(`TLSOption "${name}" is defined as default-${name} but references are normalized to ${normalized}: it can never be referenced. Rename it without "." or "_".`);
  });

  it('a name without "." or "_" is not warned about', () => {
    expect(build(option('my-opt2', '{}')).diagnostics).toEqual([]);
  });
});

describe('buildTLSStores', () => {
  it('a store that is not default is named ns-name; a readable default certificate is kept', () => {
    const r = build(store('shop', '{ defaultCertificate: { secretName: def }, defaultGeneratedCert: { resolver: le } }', 'apps') + tlsSecret('def', PEM, 'KEY', 'apps'));
    expect(r.config.tlsStores).toEqual({ 'apps-shop': { defaultCertificate: { certFile: PEM, keyFile: 'KEY' }, defaultGeneratedCert: { resolver: 'le' } } });
  });

  it('a default certificate Secret outside the workspace is assumed readable; an unreadable one drops the store', () => {
    expect(build(store('default', '{ defaultCertificate: { secretName: def } }')).config.tlsStores).toEqual({ default: {} });
    expect(build(store('default', '{ defaultCertificate: { secretName: def } }') + tlsSecret('def', PEM, undefined)).config.tlsStores).toBeUndefined();
  });
});

describe('resolveHTTPTLSOptions: conflicts per entryPoint', () => {
  const route = (name: string, match: string, options: string) => ir(name, `  entryPoints: [websecure]\n  routes: [{ match: "${match}", services: [{ name: s, port: 80 }] }]\n  tls: { ${options} }\n`);
  const CONFLICT = route('one', 'Host(`a.com`)', 'options: { name: strict }') + route('two', 'Host(`a.com`) && Path(`/x`)', 'options: { name: legacy }') + option('strict', '{}') + option('legacy', '{}');

  it.each([
    { version: '3.7.9', renamed: true, says: 'Traefik applies the default TLS option to all of them and renames them websecure-conflicted-…' },
    { version: '3.6.21', renamed: true, says: 'Traefik applies the default TLS option to all of them and renames them websecure-conflicted-…' },
    { version: '3.6.20', renamed: false, says: 'Traefik maps the host to the default TLS option' },
  ])('Traefik $version', ({ version, renamed, says }) => {
    const r = build(CONFLICT, {}, { version });
    const d = r.diagnostics.find((x) => x.code === 'PROVIDER_TLS_CONFLICT')!;
    const [one, two] = Object.values(build(CONFLICT, {}, { version: '3.6.20' }).config.routers).map((x) => x.name);
    expect(d.message).toBe(`On entryPoint websecure, host a.com is served with different TLS options (default-strict@kubernetescrd, default-legacy@kubernetescrd) by ${one}, ${two}: ${says}. Use one TLS option per host.`);
    expect(r.text.slice(d.range.start, d.range.end)).toBe('{ name: strict }');
    expect(d.related).toEqual([{ message: `${two} uses default-legacy@kubernetescrd`, file: 't.yaml', range: expect.objectContaining({ start: r.text.indexOf('{ options: { name: legacy } }') }) }]);
    expect(Object.keys(r.config.routers).every((n) => n.startsWith('websecure-conflicted-'))).toBe(renamed);
  });

  it('v2.11 renames from 2.11.50', () => {
    const v2 = (version: string) => build(CONFLICT.replaceAll('routes: [{ match', 'routes: [{ kind: Rule, match'), {}, { target: 'v2.11', version });
    expect(Object.keys(v2('2.11.50').config.routers).every((n) => n.startsWith('websecure-conflicted-'))).toBe(true);
    expect(Object.keys(v2('2.11.49').config.routers).some((n) => n.includes('conflicted'))).toBe(false);
  });

  it('the same option on one host is no conflict; disabled routers and children do not count', () => {
    const same = route('one', 'Host(`a.com`)', 'options: { name: strict }') + route('two', 'Host(`a.com`) && Path(`/x`)', 'options: { name: strict }') + option('strict', '{}');
    expect(build(same).diagnostics.filter((d) => d.code === 'PROVIDER_TLS_CONFLICT')).toEqual([]);
    const disabled = route('one', 'Host(`a.com`)', 'options: { name: strict }') + route('two', 'Host(`a.com`) && Path(`/x`)', 'options: { name: nope }') + option('strict', '{}');
    expect(build(disabled).diagnostics.filter((d) => d.code === 'PROVIDER_TLS_CONFLICT')).toEqual([]);
  });
});
