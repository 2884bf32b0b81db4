/**
 * Authentication middlewares: basicAuth, digestAuth, forwardAuth, passTLSClientCert.
 * Mirrors BasicAuth, DigestAuth, ForwardAuth, ClientTLSWithCAOptional of
 * pkg/provider/kubernetes/crd/traefikio/v1alpha1/middleware.go and PassTLSClientCert of
 * pkg/config/dynamic/middlewares.go.
 */
import { type JsonSchema, bool, deprecated, int, obj, since, str, strList } from '../json-schema.ts';

function userAuth(what: string, format: string): JsonSchema {
  return obj(
    `Asks the client for a user name and password (${what}) and rejects unknown users with 401.`,
    {
      secret: str(`Kubernetes Secret (same namespace) holding the users, one per line in its \`users\` key, as ${format}.`),
      realm: str('Realm announced to the client in the authentication challenge.', { default: 'traefik' }),
      removeHeader: bool('Remove the `Authorization` header before forwarding the request.', false),
      headerField: str('Request header in which to pass the authenticated user name to the service, e.g. `X-WebAuth-User`.'),
    },
    { defaultSnippets: [{ label: what, body: { secret: '${1:users}' } }] },
  );
}

function certFields(which: 'subject' | 'issuer'): JsonSchema {
  const props: Record<string, JsonSchema> = {
    country: bool(`Include the country (C) of the ${which}.`, false),
    province: bool(`Include the state or province (ST) of the ${which}.`, false),
    locality: bool(`Include the locality (L) of the ${which}.`, false),
    organization: bool(`Include the organization (O) of the ${which}.`, false),
    commonName: bool(`Include the common name (CN) of the ${which}.`, false),
    serialNumber: bool(`Include the serial number attribute of the ${which}.`, false),
    domainComponent: bool(`Include the domain components (DC) of the ${which}.`, false),
  };
  if (which === 'subject') props['organizationalUnit'] = bool('Include the organizational unit (OU) of the subject.', false);
  return obj(`Which parts of the certificate ${which} to pass.`, props);
}

/**
 * basicAuth, digestAuth, forwardAuth and passTLSClientCert, by type key.
 *
 * @example
 * obj('Middleware spec.', { ...authMiddlewares() })
 */
export function authMiddlewares(): Record<string, JsonSchema> {
  return {
    basicAuth: userAuth('basicAuth', '`name:hashed-password` (htpasswd format)'),
    digestAuth: userAuth('digestAuth', '`name:realm:hashed-password` (htdigest format)'),
    forwardAuth: obj(
      'Sends a copy of each request to an authentication server first; a 2xx answer lets the request through, any other answer is returned to the client.',
      {
        address: str('URL of the authentication server.', { examples: ['http://auth.default.svc:8080/verify'] }),
        trustForwardHeader: deprecated(
          'trust the forwarded headers at the entry point (`forwardedHeaders.trustedIPs`) instead',
          bool('Pass on the `X-Forwarded-*` headers received from the client.', false),
        ),
        authResponseHeaders: strList('Headers copied from the authentication answer onto the forwarded request (replacing same-named ones).', 'A header name.'),
        authResponseHeadersRegex: str('Regular expression of the headers copied from the authentication answer onto the forwarded request.'),
        authRequestHeaders: strList('Headers of the request sent to the authentication server. When empty, all are sent.', 'A header name.'),
        tls: obj('TLS settings for the connection to the authentication server.', {
          caSecret: str('Secret holding the CA that signs the server certificate (key `tls.ca` or `ca.crt`).'),
          certSecret: str('Secret holding a client certificate (`tls.crt` and `tls.key`) for mutual TLS.'),
          insecureSkipVerify: bool('Accept any server certificate without checking it.', false),
          caOptional: deprecated('remove it: client authentication is configured on the server side', bool('Do not require the CA.', false)),
        }),
        maxResponseBodySize: int('Largest body, in bytes, accepted in the authentication answer; larger answers fail. Negative means no limit.'),
        addAuthCookiesToResponse: since('3.0', strList('Cookies copied from the authentication answer onto the response to the client.', 'A cookie name.')),
        headerField: since('3.3', str('Request header in which to pass the authenticated user name to the service.')),
        forwardBody: since('3.3', bool('Send the request body to the authentication server too.', false)),
        maxBodySize: since('3.3', int('Largest request body, in bytes, sent to the authentication server when `forwardBody` is on; -1 for no limit.', { default: -1 })),
        preserveLocationHeader: since('3.3', bool('Return the `Location` header of the authentication answer unchanged instead of making it absolute.', false)),
        preserveRequestMethod: since('3.4', bool('Use the original request method for the call to the authentication server instead of GET.', false)),
        authSigninURL: since('3.7', str('Where to redirect the client when the authentication server answers 401.')),
      },
      { defaultSnippets: [{ label: 'forwardAuth', body: { address: '${1:http://auth.default.svc/verify}', authResponseHeaders: ['X-Auth-User'] } }] },
    ),
    passTLSClientCert: obj('Passes the client certificate of mutual TLS to the service in request headers.', {
      pem: bool('Put the whole certificate (PEM, without delimiters) in `X-Forwarded-Tls-Client-Cert`.', false),
      info: obj('Selected certificate details to put in `X-Forwarded-Tls-Client-Cert-Info`.', {
        notAfter: bool('Include the end of validity.', false),
        notBefore: bool('Include the start of validity.', false),
        sans: bool('Include the subject alternative names.', false),
        serialNumber: bool('Include the certificate serial number.', false),
        subject: certFields('subject'),
        issuer: certFields('issuer'),
      }),
    }),
  };
}
