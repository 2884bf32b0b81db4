/**
 * One schema for monaco-yaml that serves every document of a multi-document file: it dispatches on
 * `kind` with `allOf: [{ if: { properties: { kind: { const } } }, then: { $ref } }]` (the pattern of
 * monaco-yaml issue #240), and unwraps `kind: List` / `IngressRouteList` items the same way.
 */
import type { TraefikTarget } from '../types.ts';
import type { JsonSchema, Snippet } from './json-schema.ts';
import { API_VERSIONS } from './kinds/meta.ts';
import { RESOURCE_KINDS, schemaFor, targetLabel } from './registry.ts';

const cache = new Map<TraefikTarget, JsonSchema>();

/**
 * The dispatch condition. `const` alone is not enough: while completing, yaml-language-server treats
 * a const as matched when the written value is a prefix of it (`Middleware` would also select
 * `MiddlewareTCP`) or empty; `pattern` and `type` are checked strictly.
 */
const ifKind = (kind: string): JsonSchema => ({
  type: 'object',
  properties: { kind: { type: 'string', const: kind, pattern: `^${kind}$` } },
  required: ['kind'],
});

const SERVICE_SNIPPET: Snippet = {
  label: 'Service',
  description: 'A Kubernetes Service with one port',
  body: {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: '${1:my-app}', namespace: '${2:default}' },
    spec: { selector: { app: '${1:my-app}' }, ports: [{ name: 'http', port: '^${3:80}', targetPort: '^${4:8080}' }] },
  },
};

/**
 * The monaco-yaml schema for a target: per-kind definitions plus the `kind` dispatch.
 *
 * @example
 * configureMonacoYaml(monaco, { schemas: [{ uri, fileMatch: ['*'], schema: monacoSchema('v3') }] });
 */
export function monacoSchema(target: TraefikTarget): JsonSchema {
  const cached = cache.get(target);
  if (cached) return cached;
  const definitions: Record<string, JsonSchema> = {};
  const snippets: Snippet[] = [];
  for (const kind of RESOURCE_KINDS) {
    const { defaultSnippets, ...def } = schemaFor(kind, target);
    definitions[kind] = def;
    if (defaultSnippets) snippets.push(...defaultSnippets);
  }
  snippets.push(SERVICE_SNIPPET);
  const apiVersions = [...new Set(RESOURCE_KINDS.flatMap((k) => API_VERSIONS[k])), 'v1'];
  const allOf: JsonSchema[] = [
    ...RESOURCE_KINDS.map((kind): JsonSchema => ({ if: ifKind(kind), then: { $ref: `#/definitions/${kind}` } })),
    {
      if: ifKind('List'),
      then: {
        properties: {
          apiVersion: { const: 'v1', description: 'Lists use `v1`.' },
          items: { type: 'array', description: 'The resources of the list; each one is checked by its own `kind`.', items: { $ref: '#' } },
          metadata: { type: 'object', description: 'List metadata (unused).' },
        },
      },
    },
    ...RESOURCE_KINDS.map(
      (kind): JsonSchema => ({
        if: ifKind(`${kind}List`),
        then: { properties: { items: { type: 'array', description: `The ${kind} resources of the list.`, items: { $ref: `#/definitions/${kind}` } } } },
      }),
    ),
  ];
  const schema: JsonSchema = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    // No `title`: yaml-language-server prints the root title as the heading of every hover.
    $comment: `Traefik resources (${targetLabel(target)})`,
    type: 'object',
    properties: {
      apiVersion: {
        type: 'string',
        enum: apiVersions,
        description: 'API group and version of the object.',
        markdownDescription: `API group and version: \`traefik.io/v1alpha1\` for Traefik resources, \`v1\` for Services and Secrets, \`discovery.k8s.io/v1\` for EndpointSlices.`,
      },
      kind: {
        type: 'string',
        enum: [...RESOURCE_KINDS, 'List'],
        description: 'Kind of the object; the rest of the document is completed and checked for that kind.',
        markdownDescription: 'Kind of the object; completion and hover for the rest of the document follow it.',
      },
    },
    required: ['apiVersion', 'kind'],
    allOf,
    definitions,
    defaultSnippets: snippets,
  };
  cache.set(target, schema);
  return schema;
}
