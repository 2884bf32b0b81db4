// Mirrors pkg/provider/kubernetes/crd/kubernetes.go (Middleware CRDs, makeMiddlewareKeys, chain and
// errors references) and pkg/config/dynamic/middlewares.go (one type per middleware).
import { arr, obj, str } from '../model/index.ts';
import type { DynamicConfig, DynamicMiddleware, Path, Resource } from '../types.ts';
import type { BuildContext} from './context.ts';
import { crossNamespaceHint, namespaceAllowed } from './context.ts';
import { makeID, normalize, PROVIDER, qualify } from './names.ts';
import { buildServersLB } from './services.ts';

/**
 * The qualified middleware names of a reference list; `ok` is false when one fails to resolve
 * (reported at the failing item; its would-be name is still listed, for the graph).
 */
export function middlewareKeys(ctx: BuildContext, owner: Resource, parentNamespace: string, refs: unknown, path: Path, config: DynamicConfig): { keys: string[]; ok: boolean; missingOnly: boolean } {
  const out: string[] = [];
  let ok = true;
  let skipped = false;
  arr(refs).forEach((raw, i) => {
    const ref = obj(raw) ?? {};
    const name = str(ref['name']) ?? '';
    const itemPath = [...path, i];
    if (name.includes('@')) {
      if (!ctx.settings.provider.allowCrossNamespace && name.endsWith(`@${PROVIDER}`)) {
        ctx.report('PROVIDER_CROSS_NAMESPACE', `Middleware "${name}" uses the @${PROVIDER} form, which needs allowCrossNamespace: drop the suffix and set namespace instead, or enable allowCrossNamespace.`, owner, [...itemPath, 'name']);
        ok = false;
        skipped = true;
        return;
      }
      if (!name.endsWith(`@${PROVIDER}`)) {
        ctx.report('PROVIDER_MIDDLEWARE_EXTERNAL', `Middleware ${name} comes from another provider; it is assumed to exist there.`, owner, [...itemPath, 'name']);
      } else if (!config.middlewares[name]) {
        ctx.report('PROVIDER_MIDDLEWARE_NOT_FOUND', `Middleware ${name} is not defined in the workspace: Traefik will not serve this router.`, owner, [...itemPath, 'name']);
        ok = false;
        out.push(name);
        return;
      }
      out.push(name);
      return;
    }
    const ns = str(ref['namespace']) || parentNamespace;
    if (!namespaceAllowed(ctx, parentNamespace, ns)) {
      ctx.report('PROVIDER_CROSS_NAMESPACE', `Middleware ${ns}/${name} is in another namespace than ${parentNamespace}: ${crossNamespaceHint(parentNamespace)}.`, owner, [...itemPath, 'namespace']);
      ok = false;
      skipped = true;
      return;
    }
    const key = qualify(normalize(makeID(ns, name)));
    if (!config.middlewares[key]) {
      const defined = ctx.find('Middleware', ns, name);
      const candidates = ctx.all('Middleware').filter((m) => m.metadata.namespace === ns).map((m) => m.metadata.name);
      const close = closest(name, candidates);
      ctx.report(
        'PROVIDER_MIDDLEWARE_NOT_FOUND',
        defined
          ? `Middleware ${ns}/${name} is invalid (see its own problems), so Traefik will not serve this router.`
          : `Middleware ${ns}/${name} is not defined: Traefik will not serve this router. ${close ? `Did you mean ${close}? ` : ''}Create it, or fix the name or namespace.`,
        owner,
        [...itemPath, 'name'],
        close && !defined ? { fixes: [{ title: `Change to ${close}`, edits: [{ range: ctx.range(owner, [...itemPath, 'name']), text: close }] }] } : {},
      );
      ok = false;
      out.push(key);
      return;
    }
    out.push(key);
  });
  return { keys: out, ok, missingOnly: !ok && !skipped };
}

/** The closest name by edit distance, when close enough to be a typo. */
export function closest(name: string, candidates: string[]): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = distance(name, c);
    if (d < bestD) [best, bestD] = [c, d];
  }
  return best !== undefined && bestD <= Math.max(2, Math.floor(name.length / 3)) ? best : undefined;
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}

/** Middleware CRDs → dynamic middlewares; chain members and errors services resolved as Traefik does. */
export function buildMiddlewares(ctx: BuildContext, config: DynamicConfig): void {
  // Definitions first (chains may reference middlewares defined later in the workspace).
  const pending: { r: Resource; type: string; cfg: Record<string, unknown>; key: string }[] = [];
  for (const r of ctx.all('Middleware')) {
    const spec = obj(r.raw['spec']) ?? {};
    const types = Object.keys(spec).filter((k) => spec[k] !== undefined && spec[k] !== null);
    if (types.length !== 1) {
      ctx.report('PROVIDER_MIDDLEWARE_TYPES', types.length === 0 ? `Middleware ${r.metadata.namespace}/${r.metadata.name} sets no type: routers using it fail.` : `Middleware ${r.metadata.namespace}/${r.metadata.name} sets ${types.length} types (${types.join(', ')}): Traefik refuses it ("multi-types middleware not supported") and routers using it fail. Keep one.`, r, ['spec'], { key: true });
      continue;
    }
    const type = types[0]!;
    const key = qualify(normalize(makeID(r.metadata.namespace, r.metadata.name)));
    const cfg = { ...(obj(spec[type]) ?? {}) };
    const mw: DynamicMiddleware = { name: key, type, config: cfg, origin: { resourceId: r.id, file: r.source.file, range: r.source.node.range } };
    config.middlewares[key] = mw;
    pending.push({ r, type, cfg, key });
  }
  for (const { r, type, cfg, key } of pending) {
    const ns = r.metadata.namespace;
    if (type === 'chain') {
      const { keys, ok } = middlewareKeys(ctx, r, ns, cfg['middlewares'], ['spec', 'chain', 'middlewares'], config);
      if (!ok) delete config.middlewares[key];
      else cfg['middlewares'] = keys;
    } else if (type === 'errors') {
      const service = obj(cfg['service']);
      if (service && (str(service['kind']) ?? 'Service') === 'Service') {
        const lb = buildServersLB(ctx, str(service['namespace']) || ns, service, { owner: r, path: ['spec', 'errors', 'service'] });
        if (!lb) delete config.middlewares[key];
        else {
          const name = qualify(`${key.slice(0, key.lastIndexOf('@'))}-errorpage-service`);
          config.services[name] = { ...lb, name, origin: { resourceId: r.id, file: r.source.file, range: ctx.range(r, ['spec', 'errors', 'service']) } };
          cfg['service'] = name;
        }
      } else if (service) {
        cfg['service'] = qualify(normalize(makeID(str(service['namespace']) || ns, str(service['name']) ?? '')));
      }
    }
  }
}
