// Mirrors pkg/provider/kubernetes/ingress-nginx/middleware.go (buildMiddlewares and its builders) and the
// order in which translator.go's applyMiddlewares attaches them to each router.
import type { IngressNginxProviderSettings } from '../../types.ts';
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
  /** Users of a resolved basic auth (auth-file lines), its Secret name and realm. */
  basicAuth?: { users: string[]; secret: string; realm: string };
  namespace: string;
  ingressName: string;
  serviceName: string;
  servicePort: string;
}

const DEFAULT_PROXY_BODY_SIZE = 1024 * 1024;
const DEFAULT_NEXT_UPSTREAM = 'error timeout';
const DEFAULT_NEXT_UPSTREAM_TRIES = 3;
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
export function locationMiddlewares(c: NginxConfig, f: LocationFacts, _opts: IngressNginxProviderSettings): LocationMiddleware[] {
  const out: LocationMiddleware[] = [];
  if (sslRedirectOnly(c, f.hasTLS)) {
    out.push({ suffix: 'redirect-scheme', type: 'redirectScheme', config: { scheme: 'https', forcePermanentRedirect: true }, from: [c['force-ssl-redirect'] ? 'force-ssl-redirect' : 'ssl-redirect'], only: 'plain' });
  }
  const appRoot = c['app-root'];
  if (appRoot?.startsWith('/')) out.push({ suffix: 'app-root', type: 'appRoot', config: { path: appRoot }, from: ['app-root'] });
  const redirect = buildRedirect(c, f);
  if (redirect) out.push(redirect);
  if (f.basicAuth) out.push({ suffix: 'basic-auth', type: 'basicAuth', config: { users: f.basicAuth.users, realm: f.basicAuth.realm, secret: f.basicAuth.secret }, from: ['auth-type', 'auth-secret'] });
  const buffering = buildBuffering(c);
  if (buffering) out.push(buffering);
  const allowed = c['allowlist-source-range'] ?? c['whitelist-source-range'] ?? '';
  if (allowed !== '') out.push({ suffix: 'allowed-source-range', type: 'ipAllowList', config: { sourceRange: allowed.split(',').map((s) => s.trim()) }, from: [c['allowlist-source-range'] !== undefined ? 'allowlist-source-range' : 'whitelist-source-range'] });
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
  const retry = buildRetry(c, f);
  if (retry) out.push(retry);
  return out;
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
function buildBuffering(c: NginxConfig): LocationMiddleware | null {
  const disableReq = c['proxy-request-buffering'] !== undefined ? c['proxy-request-buffering'] !== 'on' : true;
  const disableResp = c['proxy-buffering'] !== undefined ? c['proxy-buffering'] !== 'on' : true;
  if (disableReq && disableResp) return null;
  const config: Record<string, unknown> = { disableRequestBuffer: disableReq, disableResponseBuffer: disableResp, memRequestBodyBytes: 16 * 1024, maxRequestBodyBytes: DEFAULT_PROXY_BODY_SIZE, memResponseBodyBytes: 8 * 1024 * 4 };
  if (!disableReq) {
    const mem = nginxSize(c['client-body-buffer-size'] ?? '');
    const max = nginxSize(c['proxy-body-size'] ?? '');
    if (mem !== null) config['memRequestBodyBytes'] = mem;
    if (max !== null) config['maxRequestBodyBytes'] = max;
  }
  if (!disableResp) {
    if (c['proxy-buffer-size'] !== undefined || c['proxy-buffers-number'] !== undefined) {
      config['memResponseBodyBytes'] = (nginxSize(c['proxy-buffer-size'] ?? '') ?? 8 * 1024) * (c['proxy-buffers-number'] ?? 4);
    }
    const tmp = nginxSize(c['proxy-max-temp-file-size'] ?? '') ?? 1024 ** 3;
    config['maxResponseBodyBytes'] = (config['memResponseBodyBytes'] as number) + tmp;
  }
  return { suffix: 'buffering', type: 'buffering', config, from: ['proxy-request-buffering', 'proxy-buffering'].filter((k) => c[k as 'proxy-buffering'] !== undefined) };
}

/** buildRetry: on by default (`error timeout`, 3 tries), like ingress-nginx's proxy_next_upstream. */
function buildRetry(c: NginxConfig, f: LocationFacts): LocationMiddleware | null {
  let attempts = c['proxy-next-upstream-tries'] ?? DEFAULT_NEXT_UPSTREAM_TRIES;
  if (attempts < 0) return null;
  const upstream = c['proxy-next-upstream'] ?? DEFAULT_NEXT_UPSTREAM;
  const conditions = upstream.split(/\s+/).filter(Boolean);
  if (conditions.length === 0 || conditions.includes('off')) return null;
  if (attempts === 0) attempts = f.endpointCount;
  if (attempts <= 0) return null;
  let maxBody = c['proxy-body-size'] !== undefined ? (nginxSize(c['proxy-body-size']) ?? DEFAULT_PROXY_BODY_SIZE) : DEFAULT_PROXY_BODY_SIZE;
  if (maxBody === 0) maxBody = -1;
  const config: Record<string, unknown> = { attempts, maxRequestBodyBytes: maxBody };
  if (!conditions.includes('error') && !conditions.includes('timeout')) config['disableRetryOnNetworkError'] = true;
  const status = conditions.filter((x) => x.startsWith('http_')).map((x) => x.slice(5));
  if (status.length > 0) {
    config['status'] = status;
    const disableRequestBuffering = c['proxy-request-buffering'] !== undefined ? c['proxy-request-buffering'] !== 'on' : true;
    if (disableRequestBuffering) config['maxRequestBodyBytes'] = 0;
  }
  if (conditions.includes('non_idempotent')) config['retryNonIdempotentMethod'] = true;
  const timeout = c['proxy-next-upstream-timeout'] ?? 0;
  if (timeout > 0) config['timeout'] = `${timeout}s`;
  return { suffix: 'retry', type: 'retry', config, from: c['proxy-next-upstream'] !== undefined || c['proxy-next-upstream-tries'] !== undefined ? ['proxy-next-upstream'] : [] };
}
