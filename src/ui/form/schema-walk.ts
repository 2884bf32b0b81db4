/** Reading our JSON Schema for the form: $ref resolution, types, labels and defaults. */
export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  description?: string;
  markdownDescription?: string;
  required?: string[];
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  allOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
  definitions?: Record<string, JsonSchema>;
  [k: string]: unknown;
}

export function resolve(schema: JsonSchema | undefined, root: JsonSchema): JsonSchema | undefined {
  let s = schema;
  for (let i = 0; s?.$ref && i < 10; i++) {
    const path = s.$ref.replace(/^#\//, '').split('/');
    s = path.reduce<unknown>((acc, k) => (acc as Record<string, unknown> | undefined)?.[k], root) as JsonSchema | undefined;
  }
  return s;
}

export type FieldKind = 'string' | 'integer' | 'number' | 'boolean' | 'enum' | 'int-or-string' | 'object' | 'array' | 'map' | 'any';

/** What control a schema node calls for. */
export function fieldKind(schema: JsonSchema, root: JsonSchema): FieldKind {
  const s = resolve(schema, root) ?? {};
  if (s.enum) return 'enum';
  const alts = (s.oneOf ?? s.anyOf ?? []).map((x) => resolve(x, root)?.type).flat();
  const types = new Set([...(Array.isArray(s.type) ? s.type : s.type ? [s.type] : []), ...alts.filter((t): t is string => typeof t === 'string')]);
  if (types.has('string') && (types.has('integer') || types.has('number'))) return 'int-or-string';
  if (types.has('object') || s.properties) {
    if (!s.properties && typeof s.additionalProperties === 'object') return 'map';
    return s.properties ? 'object' : 'map';
  }
  if (types.has('array')) return 'array';
  if (types.has('boolean')) return 'boolean';
  if (types.has('integer')) return 'integer';
  if (types.has('number')) return 'number';
  if (types.has('string')) return 'string';
  return 'any';
}

export function describe(schema: JsonSchema, root: JsonSchema): string {
  const s = resolve(schema, root) ?? {};
  return (s.description ?? s.markdownDescription ?? '').replace(/\s+/g, ' ').trim();
}

/** The placeholder of an empty field: the default Traefik applies. */
export function placeholder(schema: JsonSchema, root: JsonSchema): string {
  const s = resolve(schema, root) ?? {};
  return s.default === undefined ? '' : `${typeof s.default === 'string' ? s.default : JSON.stringify(s.default)} (default)`;
}

/** Turns a form text into the value the YAML should hold. */
export function coerce(kind: FieldKind, text: string): unknown {
  const t = text.trim();
  if (t === '') return undefined;
  switch (kind) {
    case 'integer':
    case 'number': {
      const n = Number(t);
      return Number.isFinite(n) ? n : t;
    }
    case 'int-or-string':
      return /^-?\d+$/.test(t) ? Number(t) : t;
    case 'boolean':
      return t === 'true' ? true : t === 'false' ? false : undefined;
    default:
      return text;
  }
}
