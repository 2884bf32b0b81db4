// Mirrors pkg/server/router/router.go (BuildHandlers, buildEntryPointHandler, buildChildRoutersMuxer: which
// routers are served, in which muxer), pkg/provider/traefik/internal.go (entryPoint redirection routers) and
// pkg/server/aggregator.go applyModel (entryPoint middlewares and TLS).
import type { DynamicConfig, DynamicMiddleware, DynamicRouter, EntryPointSettings, Resource, Settings } from '../types.ts';
import { secretsOf } from '../secrets.ts';
import { buildCertificateStore } from './certificates.ts';
import type { CompiledEntryPoint, CompiledMuxer, CompiledRouter, CompiledRouting, MuxRoute, RedirectRouter, RoutingExtras } from './compiled.ts';
import { DEFAULT_HTTP_OPTIONS } from './entrypoint.ts';
import { buildHostIndex, exclusionReason } from './host-index.ts';
import { middlewareBuildError } from './middlewares/index.ts';
import { providerRank, REDIRECT_PRIORITY, sortRoutes } from './order.ts';
import { MAX_USER_PRIORITY } from '../rules/index.ts';
import { compileRule, domainsOf } from './rule-engine.ts';
import { lookupService } from './service.ts';
import { buildSniTable, requestedOption } from './tls-table.ts';
import { featuresOf } from './version.ts';
import { TIED_LISTED, tiedFields, type RankEntry } from './verdict.ts';

function makeRouter(router: DynamicRouter, settings: Settings, internal: boolean): CompiledRouter {
  const features = featuresOf(settings);
  const syntax = features.binary === 'v2' ? 'v2' : router.ruleSyntax === 'v2' ? 'v2' : 'v3';
  const rule = compileRule(router.rule, syntax, settings);
  const priority = router.effectivePriority || router.priority || new TextEncoder().encode(router.rule).length;
  let skipReason: string | null = null;
  if (router.disabled) skipReason = router.disabled.reason;
  else if (!rule.ok) skipReason = `rule error: ${rule.errors.join('; ')}`;
  // Stryker disable next-line EqualityOperator: no double equals MaxInt-1000 (2^63-1001 lies between the doubles 2^63-1024 and 2^63), so > and >= agree
  else if (Number.isFinite(priority) && BigInt(Math.trunc(priority)) > MAX_USER_PRIORITY && !router.name.endsWith('@internal')) {
    skipReason = `the router priority ${priority} exceeds the max user-defined priority ${MAX_USER_PRIORITY}`;
  }
  return { name: router.name, router, priority, rule, skipReason, internal, children: null };
}

/** The entryPoint redirection router (`<ep>-to-<to>@internal`) and its RedirectScheme middleware. */
function redirectionOf(ep: EntryPointSettings, settings: Settings): { router: DynamicRouter; middleware: DynamicMiddleware; info: RedirectRouter } | null {
  const def = ep.redirectTo;
  if (!def) return null; // an empty `to` is neither a port nor an entryPoint name: no redirection (below)
  const features = featuresOf(settings);
  const portMatch = /^:(\d+)$/.exec(def.to);
  const target = settings.entryPoints.find((e) => e.name === def.to);
  if (!portMatch && !target) return null; // "'to' entry point field references a non-existing entry point"
  const port = portMatch ? portMatch[1]! : String(target!.port);
  const base = `${ep.name}-to-${def.to}`.split(/[^\p{L}\p{N}]/u).filter(Boolean).join('-'); // provider.Normalize
  const name = `${base}@internal`;
  const mwName = `redirect-${base}@internal`;
  const priority = def.priority ?? REDIRECT_PRIORITY;
  const origin = { resourceId: `settings/entryPoints/${ep.name}`, file: '', range: { start: 0, end: 0 } };
  const router: DynamicRouter = {
    name, rule: features.redirectRule.rule, priority, effectivePriority: priority, ruleSyntax: features.redirectRule.syntax,
    ruleSyntaxRaw: 'default', entryPoints: [ep.name], middlewares: [...(ep.middlewares ?? []), mwName], service: 'noop@internal',
    tls: null, parentRefs: [], origin,
  };
  const middleware: DynamicMiddleware = {
    name: mwName, type: 'redirectScheme', config: { scheme: def.scheme || 'https', port, permanent: def.permanent }, origin,
  };
  return { router, middleware, info: { router: name, middleware: mwName, to: def.to, scheme: def.scheme || 'https', port, permanent: def.permanent, priority } };
}

/**
 * The names of the entryPoint redirection routers compileRouting adds to `config`'s routers (those a router of
 * the configuration does not already hold).
 *
 * @example
 * redirectRouterNames(config, settings) // ['web-to-websecure@internal'] with web redirected to websecure
 */
export function redirectRouterNames(config: DynamicConfig, settings: Settings): string[] {
  return settings.entryPoints.flatMap((ep) => {
    const name = redirectionOf(ep, settings)?.router.name;
    return name === undefined || config.routers[name] ? [] : [name];
  });
}

/**
 * v3.6.18–v3.6.20 / v2.11.47–v2.11.49 (aggregator.go, before per-entryPoint conflict renaming): a TLS router's
 * resolved option is `default` when its rule has no Host, or when one of its hosts is served with different
 * options by other TLS routers (all entryPoints together); else the option it asks for.
 */
function applyLegacyResolvedOptions(all: CompiledRouter[]): void {
  const tlsRouters = all.filter((r) => r.router.tls && inRuntimeConfig(r.router) && !r.internal);
  const byDomain = new Map<string, Map<string, CompiledRouter[]>>();
  const resolved = new Map<CompiledRouter, string>();
  for (const r of tlsRouters) {
    const domains = domainsOf(r.router.rule);
    if (domains === undefined) continue;
    const option = requestedOption(r.router);
    if (domains.length === 0) resolved.set(r, 'default');
    for (const d of domains) {
      const m = byDomain.get(d) ?? new Map<string, CompiledRouter[]>();
      m.set(option, [...(m.get(option) ?? []), r]);
      byDomain.set(d, m);
    }
  }
  for (const options of byDomain.values()) {
    for (const [option, routers] of options) {
      for (const r of routers) if (resolved.get(r) !== 'default') resolved.set(r, options.size > 1 ? 'default' : option);
    }
  }
  for (const [r, option] of resolved) r.router = { ...r.router, tls: { ...r.router.tls!, resolvedOptions: option } };
}

/** Disabled routers that Traefik still has in its runtime configuration (the provider emits them, the
 * router manager refuses them when building handlers), so their Host rules still feed the SNI → TLS
 * option table; routes the provider skips are not there at all (provider/file-shape.ts emittedByProvider). */
function inRuntimeConfig(r: DynamicRouter): boolean {
  return r.disabled?.code !== 'PROVIDER_ROUTE_SKIPPED';
}

/** Whether a router is attached to this entryPoint's TLS muxer (its own `tls` or the entryPoint's `http.tls`). */
function isTlsOn(r: CompiledRouter, ep: EntryPointSettings): boolean {
  return r.router.tls !== null || (!r.internal && ep.tls !== undefined && ep.tls !== null);
}

/** A router of the HTTPS muxer without its own `tls` has the entryPoint's `http.tls` (isTlsOn: then it is set). */
function withEntryPointTls(r: DynamicRouter, ep: EntryPointSettings): DynamicRouter {
  if (r.tls) return r;
  const options = ep.tls!.options;
  // Stryker disable next-line StringLiteral: buildSniTable reads an empty resolved option as `default`
  return { ...r, tls: { options, resolvedOptions: options || 'default' } };
}

function muxerOf(kind: CompiledMuxer['kind'], entryPoint: string, members: CompiledRouter[], settings: Settings, parent?: string): CompiledMuxer {
  const features = featuresOf(settings);
  const served = members.filter((r) => r.skipReason === null);
  const { sorted, ties } = sortRoutes(served.map((r) => ({ name: r.name, priority: r.priority, providerRank: providerRank(r.name, features), r })));
  const index = buildHostIndex(sorted.map((s) => s.r.rule.tree));
  const routes: MuxRoute[] = sorted.map((s, rank) => {
    const indexReason = exclusionReason(index.constraints[rank] ?? null);
    const excludedEntry: RankEntry = { router: s.name, priority: s.r.priority, rank, result: 'not-matched', because: indexReason, winner: false, via: 'index' };
    Object.assign(excludedEntry, tiedFields(ties.some(s.name, TIED_LISTED), ties.count(s.name)));
    const route = { router: s.r, rank, providerRank: s.providerRank, indexReason, excludedEntry: Object.freeze(excludedEntry) } as Omit<MuxRoute, 'tiedWith'>;
    // The full list of tied routers is made when first read (see Ties): only the shadow check and a
    // winner's nondeterminism need it.
    return Object.defineProperty(route, 'tiedWith', { get: () => ties.get(s.name) ?? [], enumerable: true }) as MuxRoute;
  });
  // Stryker disable next-line EqualityOperator: router names are unique keys, so a.name === b.name never happens
  const skipped = members.filter((r) => r.skipReason !== null).sort((a, b) => (a.name < b.name ? -1 : 1));
  const muxer: CompiledMuxer = { kind, entryPoint, routes, skipped, index };
  if (parent !== undefined) muxer.parent = parent;
  return muxer;
}

/**
 * Compiles a dynamic configuration into the routing tables one simulation reads: per entryPoint an HTTP and an
 * HTTPS muxer in Traefik's order (with a host index), the SNI → TLS option table, the certificate store.
 * Build it once per analysis; `simulate` is then cheap.
 *
 * @example
 * const routing = compileRouting(analysis.config, settings, { secrets: secretsOf(analysis.resources) });
 * simulate(routing, { method: 'GET', url: 'https://shop.example.com/', headers: {}, clientIP: '203.0.113.7' });
 */
export function compileRouting(config: DynamicConfig, settings: Settings, extras: RoutingExtras = {}): CompiledRouting {
  try {
    return compile(config, settings, extras);
  } catch (e) {
    // Never throw: serve nothing rather than take the worker or the CLI down.
    const empty: DynamicConfig = { routers: {}, services: {}, middlewares: {}, tlsOptions: {}, certificates: [] };
    const routing = compile(empty, settings, {});
    routing.config = config;
    routing.notes.push(`the routing tables could not be built (${e instanceof Error ? e.message : String(e)}): nothing is served`);
    return routing;
  }
}

function compile(config: DynamicConfig, settings: Settings, extras: RoutingExtras): CompiledRouting {
  const features = featuresOf(settings);
  const routing: CompiledRouting = {
    settings, features, config, entryPoints: {}, routers: {}, middlewares: { ...config.middlewares },
    certificates: buildCertificateStore(config.certificates), secrets: extras.secrets ?? {}, secretTypes: extras.secretTypes ?? {}, notes: [],
  };
  const domainCache = new Map<string, string[] | undefined>();
  const cachedDomains = (rule: string) => {
    // Stryker disable next-line ConditionalExpression: a cache; recomputing gives the same domains
    if (!domainCache.has(rule)) domainCache.set(rule, domainsOf(rule));
    return domainCache.get(rule);
  };
  const redirects = new Map<string, RedirectRouter>();
  for (const ep of settings.entryPoints) {
    const red = redirectionOf(ep, settings);
    if (!red || config.routers[red.router.name]) continue;
    routing.routers[red.router.name] = makeRouter(red.router, settings, true);
    routing.middlewares[red.middleware.name] = red.middleware;
    redirects.set(ep.name, red.info);
  }
  for (const router of Object.values(config.routers)) routing.routers[router.name] = makeRouter(router, settings, router.name.endsWith('@internal'));
  const all = Object.values(routing.routers);
  if (features.sniCheck === 'resolved-option' && !features.conflictRename) applyLegacyResolvedOptions(all);

  // References outside the workspace (the reference rule) are assumed to exist: a TLS option there gets
  // Traefik's default settings, a TraefikService there is an external target.
  const outside = new Set(config.outside ?? []);
  const base = config.tlsOptions['default'];
  const tlsOptions = { ...config.tlsOptions };
  for (const name of outside) if (!tlsOptions[name] && base) tlsOptions[name] = base;
  // Router-manager failures: middlewares that cannot be built, missing services, unknown TLS options.
  const childrenOf = new Map<string, CompiledRouter[]>();
  for (const c of all) for (const p of c.router.parentRefs) childrenOf.set(p, [...(childrenOf.get(p) ?? []), c]);
  for (const r of all) {
    if (r.skipReason !== null) continue;
    const mwError = middlewareBuildError(r.router.middlewares, routing);
    const hasChildren = childrenOf.has(r.name);
    if (mwError) r.skipReason = mwError;
    else if (r.router.service === '' && !hasChildren) r.skipReason = 'router has no service and no child routers';
    else if (r.router.service.endsWith('@kubernetescrd') && !lookupService(routing, r.router.service) && !outside.has(r.router.service)) {
      r.skipReason = `the service "${r.router.service}" does not exist`;
    } else if (r.router.tls && r.router.tls.resolvedOptions !== 'default' && r.router.tls.resolvedOptions !== '' && !tlsOptions[r.router.tls.resolvedOptions]) {
      r.skipReason = `unknown TLS options: ${r.router.tls.resolvedOptions}`;
    }
  }

  // Child muxers (parentRefs, v3.6+): children live in their parent's muxer.
  for (const parent of all) {
    const kids = childrenOf.get(parent.name) ?? [];
    if (kids.length === 0) continue;
    parent.children = muxerOf('child', '', kids, settings, parent.name);
    if (parent.skipReason === null && parent.children.routes.length === 0) {
      parent.skipReason = `no child routers could be added to muxer (${kids.length} skipped)`;
    }
  }

  for (const ep of settings.entryPoints) {
    const roots = all.filter((r) => r.router.parentRefs.length === 0 && r.router.entryPoints.includes(ep.name));
    const httpsMembers = roots.filter((r) => isTlsOn(r, ep));
    const compiled: CompiledEntryPoint = {
      name: ep.name,
      settings: ep,
      http: muxerOf('http', ep.name, roots.filter((r) => !isTlsOn(r, ep)), settings),
      https: muxerOf('https', ep.name, httpsMembers, settings),
      sni: buildSniTable(
        httpsMembers.filter((r) => inRuntimeConfig(r.router)).map((r) => withEntryPointTls(r.router, ep)),
        tlsOptions, features, cachedDomains,
      ),
      redirect: redirects.get(ep.name) ?? null,
      options: { ...DEFAULT_HTTP_OPTIONS, ...(extras.httpOptions?.[ep.name] ?? {}) },
    };
    routing.entryPoints[ep.name] = compiled;
  }
  for (const r of all) {
    if (r.router.parentRefs.length > 0 || r.skipReason !== null) continue;
    const unknown = r.router.entryPoints.filter((e) => !routing.entryPoints[e]);
    if (unknown.length > 0) routing.notes.push(`router ${r.name}: entryPoint${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')} not configured`);
    if (r.router.entryPoints.length > 0 && unknown.length === r.router.entryPoints.length) r.skipReason = 'no valid entryPoint for this router';
  }
  return routing;
}

/**
 * The workspace data simulate can use: decoded Secrets (BasicAuth users) and their types.
 *
 * @example
 * compileRouting(analysis.config, settings, routingExtrasOf(analysis.resources))
 */
export function routingExtrasOf(resources: readonly Resource[]): RoutingExtras {
  const secretTypes: Record<string, string> = {};
  for (const r of resources) {
    if (r.kind === 'Secret' && typeof r.raw['type'] === 'string') secretTypes[`${r.metadata.namespace}/${r.metadata.name}`] = r.raw['type'];
  }
  return { secrets: secretsOf(resources), secretTypes };
}
