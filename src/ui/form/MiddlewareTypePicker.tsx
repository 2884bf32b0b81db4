import { useId } from 'react';
import { resolve } from './schema-walk.ts';
import { useForm } from './context.ts';
import { SchemaField } from './SchemaField.tsx';

/** A Middleware has exactly one type: pick it, then edit that type's fields. */
export function MiddlewareTypePicker() {
  const { detail, root, readOnly, edit } = useForm();
  const id = useId();
  const spec = resolve(root.properties?.['spec'], root);
  const types = Object.keys(spec?.properties ?? {}).sort();
  const raw = (detail.raw['spec'] ?? {}) as Record<string, unknown>;
  const current = Object.keys(raw).filter((k) => types.includes(k));
  const type = current[0] ?? '';
  return (
    <>
      <div className="field">
        <label htmlFor={id}>Middleware type</label>
        <select
          id={id}
          value={type}
          disabled={readOnly}
          onChange={(e) => {
            if (!e.target.value || e.target.value === type) return;
            if (type && !window.confirm(`Replace the ${type} configuration with an empty ${e.target.value}?`)) return;
            edit({ type: 'set', path: ['spec'], value: { [e.target.value]: {} } });
          }}
        >
          <option value="">(choose a type)</option>
          {types.map((t) => (
            <option key={t} value={t}>{t}</option>
          ))}
        </select>
        {current.length > 1 && (
          <small className="field-problem sev-error">Several types are set ({current.join(', ')}); Traefik refuses such a Middleware.</small>
        )}
      </div>
      {type && spec?.properties?.[type] && <SchemaField name={type} path={['spec', type]} schema={spec.properties[type]} depth={1} />}
    </>
  );
}
