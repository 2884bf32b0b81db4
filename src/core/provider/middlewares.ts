// Mirrors pkg/provider/kubernetes/crd/kubernetes.go (Middleware CRDs, makeMiddlewareKeys, chain and
// errors references) and pkg/config/dynamic/middlewares.go (one type per middleware).
import { arr, obj, str } from '../model/index.ts';
import type { DynamicConfig, DynamicMiddleware, Path, Resource } from '../types.ts';
import type { BuildContext } from './context.ts';
import { crossNamespaceHint, crossProviderAllowed, crossProviderHint, namespaceAllowed } from './context.ts';
import { makeID, normalize, PROVIDER, qualify, unqualify } from './names.ts';
import { nameAndService, placedService } from './services.ts';
import { parseHTTPCodeRanges } from './failover.ts';
import { authConfig, forwardAuthConfig, pluginConfig, rateLimitConfig } from './middleware-secrets.ts';
import { closest, judgeMissing, outsideMessage } from '../validate/references.ts';

export interface MiddlewareRefs {
  /** Qualified names, in order (failing ones included, for the graph). */
  keys: string[];
  /** Names as the provider emits them: local ones without the suffix, provider-qualified ones as written. */
  written: string[];
  /** References written with their provider (`x-y@kubernetescrd`), kept as written by the export. */
  keepQualified: string[];
  /** resolveReference failed (namespace or provider not allowed): Traefik skips the route / drops the chain. */
  skipped: boolean;
  /** Why the router fails at runtime (a middleware that does not exist or cannot be built), else null. */
  failing: string | null;
}

/**
 * makeMiddlewareKeys / createChainMiddleware over resolveReference, plus the reference rule for the
 * Middlewares that are not in the workspace (validate/references.ts).
 */
export function middlewareKeys(ctx: BuildContext, owner: Resource, parentNamespace: string, refs: unknown, path: Path, config: DynamicConfig): MiddlewareRefs {
  const out: MiddlewareRefs = { keys: [], written: [], keepQualified: [], skipped: false, failing: null };
  const fail = (reason: string) => (out.failing ??= reason);
  arr(refs).forEach((raw, i) => {
    const ref = obj(raw) ?? {};
    const name = str(ref['name']) ?? '';
    const itemPath = [...path, i];
    if (name.includes('@')) {
      if (!ctx.settings.provider.allowCrossNamespace && name.endsWith(`@${PROVIDER}`)) {
        ctx.report('PROVIDER_CROSS_NAMESPACE', `Middleware "${name}" uses the @${PROVIDER} form, which needs allowCrossNamespace: drop the suffix and set namespace instead, or enable allowCrossNamespace.`, owner, [...itemPath, 'name']);
        out.skipped = true;
        return;
      }
      if (!crossProviderAllowed(ctx, parentNamespace)) {
        ctx.report('PROVIDER_CROSS_PROVIDER', crossProviderHint(`Middleware ${name}`, parentNamespace), owner, [...itemPath, 'name']);
        out.skipped = true;
        return;
      }
      out.keys.push(name);
      out.written.push(name);
      if (!name.endsWith(`@${PROVIDER}`)) {
        ctx.report('PROVIDER_MIDDLEWARE_EXTERNAL', `Middleware ${name} comes from another provider; it is assumed to exist there.`, owner, [...itemPath, 'name']);
        return;
      }
      out.keepQualified.push(name);
      const found = config.middlewares[name];
      if (found) {
        if (found.failure) fail(`middleware ${name}: ${found.failure}`);
        return;
      }
      // `ns-name@kubernetescrd` does not say where ns ends: inside the workspace when a namespace of it prefixes the name.
      const base = unqualify(name);
      const namespaces = [...ctx.scope.namespaces].filter((ns) => base.startsWith(`${normalize(ns)}-`));
      if (namespaces.length === 0 && !ctx.scope.strict) {
        ctx.addOutside(name);
        ctx.report('PROVIDER_REFERENCE_OUTSIDE', `Middleware ${name} belongs to no namespace of the workspace: assumed to exist outside it; its effect is unknown to the simulator. Add its file, or use Strict to make this an error.`, owner, [...itemPath, 'name']);
        return;
      }
      const close = closest(base, Object.keys(config.middlewares).filter((k) => k.endsWith(`@${PROVIDER}`)).map(unqualify));
      ctx.report('PROVIDER_MIDDLEWARE_NOT_FOUND', `Middleware ${name} is not defined in the workspace: Traefik will not serve this router.${close ? ` Did you mean ${close}@${PROVIDER}?` : ''}`, owner, [...itemPath, 'name']);
      fail(`middleware ${name} does not exist`);
      return;
    }
    const ns = str(ref['namespace']) || parentNamespace;
    if (!namespaceAllowed(ctx, parentNamespace, ns)) {
      ctx.report('PROVIDER_CROSS_NAMESPACE', `Middleware ${ns}/${name} is in another namespace than ${parentNamespace}: ${crossNamespaceHint(parentNamespace)}.`, owner, [...itemPath, 'namespace']);
      out.skipped = true;
      return;
    }
    const key = qualify(normalize(makeID(ns, name)));
    out.keys.push(key);
    out.written.push(unqualify(key));
    const found = config.middlewares[key];
    if (found) {
      if (found.failure) fail(`middleware ${unqualify(key)}: ${found.failure}`);
      return;
    }
    if (ctx.find('Middleware', ns, name)) {
      ctx.report('PROVIDER_MIDDLEWARE_NOT_FOUND', `Middleware ${ns}/${name} is invalid (see its own problems), so Traefik will not serve this router.`, owner, [...itemPath, 'name']);
      fail(`middleware ${ns}/${name} cannot be built`);
      return;
    }
    const verdict = judgeMissing(ctx.scope, 'Middleware', ns, name);
    if (verdict.kind === 'outside') {
      ctx.addOutside(key);
      ctx.report('PROVIDER_REFERENCE_OUTSIDE', outsideMessage('Middleware', ns, name, 'its effect is unknown to the simulator'), owner, [...itemPath, 'name']);
      return;
    }
    const close = verdict.suggestion;
    ctx.report(
      'PROVIDER_MIDDLEWARE_NOT_FOUND',
      `Middleware ${ns}/${name} is not defined: Traefik will not serve this router. ${close ? `Did you mean ${close}? ` : ''}Create it, or fix the name or namespace.`,
      owner,
      [...itemPath, 'name'],
      close ? { fixes: [{ title: `Change to ${close}`, edits: [{ range: ctx.range(owner, [...itemPath, 'name']), text: close }] }] } : {},
    );
    fail(`middleware ${ns}/${name} does not exist`);
  });
  return out;
}

/** Middleware CRDs → dynamic middlewares, in the provider's order: Middlewares it cannot build are dropped
 * (each "Error while reading … middleware" is a `continue`), then chains resolve their members. */
export function buildMiddlewares(ctx: BuildContext, config: DynamicConfig): void {
  // Stryker disable next-line ArrayDeclaration: an entry without type is skipped by both loops below
  const pending: { r: Resource; type: string; cfg: Record<string, unknown>; mw: DynamicMiddleware }[] = [];
  for (const r of ctx.all('Middleware')) {
    const spec = obj(r.raw['spec']) ?? {};
    // YAML and JSON values are never undefined: only an explicit null leaves a type unset.
    const types = Object.keys(spec).filter((k) => spec[k] !== null);
    if (types.length !== 1) {
      ctx.report('PROVIDER_MIDDLEWARE_TYPES', types.length === 0 ? `Middleware ${r.metadata.namespace}/${r.metadata.name} sets no type: routers using it fail.` : `Middleware ${r.metadata.namespace}/${r.metadata.name} sets ${types.length} types (${types.join(', ')}): Traefik refuses it ("multi-types middleware not supported") and routers using it fail. Keep one.`, r, ['spec'], { key: true });
      continue;
    }
    const type = types[0]!;
    const key = qualify(normalize(makeID(r.metadata.namespace, r.metadata.name)));
    const cfg = { ...(obj(spec[type]) ?? {}) };
    const mw: DynamicMiddleware = { name: key, type, config: cfg, origin: { resourceId: r.id, file: r.source.file, range: r.source.node.range } };
    config.middlewares[key] = mw;
    pending.push({ r, type, cfg, mw });
  }
  for (const { r, type, cfg, mw } of pending) {
    let emitted: Record<string, unknown> | null | undefined;
    switch (type) {
      case 'basicAuth':
      case 'digestAuth': emitted = authConfig(ctx, r, type, cfg); break;
      case 'forwardAuth': emitted = forwardAuthConfig(ctx, r, cfg); break;
      case 'rateLimit': emitted = rateLimitConfig(ctx, r, cfg); break;
      case 'plugin': emitted = pluginConfig(ctx, r, cfg); break;
      case 'errors': emitted = errorsConfig(ctx, config, r, mw); break;
    }
    if (emitted === null) delete config.middlewares[mw.name];
    // Stryker disable next-line ConditionalExpression: an undefined providerConfig is read as none (`providerConfig ?? config`); null was handled above
    if (emitted) mw.providerConfig = emitted;
  }
  for (const { r, type, cfg, mw } of pending) {
    if (type !== 'chain' || !config.middlewares[mw.name]) continue;
    const refs = middlewareKeys(ctx, r, r.metadata.namespace, cfg['middlewares'], ['spec', 'chain', 'middlewares'], config);
    if (refs.skipped) {
      delete config.middlewares[mw.name];
      continue;
    }
    cfg['middlewares'] = refs.keys;
    mw.providerConfig = { middlewares: refs.written };
    // Stryker disable next-line ConditionalExpression: a null failure is read as none
    if (refs.failing) mw.failure = refs.failing;
  }
}

/**
 * customerrors.New reads statusRewrites from a Go map, so its order is random: of two entries that match a status,
 * either may apply, decided anew at each start (or configuration reload). Harmless when both give the same code.
 */
function overlappingRewrites(ctx: BuildContext, r: Resource, rewrites: Record<string, unknown> | undefined): void {
  const entries: { key: string; low: number; high: number; to: unknown }[] = [];
  for (const [key, to] of Object.entries(rewrites ?? {})) {
    const parsed = parseHTTPCodeRanges([key]);
    if ('ranges' in parsed) entries.push({ key, low: parsed.ranges[0]![0], high: parsed.ranges[0]![1], to });
  }
  entries.forEach((b, j) => {
    const a = entries.slice(0, j).find((x) => Math.max(x.low, b.low) <= Math.min(x.high, b.high) && String(x.to) !== String(b.to));
    if (!a) return;
    const status = Math.max(a.low, b.low);
    ctx.report(
      'PROVIDER_ERRORS_REWRITE_OVERLAP',
      `statusRewrites "${a.key}": ${String(a.to)} and "${b.key}": ${String(b.to)} of Middleware ${r.metadata.namespace}/${r.metadata.name} both match ${status}: Traefik reads statusRewrites in random order (a Go map), so a ${status} may become ${String(a.to)} or ${String(b.to)}, and can change when Traefik restarts. Make the ranges disjoint.`,
      r,
      ['spec', 'errors', 'statusRewrites', b.key],
    );
  });
}

/** createErrorPageMiddleware: the service goes through nameAndService (namespace rules included); a
 * Kubernetes Service becomes `<id>-errorpage-service`. Null drops the Middleware. */
function errorsConfig(ctx: BuildContext, config: DynamicConfig, r: Resource, mw: DynamicMiddleware): Record<string, unknown> | null | undefined {
  const service = obj(mw.config['service']);
  if (!service) return undefined;
  const resolved = nameAndService(ctx, r.metadata.namespace, service, { owner: r, path: ['spec', 'errors', 'service'] });
  if (!resolved) {
    ctx.report('PROVIDER_MIDDLEWARE_DROPPED', `The errors service of Middleware ${r.metadata.namespace}/${r.metadata.name} cannot be built: Traefik drops the Middleware and routers using it fail.`, r, ['spec', 'errors', 'service']);
    return null;
  }
  overlappingRewrites(ctx, r, obj(mw.config['statusRewrites']));
  let name = qualify(resolved.name);
  if (resolved.lb) {
    name = qualify(`${unqualify(mw.name)}-errorpage-service`);
    config.services[name] = placedService(resolved.lb, name, { resourceId: r.id, file: r.source.file, range: ctx.range(r, ['spec', 'errors', 'service']) });
  }
  mw.config['service'] = name;
  return { ...mw.config, service: resolved.name.includes('@') ? resolved.name : unqualify(name) };
}
