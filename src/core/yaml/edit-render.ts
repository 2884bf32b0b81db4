/**
 * Rendering values for planEdit so that they read back the same under YAML 1.1 as Kubernetes reads
 * it: strings that would resolve to something else (`yes`, `0755`, `1.0`, `1e3`, `null`, dates) or
 * that YAML would misread (`*`, `- x`, `a: b`, `a #b`, leading/trailing spaces) are quoted; the rest
 * stays plain — rules like Host(`a.example.com`) && PathPrefix(`/api`) are plain-safe in block
 * context (a backtick is reserved only as the first character). Collections are rendered by js-yaml's
 * dump (DUMP_SCHEMA quotes anything YAML 1.1 or 1.2 would resolve) and re-indented to their place.
 */
import { dump } from 'js-yaml';
import type { ScalarStyle } from '../types.ts';

export interface RenderStyle {
  /** Indentation unit of the document. */
  unit: number;
  /** Block sequences under a key are indented (`key:\n  - a`) rather than not (`key:\n- a`). */
  seqIndented: boolean;
  /** The document is JSON: render JSON. */
  json: boolean;
  eol: string;
}

/** Characters only a double-quoted scalar can carry (as escapes). */
// eslint-disable-next-line no-control-regex -- control characters are exactly what this detects
export const CONTROL = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufeff\u2028\u2029]/;

export function isCollection(v: unknown): v is Record<string, unknown> | unknown[] {
  return typeof v === 'object' && v !== null && !(v instanceof Date) && !ArrayBuffer.isView(v);
}

export function isEmptyCollection(v: unknown): boolean {
  return isCollection(v) && (Array.isArray(v) ? v.length === 0 : Object.keys(v).length === 0);
}

/**
 * Converts values dump and JSON cannot write as-is (undefined, Dates, bigints…).
 *
 * @example
 * normalize({ a: undefined, d: new Date(0) }); // { d: '1970-01-01T00:00:00.000Z' }
 */
export function normalize(v: unknown): unknown {
  if (v === undefined) return null;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.toISOString();
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'function' || typeof v === 'symbol') return null;
  if (Array.isArray(v)) return v.map(normalize);
  if (isCollection(v)) {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v)) if ((v as Record<string, unknown>)[k] !== undefined) out[k] = normalize((v as Record<string, unknown>)[k]);
    return out;
  }
  return v;
}

/**
 * True when `s` can be written without quotes and reads back as the same string.
 *
 * @example
 * plainSafe('Host(`a`)', false); // true
 * plainSafe('yes', false); // false
 */
export function plainSafe(s: string, flow: boolean): boolean {
  // dump quotes what a plain scalar cannot hold (empty, control characters, tabs, line breaks), and
  // never folds a flow scalar: only the block form needs an unlimited line width.
  if (flow) return dump([s], { flowLevel: 0 }) === `[${s}]\n`;
  return dump(s, { lineWidth: -1 }) === `${s}\n`;
}

export function singleQuoted(s: string): string | null {
  return CONTROL.test(s) || /[\n\r]/.test(s) ? null : `'${s.replace(/'/g, "''")}'`;
}

/**
 * Double-quoted YAML is a superset of JSON strings.
 *
 * @example
 * doubleQuoted('a"b'); // '"a\\"b"'
 */
export function doubleQuoted(s: string): string {
  return JSON.stringify(s);
}

function numberText(n: number): string {
  if (Number.isNaN(n)) return '.nan';
  if (n === Infinity) return '.inf';
  if (n === -Infinity) return '-.inf';
  return String(n);
}

/**
 * One-line text of a non-collection value, keeping `prefer`'s quoting when the value is a string.
 *
 * @example
 * renderInline('yes', { flow: false }); // "'yes'"
 * renderInline('Host(`a`)', { flow: false }); // 'Host(`a`)'
 * renderInline('x', { flow: false, prefer: 'double' }); // '"x"'
 */
export function renderInline(value: unknown, opts: { flow: boolean; prefer?: ScalarStyle }): string {
  const v = normalize(value);
  if (typeof v === 'number') return numberText(v);
  // null or a boolean: collections are rendered by the callers (renderBlock, flowText, jsonLines).
  if (typeof v !== 'string') return String(v);
  if (opts.prefer === 'double') return doubleQuoted(v);
  if (opts.prefer === 'single') return singleQuoted(v) ?? doubleQuoted(v);
  if (plainSafe(v, opts.flow)) return v;
  return singleQuoted(v) ?? doubleQuoted(v);
}

/**
 * A key, plain when safe.
 *
 * @example
 * renderKey('yes', false, false); // "'yes'"
 */
export function renderKey(key: string, flow: boolean, json: boolean): string {
  if (json) return doubleQuoted(key);
  return plainSafe(key, flow) && !key.includes(':') && !key.includes('#') ? key : (singleQuoted(key) ?? doubleQuoted(key));
}

/**
 * A multi-line string as a literal block scalar: header and body lines (body not yet indented), or
 * null when a literal cannot say it exactly (leading space, control characters, kept trailing lines).
 *
 * @example
 * literalBlock('a\nb\n'); // { header: '|', lines: ['a', 'b'] }
 */
export function literalBlock(s: string): { header: string; lines: string[] } | null {
  if (!s.includes('\n') || CONTROL.test(s) || s.includes('\r') || s.endsWith('\n\n')) return null;
  // The first non-empty line sets the indentation: it must not start with white space.
  const first = s.split('\n').find((l) => l !== '');
  if (first === undefined || /^[ \t]/.test(first)) return null;
  const chomp = s.endsWith('\n') ? '' : '-';
  const body = s.endsWith('\n') ? s.slice(0, -1) : s;
  return { header: `|${chomp}`, lines: body.split('\n') };
}

/**
 * A collection (or any value) as block YAML lines at column 0, by js-yaml's dump.
 *
 * @example
 * blockLines({ name: 'a', port: 80 }, style); // ['name: a', 'port: 80']
 */
export function blockLines(value: unknown, style: RenderStyle): string[] {
  // (normalize copies every collection: dump never meets one twice, so it writes no anchors.)
  let out = dump(normalize(value), { lineWidth: -1, indent: style.unit, seqNoIndent: !style.seqIndented });
  // dump ends with a line break, after a `...` document end when the text ends with a kept (`|+`) scalar.
  if (out.endsWith('\n...\n')) out = out.slice(0, -4);
  return out.slice(0, -1).split('\n');
}

/**
 * JSON lines at column 0: pretty (indented by the unit), or one line spaced like `{"a": [1, 2]}`.
 *
 * @example
 * jsonLines({ a: [1] }, 2, false); // ['{"a": [1]}']
 */
export function jsonLines(value: unknown, unit: number, pretty: boolean): string[] {
  const v = normalize(value);
  if (pretty) return JSON.stringify(v, null, unit).split('\n');
  return [jsonInline(v)];
}

function jsonInline(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(jsonInline).join(', ')}]`;
  if (isCollection(v)) {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o).map((k) => `${JSON.stringify(k)}: ${jsonInline(o[k])}`).join(', ')}}`;
  }
  // (JSON.stringify writes NaN and ±Infinity as null.)
  return JSON.stringify(v);
}

/**
 * Joins lines, indenting all but the first by `indent` columns (empty lines stay empty).
 *
 * @example
 * indentRest(['a:', 'b: 1'], 2, '\n'); // 'a:\n  b: 1'
 */
export function indentRest(lines: readonly string[], indent: number, eol: string): string {
  const pad = ' '.repeat(indent);
  return lines.map((l, i) => (i === 0 || l === '' ? l : pad + l)).join(eol);
}

/**
 * Joins lines, indenting every one by `indent` columns (empty lines stay empty).
 *
 * @example
 * indentAll(['a', '', 'b'], 2, '\n'); // '  a\n\n  b'
 */
export function indentAll(lines: readonly string[], indent: number, eol: string): string {
  const pad = ' '.repeat(indent);
  return lines.map((l) => (l === '' ? l : pad + l)).join(eol);
}
