import type { CodeInfo } from '../types.ts';

/** Diagnostics of Traefik's Kubernetes Ingress providers (kubernetesIngress, kubernetesIngressNGINX). */
export const INGRESS_CODES = {
  INGRESS_CLASS_SKIPPED: { severity: 'info', family: 'runtime', summary: 'The Ingress is not processed by this provider because of its ingress class.' },
  INGRESS_NOT_WATCHED: { severity: 'info', family: 'runtime', summary: 'The Ingress is outside the provider’s namespaces or label selector.' },
  INGRESS_ANNOTATION_INVALID: { severity: 'error', family: 'runtime', summary: 'An annotation cannot be decoded: Traefik skips the whole Ingress.' },
  INGRESS_PATH_SKIPPED: { severity: 'error', family: 'runtime', summary: 'Traefik creates no router for this path.' },
  INGRESS_DEFAULT_BACKEND_SKIPPED: { severity: 'error', family: 'runtime', summary: 'Traefik ignores this default backend.' },
  INGRESS_NO_ROUTER: { severity: 'warning', family: 'runtime', summary: 'This rule has no http paths: it creates no router.' },
  INGRESS_ROUTER_HASHED: { severity: 'info', family: 'runtime', summary: 'Several paths share a router key: each name gets a hash of its rule.' },
  INGRESS_CROSS_PROVIDER: { severity: 'error', family: 'reference', summary: 'A Middleware, TLS option or serversTransport annotation from a namespace not in crossProviderNamespaces: Traefik skips the Ingress or the service.' },
  INGRESS_MIDDLEWARE_NOT_FOUND: { severity: 'error', family: 'reference', summary: 'A middleware named in an annotation does not exist; the router fails.' },
  INGRESS_TLS_OPTION_NOT_FOUND: { severity: 'error', family: 'reference', summary: 'A TLS option named in an annotation does not exist; the router fails.' },
  INGRESS_NO_TLS_ROUTER: { severity: 'info', family: 'runtime', summary: 'spec.tls only loads certificates: routers get TLS from the router.tls annotation.' },
  INGRESS_ANNOTATION_IGNORED: { severity: 'warning', family: 'runtime', summary: 'Traefik ignores this annotation.' },
  INGRESS_ANNOTATION_NOT_SIMULATED: { severity: 'info', family: 'runtime', summary: 'Traefik applies this annotation; the studio does not model it yet.' },
  INGRESS_SNIPPET_UNSUPPORTED: { severity: 'warning', family: 'runtime', summary: 'Snippet annotations are not supported by Traefik.' },
} as const satisfies Record<string, CodeInfo>;

export type IngressCode = keyof typeof INGRESS_CODES;
