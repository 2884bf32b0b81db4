import { describe, expect, it } from 'vitest';
import { parseFile } from '../yaml/index.ts';
import { extractResources, resourceRange, resourceKeyRange } from './index.ts';
import type { Resource } from '../types.ts';

function extract(text: string, file = 'a.yaml') {
  return extractResources([parseFile(file, text)]);
}

const slice = (text: string, r: { start: number; end: number }): string => text.slice(r.start, r.end);

describe('extractResources', () => {
  it('reads every kind in both Traefik API groups and the core kinds', () => {
    const kinds = ['IngressRoute', 'Middleware', 'TraefikService', 'TLSOption', 'TLSStore', 'ServersTransport', 'IngressRouteTCP', 'IngressRouteUDP', 'MiddlewareTCP', 'ServersTransportTCP'];
    const docs = kinds.flatMap((k, i) => [
      `apiVersion: traefik.io/v1alpha1\nkind: ${k}\nmetadata: {name: n${i}}\n`,
      `apiVersion: traefik.containo.us/v1alpha1\nkind: ${k}\nmetadata: {name: legacy${i}, namespace: x}\n`,
    ]);
    docs.push('apiVersion: v1\nkind: Service\nmetadata: {name: s}\n', 'apiVersion: v1\nkind: Secret\nmetadata: {name: t}\n');
    docs.push('apiVersion: discovery.k8s.io/v1\nkind: EndpointSlice\nmetadata: {name: e}\n');
    const { resources, diagnostics } = extract(docs.join('---\n'));
    expect(diagnostics).toEqual([]);
    expect(resources).toHaveLength(kinds.length * 2 + 3);
    expect(resources[0]).toMatchObject({ kind: 'IngressRoute', id: 'IngressRoute/default/n0', apiVersion: 'traefik.io/v1alpha1' });
    expect(resources[1]).toMatchObject({ id: 'IngressRoute/x/legacy0', metadata: { namespace: 'x', namespaceExplicit: true } });
    expect(resources[0]!.metadata).toEqual({ name: 'n0', namespace: 'default', namespaceExplicit: false, labels: {}, annotations: {} });
    expect(resources.map((r) => r.source.docIndex)).toEqual(resources.map((_, i) => i));
  });

  it('keeps raw values, labels and annotations (strings only), and the source node', () => {
    const text = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  labels: {app: web, n: 1}\n  annotations: {a: b}\n  generateName: web-\nspec:\n  ports: [{port: 80}]\n';
    const r = extract(text).resources[0]!;
    expect(r.metadata.labels).toEqual({ app: 'web' });
    expect(r.metadata.annotations).toEqual({ a: 'b' });
    expect(r.metadata.generateName).toBe('web-');
    expect(r.raw['spec']).toEqual({ ports: [{ port: 80 }] });
    expect(r.source).toMatchObject({ file: 'a.yaml', docIndex: 0, path: [] });
    expect(r.source.node.range.start).toBe(0);
  });

  it('unwraps kind: List from kubectl -o yaml', () => {
    const text = [
      'apiVersion: v1',
      'items:',
      '- apiVersion: traefik.io/v1alpha1',
      '  kind: IngressRoute',
      '  metadata:',
      '    name: web',
      '    namespace: apps',
      '  spec:',
      '    routes:',
      '    - match: Host(`a`)',
      '- apiVersion: v1',
      '  kind: Service',
      '  metadata: {name: web, namespace: apps}',
      'kind: List',
      'metadata:',
      '  resourceVersion: ""',
      '',
    ].join('\n');
    const { resources, diagnostics } = extract(text);
    expect(diagnostics).toEqual([]);
    expect(resources.map((r) => r.id)).toEqual(['IngressRoute/apps/web', 'Service/apps/web']);
    expect(resources[0]!.source.path).toEqual(['items', 0]);
    expect(slice(text, resourceRange(resources[0]!, ['spec', 'routes', 0, 'match']))).toBe('Host(`a`)');
    expect(slice(text, resources[1]!.source.node.range)).toBe('apiVersion: v1\n  kind: Service\n  metadata: {name: web, namespace: apps}');
  });

  it('unwraps *List kinds and JSON lists from kubectl -o json', () => {
    const json = JSON.stringify(
      {
        apiVersion: 'traefik.io/v1alpha1',
        kind: 'IngressRouteList',
        items: [
          { apiVersion: 'traefik.io/v1alpha1', kind: 'IngressRoute', metadata: { name: 'a', namespace: 'n' }, spec: { routes: [{ match: 'Host(`a`)' }] } },
          { apiVersion: 'traefik.io/v1alpha1', kind: 'IngressRoute', metadata: { name: 'b', namespace: 'n' }, spec: {} },
        ],
      },
      null,
      4,
    );
    const { resources, diagnostics } = extract(json, 'list.json');
    expect(diagnostics).toEqual([]);
    expect(resources.map((r) => r.id)).toEqual(['IngressRoute/n/a', 'IngressRoute/n/b']);
    expect(slice(json, resourceRange(resources[0]!, ['spec', 'routes', 0, 'match']))).toBe('"Host(`a`)"');
    expect(slice(json, resourceKeyRange(resources[1]!, ['spec']))).toBe('"spec"');
  });

  it('makes duplicate ids unique and warns on the later one', () => {
    const text = 'apiVersion: v1\nkind: Service\nmetadata: {name: web}\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  namespace: default\n';
    const { resources, diagnostics } = extract(text);
    expect(resources.map((r) => r.id)).toEqual(['Service/default/web', 'Service/default/web#a.yaml:1']);
    expect(diagnostics).toHaveLength(1);
    const d = diagnostics[0]!;
    expect(d).toMatchObject({ code: 'MODEL_DUPLICATE_RESOURCE', severity: 'warning', file: 'a.yaml' });
    expect(slice(text, d.range)).toBe('web');
    expect(d.range.start).toBe(text.lastIndexOf('web'));
    expect(d.related![0]!.range.start).toBe(text.indexOf('web'));
  });

  it('duplicates across files and inside one List stay unique', () => {
    const one = 'apiVersion: v1\nkind: Service\nmetadata: {name: x}\n';
    const list = `kind: List\napiVersion: v1\nitems:\n- ${one.trim().split('\n').join('\n  ')}\n- ${one.trim().split('\n').join('\n  ')}\n`;
    const { resources } = extractResources([parseFile('a.yaml', one), parseFile('b.yaml', list)]);
    const ids = resources.map((r) => r.id);
    expect(new Set(ids).size).toBe(3);
    expect(ids[0]).toBe('Service/default/x');
    expect(ids[1]).toBe('Service/default/x#b.yaml:0');
    expect(ids[2]).toMatch(/^Service\/default\/x#b\.yaml:0/);
  });

  it.each([
    { desc: 'no apiVersion/kind', text: 'name: x\nspec: {}\n', code: 'MODEL_NOT_A_RESOURCE', severity: 'warning', at: 'name: x' },
    { desc: 'a list document', text: '- a\n- b\n', code: 'MODEL_NOT_A_RESOURCE', severity: 'warning', at: '- a' },
    { desc: 'a scalar document', text: 'hello\n', code: 'MODEL_NOT_A_RESOURCE', severity: 'warning', at: 'hello' },
    { desc: 'a kind Traefik does not read', text: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\n', code: 'MODEL_UNKNOWN_KIND', severity: 'info', at: 'Deployment' },
    { desc: 'a Traefik kind in the wrong group', text: 'apiVersion: networking.k8s.io/v1\nkind: IngressRoute\nmetadata: {name: d}\n', code: 'MODEL_WRONG_API_VERSION', severity: 'error', at: 'networking.k8s.io/v1' },
    { desc: 'no metadata.name', text: 'apiVersion: v1\nkind: Service\nmetadata:\n  namespace: x\n', code: 'MODEL_MISSING_NAME', severity: 'error', at: 'metadata' },
    { desc: 'a numeric name', text: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: 123\n', code: 'MODEL_MISSING_NAME', severity: 'error', at: 'metadata' },
    { desc: 'no metadata at all', text: 'apiVersion: v1\nkind: Secret\n', code: 'MODEL_MISSING_NAME', severity: 'error', at: 'apiVersion: v1' },
  ])('$desc → $code', ({ text, code, severity, at }) => {
    const { resources, diagnostics } = extract(text);
    expect(resources).toEqual([]);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code, severity });
    expect(slice(text, diagnostics[0]!.range)).toBe(at);
  });

  it('offers the right apiVersion as a quick fix', () => {
    const text = 'apiVersion: "traefik.io/v1"\nkind: Middleware\nmetadata: {name: m}\n';
    const fix = extract(text).diagnostics[0]!.fixes![0]!;
    const fixed = text.slice(0, fix.edits[0]!.range.start) + fix.edits[0]!.text + text.slice(fix.edits[0]!.range.end);
    expect(extract(fixed).resources).toHaveLength(1);
  });

  it('skips broken and empty documents without extra diagnostics', () => {
    const text = 'apiVersion: v1\nkind: [\n---\n---\n# only a comment\n---\napiVersion: v1\nkind: Service\nmetadata: {name: ok}\n';
    const { resources, diagnostics } = extract(text);
    expect(resources.map((r) => r.id)).toEqual(['Service/default/ok']);
    expect(diagnostics).toEqual([]);
  });
});

describe('resourceRange / resourceKeyRange', () => {
  const text = `apiVersion: traefik.io/v1alpha1
kind: IngressRoute
metadata:
  name: web
spec:
  rouets: []
  routes:
    - match: Host(\`a\`)
      services:
        - name: svc
`;
  const r: Resource = extract(text).resources[0]!;

  it('points at the node, or its nearest existing ancestor', () => {
    expect(slice(text, resourceRange(r, ['spec', 'routes', 0, 'match']))).toBe('Host(`a`)');
    expect(slice(text, resourceRange(r, ['spec', 'routes', 0, 'middlewares', 0]))).toBe('match: Host(`a`)\n      services:\n        - name: svc');
    expect(slice(text, resourceRange(r, ['spec', 'routes', 9]))).toContain('- match');
    expect(resourceRange(r, [])).toEqual(r.source.node.range);
  });

  it('points at keys for unknown-field markers', () => {
    expect(slice(text, resourceKeyRange(r, ['spec', 'rouets']))).toBe('rouets');
    expect(slice(text, resourceKeyRange(r, ['spec', 'routes', 0]))).toContain('match: Host');
    expect(slice(text, resourceKeyRange(r, ['spec', 'routes', 0, 'nope']))).toBe('match: Host(`a`)\n      services:\n        - name: svc');
    expect(slice(text, resourceKeyRange(r, ['spec', 'tls', 'options']))).toBe('spec');
  });

  it('a path through an alias anchored outside the resource points at the alias', () => {
    const list = `kind: List\napiVersion: v1\nitems:\n- apiVersion: v1\n  kind: Service\n  metadata: {name: a}\n  spec: &s {ports: [{port: 80}]}\n- apiVersion: v1\n  kind: Service\n  metadata: {name: b}\n  spec: *s\n`;
    const [a, b] = extract(list).resources;
    expect(slice(list, resourceRange(a!, ['spec', 'ports', 0, 'port']))).toBe('80');
    expect(slice(list, resourceRange(b!, ['spec', 'ports', 0, 'port']))).toBe('*s');
  });
});
