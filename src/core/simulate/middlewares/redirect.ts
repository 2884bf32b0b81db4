// Mirrors pkg/middlewares/redirect/redirect.go, redirect_scheme.go and redirect_regex.go.
import { compileGoRegexp, findStringSubmatch, matchString, replaceAllString } from '../go-regexp.ts';
import { getHeader } from '../go-http.ts';
import { parseAndFormatURL } from '../go-url-parse.ts';
import { splitHostPort } from '../forwarded.ts';
import type { GoRequest } from '../request.ts';
import { statusBody, statusText } from '../go-http.ts';
import { boolOf, next, numOf, respond, strOf, type MiddlewareImpl, type MwOutcome } from './kit.ts';

const URI_REGEXP = compileGoRegexp('^(https?):\\/\\/(\\[[\\w:.]+\\]|[\\w\\._-]+)?(:\\d+)?(.*)$');
const SCHEME_PATTERN = '^(https?:\\/\\/)?(\\[[\\w:.]+\\]|[\\w\\._-]+)?(:\\d+)?(.*)$';

/** Parses an absolute-form RequestURI (rare) into its parts. */
function absoluteParts(uri: string): string[] | null {
  return findStringSubmatch(URI_REGEXP, uri);
}

/**
 * `redirectScheme.clientRequestURL`: the URL the client used (X-Forwarded-Proto counts, default ports dropped).
 *
 * @example
 * clientRequestURL(req) // 'http://a.com:8080/x?y=1'
 */
export function clientRequestURL(req: GoRequest): string {
  const split = splitHostPort(req.host);
  const parts = requestParts(req, split ? split.host : req.host, split ? ':' + split.port : '');
  const { host, uri } = parts;
  let { scheme, port } = parts;
  const xProto = getHeader(req.headers, 'X-Forwarded-Proto').toLowerCase();
  if (xProto === 'http' || xProto === 'ws') scheme = 'http';
  else if (xProto === 'https' || xProto === 'wss') scheme = 'https';
  if ((scheme === 'http' && port === ':80') || (scheme === 'https' && port === ':443')) port = '';
  return `${scheme}://${host}${port}${uri}`;
}

/**
 * `redirect_regex.go rawURL`: scheme from TLS only, Host kept with its port.
 *
 * @example
 * rawURL(req) // 'https://a.com:8443/x'
 */
export function rawURL(req: GoRequest): string {
  const { scheme, host, port, uri } = requestParts(req, req.host, '');
  return `${scheme}://${host}${port}${uri}`;
}

/** Where both start: an absolute request URI overrides the given host and port; TLS makes it https. */
function requestParts(req: GoRequest, host: string, port: string): { scheme: string; host: string; port: string; uri: string } {
  let scheme = 'http';
  let uri = req.requestURI;
  const m = absoluteParts(req.requestURI);
  if (m) {
    scheme = m[1]!;
    if (m[2]) host = m[2];
    if (m[3]) port = m[3];
    uri = m[4]!;
  }
  if (req.tls) scheme = 'https';
  return { scheme, host, port, uri };
}

/** `redirect.ServeHTTP` + `moveHandler`. */
function redirect(
  req: GoRequest,
  regexSource: string,
  replacement: string,
  permanent: boolean,
  statusCode: number | undefined,
  oldURL: string,
): MwOutcome {
  const re = compileGoRegexp(regexSource);
  if (!matchString(re, oldURL)) return next('no-op', `${oldURL} does not match ${regexSource}: no redirect`);
  const newURL = replaceAllString(re, oldURL, replacement);
  // A url.Parse error goes to oxy's StdHandler: a *url.Error is a net.Error, not a timeout → 502 Bad Gateway.
  const location = parseAndFormatURL(newURL);
  if (location === undefined) {
    return respond(statusBody(502), 'internal-error', `the redirect target "${newURL}" is not a valid URL: 502`);
  }
  if (newURL === oldURL) return next('no-op', `the target equals the current URL ${oldURL}: the request goes on`);
  let status = req.method === 'GET' ? 302 : 307;
  if (permanent) status = req.method === 'GET' ? 301 : 308;
  if (statusCode !== undefined) status = statusCode;
  // Location is the parsed URL written back (URL.String(): the path re-escaped).
  const response = { status, headers: { Location: location }, body: statusText(status) };
  return respond(response, 'redirect', `${status} ${statusText(status)} → ${newURL}`);
}

const schemeOf = (config: Record<string, unknown>) => strOf(config['scheme']) ?? '';
const regexOf = (config: Record<string, unknown>) => strOf(config['regex']) ?? '';

export const redirectScheme: MiddlewareImpl = {
  check: (config) => (schemeOf(config) === '' ? 'redirectScheme: you must provide a target scheme' : null),
  run(config, { req }) {
    const scheme = schemeOf(config);
    const confPort = strOf(config['port']) ?? '';
    const port = confPort !== '' && !((scheme === 'http' && confPort === '80') || (scheme === 'https' && confPort === '443')) ? ':' + confPort : '';
    const forced = boolOf(config['forcePermanentRedirect']) ? 308 : undefined;
    return redirect(req, SCHEME_PATTERN, `${scheme}://\${2}${port}\${4}`, boolOf(config['permanent']), forced, clientRequestURL(req));
  },
};

export const redirectRegex: MiddlewareImpl = {
  check(config) {
    const re = compileGoRegexp(regexOf(config));
    return re.ok ? null : `redirectRegex: ${re.error}`;
  },
  run(config, { req }) {
    const statusCode = numOf(config['statusCode']);
    return redirect(req, regexOf(config), strOf(config['replacement']) ?? '', boolOf(config['permanent']), statusCode, rawURL(req));
  },
};
