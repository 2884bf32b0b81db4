import type { Origin } from '../types.ts';

export type GraphNodeKind = 'entryPoint' | 'router' | 'middleware' | 'service' | 'backend' | 'missing';

export interface GraphNode {
  /** Stable: derived from Traefik names, so an edit elsewhere does not change it. */
  id: string;
  /** 0 entryPoints, 1 routes, 2 middlewares, 3 services, 4 child services, 5 backends. */
  column: number;
  kind: GraphNodeKind;
  label: string;
  /** A short second line: the rule, `stripPrefix /api`, `:8080 http`. */
  detail: string;
  /** The full text shown on hover. */
  fullText: string;
  badges: { errors: number; warnings: number; tls?: string; priority?: number; usage?: number; disabled?: boolean; weight?: string };
  /** For routers: the IngressRoute (resource id) they belong to. */
  group?: string;
  namespace?: string;
  /** Hosts of a router's rule (filters). */
  hosts?: string[];
  entryPoints?: string[];
  origin?: Origin;
  /** Routers whose path includes this node. */
  routerNames: string[];
}

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  /** Routers whose path uses this edge. */
  routers: string[];
  /** Weight (weighted services) or percent (mirrors) label. */
  label?: string;
  /** Edges from a node tied to many routers: hidden on large graphs unless selected. */
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

export interface Layout {
  positions: Record<string, NodeBox>;
  /** Node ids per column, top to bottom: kept to make the next layout stable. */
  order: string[][];
  width: number;
  height: number;
}
