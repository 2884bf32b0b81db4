// Mirrors the v2.11 muxer (v2.11 pkg/muxer/http/mux.go addRuleOnRoute/addRuleOnRouter/not, path/pathPrefix/
// hostRegexp subrouters) on containous/mux route.go Route.Match and mux.go Router.Match/ServeHTTP: a request
// that fails only on a Method matcher gets 405.
import { assertNever } from '../diagnostic.ts';
import type { CompiledRule, RuleTree } from './compiled.ts';

type Leaf = Extract<RuleTree, { type: 'leaf' }>;

type Matcher = { kind: 'leaf'; leaf: Leaf; negated: boolean } | { kind: 'router'; routes: Route[] };
interface Route {
  matchers: Matcher[];
}

/** `rules.invert`: NOT pushed down to the leaves (De Morgan). */
function pushNot(tree: RuleTree, negated = false): RuleTree {
  switch (tree.type) {
    case 'not':
      return pushNot(tree.child, !negated);
    case 'and':
    case 'or': {
      const type = negated ? (tree.type === 'and' ? 'or' : 'and') : tree.type;
      return { type, left: pushNot(tree.left, negated), right: pushNot(tree.right, negated) };
    }
    case 'leaf':
      return negated ? { type: 'not', child: tree } : tree;
    default:
      return assertNever(tree);
  }
}

/** v2.11 path, pathPrefix and hostRegexp add a subrouter (one route per argument) rather than a matcher: a
 * match there is a successful Route.Match, which sets MatchErr = nil and so clears a pending method mismatch. */
const SUBROUTER_MATCHERS: ReadonlySet<string> = new Set(['path', 'pathprefix', 'hostregexp']);

function leafMatcher(tree: RuleTree): Matcher {
  // Stryker disable next-line StringLiteral: a negated matcher is told apart by `negated`; `kind` is only compared with 'router'
  if (tree.type === 'not') return { kind: 'leaf', leaf: tree.child as Leaf, negated: true };
  const leaf = tree as Leaf;
  const matcher: Matcher = { kind: 'leaf', leaf, negated: false };
  return SUBROUTER_MATCHERS.has(leaf.matcher.toLowerCase()) ? { kind: 'router', routes: [{ matchers: [matcher] }] } : matcher;
}

function addRuleOnRoute(route: Route, tree: RuleTree): void {
  if (tree.type === 'and') {
    addRuleOnRoute(route, tree.left);
    addRuleOnRoute(route, tree.right);
  } else if (tree.type === 'or') {
    const sub: Route[] = [];
    addRuleOnRouter(sub, tree.left);
    addRuleOnRouter(sub, tree.right);
    route.matchers.push({ kind: 'router', routes: sub });
  } else {
    route.matchers.push(leafMatcher(tree));
  }
}

function addRuleOnRouter(router: Route[], tree: RuleTree): void {
  if (tree.type === 'and') {
    const route: Route = { matchers: [] };
    addRuleOnRoute(route, tree.left);
    addRuleOnRoute(route, tree.right);
    router.push(route);
  } else if (tree.type === 'or') {
    addRuleOnRouter(router, tree.left);
    addRuleOnRouter(router, tree.right);
  } else {
    router.push({ matchers: [leafMatcher(tree)] });
  }
}

interface MatchState {
  methodMismatch: boolean;
}

const isMethod = (leaf: Leaf) => leaf.matcher.toLowerCase() === 'method';

function matcherMatches(m: Matcher, state: MatchState, evalLeaf: (leaf: Leaf) => boolean): boolean {
  if (m.kind === 'router') return routerMatches(m.routes, state, evalLeaf);
  if (!m.negated) return evalLeaf(m.leaf);
  // `not`: a fresh router holding the leaf is matched with the same RouteMatch, then inverted.
  const inner = routeMatches({ matchers: [{ kind: 'leaf', leaf: m.leaf, negated: false }] }, state, evalLeaf);
  return !inner;
}

function routeMatches(route: Route, state: MatchState, evalLeaf: (leaf: Leaf) => boolean): boolean {
  let mismatch = false;
  for (const m of route.matchers) {
    if (matcherMatches(m, state, evalLeaf)) continue;
    if (m.kind === 'leaf' && !m.negated && isMethod(m.leaf)) {
      mismatch = true;
      continue;
    }
    return false;
  }
  if (mismatch) {
    state.methodMismatch = true;
    return false;
  }
  state.methodMismatch = false;
  return true;
}

function routerMatches(routes: Route[], state: MatchState, evalLeaf: (leaf: Leaf) => boolean): boolean {
  return routes.some((r) => routeMatches(r, state, evalLeaf));
}

/**
 * Whether Traefik v2.11 answers 405 (instead of 404) when none of the rules (in muxer order) matched.
 *
 * @example
 * methodNotAllowed([compiled(`Host(\`a.com\`) && Method(\`POST\`)`)], requestFor('GET', 'a.com')) // true
 */
export function methodNotAllowed(rules: readonly CompiledRule[], request: unknown): boolean {
  const state: MatchState = { methodMismatch: false };
  for (const rule of rules) {
    if (!rule.ok || !rule.tree) continue;
    const route: Route = { matchers: [] };
    addRuleOnRoute(route, pushNot(rule.tree));
    const evalLeaf = (leaf: Leaf) => rule.evaluateLeaf(leaf, request);
    if (routeMatches(route, state, evalLeaf)) return false;
  }
  return state.methodMismatch;
}
