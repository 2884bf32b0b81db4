/**
 * The one diagnostics catalog: every code any part of the core can emit, with its severity, family
 * and a one-line summary. Each folder owns its fragment; this file only merges them, and the test
 * beside it checks that codes do not collide and that emitted codes are catalogued.
 */
import type { CodeInfo } from '../types.ts';
import { YAML_CODES } from '../yaml/codes.ts';
import { MODEL_CODES } from '../model/codes.ts';
import { RULE_CODES } from '../rules/index.ts';
import { SCHEMA_CODES } from '../schema/codes.ts';
import { PROVIDER_CODES } from '../provider/codes.ts';
import { RUNTIME_CODES } from './runtime-codes.ts';
import { REVIEW_CODES } from '../review/codes.ts';
import { INGRESS_CODES } from '../ingress/codes.ts';

export const FRAGMENTS: Record<string, Record<string, CodeInfo>> = {
  yaml: YAML_CODES,
  model: MODEL_CODES,
  rules: RULE_CODES,
  schema: SCHEMA_CODES,
  provider: PROVIDER_CODES,
  runtime: RUNTIME_CODES,
  review: REVIEW_CODES,
  ingress: INGRESS_CODES,
};

export const CATALOG: Readonly<Record<string, CodeInfo>> = Object.assign({}, ...Object.values(FRAGMENTS));

export type DiagnosticCode = keyof typeof CATALOG & string;
