/**
 * The one call that ties the core together: workspace files + settings → everything the app shows.
 * Runs in the Web Worker (src/worker) and in the CLI; `summarizeAnalysis` makes the part the UI needs
 * structured-cloneable and small (no YAML trees).
 */
import { parseFile, ParseCache } from './yaml/index.ts';
import { extractResources } from './model/index.ts';
import { validateSchema } from './schema/index.ts';
import { buildDynamicConfig, RouteCache } from './provider/index.ts';
import { mergeIngressProviders } from './ingress/index.ts';
import { runtimeChecks } from './validate/index.ts';
import type { Diagnostic, DynamicConfig, ParsedFile, Range, Resource, ResourceKind, Settings, YNode } from './types.ts';
import { arr, obj } from './model/read.ts';
import { resourceRange } from './model/index.ts';
import { lineIndexFor } from './line-cache.ts';
import { SEVERITY_RANK } from './diagnostic.ts';
import { spanFinder } from './spans.ts';

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
  /** Services: their ports, for the form's service picker. */
  ports?: { name?: string; port: number }[];
  /** Secrets: `type` (the TLS picker offers `kubernetes.io/tls` ones). */
  secretType?: string;
  /** Middlewares: the type key set in `spec` (`stripPrefix`…). */
  middlewareType?: string;
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
  return analyzeWith(null, files, settings);
}

/**
 * Analyses edit after edit, re-parsing and re-checking only the documents that changed: the others
 * come from the previous analysis (same text, moved by the length of the edit). The provider builds again
 * only the routers of IngressRoutes that changed while nothing else did (provider/route-cache.ts); runtime checks
 * and everything else across resources run on the whole workspace each time.
 *
 * An analysis made by an Analyzer is valid until its next `analyze` call (kept documents are updated
 * in place).
 *
 * @example
 * const analyzer = new Analyzer();
 * analyzer.analyze([{ name: 'a.yaml', text }], settings);
 * analyzer.analyze([{ name: 'a.yaml', text: text + 'x' }], settings); // re-parses the last document only
 */
export class Analyzer {
  readonly cache = new ParseCache();
  /** Routers of unchanged IngressRoutes (provider/route-cache.ts). */
  readonly routes = new RouteCache();

  analyze(files: readonly WorkspaceFile[], settings: Settings): Analysis {
    return analyzeWith(this.cache, files, settings, this.routes);
  }
}

function analyzeWith(cache: ParseCache | null, files: readonly WorkspaceFile[], settings: Settings, routes?: RouteCache): Analysis {
  cache?.begin();
  const parsed = files.filter((f) => !isRouteTestFile(f.name)).map((f) => parseFile(f.name, f.text, cache ?? undefined));
  cache?.commit();
  const { resources, diagnostics: modelDiagnostics } = extractResources(parsed);
  const byFile = new Map(parsed.map((p) => [p.file, p]));
  const schemaDiagnostics = resources.flatMap((r) => schemaOf(cache, byFile.get(r.source.file)?.documents[r.source.docIndex]?.root ?? null, r, settings));
  const texts = Object.fromEntries(parsed.map((p) => [p.file, p.text]));
  const { config, diagnostics: providerDiagnostics } = buildDynamicConfig(resources, settings, { texts, ...(routes ? { routes } : {}) });
  // Ingress providers (kubernetesIngress, …) join the same configuration, each with its own suffix.
  const ingressDiagnostics = mergeIngressProviders(resources, settings, config, texts);
  const runtime = runtimeChecks(config, resources, settings);
  const diagnostics = dedupe([
    ...parsed.flatMap((p) => p.diagnostics),
    ...modelDiagnostics,
    ...schemaDiagnostics,
    ...providerDiagnostics,
    ...ingressDiagnostics,
    ...runtime,
  ]);
  sortDiagnostics(diagnostics);
  return { files: parsed, resources, config, diagnostics, settings };
}

/** A resource's schema diagnostics: kept with its document while that document does not change. */
function schemaOf(cache: ParseCache | null, doc: YNode | null, resource: Resource, settings: Settings): Diagnostic[] {
  if (!cache || !doc) return validateSchema(resource, settings.target);
  // One document may hold several resources (a List): each is kept under its path and kind.
  const stage = `schema:${settings.target}:${resource.kind}:${resource.source.path.join('.')}`;
  const kept = cache.attached(doc, stage);
  if (kept) return kept;
  const found = validateSchema(resource, settings.target);
  cache.attach(doc, stage, found);
  return found;
}

/** Route test suites travel with the workspace as `*.routes-test.yaml` files; they are not resources. */
export function isRouteTestFile(name: string): boolean {
  return /\.routes-test\.ya?ml$/i.test(name);
}

/** What the form's pickers show of a resource besides its name (additive, kind-specific). */
function pickerFacts(r: Resource, spec: Record<string, unknown> | undefined): Partial<ResourceSummary> {
  if (r.kind === 'Service') {
    const ports = arr(spec?.['ports']).flatMap((p) => {
      const o = obj(p);
      const port = o?.['port'];
      return typeof port === 'number' ? [{ ...(typeof o?.['name'] === 'string' ? { name: o['name'] } : {}), port }] : [];
    });
    return { ports };
  }
  if (r.kind === 'Secret') return typeof r.raw['type'] === 'string' ? { secretType: r.raw['type'] } : {};
  if (r.kind === 'Middleware') {
    const type = Object.keys(spec ?? {})[0];
    return type ? { middlewareType: type } : {};
  }
  return {};
}

/** The structured-cloneable part of an analysis that the UI renders. */
export function summarizeAnalysis(analysis: Analysis): AnalysisSummary {
  const counts = new Map<string, { errors: number; warnings: number }>();
  const ownerOf = resourceFinder(analysis.resources);
  for (const d of analysis.diagnostics) {
    const owner = ownerOf(d.file, d.range.start);
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
      ...pickerFacts(r, spec),
    };
  });
  return { resources, diagnostics: analysis.diagnostics, config: analysis.config, hints: priorityHints(analysis) };
}

/**
 * The resource whose YAML holds `offset` of `file`, found by binary search over the resources sorted
 * by position (resources never overlap: each is a document or an item of a List).
 */
export function resourceFinder(resources: readonly Resource[]): (file: string, offset: number) => Resource | undefined {
  return spanFinder(resources, (r) => r.source.file, (r) => r.source.node.range);
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

/**
 * The diagnostics without repeats (same file, range, code and message), first occurrences kept in order. Found
 * through the diagnostics at the same start offset: a key string per diagnostic cost 20–40 ms per keystroke at
 * 19,000 diagnostics.
 */
export function dedupe(diagnostics: Diagnostic[]): Diagnostic[] {
  const byStart = new Map<number, Diagnostic[]>();
  return diagnostics.filter((d) => {
    const same = byStart.get(d.range.start);
    if (!same) {
      byStart.set(d.range.start, [d]);
      return true;
    }
    if (same.some((o) => o.range.end === d.range.end && o.file === d.file && o.code === d.code && o.message === d.message)) return false;
    same.push(d);
    return true;
  });
}


function sortDiagnostics(diagnostics: Diagnostic[]): void {
  diagnostics.sort(
    (a, b) =>
      // Most comparisons are within one file: localeCompare (collation) only when the names differ.
      (a.file === b.file ? 0 : a.file.localeCompare(b.file)) || a.range.start - b.range.start || SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity],
  );
}

export { lineIndexFor };
