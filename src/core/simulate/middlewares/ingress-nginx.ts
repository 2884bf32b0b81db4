// Mirrors pkg/middlewares/ingressnginx/approot/app_root.go, upstreamvhost/upstream_vhost.go and the NGINX
// variables of pkg/middlewares/ingressnginx/interpolation.go (ReplaceVariables) that a request can answer.
import { requestCookie } from '../backend.ts';
import { splitHostPort } from '../forwarded.ts';
import { getHeader, headerValues, httpRedirect } from '../go-http.ts';
import { pathUnescape, queryEscape, requestURI } from '../go-url.ts';
import type { GoRequest } from '../request.ts';
import { next, objOf, respond, strOf, type MiddlewareImpl } from './kit.ts';

const VAR = /\$\{?([a-zA-Z_][a-zA-Z0-9_]*|[1-9])\}?/g;

/** `stripPort` / `net.SplitHostPort(...)` host: the text itself when it is not `host:port`. */
const hostOnly = (host: string) => splitHostPort(host)?.host ?? host;

/** Go `url.QueryUnescape` (`+` is a space); undefined on a malformed escape. */
function queryUnescape(s: string): string | undefined {
  return pathUnescape(s.replaceAll('+', ' '));
}

/** Go `req.URL.Query().Get(name)`: pairs split on `&`, cut at the first `=`; a pair with `;` or a bad escape is skipped. */
function query(req: GoRequest, name: string): string {
  for (const part of req.url.rawQuery.split('&')) {
    if (part.includes(';')) continue;
    const [k, ...v] = part.split('=') as [string, ...string[]];
    const val = queryUnescape(v.join('='));
    if (queryUnescape(k) === name && val !== undefined) return val;
  }
  return '';
}

function value(name: string, req: GoRequest, vars: Record<string, unknown>): string | undefined {
  // No response exists yet: Traefik reads a nil header map, so every $upstream_http_* is empty.
  if (name.startsWith('upstream_http_')) return '';
  if (name.startsWith('http_')) return headerValues(req.headers, name.slice(5).replaceAll('_', '-')).join(',');
  if (name.startsWith('arg_')) return query(req, name.slice(4));
  if (name.startsWith('cookie_')) return requestCookie(req.headers, name.slice(7)) ?? '';
  switch (name) {
    case 'host': return hostOnly(req.host).toLowerCase();
    case 'best_http_host': return req.host;
    case 'request_uri': return requestURI(req.url);
    case 'escaped_request_uri': return queryEscape(requestURI(req.url));
    case 'scheme': return req.tls ? 'https' : 'http';
    case 'args': case 'query_string': return req.url.rawQuery;
    case 'remote_addr': return hostOnly(req.remoteAddr);
    case 'proxy_add_x_forwarded_for': {
      const prior = getHeader(req.headers, 'X-Forwarded-For');
      return prior !== '' ? `${prior}, ${hostOnly(req.remoteAddr)}` : hostOnly(req.remoteAddr);
    }
    case 'request_method': return req.method;
    case 'uri': case 'document_uri': return req.url.path;
    case 'server_name': return hostOnly(req.host);
    case 'server_port': return splitHostPort(req.host)?.port ?? (req.tls ? '443' : '80');
    case 'content_type': return getHeader(req.headers, 'Content-Type');
    case 'content_length': return getHeader(req.headers, 'Content-Length');
    case 'is_args': return req.url.rawQuery !== '' ? '?' : '';
    default: {
      const custom = vars[`$${name}`];
      // Unsupported variables (and $hostname, the Traefik pod's name) stay as written.
      return typeof custom === 'string' ? custom : undefined;
    }
  }
}

/**
 * ReplaceVariables: `$var` / `${var}` replaced from the request and the custom `vars`; an unknown one stays.
 *
 * @example
 * replaceVariables('$scheme://$best_http_host/app', req, {}) // 'https://shop.example.com/app'
 */
export function replaceVariables(s: string, req: GoRequest, vars: Record<string, unknown>): string {
  return s.replace(VAR, (whole, name: string) => value(name, req, vars) ?? whole);
}

const appRootPath = (config: Record<string, unknown>) => strOf(config['path']) ?? '';

export const appRoot: MiddlewareImpl = {
  check(config) {
    const path = appRootPath(config);
    if (path === '') return 'appRoot: path cannot be empty';
    return path.startsWith('/') ? null : 'appRoot: path should start with /';
  },
  run(config, { req }) {
    if (req.url.path !== '/') return next('no-op', `${req.url.path} is not the app root "/": nothing to do`);
    const location = replaceVariables(`$scheme://$best_http_host${appRootPath(config)}`, req, {});
    return respond(httpRedirect(req.method, location, 302), 'redirect', `302 Found → ${location} (app-root)`);
  },
};

const vHostOf = (config: Record<string, unknown>) => strOf(config['vHost']) ?? '';

export const upstreamVHost: MiddlewareImpl = {
  check: (config) => (vHostOf(config) === '' ? 'upstreamVHost: vHost cannot be empty' : null),
  run(config, { req }) {
    const host = replaceVariables(vHostOf(config), req, objOf(config['vars']) ?? {});
    const before = req.host;
    req.host = host;
    return next('applied', `the Host header sent upstream becomes ${host} (was ${before})`);
  },
};
