import { useState } from 'react';
import type { Path } from '../../core/types.ts';
import { schemaFor } from '../../core/schema/index.ts';
import { useForm, valueAt } from './context.ts';
import { RefSelect } from './RefSelect.tsx';
import { middlewareIntents, middlewareOptions, type Ref } from './ref-options.ts';
import type { JsonSchema } from './schema-walk.ts';

/** The middlewares of a route: picked from the workspace (namespace-aware), or created on the spot. */
export function MiddlewareRefs({ path }: { path: Path }) {
  const { detail, resources, namespace, settings, readOnly, editMany, createResource } = useForm();
  const raw = valueAt(detail.raw, path);
  const list = (Array.isArray(raw) ? raw : []) as Ref[];
  const [adding, setAdding] = useState(false);
  const [creating, setCreating] = useState(false);
  const options = middlewareOptions(resources, namespace, settings.provider.allowCrossNamespace);
  const intentsFor = (i: number | null, v: string) => middlewareIntents(path, list, raw !== undefined, i, v);
  const valueOf = (m: Ref) => (typeof m.namespace === 'string' && m.namespace !== namespace ? `${m.namespace}/${String(m.name ?? '')}` : String(m.name ?? ''));
  const create = { label: 'Create middleware…', run: () => setCreating(true) };
  const types = Object.keys(((schemaFor('Middleware', settings.target) as JsonSchema).properties?.['spec']?.properties ?? {}) as object).sort();

  return (
    <fieldset className="refs refs-mw">
      <legend>Middlewares <span className="muted">({list.length})</span></legend>
      <ol className="ref-list">
        {list.map((m, i) => (
          <li key={i} className="ref-row">
            <RefSelect
              label={`Middleware ${i + 1}`}
              value={valueOf(m)}
              options={options}
              readOnly={readOnly}
              onChange={(v) => editMany(intentsFor(i, v))}
              missingNote="Not in the workspace: Traefik needs this Middleware in the cluster (or from another provider, name@provider)."
            />
            <button type="button" disabled={readOnly || i === 0} aria-label={`Move middleware ${i + 1} up`} onClick={() => editMany([{ type: 'move', path, from: i, to: i - 1 }])}>
              ↑
            </button>
            <button type="button" disabled={readOnly} aria-label={`Remove middleware ${i + 1}`} onClick={() => editMany([{ type: 'delete', path: [...path, i] }])}>
              ×
            </button>
          </li>
        ))}
      </ol>
      {adding && (
        <RefSelect label="New middleware" value="" options={options} readOnly={readOnly} onChange={(v) => (setAdding(false), editMany(intentsFor(null, v)))} actions={[create]} />
      )}
      {creating && (
        <label className="inline-field">
          Type of the new middleware
          <select
            autoFocus
            defaultValue=""
            onChange={(e) => {
              const type = e.target.value;
              if (!type) return;
              setCreating(false);
              setAdding(false);
              createResource('Middleware', { middlewareType: type, attach: (name) => editMany(intentsFor(null, name)) });
            }}
          >
            <option value="">(choose a type)</option>
            {types.map((t) => (
              <option key={t} value={t}>{t}</option>
            ))}
          </select>
        </label>
      )}
      {!adding && (
        <button type="button" className="add" disabled={readOnly} onClick={() => setAdding(true)}>
          Add middleware
        </button>
      )}
    </fieldset>
  );
}
