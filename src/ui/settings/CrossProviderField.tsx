import type { ProviderSettings } from '../../core/types.ts';

/**
 * providers.kubernetesCRD.crossProviderNamespaces: unset lets every namespace reference other providers
 * (`name@provider`); a list, even an empty one, allows only the namespaces listed.
 */
export function CrossProviderField({ provider, onChange }: { provider: ProviderSettings; onChange(next: ProviderSettings): void }) {
  const list = provider.crossProviderNamespaces;
  const set = (next: string[] | undefined) => {
    const { crossProviderNamespaces: _old, ...rest } = provider;
    onChange(next === undefined ? rest : { ...rest, crossProviderNamespaces: next });
  };
  return (
    <>
      <label>
        <input type="checkbox" checked={list !== undefined} onChange={(e) => set(e.target.checked ? [] : undefined)} />
        crossProviderNamespaces: only these namespaces may reference other providers (name@provider)
      </label>
      {list !== undefined && (
        <label>
          Namespaces allowed (comma-separated; empty: none)
          <input
            aria-label="crossProviderNamespaces"
            defaultValue={list.join(', ')}
            placeholder="none"
            onChange={(e) => set(e.target.value.split(',').map((s) => s.trim()).filter(Boolean))}
          />
        </label>
      )}
    </>
  );
}
