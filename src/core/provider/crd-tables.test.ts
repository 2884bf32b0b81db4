// Table tests of the CRD provider's output, written from pkg/provider/kubernetes/crd (kubernetes.go,
// kubernetes_http.go) and modelled on the cases of its kubernetes_test.go: the fixtures are this
// project's, the expected dynamic configurations are written out (names, rules, priorities,
// entryPoints, middlewares, services, TLS) and checked through the CLI's `export --format dynamic-json`.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportCommand } from '../../cli/commands.ts';
import { settingsFrom } from '../../cli/io.ts';
import { analyze } from '../analyze.ts';

/** Two Services with ready endpoints: whoami in default, whoami-svc in cross-ns (both port web:80). */
const SERVICES = `apiVersion: v1
kind: Service
metadata: { name: whoami, namespace: default }
spec:
  ports: [{ name: web, port: 80 }]
---
apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata:
  name: whoami-x1
  namespace: default
  labels: { kubernetes.io/service-name: whoami }
addressType: IPv4
ports: [{ name: web, port: 80 }]
endpoints:
  - addresses: [10.10.0.1, 10.10.0.2]
    conditions: { ready: true }
---
apiVersion: v1
kind: Service
metadata: { name: whoami-svc, namespace: cross-ns }
spec:
  ports: [{ name: web, port: 80 }]
---
apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata:
  name: whoami-svc-x1
  namespace: cross-ns
  labels: { kubernetes.io/service-name: whoami-svc }
addressType: IPv4
ports: [{ name: web, port: 80 }]
endpoints:
  - addresses: [10.10.0.1, 10.10.0.2]
    conditions: { ready: true }
`;

/** The load balancer Traefik builds over whoami's endpoints, in the file provider's shape. */
const WHOAMI_LB = {
  loadBalancer: { servers: [{ url: 'http://10.10.0.1:80' }, { url: 'http://10.10.0.2:80' }], passHostHeader: true, responseForwarding: { flushInterval: '100ms' } },
};

let dir: string | undefined;

interface ExportOptions {
  /** A traefik.yml, passed with --static. */
  static?: string;
  strict?: boolean;
}

/** `export - --format dynamic-json [--static FILE] [--strict]` through the CLI's own command, parsed. */
function exportDynamic(yaml: string, options: ExportOptions = {}): { http: { routers: Record<string, unknown>; services: Record<string, unknown>; middlewares: Record<string, unknown> }; tls?: { options: Record<string, unknown> } } {
  let staticPath: string | undefined;
  if (options.static) {
    dir ??= mkdtempSync(join(tmpdir(), 'crd-tables-'));
    staticPath = join(dir, `traefik-${Math.abs(hashOf(options.static))}.yml`);
    writeFileSync(staticPath, options.static);
  }
  let out = '';
  let err = '';
  const io = { stdout: (t: string) => void (out += t), stderr: (t: string) => void (err += t), readStdin: () => yaml };
  const code = exportCommand({ files: ['-'], format: 'dynamic-json', static: staticPath, strict: options.strict }, io);
  if (code !== 0) throw new Error(`export failed (${code}): ${err}`);
  return JSON.parse(out);
}

/** The diagnostics of the same workspace with the same options, as `validate` sees them. */
function diagnosticsOf(yaml: string, options: ExportOptions = {}) {
  let staticPath: string | undefined;
  if (options.static) {
    dir ??= mkdtempSync(join(tmpdir(), 'crd-tables-'));
    staticPath = join(dir, `traefik-${Math.abs(hashOf(options.static))}.yml`);
    writeFileSync(staticPath, options.static);
  }
  const settings = settingsFrom({ static: staticPath, strict: options.strict });
  return analyze([{ name: 'w.yaml', text: yaml }], settings);
}

function hashOf(text: string): number {
  let h = 7;
  for (let i = 0; i < text.length; i++) h = (h * 31 + text.charCodeAt(i)) | 0;
  return h;
}

/** A traefik.yml with these providers.kubernetesCRD options. */
function crdStatic(options: Record<string, unknown>): string {
  const lines = Object.entries(options).map(([k, v]) => `    ${k}: ${JSON.stringify(v)}`);
  return `entryPoints:\n  web: { address: ":80" }\n  websecure: { address: ":443" }\n  foo: { address: ":8000" }\nproviders:\n  kubernetesCRD:\n${lines.join('\n')}\n`;
}

const ir = (name: string, ns: string, body: string) => `---
apiVersion: traefik.io/v1alpha1
kind: IngressRoute
metadata: { name: ${name}, namespace: ${ns} }
spec:
${body}`;
const mw = (name: string, ns: string, spec: string) => `---
apiVersion: traefik.io/v1alpha1
kind: Middleware
metadata: { name: ${name}, namespace: ${ns} }
spec: ${spec}
`;
const codes = (yaml: string, options: ExportOptions = {}) => diagnosticsOf(yaml, options).diagnostics.map((d) => d.code);
const routerOf = (yaml: string, name: string, options: ExportOptions = {}) => diagnosticsOf(yaml, options).config.routers[`${name}@kubernetescrd`];

// with_middleware_cross_provider.yml, in our words.
const CROSS_PROVIDER = SERVICES + mw('stripprefix', 'default', '{ stripPrefix: { prefixes: [/tobestripped] } }') + mw('addprefix', 'foo', '{ addPrefix: { prefix: /tobeadded } }') + ir('test2.route', 'default', `  entryPoints: [web]
  routes:
    - match: Host(\`foo.com\`) && PathPrefix(\`/tobestripped\`)
      priority: 12
      kind: Rule
      services: [{ name: whoami, port: 80 }]
      middlewares:
        - name: stripprefix
        - { name: addprefix, namespace: foo }
        - name: basicauth@file
        - { name: redirect@file, namespace: foo }
`);
const CROSS_PROVIDER_MIDDLEWARES = { 'default-stripprefix': { stripPrefix: { prefixes: ['/tobestripped'] } }, 'foo-addprefix': { addPrefix: { prefix: '/tobeadded' } } };

describe('1. provider options crossProviderNamespaces and disableClusterScopeResources', () => {
  const emitted = {
    routers: {
      'default-test2-route-23c7f4c450289ee29016': {
        entryPoints: ['web'], rule: 'Host(`foo.com`) && PathPrefix(`/tobestripped`)', priority: 12,
        middlewares: ['default-stripprefix', 'foo-addprefix', 'basicauth@file', 'redirect@file'], service: 'default-test2-route-23c7f4c450289ee29016',
      },
    },
    services: { 'default-test2-route-23c7f4c450289ee29016': WHOAMI_LB },
    middlewares: CROSS_PROVIDER_MIDDLEWARES,
  };
  // The route is skipped before its service is built: neither is emitted.
  const dropped = { routers: {}, services: {}, middlewares: CROSS_PROVIDER_MIDDLEWARES };
  it.each([
    ['unset: every namespace may reference other providers', undefined, emitted],
    ['[default]: the IngressRoute namespace is allowed', ['default'], emitted],
    ['[]: no namespace is allowed, the route is dropped', [], dropped],
    ['[other]: the IngressRoute namespace is not allowed, the route is dropped', ['other'], dropped],
  ])('crossProviderNamespaces %s', (_desc, list, expected) => {
    const options = list === undefined ? { allowCrossNamespace: true } : { allowCrossNamespace: true, crossProviderNamespaces: list };
    expect(exportDynamic(CROSS_PROVIDER, { static: crdStatic(options) }).http).toEqual(expected);
    if (expected === dropped) expect(codes(CROSS_PROVIDER, { static: crdStatic(options) })).toContain('PROVIDER_CROSS_PROVIDER');
  });

  it('crossProviderNamespaces gates TLS options of other providers (the route is dropped, its service stays)', () => {
    const yaml = SERVICES + ir('test.route', 'default', `  entryPoints: [web]
  routes:
    - { match: Host(\`foo.com\`) && PathPrefix(\`/bar\`), priority: 12, services: [{ name: whoami, port: 80 }] }
  tls: { options: { name: modern@file } }
`);
    expect(exportDynamic(yaml, { static: crdStatic({ crossProviderNamespaces: ['default'] }) }).http.routers).toEqual({
      'default-test-route-6b204d94623b3df4370c': { entryPoints: ['web'], rule: 'Host(`foo.com`) && PathPrefix(`/bar`)', priority: 12, service: 'default-test-route-6b204d94623b3df4370c', tls: { options: 'modern@file' } },
    });
    expect(exportDynamic(yaml, { static: crdStatic({ crossProviderNamespaces: ['other'] }) }).http).toEqual({ routers: {}, services: { 'default-test-route-6b204d94623b3df4370c': WHOAMI_LB }, middlewares: {} });
  });

  // with_node_port_lb.yml: a NodePort Service with nodePortLB needs the Nodes.
  const NODE_PORT = `apiVersion: v1
kind: Service
metadata: { name: nodeport-svc, namespace: default }
spec:
  type: NodePort
  clusterIP: 10.10.0.1
  ports: [{ name: web, port: 80, nodePort: 32456 }]
` + ir('test.route', 'default', `  entryPoints: [foo]
  routes:
    - { match: Host(\`foo.com\`), kind: Rule, services: [{ name: nodeport-svc, port: 80, nodePortLB: true }] }
`);
  it('disableClusterScopeResources: nodePortLB cannot be built, the route and its service are dropped', () => {
    expect(exportDynamic(NODE_PORT, { static: crdStatic({ disableClusterScopeResources: true }) }).http).toEqual({ routers: {}, services: {}, middlewares: {} });
    expect(codes(NODE_PORT, { static: crdStatic({ disableClusterScopeResources: true }) })).toContain('PROVIDER_NODES_DISABLED');
    // Without it Traefik load-balances over the Nodes' InternalIPs, which are not in the workspace.
    const open = exportDynamic(NODE_PORT, { static: crdStatic({}) }).http.routers;
    expect(Object.keys(open)).toEqual(['default-test-route-6f97418635c7e18853da']);
    expect(codes(NODE_PORT, { static: crdStatic({}) })).toContain('PROVIDER_NODES_ASSUMED');
  });
});

describe('2. routers the provider emits and the router manager fails', () => {
  it('a TLS option that does not exist (with_unknown_tls_options.yml)', () => {
    const yaml = SERVICES + `---
apiVersion: traefik.io/v1alpha1
kind: TLSOption
metadata: { name: foo, namespace: default }
spec: { minVersion: VersionTLS12 }
` + ir('test.route', 'default', `  entryPoints: [web]
  routes:
    - { match: Host(\`foo.com\`) && PathPrefix(\`/bar\`), kind: Rule, priority: 12, services: [{ name: whoami, port: 80 }] }
  tls: { options: { name: unknown } }
`);
    const out = exportDynamic(yaml);
    expect(out.http.routers).toEqual({
      'default-test-route-6b204d94623b3df4370c': { entryPoints: ['web'], rule: 'Host(`foo.com`) && PathPrefix(`/bar`)', priority: 12, service: 'default-test-route-6b204d94623b3df4370c', tls: { options: 'default-unknown' } },
    });
    expect(out.http.services).toEqual({ 'default-test-route-6b204d94623b3df4370c': WHOAMI_LB });
    expect(Object.keys(out.tls?.options ?? {})).toEqual(['default-foo']);
    expect(routerOf(yaml, 'default-test-route-6b204d94623b3df4370c')?.disabled?.code).toBe('PROVIDER_TLS_OPTION_NOT_FOUND');
  });

  it('TLSOption default in two namespaces: both dropped, the routers still emitted (with_default_tls_options*.yml)', () => {
    const option = (ns: string) => `---
apiVersion: traefik.io/v1alpha1
kind: TLSOption
metadata: { name: default, namespace: ${ns} }
spec: { minVersion: VersionTLS12, sniStrict: true }
`;
    const route = (name: string) => ir(name, 'default', `  entryPoints: [web]
  routes:
    - { match: Host(\`foo.com\`) && PathPrefix(\`/bar\`), kind: Rule, priority: 12, services: [{ name: whoami, port: 80 }] }
  tls: { options: { name: foo } }
`);
    const out = exportDynamic(SERVICES + option('foo') + option('default') + route('test.route') + route('test.route.default'));
    expect(out.http.routers).toEqual({
      'default-test-route-6b204d94623b3df4370c': { entryPoints: ['web'], rule: 'Host(`foo.com`) && PathPrefix(`/bar`)', priority: 12, service: 'default-test-route-6b204d94623b3df4370c', tls: { options: 'default-foo' } },
      'default-test-route-default-6b204d94623b3df4370c': { entryPoints: ['web'], rule: 'Host(`foo.com`) && PathPrefix(`/bar`)', priority: 12, service: 'default-test-route-default-6b204d94623b3df4370c', tls: { options: 'default-foo' } },
    });
    expect(out.http.services).toEqual({ 'default-test-route-6b204d94623b3df4370c': WHOAMI_LB, 'default-test-route-default-6b204d94623b3df4370c': WHOAMI_LB });
    expect(out.tls?.options ?? {}).toEqual({});
  });

  it('a rule that does not parse', () => {
    const yaml = SERVICES + ir('test.route', 'default', `  entryPoints: [web]
  routes:
    - { match: "Host(\`foo.com\`", kind: Rule, services: [{ name: whoami, port: 80 }] }
`);
    expect(exportDynamic(yaml).http).toEqual({
      routers: { 'default-test-route-c3619300adac39849680': { entryPoints: ['web'], rule: 'Host(`foo.com`', service: 'default-test-route-c3619300adac39849680' } },
      services: { 'default-test-route-c3619300adac39849680': WHOAMI_LB },
      middlewares: {},
    });
    expect(routerOf(yaml, 'default-test-route-c3619300adac39849680')?.disabled?.code).toMatch(/^RULE_/);
  });

  it('a chain whose member does not exist: chain and router emitted, the router fails', () => {
    const yaml = SERVICES + mw('test-chain', 'default', '{ chain: { middlewares: [{ name: missing-one }] } }') + ir('test.route', 'default', `  entryPoints: [web]
  routes:
    - { match: Host(\`foo.com\`) && PathPrefix(\`/bar\`), priority: 12, middlewares: [{ name: test-chain }], services: [{ name: whoami, port: 80 }] }
`);
    expect(exportDynamic(yaml).http).toEqual({
      routers: { 'default-test-route-6b204d94623b3df4370c': { entryPoints: ['web'], rule: 'Host(`foo.com`) && PathPrefix(`/bar`)', priority: 12, middlewares: ['default-test-chain'], service: 'default-test-route-6b204d94623b3df4370c' } },
      services: { 'default-test-route-6b204d94623b3df4370c': WHOAMI_LB },
      middlewares: { 'default-test-chain': { chain: { middlewares: ['default-missing-one'] } } },
    });
    expect(routerOf(yaml, 'default-test-route-6b204d94623b3df4370c')?.disabled?.code).toBe('PROVIDER_MIDDLEWARE_NOT_FOUND');
  });

  const CHILD_SERVICE = `---
apiVersion: v1
kind: Service
metadata: { name: child-service, namespace: default }
spec: { ports: [{ name: web, port: 9000 }] }
---
apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata: { name: child-service-x1, namespace: default, labels: { kubernetes.io/service-name: child-service } }
addressType: IPv4
ports: [{ name: web, port: 9000 }]
endpoints: [{ addresses: [10.10.2.1, 10.10.2.2], conditions: { ready: true } }]
`;
  it('a parent router without service, with its child (parent_refs_single_parent_single_route.yml)', () => {
    const yaml = CHILD_SERVICE + ir('parent-single', 'default', `  entryPoints: [web]
  routes: [{ match: Host(\`parent.example.com\`), kind: Rule }]
`) + ir('child-single', 'default', `  parentRefs: [{ name: parent-single, namespace: default }]
  routes: [{ match: Path(\`/api\`), kind: Rule, services: [{ name: child-service, port: 9000 }] }]
`);
    expect(exportDynamic(yaml).http).toEqual({
      routers: {
        'default-parent-single-3c07cfffe8e5f876a01e': { entryPoints: ['web'], rule: 'Host(`parent.example.com`)' },
        'default-child-single-2bba0a3de1b50b70a519': { rule: 'Path(`/api`)', service: 'default-child-single-2bba0a3de1b50b70a519', parentRefs: ['default-parent-single-3c07cfffe8e5f876a01e'] },
      },
      services: { 'default-child-single-2bba0a3de1b50b70a519': { loadBalancer: { servers: [{ url: 'http://10.10.2.1:9000' }, { url: 'http://10.10.2.2:9000' }], passHostHeader: true, responseForwarding: { flushInterval: '100ms' } } } },
      middlewares: {},
    });
  });

  it('3. a child whose parent is denied (cross-namespace) is skipped with its service; the lone parent is emitted and fails', () => {
    const yaml = CHILD_SERVICE.replaceAll('namespace: default', 'namespace: ns-b') + ir('parent-cross', 'ns-a', `  entryPoints: [web]
  routes: [{ match: Host(\`cross.example.com\`), kind: Rule }]
`) + ir('child-cross', 'ns-b', `  parentRefs: [{ name: parent-cross, namespace: ns-a }]
  routes: [{ match: Path(\`/api\`), kind: Rule, services: [{ name: child-service, port: 9000 }] }]
`);
    expect(exportDynamic(yaml).http).toEqual({ routers: { 'ns-a-parent-cross-74575ab54671a3ede28c': { entryPoints: ['web'], rule: 'Host(`cross.example.com`)' } }, services: {}, middlewares: {} });
    expect(routerOf(yaml, 'ns-a-parent-cross-74575ab54671a3ede28c')?.disabled?.code).toBe('PROVIDER_NO_SERVICE');
  });

  it('3. a missing parent skips the IngressRoute before any service is built (parent_refs_missing_parent.yml)', () => {
    const yaml = CHILD_SERVICE + ir('child-missing', 'default', `  parentRefs: [{ name: does-not-exist }]
  routes: [{ match: Path(\`/api\`), kind: Rule, services: [{ name: child-service, port: 9000 }] }]
`);
    expect(exportDynamic(yaml).http).toEqual({ routers: {}, services: {}, middlewares: {} });
    expect(codes(yaml)).toContain('PROVIDER_PARENT_NOT_FOUND');
  });
});

// with_middleware_cross_namespace.yml, in our words: four routes with references into cross-ns.
const CROSS_NS = SERVICES + ir('test-crossnamespace.route', 'default', `  entryPoints: [foo]
  routes:
    - match: Host(\`foo.com\`) && PathPrefix(\`/bar\`)
      priority: 12
      services: [{ name: whoami, namespace: default, port: 80 }]
      middlewares: [{ name: stripprefix, namespace: cross-ns }]
    - match: Host(\`foo.com\`) && PathPrefix(\`/bir\`)
      priority: 12
      services: [{ name: whoami, namespace: default, port: 80 }]
      middlewares: [{ name: test-errorpage }]
    - match: Host(\`foo.com\`) && PathPrefix(\`/bur\`)
      priority: 12
      services: [{ name: whoami, namespace: default, port: 80 }]
      middlewares: [{ name: cross-ns-stripprefix@kubernetescrd }]
    - match: Host(\`foo.com\`) && PathPrefix(\`/chain\`)
      priority: 12
      services: [{ name: whoami, namespace: default, port: 80 }]
      middlewares: [{ name: test-chain }, { name: test-chain-cross-provider }]
`) + mw('stripprefix', 'cross-ns', '{ stripPrefix: { prefixes: [/stripit] } }')
  + mw('test-chain', 'default', '{ chain: { middlewares: [{ name: stripprefix, namespace: cross-ns }] } }')
  + mw('test-chain-cross-provider', 'default', '{ chain: { middlewares: [{ name: other-middleware@kubernetescrd }] } }')
  + mw('test-errorpage', 'default', `
  errors:
    status: [500-599]
    query: /{status}.html
    service: { name: whoami-svc, namespace: cross-ns, port: 80 }`);

const route = (hash: string, path: string, middlewares: string[]) => [
  `default-test-crossnamespace-route-${hash}`,
  { entryPoints: ['foo'], rule: `Host(\`foo.com\`) && PathPrefix(\`/${path}\`)`, priority: 12, middlewares, service: `default-test-crossnamespace-route-${hash}` },
] as const;

describe('3–5. skipped routes, dropped middlewares, names as written (with_middleware_cross_namespace.yml)', () => {
  it('cross-namespace off: /bar is skipped with its service; errors and chains that cross are dropped, their routers emitted', () => {
    const out = exportDynamic(CROSS_NS);
    expect(out.http.routers).toEqual(Object.fromEntries([
      route('9313b71dbe6a649d5049', 'bir', ['default-test-errorpage']),
      route('4932ffbbcd99474df323', 'chain', ['default-test-chain', 'default-test-chain-cross-provider']),
    ]));
    expect(out.http.middlewares).toEqual({ 'cross-ns-stripprefix': { stripPrefix: { prefixes: ['/stripit'] } } });
    expect(out.http.services).toEqual({ 'default-test-crossnamespace-route-9313b71dbe6a649d5049': WHOAMI_LB, 'default-test-crossnamespace-route-4932ffbbcd99474df323': WHOAMI_LB });
    const a = diagnosticsOf(CROSS_NS);
    expect(a.diagnostics.map((d) => d.code)).toContain('PROVIDER_MIDDLEWARE_DROPPED');
    // The routers table keeps all four: one skipped, the others emitted and failing.
    expect(Object.values(a.config.routers).map((r) => r.disabled?.code)).toEqual(['PROVIDER_ROUTE_SKIPPED', 'PROVIDER_MIDDLEWARE_NOT_FOUND', 'PROVIDER_ROUTE_SKIPPED', 'PROVIDER_MIDDLEWARE_NOT_FOUND']);
  });

  it('cross-namespace on: every route emitted, provider-qualified references kept as written', () => {
    const out = exportDynamic(CROSS_NS, { static: crdStatic({ allowCrossNamespace: true }) });
    expect(out.http.routers).toEqual(Object.fromEntries([
      route('6b204d94623b3df4370c', 'bar', ['cross-ns-stripprefix']),
      route('9313b71dbe6a649d5049', 'bir', ['default-test-errorpage']),
      route('a1963878aac7331b7950', 'bur', ['cross-ns-stripprefix@kubernetescrd']),
      route('4932ffbbcd99474df323', 'chain', ['default-test-chain', 'default-test-chain-cross-provider']),
    ]));
    expect(out.http.middlewares).toEqual({
      'cross-ns-stripprefix': { stripPrefix: { prefixes: ['/stripit'] } },
      'default-test-errorpage': { errors: { status: ['500-599'], query: '/{status}.html', service: 'default-test-errorpage-errorpage-service' } },
      'default-test-chain': { chain: { middlewares: ['cross-ns-stripprefix'] } },
      'default-test-chain-cross-provider': { chain: { middlewares: ['other-middleware@kubernetescrd'] } },
    });
    expect(Object.keys(out.http.services).sort()).toEqual([
      'default-test-crossnamespace-route-4932ffbbcd99474df323', 'default-test-crossnamespace-route-6b204d94623b3df4370c',
      'default-test-crossnamespace-route-9313b71dbe6a649d5049', 'default-test-crossnamespace-route-a1963878aac7331b7950', 'default-test-errorpage-errorpage-service',
    ]);
    expect(out.http.services['default-test-errorpage-errorpage-service']).toEqual(WHOAMI_LB);
  });

  it('3. a TLS option in another namespace: the service is built first and stays, the router goes (with_tls_options_cross_namespace.yml)', () => {
    const yaml = SERVICES + ir('test.route', 'default', `  entryPoints: [foo]
  routes:
    - { match: Host(\`foo.com\`) && PathPrefix(\`/bar\`), kind: Rule, priority: 12, services: [{ name: whoami, port: 80 }] }
  tls: { options: { name: tls-options-cn, namespace: cross-ns } }
`) + `---
apiVersion: traefik.io/v1alpha1
kind: TLSOption
metadata: { name: tls-options-cn, namespace: cross-ns }
spec: { minVersion: VersionTLS12 }
`;
    const out = exportDynamic(yaml);
    expect(out.http).toEqual({ routers: {}, services: { 'default-test-route-6b204d94623b3df4370c': WHOAMI_LB }, middlewares: {} });
    expect(Object.keys(out.tls?.options ?? {})).toEqual(['cross-ns-tls-options-cn']);
  });
});

describe('5. a ServersTransport written with its provider (with_servers_transport_cross_namespace.yml)', () => {
  // Traefik's table: ForwardingTimeouts SetDefaults (dial 30s, idle 90s, ping 15s) plus what the spec sets.
  const ST_CROSS_NS = { 'cross-ns-st-cross-ns': { forwardingTimeouts: { dialTimeout: '30s', idleConnTimeout: '1m30s', pingTimeout: '15s' }, disableHTTP2: true } };
  const yaml = SERVICES + ir('test.route', 'default', `  entryPoints: [foo]
  routes:
    - match: Host(\`foo.com\`) && PathPrefix(\`/bar\`)
      priority: 12
      services: [{ name: whoami, port: 80, serversTransport: cross-ns-st-cross-ns@kubernetescrd }]
`) + `---
apiVersion: traefik.io/v1alpha1
kind: ServersTransport
metadata: { name: st-cross-ns, namespace: cross-ns }
spec: { disableHTTP2: true }
`;
  it('cross-namespace on: kept as written on the load balancer', () => {
    expect(exportDynamic(yaml, { static: crdStatic({ allowCrossNamespace: true }) }).http).toEqual({
      routers: { 'default-test-route-6b204d94623b3df4370c': { entryPoints: ['foo'], rule: 'Host(`foo.com`) && PathPrefix(`/bar`)', priority: 12, service: 'default-test-route-6b204d94623b3df4370c' } },
      services: { 'default-test-route-6b204d94623b3df4370c': { loadBalancer: { ...WHOAMI_LB.loadBalancer, serversTransport: 'cross-ns-st-cross-ns@kubernetescrd' } } },
      middlewares: {},
      serversTransports: ST_CROSS_NS,
    });
  });
  it('cross-namespace off: the service cannot be built, the route is skipped; the ServersTransport is still emitted', () => {
    expect(exportDynamic(yaml).http).toEqual({ routers: {}, services: {}, middlewares: {}, serversTransports: ST_CROSS_NS });
  });
});

describe('4. Middlewares the provider cannot build are dropped', () => {
  const plugin = (secret: string) => mw('test-secret', 'default', `{ plugin: { test-secret: { user: admin, secret: "urn:k8s:secret:${secret}:key" } } }`);
  const SECRET = `---
apiVersion: v1
kind: Secret
metadata: { name: name, namespace: default }
data: { key: dGhpc19pc190aGVfc2VjcmV0 }
`;
  it('plugin: a urn:k8s:secret value is read from the Secret (with_plugin_read_secret.yml)', () => {
    expect(exportDynamic(SECRET + plugin('name')).http.middlewares).toEqual({ 'default-test-secret': { plugin: { 'test-secret': { user: 'admin', secret: 'this_is_the_secret' } } } });
  });
  it('plugin: a Secret that does not exist drops the Middleware (strict: the workspace is the cluster)', () => {
    expect(exportDynamic(plugin('notfound'), { strict: true }).http.middlewares).toEqual({});
    expect(codes(plugin('notfound'), { strict: true })).toContain('PROVIDER_MIDDLEWARE_DROPPED');
    // Not strict, and no Secret of that namespace in the workspace: the Secret is assumed, the reference kept.
    expect(exportDynamic(plugin('notfound')).http.middlewares).toEqual({ 'default-test-secret': { plugin: { 'test-secret': { user: 'admin', secret: 'urn:k8s:secret:notfound:key' } } } });
    expect(codes(plugin('notfound'))).toContain('PROVIDER_SECRET_NOT_FOUND');
    // A Secret of the namespace is in the workspace, but not this one: missing, dropped.
    expect(exportDynamic(SECRET + plugin('notfound')).http.middlewares).toEqual({});
  });

  it('basicAuth and digestAuth read their users from the Secret (with_auth.yml)', () => {
    const yaml = `---
apiVersion: v1
kind: Secret
metadata: { name: authsecret, namespace: default }
data:
  users: dGVzdDokYXByMSRINnVza2trVyRJZ1hMUDZld1RyU3VCa1RycUU4d2ovCnRlc3QyOiRhcHIxJGQ5aHI5SEJCJDRIeHdnVWlyM0hQNEVzZ2dQL1FObzAK
` + mw('basicauth', 'default', '{ basicAuth: { secret: authsecret } }') + mw('digestauth', 'default', '{ digestAuth: { secret: authsecret } }');
    const users = ['test:$apr1$H6uskkkW$IgXLP6ewTrSuBkTrqE8wj/', 'test2:$apr1$d9hr9HBB$4HxwgUir3HP4EsggP/QNo0'];
    expect(exportDynamic(yaml).http.middlewares).toEqual({ 'default-basicauth': { basicAuth: { users } }, 'default-digestauth': { digestAuth: { users } } });
  });

  it('basicAuth over a kubernetes.io/basic-auth Secret: user:{SHA}base64(sha1(password)); unreadable Secrets drop it', () => {
    const secret = (data: string) => `---
apiVersion: v1
kind: Secret
type: kubernetes.io/basic-auth
metadata: { name: creds, namespace: default }
data: ${data}
`;
    const auth = mw('auth', 'default', '{ basicAuth: { secret: creds, realm: shop } }');
    expect(exportDynamic(secret('{ username: YWxpY2U=, password: c2VjcmV0 }') + auth).http.middlewares).toEqual({ 'default-auth': { basicAuth: { users: ['alice:{SHA}5en6G6MezRroT3XKqkdPOmY/BfQ='], realm: 'shop' } } });
    expect(exportDynamic(secret('{ username: YWxpY2U= }') + auth).http.middlewares).toEqual({});
    expect(exportDynamic(mw('auth', 'default', '{ basicAuth: { realm: shop } }')).http.middlewares).toEqual({});
  });

  it('a Chain that references name@otherprovider is kept', () => {
    expect(exportDynamic(mw('secured', 'default', '{ chain: { middlewares: [{ name: auth@file }, { name: compress }] } }') + mw('compress', 'default', '{ compress: {} }')).http.middlewares).toEqual({
      'default-secured': { chain: { middlewares: ['auth@file', 'default-compress'] } },
      'default-compress': { compress: {} },
    });
  });
});

describe('6. default entryPoints', () => {
  const yaml = SERVICES + ir('test.route', 'default', `  routes:
    - { match: Host(\`foo.com\`) && PathPrefix(\`/bar\`), services: [{ name: whoami, port: 80 }] }
`);
  it('an IngressRoute without entryPoints exports a router with none; the router manager applies the defaults', () => {
    expect(exportDynamic(yaml).http.routers).toEqual({ 'default-test-route-6b204d94623b3df4370c': { rule: 'Host(`foo.com`) && PathPrefix(`/bar`)', service: 'default-test-route-6b204d94623b3df4370c' } });
    const router = routerOf(yaml, 'default-test-route-6b204d94623b3df4370c')!;
    expect(router.entryPoints).toEqual(['web', 'websecure']);
    expect(router.defaultEntryPoints).toBe(true);
  });
});
