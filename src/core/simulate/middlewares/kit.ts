// The contract between the middleware chain runner (pkg/server/middleware/middlewares.go) and each simulated
// middleware (pkg/middlewares/*): a request to rewrite in place, or a response Traefik writes itself. Also
// pkg/middlewares/encodedcharacters/encoded_characters.go, and descriptions of the kinds that are not simulated.
import type { DynamicMiddleware } from '../../types.ts';
import type { CompiledRouting } from '../compiled.ts';
import type { HeaderMap } from '../go-http.ts';
import { escapedPath } from '../go-url.ts';
import type { GoRequest } from '../request.ts';
import type { ErrorPageRule, ResponseCause, SimResponse } from '../verdict.ts';

export interface MwContext {
  /** The request, rewritten in place by each middleware. */
  req: GoRequest;
  /** Headers set on the response on its way back (`''` value = delete). */
  responseHeaders: HeaderMap;
  /** X-Forwarded-For set to nil by a Headers middleware: the proxy will not add it. */
  omitXForwardedFor: boolean;
  routing: CompiledRouting;
  mw: DynamicMiddleware;
  /** Namespace of the Middleware resource (for its Secret). */
  namespace: string;
  errorPages: ErrorPageRule[];
}

export type MwOutcome =
  | { kind: 'next'; status: 'applied' | 'no-op' | 'not-simulated'; effect: string }
  | { kind: 'respond'; response: SimResponse; cause: ResponseCause; effect: string };

/** A simulated middleware type: `check` mirrors its constructor (config errors make the router fail). */
export interface MiddlewareImpl {
  check(config: Record<string, unknown>, ctx: Pick<MwContext, 'routing' | 'namespace'>): string | null;
  run(config: Record<string, unknown>, ctx: MwContext): MwOutcome;
}

/** The request goes on to the next handler. */
export const next = (status: 'applied' | 'no-op' | 'not-simulated', effect: string): MwOutcome => ({ kind: 'next', status, effect });

/** Traefik answers itself; the chain stops here. */
export const respond = (response: SimResponse, cause: ResponseCause, effect: string): MwOutcome => ({ kind: 'respond', response, cause, effect });

/**
 * Defensive reader: a string (numbers and booleans as text).
 *
 * @example
 * strOf(8443) // '8443'
 */
export function strOf(v: unknown): string | undefined {
  return typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined;
}

/**
 * Defensive reader: the strings of a list.
 *
 * @example
 * strList(['/a', 1, null]) // ['/a', '1']
 */
export function strList(v: unknown): string[] {
  return Array.isArray(v) ? v.map(strOf).filter((s): s is string => s !== undefined) : [];
}

/**
 * Defensive reader: true or 'true'.
 *
 * @example
 * boolOf('true') // true
 */
export function boolOf(v: unknown): boolean {
  return v === true || v === 'true';
}

/**
 * Defensive reader: a finite number or an integer string.
 *
 * @example
 * numOf('403') // 403
 */
export function numOf(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && /^-?\d+$/.test(v.trim())) return Number(v);
  return undefined;
}

/**
 * Defensive reader: a plain object.
 *
 * @example
 * objOf([]) // undefined
 */
export function objOf(v: unknown): Record<string, unknown> | undefined {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

const ENCODED_FLAGS: [string, string[]][] = [
  ['allowEncodedSlash', ['%2F', '%2f']], ['allowEncodedBackSlash', ['%5C', '%5c']], ['allowEncodedNullCharacter', ['%00']],
  ['allowEncodedSemicolon', ['%3B', '%3b']], ['allowEncodedPercent', ['%25']], ['allowEncodedQuestionMark', ['%3F', '%3f']],
  ['allowEncodedHash', ['%23']],
];

/**
 * The encoded sequences an encodedCharacters config denies.
 *
 * @example
 * deniedEncodedCharacters({ allowEncodedSlash: true }).has('%2F') // false
 */
export function deniedEncodedCharacters(config: Record<string, unknown>): Set<string> {
  const denied = new Set<string>();
  for (const [flag, seqs] of ENCODED_FLAGS) if (!boolOf(config[flag])) seqs.forEach((s) => denied.add(s));
  return denied;
}

/**
 * The first denied `%XX` in an escaped path, '%' for a truncated escape, or undefined.
 *
 * @example
 * firstDenied('/a%2Fb', new Set(['%2F'])) // '%2F'
 */
export function firstDenied(path: string, denied: Set<string>): string | undefined {
  for (let i = 0; i < path.length; i++) {
    if (path[i] !== '%') continue;
    if (i + 2 >= path.length) return '%';
    if (denied.has(path.slice(i, i + 3))) return path.slice(i, i + 3);
    i += 2;
  }
  return undefined;
}

export const encodedCharacters: MiddlewareImpl = {
  check: () => null,
  run(config, { req }) {
    const path = escapedPath(req.url);
    const hit = firstDenied(path, deniedEncodedCharacters(config));
    if (hit !== undefined) return respond({ status: 400, headers: {}, body: '' }, 'bad-request', `the path ${path} contains the denied encoded character ${hit}: 400`);
    return next('no-op', `no denied encoded character in ${path}`);
  },
};

/**
 * What a middleware that is not simulated would do, by CRD type.
 *
 * @example
 * describeUnsimulated('retry', { attempts: 3 }) // 'retries up to 3 times on network errors'
 */
export function describeUnsimulated(type: string, config: Record<string, unknown>): string {
  const s = (k: string) => strOf(config[k]) ?? '?';
  switch (type) {
    case 'rateLimit':
      return `rate limit ${numOf(config['average']) ?? 0}/${s('period') === '?' ? '1s' : s('period')} (burst ${numOf(config['burst']) ?? 1}) per source; one request passes, bursts get 429`;
    case 'inFlightReq':
      return `at most ${numOf(config['amount']) ?? '?'} concurrent requests per source; one request passes, more get 429`;
    case 'forwardAuth':
      return `asks ${s('address')} first: a 2xx lets the request through (assumed here), any other answer is returned to the client`;
    case 'digestAuth':
      return 'digest authentication is not verified here (assumed valid)';
    case 'compress':
      return 'compresses the response when the client accepts gzip/br/zstd';
    case 'buffering':
      return 'buffers the request and response bodies (size limits, retry expression)';
    case 'circuitBreaker':
      return `circuit breaker on \`${s('expression')}\`: closed (passing) unless the backend has been failing`;
    case 'retry':
      return `retries up to ${numOf(config['attempts']) ?? '?'} times on network errors`;
    case 'passTLSClientCert':
      return 'passes the client certificate in X-Forwarded-Tls-Client-Cert(-Info) (no client certificate here)';
    case 'contentType':
      return 'content-type auto-detection for responses';
    case 'grpcWeb':
      return 'translates gRPC-Web requests to gRPC';
    case 'snippet': {
      // kubernetesIngressNGINX: external auth (auth-url) and the few snippet directives Traefik interprets.
      const auth = objOf(config['auth']);
      const parts = auth ? [`asks ${strOf(auth['address']) ?? '?'} first (${strOf(auth['method']) || 'GET'}): a 2xx lets the request through (assumed here), a 401 ${strOf(auth['authSigninURL']) ? `redirects to ${strOf(auth['authSigninURL'])}` : 'is returned to the client'}`] : [];
      if (config['configurationSnippet'] || config['serverSnippet']) parts.push('runs NGINX snippet directives (not simulated)');
      return parts.join('; ') || 'NGINX snippet: its effect is not simulated';
    }
    case 'authTLSPassCertificateToUpstream':
      return 'passes the client certificate upstream in ssl-client-cert / ssl-client-verify headers (no client certificate here)';
    case 'plugin':
      return `plugin ${Object.keys(objOf(config) ?? {}).join(', ') || '?'}: its effect is not simulated`;
    default:
      return `${type || 'unknown type'}: its effect is not simulated`;
  }
}

/** Middlewares passed through with a description (never silently ignored). */
export const unsimulated = (type: string): MiddlewareImpl => ({
  check: () => null,
  run: (config) => next('not-simulated', describeUnsimulated(type, config)),
});
