/**
 * Walks a YNode tree against a schema and reports, with exact ranges: unknown fields (key), wrong
 * types (value), missing required fields (parent key), empty values, deprecated fields, and the
 * exactly-one rule of Middleware and TraefikService specs. Never throws.
 */
import { diagnostic } from '../diagnostic.ts';
import type { Path, PathSegment, QuickFix, Range, YMap, YNode, YPair } from '../types.ts';
import { SCHEMA_CODES, type SchemaCode } from './codes.ts';
import { type JsonSchema, typesOf } from './json-schema.ts';
import { actualPhrase, closest, codeList, expectedPhrase, fieldName, locateElsewhere, pathText } from './messages.ts';
import { checkAt, checkScalar } from './validate-scalar.ts';
import { type WalkContext, anchorOf, deref, effectivePairs, isNull, jsonType, scalarEditRange } from './walk-context.ts';

function push(ctx: WalkContext, code: SchemaCode, message: string, range: Range, extra: Parameters<typeof diagnostic>[5] = {}): void {
  ctx.out.push(diagnostic(SCHEMA_CODES, code, message, ctx.file, { ...range }, extra));
}

function typeHint(node: YNode, schema: JsonSchema, name: string): string {
  const types = typesOf(schema);
  if (node.kind === 'scalar' && node.style === 'plain' && types.includes('string') && node.value !== null && typeof node.value !== 'string') {
    return ` Quote it to keep it as text: \`${name}: "${node.text}"\`.`;
  }
  if (node.kind === 'scalar' && typeof node.value === 'string' && node.style !== 'plain') {
    if (types.includes('boolean') && /^(true|false)$/i.test(node.value)) return ' Remove the quotes.';
    if ((types.includes('integer') || types.includes('number')) && /^-?\d+(\.\d+)?$/.test(node.value)) return ' Remove the quotes.';
  }
  if (types.includes('array') && node.kind !== 'seq') return ` Write it as a list: each entry on its own line starting with \`- \`.`;
  if (types.includes('object') && schema.properties?.['name'] && node.kind === 'scalar') {
    return ` Write \`${name}: { name: ${String(node.value)} }\`.`;
  }
  return '';
}

/**
 * Validates `node` against `schema`; `anchor` is the range to blame for problems of the node as a whole.
 * `path` is where the node is: the walk pushes onto it and pops again, so one array serves a whole resource
 * (with a path copied per field, a set per mapping and closures, the walk of 5,000 IngressRoutes allocated ~70 MB;
 * now ~3 MB).
 *
 * @example
 * walk(resource.source.node, schemaFor('IngressRoute', 'v3'), [], anchorOf(resource.source.node), ctx)
 */
export function walk(node: YNode, schema: JsonSchema, path: PathSegment[], anchor: Range, ctx: WalkContext): void {
  const n = deref(node);
  if (!n || ctx.active.has(n)) return;
  const types = typesOf(schema);
  if (types.length === 0 && !schema.enum) return;
  const actual = jsonType(n);
  const accepted = types.length === 0 || types.includes(actual) || (actual === 'integer' && types.includes('number'));
  if (!accepted) {
    const name = fieldName(path);
    push(ctx, 'SCHEMA_TYPE', `\`${name}\` must be ${expectedPhrase(schema)}, but it is ${actualPhrase(n)}.${typeHint(n, schema, name)}`, node.range);
    return;
  }
  // Only an anchored node can be reached again, through an alias inside it: only those are kept to stop cycles.
  const anchored = n.anchor !== undefined;
  if (anchored) ctx.active.add(n);
  if (n.kind === 'map') walkMap(n, schema, path, anchor, ctx);
  else if (n.kind === 'seq' && schema.items) {
    for (let i = 0; i < n.items.length; i++) {
      const item = n.items[i]!;
      path.push(i);
      if (isNull(deref(item))) {
        push(ctx, 'SCHEMA_TYPE', `\`${fieldName(path)}\` is an empty list entry; write ${expectedPhrase(schema.items)} or remove the \`-\` line.`, item.range);
      } else walk(item, schema.items, path, anchorOf(item), ctx);
      path.pop();
    }
  } else if (n.kind === 'scalar') checkScalar(n, schema, path, ctx);
  if (anchored) ctx.active.delete(n);
}

function hasMergeKey(map: YMap): boolean {
  for (const p of map.pairs) if (p.keyText === '<<') return true;
  return false;
}

/** Why a field the reference marks optional is still reported (as a warning). */
function severityNote(severity: string | undefined): string {
  return severity === 'warning' ? ' The reference marks it optional, but Traefik skips a route without it.' : '';
}

function unknownField(pair: YPair, schema: JsonSchema, path: Path, ctx: WalkContext): void {
  const key = pair.keyText;
  const removed = schema['x-removed']?.[key];
  if (removed) {
    push(ctx, 'SCHEMA_TARGET_FIELD', `${removed.charAt(0).toUpperCase()}${removed.slice(1)}.`, pair.key.range);
    return;
  }
  const allowed = Object.keys(schema.properties ?? {});
  const where = path.length ? `\`${pathText(path)}\`` : 'the top level';
  const near = closest(key, allowed);
  const fixes: QuickFix[] = [];
  let message: string;
  if (near) {
    message = `Unknown field \`${key}\` in ${where}: did you mean \`${near}\`?`;
    if (pair.key.kind === 'scalar') fixes.push({ title: `Rename to \`${near}\``, edits: [{ range: scalarEditRange(pair.key), text: near }] });
  } else {
    const elsewhere = locateElsewhere(ctx.root, key, path);
    message = elsewhere
      ? `\`${key}\` is not a field of ${where}; it belongs at \`${elsewhere}\`. Move it there.`
      : `Unknown field \`${key}\` in ${where}. Allowed fields: ${codeList(allowed)}.`;
  }
  push(ctx, 'SCHEMA_UNKNOWN_FIELD', message, pair.key.range, { fixes });
}

/** `schema.required` as a set, made once per schema (the walk asks for it at every mapping). */
const requiredSets = new WeakMap<JsonSchema, ReadonlySet<string>>();
function requiredOf(schema: JsonSchema): ReadonlySet<string> {
  let set = requiredSets.get(schema);
  if (!set) requiredSets.set(schema, (set = new Set(schema.required ?? [])));
  return set;
}

function walkMap(map: YMap, schema: JsonSchema, path: PathSegment[], anchor: Range, ctx: WalkContext): void {
  // Without merge keys the effective pairs are the mapping's own, in order: no need to build them.
  const pairs = hasMergeKey(map) ? effectivePairs(map).map((p) => p.pair) : map.pairs;
  const required = requiredOf(schema);
  // What is present only matters for required fields (most mappings of a resource have none).
  const present = required.size ? new Set<string>() : null;
  for (const pair of pairs) {
    const key = pair.keyText;
    let prop = schema.properties?.[key];
    if (!prop && typeof schema.additionalProperties === 'object') prop = schema.additionalProperties;
    if (!prop) {
      if (schema.additionalProperties === false) unknownField(pair, schema, path, ctx);
      continue;
    }
    const value = deref(pair.value);
    const types = typesOf(prop);
    if (isNull(value) && types.length && !types.includes('null')) {
      const where = path.length ? ` in \`${pathText(path)}\`` : '';
      if (required.has(key)) {
        present?.add(key);
        const hint = prop['x-missingHint'] ? `: ${prop['x-missingHint']}` : `; give it ${expectedPhrase(prop)}`;
        const severity = schema['x-requiredSeverity']?.[key];
        push(ctx, 'SCHEMA_REQUIRED', `\`${key}\`${where} is required but has no value${hint}.${severityNote(severity)}`, pair.key.range, severity ? { severity } : {});
      } else {
        const hint = prop['x-nullHint'] ?? 'remove the line or give it a value';
        push(ctx, 'SCHEMA_NULL', `\`${key}\` has no value, so Kubernetes drops it and it has no effect: ${hint}.`, pair.key.range);
      }
      continue;
    }
    present?.add(key);
    if (prop['x-deprecated']) push(ctx, 'SCHEMA_DEPRECATED', `\`${key}\` is deprecated: ${prop['x-deprecated']}.`, pair.key.range);
    path.push(key);
    walk(pair.value, prop, path, pair.key.range, ctx);
    if (prop['x-at'] && value?.kind === 'scalar') checkAt(value, prop, map, path, ctx);
    path.pop();
  }
  if (present) reportMissing(schema, required, present, path, anchor, ctx);
  if (schema['x-exactlyOne']) exactlyOne(map, schema, pairs, anchor, ctx);
  if (schema['x-atMostOne']) atMostOne(schema['x-atMostOne'], pairs, ctx);
}

/** SCHEMA_REQUIRED for each required field of a mapping it does not have (nor its alternative). */
function reportMissing(schema: JsonSchema, required: ReadonlySet<string>, present: ReadonlySet<string>, path: Path, anchor: Range, ctx: WalkContext): void {
  for (const key of required) {
    if (present.has(key)) continue;
    const alternative = schema['x-requiredUnless']?.[key];
    if (alternative && present.has(alternative)) continue;
    const prop = schema.properties?.[key];
    const where = path.length ? `\`${pathText(path)}\`` : 'this resource';
    const hint = prop?.['x-missingHint'] ? `: ${prop['x-missingHint']}` : '';
    const severity = schema['x-requiredSeverity']?.[key];
    push(ctx, 'SCHEMA_REQUIRED', `${where.charAt(0).toUpperCase()}${where.slice(1)} is missing the required field \`${key}\`${hint}.${severityNote(severity)}`, anchor, severity ? { severity } : {});
  }
}

/** A CRD validation rule allowing at most one of some fields: reported on each field after the first. */
function atMostOne(rule: { keys: string[]; message: string }, pairs: YPair[], ctx: WalkContext): void {
  const set = pairs.filter((p) => rule.keys.includes(p.keyText) && !isNull(deref(p.value)));
  for (const extra of set.slice(1)) {
    push(ctx, 'SCHEMA_EXCLUSIVE', `${rule.message} Keep only one of ${codeList(set.map((p) => p.keyText))}: the Kubernetes API server rejects this object.`, extra.key.range, {
      related: set.filter((p) => p !== extra).map((p) => ({ message: `\`${p.keyText}\` is also set here`, range: { ...p.key.range }, file: ctx.file })),
    });
  }
}

function exactlyOne(map: YMap, schema: JsonSchema, pairs: YPair[], anchor: Range, ctx: WalkContext): void {
  const rule = schema['x-exactlyOne']!;
  const names = Object.keys(schema.properties ?? {});
  const set = pairs.filter((p) => names.includes(p.keyText) && !isNull(deref(p.value)));
  if (set.length === 1) return;
  if (set.length === 0) {
    const unknownOnly = map.pairs.length > 0;
    push(
      ctx,
      rule.code,
      `This ${rule.noun} sets no type${unknownOnly ? ' it knows' : ''}. Add ${rule.firstWins ? 'one' : 'exactly one'} of ${codeList(names)}, for example \`${rule.example}\`.`,
      anchor,
    );
    return;
  }
  if (rule.firstWins) return;
  const all = codeList(set.map((p) => p.keyText));
  for (const extra of set.slice(1)) {
    push(
      ctx,
      rule.code,
      `This ${rule.noun} sets ${set.length} types (${all}); Traefik accepts exactly one and rejects the whole ${rule.noun}. Move \`${extra.keyText}\` into a ${rule.noun} of its own${rule.noun === 'Middleware' ? ' and combine them with a `chain` Middleware or by listing both on the route' : ''}.`,
      extra.key.range,
      { related: set.filter((p) => p !== extra).map((p) => ({ message: `\`${p.keyText}\` is also set here`, range: { ...p.key.range }, file: ctx.file })) },
    );
  }
}
