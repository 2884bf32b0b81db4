/**
 * TLS kinds: TLSOption and TLSStore (server side), ServersTransport and ServersTransportTCP (how
 * Traefik connects to the backends). Mirrors traefikio/v1alpha1/tlsoption.go, tlsstore.go,
 * serverstransport.go and serverstransporttcp.go.
 */
import { type JsonSchema, bool, deprecated, duration, int, list, obj, since, str, strList } from '../json-schema.ts';
import { resource } from './meta.ts';

const TLS_VERSIONS = ['VersionTLS10', 'VersionTLS11', 'VersionTLS12', 'VersionTLS13'];

/**
 * The TLSOption schema.
 *
 * @example
 * schemaFor('TLSOption', 'v3')
 */
export function tlsOption(): JsonSchema {
  const s = resource(
    'TLSOption',
    'TLS parameters (versions, ciphers, client certificates) that IngressRoutes select with `tls.options`. One named `default` replaces the default options.',
    {
      spec: obj('The TLS parameters.', {
        minVersion: str('Oldest TLS version accepted. When unset, TLS 1.2 (Go default).', { enum: TLS_VERSIONS }),
        maxVersion: str('Newest TLS version accepted. When unset, the newest Go supports.', { enum: TLS_VERSIONS }),
        cipherSuites: strList('Cipher suites allowed for TLS 1.2 and older (TLS 1.3 suites are not configurable).', 'A Go cipher suite name, e.g. `TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256`.'),
        curvePreferences: strList('Elliptic curves for the key exchange, in order of preference.', 'A curve name, e.g. `X25519` or `CurveP256`.'),
        clientAuth: obj('Client certificate authentication (mutual TLS).', {
          secretNames: strList('Secrets holding the CA certificates that client certificates must be signed by.', 'A Secret name.'),
          clientAuthType: str('Whether a client certificate is requested, required and checked.', {
            enum: ['NoClientCert', 'RequestClientCert', 'RequireAnyClientCert', 'VerifyClientCertIfGiven', 'RequireAndVerifyClientCert'],
            default: 'NoClientCert',
          }),
        }),
        sniStrict: bool('Refuse TLS handshakes without a server name (SNI) matching a known certificate, instead of answering with the default certificate.', false),
        alpnProtocols: strList('Application protocols offered during the handshake, in order of preference.', 'A protocol, e.g. `h2`.', {
          default: ['h2', 'http/1.1', 'acme-tls/1'],
        }),
        disableSessionTickets: since('3.4', bool('Turn off TLS session resumption with session tickets.', false)),
        preferServerCipherSuites: deprecated('remove it: Go ignores it', bool('Let the server choose the cipher suite.', false)),
      }),
    },
    { required: ['spec'] },
  );
  s.defaultSnippets = [
    {
      label: 'TLSOption',
      description: 'TLS 1.2+ with strict SNI',
      body: {
        apiVersion: 'traefik.io/v1alpha1',
        kind: 'TLSOption',
        metadata: { name: '${1:modern}', namespace: '${2:default}' },
        spec: { minVersion: 'VersionTLS12', sniStrict: true },
      },
    },
  ];
  return s;
}

const secretRef = (description: string): JsonSchema =>
  obj(description, { secretName: str('Secret holding the certificate in `tls.crt` and `tls.key`.') }, { required: ['secretName'] });

/**
 * The TLSStore schema.
 *
 * @example
 * schemaFor('TLSStore', 'v3')
 */
export function tlsStore(): JsonSchema {
  return resource(
    'TLSStore',
    'The certificate store. Traefik only uses the store named `default`.',
    {
      spec: obj('Certificates of the store.', {
        defaultCertificate: secretRef('Certificate served when no other certificate matches the server name.'),
        defaultGeneratedCert: obj('Obtain the default certificate from a certificate resolver instead.', {
          resolver: str('Certificate resolver (from the static configuration) that provides the default certificate.'),
          domain: obj(
            'Domains of the generated default certificate.',
            { main: str('Main domain.'), sans: strList('Alternative domains.', 'A domain name.') },
            { required: ['main'] },
          ),
        }),
        certificates: list(secretRef('One certificate of the store.'), 'Additional certificates, chosen by server name (SNI).'),
      }),
    },
    { required: ['spec'] },
  );
}

function rootCAs(): JsonSchema {
  return since(
    '3.4',
    list(
      {
        ...obj('A CA certificate from a Secret or a ConfigMap (key `tls.ca` or `ca.crt`); set only one of the two.', {
          secret: str('Secret holding the CA certificate.'),
          configMap: str('ConfigMap holding the CA certificate.'),
        }),
        'x-atMostOne': { keys: ['secret', 'configMap'], message: 'RootCA cannot have both Secret and ConfigMap defined.' },
      },
      'CA certificates used to verify the server certificates.',
    ),
  );
}

function backendTLS(): Record<string, JsonSchema> {
  return {
    serverName: str('Server name (SNI) sent to the servers and checked against their certificates.'),
    insecureSkipVerify: bool('Accept any server certificate without checking it.', false),
    rootCAs: rootCAs(),
    rootCAsSecrets: deprecated('use `rootCAs`', strList('Secrets holding CA certificates for verifying the servers.', 'A Secret name.')),
    certificatesSecrets: strList('Secrets holding client certificates (`tls.crt`, `tls.key`) presented to the servers for mutual TLS.', 'A Secret name.'),
    peerCertURI: deprecated('use `peerCertSANs`', str('URI the server certificate must carry as a SAN.')),
    peerCertSANs: since(
      '3.8',
      list(
        obj('One subject alternative name.', {
          type: str('Kind of SAN, e.g. `DNS`, `IP` or `URI`.'),
          value: str('The expected value.'),
        }),
        'Subject alternative names the server certificate must carry.',
      ),
    ),
    spiffe: since(
      '3.0',
      obj('Use SPIFFE identities (from the static SPIFFE configuration) for mutual TLS with the servers.', {
        ids: strList('SPIFFE IDs accepted for the servers.', 'A SPIFFE ID, e.g. `spiffe://example.org/app`.'),
        trustDomain: str('SPIFFE trust domain accepted for the servers.'),
      }),
    ),
  };
}

/**
 * The ServersTransport schema.
 *
 * @example
 * schemaFor('ServersTransport', 'v3')
 */
export function serversTransport(): JsonSchema {
  return resource(
    'ServersTransport',
    'Connection settings from Traefik to HTTP servers, selected by a service with `serversTransport`.',
    {
      spec: obj('Transport settings.', {
        ...backendTLS(),
        cipherSuites: since('3.7', strList('Cipher suites allowed towards the servers.', 'A Go cipher suite name.')),
        minVersion: since('3.7', str('Oldest TLS version used towards the servers.', { enum: ['VersionTLS10', 'VersionTLS11', 'VersionTLS12', 'VersionTLS13'] })),
        maxVersion: since('3.7', str('Newest TLS version used towards the servers.', { enum: ['VersionTLS10', 'VersionTLS11', 'VersionTLS12', 'VersionTLS13'] })),
        maxIdleConnsPerHost: int('Idle keep-alive connections kept per server; -1 keeps none.', { minimum: -1, default: 200 }),
        forwardingTimeouts: obj('Timeouts of the requests forwarded to the servers.', {
          dialTimeout: duration('Time allowed to open a connection.', '30s'),
          responseHeaderTimeout: duration('Time allowed for the response headers once the request is sent; 0 means no limit.', '0s'),
          idleConnTimeout: duration('How long an idle keep-alive connection stays open.', '90s'),
          readIdleTimeout: duration('HTTP/2: send a ping when nothing was received for this long; 0 turns pings off.'),
          pingTimeout: duration('HTTP/2: close the connection when a ping gets no answer within this time.', '15s'),
        }),
        disableHTTP2: bool('Never use HTTP/2 towards the servers.', false),
      }),
    },
    { required: ['spec'] },
  );
}

/**
 * The ServersTransportTCP schema.
 *
 * @example
 * schemaFor('ServersTransportTCP', 'v3')
 */
export function serversTransportTCP(): JsonSchema {
  return resource(
    'ServersTransportTCP',
    'Connection settings from Traefik to TCP servers, selected by a TCP service with `serversTransport`.',
    {
      spec: obj('Transport settings.', {
        dialTimeout: duration('Time allowed to open a connection.', '30s'),
        dialKeepAlive: duration('Interval between TCP keep-alive probes; 0 uses the system default (15s), a negative value turns them off.', '15s'),
        terminationDelay: duration('After one side closes its writing half, how long to wait before closing the connection fully.', '100ms'),
        proxyProtocol: since(
          '3.5',
          obj('Send a PROXY protocol header to the servers.', {
            version: int('PROXY protocol version.', { minimum: 1, maximum: 2, default: 2 }),
          }),
        ),
        tls: obj('TLS towards the servers.', backendTLS()),
      }),
    },
    { required: ['spec'] },
  );
}
