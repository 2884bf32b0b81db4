// Mirrors Go's regexp package as the middlewares use it (MatchString, FindStringSubmatch,
// ReplaceAllString with `$1`/`${name}` expansion) on top of re2js, which speaks Go's RE2 syntax.
import { RE2JS } from 're2js';

/** A compiled Go regular expression, or the compile error Go would report. */
export type GoRegexp = { ok: true; source: string; re: RE2JS } | { ok: false; source: string; error: string };

const cache = new Map<string, GoRegexp>();

/**
 * Compiles (and caches) a Go RE2 pattern; never throws.
 *
 * @example
 * compileGoRegexp('^/api/(.*)').ok // true
 * compileGoRegexp('(?=x)').ok // false
 */
export function compileGoRegexp(source: string): GoRegexp {
  const hit = cache.get(source);
  if (hit) return hit;
  let compiled: GoRegexp;
  try {
    compiled = { ok: true, source, re: RE2JS.compile(source) };
  } catch (e) {
    compiled = { ok: false, source, error: e instanceof Error ? e.message : String(e) };
  }
  if (cache.size > 2000) cache.clear();
  cache.set(source, compiled);
  return compiled;
}

/** Match positions like Go's `FindStringSubmatchIndex`: [start0, end0, start1, end1, …], -1 for unset groups. */
export type MatchIndex = number[];

function findAt(re: RE2JS, s: string, from: number): MatchIndex | null {
  const m = re.matcher(s);
  if (!m.find(from)) return null;
  const out: number[] = [];
  for (let g = 0; g <= re.groupCount(); g++) out.push(m.start(g), m.end(g));
  return out;
}

/**
 * Go `MatchString`: unanchored search.
 *
 * @example
 * matchString(compileGoRegexp('b'), 'abc') // true
 */
export function matchString(re: GoRegexp, s: string): boolean {
  return re.ok && findAt(re.re, s, 0) !== null;
}

/**
 * Go `FindStringSubmatch`: the leftmost match and its groups ('' for unset groups), or null.
 *
 * @example
 * findStringSubmatch(compileGoRegexp('/(a+)'), '/aa/b') // ['/aa', 'aa']
 */
export function findStringSubmatch(re: GoRegexp, s: string): string[] | null {
  if (!re.ok) return null;
  const idx = findAt(re.re, s, 0);
  if (!idx) return null;
  const out: string[] = [];
  for (let i = 0; i < idx.length; i += 2) out.push(idx[i]! < 0 ? '' : s.slice(idx[i], idx[i + 1]));
  return out;
}

/** Go `regexp.extract`: a `$name`/`${name}` reference at the start of str. */
function extract(str: string): { name: string; num: number; rest: string } | undefined {
  if (str === '') return undefined;
  let brace = false;
  if (str[0] === '{') {
    brace = true;
    str = str.slice(1);
  }
  const m = /^[\p{L}\p{Nd}_]+/u.exec(str);
  if (!m) return undefined;
  const name = m[0];
  let i = name.length;
  if (brace) {
    if (str[i] !== '}') return undefined;
    i++;
  }
  let num = /^\d+$/.test(name) && name.length < 9 ? Number(name) : -1;
  if (name[0] === '0' && name.length > 1) num = -1;
  return { name, num, rest: str.slice(i) };
}

/** Go `Regexp.expand` with a string template. */
function expand(template: string, src: string, match: MatchIndex, names: Record<string, number>): string {
  let out = '';
  while (template.length > 0) {
    const at = template.indexOf('$');
    if (at < 0) break;
    out += template.slice(0, at);
    template = template.slice(at + 1);
    if (template.startsWith('$')) {
      out += '$';
      template = template.slice(1);
      continue;
    }
    const ref = extract(template);
    if (!ref) {
      out += '$';
      continue;
    }
    template = ref.rest;
    const group = ref.num >= 0 ? ref.num : names[ref.name];
    if (group !== undefined && 2 * group + 1 < match.length && match[2 * group]! >= 0) {
      out += src.slice(match[2 * group], match[2 * group + 1]);
    }
  }
  return out + template;
}

/**
 * Go `ReplaceAllString`: replaces every non-overlapping match, expanding `$1`, `${1}`, `$name`
 * (the longest run of letters, digits and `_`: `$1x` is group `1x`, i.e. empty) and `$$`.
 *
 * @example
 * replaceAllString(compileGoRegexp('^/api/(.*)'), '/api/users', '/v2/$1') // '/v2/users'
 */
export function replaceAllString(re: GoRegexp, src: string, template: string): string {
  if (!re.ok) return src;
  const names = re.re.namedGroups() as Record<string, number>;
  let out = '';
  let lastMatchEnd = 0;
  let searchPos = 0;
  while (searchPos <= src.length) {
    const a = findAt(re.re, src, searchPos);
    if (!a) break;
    const start = a[0]!;
    const end = a[1]!;
    out += src.slice(lastMatchEnd, start);
    if (end > lastMatchEnd || start === 0) out += expand(template, src, a, names);
    lastMatchEnd = end;
    const cp = src.codePointAt(searchPos);
    const width = cp === undefined ? 0 : cp > 0xffff ? 2 : 1;
    if (searchPos + width > end) searchPos += width;
    else if (searchPos + 1 > end) searchPos++;
    else searchPos = end;
  }
  return out + src.slice(lastMatchEnd);
}
