/**
 * The graph view's core: dynamic configuration → nodes and edges (build.ts), views of it (filter.ts:
 * paths, filters, collapsed IngressRoutes), a fast stable layered layout (layout.ts, coordinates.ts),
 * and a standalone SVG of the whole graph (svg.ts). Pure TypeScript: runs in the worker and the CLI.
 */
export { buildGraph, routerNodeLabel, HUB_DEGREE, type BuildOptions } from './build.ts';
export { middlewareDetail, serviceDetail, serviceLabel, plainName, shorten } from './details.ts';
export { layoutGraph, nodeHeight, nodeWidth, NODE_WIDTH, GROUP_HEADER, CHIP_HEIGHT, ROW_HEIGHT, type LayoutOptions } from './layout.ts';
export { countCrossings } from './crossings.ts';
export { filterGraph, isFiltering, collapseGroups, groupNodeId, hideBackends, pathOf, busiestNamespace, scopeGraph, SCOPE_FROM, type GraphFilter, type GraphScope, type GraphView } from './filter.ts';
export { viewGraph, type ViewGraph } from './view.ts';
export { graphToSvg, escapeXml } from './svg.ts';
export { generateGraph } from './generate.ts';
export type { ChainChip, NodeRef, ServiceRow, Graph, GraphColumn, GraphEdge, GraphEdgeKind, GraphNode, GraphNodeKind, GroupBox, Layout, LayoutLayer, NodeBadges, NodeBox } from './types.ts';
export { COLUMN } from './types.ts';
export { routeGesture, renameIntents, nameProblem, newResourceYaml, referenceTo, refersTo, NEW_MIDDLEWARES, type RouteGesture, type RouteOwner, type ResourceIntent, type GestureResult } from './graph-edits.ts';
// planIntents (graph-plan.ts) is not re-exported here: it brings the YAML parser, which the page loads on first edit.
