import type { Path } from '../../core/types.ts';
import { resolve, type JsonSchema } from './schema-walk.ts';
import { problemsAt, useForm, valueAt } from './context.ts';
import { RuleBuilder } from './RuleBuilder.tsx';
import { MiddlewareRefs } from './MiddlewareRefs.tsx';
import { ServiceRefs } from './ServiceRefs.tsx';
import { ObjectField } from './SchemaField.tsx';

/** One route: its rule (builder), middlewares and services, then its other fields. */
export function RouteCard({ path, index, count, schema }: { path: Path; index: number; count: number; schema: JsonSchema }) {
  const { detail, root, readOnly, edit } = useForm();
  const routes = path.slice(0, -1);
  const s = resolve(schema, root) ?? {};
  const services = resolve(s.properties?.['services'], root)?.items ?? {};
  const name = `Route ${index + 1}`;
  const kind = valueAt(detail.raw, [...path, 'kind']);
  return (
    <li className="route-item">
      <div className="route-card" role="group" aria-label={name}>
      <div className="route-head">
        <span className="route-title">{name}</span>
        {kind !== undefined && kind !== 'Rule' && <span className="field-problem sev-warning">kind: {String(kind)}</span>}
        <span className="grow" />
        <button type="button" disabled={readOnly || index === 0} aria-label={`Move route ${index + 1} up`} onClick={() => edit({ type: 'move', path: routes, from: index, to: index - 1 })}>
          ↑
        </button>
        <button type="button" disabled={readOnly || index === count - 1} aria-label={`Move route ${index + 1} down`} onClick={() => edit({ type: 'move', path: routes, from: index, to: index + 1 })}>
          ↓
        </button>
        <button type="button" disabled={readOnly || count === 1} aria-label={`Remove route ${index + 1}`} onClick={() => edit({ type: 'delete', path })}>
          ×
        </button>
      </div>
      {problemsAt(detail, path).map((p, i) => (
        <small key={i} className={`field-problem sev-${p.severity}`} role="note">{p.message}</small>
      ))}
      <RuleBuilder path={[...path, 'match']} routeIndex={index} />
      <MiddlewareRefs path={[...path, 'middlewares']} />
      <ServiceRefs path={[...path, 'services']} itemSchema={services} />
      <ObjectField name={name} path={path} schema={schema} depth={2} omit={['match', 'middlewares', 'services', ...(kind === 'Rule' ? ['kind'] : [])]} bare />
      </div>
    </li>
  );
}
