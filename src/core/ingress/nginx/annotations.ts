// Mirrors pkg/provider/kubernetes/ingress-nginx/annotations.go (IngressConfig, parseIngressConfig, parseBackendProtocol).

export const NGINX_PREFIX = 'nginx.ingress.kubernetes.io/';

type Kind = 'string' | 'bool' | 'int' | 'list';

/**
 * The annotations Traefik's kubernetesIngressNGINX provider reads (IngressConfig's `annotation` tags),
 * by name after the prefix, with the Go type each is parsed into.
 */
export const NGINX_ANNOTATIONS = {
  'auth-type': 'string', 'auth-secret': 'string', 'auth-realm': 'string', 'auth-secret-type': 'string',
  'auth-url': 'string', 'auth-signin': 'string', 'auth-response-headers': 'string', 'auth-snippet': 'string', 'auth-method': 'string', 'enable-global-auth': 'bool',
  'auth-tls-secret': 'string', 'auth-tls-verify-client': 'string', 'auth-tls-pass-certificate-to-upstream': 'bool',
  'force-ssl-redirect': 'bool', 'ssl-redirect': 'bool', 'ssl-passthrough': 'bool',
  'use-regex': 'bool', 'rewrite-target': 'string', 'app-root': 'string',
  'permanent-redirect': 'string', 'permanent-redirect-code': 'int', 'temporal-redirect': 'string', 'temporal-redirect-code': 'int',
  'from-to-www-redirect': 'bool', 'server-alias': 'list',
  affinity: 'string', 'affinity-canary-behavior': 'string', 'session-cookie-name': 'string', 'session-cookie-secure': 'bool', 'session-cookie-path': 'string',
  'session-cookie-domain': 'string', 'session-cookie-samesite': 'string', 'session-cookie-max-age': 'int', 'session-cookie-expires': 'int',
  'service-upstream': 'bool', 'upstream-hash-by': 'string', 'backend-protocol': 'string',
  'proxy-ssl-secret': 'string', 'proxy-ssl-verify': 'string', 'proxy-ssl-name': 'string', 'proxy-ssl-server-name': 'string',
  'proxy-connect-timeout': 'int', 'proxy-read-timeout': 'int', 'proxy-send-timeout': 'int', 'proxy-next-upstream': 'string',
  'proxy-next-upstream-tries': 'int', 'proxy-next-upstream-timeout': 'int', 'proxy-http-version': 'string',
  'enable-cors': 'bool', 'cors-allow-credentials': 'bool', 'cors-expose-headers': 'list', 'cors-allow-headers': 'list', 'cors-allow-methods': 'list', 'cors-allow-origin': 'list', 'cors-max-age': 'int',
  'enable-access-log': 'bool', 'whitelist-source-range': 'string', 'allowlist-source-range': 'string',
  'limit-rpm': 'int', 'limit-rps': 'int', 'limit-burst-multiplier': 'int', 'limit-connections': 'int',
  'custom-headers': 'string', 'upstream-vhost': 'string', 'x-forwarded-prefix': 'string',
  'custom-http-errors': 'list', 'default-backend': 'string',
  'proxy-request-buffering': 'string', 'client-body-buffer-size': 'string', 'proxy-body-size': 'string',
  'proxy-buffering': 'string', 'proxy-buffer-size': 'string', 'proxy-buffers-number': 'int', 'proxy-max-temp-file-size': 'string',
  'configuration-snippet': 'string', 'server-snippet': 'string',
  canary: 'bool', 'canary-by-cookie': 'string', 'canary-by-header': 'string', 'canary-by-header-value': 'string', 'canary-by-header-pattern': 'string', 'canary-weight': 'int', 'canary-weight-total': 'int',
  'enable-modsecurity': 'bool', 'enable-owasp-core-rules': 'bool', 'modsecurity-transaction-id': 'string', 'modsecurity-snippet': 'string',
} as const satisfies Record<string, Kind>;

export type NginxAnnotation = keyof typeof NGINX_ANNOTATIONS;
type ValueOf<K extends Kind> = K extends 'bool' ? boolean : K extends 'int' ? number : K extends 'list' ? string[] : string;

/** IngressConfig: each annotation present, parsed as Traefik parses it. */
export type NginxConfig = { -readonly [K in NginxAnnotation]?: ValueOf<(typeof NGINX_ANNOTATIONS)[K]> };

/** What ingress-nginx offers that Traefik ignores, with Traefik's way where it has one. */
const INSTEAD: Record<string, string> = {
  'proxy-cookie-path': 'a headers Middleware cannot rewrite Set-Cookie paths; handle it in the application',
  'load-balance': 'Traefik balances round-robin (use upstream-hash-by, or a TraefikService, for other strategies)',
  'ssl-ciphers': 'a TLSOption (cipherSuites) referenced by the router',
  'ssl-prefer-server-ciphers': 'a TLSOption',
  'proxy-redirect-from': 'a redirectRegex Middleware',
  'proxy-redirect-to': 'a redirectRegex Middleware',
  'enable-opentelemetry': 'Traefik’s tracing (router.observability)',
  'enable-opentracing': 'Traefik’s tracing (router.observability)',
  'satisfy': 'chain the auth and allow-list Middlewares (both must pass in Traefik)',
  'mirror-target': 'a mirroring TraefikService',
  'mirror-uri': 'a mirroring TraefikService',
  'http2-push-preload': 'nothing: HTTP/2 push is gone from browsers',
  'connection-proxy-header': 'a headers Middleware (customRequestHeaders)',
  'preserve-trailing-slash': 'nothing: Traefik keeps the path as requested',
  'global-rate-limit': 'a rateLimit Middleware (per Traefik instance)',
};

/**
 * parseIngressConfig: reads the annotations Traefik knows. Booleans are `true` when the value equals
 * "true" ignoring case; an integer that does not parse is left unset; lists split on commas.
 * Also returns the other `nginx.ingress.kubernetes.io/*` annotations: Traefik ignores them.
 *
 * @example
 * parseNginxConfig({ 'nginx.ingress.kubernetes.io/ssl-redirect': 'False' }).config['ssl-redirect'] // false
 */
export function parseNginxConfig(annotations: Readonly<Record<string, string>>): { config: NginxConfig; ignored: { annotation: string; instead?: string }[]; badInts: string[] } {
  const config: Record<string, unknown> = {};
  const ignored: { annotation: string; instead?: string }[] = [];
  const badInts: string[] = [];
  for (const [key, value] of Object.entries(annotations)) {
    if (!key.startsWith(NGINX_PREFIX)) continue;
    const name = key.slice(NGINX_PREFIX.length);
    const kind = (NGINX_ANNOTATIONS as Record<string, Kind>)[name];
    if (!kind) {
      const instead = INSTEAD[name];
      ignored.push(instead ? { annotation: key, instead } : { annotation: key });
      continue;
    }
    if (kind === 'string') config[name] = value;
    else if (kind === 'bool') config[name] = value.toLowerCase() === 'true';
    else if (kind === 'list') config[name] = value.split(',').map((s) => s.trim());
    else if (/^[+-]?\d+$/.test(value)) config[name] = Number(value);
    else badInts.push(key);
  }
  return { config: config as NginxConfig, ignored, badInts };
}

/**
 * parseBackendProtocol: HTTPS and GRPCS → https, GRPC → h2c, anything else → http.
 *
 * @example
 * backendScheme('GRPC') // 'h2c'
 */
export function backendScheme(protocol: string | undefined): 'http' | 'https' | 'h2c' {
  const p = (protocol ?? 'HTTP').toUpperCase();
  if (p === 'HTTPS' || p === 'GRPCS') return 'https';
  if (p === 'GRPC') return 'h2c';
  return 'http';
}
