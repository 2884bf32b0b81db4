/**
 * The JSON Schema of every kind the studio reads, per Traefik target, and what is built on it:
 * the monaco-yaml schema, our own validator, and field docs for the form.
 */
export type { AtPolicy, JsonSchema, JsonType, Snippet } from './json-schema.ts';
export { SCHEMA_CODES, type SchemaCode } from './codes.ts';
export { RESOURCE_KINDS, TARGETS, isKnownKind, schemaFor } from './registry.ts';
export { monacoSchema } from './monaco.ts';
export { validateResources, validateSchema } from './validate.ts';
export { type FieldDoc, type FieldInfo, fieldDoc, fieldsOf, schemaAt, typeLabel } from './field-doc.ts';
export { API_VERSIONS, LEGACY_API_VERSION, TRAEFIK_API_VERSION } from './kinds/meta.ts';
export { MAX_PRIORITY_TEXT } from './kinds/ingressroute.ts';
export { compareVersions, forTarget, targetLabel } from './registry.ts';
