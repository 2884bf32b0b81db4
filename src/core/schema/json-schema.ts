/**
 * The JSON Schema subset the core uses (draft-07 keywords that monaco-yaml understands, plus a few
 * `x-` extensions our own validator and the form read), and tiny builders that keep the per-kind
 * schema files readable. Builders only assemble data; `forTarget` (registry.ts) adds the default/since/deprecation
 * lines to the hover text.
 */
import type { Severity } from '../types.ts';

export type JsonType = 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean' | 'null';

/** How `@` in a reference name is judged (see validate-scalar.ts). */
export type AtPolicy = 'middleware' | 'service' | 'tls-option' | 'forbidden';

export interface Snippet {
  label: string;
  description?: string;
  markdownDescription?: string;
  body: unknown;
}

/** A `type` alias (not an interface) so it stays assignable to index-signature shapes such as the form's. */
export type JsonSchema = {
  $schema?: string;
  $ref?: string;
  $comment?: string;
  title?: string;
  type?: JsonType | JsonType[];
  properties?: Record<string, JsonSchema>;
  additionalProperties?: boolean | JsonSchema;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  description?: string;
  markdownDescription?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  allOf?: JsonSchema[];
  if?: JsonSchema;
  then?: JsonSchema;
  else?: JsonSchema;
  definitions?: Record<string, JsonSchema>;
  examples?: unknown[];
  /** monaco-yaml (yaml-language-server) extensions. */
  defaultSnippets?: Snippet[];
  deprecationMessage?: string;
  doNotSuggest?: boolean;
  /** First Traefik Proxy version with this field (fields newer than the target are pruned). */
  'x-since'?: string;
  /** Set to false on fields the Traefik Hub API Gateway reference does not have. */
  'x-hub'?: boolean;
  /** Why the field is deprecated and what to use instead. */
  'x-deprecated'?: string;
  /** Deprecated enum values and what to write instead. */
  'x-deprecatedValues'?: Record<string, string>;
  /** How `@` in this name is judged. */
  'x-at'?: AtPolicy;
  /** Wording of the expected type in messages, e.g. "a port number or a port name". */
  'x-typeHint'?: string;
  /** What a valid string looks like, for pattern messages. */
  'x-patternHint'?: string;
  /** Why the bounds exist, for range messages. */
  'x-rangeHint'?: string;
  /** Exact decimal text of a maximum beyond 2^53 (compared with BigInt). */
  'x-maximumText'?: string;
  /** Severity of an enum violation when Traefik tolerates other values. */
  'x-enumSeverity'?: Severity;
  /** Severity of a missing required field when the reference marks it optional but Traefik needs it. */
  'x-requiredSeverity'?: Record<string, Severity>;
  /** A required field that may be replaced by another one (metadata.name by generateName). */
  'x-requiredUnless'?: Record<string, string>;
  /** What to add when this field is missing (appended to the required message). */
  'x-missingHint'?: string;
  /** What to write instead of an empty (null) value. */
  'x-nullHint'?: string;
  /** Exactly one of the object's properties must be set (Middleware types, TraefikService kinds). */
  /**
   * At least one of the properties must be set. `firstWins`: several are accepted and the first in property order
   * is used (TraefikService: the provider, which knows the version, says which); otherwise several are an error.
   */
  'x-exactlyOne'?: { code: 'SCHEMA_MIDDLEWARE_TYPES' | 'SCHEMA_SERVICE_TYPES'; noun: string; example: string; firstWins?: true };
  /** At most one of these properties may be set (a CRD `XValidation` rule such as RootCA's
   * `!has(self.secret) || !has(self.configMap)`): the API server rejects the object, with `message`. */
  'x-atMostOne'?: { keys: string[]; message: string };
  /** The spelling the reference document uses when it differs from the CRD (a typo there). */
  'x-docName'?: string;
  /** Properties removed for the current target, with the reason (filled by registry.ts). */
  'x-removed'?: Record<string, string>;
  /** A quoted number is read as a port name: warn (IntOrString ports). */
  'x-portName'?: boolean;
};

type Extra = Omit<JsonSchema, 'description'>;

/**
 * A string field.
 *
 * @example
 * str('Name of the Secret.', { examples: ['tls'] })
 */
export function str(description: string, extra: Extra = {}): JsonSchema {
  return { type: 'string', description, ...extra };
}

/**
 * A whole-number field.
 *
 * @example
 * int('Share of the traffic.', { minimum: 0 })
 */
export function int(description: string, extra: Extra = {}): JsonSchema {
  return { type: 'integer', description, ...extra };
}

/**
 * A boolean field with its default.
 *
 * @example
 * bool('Forward the Host header.', true) // { type: 'boolean', default: true, … }
 */
export function bool(description: string, def?: boolean, extra: Extra = {}): JsonSchema {
  return def === undefined ? { type: 'boolean', description, ...extra } : { type: 'boolean', description, default: def, ...extra };
}

/**
 * Kubernetes IntOrString.
 *
 * @example
 * intOrString('Port number or port name.')
 */
export function intOrString(description: string, extra: Extra = {}): JsonSchema {
  return { type: ['integer', 'string'], description, ...extra };
}

/** Go's time.ParseDuration syntax, as the CRD checks it on IntOrString durations. */
export const DURATION_PATTERN = '^([0-9]+(ns|us|µs|ms|s|m|h)?)+$';

/**
 * A duration: a whole number of seconds or a Go duration string (`10s`, `1m30s`, `250ms`).
 *
 * @example
 * duration('Time between checks.', '30s')
 */
export function duration(description: string, def?: string, extra: Extra = {}): JsonSchema {
  const s: JsonSchema = {
    type: ['integer', 'string'],
    description,
    pattern: DURATION_PATTERN,
    'x-typeHint': 'a duration such as `10s` or `500ms`, or a whole number of seconds',
    'x-patternHint': 'a Go duration: digits followed by a unit (`ns`, `us`, `ms`, `s`, `m`, `h`), e.g. `1m30s`',
    ...extra,
  };
  if (def !== undefined) s.default = def;
  return s;
}

/**
 * A list of the given items.
 *
 * @example
 * list(str('A host.'), 'Hosts to serve.')
 */
export function list(items: JsonSchema, description: string, extra: Extra = {}): JsonSchema {
  return { type: 'array', description, items, ...extra };
}

/**
 * A list of strings; `item` describes one entry.
 *
 * @example
 * strList('Entry points.', 'An entry point name.')
 */
export function strList(description: string, item = 'One entry.', extra: Extra = {}): JsonSchema {
  return list({ type: 'string', description: item }, description, extra);
}

/**
 * A free-form map (string keys) of the given values.
 *
 * @example
 * map({ type: 'string', description: 'Value.' }, 'Extra headers.')
 */
export function map(values: JsonSchema, description: string, extra: Extra = {}): JsonSchema {
  return { type: 'object', description, additionalProperties: values, ...extra };
}

/**
 * A closed object: only the listed properties are allowed.
 *
 * @example
 * obj('A reference.', { name: str('Name.') }, { required: ['name'] })
 */
export function obj(description: string, properties: Record<string, JsonSchema>, extra: Extra = {}): JsonSchema {
  return { type: 'object', description, properties, additionalProperties: false, ...extra };
}

/**
 * Marks a field as added in a Traefik Proxy version (pruned for older targets).
 *
 * @example
 * since('3.3', bool('Trace this route.'))
 */
export function since(version: string, schema: JsonSchema): JsonSchema {
  return { ...schema, 'x-since': version };
}

/**
 * Marks a field as deprecated, with what to use instead.
 *
 * @example
 * deprecated('use `ipAllowList`', obj('Old allow list.', {}))
 */
export function deprecated(message: string, schema: JsonSchema): JsonSchema {
  return { ...schema, 'x-deprecated': message };
}

// The validator asks for the types of every node it walks: the one-type answers are shared (frozen,
// so that no caller can change them for the others).
const OBJECT: JsonType[] = Object.freeze(['object']) as JsonType[];
const NONE: JsonType[] = Object.freeze([]) as unknown as JsonType[];
const SINGLE = new Map<string, JsonType[]>(
  (['string', 'integer', 'number', 'boolean', 'object', 'array', 'null'] as const).map((t) => [t, Object.freeze([t]) as unknown as JsonType[]]),
);

/**
 * The JSON types a schema accepts (empty = anything).
 *
 * @example
 * typesOf({ type: ['integer', 'string'] }) // ['integer', 'string']
 */
export function typesOf(schema: JsonSchema): JsonType[] {
  if (schema.type === undefined) return schema.properties ? OBJECT : NONE;
  if (Array.isArray(schema.type)) return schema.type;
  return SINGLE.get(schema.type) ?? [schema.type];
}

