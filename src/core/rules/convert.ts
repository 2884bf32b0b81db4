// No single Traefik counterpart: rewrites a v2-syntax rule into v3 syntax following Traefik's v2→v3
// migration notes, with each v2 matcher's semantics taken from pkg/muxer/http/matcher_v2.go.
import { chain, type RuleNode } from './ast.ts';
import { templateParts, type TemplateKind } from './mux-template.ts';
import { parseRule } from './parser.ts';
import { printRule } from './print.ts';
import { quoteMeta } from './matcher-kit.ts';

const NO_RANGE = { start: 0, end: 0 };

class Unconvertible {
  constructor(readonly reason: string) {}
}

function leaf(name: string, ...values: string[]): RuleNode {
  return { type: 'matcher', name, spelled: name, args: values.map((value) => ({ value, range: NO_RANGE })), range: NO_RANGE };
}

function join(type: 'and' | 'or', nodes: RuleNode[]): RuleNode {
  return nodes.reduce((left, right) => ({ type, left, right, range: NO_RANGE }));
}

/** A mux template as an RE2 pattern: literals quoted, variables as non-capturing groups. */
function templateRegex(tpl: string, kind: TemplateKind): string | null {
  const split = templateParts(tpl, kind);
  if ('error' in split) throw new Unconvertible(split.error.message);
  if (!split.parts.some((p) => 'name' in p)) return null;
  return split.parts.map((p) => ('literal' in p ? quoteMeta(p.literal) : `(?:${p.pattern})`)).join('');
}

function pathLeaf(tpl: string, prefix: boolean): RuleNode {
  const re = templateRegex(tpl, prefix ? 'prefix' : 'path');
  if (re === null) return leaf(prefix ? 'PathPrefix' : 'Path', tpl);
  return leaf('PathRegexp', `^${re}${prefix ? '' : '$'}`);
}

function convertLeaf(n: Extract<RuleNode, { type: 'matcher' }>): RuleNode {
  const values = n.args.map((a) => a.value);
  switch (n.name) {
    case 'Host':
    case 'HostHeader':
      return join('or', values.map((v) => {
        if (v.startsWith('*')) throw new Unconvertible(`v2 compares ${JSON.stringify(v)} literally (it never matches a real host) but v3 reads a leading * as a wildcard; rewrite this Host by hand`);
        return leaf('Host', v);
      }));
    case 'HostRegexp':
      return join('or', values.map((v) => leaf('HostRegexp', `(?i)^${templateRegex(v, 'host') ?? quoteMeta(v)}$`)));
    case 'Path':
    case 'PathPrefix':
      return join('or', values.map((v) => pathLeaf(v, n.name === 'PathPrefix')));
    case 'Method':
    case 'ClientIP':
      return join('or', values.map((v) => leaf(n.name, v)));
    case 'Headers':
    case 'HeadersRegexp': {
      // mux keeps the pairs in a map: a repeated header name keeps only its last value.
      const pairs = new Map<string, string>();
      for (let i = 0; i + 1 < values.length; i += 2) {
        pairs.delete(values[i]!);
        pairs.set(values[i]!, values[i + 1]!);
      }
      const name = n.name === 'Headers' ? 'Header' : 'HeaderRegexp';
      return join('and', [...pairs].map(([k, v]) => leaf(name, k, v)));
    }
    case 'Query': {
      const flat = values.flatMap((v) => (v.includes('=') ? [v.slice(0, v.indexOf('=')), v.slice(v.indexOf('=') + 1)] : [v]));
      const parts: RuleNode[] = [];
      for (let i = 0; i + 1 < flat.length; i += 2) {
        const key = flat[i]!;
        const value = flat[i + 1]!;
        if (key.includes('{')) throw new Unconvertible(`the query key ${JSON.stringify(key)} is a template, which v3 cannot express`);
        // v2 `k=` accepts any value of k.
        const re = value === '' ? null : templateRegex(value, 'query');
        parts.push(value === '' ? leaf('QueryRegexp', key, '.*') : re === null ? leaf('Query', key, value) : leaf('QueryRegexp', key, `^${re}$`));
      }
      return join('and', parts);
    }
    default:
      throw new Unconvertible(`${n.spelled} has no v3 equivalent`);
  }
}

function convertNode(n: RuleNode): RuleNode {
  switch (n.type) {
    case 'matcher':
      return convertLeaf(n);
    case 'not':
      return { type: 'not', operand: convertNode(n.operand), range: NO_RANGE };
    default:
      // Expansions (Headers pairs → `&&`, variadic → `||`) splice into a chain of the same operator.
      return join(n.type, chain(n, n.type).flatMap((o) => {
        const c = convertNode(o);
        return c.type === n.type ? chain(c, n.type) : [c];
      }));
  }
}

/**
 * Rewrites a v2 rule in v3 syntax: Headers → Header, HostHeader → Host, variadic matchers → `||`
 * (Headers/Query pairs → `&&`), templates → anchored RE2 patterns (`(?i)` for hosts), Query(`k=v`) →
 * Query(`k`, `v`). Not exact in one respect: v2 Query tests only a key's first value, v3 any value.
 *
 * @example
 * convertV2ToV3('Host(`a.com`, `b.com`) && Headers(`X-Env`, `prod`)')
 * // { rule: '(Host(`a.com`) || Host(`b.com`)) && Header(`X-Env`, `prod`)' }
 */
export function convertV2ToV3(rule: string): { rule: string } | { error: string } {
  const parsed = parseRule(rule, 'v2');
  if (!parsed.ast || parsed.errors.length > 0) return { error: `The rule is not valid v2 syntax: ${parsed.errors[0]?.message ?? 'it does not parse'}` };
  try {
    const out = printRule(convertNode(parsed.ast));
    const check = parseRule(out, 'v3');
    if (check.errors.length > 0) return { error: `The converted rule would not be valid v3: ${check.errors[0]!.message}` };
    return { rule: out };
  } catch (e) {
    if (e instanceof Unconvertible) return { error: `Cannot convert automatically: ${e.reason}.` };
    return { error: `Cannot convert automatically: ${e instanceof Error ? e.message : String(e)}.` };
  }
}
