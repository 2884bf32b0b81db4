import { useCallback, useMemo } from 'react';
import { useStudio } from '../../store/index.ts';
import { useDeferredStudio } from '../useDeferredStudio.ts';
import { GraphPane } from './GraphPane.tsx';
import { routerNodeLabel, type GraphNode } from '../../core/graph/index.ts';
import { verdictHighlight } from './highlight.ts';
import { nodeForSelection, type SelectionLike } from './view-state.ts';
import type { DynamicConfig, DynamicRouter } from '../../core/types.ts';
import { routersOfResource } from '../../store/selectors.ts';

/** The label of the selected route's node, from the routers of the analysis (resource ids are Kind/namespace/name). */
function outsideRoute(config: DynamicConfig | undefined, selection: SelectionLike): string | undefined {
  if (!config) return undefined;
  const first = (list: readonly DynamicRouter[]) => [...list].sort((a, b) => (a.origin.routeIndex ?? 0) - (b.origin.routeIndex ?? 0))[0];
  const router = selection.routerName ? config.routers[selection.routerName] : selection.resourceId ? first(routersOfResource(config, selection.resourceId)) : undefined;
  if (!router) return undefined;
  const [kind, namespace, name] = router.origin.resourceId.split('/');
  return routerNodeLabel(router, kind !== undefined && namespace !== undefined && name !== undefined ? { kind, namespace, name } : undefined);
}

/** Adapts the store to the graph pane: analysis → graph, verdict → highlight, selection both ways
 * (a click reveals the node's range in the editor; the editor's selection selects the node). */
export default function GraphView() {
  // The graph and its layout, not the analysis: the pane is not drawn again for the text panes' message that
  // comes before the graph's.
  const graph = useDeferredStudio((s) => (s.analysis && s.analysis.graphVersion >= 0 ? s.analysis.graph : undefined));
  const layout = useDeferredStudio((s) => s.analysis?.layout);
  const scope = useDeferredStudio((s) => s.analysis?.graphScope);
  const verdict = useStudio((s) => s.verdict);
  const selection = useStudio((s) => s.selection);
  const highlight = useMemo(() => (verdict && graph ? verdictHighlight(verdict, graph) : undefined), [verdict, graph]);
  // The editor may add its cursor (file, offset) to the selection: then the exact route is selected.
  const selectedId = useMemo(() => (graph ? nodeForSelection(graph, selection as SelectionLike | null) : null), [graph, selection]);
  // A large graph opens on the selected resource's namespace (resource ids are Kind/namespace/name).
  const prefer = selection?.resourceId?.split('/')[1];
  // A large graph comes as the filters keep it: a selected route it does not hold is named from the analysis.
  const outside = useStudio((s) => (scope?.scoped && !selectedId && selection ? outsideRoute(s.analysis?.summary.config, selection as SelectionLike) : undefined));
  const onSelectNode = useCallback((node: GraphNode) => {
    const s = useStudio.getState();
    const router = node.kind === 'router' && node.routerNames.length === 1 ? node.routerNames[0] : undefined;
    // A Kubernetes Service's node stands for the Service when the workspace has it (else for the route naming it).
    const ref = node.ref;
    const service = ref?.kind === 'Service' ? s.analysis?.summary.resources.find((r) => r.id === `Service/${ref.namespace}/${ref.name}`) : undefined;
    s.select({ nodeId: node.id, resourceId: service?.id ?? node.origin?.resourceId, routerName: router, from: 'graph' });
    if (service) s.revealRange(service.file, service.range);
    else if (node.origin) s.revealRange(node.origin.file, node.origin.range);
  }, []);

  // Until the first graph comes (it follows the first analysis): the pane would otherwise say there are no routes.
  if (!graph || !layout || !scope) return <p className="empty" role="status">Analysing…</p>;
  return <GraphPane graph={graph} layout={layout} scope={scope} prefer={prefer} outside={outside} highlight={highlight} selectedId={selectedId} onSelectNode={onSelectNode} />;
}
