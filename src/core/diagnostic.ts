import type { CodeInfo, Diagnostic, QuickFix, Range, RelatedInformation, Severity } from './types.ts';

/**
 * Builds a diagnostic from a catalog entry.
 *
 * @example
 * diagnostic(RULE_CODES, 'RULE_UNKNOWN_MATCHER', 'Unknown matcher `Hots`.', 'a.yaml', { start: 10, end: 14 })
 */
export function diagnostic<C extends string>(
  catalog: Record<C, CodeInfo>,
  code: C,
  message: string,
  file: string,
  range: Range,
  extra: { severity?: Severity; related?: RelatedInformation[]; fixes?: QuickFix[] } = {},
): Diagnostic {
  const info = catalog[code];
  const d: Diagnostic = { code, severity: extra.severity ?? info.severity, family: info.family, message, file, range };
  if (extra.related?.length) d.related = extra.related;
  if (extra.fixes?.length) d.fixes = extra.fixes;
  return d;
}

/** Exhaustiveness check for switches over discriminated unions. */
/** Severities most severe first, as ranks to sort by. */
export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

export function assertNever(x: never): never {
  throw new Error(`unexpected value: ${JSON.stringify(x)}`);
}
