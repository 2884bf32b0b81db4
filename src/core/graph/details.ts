/**
 * What a node says without opening the YAML: the key setting of a middleware (`stripPrefix /api`), a
 * service's port, scheme and servers, a shortened rule; and error/warning counts per source range.
 */
import type { Diagnostic, DynamicService } from '../types.ts';

const PROVIDER_SUFFIX = '@kubernetescrd';

/** Drops the `@kubernetescrd` suffix: the name as written in the cluster, readable on a node. */
export function plainName(name: string): string {
  return name.endsWith(PROVIDER_SUFFIX) ? name.slice(0, -PROVIDER_SUFFIX.length) : name;
}

/** `auth@file` → 'file'; `x@kubernetescrd` and unqualified names → null. */
export function foreignProvider(name: string): string | null {
  const at = name.lastIndexOf('@');
  if (at < 0) return null;
  const provider = name.slice(at + 1);
  return provider === 'kubernetescrd' ? null : provider;
}

/** One line, at most `max` characters, with an ellipsis when cut. */
export function shorten(text: string, max = 64): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

function list(v: unknown, max = 3): string {
  if (Array.isArray(v)) {
    const items = v.map((x) => (typeof x === 'object' && x !== null ? JSON.stringify(x) : String(x)));
    return items.length > max ? `${items.slice(0, max).join(', ')} +${items.length - max}` : items.join(', ');
  }
  if (v === undefined || v === null) return '';
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

function keys(v: unknown, max = 3): string {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return '';
  return list(Object.keys(v), max);
}

function joined(type: string, ...parts: string[]): string {
  return [type, ...parts.filter((p) => p !== '')].join(' ');
}

/**
 * The key setting of a middleware, for its node.
 *
 * @example
 * middlewareDetail('stripPrefix', { prefixes: ['/api'] }) // 'stripPrefix /api'
 * middlewareDetail('chain', { middlewares: ['shop-a@kubernetescrd'] }) // 'chain shop-a'
 */
export function middlewareDetail(type: string, config: Record<string, unknown>): string {
  const c = config;
  switch (type) {
    case 'stripPrefix':
      return joined(type, list(c['prefixes']));
    case 'stripPrefixRegex':
      return joined(type, list(c['regex']));
    case 'addPrefix':
      return joined(type, list(c['prefix']));
    case 'replacePath':
      return joined(type, list(c['path']));
    case 'replacePathRegex':
      return joined(type, list(c['regex']), c['replacement'] !== undefined ? `→ ${list(c['replacement'])}` : '');
    case 'redirectScheme':
      return joined(type, list(c['scheme']), c['port'] !== undefined ? `:${list(c['port'])}` : '', c['permanent'] === true ? '(permanent)' : '');
    case 'redirectRegex':
      return joined(type, list(c['regex']), c['replacement'] !== undefined ? `→ ${list(c['replacement'])}` : '');
    case 'ipAllowList':
    case 'ipWhiteList':
      return joined(type, list(c['sourceRange']));
    case 'basicAuth':
    case 'digestAuth':
      return joined(type, c['secret'] !== undefined ? `secret ${list(c['secret'])}` : '');
    case 'forwardAuth':
      return joined(type, list(c['address']));
    case 'chain':
      return joined(type, Array.isArray(c['middlewares']) ? list(c['middlewares'].map((m) => plainName(String(m))), 4) : '');
    case 'rateLimit':
      return joined(type, c['average'] !== undefined ? `avg ${list(c['average'])}` : '', c['burst'] !== undefined ? `burst ${list(c['burst'])}` : '', c['period'] !== undefined ? `per ${list(c['period'])}` : '');
    case 'inFlightReq':
      return joined(type, c['amount'] !== undefined ? `max ${list(c['amount'])}` : '');
    case 'retry':
      return joined(type, c['attempts'] !== undefined ? `${list(c['attempts'])} attempts` : '');
    case 'errors':
      return joined(type, list(c['status']), c['service'] !== undefined ? `→ ${plainName(String(c['service']))}` : '');
    case 'circuitBreaker':
      return joined(type, list(c['expression']));
    case 'buffering':
      return joined(type, c['maxRequestBodyBytes'] !== undefined ? `max body ${list(c['maxRequestBodyBytes'])}` : '');
    case 'headers':
    case 'plugin':
    case 'passTLSClientCert':
      return joined(type, keys(c));
    case 'contentType':
      return joined(type, c['autoDetect'] === true ? 'autoDetect' : '');
    default:
      return joined(type, keys(c, 2));
  }
}

/** The second line of a service node. */
export function serviceDetail(svc: DynamicService): string {
  switch (svc.type) {
    case 'loadBalancer': {
      const servers = `${svc.servers.length} server${svc.servers.length === 1 ? '' : 's'}`;
      return [svc.scheme, servers, svc.sticky ? 'sticky' : '', svc.passHostHeader ? '' : 'no passHostHeader'].filter(Boolean).join(' · ');
    }
    case 'weighted':
      return `weighted ${svc.services.map((c) => c.weight).join(':')}${svc.sticky ? ' · sticky' : ''}`;
    case 'highestRandomWeight':
      return `highestRandomWeight ${svc.services.map((c) => c.weight).join(':')}`;
    case 'mirroring':
      return `mirroring ${svc.mirrors.map((m) => `${m.percent}%`).join(', ') || 'no mirrors'}`;
    case 'failover':
      return 'failover';
  }
}

/** A load balancer in front of a Kubernetes Service reads best as that Service: `shop/api-v1:8080`. */
export function serviceLabel(svc: DynamicService): string {
  if (svc.type === 'loadBalancer' && svc.kubernetesService) {
    const k = svc.kubernetesService;
    return `${k.namespace}/${k.name}:${k.port}`;
  }
  return plainName(svc.name);
}

/** Counts errors and warnings whose start lies in a file range, in O(log n) per query. */
export class DiagnosticCounter {
  private readonly byFile = new Map<string, { errors: number[]; warnings: number[] }>();

  constructor(diagnostics: readonly Diagnostic[]) {
    for (const d of diagnostics) {
      if (d.severity === 'info') continue;
      let f = this.byFile.get(d.file);
      if (!f) this.byFile.set(d.file, (f = { errors: [], warnings: [] }));
      (d.severity === 'error' ? f.errors : f.warnings).push(d.range.start);
    }
    for (const f of this.byFile.values()) {
      f.errors.sort((a, b) => a - b);
      f.warnings.sort((a, b) => a - b);
    }
  }

  /** Diagnostics starting in [start, end] (end inclusive: a marker at the very end of a node counts). */
  count(file: string, start: number, end: number): { errors: number; warnings: number } {
    const f = this.byFile.get(file);
    if (!f) return { errors: 0, warnings: 0 };
    return { errors: between(f.errors, start, end), warnings: between(f.warnings, start, end) };
  }
}

function lowerBound(a: readonly number[], v: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function between(sorted: readonly number[], start: number, end: number): number {
  return lowerBound(sorted, end + 1) - lowerBound(sorted, start);
}
