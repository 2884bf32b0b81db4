import type { Path } from '../../core/types.ts';
import { describe, fieldKind, resolve, type JsonSchema } from './schema-walk.ts';
import { problemsAt, useForm, valueAt } from './context.ts';
import { ObjectField, SchemaField } from './SchemaField.tsx';

interface Props {
  name: string;
  path: Path;
  schema: JsonSchema;
  required?: boolean;
  depth: number;
}

function emptyItem(items: JsonSchema, root: JsonSchema): unknown {
  const kind = fieldKind(items, root);
  if (kind === 'object') {
    const s = resolve(items, root) ?? {};
    const out: Record<string, unknown> = {};
    for (const k of s.required ?? []) out[k] = fieldKind(s.properties?.[k] ?? {}, root) === 'integer' ? 0 : '';
    if (s.properties?.['name'] && !('name' in out)) out['name'] = '';
    return out;
  }
  return kind === 'integer' || kind === 'number' ? 0 : '';
}

/** A list: each item rendered by SchemaField, with add, remove, move up and move down. */
export function ArrayField({ name, path, schema, required, depth }: Props) {
  const { detail, root, readOnly, edit } = useForm();
  const s = resolve(schema, root) ?? {};
  const items = s.items ?? {};
  const value = valueAt(detail.raw, path);
  const list = Array.isArray(value) ? value : [];
  const label = name.replace(/s$/, '');
  const add = () =>
    list.length === 0 && value === undefined
      ? edit({ type: 'set', path, value: [emptyItem(items, root)] })
      : edit({ type: 'insert', path, index: list.length, value: emptyItem(items, root) });
  return (
    <fieldset className={`array depth-${Math.min(depth, 4)}`}>
      <legend title={describe(schema, root)}>
        {name}
        {required && <span className="required" aria-hidden="true">*</span>} <span className="muted">({list.length})</span>
      </legend>
      {problemsAt(detail, path).map((p, i) => (
        <small key={i} className={`field-problem sev-${p.severity}`} role="note">{p.message}</small>
      ))}
      <ol className="array-items">
        {list.map((_, i) => (
          <li key={i} className="array-item">
            <div className="item-tools" role="group" aria-label={`${label} ${i + 1}`}>
              <span className="muted">
                {label} {i + 1}
              </span>
              <button type="button" disabled={readOnly || i === 0} aria-label={`Move ${label} ${i + 1} up`} onClick={() => edit({ type: 'move', path, from: i, to: i - 1 })}>
                ↑
              </button>
              <button type="button" disabled={readOnly || i === list.length - 1} aria-label={`Move ${label} ${i + 1} down`} onClick={() => edit({ type: 'move', path, from: i, to: i + 1 })}>
                ↓
              </button>
              <button type="button" disabled={readOnly} aria-label={`Remove ${label} ${i + 1}`} onClick={() => edit({ type: 'delete', path: [...path, i] })}>
                Remove
              </button>
            </div>
            {fieldKind(items, root) === 'object' ? (
              <ObjectField name={label} path={[...path, i]} schema={items} depth={depth + 1} bare />
            ) : (
              <SchemaField name={label} path={[...path, i]} schema={items} depth={depth + 1} />
            )}
          </li>
        ))}
      </ol>
      <button type="button" disabled={readOnly} onClick={add}>
        Add {label}
      </button>
    </fieldset>
  );
}
