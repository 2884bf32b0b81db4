/**
 * The reference rule for a workspace that holds part of a cluster (one app's files, as CI validates
 * them). A reference to a Middleware, TLSOption, TraefikService or ServersTransport that is not in the
 * workspace is judged by its namespace:
 * - a namespace with no resource in the workspace: *outside the workspace*, assumed to exist (info);
 * - a namespace the workspace contains: the object is missing (error, with the closest existing name);
 * - strict mode (Settings → Strict, `--strict`): the workspace is the whole cluster, every missing
 *   reference is an error.
 * Secrets and ConfigMaps (and Kubernetes Services, judged in the provider) are rarely committed next to
 * the routes: a missing one is assumed unless the workspace holds ones of that kind in that namespace, or
 * strict is on.
 */
import type { Resource, ResourceKind } from '../types.ts';
import { editDistance } from '../edit-distance.ts';

export interface ReferenceScope {
  /** Namespaces holding at least one resource of the workspace. */
  namespaces: ReadonlySet<string>;
  /** Every missing reference is an error. */
  strict: boolean;
  /** Names per `kind/namespace`, for suggestions. */
  names: ReadonlyMap<string, string[]>;
}

export type ReferenceVerdict = { kind: 'outside' } | { kind: 'missing'; suggestion?: string };

/**
 * @example
 * const scope = referenceScope(resources, settings.strictServices);
 * judgeMissing(scope, 'Middleware', 'traefik', 'redirect-to-https') // { kind: 'outside' } when no resource is in `traefik`
 */
export function referenceScope(resources: readonly Resource[], strict: boolean): ReferenceScope {
  const namespaces = new Set<string>();
  const names = new Map<string, string[]>();
  for (const r of resources) {
    namespaces.add(r.metadata.namespace);
    const key = `${r.kind}/${r.metadata.namespace}`;
    const list = names.get(key);
    if (list) list.push(r.metadata.name);
    else names.set(key, [r.metadata.name]);
  }
  return { namespaces, strict, names };
}

/** How a reference to `kind` `namespace/name` that is not in the workspace is judged. */
export function judgeMissing(scope: ReferenceScope, kind: ResourceKind, namespace: string, name: string): ReferenceVerdict {
  const inNamespace = scope.names.get(`${kind}/${namespace}`) ?? [];
  const present = kind === 'Secret' || kind === 'ConfigMap' ? inNamespace.length > 0 : scope.namespaces.has(namespace);
  if (!scope.strict && !present) return { kind: 'outside' };
  const suggestion = closest(name, inNamespace);
  return suggestion ? { kind: 'missing', suggestion } : { kind: 'missing' };
}

/** The message of an `outside` verdict. */
export function outsideMessage(kind: string, namespace: string, name: string, effect: string): string {
  return `${kind} ${namespace}/${name} is outside the workspace (no resource of namespace ${namespace} is in it): assumed to exist; ${effect}. Add its file, or use Strict to make this an error.`;
}

/**
 * The closest name by edit distance, when close enough to be a typo.
 *
 * @example
 * closest('strip-prefx', ['strip-prefix', 'auth']) // 'strip-prefix'
 */
export function closest(name: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = editDistance(name, c);
    if (d < bestD) [best, bestD] = [c, d];
  }
  return best !== undefined && bestD <= Math.max(2, Math.floor(name.length / 3)) ? best : undefined;
}

