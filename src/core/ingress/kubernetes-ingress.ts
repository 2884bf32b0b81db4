// Mirrors pkg/provider/kubernetes/ingress/kubernetes.go (loadConfigurationFromIngresses, loadRouter).
import { diagnostic } from '../diagnostic.ts';
import { arr, obj, str } from '../model/index.ts';
import { BuildContext, crossProviderAllowed } from '../provider/context.ts';
import { defaultEntryPoints } from '../provider/routes.ts';
import { certificate } from '../provider/tls.ts';
import { parseRule, RULE_CODES, rulePriority } from '../rules/index.ts';
import type { Diagnostic, DynamicCertificate, DynamicConfig, DynamicRouter, Path, Resource, RuleSyntax, Settings } from '../types.ts';
import { parseRouterAnnotations, type RouterAnnotations } from './annotations.ts';
import { parseLabelSelector, shouldProcessIngress, watchedClasses } from './classes.ts';
import { INGRESS_CODES, type IngressCode } from './codes.ts';
import { DEFAULT_BACKEND, DEFAULT_ROUTER, hashedRouterKey, hostRule, ingressRouterKey, ingressServiceName, backendPort, INGRESS_PROVIDER, MIN_INT32, pathRule } from './names.ts';
import { ingressOptions } from './options.ts';
import { loadService, readBackend } from './services.ts';

export interface IngressProviderResult {
  /** Routers and services named with the `@kubernetes` suffix; certificates from `spec.tls`. */
  config: DynamicConfig;
  diagnostics: Diagnostic[];
  /** The Ingresses this provider took (class and filters passed). */
  processed: Set<Resource>;
}

const qualify = (name: string) => (name.includes('@') ? name : `${name}@${INGRESS_PROVIDER}`);

class IngressBuild {
  readonly diagnostics: Diagnostic[];
  readonly config: DynamicConfig = { routers: {}, services: {}, middlewares: {}, tlsOptions: {}, certificates: [] };

  constructor(readonly ctx: BuildContext) {
    this.diagnostics = ctx.diagnostics;
  }

  report(code: IngressCode, message: string, r: Resource, path: Path): void {
    this.diagnostics.push(diagnostic(INGRESS_CODES, code, message, r.source.file, this.ctx.range(r, path)));
  }
}

/**
 * What Traefik's `kubernetesIngress` provider builds from the workspace's Ingresses (and
 * IngressClasses, Services, EndpointSlices, Secrets): routers `<ns>-<name>-<host><path>` normalised,
 * services `<ns>-<service>-<port>`, the default backend, certificates, each `@kubernetes`.
 *
 * @example
 * const { config } = buildIngressConfig(resources, defaultSettings());
 * Object.keys(config.routers) // ['testing-traefik-tchouk-bar@kubernetes']
 */
export function buildIngressConfig(resources: readonly Resource[], settings: Settings, options: { texts?: Record<string, string> } = {}): IngressProviderResult {
  const opts = ingressOptions(settings);
  const ctx = new BuildContext(resources, {
    ...settings,
    // This provider's own options: the kubernetesCRD provider's (disableClusterScopeResources among them) do not apply.
    provider: {
      ...settings.provider,
      allowExternalNameServices: opts.allowExternalNameServices,
      allowEmptyServices: opts.allowEmptyServices,
      nativeLBByDefault: opts.nativeLBByDefault,
      namespaces: opts.namespaces,
      disableClusterScopeResources: opts.disableClusterScopeResources,
      crossProviderNamespaces: opts.crossProviderNamespaces,
    },
  }, options.texts ?? {});
  const b = new IngressBuild(ctx);
  const processed = new Set<Resource>();
  if (!opts.enabled || !ctx.has('Ingress')) return { config: b.config, diagnostics: b.diagnostics, processed };
  // disableClusterScopeResources turns the IngressClass lookup off too (kubernetes.go: disableIngressClassInformer).
  const classes = watchedClasses(ctx.all('IngressClass'), { ...opts, disableIngressClassLookup: opts.disableIngressClassLookup || opts.disableClusterScopeResources });
  const selector = parseLabelSelector(opts.labelSelector ?? '');
  const certs = new Map<string, DynamicCertificate>();
  // Every Ingress object as listed (not ctx.all, which keeps one per namespace/name).
  for (const ing of resources.filter((r) => r.kind === 'Ingress')) {
    const ns = ing.metadata.namespace;
    if (opts.namespaces.length > 0 && !opts.namespaces.includes(ns)) {
      b.report('INGRESS_NOT_WATCHED', `Namespace ${ns} is not among the kubernetesIngress provider's namespaces (${opts.namespaces.join(', ')}).`, ing, ['metadata', 'name']);
      continue;
    }
    if (typeof selector === 'string' || !selector(ing.metadata.labels)) {
      const why = typeof selector === 'string' ? `${selector}: Traefik's Ingress provider does not start` : `its labels do not match the provider's labelSelector "${opts.labelSelector}"`;
      b.report('INGRESS_NOT_WATCHED', `Ingress ${ns}/${ing.metadata.name} is not watched: ${why}.`, ing, ['metadata', 'name']);
      continue;
    }
    if (!shouldProcessIngress(ing, classes, opts.ingressClass ?? '')) continue;
    processed.add(ing);
    const decoded = parseRouterAnnotations(ing.metadata.annotations);
    if (decoded.error) {
      b.report('INGRESS_ANNOTATION_INVALID', `${decoded.error.message}: Traefik fails to parse the annotations and skips the whole Ingress.`, ing, ['metadata', 'annotations', decoded.error.annotation]);
      continue;
    }
    const ann = decoded.value;
    // Middleware and TLS option names always point at other providers (kubernetes.go, CrossProviderNamespaces).
    const crossProvider = ann && !crossProviderAllowed(ctx, ns) ? (ann.middlewares?.length ? 'middlewares' : ann.tls?.options ? 'tls.options' : null) : null;
    if (crossProvider) {
      const what = crossProvider === 'middlewares' ? 'middleware' : 'TLS option';
      b.report('INGRESS_CROSS_PROVIDER', `Namespace ${ns} is not in the kubernetesIngress provider's crossProviderNamespaces, so Traefik skips this whole Ingress ("cross-provider ${what} reference is not allowed"). Add ${ns} to crossProviderNamespaces, or remove the router.${crossProvider} annotation.`, ing, ['metadata', 'annotations', `traefik.ingress.kubernetes.io/router.${crossProvider}`]);
      continue;
    }
    const spec = obj(ing.raw['spec']) ?? {};
    arr(spec['tls']).forEach((t, i) => {
      const secret = str(obj(t)?.['secretName']) ?? '';
      if (secret === '' || certs.has(`${ns}-${secret}`)) return;
      certs.set(`${ns}-${secret}`, certificate(ctx, ing, ns, secret, ['spec', 'tls', i, 'secretName']));
    });
    if (arr(spec['tls']).length > 0 && !ann?.tls && !ctx.settings.entryPoints.some((e) => e.tls)) {
      b.report('INGRESS_NO_TLS_ROUTER', 'spec.tls only loads the certificate: Traefik serves these routers over TLS only with the annotation traefik.ingress.kubernetes.io/router.tls: "true" (or an entryPoint with http.tls).', ing, ['spec', 'tls']);
    }
    const rules = arr(spec['rules']);
    if (rules.length === 0 && spec['defaultBackend'] !== undefined) defaultBackend(b, ing, ann);
    const routers = new Map<string, DynamicRouter[]>();
    rules.forEach((rawRule, i) => {
      const rule = obj(rawRule) ?? {};
      const http = obj(rule['http']);
      if (!http) return;
      arr(http['paths']).forEach((rawPath, j) => {
        const at: Path = ['spec', 'rules', i, 'http', 'paths', j];
        const pa = obj(rawPath) ?? {};
        const backend = readBackend(pa['backend']);
        if (backend.resource) return b.report('INGRESS_PATH_SKIPPED', 'Traefik does not support resource backends: no router is created for this path.', ing, [...at, 'backend', 'resource']);
        if (!backend.service) return b.report('INGRESS_PATH_SKIPPED', 'This path has no backend service ("Missing service definition"): no router is created for it.', ing, [...at, 'backend']);
        const serviceName = ingressServiceName(ns, backend.service.name, backendPort(backend.service.port));
        if (!b.config.services[qualify(serviceName)]) {
          const lb = loadService(ctx, ing, ns, backend.service, [...at, 'backend'], b.diagnostics);
          if (!lb) return;
          b.config.services[qualify(serviceName)] = { ...lb, name: qualify(serviceName), origin: { resourceId: ing.id, file: ing.source.file, range: ctx.range(ing, [...at, 'backend']) } };
        }
        const rt = loadRouter(b, ing, str(rule['host']) ?? '', pa, ann, qualify(serviceName), at);
        if (!rt) return;
        const key = ingressRouterKey(ns, ing.metadata.name, str(rule['host']) ?? '', str(pa['path']) ?? '');
        routers.set(key, [...(routers.get(key) ?? []), rt]);
      });
    });
    for (const [key, list] of routers) {
      for (const rt of list) {
        const name = qualify(list.length === 1 ? key : hashedRouterKey(key, rt.rule));
        if (list.length > 1) b.report('INGRESS_ROUTER_HASHED', `${list.length} paths of this Ingress normalise to the router key ${key}: Traefik names each ${key}-<hash of its rule>, here ${name}.`, ing, pathOf(rt));
        b.config.routers[name] = { ...rt, name };
      }
    }
  }
  b.config.certificates = [...certs.values()];
  return { config: b.config, diagnostics: b.diagnostics, processed };
}

const ROUTE_PATHS = new WeakMap<DynamicRouter, Path>();
const pathOf = (r: DynamicRouter): Path => ROUTE_PATHS.get(r) ?? [];

function syntaxOf(b: IngressBuild, raw: string): RuleSyntax {
  const s = b.ctx.settings;
  if (s.target === 'v2.11' || raw === 'v2' || (raw === '' && s.defaultRuleSyntax === 'v2')) return 'v2';
  return 'v3';
}

/** The fields an annotated router shares, whether it serves a path or the default backend. */
function baseRouter(b: IngressBuild, ing: Resource, ann: RouterAnnotations | null, service: string, at: Path): DynamicRouter {
  const tls = ann?.tls;
  const router: DynamicRouter = {
    name: '',
    rule: '',
    priority: 0,
    effectivePriority: 0,
    ruleSyntax: 'v3',
    ruleSyntaxRaw: '',
    entryPoints: ann?.entryPoints?.length ? ann.entryPoints : defaultEntryPoints(b.ctx),
    middlewares: (ann?.middlewares ?? []).map(qualify),
    service,
    tls: tls ? { ...tls, ...(tls.options ? { options: qualify(tls.options) } : {}), resolvedOptions: tls.options ? qualify(tls.options) : 'default' } : null,
    parentRefs: [],
    origin: { resourceId: ing.id, file: ing.source.file, range: b.ctx.range(ing, at) },
  };
  if (ann?.observability) router.observability = { ...ann.observability };
  return router;
}

function defaultBackend(b: IngressBuild, ing: Resource, ann: RouterAnnotations | null): void {
  const at: Path = ['spec', 'defaultBackend'];
  const backend = readBackend(obj(ing.raw['spec'])?.['defaultBackend']);
  if (b.config.services[qualify(DEFAULT_BACKEND)]) return b.report('INGRESS_DEFAULT_BACKEND_SKIPPED', 'Another Ingress already defines the default backend ("The default backend already exists"): Traefik ignores this one.', ing, at);
  if (backend.resource) return b.report('INGRESS_DEFAULT_BACKEND_SKIPPED', 'Traefik does not support a resource as default backend: it is ignored.', ing, [...at, 'resource']);
  if (!backend.service) return b.report('INGRESS_DEFAULT_BACKEND_SKIPPED', 'The default backend has no service: Traefik ignores it.', ing, at);
  const lb = loadService(b.ctx, ing, ing.metadata.namespace, backend.service, at, b.diagnostics);
  if (!lb) return;
  const router = baseRouter(b, ing, ann, qualify(DEFAULT_BACKEND), at);
  // "default" stands for Traefik v3's default syntax; priority MinInt32 puts it after every other router.
  Object.assign(router, { name: qualify(DEFAULT_ROUTER), rule: 'PathPrefix("/")', ruleSyntax: syntaxOf(b, ''), ruleSyntaxRaw: 'default', priority: MIN_INT32, effectivePriority: MIN_INT32 });
  b.config.routers[router.name] = router;
  b.config.services[qualify(DEFAULT_BACKEND)] = { ...lb, name: qualify(DEFAULT_BACKEND), origin: router.origin };
}

function loadRouter(b: IngressBuild, ing: Resource, host: string, pa: Record<string, unknown>, ann: RouterAnnotations | null, service: string, at: Path): DynamicRouter | null {
  const router = baseRouter(b, ing, ann, service, at);
  router.ruleSyntaxRaw = ann?.ruleSyntax ?? '';
  router.ruleSyntax = syntaxOf(b, router.ruleSyntaxRaw);
  router.priority = ann?.priority ?? 0;
  const rules: string[] = [];
  if (host !== '') rules.push(hostRule(host, router.ruleSyntax));
  const path = str(pa['path']) ?? '';
  if (path !== '') {
    const pathType = str(pa['pathType']) ?? '';
    let matcher = 'PathPrefix';
    if (pathType === '' || pathType === 'ImplementationSpecific') {
      const wanted = ann?.pathMatcher;
      if (wanted) {
        if (!['Path', 'PathPrefix', 'PathRegexp'].includes(wanted)) {
          const key = Object.keys(ing.metadata.annotations).find((k) => k.toLowerCase() === 'traefik.ingress.kubernetes.io/router.pathmatcher');
          b.report('INGRESS_PATH_SKIPPED', `Invalid router path matcher "${wanted}": must be one of Path, PathPrefix, PathRegexp. Traefik skips every ImplementationSpecific path of this Ingress.`, ing, key ? ['metadata', 'annotations', key] : at);
          return null;
        }
        matcher = wanted;
      }
    } else if (pathType === 'Exact') matcher = 'Path';
    rules.push(pathRule(ingressOptions(b.ctx.settings).strictPrefixMatching, matcher, path));
  }
  router.rule = rules.join(' && ');
  router.effectivePriority = router.priority !== 0 ? router.priority : rulePriority(router.rule);
  ROUTE_PATHS.set(router, at);
  checkRule(b, ing, router, at);
  return router;
}

/** A rule Traefik cannot parse (an empty one: no host and no path) leaves the router unserved. */
function checkRule(b: IngressBuild, ing: Resource, router: DynamicRouter, at: Path): void {
  const { errors } = parseRule(router.rule, router.ruleSyntax);
  if (errors.length === 0) return;
  const e = errors[0]!;
  b.diagnostics.push(diagnostic(RULE_CODES, e.code, `The rule Traefik builds for this path, ${router.rule === '' ? 'an empty rule' : `\`${router.rule}\``}, does not parse: ${e.message}`, ing.source.file, b.ctx.range(ing, at)));
  router.disabled = { reason: `the rule does not parse: ${e.message}`, code: e.code };
}
