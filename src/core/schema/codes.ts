/**
 * The schema family's fragment of the diagnostics catalog (merged by validate/codes.ts).
 * Messages are built where the problem is found (validate-*.ts); this table holds severity and summary.
 */
import type { CodeInfo } from '../types.ts';

export const SCHEMA_CODES = {
  SCHEMA_UNKNOWN_FIELD: {
    severity: 'error',
    family: 'schema',
    summary: 'A field the resource kind does not have (often a misspelling); Kubernetes rejects or drops it.',
  },
  SCHEMA_TARGET_FIELD: {
    severity: 'error',
    family: 'schema',
    summary: 'A field that exists in other Traefik versions but not in the selected target (e.g. `syntax` on v2.11).',
  },
  SCHEMA_TYPE: {
    severity: 'error',
    family: 'schema',
    summary: 'A value of the wrong type (a list where a mapping is expected, a quoted number, …).',
  },
  SCHEMA_ENUM: {
    severity: 'error',
    family: 'schema',
    summary: 'A value outside the allowed set (values are case-sensitive).',
  },
  SCHEMA_REQUIRED: {
    severity: 'error',
    family: 'schema',
    summary: 'A required field is missing or empty.',
  },
  SCHEMA_NULL: {
    severity: 'warning',
    family: 'schema',
    summary: 'A field written without a value; Kubernetes drops it, so it has no effect.',
  },
  SCHEMA_PATTERN: {
    severity: 'error',
    family: 'schema',
    summary: 'A string that does not have the required form (resource names, durations, status ranges).',
  },
  SCHEMA_RANGE: {
    severity: 'error',
    family: 'schema',
    summary: 'A number outside its bounds (priority, weight, percent, status codes).',
  },
  SCHEMA_AT_IN_NAME: {
    severity: 'warning',
    family: 'schema',
    summary: 'A reference name containing `@`: the reference forbids it, Traefik reads it as `name@provider`.',
  },
  SCHEMA_PORT_STRING: {
    severity: 'warning',
    family: 'schema',
    summary: 'A quoted number as a service port: Traefik looks for a port with that name, not that number.',
  },
  SCHEMA_MIDDLEWARE_TYPES: {
    severity: 'error',
    family: 'schema',
    summary: 'A Middleware must set exactly one type (stripPrefix, headers, …).',
  },
  SCHEMA_SERVICE_TYPES: {
    severity: 'error',
    family: 'schema',
    summary: 'A TraefikService must set one of weighted, mirroring, highestRandomWeight, failover.',
  },
  SCHEMA_EXCLUSIVE: {
    severity: 'error',
    family: 'schema',
    summary: 'Fields that a CRD validation rule forbids together (RootCA: secret and configMap).',
  },
  SCHEMA_DEPRECATED: {
    severity: 'warning',
    family: 'schema',
    summary: 'A deprecated field or value; it still works but has a replacement.',
  },
  SCHEMA_API_VERSION: {
    severity: 'error',
    family: 'schema',
    summary: 'An apiVersion the kind does not have, or one the target Traefik no longer reads.',
  },
} as const satisfies Record<string, CodeInfo>;

export type SchemaCode = keyof typeof SCHEMA_CODES;
