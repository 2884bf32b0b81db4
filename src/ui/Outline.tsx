import { memo } from 'react';
import { useStudio } from '../store/index.ts';
import { selectResources } from '../store/selectors.ts';
import type { ResourceSummary } from '../core/analyze.ts';

const KIND_SHORT: Record<string, string> = {
  IngressRoute: 'IR',
  Middleware: 'MW',
  TraefikService: 'TS',
  TLSOption: 'TLS',
  TLSStore: 'Store',
  ServersTransport: 'ST',
  Service: 'Svc',
  Secret: 'Sec',
  EndpointSlice: 'EPS',
};

/** Every resource of the workspace as kind + namespace/name; a click selects its range in the editor. */
export function Outline() {
  const resources = useStudio(selectResources);
  const selectedId = useStudio((s) => s.selection?.resourceId);
  return (
    <nav className="outline" aria-label="Resources">
      <h2 className="pane-title">Resources <span className="muted">{resources.length}</span></h2>
      <ul role="list">
        {resources.map((r) => (
          <OutlineItem key={r.id} resource={r} selected={r.id === selectedId} />
        ))}
      </ul>
    </nav>
  );
}

const OutlineItem = memo(function OutlineItem({ resource: r, selected }: { resource: ResourceSummary; selected: boolean }) {
  const onClick = () => {
    const s = useStudio.getState();
    s.select({ resourceId: r.id, from: 'outline' });
    s.revealRange(r.file, r.range);
  };
  return (
    <li>
      <button
        type="button"
        className={`outline-item${selected ? ' selected' : ''}`}
        aria-current={selected ? 'true' : undefined}
        title={`${r.kind} ${r.namespace}/${r.name} (${r.apiVersion})`}
        onClick={onClick}
      >
        <span className={`kind kind-${r.kind}`}>{KIND_SHORT[r.kind] ?? r.kind}</span>
        <span className="outline-name">
          <span className="muted">{r.namespace}/</span>
          {r.name}
        </span>
        {r.kind === 'IngressRoute' && (
          <span className="count" aria-label={`${r.routeCount} routes`}>
            {r.routeCount} {r.routeCount === 1 ? 'route' : 'routes'}
          </span>
        )}
        {r.errors > 0 && <span className="badge badge-error" aria-label={`${r.errors} errors`}>{r.errors}</span>}
        {r.warnings > 0 && <span className="badge badge-warning" aria-label={`${r.warnings} warnings`}>{r.warnings}</span>}
      </button>
    </li>
  );
});
