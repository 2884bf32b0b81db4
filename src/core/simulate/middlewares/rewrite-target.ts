// Mirrors pkg/middlewares/ingressnginx/rewritetarget/rewrite_target.go: the kubernetesIngressNGINX
// provider's rewrite-target (case-insensitive regex over the raw path, `$1` captures, a 302 when the
// replacement is an absolute URL, X-Forwarded-Prefix).
import { compileGoRegexp, matchString, replaceAllString, type GoRegexp } from '../go-regexp.ts';
import { escapedPath, joinPath, pathUnescape, requestURI } from '../go-url.ts';
import { httpError, setHeader } from '../go-http.ts';
import { next, respond, strOf, type MiddlewareImpl } from './kit.ts';

const CAPTURE_REFS = /\$[0-9]+/g;

function isAbsoluteURL(s: string): boolean {
  return /^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(s);
}

function compile(config: Record<string, unknown>): GoRegexp | null {
  const regex = (strOf(config['regex']) ?? '').trim();
  if (regex === '') return null;
  const re = compileGoRegexp(`(?i)${regex}`);
  // An absolute URL replacement without capture groups matches the whole path (traefik#12931).
  if (re.ok && re.re.groupCount() === 0 && isAbsoluteURL((strOf(config['replacement']) ?? '').trim())) return compileGoRegexp(`(?i)${regex}.*`);
  return re;
}

export const rewriteTarget: MiddlewareImpl = {
  check(config) {
    if ((strOf(config['replacement']) ?? '') === '') return 'rewriteTarget: replacement cannot be empty';
    const re = compile(config);
    return re && !re.ok ? `rewriteTarget: compiling regular expression ${strOf(config['regex'])}: ${re.error}` : null;
  },
  run(config, { req }) {
    const re = compile(config);
    const replacement = (strOf(config['replacement']) ?? '').trim();
    const current = req.url.rawPath !== '' ? req.url.rawPath : escapedPath(req.url);
    if (re && !matchString(re, current)) return next('no-op', `regex ${re.source} does not match ${current}: nothing to rewrite`);
    const target = re ? replaceAllString(re, current, replacement) : replacement.replace(CAPTURE_REFS, '');
    if (target === '') return respond(httpError('Internal Server Error', 500), 'internal-error', 'the rewritten path is empty: 500');
    if (isAbsoluteURL(replacement)) {
      const query = req.url.rawQuery && !target.includes('?') ? `?${req.url.rawQuery}` : '';
      const location = `${target}${query}`;
      return respond({ status: 302, headers: { Location: location }, body: `<a href="${location}">Found</a>.\n\n` }, 'redirect', `302 Found → ${location} (the rewrite target is an absolute URL)`);
    }
    const prefixTemplate = strOf(config['xForwardedPrefix']) ?? '';
    if (prefixTemplate !== '') setHeader(req.headers, 'X-Forwarded-Prefix', re ? replaceAllString(re, current, prefixTemplate) : prefixTemplate);
    req.url.rawPath = target;
    const decoded = pathUnescape(target);
    if (decoded === undefined) return respond(httpError(`invalid URL escape in "${target}"`, 500), 'internal-error', `cannot unescape "${target}": 500`);
    req.url.path = decoded;
    const path = req.url.path;
    if (path !== '') req.url = joinPath(req.url);
    if (path !== req.url.path) return respond(httpError('Bad Request', 400), 'bad-request', `the rewritten path "${path}" is changed by path cleaning to "${req.url.path}": 400`);
    req.requestURI = requestURI(req.url);
    return next('applied', `path rewritten: ${current} → ${target}${prefixTemplate ? `; X-Forwarded-Prefix set` : ''}`);
  },
};
