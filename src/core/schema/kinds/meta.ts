/**
 * What every resource shares: apiVersion, kind and Kubernetes object metadata
 * (k8s.io/apimachinery ObjectMeta, the fields people write or paste from `kubectl get -o yaml`).
 */
import type { ResourceKind } from '../../types.ts';
import { type JsonSchema, int, list, map, obj, str, strList } from '../json-schema.ts';

export const TRAEFIK_API_VERSION = 'traefik.io/v1alpha1';
/** The API group Traefik v2 used; v2.11 still reads it (deprecated), v3 does not. */
export const LEGACY_API_VERSION = 'traefik.containo.us/v1alpha1';

/** The apiVersions each kind may carry. */
export const API_VERSIONS: Record<ResourceKind, readonly string[]> = {
  IngressRoute: [TRAEFIK_API_VERSION, LEGACY_API_VERSION],
  Middleware: [TRAEFIK_API_VERSION, LEGACY_API_VERSION],
  TraefikService: [TRAEFIK_API_VERSION, LEGACY_API_VERSION],
  TLSOption: [TRAEFIK_API_VERSION, LEGACY_API_VERSION],
  TLSStore: [TRAEFIK_API_VERSION, LEGACY_API_VERSION],
  ServersTransport: [TRAEFIK_API_VERSION, LEGACY_API_VERSION],
  IngressRouteTCP: [TRAEFIK_API_VERSION, LEGACY_API_VERSION],
  IngressRouteUDP: [TRAEFIK_API_VERSION, LEGACY_API_VERSION],
  MiddlewareTCP: [TRAEFIK_API_VERSION, LEGACY_API_VERSION],
  // Added with Traefik v3: never existed in the legacy group.
  ServersTransportTCP: [TRAEFIK_API_VERSION],
  Service: ['v1'],
  Secret: ['v1'],
  EndpointSlice: ['discovery.k8s.io/v1'],
  Ingress: ['networking.k8s.io/v1'],
  IngressClass: ['networking.k8s.io/v1'],
  ConfigMap: ['v1'],
  Node: ['v1'],
};

/** DNS-1123 subdomain: what Kubernetes accepts as most object names. */
export const DNS_SUBDOMAIN = '^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$';
/** DNS-1123 label: namespaces. */
export const DNS_LABEL = '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$';
/** DNS-1035 label: Service names (must start with a letter). */
export const DNS_1035_LABEL = '^[a-z]([-a-z0-9]*[a-z0-9])?$';

const SUBDOMAIN_HINT = 'lower-case letters, digits, `-` and `.`, starting and ending with a letter or a digit (at most 253 characters)';

/**
 * ObjectMeta; `nameRule` tightens the name pattern (Services use DNS-1035 labels).
 *
 * @example
 * metadata('Service', 'dns1035')
 */
export function metadata(kind: ResourceKind, nameRule: 'subdomain' | 'dns1035' = 'subdomain'): JsonSchema {
  const name =
    nameRule === 'dns1035'
      ? str(`Name of the ${kind}; other resources refer to it by this name together with the namespace.`, {
          pattern: DNS_1035_LABEL,
          maxLength: 63,
          'x-patternHint': 'lower-case letters, digits and `-`, starting with a letter and ending with a letter or a digit (at most 63 characters)',
        })
      : str(`Name of the ${kind}; references from other resources use this name together with the namespace.`, {
          pattern: DNS_SUBDOMAIN,
          maxLength: 253,
          'x-patternHint': SUBDOMAIN_HINT,
        });
  return obj(
    `Kubernetes object metadata of the ${kind}: its name, namespace, labels and annotations.`,
    {
      name,
      namespace: str('Namespace the object lives in. When left out, `kubectl apply` uses the current context namespace (usually `default`).', {
        pattern: DNS_LABEL,
        maxLength: 63,
        'x-patternHint': 'lower-case letters, digits and `-`, starting and ending with a letter or a digit (at most 63 characters)',
        examples: ['default'],
      }),
      generateName: str('Prefix from which the API server builds a unique name when `name` is empty (only with `kubectl create`).'),
      labels: map(
        { type: 'string', description: 'Label value (always a string: quote numbers and booleans).' },
        'Key/value labels used by selectors (for example a provider `labelSelector`).',
      ),
      annotations: map(
        { type: 'string', description: 'Annotation value (always a string: quote numbers and booleans).' },
        'Free-form key/value notes. Traefik reads `kubernetes.io/ingress.class` from here when `ingressClassName` is not set.',
      ),
      uid: str('Identifier assigned by the API server; read-only.'),
      resourceVersion: str('Version assigned by the API server for optimistic concurrency; read-only.'),
      generation: int('Generation counter maintained by the API server; read-only.'),
      creationTimestamp: { type: ['string', 'null'], description: 'When the object was created; set by the API server.' },
      deletionTimestamp: str('When the object is scheduled for deletion; set by the API server.'),
      deletionGracePeriodSeconds: int('Grace period before deletion; set by the API server.'),
      selfLink: str('Legacy URL of the object; no longer populated.'),
      finalizers: strList('Finalizers that must clear before the object is deleted.'),
      ownerReferences: list({ type: 'object', description: 'An owning object.' }, 'Objects this one depends on (garbage collection).'),
      managedFields: list({ type: 'object', description: 'One field manager entry.' }, 'Server-side apply bookkeeping; written by the API server.'),
    },
    { required: ['name'], 'x-requiredUnless': { name: 'generateName' } },
  );
}

/**
 * A whole resource: apiVersion, kind, metadata and the kind-specific top-level fields.
 *
 * @example
 * resource('TLSStore', 'The certificate store.', { spec: obj('Certificates.', {}) }, { required: ['spec'] })
 */
export function resource(
  kind: ResourceKind,
  description: string,
  top: Record<string, JsonSchema>,
  options: { required?: string[]; nameRule?: 'subdomain' | 'dns1035' } = {},
): JsonSchema {
  const versions = API_VERSIONS[kind];
  return obj(
    description,
    {
      apiVersion: str('API group and version of the object.', {
        enum: [...versions],
        default: versions[0],
        'x-deprecatedValues':
          versions.length > 1 ? { [LEGACY_API_VERSION]: `the \`${LEGACY_API_VERSION}\` group is Traefik v2's; use \`${TRAEFIK_API_VERSION}\`` } : {},
      }),
      kind: str('Kind of the object.', { enum: [kind], const: kind }),
      metadata: metadata(kind, options.nameRule),
      ...top,
    },
    { required: ['apiVersion', 'kind', 'metadata', ...(options.required ?? [])] },
  );
}

/**
 * A `{ name, namespace }` reference to another Traefik resource.
 *
 * @example
 * objectRef('TLSOption', 'TLS parameters to use.', 'tls-option')
 */
export function objectRef(what: string, description: string, at?: JsonSchema['x-at']): JsonSchema {
  const name = str(`Name of the referenced ${what}.`);
  if (at) name['x-at'] = at;
  return obj(
    description,
    {
      name,
      namespace: str(`Namespace of the referenced ${what}; defaults to the namespace of the referring resource.`),
    },
    { required: ['name'], 'x-typeHint': `a mapping with \`name\` (and optionally \`namespace\`) of the ${what}` },
  );
}
