/**
 * The graph the graph pane, the SVG export and the simulator highlight share: nodes in fixed columns
 * (middlewares, routes, services, backends) and the edges of every router's path. A route carries its
 * middleware chain (chips, in order) and its entryPoints; a middleware is joined to each route that
 * uses it; a weighted/mirroring/failover service lists its children inside its node.
 */
import type { Origin } from '../types.ts';

export type GraphNodeKind = 'entryPoint' | 'router' | 'middleware' | 'service' | 'backend' | 'missing';

/** 0 middlewares, 1 routers, 2 services (nested TraefikServices too), 3 backends. (`entryPoint` nodes
 * are no longer built: a route names its entryPoints; generated test graphs still use all five.) */
export type GraphColumn = 0 | 1 | 2 | 3 | 4;

export const COLUMN = { middleware: 0, router: 1, service: 2, backend: 3 } as const;

/** A middleware of a route's chain, drawn as a chip on the route (in chain order). */
export interface ChainChip {
  /** The middleware's node id (`middleware:…` or `missing:middleware:…`). */
  id: string;
  label: string;
  missing?: boolean;
}

/** A child of a weighted, mirroring or failover service, listed inside its node. */
export interface ServiceRow {
  label: string;
  /** `90%`, `mirror 10%`, `primary`, `fallback`. */
  share: string;
  /** The child's node id when it is drawn as a node of its own (a nested TraefikService). */
  id?: string;
  missing?: boolean;
}

/** What a graph edit needs to write a reference to the node's resource. */
export interface NodeRef {
  kind: 'Middleware' | 'Service' | 'TraefikService';
  name: string;
  /** Absent for other providers' names (`auth@file`). */
  namespace?: string;
  /** Kubernetes Services: the port a route refers to. */
  port?: string | number;
}

export interface NodeBadges {
  errors: number;
  warnings: number;
  /** Routers: the TLS option the router uses (`default`, `shop-modern@kubernetescrd`). */
  tls?: string;
  /** Routers: what Traefik sorts by (the configured priority, or the rule's length). */
  priority?: number;
  /** Middlewares and services: how many routers' paths go through the node. */
  usage?: number;
  /** Routers Traefik would not serve (see `fullText` for why). */
  disabled?: boolean;
  /** Collapsed IngressRoutes: the number of routes folded into the node. */
  routes?: number;
}

export interface GraphNode {
  /** Stable: derived from Traefik names (`router:<name>`, `middleware:<name>`…), so an edit elsewhere
   * does not change it. */
  id: string;
  column: GraphColumn;
  kind: GraphNodeKind;
  label: string;
  /** A short second line: the rule (shortened), `stripPrefix /api`, `http · 2 servers`. */
  detail: string;
  /** Everything the node stands for, shown on hover (the full rule, why it is not served…). */
  fullText: string;
  badges: NodeBadges;
  /** Routers: the IngressRoute (resource id) they come from; routes of one IngressRoute stay together. */
  group?: string;
  /** Routers: `namespace/name` of their IngressRoute, for the group's label. */
  groupLabel?: string;
  /** Routers: the IngressRoute's namespace (filters, and grouping by namespace). */
  namespace?: string;
  /** Routers: the hosts of the rule (host filter). */
  hosts?: string[];
  /** Routers: their entryPoints (entryPoint filter). */
  entryPoints?: string[];
  /** Where the node is defined in the YAML (click → reveal in the editor). */
  origin?: Origin;
  /** Routers whose path includes this node. */
  routerNames: string[];
  /** Identity for the layout when the id is not stable across edits: a router's name hashes its match,
   * so a router is also known by its IngressRoute and route index. Defaults to `id`. */
  layoutKey?: string;
  /** Missing nodes: what the dangling reference was meant to be. */
  missing?: 'middleware' | 'service';
  /** Defined by another provider (`auth@file`, `api@internal`): assumed to exist. */
  external?: boolean;
  /** Routers, services and middlewares of a provider other than the CRD one: `kubernetes` (Ingress),
   * `kubernetesingressnginx`. Routers of every provider compete on the same entryPoints. */
  provider?: string;
  /** Routers: their middlewares in chain order (the route's own list; a chain middleware is one chip). */
  chain?: ChainChip[];
  /** Composite services: their children. */
  rows?: ServiceRow[];
  /** Middlewares and services: how a route refers to them (graph edits). */
  ref?: NodeRef;
}

export type GraphEdgeKind = 'entry' | 'chain' | 'service' | 'child' | 'mirror' | 'fallback' | 'errors' | 'server' | 'parent';

export interface GraphEdge {
  /** `${source}->${target}`: one edge per pair, shared by every router whose path uses it. */
  id: string;
  source: string;
  target: string;
  kind: GraphEdgeKind;
  /** Routers whose path uses this edge. */
  routers: string[];
  /** Middleware edges: 1-based position of the target in the (expanded) chain, when every router
   * agrees on it. */
  order?: number;
  /** Weighted / highestRandomWeight children: the configured weight and its share of the parent. */
  weight?: number;
  /** Mirrors: the mirrored percentage; weighted children: the share of the parent (0–100). */
  percent?: number;
  /** A short text drawn on the edge: `90%` (a weighted child's share), `mirror 10%`, `fallback`. */
  label?: string;
  /** Edges of a node tied to many routers: hidden on large graphs unless a path lights them. */
  hub?: boolean;
}

export interface Graph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export interface NodeBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The frame around the routes of one IngressRoute (its label and collapse button sit on top). */
export interface GroupBox extends NodeBox {
  id: string;
  label: string;
  namespace: string;
  collapsed: boolean;
}

export interface LayoutLayer {
  column: GraphColumn;
  x: number;
  /** Node ids top to bottom. */
  ids: string[];
}

export interface Layout {
  positions: Record<string, NodeBox>;
  /** Layout keys per layer, top to bottom: what the next layout keeps to stay stable. */
  order: string[][];
  /** Layers left to right. A column is one layer, or several when edges run inside it (a middleware
   * chain, a TraefikService and its children): those become sub-columns so every edge points right. */
  layers: LayoutLayer[];
  groups: GroupBox[];
  width: number;
  height: number;
}
