/**
 * IngressRouteTCP and IngressRouteUDP. Mirrors traefikio/v1alpha1/ingressroutetcp.go and
 * ingressrouteudp.go (kept compact: the studio routes HTTP; these are validated, not simulated).
 */
import { type JsonSchema, bool, deprecated, int, intOrString, list, obj, since, str, strList } from '../json-schema.ts';
import { MAX_PRIORITY_TEXT } from './ingressroute.ts';
import { objectRef, resource } from './meta.ts';

function l4Service(extra: Record<string, JsonSchema>): JsonSchema {
  return obj(
    'A Kubernetes Service receiving the connections.',
    {
      name: str('Name of the Kubernetes Service.', { 'x-at': 'forbidden' }),
      namespace: str('Namespace of the Service; defaults to the namespace of the route.'),
      port: intOrString('Port of the Service: its number or its name.', { 'x-typeHint': 'a port number or a port name string', 'x-portName': true }),
      weight: int('Share of the connections when several services are listed.', { minimum: 0, 'x-rangeHint': 'weights cannot be negative' }),
      nativeLB: bool('Connect to the Service cluster IP instead of each endpoint.', false),
      nodePortLB: since('3.1', bool('For a NodePort Service, connect to the node addresses on the node port.', false)),
      ...extra,
    },
    { required: ['name', 'port'] },
  );
}

const entryPoints = (): JsonSchema => strList('Entry points the routes listen on. When empty, the default entry points.', 'Name of an entry point.');
const ingressClassName = (): JsonSchema => since('3.7', str('Ingress class of this resource.'));

/**
 * The IngressRouteTCP schema.
 *
 * @example
 * schemaFor('IngressRouteTCP', 'v3')
 */
export function ingressRouteTCP(): JsonSchema {
  return resource(
    'IngressRouteTCP',
    'A Traefik TCP router definition: connections are routed by SNI (`HostSNI`) or client IP.',
    {
      spec: obj(
        'What the IngressRouteTCP routes.',
        {
          entryPoints: entryPoints(),
          routes: list(
            obj(
              'One TCP router.',
              {
                match: str('The TCP rule, e.g. ``HostSNI(`db.example.com`)`` or ``HostSNI(`*`)``.', { 'x-missingHint': 'add a rule such as ``match: HostSNI(`*`)``' }),
                priority: int('Priority among the TCP routers; when 0, the rule length is used.', {
                  default: 0,
                  maximum: Number(MAX_PRIORITY_TEXT),
                  'x-maximumText': MAX_PRIORITY_TEXT,
                  'x-rangeHint': 'Traefik keeps the priorities above it for its internal routers',
                }),
                syntax: since('3.0', deprecated('rewrite the rule in the v3 syntax', str('Rule syntax of this route.', { enum: ['v3', 'v2'] }))),
                services: list(
                  l4Service({
                    terminationDelay: deprecated('set `terminationDelay` on a ServersTransportTCP', int('Milliseconds to wait before fully closing a half-closed connection.', { default: 100 })),
                    proxyProtocol: deprecated(
                      'set `proxyProtocol` on a ServersTransportTCP',
                      obj('Send a PROXY protocol header to the servers.', { version: int('PROXY protocol version.', { minimum: 1, maximum: 2 }) }),
                    ),
                    serversTransport: since('3.0', str('Name of a ServersTransportTCP resource for the connection to the servers.')),
                    tls: since('3.0', bool('Use TLS to connect to the servers.', false)),
                  }),
                  'Services receiving the connections.',
                ),
                middlewares: list(objectRef('MiddlewareTCP', 'A MiddlewareTCP to apply.', 'middleware'), 'TCP middlewares, in order.'),
              },
              { required: ['match'] },
            ),
            'The TCP routes.',
          ),
          tls: obj('TLS for the connections: terminated by Traefik, or passed through to the servers.', {
            secretName: str('Secret holding the certificate (`tls.crt`, `tls.key`).'),
            passthrough: bool('Do not terminate TLS: forward the encrypted connection to the servers.', false),
            options: objectRef('TLSOption', 'TLSOption with the TLS parameters.', 'tls-option'),
            store: deprecated('only the `default` TLSStore exists', objectRef('TLSStore', 'TLSStore for the certificate (ignored).')),
            certResolver: str('Certificate resolver that obtains the certificates.'),
            domains: list(
              obj('One certificate request.', { main: str('Main domain.'), sans: strList('Alternative domains.', 'A domain name.') }, { required: ['main'] }),
              'Domains to request certificates for.',
            ),
          }),
          ingressClassName: ingressClassName(),
        },
        { required: ['routes'] },
      ),
    },
    { required: ['spec'] },
  );
}

/**
 * The IngressRouteUDP schema.
 *
 * @example
 * schemaFor('IngressRouteUDP', 'v3')
 */
export function ingressRouteUDP(): JsonSchema {
  return resource(
    'IngressRouteUDP',
    'A Traefik UDP router definition: all datagrams of the entry points go to the services.',
    {
      spec: obj(
        'What the IngressRouteUDP routes.',
        {
          entryPoints: entryPoints(),
          routes: list(obj('One UDP router.', { services: list(l4Service({}), 'Services receiving the datagrams.') }), 'The UDP routes.'),
          ingressClassName: ingressClassName(),
        },
        { required: ['routes'] },
      ),
    },
    { required: ['spec'] },
  );
}
