import { useEffect, useRef } from 'react';
import { resolve } from './schema-walk.ts';
import { useForm, valueAt } from './context.ts';
import { MetadataSection } from './MetadataSection.tsx';
import { EntryPointsField } from './EntryPointsField.tsx';
import { RouteCard } from './RouteCard.tsx';
import { TlsSection } from './TlsSection.tsx';
import { ObjectField } from './SchemaField.tsx';

/** An IngressRoute as people design one: name, entry points, routes as cards, then TLS. */
export function IngressRouteForm({ routeIndex }: { routeIndex?: number }) {
  const { detail, root, readOnly, edit } = useForm();
  const spec = resolve(root.properties?.['spec'], root) ?? {};
  const routeSchema = resolve(spec.properties?.['routes'], root)?.items ?? {};
  const raw = valueAt(detail.raw, ['spec', 'routes']);
  const routes = Array.isArray(raw) ? raw : [];
  const list = useRef<HTMLOListElement>(null);
  // A route selected in the graph or the editor: bring its card into view.
  useEffect(() => {
    if (routeIndex === undefined) return;
    list.current?.children[routeIndex]?.scrollIntoView({ block: 'nearest' });
  }, [routeIndex]);
  const addRoute = () => {
    const route = { kind: 'Rule', match: 'Host(`example.com`)', services: [{ name: 'app', port: 80 }] };
    edit(raw === undefined ? { type: 'set', path: ['spec', 'routes'], value: [route] } : { type: 'insert', path: ['spec', 'routes'], index: routes.length, value: route });
  };
  return (
    <>
      <MetadataSection />
      <EntryPointsField path={['spec', 'entryPoints']} />
      <section className="routes" aria-label="Routes">
        <h3 className="section-title">Routes <span className="muted">({routes.length})</span></h3>
        <ol className="route-list" ref={list}>
          {routes.map((_, i) => (
            <RouteCard key={i} path={['spec', 'routes', i]} index={i} count={routes.length} schema={routeSchema} />
          ))}
        </ol>
        <button type="button" className="add" disabled={readOnly} onClick={addRoute}>
          Add route
        </button>
      </section>
      <TlsSection path={['spec', 'tls']} schema={spec.properties?.['tls'] ?? {}} />
      <ObjectField name="spec" path={['spec']} schema={spec} depth={1} omit={['entryPoints', 'routes', 'tls']} bare />
    </>
  );
}
