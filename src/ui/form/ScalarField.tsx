import { useEffect, useId, useRef } from 'react';
import type { Path } from '../../core/types.ts';
import { coerce, describe, placeholder, resolve, type FieldKind, type JsonSchema } from './schema-walk.ts';
import { problemsAt, useForm, valueAt } from './context.ts';

interface Props {
  name: string;
  path: Path;
  schema: JsonSchema;
  kind: FieldKind;
  required: boolean;
  /** Datalist suggestions (reference pickers). */
  suggest?: string[];
  extra?: string;
  /** Focus (and select) the field when it appears: the first field of a new resource. */
  autoFocus?: boolean;
}

/** One scalar field: text, number, boolean or enum; commits on change (selects) or on blur/Enter (text). */
export function ScalarField({ name, path, schema, kind, required, suggest, extra, autoFocus = false }: Props) {
  const { detail, root, readOnly, edit } = useForm();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (!autoFocus || !input.current) return;
    input.current.focus();
    input.current.select();
  }, [autoFocus]);
  const value = valueAt(detail.raw, path);
  const s = resolve(schema, root) ?? {};
  const help = describe(schema, root);
  const problems = problemsAt(detail, path);
  const commit = (next: unknown) => {
    if (next === undefined) {
      if (value !== undefined) edit({ type: 'delete', path });
    } else if (next !== value) edit({ type: 'set', path, value: next });
  };
  const shown = value === undefined || value === null ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
  let control;
  if (kind === 'boolean' || kind === 'enum') {
    const options = kind === 'boolean' ? ['true', 'false'] : (s.enum ?? []).map(String);
    control = (
      <select id={id} value={shown} disabled={readOnly} aria-describedby={help ? `${id}-help` : undefined} onChange={(e) => commit(kind === 'boolean' ? coerce('boolean', e.target.value) : e.target.value || undefined)}>
        <option value="">{placeholder(schema, root) || '(unset)'}</option>
        {options.map((o) => (
          <option key={o} value={o}>{o}</option>
        ))}
      </select>
    );
  } else {
    control = (
      <input
        ref={input}
        id={id}
        // A new value from the text (not from this input) resets the uncontrolled input.
        key={shown}
        defaultValue={shown}
        readOnly={readOnly}
        className={name === 'match' ? 'mono' : undefined}
        list={suggest?.length ? `${id}-list` : undefined}
        placeholder={placeholder(schema, root)}
        inputMode={kind === 'integer' || kind === 'number' ? 'numeric' : undefined}
        aria-required={required}
        aria-invalid={problems.some((p) => p.severity === 'error')}
        aria-describedby={help ? `${id}-help` : undefined}
        onBlur={(e) => commit(coerce(kind, e.target.value))}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit(coerce(kind, e.currentTarget.value));
        }}
      />
    );
  }
  return (
    <div className="field">
      <label htmlFor={id} title={help}>
        {name}
        {required && <span className="required" aria-hidden="true">*</span>}
      </label>
      {control}
      {suggest?.length ? (
        <datalist id={`${id}-list`}>
          {suggest.map((x) => (
            <option key={x} value={x} />
          ))}
        </datalist>
      ) : null}
      {help && <small id={`${id}-help`} className="field-help">{help}</small>}
      {extra && <small className="field-extra">{extra}</small>}
      {problems.map((p, i) => (
        <small key={i} className={`field-problem sev-${p.severity}`} role="note">{p.message}</small>
      ))}
    </div>
  );
}
