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
 * counts UTF-8 bytes (`/é` is 3, spelled `/%C3%A9` in the raw path), not UTF-16 units. Go's bounds checks
 * (`i < len(rawPath)`, `i+2 < len(rawPath)`) only keep its slice in range: a RawPath here always ends with a
 * whole escape (the parser, normalizePath and the Replace* middlewares refuse a malformed one; AddPrefix only
 * prepends), and JS `slice` past the end is `''` as the guarded Go slice is.
 */
function encodedPrefixLen(rawPath: string, decodedPrefix: string): number {
  let i = 0;
  for (let decoded = utf8Length(decodedPrefix); decoded > 0; decoded--) i += rawPath[i] === '%' ? 3 : 1;
  return i;
}

/** After a strip: clean the path (JoinPath); a path that cleaning changes is rejected with 400. */
function cleanOr400(req: GoRequest, what: string): MwOutcome | null {
  const path = req.url.path;
  // Traefik skips JoinPath for an empty path; JoinPath of an empty path is empty anyway (go-url.ts joinPath).
  // Stryker disable next-line ConditionalExpression,StringLiteral: joinPath('') keeps the path '' (see above)
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
      // Go strips RawPath only when set. Unset ('') it stays '' without forceSlash; with forceSlash it becomes
      // '/', which the JoinPath below (the path is never empty then) replaces by the path's own escaping.
      const rawRest = req.url.rawPath.slice(encodedPrefixLen(req.url.rawPath, prefix));
      req.url.rawPath = forceSlash ? '/' + rawRest.replace(/^\//, '') : ensureLeadingSlash(rawRest);
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
      // Go strips RawPath only when set; an unset ('') one stays '' here too.
      req.url.rawPath = ensureLeadingSlash(req.url.rawPath.slice(encodedPrefixLen(req.url.rawPath, prefix)));
      const rejected = cleanOr400(req, `stripping "${prefix}"`);
      if (rejected) return rejected;
      req.requestURI = requestURI(req.url);
      return next('applied', `regex ${source} matched "${prefix}": ${before} → ${req.url.path || '(empty, sent as /)'}; X-Forwarded-Prefix: ${prefix}`);
    }
    return next('no-op', `no regex of [${strList(config['regex']).join(', ')}] matches a prefix of ${req.url.path}`);
  },
};

// check() and run() read the same values (an unset field is '').
const prefixOf = (config: Record<string, unknown>) => strOf(config['prefix']) ?? '';
const regexOf = (config: Record<string, unknown>) => (strOf(config['regex']) ?? '').trim();

export const addPrefix: MiddlewareImpl = {
  check: (config) => (prefixOf(config) === '' ? 'addPrefix: prefix cannot be empty' : null),
  run(config, { req }) {
    const prefix = prefixOf(config);
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
    const re = compileGoRegexp(regexOf(config));
    return re.ok ? null : `replacePathRegex: error compiling regular expression ${strOf(config['regex'])}: ${re.error}`;
  },
  run(config, { req }) {
    const re = compileGoRegexp(regexOf(config));
    const replacement = (strOf(config['replacement']) ?? '').trim();
    const current = currentRaw(req);
    if (!matchString(re, current)) return next('no-op', `regex ${re.source} does not match ${current}`);
    addHeader(req.headers, 'X-Replaced-Path', current);
    const rewritten = replaceAllString(re, current, replacement);
    req.url.rawPath = rewritten;
    const decoded = pathUnescape(rewritten);
    if (decoded === undefined) {
      return respond(httpError(unescapeError(rewritten)!, 500), 'internal-error', `cannot unescape "${rewritten}": 500`);
    }
    req.url.path = decoded;
    req.requestURI = requestURI(req.url);
    // (JoinPath in cleanOr400 resets RawPath to '' when it is the path's default escaping: keep the text.)
    const rejected = cleanOr400(req, `the replacement "${rewritten}"`);
    if (rejected) return rejected;
    return next('applied', `path rewritten: ${current} → ${rewritten}; X-Replaced-Path: ${current}`);
  },
};
