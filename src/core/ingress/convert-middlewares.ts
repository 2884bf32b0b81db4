/**
 * No Traefik counterpart: how each middleware the Ingress providers build is written as a Middleware
 * resource (traefik.io/v1alpha1), and what a Middleware cannot say (values Traefik keeps out of its
 * JSON, NGINX-only middleware types).
 */

export interface MiddlewareSpec {
  /** The Middleware's `spec`, or null when no CRD type can express it. */
  spec: Record<string, unknown> | null;
  /** What differs from the provider's middleware, for the not-converted list. */
  lost: string[];
}

/**
 * The Middleware spec equivalent to a provider middleware of `type` with `config`.
 *
 * @example
 * middlewareSpec('rewriteTarget', { regex: '/app(/|$)(.*)', replacement: '/$2' }).spec
 * // { replacePathRegex: { regex: '(?i)/app(/|$)(.*)', replacement: '/$2' } }
 */
export function middlewareSpec(type: string, config: Record<string, unknown>, serviceRef?: (name: string) => Record<string, unknown> | undefined): MiddlewareSpec {
  switch (type) {
    case 'rewriteTarget': {
      const replacement = String(config['replacement'] ?? '');
      if (/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(replacement)) return { spec: null, lost: [`rewrite-target ${replacement} is an absolute URL (a 302 redirect): use a redirectRegex Middleware`] };
      const lost = config['xForwardedPrefix'] ? ['x-forwarded-prefix: the X-Forwarded-Prefix header is not set (add a headers Middleware)'] : [];
      // rewriteTarget matches case-insensitively; replacePathRegex also adds an X-Replaced-Path header.
      return { spec: { replacePathRegex: { regex: `(?i)${String(config['regex'] ?? '')}`, replacement } }, lost };
    }
    case 'redirectScheme': {
      const { forcePermanentRedirect, ...rest } = config;
      const lost = forcePermanentRedirect ? ['Traefik answers 308 to every method; a redirectScheme with permanent: true answers 301 to GET and HEAD'] : [];
      return { spec: { redirectScheme: { ...rest, ...(forcePermanentRedirect ? { permanent: true } : {}) } }, lost };
    }
    case 'redirectRegex': {
      const { statusCode, ...rest } = config;
      const code = typeof statusCode === 'number' ? statusCode : undefined;
      const permanent = code === 301 || code === 308;
      const lost = code !== undefined && code !== 301 && code !== 302 ? [`status ${code} cannot be set on a redirectRegex Middleware (it answers ${permanent ? 301 : 302} to GET)`] : [];
      return { spec: { redirectRegex: { ...rest, ...(permanent ? { permanent: true } : {}) } }, lost };
    }
    case 'basicAuth':
    case 'digestAuth': {
      const secret = config['secret'];
      if (typeof secret !== 'string' || secret === '') return { spec: null, lost: ['auth-secret-type auth-map: a CRD Middleware reads one htpasswd-style key of its Secret, so write the users as one `auth` file'] };
      return { spec: { [type]: { secret, ...(config['realm'] ? { realm: config['realm'] } : {}) } }, lost: [] };
    }
    case 'errors': {
      const ref = serviceRef?.(String(config['service'] ?? ''));
      if (!ref) return { spec: null, lost: [`custom-http-errors: the error page service ${String(config['service'] ?? '')} is not a Kubernetes Service of the workspace`] };
      return { spec: { errors: { status: config['status'], service: ref } }, lost: ['custom-http-errors: the error page request no longer carries the X-Namespaces, X-Ingress-Name, X-Service-Name and X-Service-Port headers'] };
    }
    case 'appRoot': {
      const path = String(config['path'] ?? '');
      const target = path.replaceAll('$is_args$args', '${2}');
      if (/\$(?!\{2\})/.test(target)) return { spec: null, lost: [`app-root ${path} uses NGINX variables a redirectRegex cannot fill`] };
      return { spec: { redirectRegex: { regex: '^(https?://[^/]+)/(\\?.*)?$', replacement: `\${1}${target}` } }, lost: ['app-root answers 302 to every method; a redirectRegex answers 307 to methods other than GET'] };
    }
    case 'upstreamVHost': {
      const vars = (config['vars'] ?? {}) as Record<string, string>;
      const host = String(config['vHost'] ?? '').replace(/\$\{?([a-zA-Z_][a-zA-Z0-9_]*)\}?/g, (whole, v: string) => vars[`$${v}`] ?? whole);
      if (host.includes('$')) return { spec: null, lost: [`upstream-vhost ${String(config['vHost'])} depends on the request ($host, $http_…): no Middleware can compute it`] };
      // The headers middleware sets req.Host when it sets the Host request header.
      return { spec: { headers: { customRequestHeaders: { Host: host } } }, lost: [] };
    }
    case 'snippet': {
      const auth = (config['auth'] ?? undefined) as Record<string, unknown> | undefined;
      if (!auth || config['configurationSnippet'] || config['serverSnippet']) return { spec: null, lost: ['NGINX snippets have no Middleware equivalent'] };
      const lost = ['auth-url: a forwardAuth Middleware sends X-Forwarded-* headers to the auth service (not NGINX\'s X-Original-URL) and always uses GET'];
      if (auth['authSigninURL']) lost.push(`auth-signin: a 401 is returned to the client instead of a redirect to ${String(auth['authSigninURL'])}`);
      if (auth['snippet']) lost.push('auth-snippet has no Middleware equivalent');
      return { spec: { forwardAuth: { address: auth['address'], ...(auth['authResponseHeaders'] ? { authResponseHeaders: auth['authResponseHeaders'] } : {}) } }, lost };
    }
    case 'authTLSPassCertificateToUpstream':
      return { spec: null, lost: [`the ${type} middleware exists only for the NGINX provider`] };
    default:
      return { spec: { [type]: config }, lost: [] };
  }
}
