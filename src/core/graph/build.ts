/**
 * Dynamic configuration → graph, drawn as a diagram a reviewer reads left to right: middlewares →
 * routes → services → (backends, shown on request). A route node carries its middleware chain as
 * ordered chips and names its entryPoints; each middleware is one node joined to every route that
 * uses it (so a shared one is findable), a chain middleware to its members. A weighted, mirroring or
 * failover service lists its children inside its node (a nested composite child is a node of its
 * own). A reference that does not resolve becomes a dashed "missing" node, not a missing edge.
 */
import { parseDomains } from '../rules/index.ts';
import type { Diagnostic, DynamicConfig, DynamicRouter, DynamicService, Origin, Resource } from '../types.ts';
import { DiagnosticCounter, foreignProvider, middlewareDetail, plainName, serviceDetail, serviceLabel, shorten } from './details.ts';
import { collapseGroups } from './filter.ts';
import { COLUMN, type ChainChip, type Graph, type GraphEdge, type GraphEdgeKind, type GraphNode, type NodeRef, type ServiceRow } from './types.ts';

/** The provider of a router not from the CRD provider (`kubernetes` for Ingress routers), else null. */
function routerProvider(name: string): string | null {
  const at = name.lastIndexOf('@');
  const provider = at < 0 ? '' : name.slice(at + 1);
  return provider === '' || provider === 'kubernetescrd' ? null : provider;
}

/** An edge whose source fans out to (or target gathers) more than this many edges is a hub edge. */
export const HUB_DEGREE = 24;

export interface BuildOptions {
  /** IngressRoute resource ids whose routes are drawn as one node. */
  collapsed?: readonly string[];
  /**
   * Whether the servers of load balancers are drawn as backend nodes (default true). The page shows them on
   * request only: without them the graph of 5,000 IngressRoutes has 11,000 nodes and edges fewer to build and send.
   */
  backends?: boolean;
}

type EdgeExtra = Pick<GraphEdge, 'order' | 'weight' | 'percent' | 'label'>;

/**
 * Adds `router` to a node's or edge's list of routers unless it is the last one there. A router's walk touches a
 * node several times in a row, so this keeps most lists free of repeats without a set per node (35,000 sets per
 * build at 5,000 IngressRoutes); finish() removes the rest, keeping first occurrences in order as a set would.
 */
function onList(list: string[], router: string): void {
  if (list[list.length - 1] !== router) list.push(router);
}

/**
 * The label of a router's node: `namespace/name#route` for a route of an IngressRoute; the Traefik name without its
 * provider for another resource's router (an Ingress has one per host and path, and its name says which); the plain
 * name for a router without its resource.
 *
 * @example
 * routerNodeLabel(router, { kind: 'IngressRoute', namespace: 'shop', name: 'shop-web' }) // 'shop/shop-web#1'
 */
export function routerNodeLabel(r: Pick<DynamicRouter, 'name' | 'origin'>, owner: { kind: string; namespace: string; name: string } | undefined): string {
  if (!owner) return plainName(r.name);
  if (owner.kind !== 'IngressRoute') return r.name.slice(0, r.name.lastIndexOf('@'));
  return `${owner.namespace}/${owner.name}#${r.origin.routeIndex ?? 0}`;
}

/** References deeper than this are not drawn further (a recursion this deep overflowed the stack at ~2,000). */
const MAX_DEPTH = 200;

class Builder {
  readonly nodes = new Map<string, GraphNode>();
  readonly edges = new Map<string, GraphEdge>();
  private readonly orders = new Map<string, number | null>();
  private readonly counter: DiagnosticCounter;
  private readonly resources: Map<string, Resource>;
  /** Services and chains whose subtree the current router's path has drawn: shared children are drawn once
   * per router (re-walking them took time exponential in the depth of services sharing children). */
  private walked = new Set<string>();
  /** Middlewares whose chain/errors references are drawn (for any router). */
  private readonly followed = new Set<string>();

  constructor(
    private readonly config: DynamicConfig,
    resources: readonly Resource[],
    diagnostics: readonly Diagnostic[],
    private readonly backends: boolean,
    /** The first router of each route (routeKeysOf): its node, and its service's, take the route's layout place. */
    private readonly routeKeys: ReadonlyMap<string, string>,
    /** The middlewares and services unused() may draw (default: any not drawn yet; viewGraph passes those no router uses). */
    private readonly unusedOnly?: UnusedNames,
  ) {
    this.counter = new DiagnosticCounter(diagnostics);
    this.resources = new Map(resources.map((r) => [r.id, r]));
  }

  private counts(origin: Origin | undefined) {
    return origin ? this.counter.count(origin.file, origin.range.start, origin.range.end) : { errors: 0, warnings: 0 };
  }

  /** The node `node.id`, made from `node` (a fresh object, taken as it is) the first time; `router` goes on its list. */
  private add(node: Omit<GraphNode, 'routerNames'>, router: string | undefined): GraphNode {
    let n = this.nodes.get(node.id);
    if (!n) {
      n = node as GraphNode;
      n.routerNames = [];
      this.nodes.set(node.id, n);
    }
    if (router !== undefined) onList(n.routerNames, router);
    return n;
  }

  private touch(id: string, router: string): void {
    const n = this.nodes.get(id);
    if (n) onList(n.routerNames, router);
  }

  edge(source: string, target: string, kind: GraphEdgeKind, router: string | undefined, extra: EdgeExtra = {}): void {
    const id = `${source}->${target}`;
    let e = this.edges.get(id);
    if (!e) {
      e = { id, source, target, kind, routers: [] };
      if (extra.weight !== undefined) e.weight = extra.weight;
      if (extra.percent !== undefined) e.percent = extra.percent;
      if (extra.label !== undefined) e.label = extra.label;
      this.edges.set(id, e);
    }
    if (extra.order !== undefined) {
      // The same hop at different chain positions for different routers has no single order to show.
      const seen = this.orders.get(id);
      this.orders.set(id, seen === undefined || seen === extra.order ? extra.order : null);
    }
    if (router !== undefined) onList(e.routers, router);
  }

  routerLabel(r: DynamicRouter): { label: string; groupLabel: string; namespace: string } {
    const owner = this.resources.get(r.origin.resourceId);
    if (!owner) return { label: routerNodeLabel(r, undefined), groupLabel: r.origin.resourceId, namespace: '' };
    const { namespace, name } = owner.metadata;
    const label = routerNodeLabel(r, { kind: owner.kind, namespace, name });
    return { label, groupLabel: owner.kind === 'IngressRoute' ? `${namespace}/${name}` : `${owner.kind} ${namespace}/${name}`, namespace };
  }

  router(r: DynamicRouter): void {
    this.walked = new Set();
    const { label, groupLabel, namespace } = this.routerLabel(r);
    const origin = r.origin;
    const key = routeKey(origin);
    const layoutKey = this.routeKeys.get(key) === r.name ? key : undefined; // entryPoint-model copies share a route
    const fullText = [
      r.name,
      `rule: ${r.rule}`,
      `priority ${r.effectivePriority}${r.priority === 0 ? ' (rule length)' : ''}`,
      r.entryPoints.length ? `entryPoints: ${r.entryPoints.join(', ')}` : '',
      r.tls ? `TLS option ${r.tls.resolvedOptions}${r.tls.certResolver ? `, certResolver ${r.tls.certResolver}` : ''}` : '',
      r.middlewares.length ? `middlewares: ${r.middlewares.map(plainName).join(' → ')}` : '',
      r.service ? `service: ${plainName(r.service)}` : '',
      r.disabled ? `not served: ${r.disabled.reason}` : '',
    ].filter(Boolean);
    const id = `router:${r.name}`;
    const chain: ChainChip[] = [];
    // Optional fields are set one by one rather than spread from conditional objects: this runs for each of
    // 12,000 routers per keystroke at 5,000 IngressRoutes.
    const { errors, warnings } = this.counts(origin);
    const badges: GraphNode['badges'] = { errors, warnings, priority: r.effectivePriority };
    if (r.tls) badges.tls = r.tls.resolvedOptions;
    if (r.disabled) badges.disabled = true;
    const node: Omit<GraphNode, 'routerNames'> = {
      id,
      column: COLUMN.router,
      kind: 'router',
      label,
      detail: shorten(r.rule),
      fullText: fullText.join('\n'),
      badges,
      group: origin.resourceId,
      groupLabel,
      namespace,
      hosts: parseDomains(r.rule),
      entryPoints: r.entryPoints,
      origin,
      chain,
    };
    if (layoutKey) node.layoutKey = layoutKey;
    const provider = routerProvider(r.name);
    if (provider) node.provider = provider;
    this.add(node, r.name);
    r.middlewares.forEach((name, i) => {
      const mid = this.middleware(name, r.name);
      const m = this.nodes.get(mid)!;
      const own = m.ref?.namespace !== undefined && m.ref.namespace !== namespace ? `${m.ref.namespace}/${m.label}` : m.label;
      chain.push({ id: mid, label: own, ...(m.kind === 'missing' ? { missing: true } : {}) });
      this.edge(mid, id, 'chain', r.name, { order: i + 1 });
      this.follow(name, mid, r.name, new Set());
    });
    if (r.service) this.edge(id, this.service(r.service, r.name, new Set()), 'service', r.name);
  }

  /** What a middleware leads to: a chain's members (each joined to the chain), an errors middleware's
   * error-page service. Drawn once per router (shared chains are not walked again). */
  follow(name: string, id: string, router: string | undefined, stack: Set<string>): void {
    if (router === undefined ? this.followed.has(id) : this.walked.has(id)) return;
    this.followed.add(id);
    if (router !== undefined) this.walked.add(id);
    const mw = this.config.middlewares[name];
    if (mw?.type === 'chain' && Array.isArray(mw.config['middlewares']) && !stack.has(name) && stack.size < MAX_DEPTH) {
      stack.add(name);
      mw.config['middlewares'].map(String).forEach((member, i) => {
        const mid = this.middleware(member, router);
        this.edge(mid, id, 'chain', router, { order: i + 1 });
        this.follow(member, mid, router, stack);
      });
      stack.delete(name);
    }
    if (mw?.type === 'errors' && typeof mw.config['service'] === 'string') {
      this.edge(id, this.service(mw.config['service'], router, new Set()), 'errors', router, { label: 'errors' });
    }
  }

  /** The resource a name from the CRD provider stands for: its own name and namespace. */
  private own(origin: Origin | undefined, prefix: string): { name: string; namespace: string } | undefined {
    if (!origin?.resourceId.startsWith(prefix)) return undefined;
    const r = this.resources.get(origin.resourceId);
    return r ? { name: r.metadata.name, namespace: r.metadata.namespace } : undefined;
  }

  middleware(name: string, router: string | undefined): string {
    const known = this.nodes.get(`middleware:${name}`) ?? this.nodes.get(`missing:middleware:${name}`);
    if (known) return this.add(known, router).id;
    const mw = this.config.middlewares[name];
    if (mw) {
      const body = shorten(JSON.stringify(mw.config), 400);
      const own = this.own(mw.origin, 'Middleware/');
      const ref: NodeRef | undefined = own ? { kind: 'Middleware', ...own } : undefined;
      return this.add(
        {
          id: `middleware:${name}`,
          column: COLUMN.middleware,
          kind: 'middleware',
          label: own?.name ?? plainName(name),
          detail: middlewareDetail(mw.type, mw.config),
          fullText: `${mw.type} middleware ${own ? `${own.namespace}/${own.name}` : name}\n${body}`,
          badges: this.counts(mw.origin),
          origin: mw.origin,
          ...(own ? { namespace: own.namespace } : {}),
          ...(ref ? { ref } : {}),
        },
        router,
      ).id;
    }
    if (this.config.outside?.includes(name)) {
      return this.add({ id: `middleware:${name}`, column: COLUMN.middleware, kind: 'middleware', label: plainName(name), detail: 'outside the workspace', fullText: `middleware ${name}: in a namespace outside this workspace (assumed to exist; its effect is unknown)`, badges: { errors: 0, warnings: 0 }, external: true }, router).id;
    }
    const provider = foreignProvider(name);
    if (provider) {
      return this.add({ id: `middleware:${name}`, column: COLUMN.middleware, kind: 'middleware', label: name, detail: `from the ${provider} provider`, fullText: `middleware ${name}: defined by the ${provider} provider, outside this workspace (assumed to exist)`, badges: { errors: 0, warnings: 0 }, external: true, ref: { kind: 'Middleware', name } }, router).id;
    }
    return this.missing(name, 'middleware', router);
  }

  missing(name: string, what: 'middleware' | 'service', router: string | undefined): string {
    const column = what === 'middleware' ? COLUMN.middleware : COLUMN.service;
    return this.add({ id: `missing:${what}:${name}`, column, kind: 'missing', label: plainName(name), detail: `${what} not found`, fullText: `${what} ${name} is referenced but not defined: Traefik does not serve the routers that use it`, badges: { errors: 0, warnings: 0 }, missing: what }, router).id;
  }

  /** The service `name` and everything below it, on `router`'s path. */
  service(name: string, router: string | undefined, stack: Set<string>): string {
    const svc = this.config.services[name];
    if (!svc) {
      const provider = foreignProvider(name);
      if (!provider && this.config.outside?.includes(name)) {
        return this.add({ id: `service:${name}`, column: COLUMN.service, kind: 'service', label: plainName(name), detail: 'outside the workspace', fullText: `service ${name}: in a namespace outside this workspace (assumed to exist)`, badges: { errors: 0, warnings: 0 }, external: true }, router).id;
      }
      if (!provider) return this.missing(name, 'service', router);
      const detail = provider === 'internal' ? 'Traefik internal service' : `from the ${provider} provider`;
      return this.add({ id: `service:${name}`, column: COLUMN.service, kind: 'service', label: name, detail, fullText: `service ${name}: ${detail} (assumed to exist)`, badges: { errors: 0, warnings: 0 }, external: true, ref: { kind: 'TraefikService', name } }, router).id;
    }
    const id = `service:${name}`;
    if (!this.nodes.has(id)) this.serviceNode(id, name, svc);
    else if (router === undefined) return id; // an unused subtree already drawn
    this.add(this.nodes.get(id)!, router);
    if (stack.has(name) || stack.size >= MAX_DEPTH) return id; // a cycle: Traefik rejects it; draw the back edge once and stop
    if (router !== undefined) {
      if (this.walked.has(id)) return id; // drawn for this router already (services sharing children)
      this.walked.add(id);
    }
    stack.add(name);
    this.children(id, svc, router, stack);
    stack.delete(name);
    return id;
  }

  private serviceNode(id: string, name: string, svc: DynamicService): void {
    const owner = this.config.routers[name];
    const own = this.own(svc.origin, 'TraefikService/');
    const label = svc.type !== 'loadBalancer' && owner ? `${this.routerLabel(owner).label} services` : own ? `${own.namespace}/${own.name}` : serviceLabel(svc);
    const servers = svc.type === 'loadBalancer' ? svc.servers.slice(0, 6).map((s) => `  ${s.url} (${s.source})`) : [];
    // The service named after a route's first router (a route's weighted services) takes the place of the route's service.
    const key = owner ? routeKey(owner.origin) : undefined;
    const layoutKey = key === undefined ? undefined : `service-of:${key}`;
    const unique = key !== undefined && this.routeKeys.get(key) === owner!.name;
    const k = svc.type === 'loadBalancer' ? svc.kubernetesService : undefined;
    const ref: NodeRef | undefined = k ? { kind: 'Service', name: k.name, namespace: k.namespace, port: k.port } : own ? { kind: 'TraefikService', ...own } : undefined;
    const rows = this.rows(svc);
    this.add(
      {
        id,
        column: COLUMN.service,
        kind: 'service',
        label,
        detail: serviceDetail(svc),
        fullText: [`${svc.type} service ${name}`, ...servers, ...rows.map((r) => `  → ${r.label} ${r.share}`)].join('\n'),
        badges: this.counts(svc.origin),
        ...(svc.origin ? { origin: svc.origin } : {}),
        ...(unique ? { layoutKey } : {}),
        ...(ref ? { ref } : {}),
        ...(rows.length ? { rows } : {}),
      },
      undefined,
    );
  }

  /** The children of a composite service, as rows of its node. */
  private rows(svc: DynamicService): ServiceRow[] {
    const row = (child: string, share: string): ServiceRow => {
      const c = this.config.services[child];
      const nested = c !== undefined && c.type !== 'loadBalancer';
      return { label: c ? serviceLabel(c) : plainName(child), share, ...(nested ? { id: `service:${child}` } : {}), ...(!c && !foreignProvider(child) ? { missing: true } : {}) };
    };
    switch (svc.type) {
      case 'loadBalancer':
        return [];
      case 'weighted':
      case 'highestRandomWeight': {
        const total = svc.services.reduce((sum, c) => sum + Math.max(0, c.weight), 0);
        return svc.services.map((c) => row(c.name, `${total > 0 ? Math.round((Math.max(0, c.weight) / total) * 1000) / 10 : 0}%`));
      }
      case 'mirroring':
        return [row(svc.service, 'main'), ...svc.mirrors.map((m) => row(m.name, `mirror ${m.percent}%`))];
      case 'failover':
        return [row(svc.service, 'primary'), row(svc.fallback, 'fallback')];
    }
  }

  /** The servers of a load balancer as backend nodes joined to `from`. */
  private servers(from: string, svc: Extract<DynamicService, { type: 'loadBalancer' }>, router: string | undefined): void {
    if (!this.backends) return;
    for (const s of svc.servers) {
      const bid = `backend:${s.url}`;
      const detail = s.source === 'assumed' ? 'assumed address' : `from ${s.source}${s.fenced ? ' (fenced)' : ''}`;
      this.add({ id: bid, column: COLUMN.backend, kind: 'backend', label: s.url, detail, fullText: `${s.url}\n${detail}`, badges: { errors: 0, warnings: 0 } }, router);
      this.edge(from, bid, 'server', router);
    }
  }

  /** The edges below a service (nested composite children, servers), on `router`'s path. A load
   * balancer child is a row of its parent: its servers hang off the parent. */
  private children(id: string, svc: DynamicService, router: string | undefined, stack: Set<string>): void {
    const child = (name: string, kind: GraphEdgeKind, extra: EdgeExtra) => {
      const c = this.config.services[name];
      if (c === undefined) return; // a missing or foreign child: a row of its parent
      if (c.type === 'loadBalancer') this.servers(id, c, router);
      else this.edge(id, this.service(name, router, stack), kind, router, extra);
    };
    switch (svc.type) {
      case 'loadBalancer':
        this.servers(id, svc, router);
        break;
      case 'weighted':
      case 'highestRandomWeight': {
        const total = svc.services.reduce((sum, c) => sum + Math.max(0, c.weight), 0);
        for (const c of svc.services) {
          const percent = total > 0 ? Math.round((Math.max(0, c.weight) / total) * 1000) / 10 : 0;
          child(c.name, 'child', { weight: c.weight, percent, label: `${percent}%` });
        }
        break;
      }
      case 'mirroring':
        child(svc.service, 'child', { label: 'main' });
        for (const m of svc.mirrors) child(m.name, 'mirror', { percent: m.percent, label: `mirror ${m.percent}%` });
        break;
      case 'failover':
        child(svc.service, 'child', { label: 'primary' });
        child(svc.fallback, 'fallback', { label: 'fallback' });
        break;
    }
  }

  /** parentRefs: a child router is reached through its parents. */
  parents(r: DynamicRouter): void {
    for (const p of r.parentRefs) {
      const parentId = `router:${p}`;
      if (!this.nodes.has(parentId)) continue;
      this.touch(parentId, r.name);
      this.edge(parentId, `router:${r.name}`, 'parent', r.name);
    }
  }

  /** Middlewares and services no router uses still get a node (usage 0): a reviewer wants to see them. */
  unused(): void {
    const only = this.unusedOnly;
    for (const name of only?.middlewares ?? Object.keys(this.config.middlewares)) {
      if (!this.nodes.has(`middleware:${name}`)) this.follow(name, this.middleware(name, undefined), undefined, new Set());
    }
    const children = only ? null : childServices(this.config);
    for (const name of only?.services ?? Object.keys(this.config.services)) {
      if (!children?.has(name) && !this.nodes.has(`service:${name}`)) this.service(name, undefined, new Set());
    }
  }

  finish(): Graph {
    for (const n of this.nodes.values()) if (n.routerNames.length > 2) n.routerNames = [...new Set(n.routerNames)];
    for (const e of this.edges.values()) if (e.routers.length > 2) e.routers = [...new Set(e.routers)];
    for (const [id, order] of this.orders) if (order !== null) this.edges.get(id)!.order = order;
    const out = new Map<string, number>();
    const into = new Map<string, number>();
    for (const e of this.edges.values()) {
      out.set(e.source, (out.get(e.source) ?? 0) + 1);
      into.set(e.target, (into.get(e.target) ?? 0) + 1);
    }
    for (const e of this.edges.values()) {
      if ((out.get(e.source) ?? 0) > HUB_DEGREE || (into.get(e.target) ?? 0) > HUB_DEGREE) e.hub = true;
    }
    const weightIn = new Map<string, GraphEdge[]>();
    for (const e of this.edges.values()) if (e.weight !== undefined) weightIn.set(e.target, [...(weightIn.get(e.target) ?? []), e]);
    for (const n of this.nodes.values()) {
      if (n.kind === 'router') continue;
      n.badges.usage = n.routerNames.length;
      const weighted = weightIn.get(n.id);
      if (weighted?.length === 1) n.detail = `${n.detail} · w ${weighted[0]!.weight} (${weighted[0]!.percent}%)`;
    }
    return { nodes: [...this.nodes.values()], edges: [...this.edges.values()] };
  }
}

/**
 * The graph of a dynamic configuration. Node ids derive from Traefik names, so an edit to one route
 * leaves every other id alone.
 *
 * @example
 * const graph = buildGraph(analysis.config, analysis.resources, analysis.diagnostics);
 * graph.nodes.filter((n) => n.kind === 'router').length // one node per router
 * buildGraph(config, resources, diagnostics, { collapsed: ['IngressRoute/shop/shop-web'] }) // one node for its routes
 */
export function buildGraph(config: DynamicConfig, resources: readonly Resource[], diagnostics: readonly Diagnostic[], options: BuildOptions = {}): Graph {
  const routers = Object.values(config.routers);
  const graph = buildRouters(config, resources, diagnostics, options.backends ?? true, routers, routeKeysOf(routers));
  return options.collapsed?.length ? collapseGroups(graph, new Set(options.collapsed)) : graph;
}

/** The children of composite services: drawn as rows or below their parent, never as unused services. */
export function childServices(config: DynamicConfig): Set<string> {
  const children = new Set<string>();
  for (const s of Object.values(config.services)) {
    if (s.type === 'weighted' || s.type === 'highestRandomWeight') s.services.forEach((c) => children.add(c.name));
    else if (s.type === 'mirroring') [s.service, ...s.mirrors.map((m) => m.name)].forEach((c) => children.add(c));
    else if (s.type === 'failover') [s.service, s.fallback].forEach((c) => children.add(c));
  }
  return children;
}

/** Middlewares and services by name, in the configuration's order: those unused() draws (services: not children). */
export interface UnusedNames {
  middlewares: ReadonlySet<string>;
  services: ReadonlySet<string>;
}

/** The layout key of a router's route: shared by the entryPoint-model copies of one route. */
function routeKey(origin: Origin): string {
  return `route:${origin.resourceId}#${origin.routeIndex ?? 0}`;
}

/** Each route's first router, by the route's layout key (every router of the configuration, in its order). */
export function routeKeysOf(routers: readonly DynamicRouter[]): Map<string, string> {
  const keys = new Map<string, string>();
  for (const r of routers) {
    const key = routeKey(r.origin);
    if (!keys.has(key)) keys.set(key, r.name);
  }
  return keys;
}

/**
 * The graph of some of the configuration's routers, in the configuration's order, then the middlewares and services
 * no router uses (`unused`: only those). buildGraph passes every router; viewGraph (view.ts) the ones that touch
 * what a view shows.
 */
export function buildRouters(config: DynamicConfig, resources: readonly Resource[], diagnostics: readonly Diagnostic[], backends: boolean, routers: readonly DynamicRouter[], routeKeys: ReadonlyMap<string, string>, unused?: UnusedNames): Graph {
  const b = new Builder(config, resources, diagnostics, backends, routeKeys, unused);
  for (const r of routers) b.router(r);
  for (const r of routers) if (r.parentRefs.length) b.parents(r);
  b.unused();
  return b.finish();
}
