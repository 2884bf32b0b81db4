import { useState } from 'react';
import { TEMPLATES } from './templates.ts';
import { createResource } from './create-resource.ts';

/** Inserts a template document of the chosen kind after the selected resource and opens it in the form. */
export function NewResourceMenu() {
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <select aria-label="New resource" value="" onChange={(e) => e.target.value && setError(createResource(e.target.value))}>
        <option value="">New resource…</option>
        {TEMPLATES.map((t) => (
          <option key={t.kind} value={t.kind}>{t.kind}</option>
        ))}
      </select>
      {error && <span role="alert" className="field-problem sev-error">{error}</span>}
    </>
  );
}
