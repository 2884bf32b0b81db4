import { fieldKind, resolve } from './schema-walk.ts';
import { useForm } from './context.ts';
import { takeFocusRequest } from './focus-request.ts';
import { useState } from 'react';
import { ScalarField } from './ScalarField.tsx';
import { ObjectField } from './SchemaField.tsx';

/** Name and namespace first; labels and annotations as key/value rows; server-managed fields never. */
export function MetadataSection() {
  const { root, detail } = useForm();
  // Read once per resource: a new resource focuses its name.
  const [focus] = useState(() => takeFocusRequest(detail.resourceId));
  const meta = resolve(root.properties?.['metadata'], root) ?? {};
  const props = meta.properties ?? {};
  return (
    <div className="metadata">
      {(['name', 'namespace'] as const).map((k) =>
        props[k] ? <ScalarField key={k} name={k} path={['metadata', k]} schema={props[k]} kind={fieldKind(props[k], root)} required={k === 'name'} autoFocus={k === 'name' && focus} /> : null,
      )}
      <ObjectField name="metadata" path={['metadata']} schema={meta} depth={1} omit={['name', 'namespace']} bare />
    </div>
  );
}
