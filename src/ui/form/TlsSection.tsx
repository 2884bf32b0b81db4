import type { Path } from '../../core/types.ts';
import { useForm, valueAt } from './context.ts';
import { RefSelect, type RefOption } from './RefSelect.tsx';
import { ObjectField } from './SchemaField.tsx';
import type { JsonSchema } from './schema-walk.ts';

/** An IngressRoute's TLS: secret from the workspace's TLS Secrets, option from its TLSOptions, resolver from the settings. */
export function TlsSection({ path, schema }: { path: Path; schema: JsonSchema }) {
  const { detail, resources, namespace, settings, readOnly, edit, editMany } = useForm();
  const tls = valueAt(detail.raw, path) as Record<string, unknown> | undefined;
  if (tls === undefined || tls === null) {
    return (
      <fieldset className="tls">
        <legend>TLS</legend>
        <p className="muted">Off: these routes answer plain HTTP only.</p>
        <button type="button" className="add" disabled={readOnly} onClick={() => edit({ type: 'set', path, value: {} })}>
          Enable TLS
        </button>
      </fieldset>
    );
  }
  const secrets: RefOption[] = resources.filter((r) => r.kind === 'Secret' && r.namespace === namespace && r.secretType === 'kubernetes.io/tls').map((r) => ({ value: r.name, label: r.name }));
  const cross = settings.provider.allowCrossNamespace;
  const tlsOptions: RefOption[] = resources
    .filter((r) => r.kind === 'TLSOption')
    .map((r) => (r.namespace === namespace ? { value: r.name, label: r.name } : { value: `${r.namespace}/${r.name}`, label: `${r.namespace}/${r.name} — other namespace${cross ? '' : ': refused, allowCrossNamespace is off'}`, disabled: !cross }));
  const opt = (tls['options'] ?? {}) as { name?: unknown; namespace?: unknown };
  const optValue = opt.name === undefined ? '' : typeof opt.namespace === 'string' && opt.namespace !== namespace ? `${opt.namespace}/${String(opt.name)}` : String(opt.name);
  const resolvers = [...new Set(settings.entryPoints.map((e) => e.tls?.certResolver).filter((x): x is string => !!x))];
  const setOption = (v: string) => {
    const slash = v.indexOf('/');
    editMany([{ type: 'set', path: [...path, 'options'], value: slash > 0 ? { name: v.slice(slash + 1), namespace: v.slice(0, slash) } : { name: v } }]);
  };
  return (
    <fieldset className="tls">
      <legend>TLS</legend>
      <label className="inline-field">
        Certificate secret
        <RefSelect label="TLS secret" value={String(tls['secretName'] ?? '')} options={secrets} readOnly={readOnly} placeholder="(none: default certificate)" missingNote="Not a kubernetes.io/tls Secret of this namespace in the workspace." onChange={(v) => edit({ type: 'set', path: [...path, 'secretName'], value: v })} />
      </label>
      <label className="inline-field">
        TLS option
        <RefSelect label="TLS option" value={optValue} options={tlsOptions} readOnly={readOnly} placeholder="(default)" missingNote="No such TLSOption in the workspace: Traefik falls back to the default option." onChange={setOption} />
      </label>
      <label className="inline-field">
        Certificate resolver
        <RefSelect label="Certificate resolver" value={String(tls['certResolver'] ?? '')} options={resolvers.map((r) => ({ value: r, label: r }))} readOnly={readOnly} placeholder="(none)" missingNote="Not a resolver the settings' entry points name; it must exist in Traefik's static configuration." onChange={(v) => edit({ type: 'set', path: [...path, 'certResolver'], value: v })} />
      </label>
      <ObjectField name="tls" path={path} schema={schema} depth={2} omit={['secretName', 'options', 'certResolver']} bare />
      <button type="button" disabled={readOnly} onClick={() => edit({ type: 'delete', path })}>
        Remove TLS
      </button>
    </fieldset>
  );
}
