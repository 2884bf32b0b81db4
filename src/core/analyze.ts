/**
 * The one call that ties the core together: workspace files + settings → everything the app shows.
 * Runs in the Web Worker (src/worker) and in the CLI; `summarizeAnalysis` makes the part the UI needs
 * structured-cloneable and small (no YAML trees).
 */
import { parseFile } from './yaml/index.ts';
import { extractResources } from './model/index.ts';
import { validateSchema } from './schema/index.ts';
import { buildDynamicConfig } from './provider/index.ts';
import { runtimeChecks } from './validate/index.ts';
import type { Diagnostic, DynamicConfig, ParsedFile, Range, Resource, ResourceKind, Settings } from './types.ts';
import { arr, obj } from './model/read.ts';
import { resourceRange } from './model/index.ts';
import { lineIndexFor } from './line-cache.ts';

export interface WorkspaceFile {
  name: string;
  text: string;
}

export interface Analysis {
  files: ParsedFile[];
  resources: Resource[];
  config: DynamicConfig;
  diagnostics: Diagnostic[];
  settings: Settings;
}

/** A resource as the outline and form list it. */
export interface ResourceSummary {
  id: string;
  kind: ResourceKind;
  apiVersion: string;
  name: string;
  namespace: string;
  file: string;
  docIndex: number;
  range: Range;
  /** Number of `spec.routes` for IngressRoutes. */
  routeCount: number;
  errors: number;
  warnings: number;
}

/** Text shown after a route's `match:` value: its effective priority and where it comes from. */
export interface PriorityHint {
  file: string;
  offset: number;
  label: string;
  tooltip: string;
}

export interface AnalysisSummary {
  resources: ResourceSummary[];
  diagnostics: Diagnostic[];
  config: DynamicConfig;
  hints: PriorityHint[];
}

/**
 * Analyses a workspace as one cluster would hold it.
 *
 * @example
 * const a = analyze([{ name: 'apps.yaml', text }], defaultSettings());
 * a.diagnostics.filter((d) => d.severity === 'error');
 */
export function analyze(files: readonly WorkspaceFile[], settings: Settings): Analysis {
  const parsed = files.filter((f) => !isRouteTestFile(f.name)).map((f) => parseFile(f.name, f.text));
  const { resources, diagnostics: modelDiagnostics } = extractResources(parsed);
  const schemaDiagnostics = resources.flatMap((r) => validateSchema(r, settings.target));
  const texts = Object.fromEntries(parsed.map((p) => [p.file, p.text]));
  const { config, diagnostics: providerDiagnostics } = buildDynamicConfig(resources, settings, { texts });
  const runtime = runtimeChecks(config, resources, settings);
  const diagnostics = dedupe([
    ...parsed.flatMap((p) => p.diagnostics),
    ...modelDiagnostics,
    ...schemaDiagnostics,
    ...providerDiagnostics,
    ...runtime,
  ]);
  sortDiagnostics(diagnostics);
  return { files: parsed, resources, config, diagnostics, settings };
}

/** Route test suites travel with the workspace as `*.routes-test.yaml` files; they are not resources. */
export function isRouteTestFile(name: string): boolean {
  return /\.routes-test\.ya?ml$/i.test(name);
}

/** The structured-cloneable part of an analysis that the UI renders. */
export function summarizeAnalysis(analysis: Analysis): AnalysisSummary {
  const counts = new Map<string, { errors: number; warnings: number }>();
  for (const d of analysis.diagnostics) {
    const owner = analysis.resources.find(
      (r) => r.source.file === d.file && r.source.node.range.start <= d.range.start && d.range.start <= r.source.node.range.end,
    );
    if (!owner) continue;
    const c = counts.get(owner.id) ?? { errors: 0, warnings: 0 };
    if (d.severity === 'error') c.errors++;
    else if (d.severity === 'warning') c.warnings++;
    counts.set(owner.id, c);
  }
  const resources = analysis.resources.map((r): ResourceSummary => {
    const spec = obj(r.raw['spec']);
    return {
      id: r.id,
      kind: r.kind,
      apiVersion: r.apiVersion,
      name: r.metadata.name,
      namespace: r.metadata.namespace,
      file: r.source.file,
      docIndex: r.source.docIndex,
      range: r.source.node.range,
      routeCount: r.kind === 'IngressRoute' ? arr(spec?.['routes']).length : 0,
      errors: counts.get(r.id)?.errors ?? 0,
      warnings: counts.get(r.id)?.warnings ?? 0,
    };
  });
  return { resources, diagnostics: analysis.diagnostics, config: analysis.config, hints: priorityHints(analysis) };
}

function priorityHints(analysis: Analysis): PriorityHint[] {
  const byId = new Map(analysis.resources.map((r) => [r.id, r]));
  const hints = new Map<string, PriorityHint>();
  for (const router of Object.values(analysis.config.routers)) {
    const { resourceId, routeIndex } = router.origin;
    const resource = byId.get(resourceId);
    if (!resource || routeIndex === undefined) continue;
    const range = resourceRange(resource, ['spec', 'routes', routeIndex, 'match']);
    const explicit = router.priority !== 0;
    const key = `${resource.source.file}:${range.end}`;
    if (hints.has(key)) continue;
    hints.set(key, {
      file: resource.source.file,
      offset: range.end,
      label: `priority ${router.effectivePriority}`,
      tooltip: explicit
        ? `Priority ${router.effectivePriority}, set explicitly.`
        : `Priority ${router.effectivePriority} = the length of the rule in bytes (no priority set).`,
    });
  }
  return [...hints.values()];
}

function dedupe(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.file}|${d.range.start}|${d.range.end}|${d.code}|${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

function sortDiagnostics(diagnostics: Diagnostic[]): void {
  diagnostics.sort(
    (a, b) =>
      a.file.localeCompare(b.file) || a.range.start - b.range.start || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity],
  );
}

export { lineIndexFor };
