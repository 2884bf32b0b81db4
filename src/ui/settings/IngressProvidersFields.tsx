import { ingressOptions, nginxOptions } from '../../core/ingress/options.ts';
import { CrossProviderField } from './CrossProviderField.tsx';
import type { IngressNginxProviderSettings, IngressProviderSettings, Settings } from '../../core/types.ts';

type IngressFlag = 'enabled' | 'allowExternalNameServices' | 'allowEmptyServices' | 'strictPrefixMatching' | 'disableIngressClassLookup' | 'disableClusterScopeResources';
type NginxFlag = 'enabled' | 'watchIngressWithoutClass' | 'ingressClassByName' | 'allowSnippetAnnotations' | 'disableSvcExternalName';

const INGRESS_FLAGS: { key: IngressFlag; label: string }[] = [
  { key: 'enabled', label: 'kubernetesIngress: read Ingresses of class traefik (or none) with the traefik.ingress.kubernetes.io annotations' },
  { key: 'allowExternalNameServices', label: 'allowExternalNameServices' },
  { key: 'allowEmptyServices', label: 'allowEmptyServices' },
  { key: 'strictPrefixMatching', label: 'strictPrefixMatching: Prefix paths match path elements (/v1 does not match /v12)' },
  { key: 'disableIngressClassLookup', label: 'disableIngressClassLookup: IngressClasses are not read' },
  { key: 'disableClusterScopeResources', label: 'disableClusterScopeResources: neither IngressClasses nor Nodes are read' },
];

const NGINX_FLAGS: { key: NginxFlag; label: string }[] = [
  { key: 'enabled', label: 'kubernetesIngressNGINX (v3.5+): read Ingresses of class nginx with the nginx.ingress.kubernetes.io annotations' },
  { key: 'watchIngressWithoutClass', label: 'watchIngressWithoutClass' },
  { key: 'ingressClassByName', label: 'ingressClassByName' },
  { key: 'allowSnippetAnnotations', label: 'allowSnippetAnnotations' },
  { key: 'disableSvcExternalName', label: 'disableSvcExternalName' },
];

/** The Settings dialog's section for Traefik's Kubernetes Ingress providers (providers.kubernetesIngress / kubernetesIngressNGINX). */
export function IngressProvidersFields({ draft, onChange }: { draft: Settings; onChange(next: Settings): void }) {
  const ing = ingressOptions(draft);
  const nginx = nginxOptions(draft);
  const setIngress = (patch: Partial<IngressProviderSettings>) => onChange({ ...draft, providers: { ...draft.providers, kubernetesIngress: { ...draft.providers?.kubernetesIngress, ...patch } } });
  const setNginx = (patch: Partial<IngressNginxProviderSettings>) => onChange({ ...draft, providers: { ...draft.providers, kubernetesIngressNGINX: { ...draft.providers?.kubernetesIngressNGINX, ...patch } } });
  return (
    <>
      <h3>Kubernetes Ingress providers</h3>
      <div className="checks">
        {INGRESS_FLAGS.map((f) => (
          <label key={`i-${f.key}`}>
            <input type="checkbox" checked={ing[f.key]} onChange={(e) => setIngress({ [f.key]: e.target.checked })} />
            {f.label}
          </label>
        ))}
        <CrossProviderField
          provider="kubernetesIngress"
          options={draft.providers?.kubernetesIngress ?? {}}
          onChange={(kubernetesIngress) => onChange({ ...draft, providers: { ...draft.providers, kubernetesIngress } })}
        />
        <label>
          kubernetesIngress ingressClass
          <input value={ing.ingressClass ?? ''} placeholder="(none: no class or traefik)" onChange={(e) => setIngress({ ingressClass: e.target.value || undefined })} />
        </label>
        <label>
          labelSelector
          <input value={ing.labelSelector ?? ''} placeholder="e.g. app=web" onChange={(e) => setIngress({ labelSelector: e.target.value || undefined })} />
        </label>
        {NGINX_FLAGS.map((f) => (
          <label key={`n-${f.key}`}>
            <input type="checkbox" checked={nginx[f.key]} onChange={(e) => setNginx({ [f.key]: e.target.checked })} />
            {f.label}
          </label>
        ))}
        <label>
          kubernetesIngressNGINX ingressClass
          <input value={draft.providers?.kubernetesIngressNGINX?.ingressClass ?? ''} placeholder="nginx" onChange={(e) => setNginx({ ingressClass: e.target.value || undefined })} />
        </label>
      </div>
    </>
  );
}
