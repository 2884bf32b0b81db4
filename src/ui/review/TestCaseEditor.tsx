import { useId, useState, type KeyboardEvent } from 'react';
import type { TestCase, TestExpect } from '../../core/simulate/index.ts';

type Field = Exclude<keyof TestExpect, 'headers'>;

const FIELDS: { key: Field; label: string; hint: string }[] = [
  { key: 'router', label: 'Router', hint: 'Traefik name, namespace/ingressroute or namespace/ingressroute#N; "none" for no router' },
  { key: 'status', label: 'Status', hint: 'Status Traefik answers with (404, 301…)' },
  { key: 'tlsOption', label: 'TLS option', hint: 'e.g. default or shop-modern-tls@kubernetescrd' },
  { key: 'service', label: 'Service', hint: 'The service the request is forwarded to' },
  { key: 'upstreamPath', label: 'Upstream path', hint: 'Path (and query) the backend receives' },
  { key: 'upstreamHost', label: 'Upstream host', hint: 'Host header the backend receives' },
  { key: 'location', label: 'Location', hint: 'Location header of a redirect' },
];

function textOf(expect: TestExpect, key: Field): string {
  const v = expect[key];
  if (v === undefined) return '';
  if (v === null) return 'none';
  return String(v);
}

/** The case with the edited name and expectations; empty fields drop the expectation. */
function applyEdits(c: TestCase, name: string, values: Record<Field, string>): TestCase {
  const expect: TestExpect = c.expect.headers ? { headers: c.expect.headers } : {};
  for (const { key } of FIELDS) {
    const v = values[key].trim();
    if (v === '') continue;
    if (key === 'router') expect.router = v === 'none' ? null : v;
    else if (key === 'status') {
      const n = Number(v);
      if (Number.isInteger(n)) expect.status = n;
    } else expect[key] = v;
  }
  return { ...c, name: name.trim() || c.name, expect };
}

/** A small inline form for one test case's name and expectations (Enter saves, Escape cancels). */
export function TestCaseEditor({ testCase, onSave, onCancel }: { testCase: TestCase; onSave(c: TestCase): void; onCancel(): void }) {
  const id = useId();
  const [name, setName] = useState(testCase.name);
  const [values, setValues] = useState(() => Object.fromEntries(FIELDS.map((f) => [f.key, textOf(testCase.expect, f.key)])) as Record<Field, string>);
  const statusInvalid = values.status.trim() !== '' && !/^\d{3}$/.test(values.status.trim());
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      onCancel();
    }
  };
  return (
    <form
      className="test-editor"
      aria-label={`Edit test ${testCase.name}`}
      onKeyDown={onKeyDown}
      onSubmit={(e) => {
        e.preventDefault();
        if (!statusInvalid) onSave(applyEdits(testCase, name, values));
      }}
    >
      <label htmlFor={`${id}-name`}>Name</label>
      <input id={`${id}-name`} value={name} onChange={(e) => setName(e.target.value)} autoFocus />
      {FIELDS.map((f) => (
        <div key={f.key} className="test-editor-row">
          <label htmlFor={`${id}-${f.key}`}>{f.label}</label>
          <input
            id={`${id}-${f.key}`}
            className="mono"
            value={values[f.key]}
            placeholder="not checked"
            title={f.hint}
            aria-invalid={f.key === 'status' && statusInvalid}
            spellCheck={false}
            onChange={(e) => setValues({ ...values, [f.key]: e.target.value })}
          />
        </div>
      ))}
      {statusInvalid && <p className="field-problem sev-error" role="alert">Status must be a three-digit HTTP status.</p>}
      <div className="button-row">
        <button type="submit" className="primary">Save</button>
        <button type="button" onClick={onCancel}>Cancel</button>
      </div>
    </form>
  );
}
