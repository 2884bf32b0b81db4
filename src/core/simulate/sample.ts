// No Traefik counterpart: example requests derived from a router's rule (the values its matchers require), for
// the simulator's quick picks. Matchers follow pkg/muxer/http/matcher.go (v3) and matcher_v2.go (v2).
import { assertNever } from '../diagnostic.ts';
import type { DynamicRouter } from '../types.ts';
import type { RuleTree } from './compiled.ts';
import { compileRule } from './rule-engine.ts';
import type { SimRequest } from './verdict.ts';

type Leaf = Extract<RuleTree, { type: 'leaf' }>;
type Literal = { leaf: Leaf; negated: boolean };

const MAX_SAMPLES = 4;

/** Disjunctive normal form, capped: each conjunction is one sample. */
function dnf(tree: RuleTree, negated = false): Literal[][] {
  switch (tree.type) {
    case 'leaf':
      return [[{ leaf: tree, negated }]];
    case 'not':
      return dnf(tree.child, !negated);
    case 'and':
    case 'or': {
      const l = dnf(tree.left, negated);
      const r = dnf(tree.right, negated);
      if ((tree.type === 'and') !== negated) return l.flatMap((a) => r.map((b) => [...a, ...b])).slice(0, MAX_SAMPLES);
      return [...l, ...r].slice(0, MAX_SAMPLES);
    }
    default:
      return assertNever(tree);
  }
}

/**
 * A string a simple regular expression (or mux template) matches, or undefined when it is too clever for us.
 *
 * @example
 * exampleFromPattern('^/api/v[0-9]+/') // '/api/v1/'
 */
export function exampleFromPattern(pattern: string): string | undefined {
  let s = pattern.replace(/\{[a-zA-Z_][a-zA-Z0-9_]*(?::([^{}]*))?\}/g, (_, re?: string) => (re ? `(${re})` : 'a'));
  s = s.replace(/^\(\?i\)/, '').replace(/^\^/, '').replace(/\$$/, '');
  s = s.replace(/\((?:\?:|\?P?<[^>]+>|(?!\?))([^()|]*)(?:\|[^()]*)?\)/g, '$1');
  s = s.replace(/\[\^?[^\]]*\](?:[+*?]|\{\d+(?:,\d*)?\})?/g, (cls) => (cls.includes('0-9') || cls.startsWith('[0') ? '1' : 'a'));
  s = s.replace(/\\d[+*]?/g, '1').replace(/\\w[+*]?/g, 'a').replace(/\.[+*]\??/g, 'a');
  s = s.replace(/\\([.\-/?+*()[\]{}^$|])/g, '$1');
  s = s.replace(/([a-z0-9])[?*]/gi, '').replace(/([a-z0-9])\+/gi, '$1');
  return /[\\^$|()[\]{}+*?]/.test(s) ? undefined : s;
}

function hostExample(h: string): string {
  const t = h.toLowerCase().replace(/\.$/, '');
  if (t === '*') return 'example.com';
  return t.startsWith('*.') ? 'www' + t.slice(1) : t;
}

function firstIP(cidr: string): string {
  const [ip, bits] = cidr.split('/');
  if (!bits || ip!.includes(':')) return ip!;
  const parts = ip!.split('.').map(Number);
  if (Number(bits) < 32) parts[3] = (parts[3]! | 1);
  return parts.join('.');
}

function sampleFor(router: DynamicRouter, literals: Literal[]): SimRequest {
  let host: string | undefined;
  let path: string | undefined;
  let method = 'GET';
  let clientIP = '203.0.113.10';
  const headers: Record<string, string> = {};
  const query: string[] = [];
  const avoid: { host: string[]; path: string[] } = { host: [], path: [] };
  for (const { leaf, negated } of literals) {
    const m = leaf.matcher.toLowerCase();
    const a = leaf.args;
    if (negated) {
      if (m === 'host' || m === 'hostheader') avoid.host.push(...a.map(hostExample));
      if (m === 'path' || m === 'pathprefix') avoid.path.push(...a);
      continue;
    }
    if ((m === 'host' || m === 'hostheader') && a[0]) host ??= hostExample(a[0]);
    else if (m === 'hostregexp' && a[0]) host ??= exampleFromPattern(a[0])?.toLowerCase();
    else if ((m === 'path' || m === 'pathprefix') && a[0]) path ??= router.ruleSyntax === 'v2' ? exampleFromPattern(a[0]) ?? a[0] : a[0];
    else if (m === 'pathregexp' && a[0]) path ??= exampleFromPattern(a[0]);
    else if (m === 'method' && a[0]) method = a[0].toUpperCase();
    else if (m === 'header' && a.length === 2) headers[a[0]!] = a[1]!;
    else if (m === 'headerregexp' && a.length === 2) headers[a[0]!] = exampleFromPattern(a[1]!) ?? 'x';
    else if (m === 'headers' || m === 'headersregexp') {
      for (let i = 0; i + 1 < a.length; i += 2) headers[a[i]!] = m === 'headers' ? a[i + 1]! : exampleFromPattern(a[i + 1]!) ?? 'x';
    } else if (m === 'query' || m === 'queryregexp') {
      if (router.ruleSyntax === 'v2' || a.every((x) => x.includes('='))) a.forEach((kv) => query.push(kv.replace(/=\{[^}]*\}$|=$/, '=1')));
      else query.push(`${encodeURIComponent(a[0] ?? '')}=${encodeURIComponent(m === 'query' ? a[1] ?? '' : exampleFromPattern(a[1] ?? '') ?? '1')}`);
    } else if (m === 'clientip' && a[0]) clientIP = firstIP(a[0]);
  }
  host ??= 'example.com';
  if (avoid.host.includes(host)) host = 'other.example.com';
  path ??= '/';
  if (!path.startsWith('/')) path = '/' + path;
  if (avoid.path.some((p) => path!.startsWith(p))) path = '/other';
  const scheme = router.tls ? 'https' : 'http';
  const url = `${scheme}://${host}${path}${query.length ? '?' + query.join('&') : ''}`;
  const request: SimRequest = { method, url, headers, clientIP };
  if (router.entryPoints[0]) request.entryPoint = router.entryPoints[0];
  return request;
}

/**
 * Example requests for a router: one per alternative of its rule (up to 4), with the host, path, method,
 * headers, query and client IP the rule requires.
 *
 * @example
 * sampleRequests(router)[0].url // 'https://shop.example.com/cart'
 */
export function sampleRequests(router: DynamicRouter): SimRequest[] {
  try {
    return samples(router);
  } catch {
    return [];
  }
}

function samples(router: DynamicRouter): SimRequest[] {
  const compiled = compileRule(router.rule, router.ruleSyntax === 'v2' ? 'v2' : 'v3', null);
  const conjunctions = compiled.tree ? dnf(compiled.tree) : [[]];
  const seen = new Set<string>();
  const out: SimRequest[] = [];
  for (const c of conjunctions) {
    const s = sampleFor(router, c);
    const key = JSON.stringify([s.method, s.url, s.headers, s.clientIP]);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(s);
  }
  return out;
}
