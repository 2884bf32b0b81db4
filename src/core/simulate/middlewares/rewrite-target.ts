// Mirrors pkg/middlewares/ingressnginx/rewritetarget/rewrite_target.go: the kubernetesIngressNGINX
// provider's rewrite-target (case-insensitive regex over the raw path, `$1` captures, a 302 when the
// replacement is an absolute URL, X-Forwarded-Prefix).
import { compileGoRegexp, matchString, replaceAllString, type GoRegexp } from '../go-regexp.ts';
import { escapedPath, joinPath, pathUnescape, requestURI, unescapeError } from '../go-url.ts';
import { httpError, httpRedirect, setHeader } from '../go-http.ts';
import { next, respond, strOf, type MiddlewareImpl } from './kit.ts';

const CAPTURE_REFS = /\$[0-9]+/g;

function isAbsoluteURL(s: string): boolean {
  return /^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(s);
}

/** The replacement as configured: New tests it untrimmed (empty, and url.Parse's scheme for a redirect). */
const rawReplacement = (config: Record<string, unknown>) => strOf(config['replacement']) ?? '';

function compile(config: Record<string, unknown>): GoRegexp | null {
  // New: a regex only when one is configured (then trimmed), compiled case-insensitively.
  const raw = strOf(config['regex']) ?? '';
  if (raw === '') return null;
  const regex = raw.trim();
  const re = compileGoRegexp(`(?i)${regex}`);
  // An absolute URL replacement without capture groups matches the whole path (traefik#12931).
  if (re.ok && re.re.groupCount() === 0 && isAbsoluteURL(rawReplacement(config))) return compileGoRegexp(`(?i)${regex}.*`);
  return re;
}

/**
 * The redirect target with the request's query when the target has none (`url.Parse`: the fragment is cut at
 * the first `#`, then the query at the first `?`; a bare trailing `?` is an empty query).
 */
function withRequestQuery(target: string, rawQuery: string): string {
  const [beforeHash, ...afterHash] = target.split('#') as [string, ...string[]];
  const [path, ...query] = beforeHash.split('?');
  if (rawQuery === '' || query.join('?') !== '') return target;
  return `${path}?${rawQuery}${afterHash.length > 0 ? `#${afterHash.join('#')}` : ''}`;
}

export const rewriteTarget: MiddlewareImpl = {
  check(config) {
    if (rawReplacement(config) === '') return 'rewriteTarget: replacement cannot be empty';
    const re = compile(config);
    return re && !re.ok ? `rewriteTarget: compiling regular expression ${strOf(config['regex'])}: ${re.error}` : null;
  },
  run(config, { req }) {
    const re = compile(config);
    const replacement = rawReplacement(config).trim();
    const current = req.url.rawPath !== '' ? req.url.rawPath : escapedPath(req.url);
    if (re && !matchString(re, current)) return next('no-op', `regex ${re.source} does not match ${current}: nothing to rewrite`);
    const target = re ? replaceAllString(re, current, replacement) : replacement.replace(CAPTURE_REFS, '');
    if (target === '') return respond(httpError('Internal Server Error', 500), 'internal-error', 'the rewritten path is empty: 500');
    if (isAbsoluteURL(rawReplacement(config))) {
      const location = withRequestQuery(target, req.url.rawQuery);
      return respond(httpRedirect(req.method, location, 302), 'redirect', `302 Found → ${location} (the rewrite target is an absolute URL)`);
    }
    const prefixTemplate = strOf(config['xForwardedPrefix']) ?? '';
    if (prefixTemplate !== '') setHeader(req.headers, 'X-Forwarded-Prefix', re ? replaceAllString(re, current, prefixTemplate) : prefixTemplate);
    req.url.rawPath = target;
    const decoded = pathUnescape(target);
    // http.Error(rw, err.Error(), 500): the url.EscapeError names the bad escape (pathUnescape failed, so there is one).
    if (decoded === undefined) return respond(httpError(unescapeError(target)!, 500), 'internal-error', `cannot unescape "${target}": 500`);
    req.url.path = decoded;
    // Go cleans only a non-empty path; an empty target was answered 500 above, so the path here never is.
    const path = req.url.path;
    req.url = joinPath(req.url);
    if (path !== req.url.path) return respond(httpError('Bad Request', 400), 'bad-request', `the rewritten path "${path}" is changed by path cleaning to "${req.url.path}": 400`);
    req.requestURI = requestURI(req.url);
    return next('applied', `path rewritten: ${current} → ${target}${prefixTemplate ? `; X-Forwarded-Prefix set` : ''}`);
  },
};
