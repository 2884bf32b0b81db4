// Test helper of the provider's table files: one file `t.yaml` through extractResources and buildDynamicConfig.
import { parseFile } from '../yaml/index.ts';
import { extractResources } from '../model/index.ts';
import { buildDynamicConfig, defaultSettings } from './index.ts';
import type { Settings } from '../types.ts';

/** The provider's output for `text` (as file `t.yaml`), with the text kept to slice diagnostic ranges. */
export function build(text: string, provider: Partial<Settings['provider']> = {}, patch: Partial<Settings> = {}) {
  const settings = { ...defaultSettings(), ...patch };
  settings.provider = { ...settings.provider, ...provider };
  const { resources } = extractResources([parseFile('t.yaml', text)]);
  return { text, ...buildDynamicConfig(resources, settings, { texts: { 't.yaml': text } }) };
}
export type Built = ReturnType<typeof build>;

/** The text of each diagnostic with `code`, as the ranges point into the built file. */
export const at = (r: Built, code: string) => r.diagnostics.filter((d) => d.code === code).map((d) => r.text.slice(d.range.start, d.range.end));

/** An IngressRoute document named `name` in `ns` with `spec` (already indented). */
export const ir = (name: string, spec: string, ns = 'default') => `---
apiVersion: traefik.io/v1alpha1
kind: IngressRoute
metadata: { name: ${name}, namespace: ${ns} }
spec:
${spec}`;

/** A `whoami<n>` Service (port web 8080) and its EndpointSlice with two addresses, as kubernetes_test.go's fixtures write them. */
export const whoami = (n: number, a: string, b: string, conditions = '') => `---
apiVersion: v1
kind: Service
metadata: { name: whoami${n}, namespace: default }
spec: { ports: [{ name: web, port: 8080 }] }
---
apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata: { name: whoami${n}-abc, namespace: default, labels: { kubernetes.io/service-name: whoami${n} } }
ports: [{ name: web, port: 8080 }]
endpoints: [{ addresses: [${a}, ${b}]${conditions} }]
`;
