// Mirrors pkg/provider/kubernetes/ingress-nginx/middleware.go (buildMiddlewares and its builders) and the
// order in which translator.go's applyMiddlewares attaches them to each router.
import type { NginxProviderOptions } from '../options.ts';
import type { NginxConfig } from './annotations.ts';

/** One middleware of a location: `<routerKey>-<suffix>`, of a Traefik type with its configuration. */
export interface LocationMiddleware {
  suffix: string;
  type: string;
  config: Record<string, unknown>;
  /** The annotation(s) it comes from, for diagnostics and conversion comments. */
  from: string[];
  /** redirect-scheme goes on the plain router only; pass-certificate on the TLS router only. */
  only?: 'plain' | 'tls';
}

/** What the middleware builders need to know about a location. */
export interface LocationFacts {
  path: string;
  useRegex: boolean;
  hasTLS: boolean;
  endpointCount: number;
  /** Users of a resolved basic or digest auth (auth-file lines or auth-map pairs), its Secret name and realm. */
  basicAuth?: { users: string[]; secret: string; realm: string; digest?: boolean };
  /** The router this copy is for (custom-http-errors names its per-router error service after it). */
  routerKey: string;
  /** resolveHTTPErrorBackend: the Ingress's own error backend (default-backend annotation) exists. */
  errorBackend?: boolean;
  /** The provider's defaultBackendService is set (the shared `default-backend` service). */
  providerDefaultBackend?: boolean;
  /** The custom-headers ConfigMap, validated. */
  customHeaders?: Record<string, string>;
  /** auth-tls-pass-certificate-to-upstream: the CA forwarded when verify-client is optional_no_ca. */
  passCertCA?: string;
  /** The first server-snippet of the host. */
  serverSnippet?: string;
  namespace: string;
  ingressName: string;
  serviceName: string;
  servicePort: string;
}

const DEFAULT_BURST_MULTIPLIER = 5;
const CORS_HEADERS = ['DNT', 'Keep-Alive', 'User-Agent', 'X-Requested-With', 'If-Modified-Since', 'Cache-Control', 'Content-Type', 'Range', 'Authorization'];
const CORS_METHODS = ['GET', 'PUT', 'POST', 'DELETE', 'PATCH', 'OPTIONS'];
/** regexPathWithCapture of ingress-nginx's validators: what x-forwarded-prefix may hold. */
const PATH_WITH_CAPTURE = /^\/?[-._~a-zA-Z0-9/$:]*$/;

/** nginxSizeToBytes: `8k`, `1m`, `1g`, plain bytes; null when it does not parse. */
export function nginxSize(s: string): number | null {
  const m = /^\s*([0-9]+)\s*([bkmg]?)\s*$/i.exec(s);
  if (!m) return null;
  const unit = { '': 1, b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[m[2]!.toLowerCase() as '' | 'b' | 'k' | 'm' | 'g'];
  return Number(m[1]) * unit;
}

/** buildSSLRedirect: force-ssl-redirect, or ssl-redirect (default true) when the Ingress has TLS. */
export function sslRedirectOnly(c: NginxConfig, hasTLS: boolean): boolean {
  return (c['force-ssl-redirect'] ?? false) || (hasTLS && (c['ssl-redirect'] ?? true));
}

/**
 * The middlewares Traefik builds for one location, in applyMiddlewares order. Custom error pages,
 * auth-url/snippets, client-certificate forwarding and custom-headers ConfigMaps are left to the caller.
 *
 * @example
 * locationMiddlewares({ 'rewrite-target': '/$2' }, facts, opts).map((m) => m.suffix) // ['rewrite-target', 'retry']
 */
export function locationMiddlewares(c: NginxConfig, f: LocationFacts, o: NginxProviderOptions): LocationMiddleware[] {
  const out: LocationMiddleware[] = [];
  if (sslRedirectOnly(c, f.hasTLS)) {
    out.push({ suffix: 'redirect-scheme', type: 'redirectScheme', config: { scheme: 'https', forcePermanentRedirect: true }, from: [c['force-ssl-redirect'] ? 'force-ssl-redirect' : 'ssl-redirect'], only: 'plain' });
  }
  const errorPage = buildCustomHTTPErrors(c, f, o);
  if (errorPage) out.push(errorPage);
  const appRoot = c['app-root'];
  if (appRoot?.startsWith('/')) out.push({ suffix: 'app-root', type: 'appRoot', config: { path: appRoot }, from: ['app-root'] });
  const redirect = buildRedirect(c, f);
  if (redirect) out.push(redirect);
  if (f.basicAuth) {
    // `secret` (auth-file only) lets the simulator and the conversion read the users as a CRD Middleware would.
    const config: Record<string, unknown> = { users: f.basicAuth.users, realm: f.basicAuth.realm, ...(f.basicAuth.secret ? { secret: f.basicAuth.secret } : {}) };
    out.push(f.basicAuth.digest ? { suffix: 'digest-auth', type: 'digestAuth', config, from: ['auth-type', 'auth-secret'] } : { suffix: 'basic-auth', type: 'basicAuth', config, from: ['auth-type', 'auth-secret'] });
  }
  const buffering = buildBuffering(c, o);
  if (buffering) out.push(buffering);
  const allowed = c['allowlist-source-range'] ?? c['whitelist-source-range'] ?? '';
  if (allowed !== '') {
    const config: Record<string, unknown> = { sourceRange: allowed.split(',').map((s) => s.trim()) };
    if (o.ipAllowListStrategy) config['ipStrategy'] = o.ipAllowListStrategy;
    out.push({ suffix: 'allowed-source-range', type: 'ipAllowList', config, from: [c['allowlist-source-range'] !== undefined ? 'allowlist-source-range' : 'whitelist-source-range'] });
  }
  if (c['enable-cors']) {
    out.push({
      suffix: 'cors',
      type: 'headers',
      config: {
        accessControlAllowCredentials: c['cors-allow-credentials'] ?? true,
        accessControlExposeHeaders: c['cors-expose-headers'] ?? [],
        accessControlAllowHeaders: c['cors-allow-headers'] ?? CORS_HEADERS,
        accessControlAllowMethods: c['cors-allow-methods'] ?? CORS_METHODS,
        accessControlAllowOriginList: c['cors-allow-origin'] ?? ['*'],
        accessControlMaxAge: c['cors-max-age'] ?? 1728000,
      },
      from: ['enable-cors'],
    });
  }
  const rewrite = c['rewrite-target'] ?? '';
  if (rewrite !== '' && rewrite !== f.path) {
    const xfp = c['x-forwarded-prefix'] !== undefined && PATH_WITH_CAPTURE.test(c['x-forwarded-prefix']) ? c['x-forwarded-prefix'] : '';
    out.push({ suffix: 'rewrite-target', type: 'rewriteTarget', config: { regex: f.path, replacement: rewrite, ...(xfp ? { xForwardedPrefix: xfp } : {}) }, from: ['rewrite-target'] });
  }
  if (c['upstream-vhost'] !== undefined) {
    out.push({
      suffix: 'vhost',
      type: 'upstreamVHost',
      config: { vHost: c['upstream-vhost'], vars: { $namespace: f.namespace, $ingress_name: f.ingressName, $location_path: f.path, $service_name: f.serviceName, $service_port: f.servicePort } },
      from: ['upstream-vhost'],
    });
  }
  const multiplier = c['limit-burst-multiplier'] ?? DEFAULT_BURST_MULTIPLIER;
  const burst = multiplier < 1 ? DEFAULT_BURST_MULTIPLIER : multiplier;
  const rpm = c['limit-rpm'] ?? 0;
  const rps = c['limit-rps'] ?? 0;
  if (rpm > 0) out.push({ suffix: 'limit-rpm', type: 'rateLimit', config: { average: rpm, period: '1m', burst: rpm * burst }, from: ['limit-rpm'] });
  if (rps > 0) out.push({ suffix: 'limit-rps', type: 'rateLimit', config: { average: rps, period: '1s', burst: rps * burst }, from: ['limit-rps'] });
  const conns = c['limit-connections'] ?? 0;
  if (conns > 0) out.push({ suffix: 'limit-connections', type: 'inFlightReq', config: { amount: conns, sourceCriterion: { ipStrategy: {} } }, from: ['limit-connections'] });
  if (c['auth-tls-pass-certificate-to-upstream'] && c['auth-tls-secret'] !== undefined) {
    const clientAuthType = clientAuthTypeOf(c['auth-tls-verify-client']);
    const config: Record<string, unknown> = { clientAuthType };
    if (clientAuthType === 'RequestClientCert' && f.passCertCA) config['caFiles'] = [f.passCertCA];
    out.push({ suffix: 'pass-certificate-to-upstream', type: 'authTLSPassCertificateToUpstream', config, from: ['auth-tls-pass-certificate-to-upstream'], only: 'tls' });
  }
  if (f.customHeaders && Object.keys(f.customHeaders).length > 0) out.push({ suffix: 'custom-headers', type: 'headers', config: { customResponseHeaders: f.customHeaders }, from: ['custom-headers'] });
  const snippet = buildSnippetAuth(c, f, o);
  if (snippet) out.push(snippet);
  const retry = buildRetry(c, f, o);
  if (retry) out.push(retry);
  return out;
}

/**
 * clientAuthTypeFromString: auth-tls-verify-client → Traefik's ClientAuthType (default "on").
 *
 * @example
 * clientAuthTypeOf('optional') // 'VerifyClientCertIfGiven'
 */
export function clientAuthTypeOf(verify: string | undefined): string {
  if (verify === 'off') return 'NoClientCert';
  if (verify === 'optional') return 'VerifyClientCertIfGiven';
  if (verify === 'optional_no_ca') return 'RequestClientCert';
  return 'RequireAndVerifyClientCert';
}

/** buildCustomHTTPErrors: an errors middleware to the Ingress's error backend, else the provider's default backend. */
function buildCustomHTTPErrors(c: NginxConfig, f: LocationFacts, o: NginxProviderOptions): LocationMiddleware | null {
  const status = c['custom-http-errors'] ?? o.customHTTPErrors;
  if (status.length === 0) return null;
  let service: string;
  if (f.errorBackend) service = `default-backend-${f.routerKey}`;
  else if (f.providerDefaultBackend) service = 'default-backend';
  else return null;
  return {
    suffix: 'custom-http-errors',
    type: 'errors',
    config: { status, service: `${service}@kubernetesingressnginx`, nginxHeaders: { 'X-Namespaces': [f.namespace], 'X-Ingress-Name': [f.ingressName], 'X-Service-Name': [f.serviceName], 'X-Service-Port': [f.servicePort] } },
    from: c['custom-http-errors'] !== undefined ? ['custom-http-errors'] : [],
  };
}

/** buildSnippetAuth: snippets (when allowed) and the external auth of auth-url (or the provider's globalAuthURL). */
function buildSnippetAuth(c: NginxConfig, f: LocationFacts, o: NginxProviderOptions): LocationMiddleware | null {
  const snippet = c['configuration-snippet'] ?? '';
  const serverSnippet = f.serverSnippet ?? '';
  let authURL = c['auth-url'] ?? '';
  if (authURL === '' && (o.globalAuthURL ?? '') !== '' && (c['enable-global-auth'] ?? true)) authURL = o.globalAuthURL!;
  if (serverSnippet === '' && snippet === '' && authURL === '') return null;
  const config: Record<string, unknown> = {};
  if (serverSnippet !== '') config['serverSnippet'] = serverSnippet;
  if (snippet !== '') config['configurationSnippet'] = snippet;
  const from: string[] = [];
  if (authURL !== '') {
    const auth: Record<string, unknown> = { address: authURL };
    if (c['auth-signin']) auth['authSigninURL'] = c['auth-signin'];
    if (c['auth-method']) auth['method'] = c['auth-method'];
    if (c['auth-snippet']) auth['snippet'] = c['auth-snippet'];
    const headers = (c['auth-response-headers'] ?? '').split(',').map((h) => h.trim()).filter((h) => h !== '');
    if (headers.length > 0) auth['authResponseHeaders'] = headers;
    config['auth'] = auth;
    from.push(c['auth-url'] !== undefined ? 'auth-url' : 'enable-global-auth');
  }
  if (snippet !== '') from.push('configuration-snippet');
  if (serverSnippet !== '') from.push('server-snippet');
  return { suffix: 'snippet', type: 'snippet', config, from };
}

/** buildRedirect: temporal-redirect wins over permanent-redirect; codes outside 300–308 fall back. */
function buildRedirect(c: NginxConfig, f: LocationFacts): LocationMiddleware | null {
  const permanent = c['permanent-redirect'];
  const temporal = c['temporal-redirect'];
  if (permanent === undefined && temporal === undefined) return null;
  let url = '';
  let code = 0;
  let from = '';
  if (permanent !== undefined) {
    url = permanent;
    code = c['permanent-redirect-code'] ?? 301;
    if (code < 300 || code > 308) code = 301;
    from = 'permanent-redirect';
  }
  if (temporal !== undefined) {
    url = temporal;
    code = c['temporal-redirect-code'] ?? 302;
    if (code < 300 || code > 308) code = 302;
    from = 'temporal-redirect';
  }
  return { suffix: 'redirect', type: 'redirectRegex', config: { regex: f.useRegex ? `^https?://[^/]+${f.path}` : '.*', replacement: url, statusCode: code }, from: [from] };
}

/** buildBuffering with the provider's defaults (request and response buffering off). */
function buildBuffering(c: NginxConfig, o: NginxProviderOptions): LocationMiddleware | null {
  const disableReq = c['proxy-request-buffering'] !== undefined ? c['proxy-request-buffering'] !== 'on' : !o.proxyRequestBuffering;
  const disableResp = c['proxy-buffering'] !== undefined ? c['proxy-buffering'] !== 'on' : !o.proxyBuffering;
  if (disableReq && disableResp) return null;
  const config: Record<string, unknown> = { disableRequestBuffer: disableReq, disableResponseBuffer: disableResp, memRequestBodyBytes: o.clientBodyBufferSize, maxRequestBodyBytes: o.proxyBodySize, memResponseBodyBytes: o.proxyBufferSize * o.proxyBuffersNumber };
  if (!disableReq) {
    const mem = nginxSize(c['client-body-buffer-size'] ?? '');
    const max = nginxSize(c['proxy-body-size'] ?? '');
    if (mem !== null) config['memRequestBodyBytes'] = mem;
    if (max !== null) config['maxRequestBodyBytes'] = max;
  }
  if (!disableResp) {
    if (c['proxy-buffer-size'] !== undefined || c['proxy-buffers-number'] !== undefined) {
      config['memResponseBodyBytes'] = (nginxSize(c['proxy-buffer-size'] ?? '') ?? o.proxyBufferSize) * (c['proxy-buffers-number'] ?? o.proxyBuffersNumber);
    }
    const tmp = nginxSize(c['proxy-max-temp-file-size'] ?? '') ?? 1024 ** 3;
    config['maxResponseBodyBytes'] = (config['memResponseBodyBytes'] as number) + tmp;
  }
  return { suffix: 'buffering', type: 'buffering', config, from: ['proxy-request-buffering', 'proxy-buffering'].filter((k) => c[k as 'proxy-buffering'] !== undefined) };
}

/** buildRetry: on by default (`error timeout`, 3 tries), like ingress-nginx's proxy_next_upstream. */
function buildRetry(c: NginxConfig, f: LocationFacts, o: NginxProviderOptions): LocationMiddleware | null {
  let attempts = c['proxy-next-upstream-tries'] ?? o.proxyNextUpstreamTries;
  if (attempts < 0) return null;
  const upstream = c['proxy-next-upstream'] ?? o.proxyNextUpstream;
  const conditions = upstream.split(/\s+/).filter(Boolean);
  if (conditions.length === 0 || conditions.includes('off')) return null;
  if (attempts === 0) attempts = f.endpointCount;
  if (attempts <= 0) return null;
  let maxBody = c['proxy-body-size'] ? (nginxSize(c['proxy-body-size']) ?? o.proxyBodySize) : o.proxyBodySize;
  if (maxBody === 0) maxBody = -1;
  const config: Record<string, unknown> = { attempts, maxRequestBodyBytes: maxBody };
  if (!conditions.includes('error') && !conditions.includes('timeout')) config['disableRetryOnNetworkError'] = true;
  const status = conditions.filter((x) => x.startsWith('http_')).map((x) => x.slice(5));
  if (status.length > 0) {
    config['status'] = status;
    const disableRequestBuffering = c['proxy-request-buffering'] !== undefined ? c['proxy-request-buffering'] !== 'on' : !o.proxyRequestBuffering;
    if (disableRequestBuffering) config['maxRequestBodyBytes'] = 0;
  }
  if (conditions.includes('non_idempotent')) config['retryNonIdempotentMethod'] = true;
  const timeout = c['proxy-next-upstream-timeout'] ?? o.proxyNextUpstreamTimeout;
  if (timeout > 0) config['timeout'] = `${timeout}s`;
  return { suffix: 'retry', type: 'retry', config, from: c['proxy-next-upstream'] !== undefined || c['proxy-next-upstream-tries'] !== undefined ? ['proxy-next-upstream'] : [] };
}
