/**
 * Mirrors pkg/provider/kubernetes/crd/traefikio/v1alpha1/ingressroute.go (IngressRouteSpec, Route,
 * TLS) and the two IngressRoute reference pages (Traefik Proxy v3, Traefik Hub API Gateway).
 * Target differences built here; fields newer than v2.11 carry `since()` and are pruned by registry.ts.
 */
import type { TraefikTarget } from '../../types.ts';
import { type JsonSchema, bool, deprecated, int, list, obj, since, str, strList } from '../json-schema.ts';
import { middlewareRefs, serviceRef } from './load-balancer.ts';
import { objectRef, resource } from './meta.ts';

/** Traefik reserves the priorities above MaxInt64 - 1000 for its internal routers. */
export const MAX_PRIORITY_TEXT = '9223372036854774807';

const INHERITS = 'When unset, the setting of the entry point applies (on unless disabled there).';
const MATCH_HINT = 'add a rule such as ``match: Host(`example.com`)``';

function routeKind(target: TraefikTarget): JsonSchema {
  const s = str('Kind of matching of the route. `Rule` is the only kind.', {
    enum: ['Rule'],
    'x-missingHint': 'add `kind: Rule`',
  });
  // v3 defaults an empty kind to Rule; v2.11 skips a route without it; the Hub reference requires it.
  if (target === 'v3') s.default = 'Rule';
  return s;
}

function route(target: TraefikTarget): JsonSchema {
  const routeSchema = obj(
    'One HTTP router: a rule, the middlewares to apply and the services to send the matching requests to.',
    {
      match: str('The rule a request must satisfy to take this route, e.g. ``Host(`example.com`) && PathPrefix(`/api`)``.', {
        'x-missingHint': MATCH_HINT,
        examples: ['Host(`example.com`)', 'Host(`example.com`) && PathPrefix(`/api`)'],
      }),
      kind: routeKind(target),
      priority: int(
        'Priority of the route among the routers of the same entry points. When unset or 0, the length of the rule is used, so longer rules are tried first.',
        {
          default: 0,
          maximum: Number(MAX_PRIORITY_TEXT),
          'x-maximumText': MAX_PRIORITY_TEXT,
          'x-rangeHint': 'Traefik keeps the priorities above it for its internal routers',
        },
      ),
      syntax: since(
        '3.0',
        deprecated(
          'rewrite the rule in the v3 syntax and remove `syntax`',
          str('Rule syntax of this route: `v2` keeps the Traefik v2 matchers. Any other value means v3.', {
            enum: ['v3', 'v2'],
            'x-enumSeverity': 'warning',
          }),
        ),
      ),
      middlewares: middlewareRefs('to the requests of this route before they reach the services'),
      services: list(
        serviceRef(target, 'Where the route sends its traffic: a Kubernetes Service (or a TraefikService with `kind: TraefikService`).'),
        'Where the matching requests go: Kubernetes Services and/or TraefikServices. With several entries the traffic is shared by `weight`.',
      ),
      observability: {
        ...since(
          '3.3',
          obj('Turns access logs, metrics and tracing on or off for this route (when they are enabled globally).', {
            // No default: when unset the entry point setting applies, and that one is on unless turned off
            // (static ObservabilityConfig.SetDefaults). The v3 reference page says `false`.
            accessLogs: { ...bool(`Write access log lines for requests of this route. ${INHERITS}`), 'x-docName': 'accesslogs' },
            metrics: bool(`Record metrics for this route. ${INHERITS}`),
            tracing: bool(`Produce traces for this route. ${INHERITS}`),
            traceVerbosity: since('3.5', str('Amount of detail in the traces of this route.', { enum: ['minimal', 'detailed'], default: 'minimal' })),
          }),
        ),
        'x-hub': false,
      },
    },
    { required: target === 'v3' ? ['match'] : ['kind', 'match'] },
  );
  if (target === 'hub') routeSchema['x-requiredSeverity'] = { match: 'warning' };
  routeSchema.defaultSnippets = [
    {
      label: 'route',
      description: 'A route with a Host rule and one Service',
      body: { kind: 'Rule', match: 'Host(`${1:example.com}`)', services: [{ name: '${2:whoami}', port: '^${3:80}' }] },
    },
  ];
  return routeSchema;
}

function tls(): JsonSchema {
  return {
    ...obj(
      'Serves every route of this IngressRoute over HTTPS only. An empty `{}` is enough: Traefik then uses the default certificate (or a self-signed one).',
      {
        secretName: str('Kubernetes Secret (same namespace) holding the certificate in `tls.crt` and `tls.key`. It is added to the certificate store; the certificate served is chosen by SNI.'),
        options: objectRef('TLSOption', 'TLSOption resource with the TLS parameters (versions, ciphers, client authentication). Applied to the host names of the `Host` rules.', 'tls-option'),
        store: deprecated(
          'only the TLSStore named `default` exists; remove `store`',
          objectRef('TLSStore', 'TLSStore to put the certificate in. Traefik ignores it: only the `default` store is used.'),
        ),
        certResolver: str('Certificate resolver (from the static configuration, e.g. ACME) that obtains the certificates automatically.'),
        domains: list(
          obj(
            'One certificate request.',
            {
              main: str('Main domain of the certificate.'),
              sans: strList('Additional domains (subject alternative names) on the same certificate.', 'A domain name.'),
            },
            { required: ['main'] },
          ),
          'Domains the certificate resolver requests certificates for, one certificate per entry. Without it the domains come from the `Host` rules.',
        ),
      },
    ),
    'x-nullHint': 'write `tls: {}` to serve the routes over HTTPS with the default certificate, or remove the line',
  };
}

/**
 * The IngressRoute schema for one target.
 *
 * @example
 * forTarget(ingressRoute('hub'), 'hub') // routes[].kind required, no observability
 */
export function ingressRoute(target: TraefikTarget): JsonSchema {
  const s = resource('IngressRoute', 'A Traefik HTTP router definition: entry points, routes and TLS.', {
    spec: obj(
      'What the IngressRoute routes.',
      {
        entryPoints: strList(
          'Entry points (from the static configuration) the routes listen on. When empty, the default entry points are used.',
          'Name of an entry point, e.g. `web` or `websecure`.',
        ),
        routes: list(route(target), 'The routes of this IngressRoute; each becomes one router.', {
          'x-missingHint': 'add at least one route with a `match` rule and services',
        }),
        tls: tls(),
        parentRefs: since(
          '3.6',
          list(
            objectRef('IngressRoute', 'A parent IngressRoute whose routers this one refines.', 'forbidden'),
            'Parent IngressRoutes: the routes here are then only tried for requests that matched a parent route (multi-layer routing).',
          ),
        ),
        ingressClassName: since('3.7', str('Ingress class of this IngressRoute; a Traefik configured with an ingress class only reads matching resources.')),
      },
      { required: ['routes'] },
    ),
  }, { required: ['spec'] });
  s.defaultSnippets = [
    {
      label: 'IngressRoute',
      description: 'An IngressRoute with one route',
      body: {
        apiVersion: 'traefik.io/v1alpha1',
        kind: 'IngressRoute',
        metadata: { name: '${1:my-app}', namespace: '${2:default}' },
        spec: {
          entryPoints: ['${3:websecure}'],
          routes: [{ kind: 'Rule', match: 'Host(`${4:example.com}`)', services: [{ name: '${5:my-app}', port: '^${6:80}' }] }],
        },
      },
    },
  ];
  return s;
}
