import { useState } from 'react';
import type { Path } from '../../core/types.ts';
import { useForm, valueAt } from './context.ts';

/** entryPoints as choices from the settings; names the settings do not define are flagged. */
export function EntryPointsField({ path }: { path: Path }) {
  const { detail, settings, readOnly, edit } = useForm();
  const raw = valueAt(detail.raw, path);
  const list = (Array.isArray(raw) ? raw : []).map(String);
  const known = settings.entryPoints.map((e) => e.name);
  const unknown = list.filter((n) => !known.includes(n));
  const [other, setOther] = useState('');
  const add = (name: string) => edit(raw === undefined ? { type: 'set', path, value: [name] } : { type: 'insert', path, index: list.length, value: name });
  const toggle = (name: string) => {
    const i = list.indexOf(name);
    if (i < 0) add(name);
    else edit({ type: 'delete', path: [...path, i] });
  };
  const defaults = settings.entryPoints.some((e) => e.asDefault) ? settings.entryPoints.filter((e) => e.asDefault) : settings.entryPoints;
  return (
    <fieldset className="entrypoints">
      <legend>Entry points</legend>
      <div className="checks-row">
        {settings.entryPoints.map((e) => (
          <label key={e.name} className="check">
            <input type="checkbox" checked={list.includes(e.name)} disabled={readOnly} onChange={() => toggle(e.name)} />
            {e.name} <span className="muted">:{e.port}</span>
          </label>
        ))}
        {unknown.map((n) => (
          <label key={n} className="check unknown">
            <input type="checkbox" checked disabled={readOnly} onChange={() => toggle(n)} />
            {n} <span className="field-problem sev-warning">not in the settings</span>
          </label>
        ))}
      </div>
      {list.length === 0 && <small className="muted">None chosen: the routes listen on the default entry points ({defaults.map((e) => e.name).join(', ') || 'none'}).</small>}
      <input
        className="ep-other"
        aria-label="Other entry point"
        placeholder="other entry point…"
        value={other}
        readOnly={readOnly}
        onChange={(e) => setOther(e.target.value)}
        onKeyDown={(e) => {
          if (e.key !== 'Enter') return;
          const n = other.trim();
          if (n && !list.includes(n)) add(n);
          setOther('');
        }}
      />
    </fieldset>
  );
}
