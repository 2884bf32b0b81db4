/**
 * Wording helpers for schema diagnostics: paths as people write them, expected and actual types,
 * closest spelling, and where a misplaced field belongs.
 */
import type { Path, YNode } from '../types.ts';
import { type JsonSchema, typesOf } from './json-schema.ts';
import { editDistance } from '../edit-distance.ts';

/**
 * `spec.routes[0].match`; the empty path is "the top level".
 *
 * @example
 * pathText(['spec', 'routes', 0, 'match']) // 'spec.routes[0].match'
 */
export function pathText(path: Path): string {
  let out = '';
  for (const seg of path) out += typeof seg === 'number' ? `[${seg}]` : out ? `.${seg}` : seg;
  return out || 'the top level';
}

/**
 * The name a message uses for the value at `path`: its key, or `routes[0]` for an item.
 *
 * @example
 * fieldName(['spec', 'routes', 1]) // 'routes[1]'
 */
export function fieldName(path: Path): string {
  const last = path[path.length - 1];
  if (last === undefined) return 'the resource';
  if (typeof last === 'string') return last;
  const parent = path[path.length - 2];
  return `${typeof parent === 'string' ? parent : 'item'}[${last}]`;
}

const TYPE_PHRASE: Record<string, string> = {
  string: 'a string',
  integer: 'a whole number',
  number: 'a number',
  boolean: '`true` or `false`',
  object: 'a mapping (`key: value` lines)',
  array: 'a list',
  null: 'empty',
};

/**
 * "a port number or a port name string", "a list", …
 *
 * @example
 * expectedPhrase({ type: 'array' }) // 'a list'
 */
export function expectedPhrase(schema: JsonSchema): string {
  if (schema['x-typeHint']) return schema['x-typeHint'];
  const types = typesOf(schema).filter((t) => t !== 'null');
  if (types.includes('integer') && types.includes('string')) return 'a number or a string';
  return types.map((t) => TYPE_PHRASE[t] ?? t).join(' or ') || 'a value';
}

/**
 * What the node is, in words: "a list", "the text "abc"", "the number 80".
 *
 * @example
 * actualPhrase(scalarNodeOf('80')) // 'the number 80'
 */
export function actualPhrase(node: YNode): string {
  switch (node.kind) {
    case 'map':
      return 'a mapping';
    case 'seq':
      return 'a list';
    case 'alias':
      return `the alias \`*${node.name}\``;
    case 'scalar': {
      const v = node.value;
      if (v === null || v === undefined) return 'empty';
      if (typeof v === 'boolean') return `\`${node.text}\`, which YAML reads as the boolean ${String(v)}`;
      if (typeof v === 'number') return `the number ${node.text}`;
      return `the string "${String(v).length > 40 ? `${String(v).slice(0, 40)}…` : String(v)}"`;
    }
  }
}


/**
 * The closest candidate to a misspelt word, or null when none is close enough.
 *
 * @example
 * closest('midlewares', ['match', 'middlewares']) // 'middlewares'
 */
export function closest(word: string, candidates: readonly string[]): string | null {
  let best: string | null = null;
  let bestScore = Infinity;
  const limit = word.length <= 4 ? 1 : word.length <= 8 ? 2 : 3;
  for (const c of candidates) {
    const d = editDistance(word, c);
    const prefix = word.length >= 4 && (c.toLowerCase().startsWith(word.toLowerCase()) || word.toLowerCase().startsWith(c.toLowerCase()));
    const score = d <= limit ? d : prefix ? limit : Infinity;
    if (score < bestScore) {
      bestScore = score;
      best = c;
    }
  }
  return best;
}

/**
 * Where else in the kind's schema a field of this name exists (`spec.routes[].middlewares`), if anywhere.
 *
 * @example
 * locateElsewhere(schemaFor('IngressRoute', 'v3'), 'middlewares', ['spec']) // 'spec.routes[].middlewares'
 */
export function locateElsewhere(root: JsonSchema, key: string, here: Path): string | null {
  const hereText = pathText(here.map((s) => (typeof s === 'number' ? 0 : s))).replace(/\[0\]/g, '[]');
  const queue: { schema: JsonSchema; text: string; depth: number }[] = [{ schema: root, text: '', depth: 0 }];
  const seen = new Set<JsonSchema>();
  while (queue.length) {
    const { schema, text, depth } = queue.shift()!;
    if (seen.has(schema) || depth > 6) continue;
    seen.add(schema);
    if (schema.properties?.[key] && text !== hereText && !(text === '' && hereText === 'the top level')) {
      return text ? `${text}.${key}` : key;
    }
    for (const [name, prop] of Object.entries(schema.properties ?? {})) {
      const next = text ? `${text}.${name}` : name;
      queue.push({ schema: prop, text: next, depth: depth + 1 });
      if (prop.items) queue.push({ schema: prop.items, text: `${next}[]`, depth: depth + 1 });
    }
  }
  return null;
}

/**
 * `a`, `b` and `c`
 *
 * @example
 * codeList(['a', 'b', 'c']) // '`a`, `b` and `c`'
 */
export function codeList(values: readonly unknown[]): string {
  const items = values.map((v) => `\`${String(v)}\``);
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
