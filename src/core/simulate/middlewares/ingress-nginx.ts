// Mirrors pkg/middlewares/ingressnginx/approot/app_root.go, upstreamvhost/upstream_vhost.go and the NGINX
// variables of pkg/middlewares/ingressnginx/interpolation.go (ReplaceVariables) that a request can answer.
import { getHeader, headerValues } from '../go-http.ts';
import { requestURI } from '../go-url.ts';
import type { GoRequest } from '../request.ts';
import { next, objOf, respond, strOf, type MiddlewareImpl } from './kit.ts';

const VAR = /\$\{?([a-zA-Z_][a-zA-Z0-9_]*|[1-9])\}?/g;

const hostOnly = (host: string) => (/^\[.*\]:\d+$|^[^:]*:\d+$/.test(host) ? host.slice(0, host.lastIndexOf(':')).replace(/^\[|\]$/g, '') : host);
const portOf = (host: string) => (/:\d+$/.test(host) && (host.startsWith('[') || host.split(':').length === 2) ? host.slice(host.lastIndexOf(':') + 1) : '');

function query(req: GoRequest, name: string): string {
  for (const part of req.url.rawQuery.split('&')) {
    const [k, v = ''] = part.split('=');
    try {
      if (decodeURIComponent((k ?? '').replace(/\+/g, ' ')) === name) return decodeURIComponent(v.replace(/\+/g, ' '));
    } catch {
      continue;
    }
  }
  return '';
}

function value(name: string, req: GoRequest, vars: Record<string, unknown>): string | undefined {
  if (name.startsWith('http_')) return headerValues(req.headers, name.slice(5).replaceAll('_', '-')).join(',');
  if (name.startsWith('arg_')) return query(req, name.slice(4));
  if (name.startsWith('cookie_')) {
    const pair = getHeader(req.headers, 'Cookie').split(/;\s*/).find((c) => c.startsWith(`${name.slice(7)}=`));
    return pair === undefined ? '' : pair.slice(name.length - 6);
  }
  switch (name) {
    case 'host': return hostOnly(req.host).toLowerCase();
    case 'best_http_host': return req.host;
    case 'request_uri': return requestURI(req.url);
    case 'escaped_request_uri': return encodeURIComponent(requestURI(req.url));
    case 'scheme': return req.tls ? 'https' : 'http';
    case 'args': case 'query_string': return req.url.rawQuery;
    case 'remote_addr': return hostOnly(req.remoteAddr);
    case 'request_method': return req.method;
    case 'uri': case 'document_uri': return req.url.path;
    case 'server_name': return hostOnly(req.host);
    case 'server_port': return portOf(req.host) || (req.tls ? '443' : '80');
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

export const appRoot: MiddlewareImpl = {
  check(config) {
    const path = strOf(config['path']) ?? '';
    if (path === '') return 'appRoot: path cannot be empty';
    return path.startsWith('/') ? null : 'appRoot: path should start with /';
  },
  run(config, { req }) {
    if (req.url.path !== '/') return next('no-op', `${req.url.path} is not the app root "/": nothing to do`);
    const location = replaceVariables(`$scheme://$best_http_host${strOf(config['path']) ?? ''}`, req, {});
    const body = req.method === 'GET' || req.method === 'HEAD' ? `<a href="${location}">Found</a>.\n\n` : '';
    return respond({ status: 302, headers: { Location: location }, body }, 'redirect', `302 Found → ${location} (app-root)`);
  },
};

export const upstreamVHost: MiddlewareImpl = {
  check: (config) => ((strOf(config['vHost']) ?? '') === '' ? 'upstreamVHost: vHost cannot be empty' : null),
  run(config, { req }) {
    const host = replaceVariables(strOf(config['vHost']) ?? '', req, objOf(config['vars']) ?? {});
    const before = req.host;
    req.host = host;
    return next('applied', `the Host header sent upstream becomes ${host} (was ${before})`);
  },
};
