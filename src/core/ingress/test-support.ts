/**
 * Test support: resources straight from YAML, keeping objects with an empty `metadata.name` (Traefik's
 * Ingress fixtures use `name: ""`, which the model would drop), and small YAML builders.
 */
import { obj, str, strMap } from '../model/index.ts';
import { parseFile } from '../yaml/index.ts';
import type { Resource, ResourceKind } from '../types.ts';

/**
 * Every object of `text` as a Resource, names possibly empty.
 *
 * @example
 * fixtureResources('kind: Ingress\napiVersion: networking.k8s.io/v1\nmetadata: {name: ""}\n')[0]?.kind // 'Ingress'
 */
export function fixtureResources(text: string, file = 'fixture.yaml'): Resource[] {
  const parsed = parseFile(file, text);
  return parsed.documents.flatMap((doc, i) => {
    const raw = obj(doc.value);
    if (!raw || !doc.root) return [];
    const meta = obj(raw['metadata']) ?? {};
    const name = str(meta['name']) ?? '';
    const ns = str(meta['namespace']) || 'default';
    const kind = str(raw['kind']) as ResourceKind;
    return [{
      kind,
      apiVersion: str(raw['apiVersion']) ?? '',
      id: `${kind}/${ns}/${name}#${i}`,
      metadata: { name, namespace: ns, namespaceExplicit: true, labels: strMap(meta['labels']), annotations: strMap(meta['annotations']) },
      raw,
      source: { file, docIndex: i, path: [], node: doc.root },
    }];
  });
}

/** A Service with ports and, when `endpoints` are given, its EndpointSlice (ready endpoints on `targetPort`). */
export function serviceYaml(ns: string, name: string, ports: { name?: string; port: number }[], endpoints?: { addresses: string[]; ports: { name?: string; port: number }[] }, extra = ''): string {
  const portLines = ports.map((p) => `    - port: ${p.port}${p.name ? `\n      name: ${p.name}` : ''}`).join('\n');
  let out = `kind: Service\napiVersion: v1\nmetadata:\n  name: ${name}\n  namespace: ${ns}\n${extra}spec:\n  ports:\n${portLines}\n  clusterIP: 10.0.0.1\n`;
  if (endpoints) {
    out += `---\nkind: EndpointSlice\napiVersion: discovery.k8s.io/v1\nmetadata:\n  name: ${name}-abc\n  namespace: ${ns}\n  labels:\n    kubernetes.io/service-name: ${name}\naddressType: IPv4\nports:\n${endpoints.ports.map((p) => `  - port: ${p.port}\n    name: "${p.name ?? ''}"`).join('\n')}\nendpoints:\n  - addresses: [${endpoints.addresses.join(', ')}]\n    conditions: { ready: true }\n`;
  }
  return out;
}

/** An Ingress; `rules` are `{ host?, paths: [path, pathType, service, port] }`. */
export function ingressYaml(ns: string, name: string, rules: { host?: string; paths: [string, string, string, number | string][] }[], extra: { annotations?: Record<string, string>; spec?: string } = {}): string {
  const ann = extra.annotations ? `  annotations:\n${Object.entries(extra.annotations).map(([k, v]) => `    ${k}: ${JSON.stringify(v)}`).join('\n')}\n` : '';
  const rulesYaml = rules
    .map((r) => `    - ${r.host !== undefined ? `host: ${JSON.stringify(r.host)}\n      ` : ''}http:\n        paths:\n${r.paths.map(([path, type, svc, port]) => `          - path: ${JSON.stringify(path)}\n${type ? `            pathType: ${type}\n` : ''}            backend:\n              service:\n                name: ${svc}\n                port:\n                  ${typeof port === 'number' ? `number: ${port}` : `name: ${port}`}`).join('\n')}`)
    .join('\n');
  return `kind: Ingress\napiVersion: networking.k8s.io/v1\nmetadata:\n  name: ${JSON.stringify(name)}\n  namespace: ${ns}\n${ann}spec:\n${extra.spec ?? ''}${rules.length ? `  rules:\n${rulesYaml}\n` : ''}`;
}
