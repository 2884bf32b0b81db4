/** What every step of the provider shares: the workspace's resources by kind, the settings, and a
 * diagnostics sink that places each problem on the exact node of the YAML. */
import { diagnostic } from '../diagnostic.ts';
import { resourceKeyRange, resourceRange } from '../model/index.ts';
import { nodeAtPath, decodedToSourceOffset } from '../yaml/index.ts';
import type { Diagnostic, DynamicConfig, DynamicRouter, DynamicService, Path, QuickFix, Range, Resource, ResourceKind, Settings } from '../types.ts';
import { PROVIDER_CODES, type ProviderCode } from './codes.ts';
import { referenceScope, type ReferenceScope } from '../validate/references.ts';

/**
 * What building one IngressRoute's routers did besides its diagnostics, in order: what the route cache
 * (route-cache.ts) does again for it while nothing it reads has changed.
 */
export type Effect =
  | { kind: 'router'; name: string; router: DynamicRouter }
  /** `ifAbsent`: written only when no service has the name yet (a weighted route's Kubernetes Service child). */
  | { kind: 'service'; name: string; service: DynamicService; ifAbsent: boolean }
  | { kind: 'outside'; name: string }
  | { kind: 'secret'; key: string };

export class BuildContext {
  /** While one IngressRoute's routers are built for the route cache: what they do to the configuration. */
  effects: Effect[] | null = null;

  readonly diagnostics: Diagnostic[] = [];
  /** What the workspace holds, for the reference rule (validate/references.ts). */
  readonly scope: ReferenceScope;
  /** Qualified names assumed to exist outside the workspace (DynamicConfig.outside). */
  readonly outside = new Set<string>();
  /** `ns/secretName` of each processed IngressRoute's tls.secretName, in processing order (getTLSHTTP). */
  // Stryker disable next-line ArrayDeclaration: an entry that is not `ns/name` finds no Secret, so buildTLSCertificates adds nothing for it
  readonly routeSecrets: string[] = [];
  private readonly byKind = new Map<ResourceKind, Map<string, Resource>>();

  constructor(
    readonly resources: readonly Resource[],
    readonly settings: Settings,
    readonly texts: Readonly<Record<string, string>>,
  ) {
    const watched = settings.provider.namespaces;
    for (const r of resources) {
      // Traefik only watches the provider's namespaces (its informers are per namespace): objects elsewhere
      // do not exist for it. IngressRoutes stay, so that processed() can say why they are skipped; Nodes
      // are cluster-scoped.
      if (watched.length > 0 && r.kind !== 'IngressRoute' && r.kind !== 'Node' && !watched.includes(r.metadata.namespace)) continue;
      const m = this.byKind.get(r.kind) ?? new Map<string, Resource>();
      const key = `${r.metadata.namespace}/${r.metadata.name}`;
      if (!m.has(key)) m.set(key, r);
      this.byKind.set(r.kind, m);
    }
    this.scope = referenceScope(resources, settings.strictServices);
  }

  setRouter(config: DynamicConfig, name: string, router: DynamicRouter): void {
    config.routers[name] = router;
    this.effects?.push({ kind: 'router', name, router });
  }

  setService(config: DynamicConfig, name: string, service: DynamicService): void {
    config.services[name] = service;
    this.effects?.push({ kind: 'service', name, service, ifAbsent: false });
  }

  /** The service made by `make`, under `name` unless a service has that name already. */
  setServiceIfAbsent(config: DynamicConfig, name: string, make: () => DynamicService): void {
    if (!this.effects) {
      config.services[name] ??= make();
      return;
    }
    // Recorded even when the name is taken: replayed after another IngressRoute changed, it may not be.
    const service = make();
    this.effects.push({ kind: 'service', name, service, ifAbsent: true });
    config.services[name] ??= service;
  }

  /** A qualified name assumed to exist outside the workspace (DynamicConfig.outside). */
  addOutside(name: string): void {
    this.outside.add(name);
    this.effects?.push({ kind: 'outside', name });
  }

  addRouteSecret(key: string): void {
    this.routeSecrets.push(key);
    this.effects?.push({ kind: 'secret', key });
  }

  find(kind: ResourceKind, namespace: string, name: string): Resource | undefined {
    return this.byKind.get(kind)?.get(`${namespace}/${name}`);
  }

  all(kind: ResourceKind): Resource[] {
    return [...(this.byKind.get(kind)?.values() ?? [])];
  }

  has(kind: ResourceKind): boolean {
    return (this.byKind.get(kind)?.size ?? 0) > 0;
  }

  range(resource: Resource, path: Path, key = false): Range {
    return key ? resourceKeyRange(resource, path) : resourceRange(resource, path);
  }

  report(code: ProviderCode, message: string, resource: Resource, path: Path, extra: { key?: boolean; fixes?: QuickFix[]; related?: { message: string; resource: Resource; path: Path }[] } = {}): void {
    const d = diagnostic(PROVIDER_CODES, code, message, resource.source.file, this.range(resource, path, extra.key));
    // Most reports (a Service assumed outside the workspace, per route) have neither: nothing more to build.
    if (extra.related?.length) d.related = extra.related.map((r) => ({ message: r.message, range: this.range(r.resource, r.path), file: r.resource.source.file }));
    if (extra.fixes?.length) d.fixes = extra.fixes;
    this.diagnostics.push(d);
  }

  /** The file range of characters [offset, offset+length) of a scalar's decoded text. */
  scalarRange(resource: Resource, path: Path, offset: number, length: number): Range {
    const node = nodeAtPath(resource.source.node, path);
    const text = this.texts[resource.source.file];
    if (!node || node.kind !== 'scalar' || text === undefined) return this.range(resource, path);
    const start = decodedToSourceOffset(node, text, offset);
    // Offsets map in order, so the end is past the start: a zero-length error marks one character.
    const end = decodedToSourceOffset(node, text, Math.max(offset, offset + length - 1)) + 1;
    // An error just past the rule's end (`Host(`a.com`) &&` at the end of a file) marks the last character.
    if (start >= text.length) return { start: Math.max(0, text.length - 1), end: text.length };
    return { start, end: Math.min(end, text.length) };
  }
}

/** A namespace other than the IngressRoute's is only allowed with allowCrossNamespace. */
export function namespaceAllowed(ctx: BuildContext, parent: string, target: string): boolean {
  return ctx.settings.provider.allowCrossNamespace || parent === target;
}

export const crossNamespaceHint = (ns: string) => `add namespace: ${ns} (the IngressRoute's), or enable allowCrossNamespace in the provider settings`;

/** isCrossProviderNamespaceAllowed: unset allows every namespace, a list (even empty) only those listed. */
export function crossProviderAllowed(ctx: BuildContext, namespace: string): boolean {
  const list = ctx.settings.provider.crossProviderNamespaces;
  return list === undefined || list.includes(namespace);
}

export const crossProviderHint = (ref: string, ns: string) => `${ref} names another provider, but namespace ${ns} is not in the provider's crossProviderNamespaces: Traefik skips the route. Add ${ns} to crossProviderNamespaces, or reference an object of this provider.`;
