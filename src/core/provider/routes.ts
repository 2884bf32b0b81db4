// Mirrors pkg/provider/kubernetes/crd/kubernetes_http.go loadIngressRouteConfiguration: one router per
// route, skipped (not the whole IngressRoute) when a reference fails.
import { diagnostic } from '../diagnostic.ts';
import { arr, bool, num, obj, str } from '../model/index.ts';
import { convertV2ToV3, MAX_USER_PRIORITY, parseRule, RULE_CODES, rulePriority } from '../rules/index.ts';
import { nodeAtPath } from '../yaml/index.ts';
import type { DynamicConfig, DynamicRouter, Resource, RouterTLS, RuleSyntax } from '../types.ts';
import type { BuildContext } from './context.ts';
import { crossNamespaceHint, crossProviderAllowed, crossProviderHint, namespaceAllowed } from './context.ts';
import { atLeast } from './settings.ts';
import { middlewareKeys } from './middlewares.ts';
import { makeID, normalize, PROVIDER, qualify, routerKey } from './names.ts';
import { fullServiceName, nameAndService, placedService } from './services.ts';
import { buildWeighted } from './traefik-services.ts';
import type { RouteCache } from './route-cache.ts';

/** The entryPoints a router without any gets: those with asDefault, else all of them. */
export function defaultEntryPoints(ctx: BuildContext): string[] {
  const eps = ctx.settings.entryPoints.filter((e) => e.name !== 'traefik');
  const flagged = eps.filter((e) => e.asDefault);
  return (flagged.length ? flagged : eps).map((e) => e.name);
}

function ingressClass(ir: Resource, ctx: BuildContext): string {
  const spec = obj(ir.raw['spec']) ?? {};
  const fromSpec = ctx.settings.target === 'v2.11' ? undefined : str(spec['ingressClassName']);
  return fromSpec ?? ir.metadata.annotations['kubernetes.io/ingress.class'] ?? '';
}

/** shouldProcessIngress: the provider's ingressClass, else no class or `traefik`. */
export function processed(ir: Resource, ctx: BuildContext): boolean {
  const cls = ingressClass(ir, ctx);
  const wanted = ctx.settings.provider.ingressClass;
  if (wanted ? cls !== wanted : cls !== '' && cls !== 'traefik') {
    ctx.report('PROVIDER_CLASS_SKIPPED', `IngressRoute ${ir.metadata.namespace}/${ir.metadata.name} has ingress class "${cls}", which this Traefik does not process (provider ingressClass: ${wanted ? `"${wanted}"` : 'unset, so only no class or "traefik"'}).`, ir, ['metadata', 'name']);
    return false;
  }
  const namespaces = ctx.settings.provider.namespaces;
  if (namespaces.length > 0 && !namespaces.includes(ir.metadata.namespace)) {
    ctx.report('PROVIDER_NAMESPACE_SKIPPED', `Namespace ${ir.metadata.namespace} is not among the provider's watched namespaces (${namespaces.join(', ')}).`, ir, ['metadata', 'namespace']);
    return false;
  }
  return true;
}

/** The IngressRoute's TLS; 'error' when resolveReference refuses the option (Traefik then skips each route
 * after building its service). */
function routeTLS(ctx: BuildContext, ir: Resource): RouterTLS | null | 'error' {
  const tls = obj(obj(ir.raw['spec'])?.['tls']);
  if (!tls && (obj(ir.raw['spec']) ?? {})['tls'] === undefined) return null;
  const out: RouterTLS = { resolvedOptions: 'default' };
  const options = obj(tls?.['options']);
  const name = str(options?.['name']) ?? '';
  if (name) {
    if (name.includes('@')) {
      if (!ctx.settings.provider.allowCrossNamespace && name.endsWith(`@${PROVIDER}`)) {
        ctx.report('PROVIDER_CROSS_NAMESPACE', `TLS option "${name}" uses the @${PROVIDER} form, which needs allowCrossNamespace.`, ir, ['spec', 'tls', 'options', 'name']);
        return 'error';
      }
      if (!crossProviderAllowed(ctx, ir.metadata.namespace)) {
        ctx.report('PROVIDER_CROSS_PROVIDER', crossProviderHint(`TLS option ${name}`, ir.metadata.namespace), ir, ['spec', 'tls', 'options', 'name']);
        return 'error';
      }
      out.options = name;
    } else {
      const ns = str(options!['namespace']) || ir.metadata.namespace;
      if (!namespaceAllowed(ctx, ir.metadata.namespace, ns)) {
        ctx.report('PROVIDER_CROSS_NAMESPACE', `TLSOption ${ns}/${name} is in another namespace than ${ir.metadata.namespace}: ${crossNamespaceHint(ir.metadata.namespace)}.`, ir, ['spec', 'tls', 'options', 'namespace']);
        return 'error';
      }
      if (name === 'default') {
        ctx.report('PROVIDER_TLS_OPTION_DEFAULT_NAME', `options.name: default resolves to the TLSOption ${ns}-default, not to Traefik's global default option: remove options to use the global default.`, ir, ['spec', 'tls', 'options', 'name']);
      }
      out.options = qualify(normalize(makeID(ns, name)));
    }
    // Both forms above are provider-qualified, never the bare global `default`.
    out.resolvedOptions = out.options;
  }
  const resolver = str(tls?.['certResolver']);
  if (resolver) out.certResolver = resolver;
  const domains = arr(tls?.['domains']).map((d) => ({ main: str(obj(d)?.['main']) ?? '', sans: arr(obj(d)?.['sans']).map(String) }));
  if (domains.length) out.domains = domains;
  return out;
}

function syntaxOf(ctx: BuildContext, raw: string): RuleSyntax {
  if (ctx.settings.target === 'v2.11') return 'v2';
  if (raw === 'v2') return 'v2';
  if (raw === '' && ctx.settings.defaultRuleSyntax === 'v2') return 'v2';
  return 'v3';
}

/**
 * resolveParentRouterNames (v3.6+): the router names of every route of each parent, computed from the
 * parent's spec as written. Null when a parent is missing or in a namespace not allowed: Traefik then
 * skips the whole IngressRoute before building any service.
 */
function parentRouterNames(ctx: BuildContext, ir: Resource): string[] | null {
  // atLeast without a v2 version is false for v2.11, which has no parentRefs.
  if (!atLeast(ctx.settings, '3.6.0')) return [];
  const names: string[] = [];
  const refs = arr(obj(ir.raw['spec'])?.['parentRefs']);
  for (let i = 0; i < refs.length; i++) {
    const ref = obj(refs[i]) ?? {};
    const name = str(ref['name']) ?? '';
    const ns = str(ref['namespace']) || ir.metadata.namespace;
    if (!namespaceAllowed(ctx, ir.metadata.namespace, ns)) {
      ctx.report('PROVIDER_CROSS_NAMESPACE', `Parent IngressRoute ${ns}/${name} is in another namespace: ${crossNamespaceHint(ir.metadata.namespace)}. The whole IngressRoute is skipped.`, ir, ['spec', 'parentRefs', i]);
      return null;
    }
    const parent = ctx.find('IngressRoute', ns, name);
    if (!parent) {
      ctx.report('PROVIDER_PARENT_NOT_FOUND', `Parent IngressRoute ${ns}/${name} is not defined: Traefik skips every route of this IngressRoute (and their services).`, ir, ['spec', 'parentRefs', i, 'name']);
      return null;
    }
    for (const route of arr(obj(parent.raw['spec'])?.['routes'])) names.push(qualify(routerKey(ns, parent.metadata.name, str(obj(route)?.['match']) ?? '')));
  }
  return names;
}

/**
 * Routers (and per-route services) of every processed IngressRoute, in loadIngressRouteConfiguration's order.
 * With a route cache, an IngressRoute that has not changed, in a workspace whose other resources have not, gets
 * what it got last time (route-cache.ts).
 */
export function buildRouters(ctx: BuildContext, config: DynamicConfig, cache?: RouteCache): void {
  for (const ir of ctx.all('IngressRoute')) {
    if (!cache?.active) {
      buildIngressRoute(ctx, config, ir);
      continue;
    }
    if (cache.replay(ir, ctx, config)) continue;
    const before = ctx.diagnostics.length;
    ctx.effects = [];
    try {
      buildIngressRoute(ctx, config, ir);
      cache.record(ir, ctx.effects, ctx.diagnostics.slice(before));
    } finally {
      ctx.effects = null;
    }
  }
}

/** The routers of one IngressRoute. */
function buildIngressRoute(ctx: BuildContext, config: DynamicConfig, ir: Resource): void {
  if (ctx.settings.target !== 'v2.11' && ir.apiVersion.startsWith('traefik.containo.us/')) return;
  if (!processed(ir, ctx)) return;
  const spec = obj(ir.raw['spec']) ?? {};
  const secretName = str(obj(spec['tls'])?.['secretName']);
  // Stryker disable next-line ConditionalExpression: `ns/undefined` names no Secret: buildTLSCertificates adds nothing for it
  if (secretName) ctx.addRouteSecret(`${ir.metadata.namespace}/${secretName}`);
  const ns = ir.metadata.namespace;
  // Traefik falls back to generateName, but extractResources drops objects without metadata.name.
  const ingressName = ir.metadata.name;
  const entryPoints = arr(spec['entryPoints']).map(String);
  const tls = routeTLS(ctx, ir);
  const parents = parentRouterNames(ctx, ir);
  if (parents === null) return;
  const seen = new Map<string, number>();
  arr(spec['routes']).forEach((rawRoute, i) => {
    const route = obj(rawRoute) ?? {};
    const path = ['spec', 'routes', i];
    const kind = str(route['kind']);
    if (ctx.settings.target === 'v2.11' ? kind !== 'Rule' : kind !== undefined && kind !== '' && kind !== 'Rule') {
      ctx.report('PROVIDER_ROUTE_KIND', `Route kind is ${kind === undefined ? 'missing' : `"${kind}"`}; ${ctx.settings.target === 'v2.11' ? 'Traefik v2.11 requires kind: Rule' : 'only Rule is allowed'}, so Traefik skips this route.`, ir, [...path, 'kind']);
      return;
    }
    const match = str(route['match']) ?? '';
    if (match === '') {
      ctx.report('PROVIDER_EMPTY_MATCH', 'This route has no match rule, so Traefik skips it: add match, e.g. Host(`app.example.com`).', ir, [...path, 'match']);
      return;
    }
    const key = routerKey(ns, ingressName, match);
    const name = qualify(key);
    const previous = seen.get(key);
    if (previous !== undefined) {
      ctx.report('PROVIDER_ROUTER_COLLISION', `Routes ${previous} and ${i} of this IngressRoute have the same match, so they get the same router name ${name}: the last one wins and route ${previous} is lost.`, ir, [...path, 'match'], { related: [{ message: `route ${previous}`, resource: ir, path: ['spec', 'routes', previous, 'match'] }] });
    }
    seen.set(key, i);
    const mws = middlewareKeys(ctx, ir, ns, route['middlewares'], [...path, 'middlewares'], config);
    // A route the provider skips is kept here, disabled, so the routers table, graph and simulator can
    // say why; the export leaves it out. A middleware reference it refuses skips the route before its
    // service is built; a refused TLS option skips it after (the service stays).
    let skipped: string | null = mws.skipped ? 'a middleware reference is not allowed' : null;
    let failing = mws.failing;
    const refs = arr(route['services']);
    let service = '';
    if (refs.length === 1) {
      const ref = obj(refs[0]) ?? {};
      const resolved = skipped ? null : nameAndService(ctx, ns, ref, { owner: ir, path: [...path, 'services', 0] });
      if (!resolved) {
        skipped ??= 'its service reference does not resolve';
        service = qualify(fullServiceName(str(ref['namespace']) || ns, ref));
      } else if (resolved.lb) {
        ctx.setService(config, name, placedService(resolved.lb, name, { resourceId: ir.id, file: ir.source.file, range: ctx.range(ir, [...path, 'services']) }));
        service = name;
      } else {
        service = qualify(resolved.name);
        // Stryker disable next-line ConditionalExpression: `failing ??= undefined` changes nothing
        if (resolved.failing) failing ??= resolved.failing;
      }
    } else if (refs.length) {
      const weighted = skipped ? null : buildWeighted(ctx, config, ns, name, refs, ir, [...path, 'services']);
      if (!weighted) skipped ??= 'one of its service references does not resolve';
      else ctx.setService(config, name, weighted);
      service = name;
    }
    if (tls === 'error') skipped ??= 'its TLS option reference is not allowed';
    const rawSyntax = str(route['syntax']) ?? '';
    const syntax = syntaxOf(ctx, rawSyntax);
    const priority = num(route['priority']) ?? 0;
    const routerTLS = tls === 'error' ? null : tls;
    const router: DynamicRouter = {
      name,
      rule: match,
      priority,
      effectivePriority: priority !== 0 ? priority : rulePriority(match),
      ruleSyntax: syntax,
      ruleSyntaxRaw: rawSyntax,
      // A child's entryPoints come from its parents (the router manager attaches it to their muxers).
      entryPoints: parents.length ? [] : entryPoints,
      middlewares: mws.keys,
      service,
      tls: routerTLS,
      parentRefs: parents,
      origin: { resourceId: ir.id, file: ir.source.file, range: ctx.range(ir, path), routeIndex: i },
    };
    if (parents.length && entryPoints.length) router.writtenEntryPoints = entryPoints;
    const writtenTLS = str(obj(obj(spec['tls'])?.['options'])?.['name']);
    const keep = [...mws.keepQualified, ...(writtenTLS?.endsWith(`@${PROVIDER}`) ? [writtenTLS] : [])];
    if (keep.length) router.keepQualified = keep;
    const observability = obj(route['observability']);
    if (observability) {
      router.observability = {};
      for (const k of ['accessLogs', 'metrics', 'tracing'] as const) {
        const v = bool(observability[k]);
        if (v !== undefined) router.observability[k] = v;
      }
      const verbosity = str(observability['traceVerbosity']);
      if (verbosity) router.observability.traceVerbosity = verbosity;
    }
    if (skipped) router.disabled = { reason: `Traefik skips this route: ${skipped}`, code: 'PROVIDER_ROUTE_SKIPPED' };
    else if (failing) router.disabled = { reason: `the router fails to build: ${failing}`, code: failing.startsWith('TraefikService') ? 'PROVIDER_SERVICE_NOT_FOUND' : 'PROVIDER_MIDDLEWARE_NOT_FOUND' };
    checkRule(ctx, ir, router, [...path, 'match']);
    checkPriority(ctx, ir, router, [...path, 'priority']);
    ctx.setRouter(config, name, router);
  });
}

/** Rule errors at their exact columns; any error means Traefik does not serve the router. */
function checkRule(ctx: BuildContext, ir: Resource, router: DynamicRouter, path: (string | number)[]): void {
  const { errors } = parseRule(router.rule, router.ruleSyntax);
  if (errors.length === 0) return;
  const fixes = [];
  // A rule that fails in its own syntax and parses as v2 can only be a v3 route (v2.11 routes are all v2).
  if (parseRule(router.rule, 'v2').errors.length === 0) {
    const converted = convertV2ToV3(router.rule);
    const node = nodeAtPath(ir.source.node, path);
    if ('rule' in converted && node?.kind === 'scalar') {
      fixes.push({ title: 'Convert this rule to Traefik v3 syntax', edits: [{ range: node.range, text: /^[\w(]/.test(converted.rule) && !/[#:]\s|\s#/.test(converted.rule) ? converted.rule : JSON.stringify(converted.rule) }] });
    }
  }
  for (const e of errors) {
    const range = ctx.scalarRange(ir, path, e.offset, e.length);
    const hint = fixes.length ? ' This is v2 syntax: use the quick fix to convert it, or set syntax: v2 on the route.' : '';
    ctx.diagnostics.push(diagnostic(RULE_CODES, e.code, `${e.message}${hint}`, ir.source.file, range, fixes.length ? { fixes } : {}));
  }
  if (router.disabled?.code !== 'PROVIDER_ROUTE_SKIPPED') router.disabled = { reason: `the rule does not parse: ${errors[0]!.message}`, code: errors[0]!.code };
}

function checkPriority(ctx: BuildContext, ir: Resource, router: DynamicRouter, path: (string | number)[]): void {
  const node = nodeAtPath(ir.source.node, path);
  if (node?.kind !== 'scalar' || !/^\d+$/.test(node.text)) return;
  if (BigInt(node.text) > MAX_USER_PRIORITY) {
    ctx.report('PROVIDER_PRIORITY_TOO_HIGH', `Priority ${node.text} is above the highest Traefik accepts (${MAX_USER_PRIORITY}); the router is not served.`, ir, path);
    if (router.disabled?.code !== 'PROVIDER_ROUTE_SKIPPED') router.disabled = { reason: 'priority above the maximum', code: 'PROVIDER_PRIORITY_TOO_HIGH' };
  }
}
