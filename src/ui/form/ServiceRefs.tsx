import { useState } from 'react';
import type { Path } from '../../core/types.ts';
import type { ResourceSummary } from '../../core/analyze.ts';
import { useForm, valueAt } from './context.ts';
import { RefSelect, type RefOption } from './RefSelect.tsx';
import { serviceIntents, serviceKey, serviceOptions, type Ref } from './ref-options.ts';
import { ObjectField } from './SchemaField.tsx';
import type { JsonSchema } from './schema-walk.ts';

/** The services of a route: Kubernetes Services (with their ports) and TraefikServices of the workspace. */
export function ServiceRefs({ path, itemSchema, title = 'Services' }: { path: Path; itemSchema: JsonSchema; title?: string }) {
  const { detail, resources, namespace, settings, readOnly, editMany } = useForm();
  const raw = valueAt(detail.raw, path);
  const list = (Array.isArray(raw) ? raw : []) as Ref[];
  const [adding, setAdding] = useState(false);
  const targets = resources.filter((r) => r.kind === 'Service' || r.kind === 'TraefikService');
  const options = serviceOptions(resources, namespace, settings.provider.allowCrossNamespace);
  const find = (v: string): ResourceSummary | undefined => targets.find((r) => serviceKey(r.kind, r.namespace, r.name) === v);
  const valueOf = (s: Ref) => serviceKey(s.kind === 'TraefikService' ? 'TraefikService' : 'Service', typeof s.namespace === 'string' ? s.namespace : namespace, String(s.name ?? ''));
  const intentsFor = (i: number | null, v: string) => serviceIntents(path, list, raw !== undefined, namespace, resources, i, v);

  return (
    <fieldset className="refs refs-svc">
      <legend>{title} <span className="muted">({list.length})</span></legend>
      <ol className="ref-list">
        {list.map((s, i) => {
          const target = find(valueOf(s));
          const isService = s.kind !== 'TraefikService';
          const portOptions: RefOption[] = (target?.ports ?? []).map((p) => ({ value: String(p.port), label: `${p.port}${p.name ? ` (${p.name})` : ''}` }));
          for (const p of target?.ports ?? []) if (p.name && s.port === p.name) portOptions.push({ value: p.name, label: `${p.name} (named port ${p.port})` });
          return (
            <li key={i} className="ref-card">
              <div role="group" aria-label={`Service ${i + 1}`} className="ref-card-body">
              <div className="ref-row">
                <RefSelect
                  label={`Service ${i + 1}`}
                  value={valueOf(s)}
                  options={options}
                  readOnly={readOnly}
                  onChange={(v) => editMany(intentsFor(i, v))}
                  missingLabel={() => `${typeof s.namespace === 'string' && s.namespace !== namespace ? `${s.namespace}/` : ''}${String(s.name ?? '')} (not in the workspace)`}
                  missingNote="Not in the workspace: Traefik needs it in the cluster."
                />
                <button type="button" disabled={readOnly} aria-label={`Remove service ${i + 1}`} onClick={() => editMany([{ type: 'delete', path: [...path, i] }])}>
                  ×
                </button>
              </div>
              {isService && (
                <label className="inline-field">
                  Port
                  <RefSelect
                    label={`Port of service ${i + 1}`}
                    value={s.port === undefined ? '' : String(s.port)}
                    options={portOptions}
                    readOnly={readOnly}
                    placeholder="(choose a port)"
                    missingLabel={(v) => (target ? `${v} (not a port of ${target.name})` : v)}
                    missingNote={target ? `Not a port of the Service ${target.name}.` : undefined}
                    onChange={(v) => editMany([{ type: 'set', path: [...path, i, 'port'], value: /^\d+$/.test(v) ? Number(v) : v }])}
                  />
                </label>
              )}
              <ObjectField name="service" path={[...path, i]} schema={itemSchema} depth={3} omit={['name', 'kind', 'namespace', 'port']} bare />
              </div>
            </li>
          );
        })}
      </ol>
      {adding && <RefSelect label="New service" value="" options={options} readOnly={readOnly} onChange={(v) => (setAdding(false), editMany(intentsFor(null, v)))} />}
      {!adding && (
        <button type="button" className="add" disabled={readOnly} onClick={() => setAdding(true)}>
          Add {title === 'Services' ? 'service' : title.toLowerCase().replace(/s$/, '')}
        </button>
      )}
    </fieldset>
  );
}
