// Mirrors pkg/rules/parser.go NewParser: each matcher name is accepted in exactly four spellings
// (N, lower, UPPER, Title of lower); and pkg/muxer/http/parser.go's choice of table per syntax.
import type { RuleSyntax } from '../types.ts';
import type { MatcherTable } from './matcher-kit.ts';
import { V2_MATCHERS } from './matchers-v2.ts';
import { V3_MATCHERS } from './matchers-v3.ts';
import { editDistance } from '../edit-distance.ts';

/**
 * The four spellings Traefik registers for a matcher name.
 *
 * @example
 * spellings('PathPrefix') // ['PathPrefix', 'pathprefix', 'PATHPREFIX', 'Pathprefix']
 */
export function spellings(name: string): string[] {
  const lower = name.toLowerCase();
  return [...new Set([name, lower, name.toUpperCase(), lower.charAt(0).toUpperCase() + lower.slice(1)])];
}

function spellingIndex(names: readonly string[]): Map<string, string> {
  const m = new Map<string, string>();
  for (const n of names) for (const s of spellings(n)) m.set(s, n);
  return m;
}

/** The matcher table a syntax uses: 'v2' → v2, anything else → v3 (SyntaxParser.parse). */
export function tableFor(syntax: RuleSyntax | string | undefined): MatcherTable {
  return syntax === 'v2' ? V2_MATCHERS : V3_MATCHERS;
}

const INDEX = { v2: spellingIndex(Object.keys(V2_MATCHERS)), v3: spellingIndex(Object.keys(V3_MATCHERS)) };
/** ParseDomains parses with the union of both tables. */
export const UNION_INDEX = spellingIndex([...new Set([...Object.keys(V2_MATCHERS), ...Object.keys(V3_MATCHERS)])]);

/**
 * The canonical matcher name for a spelling in a syntax, or undefined when Traefik rejects it.
 *
 * @example
 * canonicalName('pathprefix', 'v3') // 'PathPrefix'
 * canonicalName('pathPrefix', 'v3') // undefined
 */
export function canonicalName(spelled: string, syntax: RuleSyntax | string | undefined): string | undefined {
  return (syntax === 'v2' ? INDEX.v2 : INDEX.v3).get(spelled);
}

const V2_TO_V3: Record<string, string> = {
  HostHeader: 'Host(`example.com`)',
  Headers: 'Header(`X-Key`, `value`)',
  HeadersRegexp: 'HeaderRegexp(`X-Key`, `pattern`)',
};
const TCP_ONLY = new Set(['hostsni', 'hostsniregexp', 'alpn']);


/**
 * A sentence explaining why a name is not a matcher in this syntax, naming the fix.
 *
 * @example
 * unknownMatcherMessage('Hots', 'v3') // 'Unknown matcher `Hots`; did you mean `Host`? …'
 */
export function unknownMatcherMessage(spelled: string, syntax: RuleSyntax): string {
  const names = Object.keys(tableFor(syntax));
  const lower = spelled.toLowerCase();
  const sameLetters = names.find((n) => n.toLowerCase() === lower);
  if (sameLetters) {
    return `\`${spelled}\` is not an accepted spelling: Traefik accepts only ${spellings(sameLetters).map((s) => '`' + s + '`').join(', ')}.`;
  }
  // Names of this syntax's table were answered above, so a match below is a name of the other syntax only.
  const v2Only = Object.keys(V2_MATCHERS).find((n) => n.toLowerCase() === lower);
  if (v2Only) {
    return `\`${spelled}\` belongs to the v2 rule syntax; in v3 write ${V2_TO_V3[v2Only] ?? v2Only} (or set \`syntax: v2\` on the route).`;
  }
  const v3Only = Object.keys(V3_MATCHERS).find((n) => n.toLowerCase() === lower);
  if (v3Only) {
    return `\`${spelled}\` exists only in the v3 rule syntax, but this rule is parsed as v2; use the v2 equivalent or drop \`syntax: v2\`.`;
  }
  if (TCP_ONLY.has(lower)) return `\`${spelled}\` is a TCP matcher (IngressRouteTCP); HTTP routes match on Host, Path, Header…`;
  const best = names.map((n) => ({ n, d: editDistance(lower, n.toLowerCase()) })).sort((a, b) => a.d - b.d)[0];
  const hint = best && best.d <= Math.max(2, Math.floor(best.n.length / 4)) ? ` Did you mean \`${best.n}\`?` : ` Known ${syntax === 'v2' ? 'v2' : 'v3'} matchers: ${names.join(', ')}.`;
  return `Unknown matcher \`${spelled}\`.${hint}`;
}
