/**
 * Middleware and MiddlewareTCP. Mirrors MiddlewareSpec of traefikio/v1alpha1/middleware.go and
 * MiddlewareTCPSpec of middlewaretcp.go; the response and protocol types (compress, contentType,
 * grpcWeb, encodedCharacters, errors, plugin) are defined here, the others in middleware-request.ts,
 * middleware-auth.ts and middleware-traffic.ts. Traefik refuses a Middleware with several types
 * ("multi-types middleware not supported"), hence `x-exactlyOne`.
 */
import type { TraefikTarget } from '../../types.ts';
import { type JsonSchema, bool, deprecated, int, map, obj, since, str, strList } from '../json-schema.ts';
import { serviceRef } from './load-balancer.ts';
import { resource } from './meta.ts';
import { authMiddlewares } from './middleware-auth.ts';
import { headersMiddleware, pathMiddlewares } from './middleware-request.ts';
import { statusList, trafficMiddlewares } from './middleware-traffic.ts';

function encoded(what: string): JsonSchema {
  return bool(`Accept requests whose path contains an encoded ${what}.`, false);
}

function miscMiddlewares(target: TraefikTarget): Record<string, JsonSchema> {
  return {
    compress: obj('Compresses response bodies (gzip, brotli, zstd) for clients that accept it.', {
      excludedContentTypes: strList('Content types never compressed (`application/grpc` is always excluded).', 'A media type.'),
      includedContentTypes: since('3.0', strList('Only these content types are compressed (cannot be combined with `excludedContentTypes`).', 'A media type.')),
      minResponseBodyBytes: int('Smallest response body, in bytes, worth compressing.', { default: 1024, minimum: 0 }),
      encodings: since('3.2', strList('Encodings offered, in order of preference.', 'One of `gzip`, `br`, `zstd`.', { default: ['gzip', 'br', 'zstd'] })),
      defaultEncoding: since('3.0', str('Encoding used when the client sends no `Accept-Encoding` or `*`.')),
    }),
    contentType: obj('Lets Traefik guess and set `Content-Type` when the service sends none.', {
      autoDetect: deprecated('remove it: using the middleware is enough to enable detection', bool('Enable the detection.')),
    }),
    grpcWeb: since(
      '3.0',
      obj('Translates gRPC-Web calls from browsers into gRPC for the service.', {
        allowOrigins: strList('Origins allowed to make gRPC-Web calls; `*` allows any.', 'An origin.'),
      }),
    ),
    encodedCharacters: since(
      '3.7',
      obj('Chooses which encoded characters are accepted in the request path (others are refused with 400).', {
        allowEncodedSlash: encoded('slash `%2F`'),
        allowEncodedBackSlash: encoded('backslash `%5C`'),
        allowEncodedNullCharacter: encoded('NUL `%00`'),
        allowEncodedSemicolon: encoded('semicolon `%3B`'),
        allowEncodedPercent: encoded('percent sign `%25`'),
        allowEncodedQuestionMark: encoded('question mark `%3F`'),
        allowEncodedHash: encoded('hash `%23`'),
      }),
    ),
    errors: obj(
      'Replaces error responses of the service with a page served by another service.',
      {
        status: statusList('Statuses (or ranges) that trigger the error page.'),
        statusRewrites: since(
          '3.4',
          map({ type: 'integer', description: 'Status returned instead.', minimum: 100, maximum: 599 }, 'Status to return instead of the original one, by status or range, e.g. `"418": 404`.'),
        ),
        service: serviceRef(target, 'The service that serves the error pages.'),
        query: str('Path requested from the error service; `{status}`, `{originalStatus}` and `{url}` are replaced.', { examples: ['/{status}.html'] }),
        errorRequestHeaders: strList('Request headers passed to the error service. When unset all are passed; an empty list passes none.', 'A header name.'),
      },
      {
        defaultSnippets: [{ label: 'errors', body: { status: ['500-599'], query: '/{status}.html', service: { name: '${1:error-pages}', port: '^${2:80}' } } }],
      },
    ),
    plugin: map(
      { description: 'Configuration of the plugin, as documented by the plugin (any value).' },
      'Configuration of a plugin middleware, under the plugin name declared in the static configuration.',
    ),
  };
}

/**
 * The Middleware schema for one target.
 *
 * @example
 * schemaFor('Middleware', 'v2.11') // forTarget(middleware('v2.11'), 'v2.11')
 */
export function middleware(target: TraefikTarget): JsonSchema {
  const types: Record<string, JsonSchema> = {
    ...pathMiddlewares(),
    ...authMiddlewares(),
    headers: headersMiddleware(),
    ...trafficMiddlewares(),
    ...miscMiddlewares(target),
  };
  const s = resource(
    'Middleware',
    'A Traefik HTTP middleware: one request/response transformation that routes attach by name.',
    {
      spec: obj('The middleware type and its settings. Set exactly one type.', types, {
        'x-exactlyOne': { code: 'SCHEMA_MIDDLEWARE_TYPES', noun: 'Middleware', example: 'stripPrefix: { prefixes: [/api] }' },
      }),
    },
    { required: ['spec'] },
  );
  s.defaultSnippets = [
    {
      label: 'Middleware',
      description: 'A stripPrefix Middleware',
      body: {
        apiVersion: 'traefik.io/v1alpha1',
        kind: 'Middleware',
        metadata: { name: '${1:strip-api}', namespace: '${2:default}' },
        spec: { stripPrefix: { prefixes: ['/${3:api}'] } },
      },
    },
  ];
  return s;
}

const sourceRange = (): JsonSchema => strList('IPs and CIDR ranges allowed to connect.', 'An IP address or a CIDR range.');

/**
 * The MiddlewareTCP schema.
 *
 * @example
 * schemaFor('MiddlewareTCP', 'v3')
 */
export function middlewareTCP(): JsonSchema {
  return resource(
    'MiddlewareTCP',
    'A Traefik TCP middleware, attached to IngressRouteTCP routes.',
    {
      spec: obj(
        'The TCP middleware type and its settings. Set exactly one type.',
        {
          inFlightConn: obj('Limits the number of simultaneous connections per client IP.', {
            amount: int('Most simultaneous connections per client IP.', { minimum: 0 }),
          }),
          ipAllowList: obj('Accepts connections only from the listed IPs or ranges.', { sourceRange: sourceRange() }),
          ipWhiteList: deprecated('use `ipAllowList`', obj('Old name of `ipAllowList`.', { sourceRange: sourceRange() })),
        },
        { 'x-exactlyOne': { code: 'SCHEMA_MIDDLEWARE_TYPES', noun: 'MiddlewareTCP', example: 'ipAllowList: { sourceRange: [10.0.0.0/8] }' } },
      ),
    },
    { required: ['spec'] },
  );
}
