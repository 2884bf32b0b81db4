// Failover TraefikServices: `errors` as kubernetes_http.go buildFailover emits it (kubernetes_test.go
// "failover with errors configuration", with_failover_errors.yml), status blocks as pkg/types/http_code_range.go
// NewHTTPCodeRanges reads them, and the failovers pkg/server/service/service.go getFailoverServiceHandler refuses.
import { describe, expect, it } from 'vitest';
import { at, build as buildText, ir, whoami } from './test-support.ts';
import { toFileProviderShape } from './index.ts';
import { parseHTTPCodeRanges, rangesContain, serviceFailure } from './failover.ts';
import type { DynamicConfig } from '../types.ts';

const READY = ', conditions: { ready: true }';
const BACKENDS = whoami(4, '10.10.0.1', '10.10.0.2', READY) + whoami(5, '10.10.0.3', '10.10.0.4', READY);
const failover = (errors: string, main = '{ name: whoami5, kind: Service, port: 8080 }') => `---
apiVersion: traefik.io/v1alpha1
kind: TraefikService
metadata: { name: failover1, namespace: default }
spec:
  failover:
    service: ${main}
    fallback: { name: whoami4, kind: Service, port: 8080 }
${errors}`;
/** with_failover_errors.yml's IngressRoute: its router is sha256("Host(`foo.com`) && PathPrefix(`/foo`)")[:20]. */
const ROUTE = ir('test.route', '  entryPoints: [web]\n  routes:\n  - match: Host(`foo.com`) && PathPrefix(`/foo`)\n    kind: Rule\n    priority: 12\n    services:\n    - name: failover1\n      kind: TraefikService\n');
const ROUTER = 'default-test-route-77c62dfe9517144aeeaa@kubernetescrd';
const build = (text: string) => {
  const r = buildText(text);
  return { ...r, services: (toFileProviderShape(r.config) as { http: { services: Record<string, unknown> } }).http.services };
};

describe('buildFailover: errors', () => {
  it('"failover with errors configuration" (with_failover_errors.yml): status and maxRequestBodyBytes as written', () => {
    const r = build(BACKENDS + failover('    errors:\n      status:\n        - "500-504"\n        - "404"\n      maxRequestBodyBytes: 1048576\n') + ROUTE);
    expect(r.services['default-failover1']).toEqual({ failover: { service: 'default-whoami5-8080', fallback: 'default-whoami4-8080', errors: { status: ['500-504', '404'], maxRequestBodyBytes: 1048576 } } });
    expect(r.config.routers[ROUTER]!.disabled).toBeUndefined();
    expect(r.diagnostics).toEqual([]);
  });

  it('a status written as a YAML number is read as its text; maxRequestBodyBytes alone is kept', () => {
    const r = build(BACKENDS + failover('    errors: { status: [503], maxRequestBodyBytes: 0 }\n'));
    expect(r.services['default-failover1']).toEqual({ failover: { service: 'default-whoami5-8080', fallback: 'default-whoami4-8080', errors: { status: ['503'], maxRequestBodyBytes: 0 } } });
  });

  it.each([
    { desc: 'a comma list', block: '500,502', error: 'strconv.Atoi: parsing "500,502": invalid syntax' },
    { desc: 'an open range', block: '500-', error: 'strconv.Atoi: parsing "": invalid syntax' },
    { desc: 'a class', block: '5xx', error: 'strconv.Atoi: parsing "5xx": invalid syntax' },
    { desc: 'a space', block: ' 500', error: 'strconv.Atoi: parsing " 500": invalid syntax' },
    { desc: 'past int64', block: '9223372036854775808', error: 'strconv.Atoi: parsing "9223372036854775808": value out of range' },
    { desc: 'a double dash', block: '500--504', error: 'strconv.Atoi: parsing "": invalid syntax' },
  ])('a status Traefik cannot read ($desc) fails the failover and the routers using it', ({ block, error }) => {
    const r = build(BACKENDS + failover(`    errors:\n      status: ["404", ${JSON.stringify(block)}]\n`) + ROUTE);
    expect(at(r, 'PROVIDER_FAILOVER_STATUS')).toEqual([JSON.stringify(block)]);
    const d = r.diagnostics.find((x) => x.code === 'PROVIDER_FAILOVER_STATUS')!;
    expect([d.severity, d.message]).toEqual(['error', `Status "${block}" of failover default/failover1 is not a code or a range Traefik can read (${error}): Traefik fails the service ("error creating failover service default-failover1@kubernetescrd: creating HTTP code ranges: …") and every router that uses it. Write one code such as "503" or one range such as "500-504" per entry.`]);
    expect(r.config.routers[ROUTER]!.disabled).toEqual({ reason: `the router fails to build: error creating failover service default-failover1@kubernetescrd: creating HTTP code ranges: ${error}`, code: 'PROVIDER_FAILOVER_STATUS' });
    // The provider emits it; the router manager fails it.
    expect(r.services['default-failover1']).toBeDefined();
  });

  it('every entry that does not parse is shown; the failure is the first (NewHTTPCodeRanges stops there)', () => {
    const r = build(BACKENDS + failover('    errors:\n      status: ["x", "404", "y"]\n') + ROUTE);
    expect(at(r, 'PROVIDER_FAILOVER_STATUS')).toEqual(['"x"', '"y"']);
    expect(r.config.routers[ROUTER]!.disabled?.reason).toBe('the router fails to build: error creating failover service default-failover1@kubernetescrd: creating HTTP code ranges: strconv.Atoi: parsing "x": invalid syntax');
  });

  it('no errors.status and a main service without health check: nothing triggers the fallback, Traefik fails the service', () => {
    const message = 'Failover default/failover1 sets no errors.status and its main service default-whoami5-8080 has no health check, so nothing can send requests to the fallback: Traefik fails the service ("cannot register default-whoami5-8080@kubernetescrd as updater for default-failover1@kubernetescrd") and every router that uses it. Add errors.status (for example "500-599"), or make the main service an ExternalName Service with a healthCheck.';
    for (const [errors, key] of [['', 'failover'], ['    errors: { maxRequestBodyBytes: 10 }\n', 'errors'], ['    errors: { status: [] }\n', 'errors']] as const) {
      const r = build(BACKENDS + failover(errors) + ROUTE);
      expect(at(r, 'PROVIDER_FAILOVER_NO_TRIGGER')).toEqual([key]);
      expect(r.diagnostics.find((x) => x.code === 'PROVIDER_FAILOVER_NO_TRIGGER')!.message).toBe(message);
      expect(r.config.routers[ROUTER]!.disabled).toEqual({ reason: 'the router fails to build: cannot register default-whoami5-8080@kubernetescrd as updater for default-failover1@kubernetescrd: healthCheck not enabled', code: 'PROVIDER_FAILOVER_NO_TRIGGER' });
    }
  });

  it('the main service reports its health: an ExternalName Service with healthCheck, or another provider\'s service (not known)', () => {
    const ext = '---\napiVersion: v1\nkind: Service\nmetadata: { name: ext, namespace: default }\nspec: { type: ExternalName, externalName: ext.example.com, ports: [{ name: web, port: 80 }] }\n';
    const checked = buildText(BACKENDS + ext + failover('', '{ name: ext, port: 80, healthCheck: { path: /health } }') + ROUTE, { allowExternalNameServices: true });
    expect(checked.diagnostics.map((d) => d.code)).toEqual([]);
    expect(checked.config.routers[ROUTER]!.disabled).toBeUndefined();
    const other = buildText(BACKENDS + failover('', '{ name: api@file, kind: TraefikService }') + ROUTE, { crossProviderNamespaces: ['default'] });
    expect(other.diagnostics.map((d) => d.code)).toEqual([]);
  });

  it('a TraefikService as the main service never reports its health (the provider sets no healthCheck on it)', () => {
    const weighted = '---\napiVersion: traefik.io/v1alpha1\nkind: TraefikService\nmetadata: { name: w, namespace: default }\nspec:\n  weighted:\n    services: [{ name: whoami5, port: 8080 }]\n';
    const r = build(BACKENDS + weighted + failover('', '{ name: w, kind: TraefikService }') + ROUTE);
    expect(r.config.routers[ROUTER]!.disabled?.reason).toBe('the router fails to build: cannot register default-w@kubernetescrd as updater for default-failover1@kubernetescrd: healthCheck not enabled');
    expect(build(BACKENDS + weighted + failover('    errors: { status: ["502"] }\n', '{ name: w, kind: TraefikService }') + ROUTE).config.routers[ROUTER]!.disabled).toBeUndefined();
  });

  it('a route the provider skipped keeps its own reason', () => {
    const skipped = ir('test.route', '  entryPoints: [web]\n  routes:\n  - match: Host(`foo.com`) && PathPrefix(`/foo`)\n    middlewares: [{ name: m, namespace: other }]\n    services: [{ name: failover1, kind: TraefikService }]\n');
    expect(build(BACKENDS + failover('    errors: { status: ["x"] }\n') + skipped).config.routers[ROUTER]!.disabled?.code).toBe('PROVIDER_ROUTE_SKIPPED');
  });

  it('a failover the service manager refuses fails the routers of every service above it', () => {
    const above = '---\napiVersion: traefik.io/v1alpha1\nkind: TraefikService\nmetadata: { name: top, namespace: default }\nspec:\n  weighted:\n    services: [{ name: whoami4, port: 8080 }, { name: failover1, kind: TraefikService }]\n';
    const route = ir('r2', '  entryPoints: [web]\n  routes:\n  - match: Host(`top.com`)\n    services: [{ name: top, kind: TraefikService }]\n');
    const r = build(BACKENDS + failover('    errors: { status: ["x"] }\n') + above + route);
    expect(Object.values(r.config.routers)[0]!.disabled?.code).toBe('PROVIDER_FAILOVER_STATUS');
  });
});

describe('NewHTTPCodeRanges and Contains (pkg/types/http_code_range.go)', () => {
  it.each([
    { blocks: ['500-504', '404'], ranges: [[500, 504], [404, 404]] },
    { blocks: ['503'], ranges: [[503, 503]] },
    // strconv.Atoi takes a sign and leading zeros; a part after the second `-` is ignored.
    { blocks: ['+500', '0404'], ranges: [[500, 500], [404, 404]] },
    { blocks: ['500-504-599'], ranges: [[500, 504]] },
    { blocks: ['504-500'], ranges: [[504, 500]] },
    { blocks: [], ranges: [] },
  ])('$blocks', ({ blocks, ranges }) => {
    expect(parseHTTPCodeRanges(blocks)).toEqual({ ranges });
  });

  it.each([
    { blocks: ['404', 'x'], index: 1, error: 'strconv.Atoi: parsing "x": invalid syntax' },
    { blocks: ['500-x'], index: 0, error: 'strconv.Atoi: parsing "x": invalid syntax' },
    { blocks: ['-500'], index: 0, error: 'strconv.Atoi: parsing "": invalid syntax' },
    { blocks: ['+'], index: 0, error: 'strconv.Atoi: parsing "+": invalid syntax' },
    { blocks: ['-9223372036854775808'], index: 0, error: 'strconv.Atoi: parsing "": invalid syntax' },
    { blocks: ['9223372036854775807'], index: -1, error: '' },
    { blocks: ['１２３'], index: 0, error: 'strconv.Atoi: parsing "１２３": invalid syntax' },
  ])('$blocks', ({ blocks, index, error }) => {
    const parsed = parseHTTPCodeRanges(blocks);
    if (index < 0) expect('ranges' in parsed).toBe(true);
    else expect(parsed).toEqual({ index, error });
  });

  it('failover_test.go TestFailoverStatusCode: which statuses send the request to the fallback', () => {
    const ranges = (blocks: string[]) => (parseHTTPCodeRanges(blocks) as { ranges: [number, number][] }).ranges;
    expect(rangesContain(ranges(['503']), 503)).toBe(true);
    expect(rangesContain(ranges(['503']), 200)).toBe(false);
    expect(rangesContain(ranges(['503']), 500)).toBe(false);
    expect(rangesContain(ranges(['500', '502', '503', '504']), 502)).toBe(true);
    expect(rangesContain(ranges(['500', '502', '503', '504']), 404)).toBe(false);
    expect(rangesContain(ranges(['500-504']), 503)).toBe(true);
    expect(rangesContain(ranges(['500-504']), 500)).toBe(true);
    expect(rangesContain(ranges(['500-504']), 504)).toBe(true);
    expect(rangesContain(ranges(['500-504']), 505)).toBe(false);
    expect(rangesContain(ranges(['500-504']), 404)).toBe(false);
    expect(rangesContain(ranges(['504-500']), 502)).toBe(false);
  });

  it('serviceFailure: services that do not exist, load balancers and cycles hold none', () => {
    const config = { routers: {}, middlewares: {}, tlsOptions: {}, certificates: [], services: {
      a: { type: 'weighted', name: 'a', services: [{ name: 'b', weight: 1 }] },
      b: { type: 'mirroring', name: 'b', service: 'a', mirrorBody: true, maxBodySize: -1, mirrors: [{ name: 'f', percent: 10 }] },
      f: { type: 'failover', name: 'f', service: 'lb', fallback: 'a', failure: 'bad' },
      g: { type: 'failover', name: 'g', service: 'lb', fallback: 'f' },
      h: { type: 'highestRandomWeight', name: 'h', services: [{ name: 'lb', weight: 1 }, { name: 'g', weight: 1 }] },
      lb: { type: 'loadBalancer', name: 'lb', servers: [], scheme: 'http', passHostHeader: true, strategy: 'wrr' },
    } } as unknown as DynamicConfig;
    expect(serviceFailure(config, 'a')).toBe('bad');
    expect(serviceFailure(config, 'g')).toBe('bad');
    expect(serviceFailure(config, 'h')).toBe('bad');
    expect(serviceFailure(config, 'lb')).toBeUndefined();
    expect(serviceFailure(config, 'nope')).toBeUndefined();
    const loop = { ...config, services: { a: { type: 'weighted', name: 'a', services: [{ name: 'a', weight: 1 }] } } } as unknown as DynamicConfig;
    expect(serviceFailure(loop, 'a')).toBeUndefined();
  });
});
