// Mirrors the matcherBuilderFunc / MatcherFunc types of pkg/muxer/http/mux.go and Go's regexp as
// matcher.go uses it: what a table entry is, and the helpers both tables share (errors, regexes).
import type { RuleSyntax } from '../types.ts';
import type { RoutingRequest, RuleArg, RuleError, RuleErrorCode } from './ast.ts';
import { RE2JS } from 're2js';

/** A Traefik version as [major, minor, patch]. */
export type Version = readonly [number, number, number];

export interface EvalEnv {
  syntax: RuleSyntax;
  version: Version;
}

export interface LeafOutcome {
  result: boolean;
  explanation: string;
}

/** A built matcher: Traefik's MatcherFunc plus the sentence that explains its answer. */
export type LeafMatch = (req: RoutingRequest, env: EvalEnv) => LeafOutcome;

export type Build = { ok: true; match: LeafMatch } | { ok: false; errors: RuleError[] };

export interface MatcherDef {
  /** Accepted argument counts (`expectNParameters`), or 'variadic' for v2's one-or-more. */
  arity: readonly number[] | 'variadic';
  build(args: readonly RuleArg[]): Build;
}

export type MatcherTable = Readonly<Record<string, MatcherDef>>;

export const DEFAULT_VERSION: Version = [3, 7, 9];

/**
 * Parses `3.7.9`, `v3.7.0-rc.1` or `2.11` into a Version (missing parts are 0); null when unreadable.
 *
 * @example
 * parseVersion('v3.7.7') // [3, 7, 7]
 */
export function parseVersion(text: string | undefined): Version | null {
  const m = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec((text ?? '').trim());
  if (!m) return null;
  return [Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0)];
}

/** a ≥ b on versions. */
export function atLeast(a: Version, b: Version): boolean {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i]! > b[i]!;
  return true;
}

export const ok = (match: LeafMatch): Build => ({ ok: true, match });

/**
 * The values of a header or query key; own keys only, so `constructor` or `__proto__` are plain names.
 *
 * @example
 * lookup({ 'X-Env': ['prod'] }, 'X-Env') // ['prod']
 */
export function lookup(map: Record<string, string[]> | undefined, key: string): string[] | undefined {
  const v = map && Object.prototype.hasOwnProperty.call(map, key) ? map[key] : undefined;
  return Array.isArray(v) ? v : undefined;
}

/** An error pointing at a whole argument literal. */
export function argError(code: RuleErrorCode, message: string, arg: RuleArg): RuleError {
  return { code, message, offset: arg.range.start, length: arg.range.end - arg.range.start };
}

/**
 * The source offset of `value[i]` when the literal has no escapes (its length is the value's plus
 * the two quotes); otherwise null and callers point at the whole argument.
 *
 * @example
 * valueOffset({ value: 'ab', range: { start: 5, end: 9 } }, 1) // 7
 */
export function valueOffset(arg: RuleArg, i: number): number | null {
  return arg.range.end - arg.range.start === arg.value.length + 2 ? arg.range.start + 1 + i : null;
}

/** An error at `value[i..i+len)` (len ≥ 1 from every caller) when that maps onto the source, else at the whole argument. */
export function errorInValue(code: RuleErrorCode, message: string, arg: RuleArg, i: number, len: number): RuleError {
  const at = valueOffset(arg, i);
  return at === null ? argError(code, message, arg) : { code, message, offset: at, length: len };
}

/**
 * Compiles an argument as a Go regular expression, or returns the RULE_BAD_REGEX error for it.
 *
 * @example
 * compileArg('HostRegexp', { value: '(a', range: { start: 11, end: 15 } }) // { error: … }
 */
export function compileArg(matcher: string, arg: RuleArg): { re: RE2JS } | { error: RuleError } {
  const r = compileRegex(arg.value);
  if (r.ok) return { re: r.re };
  return { error: argError('RULE_BAD_REGEX', `${matcher}: invalid regular expression: ${r.error}. Traefik uses Go's RE2 syntax (no look-around, no back-references); fix the pattern or escape the character.`, arg) };
}

// ---------------------------------------------------------------------------------------------
// Go's regexp.Compile / MatchString / QuoteMeta on re2js (RE2: linear time, Go's error messages).

export type GoRegex = { ok: true; re: RE2JS } | { ok: false; error: string };

const MAX_CACHED = 5000;
const cache = new Map<string, GoRegex>();

/**
 * Compiles a Go RE2 pattern once and caches it by pattern; never throws.
 *
 * @example
 * compileRegex('^/api').ok // true
 * compileRegex('(?=x)').ok // false
 */
export function compileRegex(pattern: string): GoRegex {
  const hit = cache.get(pattern);
  if (hit) return hit;
  let out: GoRegex;
  try {
    out = { ok: true, re: RE2JS.compile(pattern) };
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    out = { ok: false, error: msg.replace(/^error parsing regexp: /, '') };
  }
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(pattern, out);
  return out;
}

/**
 * Go's `regexp.MatchString`: true when the pattern matches anywhere in `s` (unanchored).
 *
 * @example
 * const r = compileRegex('b'); r.ok && regexMatch(r.re, 'abc') // true
 */
export function regexMatch(re: RE2JS, s: string): boolean {
  return re.test(s);
}

const META = new Set(['\\', '.', '+', '*', '?', '(', ')', '|', '[', ']', '{', '}', '^', '$']);

/**
 * Go's `regexp.QuoteMeta`: escapes every RE2 metacharacter.
 *
 * @example
 * quoteMeta('a.b') // 'a\\.b'
 */
export function quoteMeta(s: string): string {
  let out = '';
  for (const c of s) out += META.has(c) ? '\\' + c : c;
  return out;
}
