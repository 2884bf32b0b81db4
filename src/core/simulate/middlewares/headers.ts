// Mirrors pkg/middlewares/headers/headers.go, header.go (custom headers, CORS) and secure.go
// (unrolled/secure v1.0.9: allowedHosts, security response headers).
import { compileGoRegexp, matchString } from '../go-regexp.ts';
import { canonicalKey, delHeader, getHeader, setHeader, type HeaderMap } from '../go-http.ts';
import { httpError } from '../go-http.ts';
import { boolOf, next, numOf, objOf, respond, strList, strOf, type MiddlewareImpl, type MwContext } from './kit.ts';

const CUSTOM = ['customRequestHeaders', 'customResponseHeaders'];
const CORS = ['accessControlAllowCredentials', 'accessControlAllowHeaders', 'accessControlAllowMethods',
  'accessControlAllowOriginList', 'accessControlAllowOriginListRegex', 'accessControlExposeHeaders',
  'accessControlMaxAge', 'addVaryHeader'];
const SECURE = ['allowedHosts', 'hostsProxyHeaders', 'sslRedirect', 'sslTemporaryRedirect', 'sslForceHost', 'sslHost',
  'sslProxyHeaders', 'stsSeconds', 'stsIncludeSubdomains', 'stsPreload', 'forceSTSHeader', 'frameDeny',
  'customFrameOptionsValue', 'contentTypeNosniff', 'browserXssFilter', 'customBrowserXSSValue',
  'contentSecurityPolicy', 'contentSecurityPolicyReportOnly', 'publicKey', 'referrerPolicy', 'featurePolicy',
  'permissionsPolicy', 'isDevelopment'];

/** Whether a field counts as "defined" the way Has*HeadersDefined checks it. */
function defined(config: Record<string, unknown>, key: string): boolean {
  const v = config[key];
  if (v === undefined || v === null || v === false || v === '') return false;
  // A list or a map: defined when not empty (an array's keys are its indices).
  if (typeof v === 'object') return Object.keys(v).length > 0;
  return true;
}

const has = (config: Record<string, unknown>, keys: string[]) => keys.some((k) => defined(config, k));

function stringMap(v: unknown): [string, string][] {
  return Object.entries(objOf(v) ?? {}).map(([k, val]) => [k, strOf(val) ?? ''] as [string, string]);
}

function matchOrigin(config: Record<string, unknown>, origin: string): string | undefined {
  const credentials = boolOf(config['accessControlAllowCredentials']);
  for (const item of strList(config['accessControlAllowOriginList'])) {
    if (item === origin) return item;
    if (item === '*') return credentials ? origin : item;
  }
  for (const source of strList(config['accessControlAllowOriginListRegex'])) {
    if (matchString(compileGoRegexp(source), origin)) return origin;
  }
  return undefined;
}

/** CORS preflight answer (`processCorsHeaders`). */
function preflight(config: Record<string, unknown>, req: MwContext['req']): HeaderMap {
  const h: HeaderMap = {};
  const credentials = boolOf(config['accessControlAllowCredentials']);
  if (credentials) setHeader(h, 'Access-Control-Allow-Credentials', 'true');
  const allowHeaders = strList(config['accessControlAllowHeaders']);
  if (allowHeaders.includes('*') && credentials) {
    const acrh = getHeader(req.headers, 'Access-Control-Request-Headers');
    if (acrh !== '') setHeader(h, 'Access-Control-Allow-Headers', acrh);
  } else if (allowHeaders.length > 0) setHeader(h, 'Access-Control-Allow-Headers', allowHeaders.join(','));
  const allowMethods = strList(config['accessControlAllowMethods']);
  if (allowMethods.includes('*') && credentials) setHeader(h, 'Access-Control-Allow-Methods', getHeader(req.headers, 'Access-Control-Request-Method'));
  else if (allowMethods.length > 0) setHeader(h, 'Access-Control-Allow-Methods', allowMethods.join(','));
  const origin = matchOrigin(config, getHeader(req.headers, 'Origin'));
  if (origin !== undefined) setHeader(h, 'Access-Control-Allow-Origin', origin);
  const maxAge = numOf(config['accessControlMaxAge']);
  if (maxAge !== undefined) setHeader(h, 'Access-Control-Max-Age', String(maxAge));
  const expose = strList(config['accessControlExposeHeaders']);
  if (expose.length > 0 && !(expose.includes('*') && credentials)) setHeader(h, 'Access-Control-Expose-Headers', expose.join(','));
  setHeader(h, 'Content-Length', '0');
  return h;
}

/** Response headers of `PostRequestModifyResponseHeaders` and of the secure handler. */
function responseHeaders(config: Record<string, unknown>, ctx: MwContext, ssl: boolean): string[] {
  // The response travels back inner → outer: within this middleware the custom/CORS handler runs after the
  // secure one (overrides it); across middlewares the outer one (recorded earlier) has the last word.
  const local: HeaderMap = {};
  const lines: string[] = [];
  const put = (k: string, v: string) => {
    local[canonicalKey(k)] = [v];
    lines.push(v === '' ? `-${k}` : `${k}: ${v}`);
  };
  const dev = boolOf(config['isDevelopment']);
  const sts = numOf(config['stsSeconds']) ?? 0;
  if (sts !== 0 && (ssl || boolOf(config['forceSTSHeader'])) && !dev) {
    put('Strict-Transport-Security', `max-age=${sts}${boolOf(config['stsIncludeSubdomains']) ? '; includeSubDomains' : ''}${boolOf(config['stsPreload']) ? '; preload' : ''}`);
  }
  const frame = strOf(config['customFrameOptionsValue']) ?? '';
  if (frame !== '') put('X-Frame-Options', frame);
  else if (boolOf(config['frameDeny'])) put('X-Frame-Options', 'DENY');
  if (boolOf(config['contentTypeNosniff'])) put('X-Content-Type-Options', 'nosniff');
  const xss = strOf(config['customBrowserXSSValue']) ?? '';
  if (xss !== '') put('X-XSS-Protection', xss);
  else if (boolOf(config['browserXssFilter'])) put('X-XSS-Protection', '1; mode=block');
  const pk = strOf(config['publicKey']) ?? '';
  if (pk !== '' && ssl && !dev) put('Public-Key-Pins', pk);
  for (const [key, header] of [['contentSecurityPolicy', 'Content-Security-Policy'], ['contentSecurityPolicyReportOnly', 'Content-Security-Policy-Report-Only'],
    ['referrerPolicy', 'Referrer-Policy'], ['permissionsPolicy', 'Permissions-Policy']] as const) {
    const v = strOf(config[key]) ?? '';
    if (v !== '') put(header, v);
  }
  for (const [k, v] of stringMap(config['customResponseHeaders'])) put(k, v);
  const origin = matchOrigin(config, getHeader(ctx.req.headers, 'Origin'));
  if (origin !== undefined) put('Access-Control-Allow-Origin', origin);
  if (boolOf(config['accessControlAllowCredentials'])) put('Access-Control-Allow-Credentials', 'true');
  const expose = strList(config['accessControlExposeHeaders']);
  if (expose.length > 0 && !(expose.includes('*') && boolOf(config['accessControlAllowCredentials']))) put('Access-Control-Expose-Headers', expose.join(','));
  if (boolOf(config['addVaryHeader'])) put('Vary', 'Origin');
  for (const [k, v] of Object.entries(local)) if (!(k in ctx.responseHeaders)) ctx.responseHeaders[k] = v;
  return lines;
}

export const headers: MiddlewareImpl = {
  check(config) {
    if (!has(config, CUSTOM) && !has(config, CORS) && !has(config, SECURE)) return 'headers: headers configuration not valid (nothing set)';
    for (const source of strList(config['accessControlAllowOriginListRegex'])) {
      const re = compileGoRegexp(source);
      if (!re.ok) return `headers: error occurred during origin parsing: ${re.error}`;
    }
    return null;
  },
  run(config, ctx) {
    const { req } = ctx;
    const effects: string[] = [];
    if (has(config, CORS) && req.method === 'OPTIONS' && getHeader(req.headers, 'Access-Control-Request-Method') !== '' && getHeader(req.headers, 'Origin') !== '') {
      return respond({ status: 200, headers: preflight(config, req), body: '' }, 'cors-preflight', `CORS preflight from ${getHeader(req.headers, 'Origin')} answered 200 by Traefik`);
    }
    for (const [key, value] of stringMap(config['customRequestHeaders'])) {
      if (value === '' && key === 'X-Forwarded-For') {
        delete req.headers['X-Forwarded-For'];
        ctx.omitXForwardedFor = true;
        effects.push('X-Forwarded-For will not be sent');
      } else if (value === '') {
        delHeader(req.headers, key);
        effects.push(`request header ${canonicalKey(key)} removed`);
      } else if (key.toLowerCase() === 'host') {
        req.host = value;
        effects.push(`request Host set to ${value}`);
      } else {
        setHeader(req.headers, key, value);
        effects.push(`request ${canonicalKey(key)}: ${value}`);
      }
    }
    // The secure handler's allowedHosts check (a non-empty allowedHosts is itself a secure field).
    const allowed = strList(config['allowedHosts']);
    if (allowed.length > 0 && !boolOf(config['isDevelopment'])) {
      let host = req.host;
      for (const h of strList(config['hostsProxyHeaders'])) {
        const v = getHeader(req.headers, h);
        if (v !== '') {
          host = v;
          break;
        }
      }
      if (!allowed.some((a) => a.toLowerCase() === host.toLowerCase())) {
        return respond(httpError('Bad Host', 500), 'internal-error', `host "${host}" is not in allowedHosts [${allowed.join(', ')}]: 500 Bad Host`);
      }
    }
    const sslHeaders = stringMap(config['sslProxyHeaders']);
    const ssl = req.tls || sslHeaders.some(([k, v]) => getHeader(req.headers, k) === v);
    const added = responseHeaders(config, ctx, ssl);
    if (added.length > 0) effects.push(`response ${added.join('; ')}`);
    return effects.length > 0 ? next('applied', effects.join('; ')) : next('no-op', 'nothing applies to this request');
  },
};
