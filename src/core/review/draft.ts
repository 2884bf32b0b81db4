// No Traefik counterpart: a request under construction (one value per dimension), how rule leaves judge it
// (through core/rules, which mirrors pkg/muxer/http/matcher.go), and the SimRequest it becomes.
import { evaluateRule, type EvaluateOptions } from '../rules/index.ts';
import type { RoutingRequest, RuleNode } from '../rules/ast.ts';
import type { SimRequest } from '../simulate/verdict.ts';
import type { DimValue } from './candidates.ts';
import type { Dim, Lit } from './literals.ts';

export interface Draft {
  method: string;
  /** Lower-case host, no port. */
  host: string;
  /** Decoded path, starting with `/`. */
  path: string;
  /** Query pairs in order. */
  query: [string, string][];
  /** Canonical header keys. */
  headers: Record<string, string[]>;
  clientIP: string;
}

export const BASE_DRAFT: Draft = { method: 'GET', host: 'witness.example', path: '/', query: [], headers: {}, clientIP: '203.0.113.7' };

/** The draft with one dimension set. */
export function withDim(draft: Draft, dim: Dim, value: DimValue): Draft {
  if (dim === 'host' || dim === 'path' || dim === 'method') return { ...draft, [dim]: String(value) };
  if (dim === 'ip') return { ...draft, clientIP: String(value) };
  if (dim.startsWith('header:')) {
    const key = dim.slice('header:'.length);
    const headers = { ...draft.headers };
    if (value === null) delete headers[key];
    else headers[key] = Array.isArray(value) ? value : [String(value)];
    return { ...draft, headers };
  }
  if (dim.startsWith('query:')) {
    const key = dim.slice('query:'.length);
    const query = draft.query.filter(([k]) => k !== key);
    if (value !== null) for (const v of Array.isArray(value) ? value : [String(value)]) query.push([key, v]);
    return { ...draft, query };
  }
  return draft;
}

/** Percent-encodes what may not appear raw in a path: the routing path decodes it back (traefik-semantics §1.4). */
function encodePath(path: string): string {
  let out = '';
  for (const ch of path) {
    if (/^[A-Za-z0-9\-._~!$&'()*+,;=:@/[\]]$/.test(ch)) out += ch;
    else for (const b of new TextEncoder().encode(ch)) out += '%' + b.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}

function encodeQueryPart(s: string): string {
  return encodeURIComponent(s).replace(/%20/g, '+').replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
}

/** `a=1&b=2` as Go's url.Values.Encode would write it (keys in draft order). */
export function rawQueryOf(draft: Draft): string {
  return draft.query.map(([k, v]) => `${encodeQueryPart(k)}=${encodeQueryPart(v)}`).join('&');
}

/**
 * The request a draft stands for.
 *
 * @example
 * toSimRequest({ ...BASE_DRAFT, host: 'a.com', path: '/x' }, { scheme: 'https', entryPoint: 'websecure' })
 * // { method: 'GET', url: 'https://a.com/x', headers: {}, clientIP: '203.0.113.7', entryPoint: 'websecure' }
 */
export function toSimRequest(draft: Draft, at: { scheme: 'http' | 'https'; entryPoint?: string }): SimRequest {
  const host = draft.host.includes(':') && !draft.host.startsWith('[') ? `[${draft.host}]` : draft.host;
  const query = rawQueryOf(draft);
  const headers: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(draft.headers)) headers[k] = v.length === 1 ? v[0]! : [...v];
  const request: SimRequest = {
    method: draft.method,
    url: `${at.scheme}://${host}${encodePath(draft.path)}${query ? '?' + query : ''}`,
    headers,
    clientIP: draft.clientIP,
  };
  if (at.entryPoint !== undefined) request.entryPoint = at.entryPoint;
  return request;
}

/**
 * The request as matchers see it (traefik-semantics §1.4). The client sends `encodePath(path)`; Traefik's
 * routing path decodes every escape except the reserved ones, so only `%`, `?` and `#` stay encoded.
 */
export function routingRequestOf(draft: Draft): RoutingRequest {
  const query: Record<string, string[]> = {};
  for (const [k, v] of draft.query) (query[k] ??= []).push(v);
  return {
    method: draft.method,
    host: draft.host,
    path: draft.path.replace(/[%?#]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase()),
    query,
    headers: draft.headers,
    clientIP: draft.clientIP,
    rawHost: draft.host.includes(':') ? `[${draft.host}]` : draft.host,
  };
}

/**
 * Whether the draft satisfies the literal (its leaf matches, or does not when negated). Never throws.
 *
 * @example
 * litHolds(pathPrefixLit('/api'), { ...BASE_DRAFT, path: '/api/x' }) // true
 */
export function litHolds(lit: Lit, draft: Draft): boolean {
  try {
    return evaluateRule(lit.node as RuleNode, routingRequestOf(draft), lit.env).matched !== lit.neg;
  } catch {
    return false;
  }
}

/** Whether a whole parsed rule (the rules module's AST) matches the draft. */
export function astHolds(ast: unknown, draft: Draft, env: EvaluateOptions = {}): boolean {
  if (!ast) return false;
  try {
    return evaluateRule(ast as RuleNode, routingRequestOf(draft), env).matched;
  } catch {
    return false;
  }
}
