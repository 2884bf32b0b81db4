// Mirrors pkg/muxer/http/mux.go ParseDomains and rules.Tree.ParseMatchers: the Host values of a rule,
// parsed with the union of the v2 and v3 matcher names, for TLS options and ACME.
import { parseGoExpr, type GoExpr } from './go-expr.ts';
import { goToLower } from './go-text.ts';
import { UNION_INDEX } from './names.ts';
import { memoByText } from '../memo.ts';

/** Collects Host values left to right; false when the expression is not a valid tree of calls. */
function collect(e: GoExpr, out: string[]): boolean {
  switch (e.kind) {
    case 'paren':
      return collect(e.x, out);
    case 'binary': {
      const spine: Extract<GoExpr, { kind: 'binary' }>[] = [];
      let cur: GoExpr = e;
      while (cur.kind === 'binary') {
        spine.push(cur);
        cur = cur.x;
      }
      if (!collect(cur, out)) return false;
      for (let i = spine.length - 1; i >= 0; i--) {
        const b = spine[i]!;
        if ((b.op !== '&&' && b.op !== '||') || !collect(b.y, out)) return false;
      }
      return true;
    }
    case 'unary':
      return e.op === '!' && collect(e.x, out);
    case 'call': {
      if (e.fun.kind !== 'ident') return false;
      const name = UNION_INDEX.get(e.fun.name);
      if (!name) return false;
      const values: string[] = [];
      for (const a of e.args) {
        if (a.kind !== 'lit' || a.tok.kind !== 'string') return false;
        values.push(a.tok.value ?? '');
      }
      if (name === 'Host') for (const v of values) out.push(goToLower(v));
      return true;
    }
    default:
      return false;
  }
}

/**
 * The domains of every `Host` leaf (any spelling; negated and OR-ed ones too; not HostHeader or
 * HostRegexp), lower-cased, in rule order. Like Traefik, no argument checks apply (an empty Host()
 * adds nothing); a rule that does not parse gives [].
 *
 * @example
 * parseDomains('Host(`Foo.Bar`) || Host(`bar.buz`) && Path(`/test`)') // ['foo.bar', 'bar.buz']
 */
export function parseDomains(rule: string): string[] {
  return [...domainsOf(typeof rule === 'string' ? rule : '')];
}

/** The provider, runtime checks and graph ask for the same rules' domains on every analysis. */
const domainsOf = memoByText((rule): readonly string[] => domainsUncached(rule));

/**
 * Records the domains of `rule` from its expression, already parsed by the rule parser, so that
 * parseDomains does not parse the rule again (the same parseGoExpr result, so the same domains).
 */
export function primeDomains(rule: string, expr: GoExpr | null): void {
  domainsOf.prime(rule, () => {
    try {
      const out: string[] = [];
      return expr && collect(expr, out) ? out : [];
    } catch {
      return [];
    }
  });
}

function domainsUncached(rule: string): string[] {
  try {
    const parsed = parseGoExpr(rule);
    const out: string[] = [];
    return parsed.expr && collect(parsed.expr, out) ? out : [];
  } catch {
    return [];
  }
}
