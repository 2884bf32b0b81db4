import { memo, useState } from 'react';
import { useStudio } from '../store/index.ts';
import { useDeferredStudio } from './useDeferredStudio.ts';
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
const PAGE = 400;

export function Outline({ collapsed, onToggle }: { collapsed: boolean; onToggle(): void }) {
  const resources = useDeferredStudio(selectResources);
  const selectedId = useStudio((s) => s.selection?.resourceId);
  const [limit, setLimit] = useState(PAGE);
  const [filter, setFilter] = useState('');
  const q = filter.trim().toLowerCase();
  const matching = q ? resources.filter((r) => `${r.kind} ${r.namespace}/${r.name}`.toLowerCase().includes(q)) : resources;
  // Keep the selected resource listed even beyond the page.
  const page = matching.slice(0, limit);
  const selected = selectedId && !page.some((r) => r.id === selectedId) ? matching.find((r) => r.id === selectedId) : undefined;
  const toggle = (
    <button type="button" className="icon-button outline-toggle" aria-expanded={!collapsed} aria-label={collapsed ? 'Show resources' : 'Hide resources'} title={collapsed ? 'Show the resources list' : 'Hide the resources list'} onClick={onToggle}>
      <span aria-hidden="true">{collapsed ? '»' : '«'}</span>
    </button>
  );
  // Collapsed, the landmark stays with its toggle so that the list is one keystroke away.
  if (collapsed) {
    return (
      <nav className="outline collapsed" aria-label="Resources">
        {toggle}
        <span className="outline-rail-count" title={`${resources.length} resources`}>{resources.length}</span>
      </nav>
    );
  }
  return (
    <nav className="outline" aria-label="Resources">
      <div className="outline-head">
        <h2 className="pane-title">Resources <span className="muted">{resources.length}</span></h2>
        <span className="spacer" />
        {toggle}
      </div>
      {resources.length > 30 && (
        <input className="outline-filter" type="search" placeholder="Filter resources" aria-label="Filter resources" value={filter} onChange={(e) => setFilter(e.target.value)} />
      )}
      <ul role="list">
        {page.map((r) => (
          <OutlineItem key={r.id} resource={r} selected={r.id === selectedId} />
        ))}
        {selected && <OutlineItem key={selected.id} resource={selected} selected />}
      </ul>
      {matching.length > limit && (
        <button type="button" className="more" onClick={() => setLimit(limit + PAGE)}>
          Show more ({matching.length - limit} not shown)
        </button>
      )}
    </nav>
  );
}

const same = (a: { resource: ResourceSummary; selected: boolean }, b: { resource: ResourceSummary; selected: boolean }) =>
  a.selected === b.selected && JSON.stringify(a.resource) === JSON.stringify(b.resource);

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
          <span className="count" title={`${r.routeCount} ${r.routeCount === 1 ? 'route' : 'routes'}`}>
            {r.routeCount}
            <span className="visually-hidden"> {r.routeCount === 1 ? 'route' : 'routes'}</span>
          </span>
        )}
        {r.errors > 0 && (
          <span className="badge badge-error">
            {r.errors}
            <span className="visually-hidden"> errors</span>
          </span>
        )}
        {r.warnings > 0 && (
          <span className="badge badge-warning">
            {r.warnings}
            <span className="visually-hidden"> warnings</span>
          </span>
        )}
      </button>
    </li>
  );
}, same);
