// Mirrors pkg/server/service/service.go (BuildHTTP: load balancers, weighted, mirroring, failover, HRW) and
// loadbalancer/wrr/wrr.go (weights ≤ 0 ignored, no eligible child → 503 "no available server").
import { assertNever } from '../diagnostic.ts';
import type { DynamicService } from '../types.ts';
import type { CompiledRouting } from './compiled.ts';
import type { HeaderMap } from './go-http.ts';
import { httpError } from './go-http.ts';
import { setCookieValue, stickyChild, stickyCookieName } from './backend.ts';
import { unqualify } from '../provider/names.ts';
import { splitHostPort } from './forwarded.ts';
import type { ServiceNode, SimResponse } from './verdict.ts';

export type ServiceTarget =
  | { type: 'server'; url: string; passHostHeader: boolean; service: string }
  | { type: 'external'; service: string }
  | { type: 'internal'; service: string };

export interface ServiceResolution {
  tree: ServiceNode;
  target: ServiceTarget | null;
  /** Traefik's own answer (503 when no server is available). */
  response?: SimResponse;
  setCookies: string[];
}

/**
 * hrw.go getNodeScore / nextServer: FNV-1a 64 of key + name as a fraction of 2^64, scored weight / -ln(fraction);
 * the highest score wins, the first one on a tie (a later one must score strictly more).
 *
 * @example
 * hrwPick('203.0.113.7', [{ name: 'apps-a-80', weight: 1 }, { name: 'apps-b-80', weight: 1 }])?.name
 */
export function hrwPick<T extends { name: string; weight: number }>(key: string, candidates: readonly T[]): T | undefined {
  let best: T | undefined;
  let bestScore = 0;
  for (const c of candidates) {
    let h = 0xcbf29ce484222325n;
    for (const b of new TextEncoder().encode(key + c.name)) h = ((h ^ BigInt(b)) * 0x100000001b3n) & 0xffffffffffffffffn;
    const score = (1 / -Math.log(Number(h) / 2 ** 64)) * c.weight;
    if (score > bestScore) {
      best = c;
      bestScore = score;
    }
  }
  return best;
}

// Called only for a positive weight, so the total is positive.
const percent = (w: number, total: number) => Math.round((w / total) * 10000) / 100;

/** How deep a service tree the simulator follows (TraefikServices of TraefikServices…). */
export const MAX_SERVICE_DEPTH = 100;

function providerOf(name: string): string {
  const at = name.indexOf('@');
  return at < 0 ? '' : name.slice(at + 1);
}

/** Looks a service up by name, qualifying it with the parent's provider when needed. */
export function lookupService(routing: CompiledRouting, name: string, parent?: string): DynamicService | undefined {
  const direct = routing.config.services[name];
  if (direct || name.includes('@') || !parent) return direct;
  return routing.config.services[`${name}@${providerOf(parent)}`];
}

/**
 * failover.go ServeHTTP with `errors.status`: the main service's answer is held back; a status in the ranges
 * (types.HTTPCodeRanges: `500-504` inclusive, `404` alone) discards it and replays the request on the fallback.
 * The request body is buffered to be replayed: over maxRequestBodyBytes (default -1: no limit) Traefik
 * answers 413. Backend statuses and request bodies are not simulated: the rule is stated.
 */
function failoverStatusNotes(fallback: string, status: readonly string[], maxRequestBodyBytes = -1): string[] {
  if (status.length === 0) return [];
  return [
    `when the main service answers ${status.join(', ')}, its response is discarded and the request is sent again to ${fallback} (backend statuses are not simulated)`,
    maxRequestBodyBytes < 0
      ? 'the request body is buffered whole to be replayed (maxRequestBodyBytes -1: no limit)'
      : `a request body over ${maxRequestBodyBytes} bytes is refused: 413 "Request body too large" (maxRequestBodyBytes)`,
  ];
}

/**
 * Walks a service tree for one request: which child and server it reaches, with weights as percentages.
 * `remoteAddr` (the connection's `ip:port`) decides highestRandomWeight services.
 *
 * @example
 * resolveService(routing, 'apps-web-1a2b@kubernetescrd', headers).target // { type: 'server', url: 'http://10.1.0.7:8080', … }
 */
export function resolveService(routing: CompiledRouting, name: string, headers: HeaderMap, seen: string[] = [], remoteAddr?: string): ServiceResolution {
  const svc = lookupService(routing, name, seen[seen.length - 1]);
  if (name.endsWith('@internal')) return { tree: { type: 'internal', name, notes: ['Traefik internal service'] }, target: { type: 'internal', service: name }, setCookies: [] };
  if (!svc) {
    const provider = providerOf(name);
    if (provider !== '' && provider !== 'kubernetescrd') {
      return { tree: { type: 'missing', name, notes: [`defined by the ${provider} provider, outside the workspace: not simulated`] }, target: { type: 'external', service: name }, setCookies: [] };
    }
    if (routing.config.outside?.includes(name)) {
      return { tree: { type: 'missing', name, notes: ['assumed to exist outside the workspace: its servers are unknown'] }, target: { type: 'external', service: name }, setCookies: [] };
    }
    return { tree: { type: 'missing', name, notes: ['this service does not exist: Traefik refuses the router'] }, target: null, response: httpError('Internal Server Error', 500), setCookies: [] };
  }
  // service.go BuildHTTP qualifies the name first (provider.GetQualifiedName): the cycle check, the default sticky
  // cookie name and the target use the service's full name.
  name = svc.name;
  // recursion.CheckRecursion: a service met again on its own path; there is no depth limit.
  if (seen.includes(name)) {
    return { tree: { type: 'missing', name, notes: [`service cycle: ${[...seen, name].join(' → ')}`] }, target: null, response: httpError('Internal Server Error', 500), setCookies: [] };
  }
  // Traefik follows any depth (Go's stacks grow); the simulator's walk, the verdict tree it returns and the views
  // that draw it are recursive, so past this depth it stops and says so rather than overflow the stack.
  if (seen.length >= MAX_SERVICE_DEPTH) {
    const notes = [`more than ${MAX_SERVICE_DEPTH} services deep: the simulator stops following the tree here (Traefik follows it; the server it reaches is not simulated)`];
    return { tree: { type: 'missing', name, notes }, target: { type: 'external', service: name }, setCookies: [] };
  }
  const path = [...seen, name];
  switch (svc.type) {
    case 'loadBalancer': {
      const notes: string[] = [];
      const servers = svc.servers.map((s) => ({ url: s.url, source: s.source, ...(s.fenced ? { fenced: true } : {}) }));
      const eligible = svc.servers.filter((s) => !s.fenced);
      const setCookies: string[] = [];
      let chosen = eligible[0]?.url ?? null;
      let sticky: { cookie: string; matched: boolean } | undefined;
      if (svc.sticky) {
        const cookie = stickyCookieName(svc.sticky.name, name);
        const hit = stickyChild(headers, cookie, eligible.map((s) => s.url));
        sticky = { cookie, matched: hit !== undefined };
        if (hit) {
          chosen = hit.child;
          notes.push(`sticky cookie ${cookie} points at ${hit.child}${hit.rewrite ? ' (an older cookie value: Traefik writes it again)' : ''}`);
        }
        if (chosen && (!hit || hit.rewrite)) setCookies.push(setCookieValue(svc.sticky, cookie, chosen));
      }
      if (eligible.length > 1 && !sticky?.matched) notes.push(`${svc.strategy || 'wrr'} over ${eligible.length} servers: the first pick is unpredictable (servers are shuffled); ${chosen} is shown`);
      if (svc.servers.some((s) => s.source === 'assumed')) notes.push('server addresses are assumed (the Service/EndpointSlice is not in the workspace)');
      const tree: ServiceNode = { type: 'loadBalancer', name, servers, scheme: svc.scheme, passHostHeader: svc.passHostHeader, strategy: svc.strategy || 'wrr', chosen, notes };
      if (sticky) tree.sticky = sticky;
      if (!chosen) {
        notes.push('no server: Traefik answers 503 "no available server"');
        return { tree, target: null, response: httpError('no available server', 503), setCookies };
      }
      return { tree, target: { type: 'server', url: chosen, passHostHeader: svc.passHostHeader, service: name }, setCookies };
    }
    case 'weighted': {
      const usable = svc.services.filter((c) => c.weight > 0);
      const total = usable.reduce((n, c) => n + c.weight, 0);
      const notes: string[] = [];
      let pick = [...usable].sort((a, b) => b.weight - a.weight)[0];
      let sticky: { cookie: string; matched: boolean } | undefined;
      const setCookies: string[] = [];
      if (svc.sticky) {
        const cookie = stickyCookieName(svc.sticky.name, name);
        // The balancer hashes each child's name as the provider wrote it (wrr.go Add(service.Name)): the
        // CRD provider writes `ns-svc-port` without `@kubernetescrd` (kubernetes_test.go WRRService names).
        const hit = stickyChild(headers, cookie, usable.map((c) => unqualify(c.name)));
        sticky = { cookie, matched: hit !== undefined };
        if (hit) pick = usable.find((c) => unqualify(c.name) === hit.child);
        if (pick && (!hit || hit.rewrite)) setCookies.push(setCookieValue(svc.sticky, cookie, unqualify(pick.name)));
      }
      // The chosen child is walked once (walking it again per level made nested weighted services exponential).
      const sub = pick ? resolveService(routing, pick.name, headers, path, remoteAddr) : undefined;
      const children = svc.services.map((c) => {
        const node: ServiceNode = c === pick ? sub!.tree : { type: 'missing', name: c.name, notes: c.weight > 0 ? ['not chosen for this request'] : ['weight 0: never chosen'] };
        return { name: c.name, weight: c.weight, percent: c.weight > 0 ? percent(c.weight, total) : 0, node };
      });
      if (!pick) {
        notes.push('no child with a positive weight: 503 "no available server"');
        const tree: ServiceNode = { type: 'weighted', name, children, chosen: null, notes };
        return { tree, target: null, response: httpError('no available server', 503), setCookies };
      }
      if (!sticky?.matched && usable.length > 1) notes.push(`weighted round robin: ${usable.map((c) => `${c.name} ${percent(c.weight, total)}%`).join(', ')}; the heaviest child is shown`);
      const tree: ServiceNode = { type: 'weighted', name, children, chosen: pick.name, notes };
      if (sticky) tree.sticky = sticky;
      const walked = sub!; // set whenever pick is
      return { tree, target: walked.target, ...(walked.response ? { response: walked.response } : {}), setCookies: [...setCookies, ...walked.setCookies] };
    }
    case 'mirroring': {
      const main = resolveService(routing, svc.service, headers, path, remoteAddr);
      const notes = svc.mirrors.map((m) => `${m.percent}% of requests are copied to ${m.name} (its response is discarded)`);
      if (!svc.mirrorBody) notes.push('mirrors receive no body (mirrorBody: false)');
      return { ...main, tree: { type: 'mirroring', name, main: main.tree, mirrors: svc.mirrors.map((m) => ({ name: m.name, percent: m.percent })), notes } };
    }
    case 'failover': {
      const main = resolveService(routing, svc.service, headers, path, remoteAddr);
      const status = svc.errors?.status ?? [];
      const fallback: ServiceNode = { type: 'missing', name: svc.fallback, notes: [status.length ? 'used while the main service is unhealthy or answers one of the errors statuses' : 'used only while the main service is unhealthy'] };
      return { ...main, tree: { type: 'failover', name, main: main.tree, fallback, notes: [`${svc.service} while healthy, else ${svc.fallback}`, ...failoverStatusNotes(svc.fallback, status, svc.errors?.maxRequestBodyBytes)] } };
    }
    case 'highestRandomWeight': {
      const usable = svc.services.filter((c) => c.weight > 0);
      // hrw.go: the key is the client IP (RemoteAddrStrategy); each child is scored under the name the provider wrote.
      const key = remoteAddr === undefined ? undefined : splitHostPort(remoteAddr)?.host ?? remoteAddr;
      const pick = key === undefined ? usable[0] : hrwPick(key, usable.map((c) => ({ child: c, name: unqualify(c.name), weight: c.weight })))?.child;
      const notes = [key === undefined
        ? 'highest random weight: the child depends on a hash of the client IP; the first child is shown'
        : `highest random weight: the client IP ${key} hashed with each child's name, scaled by its weight, picks ${pick?.name ?? 'none'}`];
      if (!pick) return { tree: { type: 'highestRandomWeight', name, children: [], notes }, target: null, response: httpError('no available server', 503), setCookies: [] };
      const sub = resolveService(routing, pick.name, headers, path, remoteAddr);
      const children = svc.services.map((c) => ({ name: c.name, weight: c.weight, node: c === pick ? sub.tree : ({ type: 'missing', name: c.name, notes: ['not shown'] } as ServiceNode) }));
      return { ...sub, tree: { type: 'highestRandomWeight', name, children, notes } };
    }
    default:
      return assertNever(svc);
  }
}
