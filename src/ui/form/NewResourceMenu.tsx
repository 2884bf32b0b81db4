import { useState } from 'react';
import { TEMPLATES } from './templates.ts';
import { warmPlanners, withPlanners } from '../planners.ts';

/** Inserts a template document of the chosen kind after the selected resource and opens it in the form. */
export function NewResourceMenu() {
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <select
        aria-label="New resource"
        value=""
        onPointerEnter={warmPlanners}
        onFocus={warmPlanners}
        onChange={(e) => {
          const kind = e.target.value;
          if (kind) withPlanners(({ createResource }) => setError(createResource(kind)), setError);
        }}
      >
        <option value="">New resource…</option>
        {TEMPLATES.map((t) => (
          <option key={t.kind} value={t.kind}>{t.kind}</option>
        ))}
      </select>
      {error && <span role="alert" className="field-problem sev-error">{error}</span>}
    </>
  );
}
