// Mirrors pkg/muxer/http/mux.go matchersTree.match: left-to-right evaluation with short-circuit `&&`
// and `||` (NOT pushed to the leaves by De Morgan gives the same evaluation order), plus a trace.
import type { RuleSyntax, TraefikTarget } from '../types.ts';
import { chain, forEachLeaf, leafCount, type LeafTrace, type RoutingRequest, type RuleNode } from './ast.ts';
import { checkLeaf } from './leaf.ts';
import { DEFAULT_VERSION, parseVersion, type EvalEnv, type LeafOutcome } from './matcher-kit.ts';
import { syntaxOf } from './parser.ts';

export interface EvaluateOptions {
  syntax?: RuleSyntax;
  target?: TraefikTarget;
  /** Traefik version for version-dependent behaviour (Host `*`), default 3.7.9. */
  version?: string;
}

/** The syntax whose matcher table evaluates the rule: target v2.11 knows only v2 matchers. */
function effectiveSyntax(ast: RuleNode, opts: EvaluateOptions): RuleSyntax {
  if (opts.target === 'v2.11') return 'v2';
  const s = opts.syntax ?? syntaxOf(ast) ?? 'v3';
  return s === 'v2' ? 'v2' : 'v3';
}

function normalize(req: RoutingRequest): RoutingRequest {
  const r = (req ?? {}) as Partial<RoutingRequest>;
  const str = (v: unknown) => (typeof v === 'string' ? v : v == null ? '' : String(v));
  const map = (v: unknown): Record<string, string[]> => (v && typeof v === 'object' ? (v as Record<string, string[]>) : {});
  return { method: str(r.method), host: str(r.host), path: str(r.path), query: map(r.query), headers: map(r.headers), clientIP: str(r.clientIP), rawHost: str(r.rawHost ?? r.host) };
}

function runLeaf(t: LeafTrace, req: RoutingRequest, env: EvalEnv): boolean {
  let out: LeafOutcome;
  const checked = checkLeaf(t.node, env.syntax);
  if (!checked.match) {
    out = { result: false, explanation: `${checked.errors[0]?.message ?? 'Invalid matcher.'} (Traefik does not serve a router whose rule has this error.)` };
  } else {
    try {
      out = checked.match(req, env);
    } catch (e) {
      out = { result: false, explanation: `${t.node.name}: could not be evaluated (${e instanceof Error ? e.message : String(e)}).` };
    }
  }
  t.evaluated = true;
  t.result = out.result;
  t.explanation = out.explanation;
  return out.result;
}

/**
 * Evaluates a parsed rule against a request as Traefik's muxer does. The trace lists every leaf in
 * rule order; leaves skipped by short-circuiting have `evaluated: false`. `decidedBy` is the last leaf
 * evaluated, whose answer (inverted when `negated`) is the rule's. Never throws.
 *
 * @example
 * const { ast } = parseRule('Host(`a.com`) && PathPrefix(`/v2`)', 'v3');
 * evaluateRule(ast!, buildRoutingRequest({ method: 'GET', host: 'a.com', escapedPath: '/v2/users', rawQuery: '', headers: {}, clientIP: '10.0.0.1' })).matched // true
 */
export function evaluateRule(
  ast: RuleNode,
  req: RoutingRequest,
  opts: EvaluateOptions = {},
): { matched: boolean; trace: LeafTrace[]; decidedBy: LeafTrace | null } {
  const trace: LeafTrace[] = [];
  try {
    const target = opts?.target;
    const env: EvalEnv = {
      syntax: effectiveSyntax(ast, opts ?? {}),
      version: parseVersion(opts?.version) ?? (target === 'v2.11' ? [2, 11, 0] : DEFAULT_VERSION),
    };
    const request = normalize(req);
    forEachLeaf(ast, (node, negated) => trace.push({ node, range: node.range, evaluated: false, negated, explanation: '' }));
    let cursor = 0;
    let decidedBy: LeafTrace | null = null;
    const ev = (n: RuleNode): boolean => {
      switch (n.type) {
        case 'matcher': {
          const t = trace[cursor++]!;
          decidedBy = t;
          return runLeaf(t, request, env);
        }
        case 'not':
          return !ev(n.operand);
        default: {
          const ops = chain(n, n.type);
          for (let i = 0; i < ops.length; i++) {
            const v = ev(ops[i]!);
            if (n.type === 'and' ? !v : v) {
              const why = n.type === 'and' ? 'Not evaluated: the `&&` it belongs to was already false.' : 'Not evaluated: the `||` it belongs to was already true.';
              for (let j = i + 1; j < ops.length; j++) {
                const skip = leafCount(ops[j]!);
                for (let k = 0; k < skip; k++) trace[cursor + k]!.explanation = why;
                cursor += skip;
              }
              return v;
            }
          }
          return n.type === 'and';
        }
      }
    };
    const matched = ev(ast);
    return { matched, trace, decidedBy };
  } catch {
    return { matched: false, trace, decidedBy: null };
  }
}
