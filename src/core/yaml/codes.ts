/**
 * The yaml family's fragment of the diagnostics catalog (merged by validate/codes.ts). Messages are
 * built where the problem is found (parse-file.ts, compose.ts); this table holds severity and summary.
 */
import type { CodeInfo } from '../types.ts';

export const YAML_CODES = {
  YAML_SYNTAX: {
    severity: 'error',
    family: 'yaml',
    summary: 'The document is not valid YAML (bad indentation, tabs, an unclosed quote or bracket…); it is skipped.',
  },
  YAML_TOO_DEEP: {
    severity: 'error',
    family: 'yaml',
    summary: 'Collections nested more than 100 levels deep; the document is skipped.',
  },
  YAML_DUPLICATE_KEY: {
    severity: 'error',
    family: 'yaml',
    summary: 'A mapping key written twice; Kubernetes rejects it (strict decoding) or keeps only the last one.',
  },
  YAML_AMBIGUOUS_SCALAR: {
    severity: 'warning',
    family: 'yaml',
    summary: 'A plain scalar that YAML 1.1 (Kubernetes) reads as a boolean or an octal number (`yes`, `on`, `0755`).',
  },
  YAML_ALIAS_LIMIT: {
    severity: 'error',
    family: 'yaml',
    summary: 'Aliases expand to too many nodes (a "billion laughs" document); aliases past the limit read as null.',
  },
  YAML_BAD_ALIAS: {
    severity: 'error',
    family: 'yaml',
    summary: 'An alias to an anchor that is not defined earlier in the document, or that contains the alias.',
  },
  YAML_UNKNOWN_TAG: {
    severity: 'warning',
    family: 'yaml',
    summary: 'A tag Kubernetes does not resolve (`!foo`, `!!timestamp`); the value is read as written.',
  },
  YAML_TAG_MISMATCH: {
    severity: 'error',
    family: 'yaml',
    summary: 'A value that does not fit its explicit tag (`!!int abc`).',
  },
  YAML_COMPLEX_KEY: {
    severity: 'error',
    family: 'yaml',
    summary: 'A mapping or sequence used as a key; Kubernetes (JSON) accepts only scalar keys.',
  },
} as const satisfies Record<string, CodeInfo>;

export type YamlCode = keyof typeof YAML_CODES;
