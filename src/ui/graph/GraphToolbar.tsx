import { useState } from 'react';
import type { Graph, GraphFilter, GraphScope, Layout } from '../../core/graph/index.ts';
import { exportPng, exportSvg } from './export-image.ts';

interface Props {
  /** The whole graph's node count and the filters' choices. */
  scope: GraphScope;
  /** What the export draws: the whole graph, laid out (backends only when shown). */
  whole(): Promise<{ graph: Graph; layout: Layout }>;
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
export function GraphToolbar({ scope, whole, filter, onFilter, collapsedCount, groupCount, onCollapseAll, onExpandAll, shownCount, backends, onBackends }: Props) {
  const { entryPoints, namespaces, total } = scope;
  const [exportError, setExportError] = useState<string | null>(null);
  const set = (patch: GraphFilter) => onFilter({ ...filter, ...patch });
  const save = (as: 'SVG' | 'PNG') => {
    setExportError(null);
    whole()
      .then(({ graph, layout }) => (as === 'SVG' ? exportSvg(graph, layout) : exportPng(graph, layout)))
      .catch((e: unknown) => setExportError(`${as} export failed: ${e instanceof Error ? e.message : String(e)}`));
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
        {shownCount === total ? `${shownCount} nodes` : `${shownCount} of ${total} nodes`}
      </span>
      <span className="graph-export">
        {exportError && (
          <span className="graph-export-error" role="alert">
            {exportError}
          </span>
        )}
        <button type="button" aria-label="Export graph as SVG" title="Download the whole graph as SVG" onClick={() => save('SVG')}>
          SVG
        </button>
        <button type="button" aria-label="Export graph as PNG" title="Download the whole graph as PNG" onClick={() => save('PNG')}>
          PNG
        </button>
      </span>
    </div>
  );
}
