// Mirrors pkg/server/middleware/middlewares.go (BuildChain: qualified names, chains expanded, a middleware that
// fails to build makes the router fail) and pkg/middlewares/chain/chain.go.
import type { DynamicMiddleware } from '../../types.ts';
import type { CompiledRouting } from '../compiled.ts';
import type { MiddlewareStep, ResponseCause, SimResponse } from '../verdict.ts';
import { basicAuth } from './basic-auth.ts';
import { errors } from './errors.ts';
import { headers } from './headers.ts';
import { ipAllowList, ipWhiteList } from './ip-allowlist.ts';
import { encodedCharacters, unsimulated } from './kit.ts';
import { addPrefix, replacePath, replacePathRegex, stripPrefix, stripPrefixRegex } from './path.ts';
import { redirectRegex, redirectScheme } from './redirect.ts';
import { rewriteTarget } from './rewrite-target.ts';
import { appRoot, upstreamVHost } from './ingress-nginx.ts';
import { objOf, strOf, type MiddlewareImpl, type MwContext } from './kit.ts';

const IMPLEMENTATIONS: Record<string, MiddlewareImpl> = {
  stripPrefix, stripPrefixRegex, addPrefix, replacePath, replacePathRegex, redirectScheme, redirectRegex, headers,
  basicAuth, ipAllowList, ipWhiteList, errors, encodedCharacters,
  // kubernetesIngressNGINX's own middleware (pkg/middlewares/ingressnginx).
  rewriteTarget, appRoot, upstreamVHost,
};

/**
 * Whether the middleware's effect is simulated (else it is described and passed through).
 *
 * @example
 * isSimulated('rateLimit') // false
 */
export function isSimulated(type: string): boolean {
  return IMPLEMENTATIONS[type] !== undefined || type === 'chain';
}

function implOf(type: string): MiddlewareImpl {
  return IMPLEMENTATIONS[type] ?? unsimulated(type);
}

/**
 * `provider.Normalize`: runs of non letter/digit characters become one `-`, trimmed.
 *
 * @example
 * normalizeName('default-multiple--hyphens') // 'default-multiple-hyphens'
 */
export function normalizeName(name: string): string {
  return name.split(/[^\p{L}\p{N}]+/u).filter((p) => p !== '').join('-');
}

/**
 * Namespace of the Middleware resource a dynamic middleware came from (`Middleware/ns/name`).
 *
 * @example
 * namespaceOf(config.middlewares['apps-strip@kubernetescrd']) // 'apps'
 */
export function namespaceOf(mw: DynamicMiddleware): string {
  const parts = mw.origin?.resourceId?.split('/') ?? [];
  return parts.length >= 3 ? parts[1]! : '';
}

function providerOf(name: string): string {
  const at = name.indexOf('@');
  return at < 0 ? '' : name.slice(at + 1);
}

/** Qualified names of a chain's members (strings or `{ name, namespace }` references). */
function chainMembers(mw: DynamicMiddleware): string[] {
  const list = mw.config['middlewares'];
  const provider = providerOf(mw.name) || 'kubernetescrd';
  const ns = namespaceOf(mw);
  const out: string[] = [];
  for (const item of Array.isArray(list) ? list : []) {
    const ref = strOf(item) ?? strOf(objOf(item)?.['name']);
    if (ref === undefined || ref === '') continue;
    if (ref.includes('@')) out.push(ref);
    else if (typeof item === 'string') out.push(`${ref}@${provider}`);
    else out.push(`${normalizeName(`${strOf(objOf(item)?.['namespace']) || ns}-${ref}`)}@${provider}`);
  }
  return out;
}

export interface ExpandedMiddleware {
  name: string;
  mw: DynamicMiddleware | null;
  chain?: string;
  /** Why Traefik cannot build it (the router then fails). */
  error?: string;
  /** Defined by a provider outside the workspace. */
  external?: boolean;
  /** Referenced in a namespace the workspace does not contain: assumed to exist (the reference rule). */
  outside?: boolean;
}

/**
 * Expands chains (depth-first, in order) into the middlewares that actually run.
 *
 * @example
 * expandMiddlewares(['apps-secure@kubernetescrd'], routing).map((m) => m.name)
 */
export function expandMiddlewares(names: readonly string[], routing: CompiledRouting, chain?: string, seen: string[] = []): ExpandedMiddleware[] {
  const out: ExpandedMiddleware[] = [];
  for (const name of names) {
    const mw = routing.middlewares[name];
    const base: ExpandedMiddleware = chain ? { name, mw: mw ?? null, chain } : { name, mw: mw ?? null };
    if (!mw && routing.config.outside?.includes(name)) {
      out.push({ ...base, outside: true });
      continue;
    }
    if (!mw) {
      const provider = providerOf(name);
      if (provider === 'kubernetescrd' || provider === 'internal' || provider === '') out.push({ ...base, error: `middleware "${name}" does not exist` });
      else out.push({ ...base, external: true });
      continue;
    }
    if (mw.type !== 'chain') {
      out.push(base);
      continue;
    }
    if (seen.includes(name)) {
      out.push({ ...base, error: `recursion detected in chain ${[...seen, name].join(' → ')}` });
      continue;
    }
    out.push(...expandMiddlewares(chainMembers(mw), routing, name, [...seen, name]));
  }
  return out;
}

/**
 * The first build error of a middleware list (Traefik then refuses the router), or null.
 *
 * @example
 * middlewareBuildError(['apps-strip@kubernetescrd'], routing) // null
 */
export function middlewareBuildError(names: readonly string[], routing: CompiledRouting): string | null {
  for (const m of expandMiddlewares(names, routing)) {
    if (m.error) return m.error;
    if (!m.mw) continue;
    const error = implOf(m.mw.type).check(m.mw.config, { routing, namespace: namespaceOf(m.mw) });
    if (error) return `middleware ${m.name}: ${error}`;
  }
  return null;
}

export interface ChainRun {
  steps: MiddlewareStep[];
  response?: { response: SimResponse; cause: ResponseCause };
}

/** The mutable state shared by the middlewares of one request. */
export type ChainState = Pick<MwContext, 'req' | 'responseHeaders' | 'omitXForwardedFor' | 'errorPages'>;

/**
 * Runs a router's middlewares in order on the request (mutated in place in `state`).
 *
 * @example
 * const run = runMiddlewares(router.middlewares, router.name, routing, state);
 * run.response?.response.status // e.g. 401, or undefined when the request goes on
 */
export function runMiddlewares(names: readonly string[], owner: string, routing: CompiledRouting, state: ChainState): ChainRun {
  const steps: MiddlewareStep[] = [];
  for (const m of expandMiddlewares(names, routing)) {
    const step = (type: string, status: MiddlewareStep['status'], effect: string): MiddlewareStep =>
      m.chain ? { name: m.name, type, owner, chain: m.chain, status, effect } : { name: m.name, type, owner, status, effect };
    if (!m.mw) {
      steps.push(m.outside
        ? step('', 'not-simulated', 'outside the workspace (assumed to exist): effect unknown')
        : m.external
        ? step('', 'not-simulated', 'defined by a provider outside the workspace: its effect is not simulated')
        : step('', 'missing', m.error ?? 'does not exist'));
      continue;
    }
    const ctx: MwContext = { ...state, routing, mw: m.mw, namespace: namespaceOf(m.mw) } as MwContext;
    const impl = implOf(m.mw.type);
    const error = impl.check(m.mw.config, ctx);
    if (error) {
      steps.push(step(m.mw.type, 'error', `${error} (Traefik refuses routers using it)`));
      continue;
    }
    const outcome = impl.run(m.mw.config, ctx);
    state.req = ctx.req;
    state.omitXForwardedFor = ctx.omitXForwardedFor;
    if (outcome.kind === 'respond') {
      steps.push(step(m.mw.type, 'responded', outcome.effect));
      return { steps, response: { response: outcome.response, cause: outcome.cause } };
    }
    steps.push(step(m.mw.type, outcome.status, outcome.effect));
  }
  return { steps };
}

