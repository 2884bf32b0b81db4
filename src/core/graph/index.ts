/** The graph view's core: dynamic configuration → nodes and edges, a fast stable layered layout, SVG export. */
export { buildGraph, middlewareDetail } from './build.ts';
export { layoutGraph, countCrossings, nodeHeight, NODE_WIDTH } from './layout.ts';
export { filterGraph, collapseGroups, pathOf, type GraphFilter } from './filter.ts';
export { graphToSvg, escapeXml } from './svg.ts';
export { generateGraph } from './generate.ts';
export type { Graph, GraphEdge, GraphNode, GraphNodeKind, Layout, NodeBox } from './types.ts';
