/**
 * The Kubernetes kinds Traefik reads next to its CRDs: Service (core/v1), Secret (core/v1) and
 * EndpointSlice (discovery.k8s.io/v1). Every field of the upstream types is listed so that
 * `kubectl get -o yaml` output validates; the ones Traefik does not read are described briefly.
 */
import { type JsonSchema, bool, int, intOrString, list, map, obj, str, strList } from '../json-schema.ts';
import { resource } from './meta.ts';

const loose = (description: string): JsonSchema => ({ type: 'object', description });
const strMap = (description: string): JsonSchema => map({ type: 'string', description: 'A string value.' }, description);
const PROTOCOL = (): JsonSchema => str('Transport protocol of the port.', { enum: ['TCP', 'UDP', 'SCTP'], default: 'TCP' });
const TRAFFIC_POLICY = ['Cluster', 'Local'];

/**
 * The core/v1 Service schema.
 *
 * @example
 * schemaFor('Service', 'v3') // built from service()
 */
export function service(): JsonSchema {
  return resource(
    'Service',
    'A Kubernetes Service: a stable name and ports in front of a set of pods. IngressRoutes reference it by name and port.',
    {
      spec: obj('The ports and the pods of the Service.', {
        ports: list(
          obj(
            'One port of the Service.',
            {
              name: str('Port name; IngressRoutes may refer to the port by this name, and EndpointSlice ports are matched by it.'),
              protocol: PROTOCOL(),
              appProtocol: str('Application protocol hint, e.g. `http`, `https`, `kubernetes.io/h2c`.'),
              port: int('Port number of the Service (what an IngressRoute `port` must equal).', { minimum: 1, maximum: 65535 }),
              targetPort: intOrString('Port (number or container port name) on the pods; defaults to `port`.'),
              nodePort: int('Port opened on every node for NodePort and LoadBalancer Services.', { minimum: 1, maximum: 65535 }),
            },
            { required: ['port'] },
          ),
          'Ports exposed by the Service.',
        ),
        selector: strMap('Labels selecting the pods behind the Service.'),
        clusterIP: str('Virtual IP of the Service; `None` makes a headless Service (no cluster IP, so no `nativeLB`).'),
        clusterIPs: strList('Cluster IPs, one per IP family.', 'An IP address.'),
        type: str('How the Service is exposed. Traefik needs `ExternalName` Services to be allowed explicitly.', {
          enum: ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'],
          default: 'ClusterIP',
        }),
        externalName: str('DNS name the Service points to, for `type: ExternalName`.'),
        externalIPs: strList('Extra IPs on which the cluster accepts traffic for the Service.', 'An IP address.'),
        sessionAffinity: str('Client affinity of kube-proxy.', { enum: ['None', 'ClientIP'], default: 'None' }),
        sessionAffinityConfig: loose('Settings of the session affinity.'),
        loadBalancerIP: str('Requested load balancer IP (deprecated by Kubernetes).'),
        loadBalancerSourceRanges: strList('Client ranges allowed by the cloud load balancer.', 'A CIDR range.'),
        loadBalancerClass: str('Load balancer implementation to use.'),
        externalTrafficPolicy: str('Whether external traffic may leave the node it arrived on.', { enum: TRAFFIC_POLICY }),
        internalTrafficPolicy: str('Whether cluster-internal traffic may leave the node it arrived on.', { enum: TRAFFIC_POLICY }),
        healthCheckNodePort: int('Node port for load balancer health checks.'),
        publishNotReadyAddresses: bool('List pods as endpoints even before they are ready.', false),
        ipFamilies: list({ type: 'string', enum: ['IPv4', 'IPv6'], description: 'An IP family.' }, 'IP families of the Service.'),
        ipFamilyPolicy: str('Single or dual stack.', { enum: ['SingleStack', 'PreferDualStack', 'RequireDualStack'] }),
        allocateLoadBalancerNodePorts: bool('Allocate node ports for a LoadBalancer Service.', true),
        trafficDistribution: str('Preference for routing traffic to nearby endpoints, e.g. `PreferClose`.'),
      }),
      status: loose('State reported by the cluster; ignored here.'),
    },
    { nameRule: 'dns1035' },
  );
}

/**
 * The core/v1 Secret schema.
 *
 * @example
 * schemaFor('Secret', 'v3') // built from secret()
 */
export function secret(): JsonSchema {
  return resource('Secret', 'A Kubernetes Secret: certificates for TLS, users for basicAuth, credentials.', {
    type: str('Kind of Secret; TLS certificates use `kubernetes.io/tls` with `tls.crt` and `tls.key`.', {
      default: 'Opaque',
      examples: ['Opaque', 'kubernetes.io/tls'],
    }),
    data: map(
      { type: 'string', description: 'Base64-encoded value.', pattern: '^[A-Za-z0-9+/\\s]*={0,2}\\s*$', 'x-patternHint': 'base64 text (use `stringData` for plain text)' },
      'Values encoded in base64, by key (e.g. `tls.crt`, `tls.key`, `users`).',
    ),
    stringData: strMap('Plain-text values, by key; the API server encodes them into `data`.'),
    immutable: bool('Forbid changes to the data after creation.', false),
  });
}

/**
 * The discovery.k8s.io/v1 EndpointSlice schema.
 *
 * @example
 * schemaFor('EndpointSlice', 'v3') // built from endpointSlice()
 */
export function endpointSlice(): JsonSchema {
  return resource(
    'EndpointSlice',
    'Addresses of the pods behind a Service (label `kubernetes.io/service-name`). Traefik reads them to find the servers.',
    {
      addressType: str('Kind of the addresses in this slice.', { enum: ['IPv4', 'IPv6', 'FQDN'] }),
      endpoints: list(
        obj(
          'One endpoint (usually a pod).',
          {
            addresses: strList('Addresses of the endpoint; Traefik uses each of them.', 'An IP address or a name.'),
            conditions: obj('Readiness of the endpoint.', {
              ready: bool('The endpoint is ready for traffic.'),
              serving: bool('The endpoint can serve traffic (even while terminating). Traefik skips endpoints with `serving: false`.'),
              terminating: bool('The endpoint is shutting down; Traefik keeps it only for existing sessions.'),
            }),
            hostname: str('Host name of the endpoint.'),
            targetRef: loose('The object (pod) behind the endpoint.'),
            nodeName: str('Node hosting the endpoint.'),
            zone: str('Zone of the endpoint.'),
            hints: loose('Topology hints.'),
            deprecatedTopology: strMap('Old topology labels.'),
          },
          { required: ['addresses'] },
        ),
        'The endpoints of the slice.',
      ),
      ports: list(
        obj('One port of the endpoints.', {
          name: str('Port name; Traefik matches it with the name of the Service port.'),
          port: int('Port number on the endpoints.', { minimum: 1, maximum: 65535 }),
          protocol: PROTOCOL(),
          appProtocol: str('Application protocol hint.'),
        }),
        'Ports of the endpoints.',
      ),
    },
    { required: ['addressType', 'endpoints'] },
  );
}

/**
 * The core/v1 ConfigMap schema (Traefik reads CA certificates from `tls.ca` or `ca.crt` of one).
 *
 * @example
 * schemaFor('ConfigMap', 'v3') // built from configMap()
 */
export function configMap(): JsonSchema {
  return resource('ConfigMap', 'A Kubernetes ConfigMap: ServersTransport rootCAs read a CA certificate from its `tls.ca` or `ca.crt`.', {
    data: strMap('Plain-text values, by key (e.g. `ca.crt`).'),
    binaryData: map({ type: 'string', description: 'Base64-encoded value.' }, 'Binary values encoded in base64, by key.'),
    immutable: bool('Forbid changes to the data after creation.', false),
  });
}

/**
 * The core/v1 Node schema, as far as Traefik reads it: nodePortLB servers are each Node's InternalIP.
 *
 * @example
 * schemaFor('Node', 'v3') // built from node()
 */
export function node(): JsonSchema {
  return resource('Node', 'A Kubernetes Node (cluster-scoped): with nodePortLB, Traefik sends traffic to the nodePort on each Node\'s InternalIP.', {
    spec: loose('The Node spec; Traefik does not read it.'),
    status: obj('What the kubelet reports.', {
      addresses: list(
        obj('One address of the Node.', {
          type: str('Kind of address; Traefik uses InternalIP.', { examples: ['InternalIP', 'ExternalIP', 'Hostname'] }),
          address: str('The address.'),
        }),
        'Addresses of the Node.',
      ),
    }),
  });
}
