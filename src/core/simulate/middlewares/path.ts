// Mirrors pkg/middlewares/stripprefix/strip_prefix.go, stripprefixregex/strip_prefix_regex.go,
// addprefix/add_prefix.go, replacepath/replace_path.go and replacepathregex/replace_path_regex.go.
import { compileGoRegexp, findStringSubmatch, matchString, replaceAllString } from '../go-regexp.ts';
import { escapedPath, joinPath, pathUnescape, requestURI, unescapeError } from '../go-url.ts';
import { addHeader } from '../go-http.ts';
import type { GoRequest } from '../request.ts';
import { httpError } from '../go-http.ts';
import { utf8Length } from '../../rules/go-text.ts';
import { boolOf, next, respond, strList, strOf, type MiddlewareImpl, type MwOutcome } from './kit.ts';

function ensureLeadingSlash(s: string): string {
  return s === '' || s.startsWith('/') ? s : '/' + s;
}

/**
 * `encodedPrefixLen`: bytes of rawPath covering the decoded prefix (3 per `%XX`). Go's `len(decodedPrefix)`
 * counts UTF-8 bytes (`/é` is 3, spelled `/%C3%A9` in the raw path), not UTF-16 units.
 */
function encodedPrefixLen(rawPath: string, decodedPrefix: string): number {
  const prefixBytes = utf8Length(decodedPrefix);
  let decoded = 0;
  let i = 0;
  while (i < rawPath.length && decoded < prefixBytes) {
    i += rawPath[i] === '%' && i + 2 < rawPath.length ? 3 : 1;
    decoded++;
  }
  return i;
}

/** After a strip: clean the path (JoinPath); a path that cleaning changes is rejected with 400. */
function cleanOr400(req: GoRequest, what: string): MwOutcome | null {
  const path = req.url.path;
  if (path !== '') req.url = joinPath(req.url);
  if (path !== req.url.path) {
    return respond(httpError('Bad Request', 400), 'bad-request', `${what} leaves "${path}", which path cleaning changes to "${req.url.path}": 400`);
  }
  return null;
}

const currentRaw = (req: GoRequest) => (req.url.rawPath !== '' ? req.url.rawPath : escapedPath(req.url));

export const stripPrefix: MiddlewareImpl = {
  check: () => null,
  run(config, { req }) {
    const forceSlash = boolOf(config['forceSlash']);
    for (const prefix of strList(config['prefixes']).map((p) => p.trim())) {
      if (!req.url.path.startsWith(prefix)) continue;
      const before = req.url.path;
      const rest = req.url.path.slice(prefix.length);
      req.url.path = forceSlash ? '/' + rest.replace(/^\//, '') : ensureLeadingSlash(rest);
      if (req.url.rawPath !== '') {
        const rawRest = req.url.rawPath.slice(encodedPrefixLen(req.url.rawPath, prefix));
        req.url.rawPath = forceSlash ? '/' + rawRest.replace(/^\//, '') : ensureLeadingSlash(rawRest);
      }
      const rejected = cleanOr400(req, `stripping "${prefix}"`);
      if (rejected) return rejected;
      addHeader(req.headers, 'X-Forwarded-Prefix', prefix);
      req.requestURI = requestURI(req.url);
      return next('applied', `stripped "${prefix}": ${before} → ${req.url.path || '(empty, sent as /)'}; X-Forwarded-Prefix: ${prefix}`);
    }
    return next('no-op', `no prefix of [${strList(config['prefixes']).join(', ')}] starts the path ${req.url.path}`);
  },
};

export const stripPrefixRegex: MiddlewareImpl = {
  check(config) {
    for (const r of strList(config['regex'])) {
      const re = compileGoRegexp(r.trim());
      if (!re.ok) return `stripPrefixRegex: ${re.error}`;
    }
    return null;
  },
  run(config, { req }) {
    for (const source of strList(config['regex'])) {
      const parts = findStringSubmatch(compileGoRegexp(source.trim()), req.url.path);
      if (!parts || parts[0] === '') continue;
      const prefix = parts[0]!;
      if (!req.url.path.startsWith(prefix)) continue;
      const before = req.url.path;
      addHeader(req.headers, 'X-Forwarded-Prefix', prefix);
      req.url.path = ensureLeadingSlash(req.url.path.replace(prefix, ''));
      if (req.url.rawPath !== '') req.url.rawPath = ensureLeadingSlash(req.url.rawPath.slice(encodedPrefixLen(req.url.rawPath, prefix)));
      const rejected = cleanOr400(req, `stripping "${prefix}"`);
      if (rejected) return rejected;
      req.requestURI = requestURI(req.url);
      return next('applied', `regex ${source} matched "${prefix}": ${before} → ${req.url.path || '(empty, sent as /)'}; X-Forwarded-Prefix: ${prefix}`);
    }
    return next('no-op', `no regex of [${strList(config['regex']).join(', ')}] matches a prefix of ${req.url.path}`);
  },
};

export const addPrefix: MiddlewareImpl = {
  check: (config) => ((strOf(config['prefix']) ?? '') === '' ? 'addPrefix: prefix cannot be empty' : null),
  run(config, { req }) {
    const prefix = strOf(config['prefix']) ?? '';
    const before = req.url.path;
    req.url.path = ensureLeadingSlash(prefix + req.url.path);
    if (req.url.rawPath !== '') req.url.rawPath = ensureLeadingSlash(prefix + req.url.rawPath);
    req.requestURI = requestURI(req.url);
    return next('applied', `added prefix "${prefix}": ${before} → ${req.url.path}`);
  },
};

export const replacePath: MiddlewareImpl = {
  check: () => null,
  run(config, { req }) {
    const path = strOf(config['path']) ?? '';
    const current = currentRaw(req);
    addHeader(req.headers, 'X-Replaced-Path', current);
    req.url.rawPath = path;
    const decoded = pathUnescape(path);
    // pathUnescape failed, so unescapeError finds the malformed escape (http.Error with the url.EscapeError).
    if (decoded === undefined) {
      return respond(httpError(unescapeError(path)!, 500), 'internal-error', `cannot unescape "${path}": 500`);
    }
    req.url.path = decoded;
    req.requestURI = requestURI(req.url);
    return next('applied', `path replaced: ${current} → ${path}; X-Replaced-Path: ${current}`);
  },
};

export const replacePathRegex: MiddlewareImpl = {
  check(config) {
    const re = compileGoRegexp((strOf(config['regex']) ?? '').trim());
    return re.ok ? null : `replacePathRegex: error compiling regular expression ${strOf(config['regex'])}: ${re.error}`;
  },
  run(config, { req }) {
    const re = compileGoRegexp((strOf(config['regex']) ?? '').trim());
    const replacement = (strOf(config['replacement']) ?? '').trim();
    const current = currentRaw(req);
    if (!matchString(re, current)) return next('no-op', `regex ${re.source} does not match ${current}`);
    addHeader(req.headers, 'X-Replaced-Path', current);
    req.url.rawPath = replaceAllString(re, current, replacement);
    const decoded = pathUnescape(req.url.rawPath);
    if (decoded === undefined) {
      return respond(httpError(unescapeError(req.url.rawPath)!, 500), 'internal-error', `cannot unescape "${req.url.rawPath}": 500`);
    }
    req.url.path = decoded;
    req.requestURI = requestURI(req.url);
    const rejected = cleanOr400(req, `the replacement "${req.url.rawPath}"`);
    if (rejected) return rejected;
    return next('applied', `path rewritten: ${current} → ${req.url.rawPath}; X-Replaced-Path: ${current}`);
  },
};
