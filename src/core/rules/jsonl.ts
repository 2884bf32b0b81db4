// No Traefik counterpart: the CLI's `rules --jsonl` line protocol. Each line is a rule and a request;
// the answer is whether Traefik's muxer would match it (no entryPoint pre-processing is applied).
import type { RuleSyntax, TraefikTarget } from '../types.ts';
import { buildRoutingRequest } from './canonical.ts';
import { evaluateRule } from './evaluate.ts';
import { parseRule } from './parser.ts';

interface JsonlInput {
  rule?: unknown;
  syntax?: unknown;
  target?: unknown;
  version?: unknown;
  request?: { method?: unknown; url?: unknown; headers?: unknown; clientIP?: unknown };
}

const PATH_OK = /^[A-Za-z0-9\-._~!$&'()*+,;=:@/[\]]$/;

/** The escaped path as Go's URL.EscapedPath gives it: valid escapes kept, other characters encoded. */
function escapePath(raw: string): string | null {
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (c === '%') {
      if (!/^[0-9a-fA-F]{2}$/.test(raw.slice(i + 1, i + 3))) return null;
      out += raw.slice(i, i + 3);
      i += 2;
    } else if (PATH_OK.test(c)) out += c;
    else out += encodeURIComponent(c); // PATH_OK holds every character encodeURIComponent leaves alone
  }
  return out;
}

/**
 * Splits a request URL (`http://host:port/path?query`, or `/path?query` with a Host header) into the
 * parts routing reads; fragments are dropped.
 *
 * @example
 * splitRequestUrl('http://a.com:8080/x%20y?q=1', {}) // { host: 'a.com:8080', escapedPath: '/x%20y', rawQuery: 'q=1' }
 */
export function splitRequestUrl(url: string, headers: Record<string, string | string[]>): { host: string; escapedPath: string; rawQuery: string } | { error: string } {
  let rest = url.split('#')[0]!;
  let host = '';
  const abs = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.exec(rest);
  if (abs) {
    rest = rest.slice(abs[0].length);
    const cut = rest.search(/[/?]/);
    const authority = cut < 0 ? rest : rest.slice(0, cut);
    rest = cut < 0 ? '' : rest.slice(cut);
    host = authority.slice(authority.lastIndexOf('@') + 1);
  } else {
    const h = Object.entries(headers).find(([k]) => k.toLowerCase() === 'host')?.[1];
    host = Array.isArray(h) ? (h[0] ?? '') : (h ?? '');
  }
  const q = rest.indexOf('?');
  const path = q < 0 ? rest : rest.slice(0, q);
  const rawQuery = q < 0 ? '' : rest.slice(q + 1);
  if (path !== '' && !path.startsWith('/')) return { error: `the URL path ${JSON.stringify(path)} must start with /` };
  const escapedPath = escapePath(path === '' ? '/' : path);
  if (escapedPath === null) return { error: `invalid URL escape in ${JSON.stringify(path)}` };
  return { host, escapedPath, rawQuery };
}

function headersOf(v: unknown): Record<string, string | string[]> {
  if (!v || typeof v !== 'object') return {};
  const out: Record<string, string | string[]> = {};
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) out[k] = Array.isArray(x) ? x.map(String) : String(x);
  return out;
}

/**
 * One line of `rules --jsonl`: `{"rule","syntax","request":{method,url,headers,clientIP}}` in,
 * `{"result":"match"|"nomatch"}` or `{"result":"error","error":"…"}` out. Never throws.
 *
 * @example
 * runRulesJsonlLine('{"rule":"Host(`a.com`)","request":{"url":"http://a.com/"}}') // '{"result":"match"}'
 */
export function runRulesJsonlLine(line: string): string {
  const fail = (error: string) => JSON.stringify({ result: 'error', error });
  let input: JsonlInput;
  try {
    input = JSON.parse(line) as JsonlInput;
  } catch (e) {
    return fail(`invalid JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (!input || typeof input !== 'object' || typeof input.rule !== 'string') return fail('each line needs a "rule" string');
  const syntax: RuleSyntax = input.syntax === 'v2' ? 'v2' : 'v3';
  const parsed = parseRule(input.rule, syntax);
  if (!parsed.ast || parsed.errors.length > 0) {
    const e = parsed.errors[0];
    return fail(e ? `${e.code} at offset ${e.offset}: ${e.message}` : 'the rule does not parse');
  }
  const req = input.request && typeof input.request === 'object' ? input.request : {};
  const headers = headersOf(req.headers);
  const url = typeof req.url === 'string' ? req.url : '/';
  const parts = splitRequestUrl(url, headers);
  if ('error' in parts) return fail(parts.error);
  const request = buildRoutingRequest({
    method: typeof req.method === 'string' ? req.method : 'GET',
    host: parts.host,
    escapedPath: parts.escapedPath,
    rawQuery: parts.rawQuery,
    headers,
    clientIP: typeof req.clientIP === 'string' ? req.clientIP : '',
  });
  const target = input.target === 'v2.11' || input.target === 'hub' || input.target === 'v3' ? (input.target as TraefikTarget) : undefined;
  const result = evaluateRule(parsed.ast, request, { syntax, ...(target ? { target } : {}), ...(typeof input.version === 'string' ? { version: input.version } : {}) });
  return JSON.stringify({ result: result.matched ? 'match' : 'nomatch' });
}
