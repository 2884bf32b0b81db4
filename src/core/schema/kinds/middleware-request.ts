/**
 * Middleware types that rewrite the request: path and redirect middlewares, `chain`, and `headers`.
 * Mirrors the matching structs of pkg/config/dynamic/middlewares.go (AddPrefix, StripPrefix,
 * StripPrefixRegex, ReplacePath, ReplacePathRegex, RedirectRegex, RedirectScheme, Headers) and Chain
 * of pkg/provider/kubernetes/crd/traefikio/v1alpha1/middleware.go.
 */
import { type JsonSchema, bool, deprecated, int, list, map, obj, since, str, strList } from '../json-schema.ts';
import { objectRef } from './meta.ts';

/**
 * The path, redirect and chain middleware types, by type key.
 *
 * @example
 * Object.keys(pathMiddlewares()) // ['addPrefix', 'stripPrefix', …, 'chain']
 */
export function pathMiddlewares(): Record<string, JsonSchema> {
  return {
    addPrefix: obj(
      'Puts a prefix in front of the request path before forwarding it.',
      {
        prefix: str('The prefix to add; it must begin with `/`.', {
          pattern: '^/',
          'x-patternHint': 'a path starting with `/`, e.g. `/api`',
          examples: ['/api'],
        }),
      },
      { defaultSnippets: [{ label: 'addPrefix', body: { prefix: '/${1:api}' } }] },
    ),
    stripPrefix: obj(
      'Removes a prefix from the request path before forwarding it (the removed part goes to `X-Forwarded-Prefix`).',
      {
        prefixes: strList(
          'Prefixes to remove. The first one the path starts with is removed (plain string comparison, no segment boundary).',
          'A path prefix, e.g. `/api`.',
        ),
        forceSlash: deprecated(
          'remove it: Traefik v3 ignores this option',
          bool('Keep at least `/` as the path when the whole path was stripped.', true),
        ),
      },
      { defaultSnippets: [{ label: 'stripPrefix', body: { prefixes: ['/${1:api}'] } }] },
    ),
    stripPrefixRegex: obj('Removes the part of the path matched by a regular expression.', {
      regex: strList('Regular expressions (Go syntax) matched against the beginning of the path.', 'A Go regular expression, e.g. `/foo/[a-z0-9]+/`.'),
    }),
    replacePath: obj('Replaces the whole request path (the original goes to `X-Replaced-Path`).', {
      path: str('The new path.', { examples: ['/'] }),
    }),
    replacePathRegex: obj('Rewrites the request path with a regular expression and a replacement.', {
      regex: str('Regular expression (Go syntax) matched against the path, with capture groups.'),
      replacement: str('New path; `$1`, `${name}` refer to the captured groups.'),
    }),
    redirectRegex: obj('Redirects the client to a URL built from the request URL with a regular expression.', {
      regex: str('Regular expression (Go syntax) matched against the full request URL.'),
      replacement: str('Target URL; `$1`, `${name}` refer to the captured groups.'),
      permanent: bool('Answer with a permanent redirection (301/308) instead of a temporary one (302/307).', false),
    }),
    redirectScheme: obj(
      'Redirects the client to the same URL with another scheme (typically HTTP to HTTPS).',
      {
        scheme: str('Scheme of the target URL.', { examples: ['https'] }),
        port: str('Port of the target URL, as a string (quote it: `"443"`).', {
          'x-typeHint': 'a port written as a string, e.g. `"443"`',
        }),
        permanent: bool('Answer with a permanent redirection (301 for GET, 308 otherwise) instead of a temporary one.', false),
      },
      { defaultSnippets: [{ label: 'redirectScheme', body: { scheme: 'https', permanent: true } }] },
    ),
    chain: obj('Groups other Middlewares into one reusable list, applied in order.', {
      middlewares: list(
        objectRef('Middleware', 'A Middleware of the chain, by name and optional namespace.', 'middleware'),
        'The Middlewares of the chain, in the order they run.',
      ),
    }),
  };
}

const headerMap = (description: string): JsonSchema =>
  map({ type: 'string', description: 'Header value; an empty string removes the header.' }, description);

const REDIRECT = 'use an entry point redirection or the `redirectScheme` middleware';

/**
 * The `headers` middleware type.
 *
 * @example
 * obj('Middleware spec.', { headers: headersMiddleware() })
 */
export function headersMiddleware(): JsonSchema {
  return obj(
    'Adds, changes or removes request and response headers, and sets CORS and security headers.',
    {
      customRequestHeaders: headerMap('Headers set on the request before it is forwarded (empty value removes the header).'),
      customResponseHeaders: headerMap('Headers set on the response before it is returned (empty value removes the header).'),
      accessControlAllowCredentials: bool('CORS: allow requests with credentials (`Access-Control-Allow-Credentials`).', false),
      accessControlAllowHeaders: strList('CORS: headers a preflight answer allows (`Access-Control-Allow-Headers`).', 'A header name.'),
      accessControlAllowMethods: strList('CORS: methods a preflight answer allows (`Access-Control-Allow-Methods`).', 'A method, e.g. `GET`.'),
      accessControlAllowOriginList: strList('CORS: origins allowed to call; `*` allows any origin.', 'An origin, e.g. `https://example.com`.'),
      accessControlAllowOriginListRegex: strList('CORS: allowed origins as regular expressions (Go syntax).', 'A Go regular expression.'),
      accessControlExposeHeaders: strList('CORS: response headers the browser may expose (`Access-Control-Expose-Headers`).', 'A header name.'),
      accessControlMaxAge: int('CORS: how many seconds a preflight answer may be cached.'),
      addVaryHeader: bool('Add `Origin` to the `Vary` header when the allowed origin depends on the request.', false),
      allowedHosts: strList('Host names allowed; requests for other hosts get 400.', 'A host name.'),
      hostsProxyHeaders: strList('Headers that may carry the original host name (for `allowedHosts`).', 'A header name, e.g. `X-Forwarded-Host`.'),
      sslProxyHeaders: headerMap('Header/value pairs that mark a request as HTTPS when it came through another proxy, e.g. `X-Forwarded-Proto: https`.'),
      stsSeconds: int('`max-age` of the `Strict-Transport-Security` header; 0 sends no header.', { minimum: 0, default: 0 }),
      stsIncludeSubdomains: bool('Add `includeSubDomains` to the `Strict-Transport-Security` header.', false),
      stsPreload: bool('Add `preload` to the `Strict-Transport-Security` header.', false),
      forceSTSHeader: bool('Send the `Strict-Transport-Security` header on plain HTTP too.', false),
      frameDeny: bool('Send `X-Frame-Options: DENY`.', false),
      customFrameOptionsValue: str('Value of `X-Frame-Options` (takes over from `frameDeny`), e.g. `SAMEORIGIN`.'),
      contentTypeNosniff: bool('Send `X-Content-Type-Options: nosniff`.', false),
      browserXssFilter: bool('Send `X-XSS-Protection: 1; mode=block`.', false),
      customBrowserXSSValue: str('Value of `X-XSS-Protection` (takes over from `browserXssFilter`).'),
      contentSecurityPolicy: str('Value of the `Content-Security-Policy` header.'),
      contentSecurityPolicyReportOnly: since('3.1', str('Value of the `Content-Security-Policy-Report-Only` header.')),
      publicKey: str('Value of the `Public-Key-Pins` header (HPKP).'),
      referrerPolicy: str('Value of the `Referrer-Policy` header, e.g. `same-origin`.'),
      permissionsPolicy: str('Value of the `Permissions-Policy` header.'),
      isDevelopment: bool('Relax `allowedHosts`, SSL and STS checks while developing on plain HTTP and localhost.', false),
      featurePolicy: deprecated('use `permissionsPolicy`', str('Value of the old `Feature-Policy` header.')),
      sslRedirect: deprecated(REDIRECT, bool('Redirect plain HTTP requests to HTTPS.', false)),
      sslTemporaryRedirect: deprecated(REDIRECT, bool('Like `sslRedirect` with a temporary (302) redirection.', false)),
      sslHost: deprecated('use the `redirectRegex` middleware', str('Host name to redirect to for HTTPS.')),
      sslForceHost: deprecated('use the `redirectRegex` middleware', bool('Redirect to `sslHost` even for HTTPS requests.', false)),
    },
    {
      defaultSnippets: [
        { label: 'headers (security)', body: { stsSeconds: '^31536000', frameDeny: true, contentTypeNosniff: true } },
        { label: 'headers (custom)', body: { customRequestHeaders: { '${1:X-Script-Name}': '${2:test}' } } },
      ],
    },
  );
}
