/**
 * One schema per kind and target, built on first use and cached (schemas are read-only data).
 * `forTarget` turns a freshly built schema into the schema of one target: it prunes the fields the
 * target does not have (newer than v2.11, or absent from the Hub reference), records why in
 * `x-removed` so the validator can say so, and writes the hover text (`markdownDescription`:
 * description, default, version, deprecation) and a plain `description` for the form.
 */
import type { ResourceKind, TraefikTarget } from '../types.ts';
import type { JsonSchema } from './json-schema.ts';
import { ingressRoute } from './kinds/ingressroute.ts';
import { configMap, endpointSlice, node, secret, service } from './kinds/kubernetes.ts';
import { ingress, ingressClass } from './kinds/ingress.ts';
import { middleware, middlewareTCP } from './kinds/middleware.ts';
import { ingressRouteTCP, ingressRouteUDP } from './kinds/tcp-udp.ts';
import { serversTransport, serversTransportTCP, tlsOption, tlsStore } from './kinds/tls.ts';
import { traefikService } from './kinds/traefikservice.ts';

const TARGET_LABEL: Record<TraefikTarget, string> = {
  v3: 'Traefik Proxy v3',
  'v2.11': 'Traefik Proxy v2.11',
  hub: 'Traefik Hub API Gateway',
};

/**
 * Human name of a target, e.g. "Traefik Proxy v2.11".
 *
 * @example
 * targetLabel('hub') // 'Traefik Hub API Gateway'
 */
export function targetLabel(target: TraefikTarget): string {
  return TARGET_LABEL[target];
}

/**
 * Compares `major.minor` versions: negative when a < b.
 *
 * @example
 * compareVersions('3.10', '3.9') > 0 // true
 */
export function compareVersions(a: string, b: string): number {
  const [am = 0, an = 0] = a.split('.').map(Number);
  const [bm = 0, bn = 0] = b.split('.').map(Number);
  return am !== bm ? am - bm : an - bn;
}

/** Why a property is absent on the target, or null when the target has it. */
function removalReason(name: string, prop: JsonSchema, target: TraefikTarget): string | null {
  const since = prop['x-since'];
  if (target === 'v2.11' && since && compareVersions(since, '2.11') > 0) {
    return `\`${name}\` does not exist in Traefik Proxy v2.11 (it was added in v${since}); remove it or switch the target to Traefik Proxy v3`;
  }
  if (target === 'hub' && prop['x-hub'] === false) {
    return `\`${name}\` is not part of the Traefik Hub API Gateway IngressRoute reference; remove it or switch the target to Traefik Proxy v3`;
  }
  return null;
}

/**
 * Plain text for tooltips: markdown code spans and emphasis removed.
 *
 * @example
 * plainText('Default: `wrr`.') // 'Default: wrr.'
 */
export function plainText(markdown: string): string {
  return markdown
    .replace(/``\s?(.+?)\s?``/g, '$1')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

function formatDefault(value: unknown): string {
  return Array.isArray(value) ? value.map((v) => `\`${String(v)}\``).join(', ') : `\`${String(value)}\``;
}

function hoverText(s: JsonSchema, target: TraefikTarget): string {
  const lines = [s.description ?? ''];
  if (s.default !== undefined) lines.push(`Default: ${formatDefault(s.default)}.`);
  if (s['x-since'] && target !== 'v2.11') lines.push(`_Since Traefik Proxy v${s['x-since']}._`);
  if (s['x-deprecated']) lines.push(`**Deprecated**: ${s['x-deprecated']}.`);
  return lines.filter(Boolean).join('\n\n');
}

/**
 * Adapts a built schema to a target (a new tree; shared sub-schemas stay shared).
 *
 * @example
 * const routeSchema = forTarget(ingressRoute('v2.11'), 'v2.11'); // no `syntax`, `observability`, `parentRefs`
 */
export function forTarget(schema: JsonSchema, target: TraefikTarget): JsonSchema {
  const memo = new WeakMap<JsonSchema, JsonSchema>();
  const visit = (s: JsonSchema): JsonSchema => {
    const done = memo.get(s);
    if (done) return done;
    const out: JsonSchema = { ...s };
    memo.set(s, out);
    if (s.properties) {
      const properties: Record<string, JsonSchema> = {};
      const removed: Record<string, string> = { ...s['x-removed'] };
      for (const [name, prop] of Object.entries(s.properties)) {
        const reason = removalReason(name, prop, target);
        if (reason) removed[name] = reason;
        else properties[name] = visit(prop);
      }
      out.properties = properties;
      if (Object.keys(removed).length) out['x-removed'] = removed;
      if (s.required) out.required = s.required.filter((r) => r in properties);
    }
    if (s.items) out.items = visit(s.items);
    if (s.additionalProperties && typeof s.additionalProperties === 'object') out.additionalProperties = visit(s.additionalProperties);
    if (s.description !== undefined) {
      out.markdownDescription = hoverText(s, target);
      out.description = plainText(out.markdownDescription.replace(/_Since (.+?)\._/, 'Since $1.'));
    }
    if (s['x-deprecated']) out.deprecationMessage = `Deprecated: ${plainText(s['x-deprecated'])}.`;
    return out;
  };
  return visit(schema);
}

const BUILDERS: Record<ResourceKind, (target: TraefikTarget) => JsonSchema> = {
  IngressRoute: ingressRoute,
  Middleware: middleware,
  TraefikService: traefikService,
  TLSOption: tlsOption,
  TLSStore: tlsStore,
  ServersTransport: serversTransport,
  IngressRouteTCP: ingressRouteTCP,
  IngressRouteUDP: ingressRouteUDP,
  MiddlewareTCP: middlewareTCP,
  ServersTransportTCP: serversTransportTCP,
  Service: service,
  Secret: secret,
  EndpointSlice: endpointSlice,
  Ingress: ingress,
  IngressClass: ingressClass,
  ConfigMap: configMap,
  Node: node,
};

/** Every kind the studio knows, Traefik kinds first. */
export const RESOURCE_KINDS = Object.keys(BUILDERS) as ResourceKind[];

export const TARGETS: readonly TraefikTarget[] = ['v3', 'v2.11', 'hub'];

const cache = new Map<string, JsonSchema>();

/**
 * The JSON Schema of one kind for one Traefik target (apiVersion, kind, metadata, spec…).
 *
 * @example
 * schemaFor('IngressRoute', 'v2.11').properties?.spec?.properties?.routes?.items?.required // ['kind', 'match']
 */
export function schemaFor(kind: ResourceKind, target: TraefikTarget): JsonSchema {
  const key = `${kind}@${target}`;
  let s = cache.get(key);
  if (!s) {
    const build = BUILDERS[kind] as ((t: TraefikTarget) => JsonSchema) | undefined;
    s = build ? forTarget(build(target), target) : { type: 'object' };
    cache.set(key, s);
  }
  return s;
}

/**
 * True for kinds whose schema is known.
 *
 * @example
 * isKnownKind('IngressRoute') // true
 */
export function isKnownKind(kind: string): kind is ResourceKind {
  return Object.prototype.hasOwnProperty.call(BUILDERS, kind);
}
