import { useEffect, useRef, useState } from 'react';

export interface RefOption {
  value: string;
  label: string;
  /** Shown disabled, with the reason in the label. */
  disabled?: boolean;
}

interface Props {
  label: string;
  value: string;
  options: RefOption[];
  readOnly: boolean;
  onChange(value: string): void;
  /** What a value not in the workspace means here (shown under the control). */
  missingNote?: string;
  /** Extra choices at the end, e.g. "Create middleware…": picked → called, the value is unchanged. */
  actions?: { label: string; run(): void }[];
  placeholder?: string;
  /** How a value that is not among the options reads (default: the value, "not in the workspace"). */
  missingLabel?: (value: string) => string;
}

const OTHER = '\u0000other';

/**
 * A reference to something in the workspace, picked from a list; a name that is not in the workspace
 * can still be typed ("Other…") and is marked as such.
 */
export function RefSelect({ label, value, options, readOnly, onChange, missingNote, actions = [], placeholder = '(choose)', missingLabel = (v) => `${v} (not in the workspace)` }: Props) {
  const [typing, setTyping] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (typing) input.current?.focus();
  }, [typing]);
  const known = value === '' || options.some((o) => o.value === value);
  if (typing) {
    return (
      <span className="ref-select">
        <input
          ref={input}
          aria-label={label}
          defaultValue={value}
          readOnly={readOnly}
          placeholder="type a name"
          onBlur={(e) => {
            setTyping(false);
            const v = e.target.value.trim();
            if (v && v !== value) onChange(v);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') e.currentTarget.blur();
            if (e.key === 'Escape') setTyping(false);
          }}
        />
      </span>
    );
  }
  return (
    <span className="ref-select">
      <select
        aria-label={label}
        value={value}
        disabled={readOnly}
        onChange={(e) => {
          const v = e.target.value;
          if (v === OTHER) return setTyping(true);
          const action = actions.find((a) => `\u0000${a.label}` === v);
          if (action) return action.run();
          if (v !== value) onChange(v);
        }}
      >
        {value === '' && <option value="">{placeholder}</option>}
        {!known && <option value={value}>{missingLabel(value)}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value} disabled={o.disabled}>
            {o.label}
          </option>
        ))}
        <option value={OTHER}>Other (type a name)…</option>
        {actions.map((a) => (
          <option key={a.label} value={`\u0000${a.label}`}>
            {a.label}
          </option>
        ))}
      </select>
      {!known && missingNote && (
        <small className="field-extra ref-missing" role="note">
          {missingNote}
        </small>
      )}
    </span>
  );
}
