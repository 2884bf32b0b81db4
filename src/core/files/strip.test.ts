import { describe, expect, it } from 'vitest';
import { loadAll } from 'js-yaml';
import { serverFieldPaths, stripServerFields } from './strip.ts';

const LIST = `apiVersion: v1
kind: List
items:
  # the middleware
  - apiVersion: traefik.io/v1alpha1
    kind: Middleware
    metadata:
      name: strip
      namespace: apps
      uid: 0b5a7d2e-1111
      resourceVersion: "123456"
      creationTimestamp: "2026-01-01T00:00:00Z"
      generation: 2
      managedFields:
        - manager: kubectl
          operation: Update
      annotations:
        kubectl.kubernetes.io/last-applied-configuration: |
          {"apiVersion":"traefik.io/v1alpha1"}
        team: web
    spec:
      stripPrefix:
        prefixes: [/api]
    status: {}
  - apiVersion: v1
    kind: Service
    metadata:
      name: web
      annotations:
        kubectl.kubernetes.io/last-applied-configuration: "{}"
    spec:
      ports: [{ port: 80 }]
metadata:
  resourceVersion: ""
`;

describe('stripServerFields', () => {
  it('removes server-side fields from a kubectl List and keeps everything else byte-identical', () => {
    const { text, removed } = stripServerFields('dump.yaml', LIST);
    expect(removed).toBe(serverFieldPaths('dump.yaml', LIST).length);
    for (const gone of ['uid:', 'resourceVersion: "123456"', 'creationTimestamp', 'generation', 'managedFields', 'last-applied', 'status:']) {
      expect(text).not.toContain(gone);
    }
    expect(text).toContain('# the middleware');
    expect(text).toContain('        team: web');
    expect(text).toContain('        prefixes: [/api]');
    const value = loadAll(text)[0] as { items: { metadata: Record<string, unknown> }[] };
    expect(value.items[0]!.metadata).toEqual({ name: 'strip', namespace: 'apps', annotations: { team: 'web' } });
    expect(value.items[1]!.metadata).toEqual({ name: 'web' });
  });

  it('handles kubectl -o json output', () => {
    const json = JSON.stringify(
      { apiVersion: 'v1', kind: 'List', items: [{ apiVersion: 'v1', kind: 'Service', metadata: { name: 'a', uid: 'u', resourceVersion: '1' }, spec: { ports: [{ port: 80 }] }, status: { loadBalancer: {} } }] },
      null,
      2,
    );
    const { text } = stripServerFields('dump.json', json);
    const value = JSON.parse(text) as { items: Record<string, unknown>[] };
    expect(value.items[0]).toEqual({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'a' }, spec: { ports: [{ port: 80 }] } });
  });

  it('leaves files without server fields alone', () => {
    const text = 'kind: Service\nmetadata:\n  name: a # keep\n';
    expect(stripServerFields('a.yaml', text)).toEqual({ text, removed: 0 });
  });
});
