/**
 * The review family's fragment of the diagnostics catalog (routers that can never win, near-duplicates,
 * catch-alls), merged by validate/codes.ts, and the conversion of shadow findings into diagnostics placed on
 * the router's route in the YAML.
 */
import { diagnostic } from '../diagnostic.ts';
import type { CodeInfo, Diagnostic, DynamicConfig, RelatedInformation } from '../types.ts';
import type { ShadowFinding } from './types.ts';

export const REVIEW_CODES = {
  ROUTER_SHADOWED: {
    severity: 'warning',
    family: 'runtime',
    summary: 'A router that can never win: a higher-ranked router on the same entryPoint matches every request it matches.',
  },
  ROUTER_NEAR_DUPLICATE: {
    severity: 'warning',
    family: 'runtime',
    summary: 'Two routers on the same entryPoint whose rules differ only trivially (case, a trailing slash, operand order).',
  },
  ROUTER_CATCH_ALL: {
    severity: 'info',
    family: 'runtime',
    summary: 'A rule that matches any host and any path and ranks above other routers of its entryPoint, taking their requests.',
  },
  ROUTE_TEST_FAILED: {
    severity: 'error',
    family: 'runtime',
    summary: 'A route test case of the workspace fails on this route (it expected this router, or this router won instead).',
  },
} as const satisfies Record<string, CodeInfo>;

export type ReviewCode = keyof typeof REVIEW_CODES;

const CODE_OF: Record<ShadowFinding['kind'], ReviewCode> = {
  shadowed: 'ROUTER_SHADOWED',
  'near-duplicate': 'ROUTER_NEAR_DUPLICATE',
  'catch-all': 'ROUTER_CATCH_ALL',
};

/**
 * Diagnostics for shadow findings, on the route (`spec.routes[i]`) of the router concerned, with the other
 * router's route as related information. Findings on routers without a source range (internal) are dropped.
 *
 * @example
 * toDiagnostics(findShadowed(config, settings), config)
 * // [{ code: 'ROUTER_SHADOWED', file: 'apps.yaml', range: {…}, message: 'Router … can never win: …' }]
 */
export function toDiagnostics(findings: readonly ShadowFinding[], config: DynamicConfig): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const f of findings) {
    const origin = config.routers[f.router]?.origin;
    if (!origin || origin.file === '') continue;
    const related: RelatedInformation[] = [];
    // A finding without `by` has no related router (its `others` are not reported either).
    const names = f.by === null ? new Set<string>() : new Set([f.by, ...f.others]);
    for (const name of names) {
      const other = config.routers[name]?.origin;
      if (other && other.file !== '') related.push({ message: `${relatedLabel(f.kind)} ${name}`, range: other.range, file: other.file });
    }
    out.push(diagnostic(REVIEW_CODES, CODE_OF[f.kind], f.message, origin.file, origin.range, { related }));
  }
  return out;
}

function relatedLabel(kind: ShadowFinding['kind']): string {
  switch (kind) {
    case 'shadowed':
      return 'Wins its requests:';
    case 'near-duplicate':
      return 'Near-duplicate of this router:';
    case 'catch-all':
      return 'Loses requests to the catch-all:';
  }
}
