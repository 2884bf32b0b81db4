import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import { useStudio } from '../../store/index.ts';
import { parseStaticConfig } from '../../core/settings/static-config.ts';
import type { EntryPointSettings, ProviderSettings, Settings } from '../../core/types.ts';
import { CrossProviderField } from './CrossProviderField.tsx';
import { IngressProvidersFields } from './IngressProvidersFields.tsx';

const PROVIDER_FLAGS: { key: keyof ProviderSettings; label: string }[] = [
  { key: 'allowCrossNamespace', label: 'allowCrossNamespace: references may cross namespaces' },
  { key: 'allowExternalNameServices', label: 'allowExternalNameServices: ExternalName Services may be targeted' },
  { key: 'allowEmptyServices', label: 'allowEmptyServices: Services without endpoints still get a router (503)' },
  { key: 'nativeLBByDefault', label: 'nativeLBByDefault: use the ClusterIP instead of endpoints' },
  { key: 'disableClusterScopeResources', label: 'disableClusterScopeResources: no Node lookup (nodePortLB services fail)' },
];

/** The Traefik the configuration is simulated against: version, entryPoints, provider options. */
export function SettingsDialog({ onClose }: { onClose(): void }) {
  const current = useStudio((s) => s.settings);
  const [draft, setDraft] = useState<Settings>(() => structuredClone(current));
  const [message, setMessage] = useState<string | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    dialog.current?.showModal();
  }, []);

  const setEp = (i: number, patch: Partial<EntryPointSettings>) =>
    setDraft({ ...draft, entryPoints: draft.entryPoints.map((e, j) => (i === j ? { ...e, ...patch } : e)) });

  const importStatic = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (!file) return;
    const result = parseStaticConfig(await file.text(), file.name, draft);
    if ('error' in result) setMessage(result.error);
    else {
      setDraft(result.settings);
      setMessage(`Imported ${file.name}.${result.warnings.length ? ' ' + result.warnings.join(' ') : ''}`);
    }
  };

  const save = () => {
    useStudio.getState().setSettings(draft);
    onClose();
  };

  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="settings-title" onClose={onClose}>
      <h2 id="settings-title">Traefik settings</h2>
      <p className="muted">The static configuration the IngressRoutes are simulated against.</p>
      <div className="form-grid">
        <label>
          Traefik version
          <input value={draft.version} onChange={(e) => setDraft({ ...draft, version: e.target.value })} aria-describedby="version-help" />
        </label>
        <small id="version-help" className="muted">Version-dependent behaviour (421 checks, TLS conflicts, wildcard hosts) follows it.</small>
        <label>
          Import traefik.yml / traefik.toml
          <input type="file" accept=".yml,.yaml,.toml" onChange={(e) => void importStatic(e)} />
        </label>
      </div>
      {message && <p role="status" className="notice">{message}</p>}
      <h3>EntryPoints</h3>
      <table className="data-table compact">
        <thead>
          <tr><th>Name</th><th>Port</th><th>asDefault</th><th>Redirect to</th><th>TLS</th><th /></tr>
        </thead>
        <tbody>
          {draft.entryPoints.map((ep, i) => (
            <tr key={i}>
              <td><input aria-label="EntryPoint name" value={ep.name} onChange={(e) => setEp(i, { name: e.target.value })} /></td>
              <td><input aria-label="Port" type="number" value={ep.port} onChange={(e) => setEp(i, { port: Number(e.target.value) })} /></td>
              <td><input aria-label="asDefault" type="checkbox" checked={!!ep.asDefault} onChange={(e) => setEp(i, { asDefault: e.target.checked })} /></td>
              <td>
                <input
                  aria-label="Redirect to entryPoint"
                  value={ep.redirectTo?.to ?? ''}
                  placeholder="none"
                  onChange={(e) => setEp(i, { redirectTo: e.target.value ? { to: e.target.value, scheme: 'https', permanent: true } : undefined })}
                />
              </td>
              <td><input aria-label="TLS on this entryPoint" type="checkbox" checked={!!ep.tls} onChange={(e) => setEp(i, { tls: e.target.checked ? {} : null })} /></td>
              <td>
                <button type="button" aria-label={`Remove entryPoint ${ep.name}`} onClick={() => setDraft({ ...draft, entryPoints: draft.entryPoints.filter((_, j) => j !== i) })}>
                  Remove
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" onClick={() => setDraft({ ...draft, entryPoints: [...draft.entryPoints, { name: `ep${draft.entryPoints.length + 1}`, port: 8000 }] })}>
        Add entryPoint
      </button>
      <h3>Kubernetes CRD provider</h3>
      <div className="checks">
        {PROVIDER_FLAGS.map((f) => (
          <label key={f.key}>
            <input
              type="checkbox"
              checked={Boolean(draft.provider[f.key])}
              onChange={(e) => setDraft({ ...draft, provider: { ...draft.provider, [f.key]: e.target.checked } })}
            />
            {f.label}
          </label>
        ))}
        <CrossProviderField provider="kubernetesCRD" options={draft.provider} onChange={(provider) => setDraft({ ...draft, provider })} />
        <label>
          ingressClass
          <input
            value={draft.provider.ingressClass ?? ''}
            placeholder="(none: IngressRoutes without a class or with class traefik)"
            onChange={(e) => setDraft({ ...draft, provider: { ...draft.provider, ingressClass: e.target.value || undefined } })}
          />
        </label>
        <label>
          <input type="checkbox" checked={draft.strictServices} onChange={(e) => setDraft({ ...draft, strictServices: e.target.checked })} />
          Strict: every reference missing from the workspace is an error (default: Services and Secrets not in the workspace, and objects in namespaces it does not contain, are assumed to exist)
        </label>
      </div>
      <IngressProvidersFields draft={draft} onChange={setDraft} />
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>Cancel</button>
        <button type="button" className="primary" onClick={save}>Apply</button>
      </div>
    </dialog>
  );
}
