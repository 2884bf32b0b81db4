import { useState } from 'react';
import type { Path } from '../../core/types.ts';
import { describe, fieldKind, resolve, type JsonSchema } from './schema-walk.ts';
import { problemsAt, useForm, valueAt } from './context.ts';
import { ScalarField } from './ScalarField.tsx';
import { ArrayField } from './ArrayField.tsx';

interface Props {
  name: string;
  path: Path;
  schema: JsonSchema;
  required?: boolean;
  depth: number;
}

/** Renders any field of the schema: scalars, objects (fieldsets), arrays (lists), maps (YAML text). */
export function SchemaField({ name, path, schema, required = false, depth }: Props) {
  const { root, suggestions, priorities } = useForm();
  const kind = fieldKind(schema, root);
  const parentKey = typeof path[path.length - 2] === 'number' ? String(path[path.length - 3]) : String(path[path.length - 2] ?? '');
  if (kind === 'object') return <ObjectField name={name} path={path} schema={schema} required={required} depth={depth} />;
  if (kind === 'array') return <ArrayField name={name} path={path} schema={schema} required={required} depth={depth} />;
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

export function ObjectField({ name, path, schema, required, depth }: Props) {
  const { root, detail } = useForm();
  const s = resolve(schema, root) ?? {};
  const present = valueAt(detail.raw, path) !== undefined;
  const [open, setOpen] = useState(depth < 2 || present);
  const props = Object.entries(s.properties ?? {});
  const req = new Set(s.required ?? []);
  // Fields that are set come first; unset ones follow so that every field of the reference is editable.
  const sorted = [...props].sort(([a], [b]) => Number(valueAt(detail.raw, [...path, b]) !== undefined) - Number(valueAt(detail.raw, [...path, a]) !== undefined));
  return (
    <fieldset className={`object depth-${Math.min(depth, 4)}`}>
      <legend>
        <button type="button" className="disclosure" aria-expanded={open} onClick={() => setOpen(!open)} title={describe(schema, root)}>
          {name}
          {required && <span className="required" aria-hidden="true">*</span>}
          {!present && <span className="muted"> (unset)</span>}
        </button>
      </legend>
      {problemsAt(detail, path).map((p, i) => (
        <small key={i} className={`field-problem sev-${p.severity}`} role="note">{p.message}</small>
      ))}
      {open && sorted.map(([k, v]) => <SchemaField key={k} name={k} path={[...path, k]} schema={v} required={req.has(k)} depth={depth + 1} />)}
    </fieldset>
  );
}

/** Free-form maps (labels, custom headers) and untyped values: edited as JSON/YAML flow text. */
function MapField({ name, path, schema }: { name: string; path: Path; schema: JsonSchema }) {
  const { detail, root, readOnly, edit } = useForm();
  const value = valueAt(detail.raw, path);
  const [error, setError] = useState<string | null>(null);
  const text = value === undefined ? '' : JSON.stringify(value);
  return (
    <div className="field">
      <label title={describe(schema, root)}>
        {name} <span className="muted">(JSON)</span>
        <textarea
          key={text}
          className="mono"
          rows={Math.min(6, 1 + Math.ceil(text.length / 60))}
          defaultValue={text}
          readOnly={readOnly}
          onBlur={(e) => {
            const t = e.target.value.trim();
            if (t === text) return;
            if (t === '') return edit({ type: 'delete', path });
            try {
              edit({ type: 'set', path, value: JSON.parse(t) });
              setError(null);
            } catch {
              setError('Not valid JSON; nothing was changed.');
            }
          }}
        />
      </label>
      {error && <small className="field-problem sev-error">{error}</small>}
    </div>
  );
}
