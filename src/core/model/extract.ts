/**
 * Parsed files → Resources: one per Kubernetes object the analysis reads, with `kind: List` and any
 * `*List` (kubectl get -o yaml / -o json) unwrapped into its items. Documents that are not objects,
 * kinds Traefik does not read, objects without a name and duplicates are reported, never thrown.
 */
import type { Diagnostic, ParsedFile, Path, Range, RelatedInformation, Resource, YNode } from '../types.ts';
import { diagnostic } from '../diagnostic.ts';
import { nodeAtPath, rangeOfPath } from '../yaml/index.ts';
import { MODEL_CODES } from './codes.ts';
import { classifyKind, isListKind } from './kinds.ts';
import { obj, str, strMap } from './read.ts';

interface Ctx {
  file: ParsedFile;
  docIndex: number;
  root: YNode;
  resources: Resource[];
  diagnostics: Diagnostic[];
}

/**
 * Extracts the resources of a workspace.
 *
 * @example
 * const { resources } = extractResources([parseFile('a.yaml', 'apiVersion: v1\nkind: Service\nmetadata: {name: web}\n')]);
 * resources[0]?.id; // 'Service/default/web'
 */
export function extractResources(files: readonly ParsedFile[]): { resources: Resource[]; diagnostics: Diagnostic[] } {
  const resources: Resource[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const file of files) {
    for (const doc of file.documents) {
      if (doc.broken || doc.root === null || doc.value === null || doc.value === undefined) continue;
      try {
        visit({ file, docIndex: doc.index, root: doc.root, resources, diagnostics }, doc.value, [], 0);
      } catch {
        // Defensive: a malformed tree must not stop the other documents.
      }
    }
  }
  return { resources: dedupe(resources, diagnostics), diagnostics };
}

/** First line of a node: where "this document/object" diagnostics go. */
function headRange(text: string, node: YNode): Range {
  let end = node.range.start;
  while (end < node.range.end && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
  return { start: node.range.start, end: Math.max(end, Math.min(node.range.start + 1, node.range.end)) };
}

function rangeAt(ctx: Ctx, path: Path, fallback: YNode): Range {
  const r = rangeOfPath(ctx.root, path);
  if (r === null) return headRange(ctx.file.text, fallback);
  const n = nodeAtPath(ctx.root, path);
  return n?.kind === 'scalar' && n.valueRange.end > n.valueRange.start ? n.valueRange : r;
}

function visit(ctx: Ctx, value: unknown, path: Path, depth: number): void {
  const node = nodeAtPath(ctx.root, path) ?? ctx.root;
  const where = path.length === 0 ? 'This document' : `Item ${String(path[path.length - 1])} of this list`;
  const raw = obj(value);
  const { file } = ctx;
  if (raw === undefined) {
    const what = Array.isArray(value) ? 'a list' : 'a single value';
    ctx.diagnostics.push(
      diagnostic(MODEL_CODES, 'MODEL_NOT_A_RESOURCE', `${where} is ${what}, not a Kubernetes object; it is ignored.`, file.file, headRange(file.text, node)),
    );
    return;
  }
  const apiVersion = str(raw['apiVersion']);
  const kind = str(raw['kind']);
  if (kind !== undefined && isListKind(kind) && Array.isArray(raw['items']) && depth < 2) {
    raw['items'].forEach((item, i) => visit(ctx, item, [...path, 'items', i], depth + 1));
    return;
  }
  if (!apiVersion || !kind) {
    const missing = [!apiVersion && '`apiVersion`', !kind && '`kind`'].filter(Boolean).join(' and ');
    const message = `${where} has no ${missing}: it is not a Kubernetes object and is ignored.`;
    ctx.diagnostics.push(diagnostic(MODEL_CODES, 'MODEL_NOT_A_RESOURCE', message, file.file, headRange(file.text, node)));
    return;
  }
  const cls = classifyKind(apiVersion, kind);
  if (cls.type === 'unknown') {
    const message = `${kind} (${apiVersion}) is not read by Traefik's Kubernetes CRD provider; it is left out of the analysis.`;
    ctx.diagnostics.push(diagnostic(MODEL_CODES, 'MODEL_UNKNOWN_KIND', message, file.file, rangeAt(ctx, [...path, 'kind'], node)));
    return;
  }
  if (cls.type === 'wrong-api-version') {
    const range = rangeAt(ctx, [...path, 'apiVersion'], node);
    const message = `${kind} is served under \`apiVersion: ${cls.expected}\`, not \`${apiVersion}\`: Kubernetes would reject this object.`;
    ctx.diagnostics.push(
      diagnostic(MODEL_CODES, 'MODEL_WRONG_API_VERSION', message, file.file, range, {
        fixes: [{ title: `Use apiVersion ${cls.expected}`, edits: [{ range, text: cls.expected }] }],
      }),
    );
    return;
  }
  const metadata = obj(raw['metadata']);
  const name = str(metadata?.['name']);
  if (!name) {
    const range = metadata ? (rangeOfPath(ctx.root, [...path, 'metadata'], { key: true }) ?? headRange(file.text, node)) : headRange(file.text, node);
    const message =
      metadata?.['name'] !== undefined && metadata['name'] !== null
        ? `\`metadata.name\` of this ${kind} must be a string (quote it); the object is ignored.`
        : `This ${kind} has no \`metadata.name\`; add one (the object is ignored until then).`;
    ctx.diagnostics.push(diagnostic(MODEL_CODES, 'MODEL_MISSING_NAME', message, file.file, range));
    return;
  }
  const ns = str(metadata?.['namespace']);
  const meta: Resource['metadata'] = {
    name,
    namespace: ns || 'default',
    namespaceExplicit: ns !== undefined && ns !== '',
    labels: strMap(metadata?.['labels']),
    annotations: strMap(metadata?.['annotations']),
  };
  const generateName = str(metadata?.['generateName']);
  if (generateName !== undefined) meta.generateName = generateName;
  ctx.resources.push({
    kind: cls.kind,
    apiVersion,
    id: `${cls.kind}/${meta.namespace}/${name}`,
    metadata: meta,
    raw,
    source: { file: file.file, docIndex: ctx.docIndex, path, node },
  });
}

/** Makes ids unique (`#file:doc`, plus the List path when needed) and reports duplicates. */
function dedupe(resources: Resource[], diagnostics: Diagnostic[]): Resource[] {
  const first = new Map<string, Resource>();
  const taken = new Set(resources.map((r) => r.id));
  const seen = new Set<string>();
  for (const r of resources) {
    const original = first.get(r.id);
    if (original === undefined) {
      first.set(r.id, r);
      seen.add(r.id);
      continue;
    }
    const base = r.id;
    let id = `${base}#${r.source.file}:${r.source.docIndex}`;
    if (seen.has(id) || taken.has(id)) id += `/${r.source.path.join('/')}`;
    for (let k = 2; seen.has(id); k++) id = `${base}#${r.source.file}:${r.source.docIndex}~${k}`;
    r.id = id;
    seen.add(id);
    const related: RelatedInformation[] = [{ message: `The first ${base} is defined here.`, range: nameRange(original), file: original.source.file }];
    const message = `Another ${r.kind} named \`${r.metadata.name}\` in namespace \`${r.metadata.namespace}\` is defined earlier; applied together, this one replaces it. Rename one of them.`;
    diagnostics.push(diagnostic(MODEL_CODES, 'MODEL_DUPLICATE_RESOURCE', message, r.source.file, nameRange(r), { related }));
  }
  return resources;
}

function nameRange(r: Resource): Range {
  const n = nodeAtPath(r.source.node, ['metadata', 'name']);
  if (n?.kind === 'scalar') return n.valueRange.end > n.valueRange.start ? n.valueRange : n.range;
  return n?.range ?? r.source.node.range;
}
