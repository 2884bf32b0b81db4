/**
 * A provider's crossProviderNamespaces: unset lets every namespace reference other providers' objects; a list,
 * even an empty one, allows only the namespaces listed. kubernetesCRD: `name@provider` references;
 * kubernetesIngress: the middlewares, TLS options and serversTransport annotations.
 */
export function CrossProviderField({ provider, list, onChange }: { provider: string; list: string[] | undefined; onChange(next: string[] | undefined): void }) {
  return (
    <>
      <label>
        <input type="checkbox" checked={list !== undefined} onChange={(e) => onChange(e.target.checked ? [] : undefined)} />
        {provider} crossProviderNamespaces: only these namespaces may reference other providers
      </label>
      {list !== undefined && (
        <label>
          Namespaces allowed (comma-separated; empty: none)
          <input
            aria-label={`${provider} crossProviderNamespaces`}
            defaultValue={list.join(', ')}
            placeholder="none"
            onChange={(e) => onChange(e.target.value.split(',').map((s) => s.trim()).filter(Boolean))}
          />
        </label>
      )}
    </>
  );
}
