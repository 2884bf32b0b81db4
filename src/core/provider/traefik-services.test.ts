// TraefikService CRDs as pkg/provider/kubernetes/crd/kubernetes_http.go builds them (buildTraefikService:
// buildServicesLB, buildMirroring, buildHRW, buildFailover). Fixtures follow kubernetes_test.go's
// with_mirroring.yml, with_highest_random_weight.yml, with_failover.yml and with_sticky.yml; the expected
// names, weights, percents and cookies are its expected configurations, written out.
import { describe, expect, it } from 'vitest';
import { parseFile } from '../yaml/index.ts';
import { extractResources } from '../model/index.ts';
import { buildDynamicConfig, defaultSettings, toFileProviderShape } from './index.ts';
import type { Settings } from '../types.ts';
import { whoami } from './test-support.ts';

function build(text: string, provider: Partial<Settings['provider']> = {}, patch: Partial<Settings> = {}) {
  const settings = { ...defaultSettings(), ...patch };
  settings.provider = { ...settings.provider, ...provider };
  const { resources } = extractResources([parseFile('t.yaml', text)]);
  const result = buildDynamicConfig(resources, settings, { texts: { 't.yaml': text } });
  return { text, ...result, shape: toFileProviderShape(result.config) as { http: { services: Record<string, unknown> } } };
}

const BACKENDS = whoami(1, '10.10.0.1', '10.10.0.2') + whoami(4, '10.10.0.1', '10.10.0.2') + whoami(5, '10.10.0.3', '10.10.0.4');
const ts = (name: string, spec: string) => `---
apiVersion: traefik.io/v1alpha1
kind: TraefikService
metadata: { name: ${name}, namespace: default }
spec:
${spec}`;
const LB = (a: string, b: string) => ({ loadBalancer: { servers: [{ url: `http://${a}:8080` }, { url: `http://${b}:8080` }], passHostHeader: true, responseForwarding: { flushInterval: '100ms' } } });

describe('buildTraefikService', () => {
  it('"one kube service (== servers lb) in a mirroring" (with_mirroring.yml)', () => {
    const r = build(BACKENDS + ts('mirror1', '  mirroring:\n    name: whoami5\n    kind: Service\n    port: 8080\n    mirrors:\n      - { name: whoami4, kind: Service, percent: 50, port: 8080 }\n'));
    const range = r.config.services['default-mirror1@kubernetescrd']!.origin!.range;
    expect(r.text.slice(range.start, range.start + 10)).toBe('mirroring:');
    expect(r.config.services['default-mirror1@kubernetescrd']).toMatchObject({ type: 'mirroring', service: 'default-whoami5-8080@kubernetescrd', mirrors: [{ name: 'default-whoami4-8080@kubernetescrd', percent: 50 }] });
    expect(r.shape.http.services).toEqual({
      // Mirroring.SetDefaults: the body is mirrored, with no size limit.
      'default-mirror1': { mirroring: { service: 'default-whoami5-8080', mirrorBody: true, maxBodySize: -1, mirrors: [{ name: 'default-whoami4-8080', percent: 50 }] } },
      'default-whoami4-8080': LB('10.10.0.1', '10.10.0.2'),
      'default-whoami5-8080': LB('10.10.0.3', '10.10.0.4'),
    });
  });

  it('mirroring with mirrorBody, maxBodySize and a mirror without percent', () => {
    const r = build(BACKENDS + ts('mirror1', '  mirroring:\n    name: whoami5\n    port: 8080\n    mirrorBody: false\n    maxBodySize: 1024\n    mirrors:\n      - { name: whoami4, port: 8080 }\n'));
    expect(r.shape.http.services['default-mirror1']).toEqual({ mirroring: { service: 'default-whoami5-8080', mirrorBody: false, maxBodySize: 1024, mirrors: [{ name: 'default-whoami4-8080', percent: 0 }] } });
  });

  it('"one kube services in a highest random weight" (with_highest_random_weight.yml)', () => {
    const r = build(BACKENDS + ts('hrw1', '  highestRandomWeight:\n    services:\n      - { name: whoami1, kind: Service, port: 8080, weight: 10 }\n      - { name: whoami4, kind: Service, port: 8080 }\n'));
    expect(r.shape.http.services).toEqual({
      'default-hrw1': { highestRandomWeight: { services: [{ name: 'default-whoami1-8080', weight: 10 }, { name: 'default-whoami4-8080', weight: 1 }] } },
      'default-whoami1-8080': LB('10.10.0.1', '10.10.0.2'),
      'default-whoami4-8080': LB('10.10.0.1', '10.10.0.2'),
    });
    const range = r.config.services['default-hrw1@kubernetescrd']!.origin!.range;
    expect(r.text.slice(range.start, range.start + 9)).toBe('- { name:');
    // A child's load balancer points at its reference.
    const child = r.config.services['default-whoami4-8080@kubernetescrd']!.origin!.range;
    expect(r.text.slice(child.start, child.end)).toBe('{ name: whoami4, kind: Service, port: 8080 }');
  });

  it('"one kube service in a failover" (with_failover.yml)', () => {
    const r = build(BACKENDS + ts('failover1', '  failover:\n    service: { name: whoami5, kind: Service, port: 8080 }\n    fallback: { name: whoami4, kind: Service, port: 8080 }\n'));
    const range = r.config.services['default-failover1@kubernetescrd']!.origin!.range;
    expect(r.text.slice(range.start, range.start + 9)).toBe('failover:');
    expect(r.shape.http.services).toEqual({
      // Errors: &dynamic.FailoverError{} (kubernetes_test.go:3518): buildFailover always sets it.
      'default-failover1': { failover: { service: 'default-whoami5-8080', fallback: 'default-whoami4-8080', errors: {} } },
      'default-whoami4-8080': LB('10.10.0.1', '10.10.0.2'),
      'default-whoami5-8080': LB('10.10.0.3', '10.10.0.4'),
    });
  });

  it('weighted sticky cookies carry every field; the path defaults to / (with_sticky.yml "default-sticky", "default-sticky-default")', () => {
    const cookie = '{ httpOnly: true, name: cookie, secure: true, sameSite: none, maxAge: 42 }';
    const r = build(BACKENDS + ts('sticky', `  weighted:\n    sticky: { cookie: { httpOnly: true, name: cookie, secure: true, sameSite: none, maxAge: 42, path: /foo } }\n    services: [{ name: whoami1, port: 8080 }]\n`) +
      ts('sticky-default', `  weighted:\n    sticky: { cookie: ${cookie} }\n    services: [{ name: whoami1, port: 8080 }]\n`) +
      ts('plain', '  weighted:\n    sticky: {}\n    services: [{ name: whoami1, port: 8080, weight: 0 }]\n'));
    expect(r.shape.http.services['default-sticky']).toEqual({ weighted: { services: [{ name: 'default-whoami1-8080', weight: 1 }], sticky: { cookie: { name: 'cookie', secure: true, httpOnly: true, sameSite: 'none', maxAge: 42, path: '/foo' } } } });
    expect(r.shape.http.services['default-sticky-default']).toEqual({ weighted: { services: [{ name: 'default-whoami1-8080', weight: 1 }], sticky: { cookie: { name: 'cookie', secure: true, httpOnly: true, sameSite: 'none', maxAge: 42, path: '/' } } } });
    expect(r.shape.http.services['default-plain']).toEqual({ weighted: { services: [{ name: 'default-whoami1-8080', weight: 0 }] } });
  });

  it('a Service listed twice is one load balancer, pointing at its first reference', () => {
    const r = build(BACKENDS + ts('twice', '  weighted:\n    services:\n      - { name: whoami1, port: 8080, weight: 1 }\n      - { name: whoami1, port: 8080, weight: 2 }\n'));
    expect(r.shape.http.services['default-twice']).toEqual({ weighted: { services: [{ name: 'default-whoami1-8080', weight: 1 }, { name: 'default-whoami1-8080', weight: 2 }] } });
    const range = r.config.services['default-whoami1-8080@kubernetescrd']!.origin!.range;
    expect(r.text.slice(range.start, range.end)).toBe('{ name: whoami1, port: 8080, weight: 1 }');
  });

  it('"unspecified service type": a TraefikService that sets none of the types is not built', () => {
    const r = build(BACKENDS + ts('broken', '  weighted: null\n'));
    expect(r.config.services['default-broken@kubernetescrd']).toBeUndefined();
    const d = r.diagnostics.find((x) => x.code === 'PROVIDER_TRAEFIKSERVICE_TYPE')!;
    expect(d.message).toBe('TraefikService default/broken sets none of weighted, mirroring, highestRandomWeight, failover: Traefik does not build it ("unspecified service type").');
    expect(r.text.slice(d.range.start, d.range.end)).toBe('spec');
  });

  // buildTraefikService is a switch: weighted, then mirroring, then highestRandomWeight, then failover. The first
  // one set is built, whatever the YAML order, and the others are dropped without a word from Traefik.
  it('several types: Traefik builds the first in its order (weighted, mirroring, highestRandomWeight, failover) and ignores the rest', () => {
    const spec = '  failover:\n    service: { name: whoami1, port: 8080 }\n    fallback: { name: whoami4, port: 8080 }\n  highestRandomWeight:\n    services: [{ name: whoami4, port: 8080 }]\n';
    const r = build(BACKENDS + ts('two', spec));
    expect(r.shape.http.services['default-two']).toEqual({ highestRandomWeight: { services: [{ name: 'default-whoami4-8080', weight: 1 }] } });
    expect(r.diagnostics.filter((x) => x.code === 'PROVIDER_TRAEFIKSERVICE_TYPE')).toEqual([]);
    const ignored = r.diagnostics.filter((x) => x.code === 'PROVIDER_TRAEFIKSERVICE_IGNORED');
    expect(ignored.map((x) => [x.severity, r.text.slice(x.range.start, x.range.end)])).toEqual([['warning', 'failover']]);
    expect(ignored[0]!.message).toBe('TraefikService default/two: `failover` is ignored. Traefik builds `highestRandomWeight`, the first of weighted, mirroring, highestRandomWeight, failover that is set; give `failover` a TraefikService of its own.');
  });

  // v3.5's buildTraefikService knows weighted and mirroring only; v3.6 added highestRandomWeight, v3.7 failover
  // (kubernetes_http.go at v3.5.6, v3.6.0 and v3.7.0). Older CRDs do not have the field, so it is not there at all.
  it.each([
    { version: '3.5.6', spec: '  highestRandomWeight:\n    services: [{ name: whoami4, port: 8080 }]\n', newer: 'highestRandomWeight', known: 'weighted, mirroring' },
    { version: '3.6.24', spec: '  failover:\n    service: { name: whoami1, port: 8080 }\n    fallback: { name: whoami4, port: 8080 }\n', newer: 'failover', known: 'weighted, mirroring, highestRandomWeight' },
  ])('Traefik v$version does not build a $newer TraefikService ("unspecified service type")', ({ version, spec, newer, known }) => {
    const r = build(BACKENDS + ts('late', spec), {}, { version });
    expect(r.config.services['default-late@kubernetescrd']).toBeUndefined();
    expect(r.diagnostics.find((x) => x.code === 'PROVIDER_TRAEFIKSERVICE_TYPE')!.message).toBe(
      `TraefikService default/late sets none of ${known}; it sets ${newer}, which Traefik v${version} does not know (highestRandomWeight came in v3.6, failover in v3.7): Traefik does not build it ("unspecified service type").`,
    );
  });

  it('v3.6 builds a highestRandomWeight TraefikService, and at v3.5 a weighted one beside it wins', () => {
    const hrw = '  highestRandomWeight:\n    services: [{ name: whoami4, port: 8080 }]\n';
    expect(build(BACKENDS + ts('h', hrw), {}, { version: '3.6.0' }).config.services['default-h@kubernetescrd']?.type).toBe('highestRandomWeight');
    const r = build(BACKENDS + ts('h', hrw + '  weighted:\n    services: [{ name: whoami1, port: 8080 }]\n'), {}, { version: '3.5.6' });
    expect(r.config.services['default-h@kubernetescrd']?.type).toBe('weighted');
    expect(r.diagnostics.find((x) => x.code === 'PROVIDER_TRAEFIKSERVICE_IGNORED')!.message).toContain('`highestRandomWeight` is ignored. Traefik v3.5.6 does not know it');
  });

  it.each([
    { desc: 'weighted', spec: '  weighted:\n    services:\n      - { name: whoami1, port: 8080 }\n      - { name: whoami2, port: 8080, namespace: other }\n' },
    { desc: 'highestRandomWeight', spec: '  highestRandomWeight:\n    services:\n      - { name: whoami2, port: 8080, namespace: other }\n' },
    { desc: 'mirroring main', spec: '  mirroring:\n    name: whoami2\n    port: 8080\n    namespace: other\n    mirrors: [{ name: whoami4, port: 8080 }]\n' },
    { desc: 'mirroring mirror', spec: '  mirroring:\n    name: whoami5\n    port: 8080\n    mirrors: [{ name: whoami4, port: 8080 }, { name: whoami2, port: 8080, namespace: other }]\n' },
    { desc: 'failover service', spec: '  failover:\n    service: { name: whoami2, port: 8080, namespace: other }\n    fallback: { name: whoami4, port: 8080 }\n' },
    { desc: 'failover fallback', spec: '  failover:\n    service: { name: whoami5, port: 8080 }\n    fallback: { name: whoami2, port: 8080, namespace: other }\n' },
  ])('a child that cannot be built fails the whole $desc TraefikService', ({ spec }) => {
    const r = build(BACKENDS + ts('broken', spec));
    expect(r.config.services['default-broken@kubernetescrd']).toBeUndefined();
    expect(r.diagnostics.map((d) => d.code)).toEqual(['PROVIDER_CROSS_NAMESPACE']);
    expect(build(BACKENDS + ts('broken', spec), { allowCrossNamespace: true }).config.services['default-broken@kubernetescrd']).toBeDefined();
  });
});
