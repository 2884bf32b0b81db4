/**
 * Mirrors `LoadBalancerSpec` of pkg/provider/kubernetes/crd/traefikio/v1alpha1/ingressroute.go: a
 * reference to a Kubernetes Service or a TraefikService, shared by IngressRoute routes, TraefikService
 * children and the errors middleware. Versions in `since()` come from the CRD of each Traefik branch.
 */
import type { TraefikTarget } from '../../types.ts';
import { type JsonSchema, bool, duration, int, intOrString, list, map, obj, since, str } from '../json-schema.ts';
import { objectRef } from './meta.ts';

/**
 * A reference to a Middleware from a route or a service.
 *
 * @example
 * middlewareRefs('to the requests of this route')
 */
export function middlewareRefs(where: string): JsonSchema {
  return list(
    objectRef('Middleware', 'A Middleware to apply, by name and optional namespace.', 'middleware'),
    `Middlewares applied ${where}, in the order listed. Each entry names a Middleware resource.`,
  );
}

/**
 * Sticky sessions through a cookie (dynamic.Sticky).
 *
 * @example
 * obj('A weighted service.', { sticky: sticky() })
 */
export function sticky(): JsonSchema {
  return obj('Keeps a client on the same backend by setting a cookie on the first response.', {
    cookie: obj('The cookie that carries the choice of backend.', {
      name: str('Cookie name. When empty, Traefik derives one from the service name (an underscore followed by a short hash).'),
      secure: bool('Send the cookie only over HTTPS.', false),
      httpOnly: bool('Hide the cookie from JavaScript in the browser (the `HttpOnly` attribute).', false),
      sameSite: str('The `SameSite` attribute of the cookie.', { enum: ['none', 'lax', 'strict', 'None', 'Lax', 'Strict'] }),
      maxAge: since('3.0', int('Lifetime in seconds: 0 keeps the cookie for the browser session, a negative value expires it at once.', { default: 0 })),
      path: since('3.3', str('Path attribute of the cookie.', { default: '/' })),
      domain: since('3.4', str('Domain attribute of the cookie.')),
    }),
  });
}

function strategy(target: TraefikTarget): JsonSchema {
  if (target !== 'v3') {
    // v2.11 knows only round robin; the Hub reference lists RoundRobin as its only value.
    return str('How requests are spread over the servers of the Service. Round robin is the only strategy here.', {
      enum: ['RoundRobin'],
      default: 'RoundRobin',
    });
  }
  return str(
    'How requests are spread over the servers: `wrr` weighted round robin, `p2c` power of two choices, `hrw` highest random weight, `leasttime` least response time. `RoundRobin` is the old spelling of `wrr`.',
    {
      enum: ['wrr', 'p2c', 'hrw', 'leasttime', 'RoundRobin'],
      default: 'wrr',
      'x-deprecatedValues': { RoundRobin: 'Traefik v3 reads `RoundRobin` as `wrr` and logs a deprecation warning; write `wrr`' },
    },
  );
}

function healthCheck(target: TraefikTarget): JsonSchema {
  return obj('Active health checks. Traefik accepts them only for Services of type ExternalName (it has no probes of its own for those).', {
    scheme: str('Scheme used for the health check request instead of the server URL scheme.'),
    mode: str('Protocol of the check: `http`, or `grpc` for the gRPC health checking protocol.', { default: 'http', examples: ['http', 'grpc'] }),
    path: str('Path requested on the server to check its health.', { examples: ['/health'] }),
    method: str('HTTP method of the health check request.', { default: 'GET' }),
    status: int('Status code the server must answer. When unset, any status from 200 to 399 counts as healthy.', { minimum: 100, maximum: 599 }),
    port: int('Port to probe instead of the server port.', { minimum: 1, maximum: 65535 }),
    // The Hub reference gives 100ms; Traefik Proxy's code defaults to 30s.
    interval: duration('Time between two checks of a healthy server.', target === 'hub' ? '100ms' : '30s'),
    unhealthyInterval: since('3.5', duration('Time between two checks of a server marked unhealthy; `interval` when unset.')),
    timeout: duration('How long to wait for the answer before marking the server unhealthy.', '5s'),
    hostname: str('Host header sent with the health check request.'),
    followRedirects: {
      ...bool('Follow redirections returned by the health check endpoint.', true),
      'x-docName': 'followRedirect',
    },
    headers: map({ type: 'string', description: 'Header value.' }, 'Extra headers sent with each health check request.'),
  });
}

/**
 * The properties of a LoadBalancerSpec (without `name`'s `required`, which `serviceRef` adds).
 *
 * @example
 * obj('Mirroring.', { ...loadBalancerProps('v3'), mirrorBody: bool('Copy the body.') })
 */
export function loadBalancerProps(target: TraefikTarget): Record<string, JsonSchema> {
  return {
    name: str('Name of the Kubernetes Service or TraefikService to send the traffic to (see `kind`).', { 'x-at': 'service' }),
    kind: str('Whether `name` points to a Kubernetes `Service` (the default) or to a `TraefikService`.', {
      enum: ['Service', 'TraefikService'],
      default: 'Service',
    }),
    namespace: str('Namespace of the referenced service; defaults to the namespace of the referring resource.'),
    port: intOrString('Port of the Kubernetes Service: its number (as in `spec.ports[].port`) or its name. Only for `kind: Service`.', {
      'x-typeHint': 'a port number or a port name string',
      'x-portName': true,
    }),
    scheme: str(
      'Scheme Traefik uses to reach the servers. When unset: `https` if the Service port is 443 or its name starts with `https`, otherwise `http`. Only for `kind: Service`.',
      { enum: ['http', 'https', 'h2c'], default: 'http' },
    ),
    strategy: strategy(target),
    passHostHeader: bool('Forward the Host header of the client request to the servers (otherwise the server address is used). Only for `kind: Service`.', true),
    responseForwarding: obj('How the response body is streamed back to the client. Only for `kind: Service`.', {
      flushInterval: str(
        'Interval between flushes of the buffered response body to the client. A negative value flushes after every write; streaming responses are always flushed at once.',
        { default: '100ms' },
      ),
    }),
    serversTransport: str('Name of a ServersTransport resource that tunes the connection from Traefik to the servers. Only for `kind: Service`.'),
    sticky: sticky(),
    weight: int('Share of the traffic for this entry when a route or a weighted TraefikService lists several services; 0 takes it out of rotation.', {
      minimum: 0,
      'x-rangeHint': 'weights cannot be negative',
    }),
    nativeLB: bool('Send the traffic to the Service cluster IP and let Kubernetes balance it, instead of to each endpoint. Only for `kind: Service`.', false),
    nodePortLB: since(
      '3.1',
      bool('For a NodePort Service, send the traffic to the node addresses on the node port: useful when Traefik runs outside the cluster but in the nodes network. Only for `kind: Service`.', false),
    ),
    healthCheck: since('3.1', healthCheck(target)),
    passiveHealthCheck: since(
      '3.6',
      obj('Marks a server unhealthy from failures of real traffic (ExternalName Services only).', {
        failureWindow: intOrString('Window in which the failures must happen, and how long the server then stays out of rotation.'),
        maxFailedAttempts: int('Number of failed attempts within the window that marks the server unhealthy.', { minimum: 0 }),
      }),
    ),
    middlewares: since('3.7', middlewareRefs('to the traffic of this service only, after the route middlewares')),
  };
}

/**
 * A complete service reference (name required); `extra` adds kind-specific fields (percent, …).
 *
 * @example
 * serviceRef('v3', 'A mirror.', { percent: int('Share copied.') })
 */
export function serviceRef(target: TraefikTarget, description: string, extra: Record<string, JsonSchema> = {}): JsonSchema {
  return obj(description, { ...loadBalancerProps(target), ...extra }, { required: ['name'] });
}
