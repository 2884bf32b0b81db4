// Table tests written from pkg/provider/kubernetes/ingress/kubernetes_test.go (TestLoadConfigurationFromIngresses)
// and its fixtures: each case rebuilds the fixture's objects and states Traefik's expected configuration.
import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../provider/settings.ts';
import type { DynamicConfig, IngressProviderSettings, Settings } from '../types.ts';
import { buildIngressConfig } from './kubernetes-ingress.ts';
import { fixtureResources, ingressYaml, serviceYaml } from './test-support.ts';

const svc1 = serviceYaml('testing', 'service1', [{ port: 80 }], { addresses: ['10.10.0.1', '10.21.0.1'], ports: [{ port: 8080 }] });

interface Expected {
  routers: Record<string, { rule: string; service: string; priority?: number; entryPoints?: string[]; middlewares?: string[]; ruleSyntax?: string; tls?: unknown }>;
  services: Record<string, string[]>;
}

/** fixtures/Ingress-with-node-port-lb.yml: a NodePort Service with the nodeportlb annotation, and one Node. */
const NODE_PORT_LB = `${ingressYaml('testing', '', [{ host: 'traefik.tchouk', paths: [['/bar', 'Prefix', 'service1', 8080]] }])}---
kind: Service
apiVersion: v1
metadata:
  name: service1
  namespace: testing
  annotations:
    traefik.ingress.kubernetes.io/service.nodeportlb: "true"
spec:
  ports:
    - port: 8080
      nodePort: 32456
  clusterIP: 10.0.0.1
  type: NodePort
  externalName: traefik.wtf
---
kind: Node
apiVersion: v1
metadata:
  name: traefik-node
status:
  addresses:
    - type: InternalIP
      address: 172.16.4.4
`;

interface Case {
  desc: string;
  yaml: string;
  options?: Partial<IngressProviderSettings>;
  settings?: Partial<Settings>;
  expected: Expected;
}

function run(c: Pick<Case, 'yaml' | 'options' | 'settings'>): DynamicConfig {
  const settings: Settings = { ...defaultSettings(), ...c.settings, providers: { kubernetesIngress: c.options ?? {} } };
  return buildIngressConfig(fixtureResources(c.yaml), settings).config;
}

/** The configuration without the `@kubernetes` suffix, in the fields Traefik's table compares. */
function shape(config: DynamicConfig, full: boolean): Expected {
  const strip = (n: string) => n.replace(/@kubernetes$/, '');
  const routers: Expected['routers'] = {};
  for (const r of Object.values(config.routers)) {
    if (r.disabled) continue;
    const out: Expected['routers'][string] = { rule: r.rule, service: strip(r.service) };
    if (full) Object.assign(out, { priority: r.priority, entryPoints: r.entryPoints, middlewares: r.middlewares, ruleSyntax: r.ruleSyntaxRaw, tls: r.tls });
    routers[strip(r.name)] = out;
  }
  const services: Expected['services'] = {};
  for (const s of Object.values(config.services)) if (s.type === 'loadBalancer') services[strip(s.name)] = s.servers.map((x) => x.url);
  return { routers, services };
}

const cases: Case[] = [
  { desc: 'Empty ingresses', yaml: ingressYaml('testing', '', []), expected: { routers: {}, services: {} } },
  {
    desc: 'Ingress one rule host only (no http: no router)',
    yaml: `${ingressYaml('testing', '', [])}  rules:\n    - host: traefik.tchouk\n`,
    expected: { routers: {}, services: {} },
  },
  {
    desc: 'Ingress with a basic rule on one path',
    yaml: `${ingressYaml('testing', '', [{ paths: [['/bar', 'Prefix', 'service1', 80]] }])}---\n${svc1}`,
    expected: { routers: { 'testing-bar': { rule: 'PathPrefix("/bar")', service: 'testing-service1-80' } }, services: { 'testing-service1-80': ['http://10.10.0.1:8080', 'http://10.21.0.1:8080'] } },
  },
  {
    desc: 'Ingress with two different rules with one path',
    yaml: `${ingressYaml('testing', '', [{ paths: [['/bar', 'Prefix', 'service1', 80]] }, { paths: [['/foo', 'Prefix', 'service1', 80]] }])}---\n${svc1}`,
    expected: {
      routers: { 'testing-bar': { rule: 'PathPrefix("/bar")', service: 'testing-service1-80' }, 'testing-foo': { rule: 'PathPrefix("/foo")', service: 'testing-service1-80' } },
      services: { 'testing-service1-80': ['http://10.10.0.1:8080', 'http://10.21.0.1:8080'] },
    },
  },
  {
    desc: 'Ingress with conflicting routers on host',
    yaml: `${ingressYaml('testing', '', [{ host: '*.bar', paths: [['/bar', 'Prefix', 'service1', 80]] }, { host: 'bar', paths: [['/bar', 'Prefix', 'service1', 80]] }])}---\n${svc1}`,
    expected: {
      routers: {
        'testing-bar-bar-41871576e140babe40bd': { rule: 'Host("*.bar") && PathPrefix("/bar")', service: 'testing-service1-80' },
        'testing-bar-bar-605945111a3c9f84dc65': { rule: 'Host("bar") && PathPrefix("/bar")', service: 'testing-service1-80' },
      },
      services: { 'testing-service1-80': ['http://10.10.0.1:8080', 'http://10.21.0.1:8080'] },
    },
  },
  {
    desc: 'Ingress with conflicting routers on path',
    yaml: `${ingressYaml('testing', '', [{ paths: [['/foo/bar', 'Prefix', 'service1', 80], ['/foo-bar', 'Prefix', 'service1', 80]] }])}---\n${svc1}`,
    expected: {
      routers: {
        'testing-foo-bar-930f0e8b221e60bc7ab7': { rule: 'PathPrefix("/foo/bar")', service: 'testing-service1-80' },
        'testing-foo-bar-207cc2245cb31ba18e29': { rule: 'PathPrefix("/foo-bar")', service: 'testing-service1-80' },
      },
      services: { 'testing-service1-80': ['http://10.10.0.1:8080', 'http://10.21.0.1:8080'] },
    },
  },
  {
    desc: 'Ingress one rule with one path and one host',
    yaml: `${ingressYaml('testing', '', [{ host: 'traefik.tchouk', paths: [['/bar', 'Prefix', 'service1', 80]] }])}---\n${svc1}`,
    expected: { routers: { 'testing-traefik-tchouk-bar': { rule: 'Host("traefik.tchouk") && PathPrefix("/bar")', service: 'testing-service1-80' } }, services: { 'testing-service1-80': ['http://10.10.0.1:8080', 'http://10.21.0.1:8080'] } },
  },
  {
    desc: 'Ingress with one host without path',
    yaml: `${ingressYaml('testing', '', [{ host: 'example.com', paths: [['', 'Prefix', 'example-com', 80]] }])}---\n${serviceYaml('testing', 'example-com', [{ port: 80, name: 'http' }], { addresses: ['10.11.0.1'], ports: [{ name: 'http', port: 80 }] })}`,
    expected: { routers: { 'testing-example-com': { rule: 'Host("example.com")', service: 'testing-example-com-80' } }, services: { 'testing-example-com-80': ['http://10.11.0.1:80'] } },
  },
  {
    desc: 'Ingress with two services',
    yaml: `${ingressYaml('testing', '', [{ host: 'traefik.tchouk', paths: [['/bar', 'Prefix', 'service1', 80]] }, { host: 'traefik.courgette', paths: [['/carotte', 'Prefix', 'service2', 8082]] }])}---\n${svc1}---\n${serviceYaml('testing', 'service2', [{ port: 8082 }], { addresses: ['10.10.0.2', '10.21.0.2'], ports: [{ port: 8080 }] })}`,
    expected: {
      routers: {
        'testing-traefik-tchouk-bar': { rule: 'Host("traefik.tchouk") && PathPrefix("/bar")', service: 'testing-service1-80' },
        'testing-traefik-courgette-carotte': { rule: 'Host("traefik.courgette") && PathPrefix("/carotte")', service: 'testing-service2-8082' },
      },
      services: { 'testing-service1-80': ['http://10.10.0.1:8080', 'http://10.21.0.1:8080'], 'testing-service2-8082': ['http://10.10.0.2:8080', 'http://10.21.0.2:8080'] },
    },
  },
  {
    desc: 'Ingress with port name in backend and 2 pod replica',
    yaml: `${ingressYaml('testing', '', [{ host: 'traefik.tchouk', paths: [['/bar', 'Prefix', 'service1', 'tchouk']] }])}---\n${serviceYaml('testing', 'service1', [{ port: 80, name: 'tchouk' }], { addresses: ['10.10.0.1', '10.10.0.2'], ports: [{ name: 'tchouk', port: 8089 }] })}`,
    expected: { routers: { 'testing-traefik-tchouk-bar': { rule: 'Host("traefik.tchouk") && PathPrefix("/bar")', service: 'testing-service1-tchouk' } }, services: { 'testing-service1-tchouk': ['http://10.10.0.1:8089', 'http://10.10.0.2:8089'] } },
  },
  {
    desc: '2 ingresses in different namespace with same service name',
    yaml: [
      ingressYaml('testing', '', [{ host: 'traefik.tchouk', paths: [['/bar', 'Prefix', 'service1', 'tchouk']] }]),
      ingressYaml('toto', '', [{ host: 'toto.traefik.tchouk', paths: [['/bar', 'Prefix', 'service1', 'tchouk']] }]),
      serviceYaml('testing', 'service1', [{ port: 80, name: 'tchouk' }], { addresses: ['10.10.0.1'], ports: [{ name: 'tchouk', port: 8089 }] }),
      serviceYaml('toto', 'service1', [{ port: 80, name: 'tchouk' }], { addresses: ['10.11.0.1'], ports: [{ name: 'tchouk', port: 8089 }] }),
    ].join('---\n'),
    expected: {
      routers: {
        'testing-traefik-tchouk-bar': { rule: 'Host("traefik.tchouk") && PathPrefix("/bar")', service: 'testing-service1-tchouk' },
        'toto-toto-traefik-tchouk-bar': { rule: 'Host("toto.traefik.tchouk") && PathPrefix("/bar")', service: 'toto-service1-tchouk' },
      },
      services: { 'testing-service1-tchouk': ['http://10.10.0.1:8089'], 'toto-service1-tchouk': ['http://10.11.0.1:8089'] },
    },
  },
  {
    desc: 'Ingress with a basic rule on one path with https (port == 443)',
    yaml: `${ingressYaml('testing', '', [{ paths: [['/bar', 'Prefix', 'service1', 443]] }])}---\n${serviceYaml('testing', 'service1', [{ port: 443, name: 'foobar' }], { addresses: ['10.10.0.1'], ports: [{ name: 'foobar', port: 8443 }] })}`,
    expected: { routers: { 'testing-bar': { rule: 'PathPrefix("/bar")', service: 'testing-service1-443' } }, services: { 'testing-service1-443': ['https://10.10.0.1:8443'] } },
  },
  {
    desc: 'Ingress with a basic rule on one path with https (portname starts with https)',
    yaml: `${ingressYaml('testing', '', [{ paths: [['/bar', 'Prefix', 'service1', 8443]] }])}---\n${serviceYaml('testing', 'service1', [{ port: 8443, name: 'https-foo' }], { addresses: ['10.10.0.1'], ports: [{ name: 'https-foo', port: 8443 }] })}`,
    expected: { routers: { 'testing-bar': { rule: 'PathPrefix("/bar")', service: 'testing-service1-8443' } }, services: { 'testing-service1-8443': ['https://10.10.0.1:8443'] } },
  },
  {
    desc: 'Single Service Ingress (without any rules)',
    yaml: `${ingressYaml('testing', '', [], { spec: '  defaultBackend:\n    service:\n      name: service1\n      port:\n        number: 80\n' })}---\n${svc1}`,
    expected: { routers: { 'default-router': { rule: 'PathPrefix("/")', service: 'default-backend' } }, services: { 'default-backend': ['http://10.10.0.1:8080', 'http://10.21.0.1:8080'] } },
  },
  {
    desc: 'Ingress with default traefik ingressClass',
    yaml: `${ingressYaml('testing', '', [{ paths: [['/bar', 'Prefix', 'service1', 80]] }], { annotations: { 'kubernetes.io/ingress.class': 'traefik' } })}---\n${svc1}`,
    expected: { routers: { 'testing-bar': { rule: 'PathPrefix("/bar")', service: 'testing-service1-80' } }, services: { 'testing-service1-80': ['http://10.10.0.1:8080', 'http://10.21.0.1:8080'] } },
  },
  {
    desc: 'Ingress without provider traefik ingressClass and unknown annotation',
    yaml: `${ingressYaml('testing', '', [{ paths: [['/bar', 'Prefix', 'service1', 80]] }], { annotations: { 'kubernetes.io/ingress.class': 'tchouk' } })}---\n${svc1}`,
    expected: { routers: {}, services: {} },
  },
  {
    desc: 'Ingress with non matching provider traefik ingressClass and annotation',
    options: { ingressClass: 'tchouk' },
    yaml: `${ingressYaml('testing', '', [{ paths: [['/bar', 'Prefix', 'service1', 80]] }], { annotations: { 'kubernetes.io/ingress.class': 'traefik' } })}---\n${svc1}`,
    expected: { routers: {}, services: {} },
  },
  {
    desc: 'Ingress with ingressClasses filter',
    options: { ingressClass: 'traefik-lb2' },
    yaml: [
      'apiVersion: networking.k8s.io/v1\nkind: IngressClass\nmetadata:\n  name: traefik-lb2\nspec:\n  controller: traefik.io/ingress-controller\n',
      'apiVersion: networking.k8s.io/v1\nkind: IngressClass\nmetadata:\n  name: traefik-lb\nspec:\n  controller: traefik.io/ingress-controller\n',
      ingressYaml('testing', '', [{ paths: [['/bar', 'Prefix', 'service1', 80]] }], { spec: '  ingressClassName: traefik-lb\n' }),
      ingressYaml('testing', '', [{ paths: [['/foo', 'Prefix', 'service1', 80]] }], { spec: '  ingressClassName: traefik-lb2\n' }),
      serviceYaml('testing', 'service1', [{ port: 80 }], { addresses: ['10.10.0.1'], ports: [{ port: 8080 }] }),
    ].join('---\n'),
    expected: { routers: { 'testing-foo': { rule: 'PathPrefix("/foo")', service: 'testing-service1-80' } }, services: { 'testing-service1-80': ['http://10.10.0.1:8080'] } },
  },
  ...([{ disableIngressClassLookup: true }, { disableClusterScopeResources: true }] as const).map((options) => ({
    // Not in Traefik's table: without the IngressClass lookup, an Ingress naming a class names no watched class.
    desc: `Ingress with an ingressClassName, ${Object.keys(options)[0]}: not read`,
    options,
    yaml: [
      'apiVersion: networking.k8s.io/v1\nkind: IngressClass\nmetadata:\n  name: traefik-lb\nspec:\n  controller: traefik.io/ingress-controller\n',
      ingressYaml('testing', '', [{ paths: [['/bar', 'Prefix', 'service1', 80]] }], { spec: '  ingressClassName: traefik-lb\n' }),
      serviceYaml('testing', 'service1', [{ port: 80 }], { addresses: ['10.10.0.1'], ports: [{ port: 8080 }] }),
    ].join('---\n'),
    expected: { routers: {}, services: {} },
  })),
  {
    desc: 'Ingress with missing ingressClass (an IngressClass of another controller)',
    yaml: [
      'apiVersion: networking.k8s.io/v1\nkind: IngressClass\nmetadata:\n  name: traefik-lb\nspec:\n  controller: k8s.io/ingress-nginx\n',
      ingressYaml('testing', '', [{ paths: [['/bar', 'Prefix', 'service1', 80]] }], { spec: '  ingressClassName: traefik-lb\n' }),
      svc1,
    ].join('---\n'),
    expected: { routers: {}, services: {} },
  },
  {
    desc: 'Ingress with wildcard host',
    yaml: `${ingressYaml('testing', '', [{ host: '*.foobar.com', paths: [['/bar', 'Prefix', 'service1', 80]] }])}---\n${svc1}`,
    expected: { routers: { 'testing-foobar-com-bar': { rule: 'Host("*.foobar.com") && PathPrefix("/bar")', service: 'testing-service1-80' } }, services: { 'testing-service1-80': ['http://10.10.0.1:8080', 'http://10.21.0.1:8080'] } },
  },
  {
    desc: 'Ingress with wildcard host syntax v2',
    settings: { defaultRuleSyntax: 'v2' },
    yaml: `${ingressYaml('testing', '', [{ host: '*.foobar.com', paths: [['/bar', 'Prefix', 'service1', 80]] }])}---\n${svc1}`,
    expected: { routers: { 'testing-foobar-com-bar': { rule: 'HostRegexp("{subdomain:[a-zA-Z0-9-]+}.foobar.com") && PathPrefix("/bar")', service: 'testing-service1-80' } }, services: { 'testing-service1-80': ['http://10.10.0.1:8080', 'http://10.21.0.1:8080'] } },
  },
  ...(['Prefix', '', 'ImplementationSpecific'] as const).map((type) => ({
    desc: `Ingress with ${type || 'empty'} pathType`,
    yaml: `${ingressYaml('testing', '', [{ paths: [['/bar', type, 'service1', 80]] }])}---\n${svc1}`,
    expected: { routers: { 'testing-bar': { rule: 'PathPrefix("/bar")', service: 'testing-service1-80' } }, services: { 'testing-service1-80': ['http://10.10.0.1:8080', 'http://10.21.0.1:8080'] } },
  })),
  {
    desc: 'Ingress with exact pathType',
    yaml: `${ingressYaml('testing', '', [{ paths: [['/bar', 'Exact', 'service1', 80]] }])}---\n${svc1}`,
    expected: { routers: { 'testing-bar': { rule: 'Path("/bar")', service: 'testing-service1-80' } }, services: { 'testing-service1-80': ['http://10.10.0.1:8080', 'http://10.21.0.1:8080'] } },
  },
  {
    desc: 'Ingress with strict prefix matching',
    options: { strictPrefixMatching: true },
    yaml: `${ingressYaml('testing', '', [{ paths: [['/bar', 'Prefix', 'service1', 80]] }])}---\n${svc1}`,
    expected: { routers: { 'testing-bar': { rule: '(Path("/bar") || PathPrefix("/bar/"))', service: 'testing-service1-80' } }, services: { 'testing-service1-80': ['http://10.10.0.1:8080', 'http://10.21.0.1:8080'] } },
  },
  {
    desc: 'Ingress with invalid pathmatcher annotation (the service is still created)',
    yaml: `${ingressYaml('testing', '', [{ paths: [['/bar', 'ImplementationSpecific', 'service1', 80]] }], { annotations: { 'traefik.ingress.kubernetes.io/router.pathmatcher': 'foobar' } })}---\n${svc1}`,
    expected: { routers: {}, services: { 'testing-service1-80': ['http://10.10.0.1:8080', 'http://10.21.0.1:8080'] } },
  },
  {
    desc: 'Ingress with service with externalName (not allowed)',
    yaml: `${ingressYaml('testing', '', [{ host: 'traefik.tchouk', paths: [['/bar', 'Prefix', 'service1', 8080]] }])}---\nkind: Service\napiVersion: v1\nmetadata:\n  name: service1\n  namespace: testing\nspec:\n  ports:\n    - port: 8080\n  type: ExternalName\n  externalName: traefik.wtf\n`,
    expected: { routers: {}, services: {} },
  },
  {
    desc: 'Ingress with service with externalName enabled',
    options: { allowExternalNameServices: true },
    yaml: `${ingressYaml('testing', '', [{ host: 'traefik.tchouk', paths: [['/bar', 'Prefix', 'service1', 8080]] }])}---\nkind: Service\napiVersion: v1\nmetadata:\n  name: service1\n  namespace: testing\nspec:\n  ports:\n    - port: 8080\n  type: ExternalName\n  externalName: traefik.wtf\n`,
    expected: { routers: { 'testing-traefik-tchouk-bar': { rule: 'Host("traefik.tchouk") && PathPrefix("/bar")', service: 'testing-service1-8080' } }, services: { 'testing-service1-8080': ['http://traefik.wtf:8080'] } },
  },
  {
    desc: 'Ingress with backend resource',
    options: { allowEmptyServices: true },
    yaml: `kind: Ingress\napiVersion: networking.k8s.io/v1\nmetadata:\n  name: ""\n  namespace: testing\nspec:\n  rules:\n    - host: traefik.tchouk\n      http:\n        paths:\n          - path: /bar\n            pathType: Prefix\n            backend:\n              resource:\n                kind: Service\n                name: service1\n`,
    expected: { routers: {}, services: {} },
  },
  {
    desc: 'Ingress with node port lb',
    yaml: NODE_PORT_LB,
    expected: { routers: { 'testing-traefik-tchouk-bar': { rule: 'Host("traefik.tchouk") && PathPrefix("/bar")', service: 'testing-service1-8080' } }, services: { 'testing-service1-8080': ['http://172.16.4.4:32456'] } },
  },
  {
    desc: 'Ingress with node port lb cluster scope disabled',
    options: { disableClusterScopeResources: true },
    yaml: NODE_PORT_LB,
    expected: { routers: {}, services: {} },
  },
  {
    // Not in Traefik's table: loadService checks nodePortLB before nativeLB (the kubernetesCRD provider the other way round).
    desc: 'Ingress with node port lb and nativeLB on the same NodePort Service: the Nodes',
    yaml: NODE_PORT_LB.replace('service.nodeportlb: "true"', 'service.nodeportlb: "true"\n    traefik.ingress.kubernetes.io/service.nativelb: "true"'),
    expected: { routers: { 'testing-traefik-tchouk-bar': { rule: 'Host("traefik.tchouk") && PathPrefix("/bar")', service: 'testing-service1-8080' } }, services: { 'testing-service1-8080': ['http://172.16.4.4:32456'] } },
  },
  {
    desc: 'Ingress with one service without endpoint (empty EndpointSlice)',
    yaml: `${ingressYaml('testing', '', [{ host: 'traefik.tchouk', paths: [['/bar', 'Prefix', 'service1', 80]] }])}---\n${serviceYaml('testing', 'service1', [{ port: 80 }], { addresses: [], ports: [{ port: 8080 }] })}`,
    expected: { routers: {}, services: {} },
  },
];

describe('kubernetesIngress provider (TestLoadConfigurationFromIngresses)', () => {
  it.each(cases)('$desc', (c) => {
    expect(shape(run(c), false)).toEqual(c.expected);
  });

  it('Ingress with annotations: entryPoints, middlewares, priority, rule syntax, TLS, sticky, scheme, transport', () => {
    const yaml = `${ingressYaml('testing', '', [{ paths: [['/bar', 'Exact', 'service1', 80]] }], {
      annotations: {
        'ingress.kubernetes.io/foo': 'bar',
        'traefik.ingress.kubernetes.io/foo': 'bar',
        'traefik.ingress.kubernetes.io/router.pathmatcher': 'Path',
        'traefik.ingress.kubernetes.io/router.entrypoints': 'ep1,ep2',
        'traefik.ingress.kubernetes.io/router.middlewares': 'md1,md2',
        'traefik.ingress.kubernetes.io/router.priority': '42',
        'traefik.ingress.kubernetes.io/router.rulesyntax': 'v2',
        'traefik.ingress.kubernetes.io/router.tls': 'true',
        'traefik.ingress.kubernetes.io/router.tls.certresolver': 'foobar',
        'traefik.ingress.kubernetes.io/router.tls.domains.0.main': 'domain.com',
        'traefik.ingress.kubernetes.io/router.tls.domains.0.sans': 'one.domain.com,two.domain.com',
        'traefik.ingress.kubernetes.io/router.tls.domains.1.main': 'example.com',
        'traefik.ingress.kubernetes.io/router.tls.domains.1.sans': 'one.example.com,two.example.com',
        'traefik.ingress.kubernetes.io/router.tls.options': 'foobar',
        'traefik.ingress.kubernetes.io/router.observability.accesslogs': 'true',
      },
    })}---\n${serviceYaml('testing', 'service1', [{ port: 80 }], { addresses: ['10.10.0.1', '10.21.0.1'], ports: [{ port: 8080 }] }, `  annotations:
    traefik.ingress.kubernetes.io/service.serversscheme: protocol
    traefik.ingress.kubernetes.io/service.serverstransport: foobar@file
    traefik.ingress.kubernetes.io/service.passhostheader: "true"
    traefik.ingress.kubernetes.io/service.sticky.cookie: "true"
    traefik.ingress.kubernetes.io/service.sticky.cookie.httponly: "true"
    traefik.ingress.kubernetes.io/service.sticky.cookie.name: foobar
    traefik.ingress.kubernetes.io/service.sticky.cookie.secure: "true"
`)}`;
    const config = run({ yaml });
    const r = config.routers['testing-bar@kubernetes']!;
    expect(r).toMatchObject({
      rule: 'Path("/bar")',
      entryPoints: ['ep1', 'ep2'],
      middlewares: ['md1@kubernetes', 'md2@kubernetes'],
      priority: 42,
      effectivePriority: 42,
      ruleSyntax: 'v2',
      service: 'testing-service1-80@kubernetes',
      tls: {
        certResolver: 'foobar',
        options: 'foobar@kubernetes',
        resolvedOptions: 'foobar@kubernetes',
        domains: [{ main: 'domain.com', sans: ['one.domain.com', 'two.domain.com'] }, { main: 'example.com', sans: ['one.example.com', 'two.example.com'] }],
      },
      observability: { accessLogs: true },
    });
    expect(config.services['testing-service1-80@kubernetes']).toMatchObject({
      servers: [{ url: 'protocol://10.10.0.1:8080' }, { url: 'protocol://10.21.0.1:8080' }],
      passHostHeader: true,
      serversTransport: 'foobar@file',
      sticky: { name: 'foobar', secure: true, httpOnly: true, path: '/' },
    });
  });

  it('TLS support: the router gets TLS from the annotation only; spec.tls loads the certificate', () => {
    const yaml = `apiVersion: v1\nkind: Secret\nmetadata:\n  name: my-tls-secret\n  namespace: testing\ndata:\n  tls.crt: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCi0tLS0tRU5EIENFUlRJRklDQVRFLS0tLS0=\n  tls.key: LS0tLS1CRUdJTiBQUklWQVRFIEtFWS0tLS0tCi0tLS0tRU5EIFBSSVZBVEUgS0VZLS0tLS0=\n---\n${ingressYaml('testing', '', [{ host: 'example.com', paths: [['', 'Prefix', 'example-com', 80]] }], { annotations: { 'traefik.ingress.kubernetes.io/router.tls': 'true' }, spec: '  tls:\n  - secretName: my-tls-secret\n' })}---\n${serviceYaml('testing', 'example-com', [{ port: 80, name: 'http' }], { addresses: ['10.11.0.1'], ports: [{ name: 'http', port: 80 }] })}`;
    const config = run({ yaml });
    expect(config.routers['testing-example-com@kubernetes']?.tls).toEqual({ resolvedOptions: 'default' });
    expect(config.certificates.map((c) => c.secret)).toEqual(['testing/my-tls-secret']);
    const without = run({ yaml: yaml.replace("    traefik.ingress.kubernetes.io/router.tls: \"true\"\n", '').replace('  annotations:\n', '') });
    expect(without.routers['testing-example-com@kubernetes']?.tls).toBeNull();
  });

  it('Single Service Ingress: default-router at priority MinInt32 with the annotations’ entryPoints', () => {
    const yaml = `${ingressYaml('testing', '', [], { annotations: { 'traefik.ingress.kubernetes.io/router.entrypoints': 'web' }, spec: '  defaultBackend:\n    service:\n      name: service1\n      port:\n        number: 80\n' })}---\n${svc1}`;
    expect(run({ yaml }).routers['default-router@kubernetes']).toMatchObject({ priority: -2147483648, effectivePriority: -2147483648, ruleSyntaxRaw: 'default', entryPoints: ['web'] });
  });

  it('routers without the entryPoints annotation get the default entryPoints; rule length is the priority', () => {
    const yaml = `${ingressYaml('testing', '', [{ host: 'traefik.tchouk', paths: [['/bar', 'Prefix', 'service1', 80]] }])}---\n${svc1}`;
    const r = run({ yaml }).routers['testing-traefik-tchouk-bar@kubernetes']!;
    expect(r.entryPoints).toEqual(['web', 'websecure']);
    expect(r.effectivePriority).toBe('Host("traefik.tchouk") && PathPrefix("/bar")'.length);
  });

  it('an annotation Traefik cannot decode skips the whole Ingress, with an error on its line', () => {
    const yaml = `${ingressYaml('testing', 'web', [{ paths: [['/bar', 'Prefix', 'service1', 80]] }], { annotations: { 'traefik.ingress.kubernetes.io/router.priority': 'high' } })}---\n${svc1}`;
    const settings = defaultSettings();
    const { config, diagnostics } = buildIngressConfig(fixtureResources(yaml), settings);
    expect(Object.keys(config.routers)).toEqual([]);
    const d = diagnostics.find((x) => x.code === 'INGRESS_ANNOTATION_INVALID')!;
    const lineStart = yaml.lastIndexOf('\n', d.range.start) + 1;
    expect(yaml.slice(lineStart, yaml.indexOf('\n', d.range.start))).toContain('router.priority');
  });

  it('labelSelector and namespaces filter the Ingresses', () => {
    const yaml = `${ingressYaml('testing', 'a', [{ paths: [['/a', 'Prefix', 'service1', 80]] }])}---\n${svc1}`;
    expect(Object.keys(run({ yaml, options: { labelSelector: 'app=web' } }).routers)).toEqual([]);
    expect(Object.keys(run({ yaml, options: { labelSelector: '!app' } }).routers)).toEqual(['testing-a-a@kubernetes']);
    expect(Object.keys(run({ yaml, options: { namespaces: ['other'] } }).routers)).toEqual([]);
    expect(Object.keys(run({ yaml, options: { enabled: false } }).routers)).toEqual([]);
  });
});

// TestLoadConfigurationFromIngressesWithCrossProviderNamespaces, _TLSOptions and _ServersTransport: with the option set,
// only its namespaces may name Middlewares and TLS options (always other providers' objects) or a serversTransport.
describe('kubernetesIngress crossProviderNamespaces', () => {
  const lists: [string, string[] | undefined, boolean][] = [
    ['unset (backward compatible)', undefined, true],
    ['empty', [], false],
    ['allow-listing its namespace', ['testing'], true],
    ['not allow-listing its namespace', ['other'], false],
  ];
  const options = (list: string[] | undefined): Partial<IngressProviderSettings> => (list ? { crossProviderNamespaces: list } : {});
  const ingress = (annotations: Record<string, string>, service = svc1) => `${ingressYaml('testing', '', [{ paths: [['/bar', 'Prefix', 'service1', 80]] }], { annotations })}---\n${service}`;

  it.each(lists)('a router.middlewares annotation, option %s: the Ingress is kept: %s', (_, list, kept) => {
    const config = run({ yaml: ingress({ 'traefik.ingress.kubernetes.io/router.middlewares': 'md1@kubernetes' }), options: options(list) });
    expect(Object.keys(config.routers)).toEqual(kept ? ['testing-bar@kubernetes'] : []);
  });

  it.each(lists)('a router.tls.options annotation, option %s: the Ingress is kept: %s', (_, list, kept) => {
    const config = run({ yaml: ingress({ 'traefik.ingress.kubernetes.io/router.tls.options': 'foobar@file' }), options: options(list) });
    expect(Object.keys(config.routers)).toEqual(kept ? ['testing-bar@kubernetes'] : []);
    if (kept) expect(config.routers['testing-bar@kubernetes']?.tls?.options).toBe('foobar@file');
  });

  it.each(lists)('a Service with a serversTransport annotation, option %s: the service is kept: %s', (_, list, kept) => {
    const service = serviceYaml('testing', 'service1', [{ port: 80 }], { addresses: ['10.10.0.1'], ports: [{ port: 8080 }] }, '  annotations:\n    traefik.ingress.kubernetes.io/service.serverstransport: foobar@file\n');
    const config = run({ yaml: ingress({}, service), options: options(list) });
    expect(Object.keys(config.services)).toEqual(kept ? ['testing-service1-80@kubernetes'] : []);
    expect(Object.keys(config.routers)).toEqual(kept ? ['testing-bar@kubernetes'] : []);
    const lb = config.services['testing-service1-80@kubernetes'];
    if (kept) expect(lb?.type === 'loadBalancer' ? lb.serversTransport : undefined).toBe('foobar@file');
  });

  it('says why, on the annotation, and an Ingress without such annotations is not affected', () => {
    const settings: Settings = { ...defaultSettings(), providers: { kubernetesIngress: { crossProviderNamespaces: ['other'] } } };
    const skipped = buildIngressConfig(fixtureResources(ingress({ 'traefik.ingress.kubernetes.io/router.middlewares': 'md1@kubernetes' })), settings);
    expect(skipped.diagnostics.map((d) => d.code)).toContain('INGRESS_CROSS_PROVIDER');
    expect(skipped.diagnostics.find((d) => d.code === 'INGRESS_CROSS_PROVIDER')?.message).toContain('crossProviderNamespaces');
    expect(Object.keys(buildIngressConfig(fixtureResources(ingress({})), settings).config.routers)).toEqual(['testing-bar@kubernetes']);
  });
});
