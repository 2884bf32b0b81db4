import { useMemo } from 'react';
import type { Graph, GraphFilter, Layout } from '../../core/graph/index.ts';
import { exportPng, exportSvg } from './export-image.ts';

interface Props {
  graph: Graph;
  layout: Layout;
  filter: GraphFilter;
  onFilter(filter: GraphFilter): void;
  collapsed: ReadonlySet<string>;
  onExpandAll(): void;
  shownCount: number;
}

/** Filters (entryPoint, namespace, host, text), expand-all, and export of the whole graph. */
export function GraphToolbar({ graph, layout, filter, onFilter, collapsed, onExpandAll, shownCount }: Props) {
  const entryPoints = useMemo(() => graph.nodes.filter((n) => n.kind === 'entryPoint').map((n) => n.label).sort(), [graph]);
  const namespaces = useMemo(() => [...new Set(graph.nodes.map((n) => n.namespace).filter((x): x is string => !!x))].sort(), [graph]);
  return (
    <div className="toolbar graph-toolbar">
      <select aria-label="Filter by entryPoint" value={filter.entryPoint ?? ''} onChange={(e) => onFilter({ ...filter, entryPoint: e.target.value || undefined })}>
        <option value="">all entryPoints</option>
        {entryPoints.map((x) => (
          <option key={x}>{x}</option>
        ))}
      </select>
      <select aria-label="Filter by namespace" value={filter.namespace ?? ''} onChange={(e) => onFilter({ ...filter, namespace: e.target.value || undefined })}>
        <option value="">all namespaces</option>
        {namespaces.map((x) => (
          <option key={x}>{x}</option>
        ))}
      </select>
      <input type="search" aria-label="Filter by host" placeholder="host" value={filter.host ?? ''} onChange={(e) => onFilter({ ...filter, host: e.target.value || undefined })} />
      <input type="search" aria-label="Filter by text" placeholder="text" value={filter.text ?? ''} onChange={(e) => onFilter({ ...filter, text: e.target.value || undefined })} />
      {collapsed.size > 0 && (
        <button type="button" onClick={onExpandAll}>Expand {collapsed.size} collapsed</button>
      )}
      <span className="muted">{shownCount} nodes</span>
      <span className="spacer" />
      <button type="button" aria-label="Export graph as SVG" onClick={() => exportSvg(graph, layout)}>SVG</button>
      <button type="button" aria-label="Export graph as PNG" onClick={() => void exportPng(graph, layout)}>PNG</button>
    </div>
  );
}
