// Mirrors pkg/middlewares/customerrors/custom_errors.go (and types.NewHTTPCodeRanges): an error status from
// further down is replaced by a page fetched from another service, keeping the (rewritten) status.
import { statusText } from '../go-http.ts';
import { escapedPath, queryEscape } from '../go-url.ts';
import type { GoRequest } from '../request.ts';
import type { ErrorPageRule, SimResponse } from '../verdict.ts';
import { next, numOf, objOf, strList, strOf, type MiddlewareImpl } from './kit.ts';
import { parseHTTPCodeRanges, rangesContain, type CodeRanges } from '../../provider/failover.ts';

/**
 * `types.NewHTTPCodeRanges` (provider/failover.ts): each entry is "404" or "500-599" (split on "-", the first two
 * parts read with strconv.Atoi: "500-599-600" is 500-599); undefined on an entry Atoi refuses (`"400,404"`, `"5xx"`).
 *
 * @example
 * parseCodeRanges(['500-599', '404']) // [[500, 599], [404, 404]]
 */
export function parseCodeRanges(blocks: readonly string[]): CodeRanges | undefined {
  const parsed = parseHTTPCodeRanges(blocks);
  return 'ranges' in parsed ? parsed.ranges : undefined;
}

// check() and run() read the same value (an unset service is '').
const serviceOf = (config: Record<string, unknown>) => strOf(config['service']) ?? '';

function serviceKnown(service: string, services: Record<string, unknown>): boolean {
  return services[service] !== undefined || !service.endsWith('@kubernetescrd');
}

export const errors: MiddlewareImpl = {
  check(config, ctx) {
    if (!parseCodeRanges(strList(config['status']))) return `errors: invalid status ranges [${strList(config['status']).join(', ')}]`;
    for (const key of Object.keys(objOf(config['statusRewrites']) ?? {})) {
      if (!parseCodeRanges([key])) return `errors: invalid statusRewrites key ${key}`;
    }
    const service = serviceOf(config);
    if (service === '') return 'errors: no error page service';
    if (!serviceKnown(service, ctx.routing.config.services)) return `errors: service ${service} does not exist`;
    return null;
  },
  run(config, ctx) {
    const rule: ErrorPageRule = {
      middleware: ctx.mw.name,
      status: strList(config['status']),
      service: serviceOf(config),
      query: strOf(config['query']) ?? '',
    };
    ctx.errorPages.push(rule);
    const query = rule.query === '' ? '' : ` (GET ${'/' + rule.query.replace(/^\//, '')})`;
    return next('applied', `statuses ${rule.status.join(', ')} from further down are replaced by the page of ${rule.service}${query}`);
  },
};

/**
 * Applies the Errors middlewares (innermost first) to a response Traefik produced further down.
 *
 * @example
 * applyErrorPages(notFound(), [rule], req, configOf).response.status // 404, body from the error service
 */
export function applyErrorPages(
  response: SimResponse,
  rules: readonly ErrorPageRule[],
  req: Pick<GoRequest, 'host' | 'tls' | 'url'>,
  configOf: (middleware: string) => Record<string, unknown> | undefined,
): { response: SimResponse; notes: string[] } {
  const host = req.host;
  // `{url}`: url.QueryEscape of the original URL (scheme from TLS, the request's Host, escaped path, query).
  const orig = `${req.tls ? 'https' : 'http'}://${host}${escapedPath(req.url)}${req.url.rawQuery !== '' ? `?${req.url.rawQuery}` : ''}`;
  let current = response;
  const notes: string[] = [];
  for (const rule of [...rules].reverse()) {
    const ranges = parseCodeRanges(rule.status);
    if (!ranges || !rangesContain(ranges, current.status)) continue;
    const original = current.status;
    // customerrors.New reads statusRewrites from a Go map: of several entries matching the status, which one
    // applies is random (fixed at each start). One is shown (JavaScript puts a single code's key before ranges), and
    // the note says which and what else it could be.
    const matching = Object.entries(objOf(configOf(rule.middleware)?.['statusRewrites']) ?? {}).flatMap(([from, to]) => {
      const r = parseCodeRanges([from]);
      const target = numOf(to);
      return r && target !== undefined && rangesContain(r, original) ? [{ from, target }] : [];
    });
    const code = matching[0]?.target ?? original;
    const targets = [...new Set(matching.map((m) => m.target))];
    let query = '';
    if (rule.query !== '') {
      query = ('/' + rule.query.replace(/^\//, '')).replaceAll('{status}', String(code)).replaceAll('{originalStatus}', String(original))
        .replaceAll('{url}', queryEscape(orig));
    }
    const url = `http://${host}${query}`;
    current = { status: code, headers: {}, body: `(page rendered by ${rule.service} for GET ${url})` };
    // nginxHeaders (kubernetesIngressNGINX custom-http-errors): no code modifier, the page keeps its own status.
    const nginx = Object.keys(objOf(configOf(rule.middleware)?.['nginxHeaders']) ?? {}).length > 0;
    notes.push(`${rule.middleware}: status ${original}${code !== original ? ` → ${code} ${statusText(code)}` : ''} — body replaced by ${rule.service} (GET ${url})${nginx ? `; the status is the one ${rule.service} answers (X-Code: ${code}), not simulated` : ''}`);
    if (targets.length > 1) {
      notes.push(`${rule.middleware}: statusRewrites ${matching.map((m) => `"${m.from}" → ${m.target}`).join(', ')} all match ${original}: Traefik reads them in random order, so the status may be ${targets.join(' or ')} (shown: ${code}), and can change when Traefik restarts`);
    }
  }
  return { response: current, notes };
}
