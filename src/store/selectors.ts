/** Selectors at module level (stable identities), unit-tested without React. */
import type { Diagnostic, DynamicConfig, DynamicRouter } from '../core/types.ts';
import type { ResourceSummary } from '../core/analyze.ts';
import type { StudioState } from './types.ts';

const EMPTY_DIAGNOSTICS: Diagnostic[] = [];
const EMPTY_RESOURCES: ResourceSummary[] = [];

export const selectActiveText = (s: StudioState): string => s.files.find((f) => f.name === s.activeFile)?.text ?? '';
export const selectDiagnostics = (s: StudioState): Diagnostic[] => s.analysis?.summary.diagnostics ?? EMPTY_DIAGNOSTICS;
export const selectResources = (s: StudioState): ResourceSummary[] => s.analysis?.summary.resources ?? EMPTY_RESOURCES;
/** The analysis is stale while the text has moved on since it was computed, or while its graph is on its way. */
export const selectIsStale = (s: StudioState): boolean => (s.analysis?.version ?? -1) < s.version || (s.analysis !== null && s.analysis.graphVersion < s.analysis.version);

export interface Counts {
  errors: number;
  warnings: number;
  infos: number;
}

let lastDiagnostics: Diagnostic[] | null = null;
let lastCounts: Counts = { errors: 0, warnings: 0, infos: 0 };

export const selectCounts = (s: StudioState): Counts => {
  const diagnostics = selectDiagnostics(s);
  if (diagnostics === lastDiagnostics) return lastCounts;
  lastDiagnostics = diagnostics;
  lastCounts = { errors: 0, warnings: 0, infos: 0 };
  for (const d of diagnostics) {
    if (d.severity === 'error') lastCounts.errors++;
    else if (d.severity === 'warning') lastCounts.warnings++;
    else lastCounts.infos++;
  }
  return lastCounts;
};

let lastRouters: object | null = null;
let lastRouterCount = 0;

/** How many routers the configuration has (counted once per analysis: 12,500 keys at 5,000 IngressRoutes). */
export const selectRouterCount = (s: StudioState): number => {
  const routers = s.analysis?.summary.config.routers;
  if (!routers) return 0;
  if (routers !== lastRouters) {
    lastRouters = routers;
    lastRouterCount = Object.keys(routers).length;
  }
  return lastRouterCount;
};

const routersByResource = new WeakMap<DynamicConfig, Map<string, DynamicRouter[]>>();
const NO_ROUTERS: DynamicRouter[] = [];

/** The routers made from resource `resourceId`, in the configuration's order (indexed once per configuration). */
export function routersOfResource(config: DynamicConfig, resourceId: string): readonly DynamicRouter[] {
  let index = routersByResource.get(config);
  if (!index) {
    index = new Map();
    for (const r of Object.values(config.routers)) {
      const list = index.get(r.origin.resourceId) ?? [];
      list.push(r);
      index.set(r.origin.resourceId, list);
    }
    routersByResource.set(config, index);
  }
  return index.get(resourceId) ?? NO_ROUTERS;
}

/** The resource whose range contains an offset of a file (the cursor's resource). */
export function resourceAt(resources: readonly ResourceSummary[], file: string, offset: number): ResourceSummary | undefined {
  return resources.find((r) => r.file === file && r.range.start <= offset && offset <= r.range.end);
}
