/**
 * Our own schema validator (no ajv: the page's CSP forbids eval). Walks the resource's YNode tree
 * against `schemaFor(kind, target)` and returns diagnostics with exact ranges; see walk.ts for the
 * checks and validate-scalar.ts for values.
 */
import { diagnostic } from '../diagnostic.ts';
import type { Diagnostic, Resource, ResourceKind, TraefikTarget, YMap } from '../types.ts';
import { SCHEMA_CODES } from './codes.ts';
import type { JsonSchema } from './json-schema.ts';
import { API_VERSIONS, LEGACY_API_VERSION, TRAEFIK_API_VERSION } from './kinds/meta.ts';
import { schemaFor, targetLabel } from './registry.ts';
import { walk } from './walk.ts';
import { type WalkContext, anchorOf, deref, pairValue, scalarEditRange } from './walk-context.ts';

/** The kind schema with apiVersion left to `checkApiVersion` (which has better words for it). */
const walkSchemas = new WeakMap<JsonSchema, JsonSchema>();
function walkSchema(schema: JsonSchema): JsonSchema {
  let s = walkSchemas.get(schema);
  if (!s) {
    s = { ...schema, properties: { ...schema.properties, apiVersion: { type: 'string', description: 'API group and version.' } } };
    walkSchemas.set(schema, s);
  }
  return s;
}

function checkApiVersion(root: YMap, kind: ResourceKind, target: TraefikTarget, ctx: WalkContext): void {
  const node = deref(pairValue(root, 'apiVersion'));
  if (node?.kind !== 'scalar' || typeof node.value !== 'string') return;
  const value = node.value;
  const allowed = API_VERSIONS[kind];
  const preferred = allowed[0] ?? TRAEFIK_API_VERSION;
  if (allowed.includes(value) && value !== LEGACY_API_VERSION) return; // nearly every resource: nothing to build
  const fix = { fixes: [{ title: `Use \`${preferred}\``, edits: [{ range: scalarEditRange(node), text: preferred }] }] };
  if (!allowed.includes(value)) {
    ctx.out.push(
      diagnostic(SCHEMA_CODES, 'SCHEMA_API_VERSION', `\`${value}\` is not an apiVersion of ${kind}; write \`apiVersion: ${preferred}\`.`, ctx.file, { ...node.range }, fix),
    );
  } else if (value === LEGACY_API_VERSION) {
    if (target === 'v2.11') {
      ctx.out.push(
        diagnostic(
          SCHEMA_CODES,
          'SCHEMA_DEPRECATED',
          `\`${LEGACY_API_VERSION}\` is deprecated: Traefik v2.11 still reads it, Traefik v3 does not. Write \`apiVersion: ${TRAEFIK_API_VERSION}\`.`,
          ctx.file,
          { ...node.range },
          fix,
        ),
      );
    } else {
      ctx.out.push(
        diagnostic(
          SCHEMA_CODES,
          'SCHEMA_API_VERSION',
          `${targetLabel(target)} does not read \`${LEGACY_API_VERSION}\` resources, so this ${kind} is ignored. Write \`apiVersion: ${TRAEFIK_API_VERSION}\`.`,
          ctx.file,
          { ...node.range },
          fix,
        ),
      );
    }
  }
}

/** One diagnostic per code and range: text reached twice (aliases, merge keys) is reported once. */
function dedupe(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.range.start}:${d.range.end}:${d.code}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Checks one resource against the schema of its kind for a Traefik target.
 *
 * @example
 * const [d] = validateSchema(ingressRoute, 'v3'); // e.g. SCHEMA_UNKNOWN_FIELD "did you mean `middlewares`?"
 */
export function validateSchema(resource: Resource, target: TraefikTarget): Diagnostic[] {
  const root = deref(resource.source.node);
  const schema = schemaFor(resource.kind, target);
  const ctx: WalkContext = { file: resource.source.file, target, root: schema, out: [], active: new Set() };
  if (!root) return [];
  try {
    walk(root, walkSchema(schema), [], anchorOf(root), ctx);
    if (root.kind === 'map') checkApiVersion(root, resource.kind, target, ctx);
  } catch {
    // A bug in a check must not take the analysis down: keep what was found so far.
  }
  return dedupe(ctx.out);
}

/**
 * Schema diagnostics of many resources.
 *
 * @example
 * validateResources(extractResources(files).resources, settings.target)
 */
export function validateResources(resources: readonly Resource[], target: TraefikTarget): Diagnostic[] {
  return resources.flatMap((r) => validateSchema(r, target));
}
