// The ServersTransport loop of pkg/provider/kubernetes/crd/kubernetes.go loadConfigurationFromCRD: cipher suites
// (one unknown name falls back to the defaults), min/max TLS versions (an unknown one is ignored; min ≥ max, or an
// unknown max with a min, falls back to VersionTLS12 and no max), forwarding timeouts (SetDefaults, then what
// parses), root CAs from Secrets and ConfigMaps (getCABlocks, loadCASecret's one-key fallback), client
// certificates (getCertificateBlocks). Expected values are written out.
import { describe, expect, it } from 'vitest';
import { parseFile } from '../yaml/index.ts';
import { extractResources } from '../model/index.ts';
import { buildDynamicConfig, defaultSettings } from './index.ts';
import type { Settings } from '../types.ts';

function build(text: string, patch: Partial<Settings> = {}) {
  const settings = { ...defaultSettings(), ...patch };
  const { resources } = extractResources([parseFile('t.yaml', text)]);
  return { text, ...buildDynamicConfig(resources, settings, { texts: { 't.yaml': text } }) };
}
type Built = ReturnType<typeof build>;
const transport = (spec: string) => `---
apiVersion: traefik.io/v1alpha1
kind: ServersTransport
metadata: { name: st, namespace: default }
spec:
${spec}`;
const of = (r: Built) => r.config.serversTransports?.['default-st'];
const reports = (r: Built, code: string) => r.diagnostics.filter((d) => d.code === code).map((d) => [r.text.slice(d.range.start, d.range.end), d.message]);
const TIMEOUTS = { dialTimeout: '30s', idleConnTimeout: '1m30s', pingTimeout: '15s' };

describe('TLS versions and cipher suites (v3.7+)', () => {
  it.each([
    { desc: 'min only', spec: '  minVersion: VersionTLS13\n', expected: { minVersion: 'VersionTLS13' }, problems: [] },
    { desc: 'max only', spec: '  maxVersion: VersionTLS12\n', expected: { maxVersion: 'VersionTLS12' }, problems: [] },
    { desc: 'an unknown min is ignored', spec: '  minVersion: TLS1.2\n  maxVersion: VersionTLS13\n', expected: { maxVersion: 'VersionTLS13' }, problems: [['TLS1.2', 'minVersion TLS1.2 is not a TLS version (VersionTLS10, VersionTLS11, VersionTLS12, VersionTLS13): Traefik ignores it.']] },
    {
      desc: 'an unknown max with a min: the fallback', spec: '  minVersion: VersionTLS11\n  maxVersion: TLS1.3\n', expected: { minVersion: 'VersionTLS12' },
      problems: [['TLS1.3', 'maxVersion TLS1.3 is not a TLS version (VersionTLS10, VersionTLS11, VersionTLS12, VersionTLS13): Traefik ignores it.'], ['VersionTLS11', 'minVersion VersionTLS11 is not below maxVersion TLS1.3: Traefik falls back to minVersion VersionTLS12 and no maxVersion.']],
    },
    { desc: 'min equal to max: the fallback', spec: '  minVersion: VersionTLS13\n  maxVersion: VersionTLS13\n', expected: { minVersion: 'VersionTLS12' }, problems: [['VersionTLS13', 'minVersion VersionTLS13 is not below maxVersion VersionTLS13: Traefik falls back to minVersion VersionTLS12 and no maxVersion.']] },
    { desc: 'min below max', spec: '  minVersion: VersionTLS10\n  maxVersion: VersionTLS11\n', expected: { minVersion: 'VersionTLS10', maxVersion: 'VersionTLS11' }, problems: [] },
    { desc: 'known cipher suites', spec: '  cipherSuites: [TLS_AES_128_GCM_SHA256, TLS_FALLBACK_SCSV]\n', expected: { cipherSuites: ['TLS_AES_128_GCM_SHA256', 'TLS_FALLBACK_SCSV'] }, problems: [] },
    { desc: 'one unknown cipher suite: the defaults', spec: '  cipherSuites: [TLS_AES_128_GCM_SHA256, TLS_NOPE, TLS_ALSO_NOPE]\n', expected: {}, problems: [['TLS_NOPE', 'Cipher suite TLS_NOPE is not supported: Traefik falls back to the default cipher suites.']] },
  ])('$desc', ({ spec, expected, problems }) => {
    const r = build(transport(spec));
    expect(of(r)).toStrictEqual({ ...expected, forwardingTimeouts: TIMEOUTS });
    expect(reports(r, 'PROVIDER_TRANSPORT_VALUE')).toEqual(problems);
  });

  it('before v3.7 none of them is read', () => {
    const r = build(transport('  minVersion: nope\n  cipherSuites: [TLS_NOPE]\n'), { version: '3.6.9' });
    expect(of(r)).toStrictEqual({ forwardingTimeouts: TIMEOUTS });
    expect(r.diagnostics).toEqual([]);
  });
});

describe('forwarding timeouts', () => {
  it.each([
    { desc: 'zero durations are left out', written: '{ dialTimeout: 0, idleConnTimeout: 0s, pingTimeout: "0" }', expected: {} },
    { desc: 'null is the default', written: '{ dialTimeout: null, responseHeaderTimeout: 2m }', expected: { ...TIMEOUTS, responseHeaderTimeout: '2m0s' } },
    { desc: 'sub-second values', written: '{ readIdleTimeout: 1500ms, pingTimeout: 250us }', expected: { ...TIMEOUTS, readIdleTimeout: '1.5s', pingTimeout: '250µs' } },
  ])('$desc', ({ written, expected }) => {
    const r = build(transport(`  forwardingTimeouts: ${written}\n`));
    expect(of(r)).toStrictEqual({ forwardingTimeouts: expected });
    expect(r.diagnostics).toEqual([]);
  });

  it('an unreadable duration keeps the default, said at the value', () => {
    const r = build(transport('  forwardingTimeouts: { idleConnTimeout: 5 minutes }\n'));
    expect(of(r)).toStrictEqual({ forwardingTimeouts: TIMEOUTS });
    expect(reports(r, 'PROVIDER_TRANSPORT_VALUE')).toEqual([['5 minutes', 'idleConnTimeout: "5 minutes" is not a duration (a number of seconds, or e.g. 30s, 1m): Traefik keeps the default.']]);
  });
});

describe('root CAs and client certificates', () => {
  const secret = (name: string, data: string) => `---\napiVersion: v1\nkind: Secret\nmetadata: { name: ${name}, namespace: default }\nstringData: ${data}\n`;
  const configMap = (name: string, data: string) => `---\napiVersion: v1\nkind: ConfigMap\nmetadata: { name: ${name}, namespace: default }\ndata: ${data}\n`;

  it('rootCAs entries with neither or both of secret and configMap are skipped; a one-key ConfigMap is no CA', () => {
    const r = build(transport('  rootCAs: [{}, { secret: s1, configMap: c1 }, { configMap: c1 }, { configMap: c2 }, { secret: s1 }]\n') +
      secret('s1', '{ only: S1 }') + configMap('c1', '{ only: C1 }') + configMap('c2', '{ tls.ca: C2, ca.crt: ignored }'));
    expect(of(r)?.['rootCAs']).toEqual(['C2', 'S1']);
    expect(reports(r, 'PROVIDER_SECRET_SKIPPED')).toEqual([['c1', 'ConfigMap default/c1 contains neither tls.ca nor ca.crt: Traefik logs an error and leaves the root CA out.']]);
  });

  it('a Secret with several keys and no CA block is no CA', () => {
    const r = build(transport('  rootCAsSecrets: [two]\n') + secret('two', '{ a: A, b: B }'));
    expect(of(r)?.['rootCAs']).toBeUndefined();
    expect(reports(r, 'PROVIDER_SECRET_SKIPPED')).toEqual([['two', 'Secret default/two contains neither tls.ca nor ca.crt: Traefik logs an error and leaves the root CA out.']]);
  });

  it.each([
    { data: '{ other: x }', error: 'is missing the TLS data entries tls.crt, tls.key' },
    { data: '{ tls.crt: C }', error: 'is missing the TLS data entries tls.key' },
    { data: '{ tls.crt: "", tls.key: "" }', error: 'has empty TLS data entries tls.crt, tls.key' },
    { data: '{ tls.crt: C, tls.key: "" }', error: 'has empty TLS data entries tls.key' },
  ])('client certificate Secret $data: left out', ({ data, error }) => {
    const r = build(transport('  certificatesSecrets: [cert]\n') + secret('cert', data));
    expect(of(r)?.['certificates']).toBeUndefined();
    expect(reports(r, 'PROVIDER_SECRET_SKIPPED')).toEqual([['cert', `Secret default/cert ${error}: Traefik logs an error and leaves the client certificate out.`]]);
  });

  it('a Secret or ConfigMap outside the workspace: read from the cluster, left out of the export', () => {
    const r = build(transport('  rootCAsSecrets: [ca]\n  rootCAs: [{ configMap: cm }]\n  certificatesSecrets: [cert]\n'));
    expect(of(r)).toStrictEqual({ forwardingTimeouts: TIMEOUTS });
    expect(reports(r, 'PROVIDER_SECRET_NOT_FOUND')).toEqual([
      ['ca', 'Secret default/ca is not in the workspace; Traefik reads the root CA from the cluster (the export cannot show it and leaves it out).'],
      ['cm', 'ConfigMap default/cm is not in the workspace; Traefik reads the root CA from the cluster (the export cannot show it and leaves it out).'],
      ['cert', 'Secret default/cert is not in the workspace; Traefik reads the client certificate from the cluster (the export cannot show it and leaves it out).'],
    ]);
  });

  it('a missing Secret of a namespace the workspace holds, nothing close', () => {
    const r = build(transport('  certificatesSecrets: [zzzzzz]\n') + secret('root-ca', '{ ca.crt: CA }'));
    expect(reports(r, 'PROVIDER_SECRET_SKIPPED')).toEqual([['zzzzzz', 'Secret default/zzzzzz does not exist: Traefik logs an error and leaves the client certificate out.']]);
  });

  it('a missing Secret of a namespace the workspace holds: skipped with the closest name', () => {
    const r = build(transport('  rootCAsSecrets: [root-cb]\n') + secret('root-ca', '{ ca.crt: CA }'));
    expect(reports(r, 'PROVIDER_SECRET_SKIPPED')).toEqual([['root-cb', 'Secret default/root-cb does not exist (did you mean root-ca?): Traefik logs an error and leaves the root CA out.']]);
  });
});

describe('the other fields', () => {
  it('false, zero and empty values are left out; spiffe is not read by v2.11', () => {
    const spec = '  insecureSkipVerify: false\n  disableHTTP2: false\n  maxIdleConnsPerHost: 0\n  serverName: ""\n  peerCertURI: ""\n  spiffe: { ids: [a] }\n';
    expect(of(build(transport(spec)))).toStrictEqual({ forwardingTimeouts: TIMEOUTS, spiffe: { ids: ['a'] } });
    expect(of(build(transport(spec), { target: 'v2.11', version: '2.11.50' }))).toStrictEqual({ forwardingTimeouts: TIMEOUTS });
  });
});
