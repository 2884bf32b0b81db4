/**
 * Scalar resolution as Kubernetes does it. Mirrors `resolve()` in go-yaml v2 (gopkg.in/yaml.v2
 * resolve.go), which sigs.k8s.io/yaml — and so kubectl and the API server — use to read manifests.
 *
 * js-yaml's YAML11_SCHEMA (minus `!!timestamp`, which Kubernetes keeps as a string) agrees with it on
 * null and booleans but not on every number, so untagged plain scalars go through the go-yaml table
 * below, and explicitly tagged ones through K8S_SCHEMA:
 *   text     go-yaml v2 / here   js-yaml YAML11
 *   `1:30`   "1:30" (string)     90 (base 60, dropped by go-yaml on purpose)
 *   `1e3`    1000                "1e3"
 *   `08`     8 (float)           "08"
 *   `0o17`   15                  "0o17"
 */
import { NOT_RESOLVED, Schema, YAML11_SCHEMA, timestampTag } from 'js-yaml';

/** YAML 1.1 as Kubernetes reads it, for explicit tags (`!!str`, `!!int`, `!!binary`…). */
export const K8S_SCHEMA = new Schema(YAML11_SCHEMA.tags.filter((t) => t !== timestampTag));

const MAP = new Map<string, unknown>();
for (const s of ['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON']) MAP.set(s, true);
for (const s of ['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF']) MAP.set(s, false);
for (const s of ['', '~', 'null', 'Null', 'NULL']) MAP.set(s, null);
for (const s of ['.nan', '.NaN', '.NAN']) MAP.set(s, NaN);
for (const s of ['.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF']) MAP.set(s, Infinity);
for (const s of ['-.inf', '-.Inf', '-.INF']) MAP.set(s, -Infinity);

/** resolveTable: the first character decides which resolutions are tried (0 = none: a string). */
const HINT = new Uint8Array(128);
for (const c of '+-') HINT[c.charCodeAt(0)] = 83; // 'S'
for (const c of '0123456789') HINT[c.charCodeAt(0)] = 68; // 'D'
for (const c of 'yYnNtTfFoO~') HINT[c.charCodeAt(0)] = 77; // 'M'
HINT[46] = 46; // '.'

const GO_INT = /^[-+]?(?:0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/;
const GO_FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
const GO_PARSE_FLOAT_DOT = /^\.[0-9]+(?:[eE][-+]?[0-9]+)?$/;

/**
 * The value Kubernetes gives an untagged plain scalar.
 *
 * @example
 * resolvePlain('yes'); // true
 * resolvePlain('0755'); // 493
 * resolvePlain('2024-01-01'); // '2024-01-01'
 */
export function resolvePlain(text: string): unknown {
  return resolveGo(text).value;
}

type GoKind = 'null' | 'bool' | 'int' | 'float' | 'str' | 'merge';

/** go-yaml v2's resolve(): the tag it infers and the value. */
function resolveGo(text: string): { kind: GoKind; value: unknown } {
  if (text === '') return { kind: 'null', value: null };
  const c = text.charCodeAt(0);
  const hint = c < 128 ? HINT[c]! : 0;
  if (hint === 0) return { kind: text === '<<' ? 'merge' : 'str', value: text };
  if (MAP.has(text)) {
    const value = MAP.get(text);
    return { kind: value === null ? 'null' : typeof value === 'boolean' ? 'bool' : 'float', value };
  }
  if (hint === 77) return { kind: 'str', value: text };
  if (hint === 46) return GO_PARSE_FLOAT_DOT.test(text) ? { kind: 'float', value: Number(text) } : { kind: 'str', value: text };
  const plain = text.indexOf('_') === -1 ? text : text.replace(/_/g, '');
  if (GO_INT.test(plain)) return { kind: 'int', value: parseGoInt(plain) };
  if (GO_FLOAT.test(plain)) return { kind: 'float', value: Number(plain) };
  return { kind: 'str', value: text };
}

const GO_TAGS: Record<string, GoKind[]> = {
  'tag:yaml.org,2002:null': ['null'],
  'tag:yaml.org,2002:bool': ['bool'],
  'tag:yaml.org,2002:int': ['int'],
  'tag:yaml.org,2002:float': ['int', 'float'],
};

function parseGoInt(s: string): number {
  const sign = s.charCodeAt(0) === 45 ? -1 : 1;
  const body = s.charCodeAt(0) === 45 || s.charCodeAt(0) === 43 ? s.slice(1) : s;
  if (body.length > 1 && body.charCodeAt(0) === 48) {
    const p = body.charCodeAt(1) | 32;
    if (p === 120) return sign * parseInt(body.slice(2), 16) + 0;
    if (p === 111) return sign * parseInt(body.slice(2), 8) + 0;
    if (p === 98) return sign * parseInt(body.slice(2), 2) + 0;
    return sign * parseInt(body.slice(1), 8) + 0;
  }
  return sign * parseInt(body, 10) + 0;
}

/**
 * Why a plain scalar is ambiguous between YAML 1.1 (Kubernetes) and YAML 1.2 (most editors and
 * people's expectations), or null when it is not.
 *
 * @example
 * ambiguity('on', true); // 'the boolean true'
 * ambiguity('0755', 493); // 'the octal number 493'
 */
export function ambiguity(text: string, value: unknown): string | null {
  if (typeof value === 'boolean') {
    const lower = text.toLowerCase();
    return lower === 'true' || lower === 'false' ? null : `the boolean ${String(value)}`;
  }
  if (typeof value === 'number' && /^[-+]?0(?:[0-9_]|[oO])/.test(text)) {
    return /^[-+]?0[oO]?[0-7_]+$/.test(text) ? `the octal number ${value}` : `the number ${value}`;
  }
  return null;
}

/** Resolves a `!`-tag as written to its full name (`!!int` → `tag:yaml.org,2002:int`). */
export function fullTagName(raw: string): string {
  if (raw.startsWith('!<') && raw.endsWith('>')) return decodeTag(raw.slice(2, -1));
  if (raw.startsWith('!!')) return `tag:yaml.org,2002:${decodeTag(raw.slice(2))}`;
  return decodeTag(raw);
}

function decodeTag(s: string): string {
  if (s.indexOf('%') === -1) return s;
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

export type TaggedResult = { value: unknown } | { error: 'unknown' | 'mismatch'; value: unknown };

/**
 * Constructs a scalar with an explicit tag through K8S_SCHEMA. Unknown tags keep the text (go-yaml v2
 * does not resolve tags it does not know); a value that does not fit its tag is an error.
 *
 * @example
 * resolveTagged('!!int', '42'); // { value: 42 }
 * resolveTagged('!foo', 'x'); // { error: 'unknown', value: 'x' }
 */
export function resolveTagged(rawTag: string, text: string): TaggedResult {
  if (rawTag === '!') return { value: text };
  const name = fullTagName(rawTag);
  const go = GO_TAGS[name];
  if (go !== undefined) {
    // Core tags follow go-yaml v2 too: `!!float 1` is 1, `!!int 1.5` is an error.
    const r = resolveGo(text);
    return go.includes(r.kind) ? { value: r.value } : { error: 'mismatch', value: text };
  }
  const tag = K8S_SCHEMA.lookupScalarTag(name);
  if (!tag) {
    if (name === 'tag:yaml.org,2002:map' || name === 'tag:yaml.org,2002:seq') {
      return text === '' ? { value: name.endsWith('map') ? {} : [] } : { error: 'mismatch', value: text };
    }
    return { error: 'unknown', value: text };
  }
  try {
    const value = tag.resolve(text, true, name);
    return value === NOT_RESOLVED ? { error: 'mismatch', value: text } : { value };
  } catch {
    return { error: 'mismatch', value: text };
  }
}

/** True for collection tags Kubernetes accepts on a mapping or sequence. */
export function isKnownCollectionTag(rawTag: string): boolean {
  if (rawTag === '!') return true;
  const name = fullTagName(rawTag);
  return name === 'tag:yaml.org,2002:map' || name === 'tag:yaml.org,2002:seq';
}
