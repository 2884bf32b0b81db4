// No Traefik counterpart: helpers for the rules tests (built like the httptest requests of
// pkg/muxer/http/*_test.go: a URL plus optional method, headers and remote address).
import { expect, it } from 'vitest';
import type { RuleSyntax, TraefikTarget } from '../types.ts';
import type { RoutingRequest } from './ast.ts';
import { buildRoutingRequest } from './canonical.ts';
import { evaluateRule } from './evaluate.ts';
import { splitRequestUrl } from './jsonl.ts';
import { parseRule } from './parser.ts';

export interface RequestSpec {
  url: string;
  method?: string;
  headers?: Record<string, string | string[]>;
  clientIP?: string;
}

/**
 * A routing request from a URL (`https://example.com/css?q=1`) and optional extras.
 *
 * @example
 * requestOf({ url: 'http://a.com/x', method: 'POST' }).method // 'POST'
 */
export function requestOf(spec: RequestSpec | string): RoutingRequest {
  const s = typeof spec === 'string' ? { url: spec } : spec;
  const headers = s.headers ?? {};
  const parts = splitRequestUrl(s.url, headers);
  if ('error' in parts) throw new Error(parts.error);
  return buildRoutingRequest({ method: s.method ?? 'GET', host: parts.host, escapedPath: parts.escapedPath, rawQuery: parts.rawQuery, headers, clientIP: s.clientIP ?? '' });
}

/**
 * Parses (failing on any error) and evaluates a rule against a request.
 *
 * @example
 * matches('Host(`a.com`)', 'v3', 'http://a.com/') // true
 */
export function matches(rule: string, syntax: RuleSyntax, spec: RequestSpec | string, opts: { version?: string; target?: TraefikTarget } = {}): boolean {
  const parsed = parseRule(rule, syntax);
  if (!parsed.ast || parsed.errors.length > 0) throw new Error(`rule has errors: ${JSON.stringify(parsed.errors)}`);
  return evaluateRule(parsed.ast, requestOf(spec), { syntax, ...opts }).matched;
}

/** The first error of a rule as [code, offset, length], or null. */
export function firstError(rule: string, syntax: RuleSyntax): [string, number, number] | null {
  const e = parseRule(rule, syntax).errors[0];
  return e ? [e.code, e.offset, e.length] : null;
}

export interface InvalidCase {
  desc: string;
  rule: string;
  code: string;
  /** [offset, length] of the first error. */
  at?: [number, number];
}

export interface MatchCase {
  desc: string;
  rule: string;
  request: RequestSpec | string;
  expected: boolean;
  version?: string;
}

/** One test per rule Traefik rejects: the first error's code (and range when given). */
export function itRejects(syntax: RuleSyntax, cases: InvalidCase[]): void {
  it.each(cases)('$desc', ({ rule, code, at }) => {
    const e = firstError(rule, syntax);
    // With a range, the whole [code, offset, length]; without, the code alone.
    expect(at ? e : e?.[0]).toEqual(at ? [code, ...at] : code);
  });
}

/** One test per (rule, request): whether the rule matches. */
export function itMatches(syntax: RuleSyntax, cases: MatchCase[]): void {
  it.each(cases)('$desc', ({ rule, request, expected, version }) => {
    expect(matches(rule, syntax, request, version ? { version } : {})).toBe(expected);
  });
}
