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
export function middlewareSpec(type: string, config: Record<string, unknown>): MiddlewareSpec {
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
    case 'basicAuth': {
      const secret = config['secret'];
      if (typeof secret !== 'string' || secret === '') return { spec: null, lost: ['basic auth users must come from a Secret'] };
      return { spec: { basicAuth: { secret, ...(config['realm'] ? { realm: config['realm'] } : {}) } }, lost: [] };
    }
    case 'appRoot':
    case 'upstreamVHost':
    case 'snippet':
    case 'authTLSPassCertificateToUpstream':
      return { spec: null, lost: [`the ${type} middleware exists only for the NGINX provider`] };
    default:
      return { spec: { [type]: config }, lost: [] };
  }
}
