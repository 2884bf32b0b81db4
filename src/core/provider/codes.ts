import type { CodeInfo } from '../types.ts';

/** Diagnostics of the CRD provider: what Traefik would skip, rename or refuse while building its configuration. */
export const PROVIDER_CODES = {
  PROVIDER_ROUTE_SKIPPED: { severity: 'error', family: 'runtime', summary: 'Traefik skips this route: no router is created for it.' },
  PROVIDER_ROUTE_KIND: { severity: 'error', family: 'runtime', summary: 'The route kind is not Rule; Traefik skips the route.' },
  PROVIDER_EMPTY_MATCH: { severity: 'error', family: 'runtime', summary: 'The route has no match rule; Traefik skips it.' },
  PROVIDER_RULE_INVALID: { severity: 'error', family: 'rule', summary: 'The rule does not parse; Traefik does not serve the router.' },
  PROVIDER_MIDDLEWARE_NOT_FOUND: { severity: 'error', family: 'reference', summary: 'A referenced Middleware is not defined; the router is not served.' },
  PROVIDER_MIDDLEWARE_EXTERNAL: { severity: 'info', family: 'reference', summary: 'A provider-qualified middleware is assumed to exist in that provider.' },
  PROVIDER_CROSS_NAMESPACE: { severity: 'error', family: 'reference', summary: 'A reference crosses namespaces while allowCrossNamespace is off.' },
  PROVIDER_SERVICE_NOT_FOUND: { severity: 'error', family: 'reference', summary: 'A referenced service is not defined.' },
  PROVIDER_SERVICE_ASSUMED: { severity: 'info', family: 'reference', summary: 'A Kubernetes Service not in the workspace is assumed to exist.' },
  PROVIDER_SERVICE_PORT: { severity: 'error', family: 'reference', summary: 'The service port does not exist on the Kubernetes Service.' },
  PROVIDER_SERVICE_KIND: { severity: 'error', family: 'reference', summary: 'The service kind is neither Service nor TraefikService.' },
  PROVIDER_SCHEME: { severity: 'error', family: 'reference', summary: 'The scheme is not http, https or h2c.' },
  PROVIDER_EXTERNAL_NAME: { severity: 'error', family: 'reference', summary: 'ExternalName Services need allowExternalNameServices.' },
  PROVIDER_EXTERNAL_NAME_PORT: { severity: 'warning', family: 'runtime', summary: 'The port is not listed on the ExternalName Service.' },
  PROVIDER_HEALTHCHECK_NOT_EXTERNAL: { severity: 'error', family: 'reference', summary: 'A health check is only allowed on ExternalName Services.' },
  PROVIDER_NO_ENDPOINTS: { severity: 'error', family: 'runtime', summary: 'The Service has no ready endpoints and allowEmptyServices is off.' },
  PROVIDER_TLS_OPTION_NOT_FOUND: { severity: 'error', family: 'reference', summary: 'The referenced TLSOption is not defined; the router is not served.' },
  PROVIDER_TLS_OPTION_DEFAULT_NAME: { severity: 'warning', family: 'runtime', summary: 'options.name: default resolves to <namespace>-default, not the global default.' },
  PROVIDER_TLS_OPTION_NAME: { severity: 'warning', family: 'runtime', summary: 'A TLSOption name with `.` or `_` can never be referenced.' },
  PROVIDER_TLS_DEFAULT_DUPLICATE: { severity: 'error', family: 'runtime', summary: 'Several namespaces define the TLSOption default: all are dropped.' },
  PROVIDER_TLS_CONFLICT: { severity: 'warning', family: 'runtime', summary: 'A host is served with different TLS options on one entryPoint.' },
  PROVIDER_SECRET_NOT_FOUND: { severity: 'info', family: 'reference', summary: 'The TLS Secret is not in the workspace.' },
  PROVIDER_SECRET_INVALID: { severity: 'warning', family: 'reference', summary: 'The TLS Secret has no readable certificate.' },
  PROVIDER_PRIORITY_TOO_HIGH: { severity: 'error', family: 'runtime', summary: 'The priority is above the maximum Traefik accepts; the router is not served.' },
  PROVIDER_ROUTER_COLLISION: { severity: 'warning', family: 'runtime', summary: 'Two routes of one IngressRoute have the same match: the last one wins.' },
  PROVIDER_CLASS_SKIPPED: { severity: 'info', family: 'runtime', summary: 'The IngressRoute is ignored because of its ingress class.' },
  PROVIDER_NAMESPACE_SKIPPED: { severity: 'info', family: 'runtime', summary: 'The IngressRoute namespace is not watched by the provider.' },
  PROVIDER_PARENT_NOT_FOUND: { severity: 'error', family: 'reference', summary: 'A parentRef does not resolve; the whole IngressRoute is skipped.' },
  PROVIDER_NO_SERVICE: { severity: 'error', family: 'runtime', summary: 'A router without service and without child routers is disabled.' },
  PROVIDER_MIDDLEWARE_TYPES: { severity: 'error', family: 'runtime', summary: 'A Middleware must set exactly one type; routers using it fail.' },
  PROVIDER_TRAEFIKSERVICE_TYPE: { severity: 'error', family: 'runtime', summary: 'A TraefikService must set exactly one of weighted, mirroring, failover, highestRandomWeight.' },
  PROVIDER_LEGACY_GROUP_IGNORED: { severity: 'warning', family: 'runtime', summary: 'Traefik v3 does not watch traefik.containo.us resources.' },
} as const satisfies Record<string, CodeInfo>;

export type ProviderCode = keyof typeof PROVIDER_CODES;
