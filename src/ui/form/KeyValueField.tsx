import { useState } from 'react';
import type { Path } from '../../core/types.ts';
import { describe, type JsonSchema } from './schema-walk.ts';
import { useForm, valueAt } from './context.ts';

/** A map of strings (labels, annotations, custom headers) as key/value rows. */
export function KeyValueField({ name, path, help }: { name: string; path: Path; help?: string }) {
  const { detail, readOnly, edit } = useForm();
  const raw = valueAt(detail.raw, path);
  const map = raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const entries = Object.entries(map);
  const [adding, setAdding] = useState(false);
  const rename = (from: string, to: string) => {
    if (!to || to === from || to in map) return;
    // One edit of the map keeps the order of the keys (a delete and an add would move it to the end).
    edit({ type: 'set', path, value: Object.fromEntries(entries.map(([k, v]) => [k === from ? to : k, v])) });
  };
  return (
    <fieldset className="kv-field">
      <legend title={help}>
        {name} <span className="muted">({entries.length})</span>
      </legend>
      {entries.map(([k, v]) => (
        <div key={k} className="kv-row" role="group" aria-label={`${name} ${k}`}>
          <input aria-label={`${name} key`} defaultValue={k} readOnly={readOnly} onBlur={(e) => rename(k, e.target.value.trim())} />
          <input
            aria-label={`${name} value of ${k}`}
            key={`${k}:${String(v)}`}
            defaultValue={v === null || v === undefined ? '' : String(v)}
            readOnly={readOnly}
            onBlur={(e) => e.target.value !== String(v ?? '') && edit({ type: 'set', path: [...path, k], value: e.target.value })}
            onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()}
          />
          <button type="button" disabled={readOnly} aria-label={`Remove ${name} ${k}`} onClick={() => edit({ type: 'delete', path: [...path, k] })}>
            ×
          </button>
        </div>
      ))}
      {adding ? (
        <div className="kv-row">
          <input
            aria-label={`New ${name} key`}
            autoFocus
            placeholder="key"
            onBlur={(e) => {
              const k = e.target.value.trim();
              setAdding(false);
              if (!k || k in map) return;
              edit(raw === undefined ? { type: 'set', path, value: { [k]: '' } } : { type: 'set', path: [...path, k], value: '' });
            }}
            onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()}
          />
        </div>
      ) : (
        <button type="button" className="add" disabled={readOnly} onClick={() => setAdding(true)}>
          Add {name.replace(/s$/, '')}
        </button>
      )}
    </fieldset>
  );
}

/** Untyped values: edited as JSON text. */
export function MapField({ name, path, schema }: { name: string; path: Path; schema: JsonSchema }) {
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
