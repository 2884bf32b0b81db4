/**
 * Middlewares that admit, limit, buffer or retry traffic: ipAllowList, ipWhiteList, rateLimit,
 * inFlightReq, buffering, circuitBreaker, retry. Mirrors pkg/config/dynamic/middlewares.go and the
 * CRD-specific RateLimit, Redis, Buffering, CircuitBreaker, Retry of traefikio/v1alpha1/middleware.go.
 */
import { type JsonSchema, bool, deprecated, duration, int, intOrString, list, obj, since, str, strList } from '../json-schema.ts';

const STATUS_PATTERN = '^([1-5][0-9]{2}[,-]?)+$';
const STATUS_HINT = 'status codes such as `500`, `500,502` or ranges such as `500-599`';

/**
 * A list of status codes or ranges, as strings.
 *
 * @example
 * statusList('Statuses that trigger the error page.')
 */
export function statusList(description: string): JsonSchema {
  return list({ type: 'string', description: 'A status, a comma-separated list or a range, e.g. `500-599`.', pattern: STATUS_PATTERN, 'x-patternHint': STATUS_HINT }, description);
}

function ipStrategy(): JsonSchema {
  return obj('How the client IP is found. Without it, the address of the TCP connection is used.', {
    depth: int('Take the IP at this position from the right of `X-Forwarded-For` (1 = last one).', { minimum: 0 }),
    excludedIPs: strList('IPs or ranges skipped when scanning `X-Forwarded-For` from the right; the first other IP is used.', 'An IP or CIDR range.'),
    ipv6Subnet: since('3.2', int('Treat all IPv6 addresses of a subnet of this prefix length as one client.', { minimum: 0, maximum: 128 })),
  });
}

function sourceCriterion(defaultSource: string): JsonSchema {
  return obj(`What groups requests into one source. Set only one criterion. Without any, ${defaultSource} is used.`, {
    ipStrategy: ipStrategy(),
    requestHeaderName: str('Group requests by the value of this header.'),
    requestHost: bool('Group requests by their Host.', false),
  });
}

function allowList(description: string): Record<string, JsonSchema> {
  return {
    sourceRange: strList(description, 'An IP address or a CIDR range, e.g. `10.0.0.0/8`.'),
    ipStrategy: ipStrategy(),
  };
}

/**
 * ipAllowList, ipWhiteList, rateLimit, inFlightReq, buffering, circuitBreaker and retry, by type key.
 *
 * @example
 * obj('Middleware spec.', { ...trafficMiddlewares() })
 */
export function trafficMiddlewares(): Record<string, JsonSchema> {
  return {
    ipAllowList: obj(
      'Lets only clients from the listed IPs or ranges through; the others are refused (403 by default).',
      {
        ...allowList('IPs and CIDR ranges allowed.'),
        rejectStatusCode: since('3.0', int('Status answered to refused clients.', { default: 403, minimum: 100, maximum: 599 })),
      },
      { defaultSnippets: [{ label: 'ipAllowList', body: { sourceRange: ['${1:10.0.0.0/8}'] } }] },
    ),
    ipWhiteList: deprecated('use `ipAllowList` (same fields)', obj('Old name of `ipAllowList`.', allowList('IPs and CIDR ranges allowed.'))),
    rateLimit: obj(
      'Limits the request rate per source with a token bucket; requests over the limit get 429.',
      {
        average: int('Allowed requests per `period` (per second by default); 0 means no limit.', { minimum: 0, default: 0 }),
        period: intOrString('Period over which `average` is counted: seconds or a duration such as `1m`.', { default: '1s' }),
        burst: int('Requests allowed at once above the average rate.', { minimum: 0, default: 1 }),
        sourceCriterion: sourceCriterion("the client's IP address"),
        redis: since(
          '3.4',
          obj('Keep the buckets in Redis so several Traefik instances share the limit.', {
            endpoints: strList('Redis addresses (`host:port`), one or a seed list.', 'A `host:port` address.', { default: ['localhost:6379'] }),
            tls: obj('TLS for the connection to Redis.', {
              caSecret: str('Secret holding the CA of the Redis server certificate.'),
              certSecret: str('Secret holding a client certificate for mutual TLS.'),
              insecureSkipVerify: bool('Accept any Redis server certificate.', false),
            }),
            secret: str('Secret holding the Redis `username` and `password`.'),
            db: int('Redis database number.', { default: 0, minimum: 0 }),
            poolSize: int('Base number of connections; 0 means 10 per CPU.', { default: 0, minimum: 0 }),
            minIdleConns: int('Idle connections to keep open.', { default: 0, minimum: 0 }),
            maxActiveConns: int('Most connections at a time; 0 means no limit.', { default: 0, minimum: 0 }),
            readTimeout: duration('Timeout of socket reads.', '3s'),
            writeTimeout: duration('Timeout of socket writes.', '3s'),
            dialTimeout: duration('Timeout for opening a connection.', '5s'),
          }),
        ),
      },
      { defaultSnippets: [{ label: 'rateLimit', body: { average: '^${1:100}', burst: '^${2:50}' } }] },
    ),
    inFlightReq: obj('Limits the number of requests being processed at once per source; extra requests get 429.', {
      amount: int('Most simultaneous requests per source.', { minimum: 0 }),
      sourceCriterion: sourceCriterion('the request Host'),
    }),
    buffering: obj('Reads whole requests and/or responses into a buffer before passing them on, with size limits.', {
      maxRequestBodyBytes: int('Largest request body in bytes; larger requests get 413. 0 means no limit.', { default: 0 }),
      memRequestBodyBytes: int('Request body size in bytes above which the buffer moves from memory to disk.', { default: 1048576 }),
      maxResponseBodyBytes: int('Largest response body in bytes; larger responses become 500. 0 means no limit.', { default: 0 }),
      memResponseBodyBytes: int('Response body size in bytes above which the buffer moves from memory to disk.', { default: 1048576 }),
      retryExpression: str('Condition for replaying the buffered request, e.g. `IsNetworkError() && Attempts() < 2`.'),
    }),
    circuitBreaker: obj('Stops calling a failing service for a while when an expression on its recent results becomes true.', {
      expression: str('When to open the circuit, e.g. `NetworkErrorRatio() > 0.5` or `LatencyAtQuantileMS(50.0) > 100`.'),
      checkPeriod: duration('How often the expression is evaluated.', '100ms'),
      fallbackDuration: intOrString('How long the circuit stays open before trying to recover.', { default: '10s' }),
      recoveryDuration: duration('How long the recovering state lasts.', '10s'),
      responseCode: since('3.0', int('Status answered while the circuit is open.', { default: 503, minimum: 100, maximum: 599 })),
    }),
    retry: obj('Sends the request again when the service cannot be reached (and, from v3.7, on chosen statuses).', {
      attempts: int('How many times to try in total.', { minimum: 0 }),
      initialInterval: duration('First wait of the exponential backoff between attempts; without it the retries are immediate.'),
      timeout: since('3.7', duration('Total time allowed for all attempts.')),
      maxRequestBodyBytes: since('3.7', int('Largest request body kept for retrying; -1 means no limit.', { minimum: -1 })),
      status: since('3.7', statusList('Response statuses that trigger a retry.')),
      disableRetryOnNetworkError: since('3.7', bool('Do not retry when the request could not be sent to the server.', false)),
      retryNonIdempotentMethod: since('3.7', bool('Also retry POST, PATCH and LOCK requests.', false)),
    }),
  };
}
