// Mirrors containous/mux regexp.go (newRouteRegexp, braceIndices), the `{name:pattern}` templates of
// the v2 Host/HostRegexp, Path, PathPrefix and Query matchers.
import type { RE2JS } from 're2js';
import { compileRegex, quoteMeta } from './matcher-kit.ts';

export type TemplateKind = 'host' | 'path' | 'prefix' | 'query';

/** A template split into literal text and variables (`pattern` is the default one when omitted). */
export type TemplatePart = { literal: string } | { name: string; pattern: string; at: number };

export type TemplateError = { kind: 'braces' | 'empty' | 'regex'; message: string; at: number; length: number };

export interface CompiledTemplate {
  template: string;
  /** The full Go pattern mux compiles, e.g. `(?i)^(?P<v0>[^.]+)\.example\.com$`. */
  pattern: string;
  re: RE2JS;
  names: string[];
}

const DEFAULT_PATTERN: Record<TemplateKind, string> = { host: '[^.]+', path: '[^/]+', prefix: '[^/]+', query: '.*' };

/** braceIndices: first-level `{…}` spans; null (and the offending index) when unbalanced. */
function braceIndices(s: string): { idxs: number[] } | { at: number } {
  let level = 0;
  let idx = 0;
  const idxs: number[] = [];
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '{') {
      if (++level === 1) idx = i;
    } else if (s[i] === '}') {
      if (--level === 0) idxs.push(idx, i + 1);
      else if (level < 0) return { at: i };
    }
  }
  return level !== 0 ? { at: idx } : { idxs };
}

/**
 * Splits a template into literals and variables, or reports unbalanced braces / empty names.
 *
 * @example
 * templateParts('/api/{id:[0-9]+}', 'path') // [{ literal: '/api/' }, { name: 'id', pattern: '[0-9]+', at: 5 }]
 */
export function templateParts(tpl: string, kind: TemplateKind): { parts: TemplatePart[] } | { error: TemplateError } {
  const b = braceIndices(tpl);
  if ('at' in b) return { error: { kind: 'braces', message: `unbalanced braces in ${JSON.stringify(tpl)}`, at: b.at, length: 1 } };
  const parts: TemplatePart[] = [];
  let end = 0;
  for (let i = 0; i < b.idxs.length; i += 2) {
    const open = b.idxs[i]!;
    if (open > end) parts.push({ literal: tpl.slice(end, open) });
    end = b.idxs[i + 1]!;
    const inner = tpl.slice(open + 1, end - 1);
    const colon = inner.indexOf(':');
    const name = colon < 0 ? inner : inner.slice(0, colon);
    const pattern = colon < 0 ? DEFAULT_PATTERN[kind] : inner.slice(colon + 1);
    if (name === '' || pattern === '') {
      return { error: { kind: 'empty', message: `missing name or pattern in ${JSON.stringify(tpl.slice(open, end))}`, at: open, length: end - open } };
    }
    parts.push({ name, pattern, at: open });
  }
  if (end < tpl.length) parts.push({ literal: tpl.slice(end) });
  return { parts };
}

/**
 * newRouteRegexp: the anchored Go pattern of a template (`(?i)` for hosts, no `$` for prefixes, `.*`
 * after an empty query value), compiled; each variable's pattern is also compiled alone as mux does.
 *
 * @example
 * compileTemplate('{sub}.example.com', 'host').pattern // '(?i)^(?P<v0>[^.]+)\\.example\\.com$'
 */
export function compileTemplate(tpl: string, kind: TemplateKind): { ok: true; compiled: CompiledTemplate } | { ok: false; error: TemplateError } {
  const split = templateParts(tpl, kind);
  if ('error' in split) return { ok: false, error: split.error };
  let pattern = kind === 'host' ? '(?i)^' : '^';
  const names: string[] = [];
  for (const p of split.parts) {
    if ('literal' in p) {
      pattern += quoteMeta(p.literal);
      continue;
    }
    const alone = compileRegex(`^${p.pattern}$`);
    if (!alone.ok) return { ok: false, error: { kind: 'regex', message: alone.error, at: p.at, length: p.name.length + p.pattern.length + 3 } };
    pattern += `(?P<v${names.length}>${p.pattern})`;
    names.push(p.name);
  }
  if (kind === 'query' && tpl.slice(tpl.indexOf('=') + 1) === '') pattern += DEFAULT_PATTERN.query;
  if (kind !== 'prefix') pattern += '$';
  const full = compileRegex(pattern);
  if (!full.ok) return { ok: false, error: { kind: 'regex', message: full.error, at: 0, length: tpl.length } };
  return { ok: true, compiled: { template: tpl, pattern, re: full.re, names } };
}
