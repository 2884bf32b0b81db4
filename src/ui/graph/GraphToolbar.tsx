import { useMemo, useState } from 'react';
import type { Graph, GraphFilter, Layout } from '../../core/graph/index.ts';
import { exportPng, exportSvg } from './export-image.ts';

interface Props {
  graph: Graph;
  /** What the export draws: the graph as laid out in `layout` (backends only when shown). */
  exportGraph: Graph;
  layout: Layout;
  filter: GraphFilter;
  onFilter(filter: GraphFilter): void;
  collapsedCount: number;
  groupCount: number;
  onCollapseAll(): void;
  onExpandAll(): void;
  shownCount: number;
  backends: boolean;
  onBackends(on: boolean): void;
}

/** Filters (entryPoint, namespace, host, text), collapse/expand all IngressRoutes, backends on request,
 * and export of the whole graph (every node, whatever the filters and the viewport show). */
export function GraphToolbar({ graph, exportGraph, layout, filter, onFilter, collapsedCount, groupCount, onCollapseAll, onExpandAll, shownCount, backends, onBackends }: Props) {
  const entryPoints = useMemo(() => [...new Set(graph.nodes.flatMap((n) => n.entryPoints ?? []))].sort(), [graph]);
  const namespaces = useMemo(() => [...new Set(graph.nodes.map((n) => n.namespace).filter((x): x is string => !!x))].sort(), [graph]);
  const [exportError, setExportError] = useState<string | null>(null);
  const set = (patch: GraphFilter) => onFilter({ ...filter, ...patch });
  const png = () => {
    setExportError(null);
    exportPng(exportGraph, layout).catch((e: unknown) => setExportError(`PNG export failed: ${e instanceof Error ? e.message : String(e)}`));
  };
  return (
    <div className="toolbar graph-toolbar" role="toolbar" aria-label="Graph filters and export">
      <select aria-label="Filter by entryPoint" value={filter.entryPoint ?? ''} onChange={(e) => set({ entryPoint: e.target.value || undefined })}>
        <option value="">all entryPoints</option>
        {entryPoints.map((x) => (
          <option key={x} value={x}>
            {x}
          </option>
        ))}
      </select>
      <select aria-label="Filter by namespace" value={filter.namespace ?? ''} onChange={(e) => set({ namespace: e.target.value || undefined })}>
        <option value="">all namespaces</option>
        {namespaces.map((x) => (
          <option key={x} value={x}>
            {x}
          </option>
        ))}
      </select>
      <input type="search" aria-label="Filter by host" placeholder="host" value={filter.host ?? ''} onChange={(e) => set({ host: e.target.value || undefined })} />
      <input type="search" aria-label="Filter by text" placeholder="text" value={filter.text ?? ''} onChange={(e) => set({ text: e.target.value || undefined })} />
      {groupCount > 0 &&
        (collapsedCount > 0 ? (
          <button type="button" onClick={onExpandAll} title="Show every route">
            Expand all ({collapsedCount})
          </button>
        ) : (
          <button type="button" onClick={onCollapseAll} title="One node per IngressRoute">
            Collapse all
          </button>
        ))}
      <button type="button" aria-pressed={backends} onClick={() => onBackends(!backends)} title="Show the servers behind each service">
        Backends
      </button>
      <span className="muted graph-count" aria-live="polite">
        {shownCount === exportGraph.nodes.length ? `${shownCount} nodes` : `${shownCount} of ${exportGraph.nodes.length} nodes`}
      </span>
      <span className="graph-export">
        {exportError && (
          <span className="graph-export-error" role="alert">
            {exportError}
          </span>
        )}
        <button type="button" aria-label="Export graph as SVG" title="Download the whole graph as SVG" onClick={() => exportSvg(exportGraph, layout)}>
          SVG
        </button>
        <button type="button" aria-label="Export graph as PNG" title="Download the whole graph as PNG" onClick={png}>
          PNG
        </button>
      </span>
    </div>
  );
}
