/**
 * A provider's crossProviderNamespaces: unset lets every namespace reference other providers' objects; a list,
 * even an empty one, allows only the namespaces listed. kubernetesCRD: `name@provider` references;
 * kubernetesIngress: the middlewares, TLS options and serversTransport annotations. `options` are the provider's
 * settings; onChange gets them with the list set, or without it when unchecked.
 */
export function CrossProviderField<T extends { crossProviderNamespaces?: string[] }>({ provider, options, onChange }: { provider: string; options: T; onChange(next: T): void }) {
  const list = options.crossProviderNamespaces;
  const set = (next: string[] | undefined) => {
    const { crossProviderNamespaces: _old, ...rest } = options;
    onChange((next === undefined ? rest : { ...rest, crossProviderNamespaces: next }) as T);
  };
  return (
    <>
      <label>
        <input type="checkbox" checked={list !== undefined} onChange={(e) => set(e.target.checked ? [] : undefined)} />
        {provider} crossProviderNamespaces: only these namespaces may reference other providers
      </label>
      {list !== undefined && (
        <label>
          Namespaces allowed (comma-separated; empty: none)
          <input
            aria-label={`${provider} crossProviderNamespaces`}
            defaultValue={list.join(', ')}
            placeholder="none"
            onChange={(e) => set(e.target.value.split(',').map((s) => s.trim()).filter(Boolean))}
          />
        </label>
      )}
    </>
  );
}
