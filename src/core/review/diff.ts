// No Traefik counterpart: a review of a change to the configuration — routers added, removed and changed,
// diagnostics introduced and fixed, and the requests (witnesses of both versions) whose handling changes.
import type { Analysis } from '../analyze.ts';
import { compileRouting, routingExtrasOf, simulate, type CompiledRouting } from '../simulate/index.ts';
import type { ServiceNode, SimRequest, Verdict } from '../simulate/verdict.ts';
import type { Diagnostic, DynamicConfig, DynamicRouter } from '../types.ts';
import type { FieldChange, RouterChange, RouterRef, RoutingChange, RoutingSummary, WorkspaceDiff } from './types.ts';
import { requestKey, witnessRequests } from './witness.ts';

export interface DiffOptions {
  /** Compiled routing of each version, when the caller has it already. */
  baseRouting?: CompiledRouting;
  headRouting?: CompiledRouting;
  /** Witnesses replayed per router (default 4). */
  witnessesPerRouter?: number;
  /** Names of the base's routers and middlewares in the head, when the head is a conversion of the base
   * (Ingress → IngressRoute): a request is then the same when it takes the equivalent router, middlewares
   * and Kubernetes Service. */
  equivalence?: { routers: ReadonlyMap<string, string>; middlewares: ReadonlyMap<string, string> };
}

/** `namespace/ingressroute#N` of a router built from an IngressRoute route, else null. */
export function routeOf(r: DynamicRouter): string | null {
  const m = /^IngressRoute\/([^/#]+)\/([^/#]+)/.exec(r.origin.resourceId);
  return m && r.origin.routeIndex !== undefined ? `${m[1]}/${m[2]}#${r.origin.routeIndex}` : null;
}

function ref(r: DynamicRouter): RouterRef {
  return { name: r.name, rule: r.rule, entryPoints: [...r.entryPoints], route: routeOf(r) };
}

function tlsText(r: DynamicRouter): string {
  if (!r.tls) return 'none';
  const parts = [`options ${r.tls.resolvedOptions || 'default'}`];
  if (r.tls.certResolver) parts.push(`certResolver ${r.tls.certResolver}`);
  if (r.tls.domains?.length) parts.push(`domains ${r.tls.domains.map((d) => [d.main, ...d.sans].join('+')).join(', ')}`);
  return parts.join(', ');
}

const FIELDS: [string, (r: DynamicRouter) => string][] = [
  ['rule', (r) => r.rule],
  ['priority', (r) => (r.priority === 0 ? `${r.effectivePriority} (rule length)` : String(r.priority))],
  ['syntax', (r) => r.ruleSyntax],
  ['entryPoints', (r) => r.entryPoints.join(', ') || '(none)'],
  ['middlewares', (r) => r.middlewares.join(', ') || '(none)'],
  ['service', (r) => r.service || '(none)'],
  ['tls', tlsText],
  ['parentRefs', (r) => r.parentRefs.join(', ') || '(none)'],
  ['served', (r) => (r.disabled ? `no: ${r.disabled.reason}` : 'yes')],
  ['observability', (r) => (r.observability ? JSON.stringify(r.observability) : '(default)')],
];

/** Pairs routers of two versions: by name first, then by the IngressRoute route they come from. */
function pairRouters(base: DynamicConfig, head: DynamicConfig): { pairs: [DynamicRouter, DynamicRouter][]; added: DynamicRouter[]; removed: DynamicRouter[] } {
  const pairs: [DynamicRouter, DynamicRouter][] = [];
  const headLeft = new Map(Object.entries(head.routers));
  const baseLeft: DynamicRouter[] = [];
  for (const b of Object.values(base.routers)) {
    const h = headLeft.get(b.name);
    if (h) {
      pairs.push([b, h]);
      headLeft.delete(b.name);
    } else baseLeft.push(b);
  }
  const byRoute = new Map<string, DynamicRouter>();
  for (const h of headLeft.values()) {
    const key = routeOf(h);
    if (key && !byRoute.has(key)) byRoute.set(key, h);
  }
  const removed: DynamicRouter[] = [];
  for (const b of baseLeft) {
    const key = routeOf(b);
    const h = key ? byRoute.get(key) : undefined;
    if (h && headLeft.has(h.name)) {
      pairs.push([b, h]);
      headLeft.delete(h.name);
    } else removed.push(b);
  }
  return { pairs, added: [...headLeft.values()], removed };
}

function diffRouters(base: DynamicConfig, head: DynamicConfig): { routers: WorkspaceDiff['routers']; renamed: Map<string, string> } {
  const { pairs, added, removed } = pairRouters(base, head);
  const changed: RouterChange[] = [];
  const renamed = new Map<string, string>();
  for (const [b, h] of pairs) {
    if (b.name !== h.name) renamed.set(b.name, h.name);
    const fields: FieldChange[] = [];
    for (const [field, read] of FIELDS) {
      const before = read(b);
      const after = read(h);
      if (before !== after) fields.push({ field, before, after });
    }
    if (fields.length > 0 || b.name !== h.name) changed.push({ name: h.name, previousName: b.name === h.name ? null : b.name, route: routeOf(h), fields });
  }
  const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  return { routers: { added: added.map(ref).sort(byName), removed: removed.map(ref).sort(byName), changed: changed.sort(byName) }, renamed };
}

/**
 * Diagnostics keyed without their ranges (which move with every edit above them). The file is part of the
 * key only when both versions have a file of that name (a base loaded as `main.yaml` still matches).
 */
function diffDiagnostics(base: Analysis, head: Analysis): WorkspaceDiff['diagnostics'] {
  const baseFiles = new Set(base.files.map((f) => f.file));
  const shared = new Set(head.files.map((f) => f.file).filter((f) => baseFiles.has(f)));
  // Stryker disable next-line StringLiteral: a placeholder; any text that is no file name gives the same keys
  const key = (d: Diagnostic) => `${shared.has(d.file) ? d.file : '*'}|${d.code}|${d.severity}|${d.message}`;
  const extra = (from: readonly Diagnostic[], against: readonly Diagnostic[]) => {
    const counts = new Map<string, number>();
    for (const d of against) counts.set(key(d), (counts.get(key(d)) ?? 0) + 1);
    return from.filter((d) => {
      const n = counts.get(key(d)) ?? 0;
      if (n > 0) counts.set(key(d), n - 1);
      return n === 0;
    });
  };
  return { introduced: extra(head.diagnostics, base.diagnostics), fixed: extra(base.diagnostics, head.diagnostics) };
}

/**
 * What a request gets in one version, in the terms a reviewer compares.
 *
 * @example
 * summarize(simulate(routing, request)) // { outcome: 'forwarded', router: 'a@kubernetescrd', service: 'a@kubernetescrd', … }
 */
export function summarize(v: Verdict, config?: DynamicConfig): RoutingSummary {
  const location = v.type === 'responded' ? v.response.headers['Location'] : undefined;
  let upstream: string | null = null;
  if (v.type === 'forwarded') {
    const host = /^[a-z0-9+.-]+:\/\/([^/?#]*)/i.exec(v.upstream.url)?.[1];
    upstream = `${v.upstream.method} ${v.upstream.url}${host !== v.upstream.host ? ` (Host: ${v.upstream.host})` : ''}`;
  }
  return {
    outcome: v.type,
    router: v.router,
    status: v.type === 'responded' ? v.response.status : null,
    tlsOption: v.tls?.option ?? null,
    middlewares: v.middlewares.map((m) => m.name),
    service: v.service?.name ?? null,
    backend: v.service && config ? backendOf(v.service.tree, config) : null,
    upstream,
    location: location === undefined ? null : Array.isArray(location) ? location.join(', ') : location,
    reason: v.type === 'no-response' ? v.reason : null,
  };
}

/** The Kubernetes Service at the end of the chosen path through a service tree. */
function backendOf(node: ServiceNode, config: DynamicConfig): string | null {
  switch (node.type) {
    case 'loadBalancer': {
      const svc = config.services[node.name];
      const k = svc?.type === 'loadBalancer' ? svc.kubernetesService : undefined;
      return k ? `${k.namespace}/${k.name}:${k.port}` : node.name;
    }
    case 'weighted': {
      const child = node.children.find((c) => c.name === node.chosen);
      return child ? backendOf(child.node, config) : null;
    }
    case 'mirroring':
    case 'failover':
      return backendOf(node.main, config);
    case 'highestRandomWeight':
    case 'internal':
    case 'missing':
      return node.name;
  }
}

const show = (x: string | number | null) => (x === null ? 'none' : String(x));

function compare(before: RoutingSummary, after: RoutingSummary, renamed: Map<string, string>, equivalence?: DiffOptions['equivalence']): { changes: string[]; winnerChanged: boolean } {
  if (equivalence) {
    // Converted names: compare middlewares by their equivalents and services by their Kubernetes Service.
    before = { ...before, middlewares: before.middlewares.map((m) => equivalence.middlewares.get(m) ?? m) };
    if (before.backend !== null && after.backend !== null) before = { ...before, service: after.service };
  }
  const changes: string[] = [];
  // Stryker disable next-line ConditionalExpression: looking null up in the maps finds nothing, so mapped is null either way
  const mapped = before.router === null ? null : (renamed.get(before.router) ?? equivalence?.routers.get(before.router) ?? before.router);
  const winnerChanged = mapped !== after.router;
  if (winnerChanged) changes.push(`winner: ${show(before.router)} → ${show(after.router)}`);
  if (before.outcome !== after.outcome) changes.push(`outcome: ${before.outcome} → ${after.outcome}`);
  if (before.status !== after.status) changes.push(`status: ${show(before.status)} → ${show(after.status)}`);
  if (before.tlsOption !== after.tlsOption) changes.push(`TLS option: ${show(before.tlsOption)} → ${show(after.tlsOption)}`);
  if (before.middlewares.join('\n') !== after.middlewares.join('\n')) {
    changes.push(`middlewares: ${before.middlewares.join(' → ') || 'none'} ⇒ ${after.middlewares.join(' → ') || 'none'}`);
  }
  if (before.service !== after.service || before.backend !== after.backend) {
    changes.push(`service: ${show(before.backend ?? before.service)} → ${show(after.backend ?? after.service)}`);
  }
  if (before.upstream !== after.upstream) changes.push(`upstream: ${show(before.upstream)} → ${show(after.upstream)}`);
  if (before.location !== after.location) changes.push(`Location: ${show(before.location)} → ${show(after.location)}`);
  if (before.reason !== after.reason && before.outcome === after.outcome) changes.push(`no response: ${show(before.reason)} → ${show(after.reason)}`);
  return { changes, winnerChanged };
}

/**
 * `GET https://a.example.com/x [X-Env: beta] from 10.0.0.7`
 *
 * @example
 * requestLabel({ method: 'GET', url: 'https://a.com/', headers: {}, clientIP: '203.0.113.7' }) // 'GET https://a.com/'
 */
export function requestLabel(r: SimRequest): string {
  const headers = Object.entries(r.headers).map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(', ') : v}`);
  return `${r.method} ${r.url}${headers.length ? ` [${headers.join('; ')}]` : ''}${r.clientIP !== '203.0.113.7' ? ` from ${r.clientIP}` : ''}`;
}

function witnessesOf(a: Analysis, perRouter: number, into: Map<string, { request: SimRequest; of: Set<string> }>): void {
  for (const r of Object.values(a.config.routers)) {
    if (r.disabled || r.name.endsWith('@internal')) continue;
    for (const request of witnessRequests(r, { settings: a.settings, limit: perRouter })) {
      const k = requestKey(request);
      const entry = into.get(k) ?? { request, of: new Set<string>() };
      entry.of.add(r.name);
      into.set(k, entry);
    }
  }
}

/**
 * Compares two versions of a workspace: router changes (paired by name, then by IngressRoute route, since
 * the name hashes the rule), diagnostics introduced and fixed, and the witness requests of both versions
 * replayed against both, keeping those whose winner, status, TLS option, middleware chain, service,
 * upstream or Location changes. Never throws.
 *
 * @example
 * const d = diffWorkspaces(analyze(baseFiles, settings), analyze(headFiles, settings));
 * d.routing.filter((c) => c.winnerChanged).map((c) => c.label)
 */
export function diffWorkspaces(base: Analysis, head: Analysis, opts: DiffOptions = {}): WorkspaceDiff {
  const { routers, renamed } = diffRouters(base.config, head.config);
  const diagnostics = diffDiagnostics(base, head);
  const routing: RoutingChange[] = [];
  const requests = new Map<string, { request: SimRequest; of: Set<string> }>();
  try {
    const baseRouting = opts.baseRouting ?? compileRouting(base.config, base.settings, routingExtrasOf(base.resources));
    const headRouting = opts.headRouting ?? compileRouting(head.config, head.settings, routingExtrasOf(head.resources));
    witnessesOf(base, opts.witnessesPerRouter ?? 4, requests);
    witnessesOf(head, opts.witnessesPerRouter ?? 4, requests);
    for (const { request, of } of requests.values()) {
      const before = summarize(simulate(baseRouting, request), base.config);
      const after = summarize(simulate(headRouting, request), head.config);
      const { changes, winnerChanged } = compare(before, after, renamed, opts.equivalence);
      if (changes.length === 0) continue;
      routing.push({ request, label: requestLabel(request), witnessOf: [...of].sort(), before, after, changes, winnerChanged });
    }
  } catch {
    // the routing diff is best effort: router and diagnostic changes stand on their own
  }
  routing.sort((a, b) => Number(b.winnerChanged) - Number(a.winnerChanged) || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
  return { routers, diagnostics, routing, replayed: requests.size };
}

/** Exit status of `diff`: 1 when requests are handled differently or errors were introduced, else 0. */
export function diffHasFindings(diff: WorkspaceDiff): boolean {
  return diff.routing.length > 0 || diff.diagnostics.introduced.some((d) => d.severity === 'error');
}
