// Edge cases of pkg/provider/kubernetes/crd (kubernetes_http.go makeServiceKey, nameAndService,
// fullServiceName, buildServicesLB), pkg/provider/configuration.go Normalize, pkg/muxer/http/mux.go
// GetRulePriority and pkg/server/aggregator.go resolveHTTPTLSOptions. Expected names are computed here with
// node:crypto, independently of routerKey(); byte lengths are written out.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseFile } from '../yaml/index.ts';
import { extractResources } from '../model/index.ts';
import { buildDynamicConfig, defaultSettings, normalize } from './index.ts';
import type { DynamicRouter, Settings } from '../types.ts';

function build(text: string, provider: Partial<Settings['provider']> = {}, patch: Partial<Settings> = {}) {
  const settings = { ...defaultSettings(), ...patch };
  settings.provider = { ...settings.provider, ...provider };
  const { resources } = extractResources([parseFile('t.yaml', text)]);
  return buildDynamicConfig(resources, settings, { texts: { 't.yaml': text } });
}

/** makeServiceKey: `%.10x` of the sha256 digest = its first 20 hex digits. */
const hash20 = (match: string): string => createHash('sha256').update(match, 'utf8').digest('hex').slice(0, 20);
const enabled = (routers: Record<string, DynamicRouter>) => Object.values(routers).filter((r) => !r.disabled);
const codes = (ds: { code: string }[]) => ds.map((d) => d.code);

const header = (name: string, ns: string) => `apiVersion: traefik.io/v1alpha1
kind: IngressRoute
metadata:
  name: ${name}
  namespace: ${ns}
spec:
`;

describe('router names and default priorities of block-scalar and non-ASCII rules', () => {
  // The YAML value is the rule Traefik hashes and measures: a `|` block keeps its final newline, `|-` and
  // `>-` do not; `>` folds the lines with one space and keeps the final newline.
  it.each([
    { desc: 'literal block keeps the trailing newline', yaml: '    - match: |\n        Host(`a.example.com`)\n', rule: 'Host(`a.example.com`)\n', bytes: 22 },
    { desc: 'literal block, strip chomping', yaml: '    - match: |-\n        Host(`a.example.com`)\n', rule: 'Host(`a.example.com`)', bytes: 21 },
    { desc: 'folded block joins lines with a space', yaml: '    - match: >\n        Host(`a.example.com`) &&\n        Path(`/x`)\n', rule: 'Host(`a.example.com`) && Path(`/x`)\n', bytes: 36 },
    { desc: 'literal block with two lines keeps the inner newline', yaml: '    - match: |\n        Host(`a.example.com`) &&\n        Path(`/x`)\n', rule: 'Host(`a.example.com`) &&\nPath(`/x`)\n', bytes: 36 },
    { desc: 'non-ASCII rule: é is 2 bytes', yaml: '    - match: Host(`a.example.com`) && Path(`/é`)\n', rule: 'Host(`a.example.com`) && Path(`/é`)', bytes: 36 },
    { desc: 'non-ASCII rule: 日本 is 6 bytes', yaml: '    - match: Path(`/日本`)\n', rule: 'Path(`/日本`)', bytes: 15 },
    { desc: 'non-ASCII rule: an emoji is 4 bytes (2 UTF-16 units)', yaml: '    - match: Path(`/😀`)\n', rule: 'Path(`/😀`)', bytes: 13 },
  ])('$desc', ({ yaml, rule, bytes }) => {
    const { config } = build(`${header('web', 'apps')}  routes:\n${yaml}      services: [{ name: web, port: 80 }]\n`);
    const routers = Object.values(config.routers);
    expect(routers).toHaveLength(1);
    const r = routers[0]!;
    expect(r.rule).toBe(rule);
    expect(r.name).toBe(`apps-web-${hash20(rule)}@kubernetescrd`);
    expect(r.effectivePriority).toBe(bytes);
  });

  it('pinned: the name of a `|` rule differs from the same rule without its newline', () => {
    // sha256("Host(`a.example.com`)\n") and sha256("Host(`a.example.com`)"), first 20 hex digits.
    expect(hash20('Host(`a.example.com`)\n')).not.toBe(hash20('Host(`a.example.com`)'));
    const lit = build(`${header('web', 'apps')}  routes:\n    - match: |\n        Host(\`a.example.com\`)\n      services: [{ name: web, port: 80 }]\n`);
    const plain = build(`${header('web', 'apps')}  routes:\n    - match: Host(\`a.example.com\`)\n      services: [{ name: web, port: 80 }]\n`);
    expect(Object.keys(lit.config.routers)).not.toEqual(Object.keys(plain.config.routers));
  });

  it('the documented example (Traefik docs): default-test-route-6b204d94623b3df4370c', () => {
    const { config } = build(`${header('test.route', 'default')}  routes:\n    - match: Host(\`foo.com\`) && PathPrefix(\`/bar\`)\n      services: [{ name: web, port: 80 }]\n`);
    expect(Object.keys(config.routers)).toEqual(['default-test-route-6b204d94623b3df4370c@kubernetescrd']);
  });

  it.each([
    // Normalize: every rune that is not a letter or a number separates; empty pieces vanish.
    { name: 'my.app_v2', expected: 'apps-my-app-v2' },
    { name: 'a..b', expected: 'apps-a-b' },
    { name: 'x-', expected: 'apps-x' },
  ])('Normalize applies to the IngressRoute name: $name', ({ name, expected }) => {
    const rule = 'Host(`n.example.com`)';
    const { config } = build(`${header(name, 'apps')}  routes:\n    - match: ${rule}\n      services: [{ name: web, port: 80 }]\n`);
    expect(Object.keys(config.routers)).toEqual([`${expected}-${hash20(rule)}@kubernetescrd`]);
  });

  it.each([
    // provider.Normalize keeps unicode.IsLetter || unicode.IsNumber runes: every Unicode number, not only digits.
    ['ns-a²', 'ns-a²'],
    ['ns-Ⅻ', 'ns-Ⅻ'],
    ['ns-½-x', 'ns-½-x'],
    ['ns-٣', 'ns-٣'],
    ['ns-é.ü', 'ns-é-ü'],
    ['ns--_a', 'ns-a'],
    ['ns-a\u00a0b', 'ns-a-b'],
  ])('Normalize(%j) = %j', (input, expected) => {
    expect(normalize(input)).toBe(expected);
  });

  it('an explicit priority replaces the rule length, a negative one is kept as is', () => {
    const { config } = build(`${header('web', 'apps')}  routes:
    - match: Host(\`a\`)
      priority: -5
      services: [{ name: web, port: 80 }]
    - match: Host(\`b\`)
      priority: 0
      services: [{ name: web, port: 80 }]
`);
    expect(Object.values(config.routers).map((r) => r.effectivePriority)).toEqual([-5, 9]);
  });
});

describe('weights of a route with several services (buildServicesLB: weight nil → 1, 0 kept)', () => {
  it('children named ns-svc-port with their weights; weight 0 stays 0 (WRR ignores it)', () => {
    const match = 'Host(`w.example.com`)';
    const { config } = build(`${header('web', 'apps')}  routes:
    - match: ${match}
      services:
        - { name: a, port: 80 }
        - { name: b, port: http, weight: 3 }
        - { name: c, port: 8080, weight: 0 }
`);
    const r = Object.values(config.routers)[0]!;
    expect(r.service).toBe(`apps-web-${hash20(match)}@kubernetescrd`);
    const svc = config.services[r.service]!;
    expect(svc).toMatchObject({ type: 'weighted', services: [{ name: 'apps-a-80@kubernetescrd', weight: 1 }, { name: 'apps-b-http@kubernetescrd', weight: 3 }, { name: 'apps-c-8080@kubernetescrd', weight: 0 }] });
  });
});

describe('cross-namespace Service and TraefikService references (nameAndService)', () => {
  const services = (body: string) => `${header('web', 'apps')}  routes:
    - match: Host(\`x.example.com\`)
      services:
${body}`;
  const traefikService = (name: string, ns: string) => `---
apiVersion: traefik.io/v1alpha1
kind: TraefikService
metadata: { name: ${name}, namespace: ${ns} }
spec:
  weighted:
    services: [{ name: s, port: 80 }]
`;

  it.each([
    { desc: 'Service in another namespace', body: '        - { name: api, port: 80, namespace: other }\n', extra: '' },
    { desc: 'TraefikService in another namespace', body: '        - { name: canary, kind: TraefikService, namespace: other }\n', extra: traefikService('canary', 'other') },
    { desc: 'second of two services in another namespace', body: '        - { name: a, port: 80 }\n        - { name: api, port: 80, namespace: other }\n', extra: '' },
  ])('denied without allowCrossNamespace: $desc (route skipped, error at the namespace)', ({ body, extra }) => {
    const text = services(body) + extra;
    const { config, diagnostics } = build(text);
    expect(enabled(config.routers)).toEqual([]);
    const d = diagnostics.find((x) => x.code === 'PROVIDER_CROSS_NAMESPACE')!;
    expect(d).toBeDefined();
    expect(text.slice(d.range.start, d.range.end)).toBe('other');
  });

  it.each([
    { desc: 'Service', body: '        - { name: api, port: 80, namespace: other }\n', extra: '', service: 'other-api-80@kubernetescrd' },
    { desc: 'TraefikService', body: '        - { name: canary, kind: TraefikService, namespace: other }\n', extra: traefikService('canary', 'other'), service: 'other-canary@kubernetescrd' },
  ])('allowed with allowCrossNamespace: $desc named after its own namespace', ({ body, extra, service }) => {
    const { config, diagnostics } = build(services(body) + extra, { allowCrossNamespace: true });
    expect(codes(diagnostics)).not.toContain('PROVIDER_CROSS_NAMESPACE');
    const routers = enabled(config.routers);
    expect(routers).toHaveLength(1);
    const r = routers[0]!;
    // One Kubernetes Service: the load balancer is named after the router; one TraefikService: used by name.
    if (service.endsWith('-80@kubernetescrd')) expect(r.service).toBe(`apps-web-${hash20('Host(`x.example.com`)')}@kubernetescrd`);
    else expect(r.service).toBe(service);
  });

  it('the same namespace written out is not a cross-namespace reference', () => {
    const { diagnostics, config } = build(services('        - { name: api, port: 80, namespace: apps }\n'));
    expect(codes(diagnostics)).not.toContain('PROVIDER_CROSS_NAMESPACE');
    expect(enabled(config.routers)).toHaveLength(1);
  });

  it('a provider-qualified TraefikService skips the namespace check (its namespace is ignored)', () => {
    // nameAndService only defaults and checks the namespace of names without "@".
    const { diagnostics, config } = build(services('        - { name: external@file, kind: TraefikService, namespace: other }\n'));
    expect(codes(diagnostics)).not.toContain('PROVIDER_CROSS_NAMESPACE');
    expect(enabled(config.routers).map((r) => r.service)).toEqual(['external@file']);
  });

  it.each([
    // fullServiceName: `x@kubernetescrd` → Normalize(namespace + "-" + x) with the namespace as written,
    // so without a namespace the name is taken as a whole id ("-apps-canary" normalizes to "apps-canary").
    { desc: 'without namespace: the name is the whole id', body: '        - { name: apps-canary@kubernetescrd, kind: TraefikService }\n' },
    { desc: 'with a namespace: namespace-name', body: '        - { name: canary@kubernetescrd, kind: TraefikService, namespace: apps }\n' },
  ])('x@kubernetescrd TraefikService reference, $desc', ({ body }) => {
    const text = services(body).replace('namespace: apps\nspec:', 'namespace: shop\nspec:') + traefikService('canary', 'apps');
    const { config, diagnostics } = build(text);
    expect(codes(diagnostics)).not.toContain('PROVIDER_CROSS_NAMESPACE');
    expect(enabled(config.routers).map((r) => r.service)).toEqual(['apps-canary@kubernetescrd']);
  });

  it('children of a TraefikService are checked against the TraefikService namespace', () => {
    const text = `${services('        - { name: split, kind: TraefikService }\n')}---
apiVersion: traefik.io/v1alpha1
kind: TraefikService
metadata: { name: split, namespace: apps }
spec:
  weighted:
    services:
      - { name: v1, port: 80 }
      - { name: v2, port: 80, namespace: other }
`;
    const denied = build(text);
    expect(codes(denied.diagnostics)).toContain('PROVIDER_CROSS_NAMESPACE');
    expect(denied.config.services['apps-split@kubernetescrd']).toBeUndefined();
    const allowed = build(text, { allowCrossNamespace: true });
    expect(allowed.config.services['apps-split@kubernetescrd']).toMatchObject({ type: 'weighted', services: [{ name: 'apps-v1-80@kubernetescrd', weight: 1 }, { name: 'other-v2-80@kubernetescrd', weight: 1 }] });
  });
});

describe('TLS-option conflicts of routers without a Host rule (findConflictingRouters)', () => {
  const opts = `---
apiVersion: traefik.io/v1alpha1
kind: TLSOption
metadata: { name: strict, namespace: apps }
spec: { minVersion: VersionTLS13 }
`;
  const route = (match: string, eps: string, options: string) => `${header('web', 'apps')}  entryPoints: [${eps}]
  routes:
    - match: '${match}'
      services: [{ name: web, port: 80 }]
  tls: {${options}}
`;

  it.each([
    { desc: 'PathPrefix only, non-default option: conflicted', match: 'PathPrefix(`/x`)', options: ' options: { name: strict } ', conflicted: true },
    { desc: 'HostRegexp is not a domain: conflicted', match: 'HostRegexp(`^a\\.example\\.com$`)', options: ' options: { name: strict } ', conflicted: true },
    { desc: 'a negated Host still gives a domain: not conflicted', match: '!Host(`a.example.com`)', options: ' options: { name: strict } ', conflicted: false },
    { desc: 'no Host and the default option: not conflicted', match: 'PathPrefix(`/x`)', options: '', conflicted: false },
  ])('$desc', ({ match, options, conflicted }) => {
    const { config } = build(route(match, 'websecure', options) + opts);
    const key = `apps-web-${hash20(match)}`;
    if (conflicted) {
      expect(Object.keys(config.routers)).toEqual([`websecure-conflicted-${key}@kubernetescrd`]);
      expect(config.routers[`websecure-conflicted-${key}@kubernetescrd`]!.tls?.resolvedOptions).toBe('default');
    } else {
      expect(Object.keys(config.routers)).toEqual([`${key}@kubernetescrd`]);
    }
  });

  it('without a Host the conflict holds on every entryPoint: no router keeps the original name', () => {
    const match = 'PathPrefix(`/x`)';
    const { config } = build(route(match, 'web, websecure', ' options: { name: strict } ') + opts);
    const key = `apps-web-${hash20(match)}`;
    expect(Object.keys(config.routers).sort()).toEqual([`web-conflicted-${key}@kubernetescrd`, `websecure-conflicted-${key}@kubernetescrd`]);
  });

  it('a router in conflict on one entryPoint keeps its name on the other', () => {
    const both = route('Host(`a.example.com`)', 'web, websecure', ' options: { name: strict } ');
    const other = `---\n${header('other', 'apps')}  entryPoints: [websecure]\n  routes:\n    - match: Host(\`a.example.com\`) && Path(\`/y\`)\n      services: [{ name: web, port: 80 }]\n  tls: {}\n`;
    const { config } = build(both + other + opts);
    const a = `apps-web-${hash20('Host(`a.example.com`)')}`;
    const b = `apps-other-${hash20('Host(`a.example.com`) && Path(`/y`)')}`;
    expect(Object.keys(config.routers).sort()).toEqual([`${a}@kubernetescrd`, `websecure-conflicted-${a}@kubernetescrd`, `websecure-conflicted-${b}@kubernetescrd`].sort());
    expect(config.routers[`${a}@kubernetescrd`]!.entryPoints).toEqual(['web']);
    expect(config.routers[`${a}@kubernetescrd`]!.tls?.resolvedOptions).toBe('apps-strict@kubernetescrd');
  });
});
