/**
 * Defensive readers for raw resource values (Resource.raw and spec are NOT schema-checked): each
 * returns the value only when it has the expected type, so code reading a half-written config never
 * throws and never mistakes `port: "80"` for a number.
 */
import type { Path } from '../types.ts';

/**
 * The value when it is a string.
 *
 * @example
 * str('web'); // 'web'
 * str(80); // undefined
 */
export function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/**
 * The value when it is a finite number.
 *
 * @example
 * num(443); // 443
 * num('443'); // undefined
 */
export function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

/**
 * The value when it is a boolean.
 *
 * @example
 * bool(true); // true
 * bool('true'); // undefined
 */
export function bool(v: unknown): boolean | undefined {
  return typeof v === 'boolean' ? v : undefined;
}

/**
 * The value when it is an array, otherwise an empty array.
 *
 * @example
 * arr(['web']); // ['web']
 * arr(null); // []
 */
export function arr(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

/**
 * The value when it is a plain mapping (not null, not an array).
 *
 * @example
 * obj({ a: 1 }); // { a: 1 }
 * obj([1]); // undefined
 */
export function obj(v: unknown): Record<string, unknown> | undefined {
  if (typeof v !== 'object' || v === null || Array.isArray(v) || ArrayBuffer.isView(v) || v instanceof Date) return undefined;
  return v as Record<string, unknown>;
}

/**
 * The value at a path through mappings (string segments) and arrays (number segments), or undefined.
 * Only own keys are read.
 *
 * @example
 * get({ spec: { routes: [{ match: 'Host(`a`)' }] } }, ['spec', 'routes', 0, 'match']); // 'Host(`a`)'
 */
export function get(v: unknown, path: Path): unknown {
  let cur = v;
  for (const seg of path) {
    if (typeof seg === 'number') {
      if (!Array.isArray(cur) || !Number.isInteger(seg) || seg < 0 || seg >= cur.length) return undefined;
      cur = cur[seg];
    } else {
      const o = obj(cur);
      if (o === undefined || !Object.prototype.hasOwnProperty.call(o, seg)) return undefined;
      cur = o[seg];
    }
  }
  return cur;
}

/**
 * A mapping of strings (labels, annotations, Secret data): non-string values are left out.
 *
 * @example
 * strMap({ app: 'web', replicas: 2 }); // { app: 'web' }
 */
export function strMap(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  const o = obj(v);
  if (o === undefined) return out;
  for (const k of Object.keys(o)) {
    const s = o[k];
    if (typeof s === 'string') out[k] = s;
  }
  return out;
}
