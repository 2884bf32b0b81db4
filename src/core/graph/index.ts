/**
 * The graph view's core: dynamic configuration → nodes and edges (build.ts), views of it (filter.ts:
 * paths, filters, collapsed IngressRoutes), a fast stable layered layout (layout.ts, coordinates.ts),
 * and a standalone SVG of the whole graph (svg.ts). Pure TypeScript: runs in the worker and the CLI.
 */
export { buildGraph, HUB_DEGREE, type BuildOptions } from './build.ts';
export { middlewareDetail, serviceDetail, serviceLabel, plainName, shorten } from './details.ts';
export { layoutGraph, nodeHeight, NODE_WIDTH, GROUP_HEADER, type LayoutOptions } from './layout.ts';
export { countCrossings } from './crossings.ts';
export { filterGraph, isFiltering, collapseGroups, groupNodeId, pathOf, type GraphFilter } from './filter.ts';
export { graphToSvg, escapeXml } from './svg.ts';
export { generateGraph } from './generate.ts';
export type { Graph, GraphColumn, GraphEdge, GraphEdgeKind, GraphNode, GraphNodeKind, GroupBox, Layout, LayoutLayer, NodeBadges, NodeBox } from './types.ts';
export { COLUMN } from './types.ts';
