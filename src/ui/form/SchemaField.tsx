import { useId, useState } from 'react';
import type { Path } from '../../core/types.ts';
import { describe, fieldKind, resolve, type JsonSchema } from './schema-walk.ts';
import { problemsAt, SERVER_MANAGED, useForm, valueAt } from './context.ts';
import { ScalarField } from './ScalarField.tsx';
import { ArrayField } from './ArrayField.tsx';
import { KeyValueField, MapField } from './KeyValueField.tsx';
import { ServiceRefs } from './ServiceRefs.tsx';

interface Props {
  name: string;
  path: Path;
  schema: JsonSchema;
  required?: boolean;
  depth: number;
}

/** Renders any field of the schema: scalars, objects (fieldsets), arrays (lists), maps (key/value rows). */
export function SchemaField({ name, path, schema, required = false, depth }: Props) {
  const { root, suggestions, priorities, detail } = useForm();
  const kind = fieldKind(schema, root);
  // A TraefikService's children are service references: the same picker as a route's services.
  if (kind === 'array' && detail.kind === 'TraefikService' && (name === 'services' || name === 'mirrors')) {
    return <ServiceRefs path={path} itemSchema={resolve(schema, root)?.items ?? {}} title={name === 'services' ? 'Services' : 'Mirrors'} />;
  }
  const parentKey = typeof path[path.length - 2] === 'number' ? String(path[path.length - 3]) : String(path[path.length - 2] ?? '');
  if (kind === 'object') return <ObjectField name={name} path={path} schema={schema} required={required} depth={depth} />;
  if (kind === 'array') return <ArrayField name={name} path={path} schema={schema} required={required} depth={depth} />;
  if (kind === 'map') {
    const values = resolve(schema, root)?.additionalProperties;
    const stringValues = typeof values === 'object' && fieldKind(values, root) === 'string';
    if (stringValues) return <KeyValueField name={name} path={path} help={describe(schema, root)} />;
  }
  if (kind === 'map' || kind === 'any') return <MapField name={name} path={path} schema={schema} />;
  const routeIndex = name === 'match' && typeof path[path.length - 2] === 'number' ? (path[path.length - 2] as number) : undefined;
  return (
    <ScalarField
      name={name}
      path={path}
      schema={schema}
      kind={kind}
      required={required}
      suggest={suggestions[`${parentKey}.${name}`] ?? suggestions[name]}
      extra={routeIndex !== undefined ? priorities[routeIndex] : undefined}
    />
  );
}

interface ObjectProps extends Props {
  /** Keys rendered elsewhere (by a kind-specific section). */
  omit?: readonly string[];
  /** Render the fields only, without a fieldset of their own. */
  bare?: boolean;
}

/**
 * An object: the fields set in the YAML and the required ones first, every other field of the
 * reference under "More options" with a filter box. Server-managed metadata is never shown.
 */
export function ObjectField({ name, path, schema, required, depth, omit = [], bare = false }: ObjectProps) {
  const { root, detail } = useForm();
  const s = resolve(schema, root) ?? {};
  const present = valueAt(detail.raw, path) !== undefined;
  const [open, setOpen] = useState(depth < 2 || present);
  const req = new Set(s.required ?? []);
  const props = Object.entries(s.properties ?? {}).filter(([k]) => !omit.includes(k) && !(path.length === 1 && path[0] === 'metadata' && SERVER_MANAGED.has(k)));
  const isSet = (k: string) => valueAt(detail.raw, [...path, k]) !== undefined;
  const main = props.filter(([k]) => isSet(k) || req.has(k));
  const more = props.filter(([k]) => !isSet(k) && !req.has(k));
  const fields = (
    <>
      {problemsAt(detail, path).map((p, i) => (
        <small key={i} className={`field-problem sev-${p.severity}`} role="note">{p.message}</small>
      ))}
      {main.map(([k, v]) => <SchemaField key={k} name={k} path={[...path, k]} schema={v} required={req.has(k)} depth={depth + 1} />)}
      {more.length > 0 && <MoreOptions path={path} fields={more} depth={depth} />}
    </>
  );
  if (bare) return fields;
  return (
    <fieldset className={`object depth-${Math.min(depth, 4)}`}>
      <legend>
        <button type="button" className="disclosure" aria-expanded={open} onClick={() => setOpen(!open)} title={describe(schema, root)}>
          {name}
          {required && <span className="required" aria-hidden="true">*</span>}
          {!present && <span className="muted"> (unset)</span>}
        </button>
      </legend>
      {open && fields}
    </fieldset>
  );
}

/** The unset optional fields of an object, behind a disclosure, with a filter box when there are many. */
function MoreOptions({ path, fields, depth }: { path: Path; fields: [string, JsonSchema][]; depth: number }) {
  const [open, setOpen] = useState(false);
  const [filter, setFilter] = useState('');
  const id = useId();
  const shown = fields.filter(([k]) => k.toLowerCase().includes(filter.trim().toLowerCase()));
  return (
    <div className="more-options">
      <button type="button" className="disclosure more-toggle" aria-expanded={open} aria-controls={id} onClick={() => setOpen(!open)}>
        More options <span className="muted">({fields.length})</span>
      </button>
      {open && (
        <div id={id} className="more-body">
          {fields.length > 5 && (
            <input type="search" className="more-filter" aria-label="Filter options" placeholder="Filter options…" value={filter} onChange={(e) => setFilter(e.target.value)} />
          )}
          {shown.map(([k, v]) => <SchemaField key={k} name={k} path={[...path, k]} schema={v} depth={depth + 1} />)}
          {shown.length === 0 && <p className="muted">No option matches “{filter}”.</p>}
        </div>
      )}
    </div>
  );
}
