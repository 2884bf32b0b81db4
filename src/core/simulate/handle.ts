// Mirrors pkg/server/router/router.go buildHTTPHandler: for the matched router, denyEncodedPathCharacters (root
// only), the SNI check (TLS routers, v3.6.18+/v2.11.47+), its middlewares, then its child muxer or its service.
import type { CompiledRouter, CompiledRouting } from './compiled.ts';
import { escapedPath } from './go-url.ts';
import { runMiddlewares, type ChainState } from './middlewares/index.ts';
import { firstDenied } from './middlewares/kit.ts';
import { buildRoutingRequest } from './rule-engine.ts';
import { routeMuxer, type RoutingMode } from './route.ts';
import { resolveService, type ServiceResolution } from './service.ts';
import { notFound, httpError } from './go-http.ts';
import type { MiddlewareStep, ResponseCause, RoutingStep, ServiceStep, SimResponse, SniCheckStep } from './verdict.ts';

const DENIED_BY_DEFAULT = new Set(['%2F', '%2f', '%5C', '%5c', '%00', '%3B', '%3b', '%25', '%3F', '%3f', '%23']);

export interface HandlerContext {
  routing: CompiledRouting;
  chain: ChainState;
  /** Option name stored on the TLS connection, null for plain HTTP. */
  handshakeOption: string | null;
  /** The Host the request decorator canonicalised (routing of child muxers keeps it). */
  originalHost: string;
  clientIP: string;
  mode: RoutingMode;
  /** Accumulated parts of the verdict. */
  routingSteps: RoutingStep[];
  middlewares: MiddlewareStep[];
  notes: string[];
  sniCheck: SniCheckStep | null;
  service: ServiceStep | null;
  router: string | null;
}

export type HandlerOutcome =
  | { kind: 'response'; response: SimResponse; cause: ResponseCause }
  | { kind: 'forward'; resolution: ServiceResolution };

/**
 * applyModel: the entryPoint's `http.middlewares` run before a root router's own. The CRD provider of this
 * project may already have prepended them; then they are not added twice.
 */
export function withEntryPointMiddlewares(r: CompiledRouter, epMiddlewares: readonly string[]): string[] {
  const own = r.router.middlewares;
  // Names without a provider are qualified with the router's (router.go buildHTTPHandler).
  const provider = r.name.includes('@') ? r.name.slice(r.name.lastIndexOf('@')) : '';
  const qualified = epMiddlewares.map((m) => (m.includes('@') ? m : m + provider));
  if (r.internal || qualified.length === 0 || qualified.every((m, i) => own[i] === m)) return own;
  return [...qualified, ...own];
}

/**
 * The TLS option a TLS router resolves to (its own, or the entryPoint's `http.tls.options`).
 *
 * @example
 * routerResolvedOption(router, 'apps-modern@kubernetescrd') // 'default' when the router has its own TLS
 */
export function routerResolvedOption(r: CompiledRouter, epTlsOptions: string | undefined): string {
  if (r.router.tls) return r.router.tls.resolvedOptions || 'default';
  return epTlsOptions || 'default';
}

/**
 * Runs the handler of a matched router (recursing into child muxers).
 *
 * @example
 * handleRouter(route.router, ctx, true, epTls)
 */
export function handleRouter(
  r: CompiledRouter,
  ctx: HandlerContext,
  root: boolean,
  ep: { tls?: { options?: string } | null; middlewares?: string[] } | null,
  depth = 0,
): HandlerOutcome {
  const epTls = ep?.tls;
  ctx.router = r.name;
  const req = ctx.chain.req;
  if (root && ctx.routing.features.denyEncodedByDefault) {
    const hit = firstDenied(escapedPath(req.url), DENIED_BY_DEFAULT);
    if (hit !== undefined) {
      ctx.notes.push(`Traefik ${ctx.routing.features.version.major}.${ctx.routing.features.version.minor}.${ctx.routing.features.version.patch} rejects the encoded character ${hit} in paths by default`);
      return { kind: 'response', response: { status: 400, headers: {}, body: '' }, cause: 'bad-request' };
    }
  }
  const isTls = r.router.tls !== null || (epTls !== null && epTls !== undefined && !r.internal);
  if (ctx.handshakeOption !== null && isTls && ctx.routing.features.sniCheck === 'resolved-option') {
    const routerOption = routerResolvedOption(r, epTls?.options);
    const passed = routerOption === ctx.handshakeOption;
    ctx.sniCheck = {
      mode: 'resolved-option', result: passed ? 'passed' : 'misdirected', handshakeOption: ctx.handshakeOption, routerOption,
      because: passed
        ? `the router's TLS option (${routerOption}) is the one the handshake used`
        : `the router resolves TLS option ${routerOption}, but the handshake used ${ctx.handshakeOption} (chosen by the SNI): 421`,
    };
    if (!passed) return { kind: 'response', response: httpError('Misdirected Request', 421), cause: 'misdirected' };
  }
  const run = runMiddlewares(root ? withEntryPointMiddlewares(r, ep?.middlewares ?? []) : r.router.middlewares, r.name, ctx.routing, ctx.chain);
  ctx.middlewares.push(...run.steps);
  if (run.response) return { kind: 'response', ...run.response };

  if (r.children) {
    if (depth > 16) return { kind: 'response', response: httpError('Internal Server Error', 500), cause: 'router-error' };
    const current = ctx.chain.req;
    const request = buildRoutingRequest({
      method: current.method, host: ctx.originalHost, escapedPath: escapedPath(current.url), rawQuery: current.url.rawQuery,
      headers: current.headers, clientIP: ctx.clientIP,
    });
    const result = routeMuxer(r.children, request.request, request.canonicalHost, ctx.mode, false);
    ctx.routingSteps.push(result.step);
    if (!result.winner) return { kind: 'response', response: notFound(), cause: 'not-found' };
    return handleRouter(result.winner.router, ctx, false, null, depth + 1);
  }

  const resolution = resolveService(ctx.routing, r.router.service, ctx.chain.req.headers, [], ctx.chain.req.remoteAddr);
  ctx.service = { name: r.router.service, tree: resolution.tree, middlewares: [] };
  for (const c of resolution.setCookies) ctx.chain.responseHeaders['Set-Cookie'] = [...(ctx.chain.responseHeaders['Set-Cookie'] ?? []), c];
  if (resolution.response) {
    const cause: ResponseCause = resolution.response.status === 503 ? 'no-available-server' : 'internal-error';
    return { kind: 'response', response: resolution.response, cause };
  }
  return { kind: 'forward', resolution };
}
