// Mirrors pkg/provider/kubernetes/crd/kubernetes_http.go loadIngressRouteConfiguration: one router per
// route, skipped (not the whole IngressRoute) when a reference fails.
import { diagnostic } from '../diagnostic.ts';
import { arr, bool, num, obj, str } from '../model/index.ts';
import { convertV2ToV3, MAX_USER_PRIORITY, parseRule, RULE_CODES, rulePriority } from '../rules/index.ts';
import { nodeAtPath } from '../yaml/index.ts';
import type { DynamicConfig, DynamicRouter, Resource, RouterTLS, RuleSyntax } from '../types.ts';
import type { BuildContext} from './context.ts';
import { crossNamespaceHint, namespaceAllowed } from './context.ts';
import { middlewareKeys } from './middlewares.ts';
import { makeID, normalize, PROVIDER, qualify, routerKey } from './names.ts';
import { fullServiceName, nameAndService } from './services.ts';
import { buildWeighted } from './traefik-services.ts';

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
      out.options = name;
    } else {
      const ns = str(options?.['namespace']) || ir.metadata.namespace;
      if (!namespaceAllowed(ctx, ir.metadata.namespace, ns)) {
        ctx.report('PROVIDER_CROSS_NAMESPACE', `TLSOption ${ns}/${name} is in another namespace than ${ir.metadata.namespace}: ${crossNamespaceHint(ir.metadata.namespace)}.`, ir, ['spec', 'tls', 'options', 'namespace']);
        return 'error';
      }
      if (name === 'default') {
        ctx.report('PROVIDER_TLS_OPTION_DEFAULT_NAME', `options.name: default resolves to the TLSOption ${ns}-default, not to Traefik's global default option: remove options to use the global default.`, ir, ['spec', 'tls', 'options', 'name']);
      }
      out.options = qualify(normalize(makeID(ns, name)));
    }
    out.resolvedOptions = out.options === 'default' ? 'default' : out.options;
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

/** Routers (and per-route services) of every processed IngressRoute. Returns the routers of each IngressRoute by id, for parentRefs. */
export function buildRouters(ctx: BuildContext, config: DynamicConfig): Map<string, DynamicRouter[]> {
  const byIngress = new Map<string, DynamicRouter[]>();
  for (const ir of ctx.all('IngressRoute')) {
    if (ctx.settings.target !== 'v2.11' && ir.apiVersion.startsWith('traefik.containo.us/')) continue;
    if (!processed(ir, ctx)) continue;
    const spec = obj(ir.raw['spec']) ?? {};
    const ns = ir.metadata.namespace;
    const ingressName = ir.metadata.name || ir.metadata.generateName || '';
    const entryPoints = arr(spec['entryPoints']).map(String);
    const tls = routeTLS(ctx, ir);
    const seen = new Map<string, number>();
    const routers: DynamicRouter[] = [];
    arr(spec['routes']).forEach((rawRoute, i) => {
      const route = obj(rawRoute) ?? {};
      const path = ['spec', 'routes', i];
      const kind = str(route['kind']);
      if (ctx.settings.target === 'v2.11' ? kind !== 'Rule' : kind !== undefined && kind !== '' && kind !== 'Rule') {
        ctx.report('PROVIDER_ROUTE_KIND', `Route kind is ${kind === undefined ? 'missing' : `"${kind}"`}; ${ctx.settings.target === 'v2.11' ? 'Traefik v2.11 requires kind: Rule' : 'only Rule is allowed'}, so Traefik skips this route.`, ir, kind === undefined ? path : [...path, 'kind']);
        return;
      }
      const match = str(route['match']) ?? '';
      if (match === '') {
        ctx.report('PROVIDER_EMPTY_MATCH', 'This route has no match rule, so Traefik skips it: add match, e.g. Host(`app.example.com`).', ir, route['match'] === undefined ? path : [...path, 'match']);
        return;
      }
      if (tls === 'error') return;
      const key = routerKey(ns, ingressName, match);
      const name = qualify(key);
      const previous = seen.get(key);
      if (previous !== undefined) {
        ctx.report('PROVIDER_ROUTER_COLLISION', `Routes ${previous} and ${i} of this IngressRoute have the same match, so they get the same router name ${name}: the last one wins and route ${previous} is lost.`, ir, [...path, 'match'], { related: [{ message: `route ${previous}`, resource: ir, path: ['spec', 'routes', previous, 'match'] }] });
      }
      seen.set(key, i);
      const { keys: middlewares, ok: middlewaresOk, missingOnly } = middlewareKeys(ctx, ir, ns, route['middlewares'], [...path, 'middlewares'], config);
      const refs = arr(route['services']);
      let service = '';
      // A route with a failing reference gets no router in Traefik. It is kept here, disabled, so the
      // routers table, graph and simulator can say why; exports leave it out.
      // A missing Middleware is not checked by the provider: Traefik creates the router and fails to
      // build it (its hosts still feed the SNI → TLS option table). A namespace error skips the route.
      let skipped: string | null = middlewaresOk || missingOnly ? null : 'a middleware reference does not resolve';
      if (refs.length === 1) {
        const resolved = nameAndService(ctx, ns, obj(refs[0]) ?? {}, { owner: ir, path: [...path, 'services', 0] });
        if (!resolved) {
          skipped ??= 'its service reference does not resolve';
          service = qualify(fullServiceName(str(obj(refs[0])?.['namespace']) || ns, obj(refs[0]) ?? {}));
        } else if (resolved.lb) {
          config.services[name] = { ...resolved.lb, name, origin: { resourceId: ir.id, file: ir.source.file, range: ctx.range(ir, [...path, 'services']) } };
          service = name;
        } else service = qualify(resolved.name);
      } else if (refs.length > 1) {
        const weighted = buildWeighted(ctx, config, ns, name, refs, ir, [...path, 'services']);
        if (!weighted) skipped ??= 'one of its service references does not resolve';
        else config.services[name] = weighted;
        service = name;
      }
      const rawSyntax = str(route['syntax']) ?? '';
      const syntax = syntaxOf(ctx, rawSyntax);
      const priority = num(route['priority']) ?? 0;
      const router: DynamicRouter = {
        name,
        rule: match,
        priority,
        effectivePriority: priority !== 0 ? priority : rulePriority(match),
        ruleSyntax: syntax,
        ruleSyntaxRaw: rawSyntax,
        entryPoints: entryPoints.length ? entryPoints : [],
        middlewares,
        service,
        tls,
        parentRefs: [],
        origin: { resourceId: ir.id, file: ir.source.file, range: ctx.range(ir, path), routeIndex: i },
      };
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
      else if (missingOnly) router.disabled = { reason: 'the router fails to build: a middleware it uses does not exist', code: 'PROVIDER_MIDDLEWARE_NOT_FOUND' };
      checkRule(ctx, ir, router, [...path, 'match']);
      checkPriority(ctx, ir, router, [...path, 'priority']);
      config.routers[name] = router;
      routers.push(router);
    });
    byIngress.set(ir.id, routers);
  }
  return byIngress;
}

/** Rule errors at their exact columns; any error means Traefik does not serve the router. */
function checkRule(ctx: BuildContext, ir: Resource, router: DynamicRouter, path: (string | number)[]): void {
  const { errors } = parseRule(router.rule, router.ruleSyntax);
  if (errors.length === 0) return;
  const fixes = [];
  if (router.ruleSyntax === 'v3' && ctx.settings.target !== 'v2.11' && parseRule(router.rule, 'v2').errors.length === 0) {
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
  router.disabled = { reason: `the rule does not parse: ${errors[0]!.message}`, code: errors[0]!.code };
}

function checkPriority(ctx: BuildContext, ir: Resource, router: DynamicRouter, path: (string | number)[]): void {
  const node = nodeAtPath(ir.source.node, path);
  if (!node || node.kind !== 'scalar' || !/^\d+$/.test(node.text)) return;
  if (BigInt(node.text) > MAX_USER_PRIORITY) {
    ctx.report('PROVIDER_PRIORITY_TOO_HIGH', `Priority ${node.text} is above the highest Traefik accepts (${MAX_USER_PRIORITY}); the router is not served.`, ir, path);
    router.disabled = { reason: 'priority above the maximum', code: 'PROVIDER_PRIORITY_TOO_HIGH' };
  }
}
