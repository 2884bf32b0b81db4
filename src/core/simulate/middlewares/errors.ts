// Mirrors pkg/middlewares/customerrors/custom_errors.go (and types.NewHTTPCodeRanges): an error status from
// further down is replaced by a page fetched from another service, keeping the (rewritten) status.
import { statusText } from '../go-http.ts';
import type { ErrorPageRule, SimResponse } from '../verdict.ts';
import { next, numOf, objOf, strList, strOf, type MiddlewareImpl } from './kit.ts';

type Ranges = [number, number][];

/**
 * `types.NewHTTPCodeRanges`: "500-599", "404", "400,404"; undefined on a malformed entry.
 *
 * @example
 * parseCodeRanges(['500-599', '404']) // [[500, 599], [404, 404]]
 */
export function parseCodeRanges(blocks: readonly string[]): Ranges | undefined {
  const out: Ranges = [];
  for (const block of blocks) {
    for (const code of block.split(',')) {
      const fromTo = code.split('-');
      if (fromTo.length > 2 || !fromTo.every((p) => /^[+-]?\d+$/.test(p))) return undefined;
      const from = Number(fromTo[0]);
      out.push([from, fromTo.length === 2 ? Number(fromTo[1]) : from]);
    }
  }
  return out;
}

const contains = (ranges: Ranges, code: number) => ranges.some(([a, b]) => code >= a && code <= b);

function serviceKnown(service: string, services: Record<string, unknown>): boolean {
  return services[service] !== undefined || !service.endsWith('@kubernetescrd');
}

export const errors: MiddlewareImpl = {
  check(config, ctx) {
    if (!parseCodeRanges(strList(config['status']))) return `errors: invalid status ranges [${strList(config['status']).join(', ')}]`;
    for (const key of Object.keys(objOf(config['statusRewrites']) ?? {})) {
      if (!parseCodeRanges([key])) return `errors: invalid statusRewrites key ${key}`;
    }
    const service = strOf(config['service']) ?? '';
    if (service === '') return 'errors: no error page service';
    if (!serviceKnown(service, ctx.routing.config.services)) return `errors: service ${service} does not exist`;
    return null;
  },
  run(config, ctx) {
    const rule: ErrorPageRule = {
      middleware: ctx.mw.name,
      status: strList(config['status']),
      service: strOf(config['service']) ?? '',
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
 * applyErrorPages(notFound(), [rule], 'shop.example.com', configOf).response.status // 404, body from the error service
 */
export function applyErrorPages(
  response: SimResponse,
  rules: readonly ErrorPageRule[],
  host: string,
  configOf: (middleware: string) => Record<string, unknown> | undefined,
): { response: SimResponse; notes: string[] } {
  let current = response;
  const notes: string[] = [];
  for (const rule of [...rules].reverse()) {
    const ranges = parseCodeRanges(rule.status);
    if (!ranges || !contains(ranges, current.status)) continue;
    const original = current.status;
    let code = original;
    for (const [from, to] of Object.entries(objOf(configOf(rule.middleware)?.['statusRewrites']) ?? {})) {
      const r = parseCodeRanges([from]);
      const target = numOf(to);
      if (r && target !== undefined && contains(r, code)) {
        code = target;
        break;
      }
    }
    let query = '';
    if (rule.query !== '') {
      query = ('/' + rule.query.replace(/^\//, '')).replaceAll('{status}', String(code)).replaceAll('{originalStatus}', String(original));
    }
    const url = `http://${host}${query.replace('{url}', '…')}`;
    current = { status: code, headers: {}, body: `(page rendered by ${rule.service} for GET ${url})` };
    notes.push(`${rule.middleware}: status ${original}${code !== original ? ` → ${code} ${statusText(code)}` : ''} — body replaced by ${rule.service} (GET ${url})`);
  }
  return { response: current, notes };
}
