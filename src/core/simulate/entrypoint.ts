// Mirrors pkg/server/server_entrypoint_tcp.go newHTTPServer: the handlers wrapped around every request of an
// entryPoint before routing — denyFragment, normalizePath, sanitizePath, query semicolons, forwarded headers.
import type { EntryPointSettings, Settings } from '../types.ts';
import { escapedPath, joinPath, requestURI } from './go-url.ts';
import { applyForwardedHeaders, type ForwardedResult } from './forwarded.ts';
import type { GoRequest } from './request.ts';
import type { SimResponse } from './verdict.ts';

/** entryPoint `http` options that change pre-processing (Traefik defaults; not part of Settings yet). */
export interface EntryPointHttpOptions {
  sanitizePath: boolean;
  encodeQuerySemicolons: boolean;
}

export const DEFAULT_HTTP_OPTIONS: EntryPointHttpOptions = { sanitizePath: true, encodeQuerySemicolons: false };

export type PipelineResult =
  | { ok: true; request: GoRequest; changes: string[]; forwarded: ForwardedResult }
  | { ok: false; response: SimResponse; because: string; changes: string[] };

const UNRESERVED = /^[A-Za-z0-9\-._~]$/;

/**
 * Picks the entryPoint: the explicit one, else the one listening on the port the client connects to.
 *
 * @example
 * pickEntryPoint(settings, undefined, 443) // { ok: true, entryPoint: websecure, chosenBy: 'port' }
 */
export function pickEntryPoint(
  settings: Settings,
  explicit: string | undefined,
  port: number,
): { ok: true; entryPoint: EntryPointSettings; chosenBy: 'explicit' | 'port' } | { ok: false; reason: string } {
  if (explicit !== undefined && explicit !== '') {
    const ep = settings.entryPoints.find((e) => e.name === explicit);
    if (!ep) return { ok: false, reason: `no entryPoint named "${explicit}" (configured: ${settings.entryPoints.map((e) => e.name).join(', ') || 'none'})` };
    return { ok: true, entryPoint: ep, chosenBy: 'explicit' };
  }
  const ep = settings.entryPoints.find((e) => e.port === port);
  if (!ep) return { ok: false, reason: `no entryPoint listens on port ${port}: the connection is refused` };
  return { ok: true, entryPoint: ep, chosenBy: 'port' };
}

/** `normalizePath`: decode unreserved escapes, upper-case the others (RawPath only). Undefined on a lone `%`. */
function normalizeRawPath(rawPath: string): string | undefined {
  let out = '';
  for (let i = 0; i < rawPath.length; i++) {
    const c = rawPath[i]!;
    if (c !== '%') {
      out += c;
      continue;
    }
    if (i + 2 >= rawPath.length) return undefined;
    const enc = rawPath.slice(i, i + 3).toUpperCase();
    const decoded = String.fromCharCode(parseInt(enc.slice(1), 16));
    out += UNRESERVED.test(decoded) ? decoded : enc;
    i += 2;
  }
  return out;
}

const statusOnly = (status: number, body = ''): SimResponse => ({ status, headers: {}, body });

/**
 * Runs the entryPoint handlers in Traefik's order (outermost first). The request is copied, never mutated.
 *
 * @example
 * runEntryPointPipeline(req, ep).ok
 */
export function runEntryPointPipeline(
  input: GoRequest,
  ep: EntryPointSettings,
  options: EntryPointHttpOptions = DEFAULT_HTTP_OPTIONS,
): PipelineResult {
  const req: GoRequest = { ...input, url: { ...input.url }, headers: { ...input.headers } };
  const changes: string[] = [];

  // denyFragment: a `#` in the raw path (only possible when sent literally).
  if (req.url.rawPath.includes('#')) {
    return { ok: false, response: statusOnly(400), because: 'denyFragment: the raw path contains `#`', changes };
  }

  // normalizePath
  if (req.url.rawPath !== '') {
    const normalized = normalizeRawPath(req.url.rawPath);
    if (normalized === undefined) {
      return { ok: false, response: statusOnly(400), because: 'normalizePath: a `%` at the end of the path', changes };
    }
    if (normalized !== req.url.rawPath) {
      changes.push(`normalizePath: ${req.url.rawPath} → ${normalized} (unreserved escapes decoded, others upper-cased)`);
      req.url.rawPath = normalized;
      req.requestURI = requestURI(req.url);
    }
  }

  // sanitizePath (default on): path.Clean on the escaped path, one trailing slash kept.
  if (options.sanitizePath) {
    const before = escapedPath(req.url);
    req.url = joinPath(req.url);
    req.requestURI = requestURI(req.url);
    const after = escapedPath(req.url);
    if (after !== before) changes.push(`sanitizePath: ${before} → ${after} (dot segments and duplicate slashes removed)`);
  }

  // Query semicolons: AllowQuerySemicolons (default) or encodeQuerySemicolons.
  if (req.url.rawQuery.includes(';')) {
    const before = req.url.rawQuery;
    if (options.encodeQuerySemicolons) {
      req.url.rawQuery = before.replaceAll(';', '%3B');
      req.requestURI = requestURI(req.url);
      changes.push(`encodeQuerySemicolons: ?${before} → ?${req.url.rawQuery}`);
    } else {
      req.url.rawQuery = before.replaceAll(';', '&');
      changes.push(`query semicolons: ?${before} → ?${req.url.rawQuery} (\`;\` separates parameters like \`&\`)`);
    }
  }

  const forwarded = applyForwardedHeaders(req, ep.forwardedHeaders);
  if (forwarded.removed.length > 0) {
    changes.push(`forwarded headers: removed ${forwarded.removed.join(', ')} (client ${forwarded.trusted ? 'trusted' : 'not in forwardedHeaders.trustedIPs'})`);
  }
  if (forwarded.set.length > 0) changes.push(`forwarded headers: set ${forwarded.set.join('; ')}`);
  return { ok: true, request: req, changes, forwarded };
}
