/**
 * The kinds the analysis reads and the API groups that serve them. Traefik's CRDs live in
 * `traefik.io/v1alpha1` and, before v3, in the legacy `traefik.containo.us/v1alpha1` (both are
 * recognised here; whether the selected Traefik version still watches the legacy group is for the
 * provider to say). Mirrors the kinds registered in Traefik's pkg/provider/kubernetes/crd
 * (traefikio/v1alpha1/register.go) plus the core kinds the provider reads.
 */
import type { KubernetesKind, ResourceKind, TraefikKind } from '../types.ts';

export const TRAEFIK_API_VERSIONS = ['traefik.io/v1alpha1', 'traefik.containo.us/v1alpha1'] as const;

const TRAEFIK_KINDS: ReadonlySet<string> = new Set<TraefikKind>([
  'IngressRoute',
  'Middleware',
  'TraefikService',
  'TLSOption',
  'TLSStore',
  'ServersTransport',
  'IngressRouteTCP',
  'IngressRouteUDP',
  'MiddlewareTCP',
  'ServersTransportTCP',
]);

const KUBERNETES_KINDS: Readonly<Record<KubernetesKind, string>> = {
  Service: 'v1',
  Secret: 'v1',
  EndpointSlice: 'discovery.k8s.io/v1',
  // Read by Traefik's Kubernetes Ingress providers (kubernetesIngress, kubernetesIngressNGINX).
  Ingress: 'networking.k8s.io/v1',
  IngressClass: 'networking.k8s.io/v1',
  ConfigMap: 'v1',
  Node: 'v1',
};

export type KindClass =
  | { type: 'known'; kind: ResourceKind }
  | { type: 'wrong-api-version'; kind: ResourceKind; expected: string }
  | { type: 'unknown' };

/**
 * Sorts an object's apiVersion/kind into one the analysis reads, a known kind under the wrong API
 * version, or something else.
 *
 * @example
 * classifyKind('traefik.containo.us/v1alpha1', 'Middleware'); // { type: 'known', kind: 'Middleware' }
 * classifyKind('networking.k8s.io/v1', 'IngressRoute'); // { type: 'wrong-api-version', …, expected: 'traefik.io/v1alpha1' }
 * classifyKind('apps/v1', 'Deployment'); // { type: 'unknown' }
 */
export function classifyKind(apiVersion: string, kind: string): KindClass {
  if (TRAEFIK_KINDS.has(kind)) {
    const k = kind as TraefikKind;
    return (TRAEFIK_API_VERSIONS as readonly string[]).includes(apiVersion)
      ? { type: 'known', kind: k }
      : { type: 'wrong-api-version', kind: k, expected: TRAEFIK_API_VERSIONS[0] };
  }
  if (Object.prototype.hasOwnProperty.call(KUBERNETES_KINDS, kind)) {
    const k = kind as KubernetesKind;
    const expected = KUBERNETES_KINDS[k];
    return apiVersion === expected ? { type: 'known', kind: k } : { type: 'wrong-api-version', kind: k, expected };
  }
  return { type: 'unknown' };
}

/**
 * True for list kinds whose `items` are objects (`List`, `IngressRouteList`, `ServiceList`…).
 *
 * @example
 * isListKind('IngressRouteList'); // true
 * isListKind('IngressRoute'); // false
 */
export function isListKind(kind: string): boolean {
  return kind === 'List' || (kind.endsWith('List') && kind.length > 4);
}
