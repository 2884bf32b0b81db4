/** Field documentation for the form editor: labels, tooltips, placeholders and the fields to render. */
import type { Path, ResourceKind, TraefikTarget } from '../types.ts';
import { type JsonSchema, typesOf } from './json-schema.ts';
import { schemaFor } from './registry.ts';

export interface FieldDoc {
  /** Plain-text description (the hover text without markdown). */
  description: string;
  /** The same with markdown, default, version and deprecation lines. */
  markdownDescription: string;
  /** `string`, `integer`, `boolean`, `object`, `array`, `map`, `integer | string`, `any`. */
  type: string;
  default?: unknown;
  required: boolean;
  enum?: unknown[];
  /** First Traefik Proxy version with the field. */
  since?: string;
  /** What to use instead, when deprecated. */
  deprecated?: string;
}

export interface FieldInfo extends FieldDoc {
  name: string;
}

/**
 * The schema at a path (numeric segments step into list items), with its parent.
 *
 * @example
 * schemaAt(schemaFor('IngressRoute', 'v3'), ['spec', 'routes', 0, 'match'])?.schema.type // 'string'
 */
export function schemaAt(root: JsonSchema, path: Path): { schema: JsonSchema; parent: JsonSchema | null } | null {
  let schema: JsonSchema = root;
  let parent: JsonSchema | null = null;
  for (const seg of path) {
    let next: JsonSchema | undefined;
    if (typeof seg === 'number') next = schema.items;
    else next = schema.properties?.[seg] ?? (typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined);
    if (!next) return null;
    parent = typeof seg === 'number' ? null : schema;
    schema = next;
  }
  return { schema, parent };
}

/**
 * Short type label of a schema.
 *
 * @example
 * typeLabel({ type: ['integer', 'string'] }) // 'integer | string'
 */
export function typeLabel(schema: JsonSchema): string {
  const types = typesOf(schema).filter((t) => t !== 'null');
  if (types.includes('integer') && types.includes('string')) return 'integer | string';
  if (types.includes('object') && !schema.properties && typeof schema.additionalProperties === 'object') return 'map';
  return types[0] ?? 'any';
}

function docOf(schema: JsonSchema, required: boolean): FieldDoc {
  const doc: FieldDoc = {
    description: schema.description ?? '',
    markdownDescription: schema.markdownDescription ?? schema.description ?? '',
    type: typeLabel(schema),
    required,
  };
  if (schema.default !== undefined) doc.default = schema.default;
  if (schema.enum) doc.enum = [...schema.enum];
  if (schema['x-since']) doc.since = schema['x-since'];
  if (schema['x-deprecated']) doc.deprecated = schema['x-deprecated'];
  return doc;
}

/**
 * Documentation of one field of a kind, or null when the path is not in the target's schema.
 *
 * @example
 * fieldDoc('IngressRoute', ['spec', 'routes', 0, 'services', 0, 'passHostHeader'], 'v3')
 * // { type: 'boolean', default: true, required: false, description: 'Forward the Host header…' }
 */
export function fieldDoc(kind: ResourceKind, path: Path, target: TraefikTarget): FieldDoc | null {
  const found = schemaAt(schemaFor(kind, target), path);
  if (!found) return null;
  const last = path[path.length - 1];
  const required = path.length === 0 || (typeof last === 'string' && (found.parent?.required ?? []).includes(last));
  return docOf(found.schema, required);
}

/**
 * The child fields of an object path, required ones first, then in schema order. Empty for lists,
 * maps and scalars.
 *
 * @example
 * fieldsOf('IngressRoute', ['spec', 'tls'], 'v3').map((f) => f.name)
 * // ['secretName', 'options', 'store', 'certResolver', 'domains']
 */
export function fieldsOf(kind: ResourceKind, path: Path, target: TraefikTarget): FieldInfo[] {
  const found = schemaAt(schemaFor(kind, target), path);
  const props = found?.schema.properties;
  if (!props) return [];
  const required = found.schema.required ?? [];
  const fields = Object.entries(props).map(([name, s]): FieldInfo => ({ name, ...docOf(s, required.includes(name)) }));
  return [...fields.filter((f) => f.required), ...fields.filter((f) => !f.required)];
}
