/**
 * Runtime checks over the dynamic configuration: what Traefik accepts but does differently from what
 * the author probably meant (pkg/server/router, pkg/muxer/http/mux.go, pkg/server/aggregator.go).
 */
import { diagnostic } from '../diagnostic.ts';
import { resourceRange } from '../model/index.ts';
import { parseDomains } from '../rules/index.ts';
import type { Diagnostic, DynamicConfig, DynamicRouter, Path, Resource, Settings } from '../types.ts';
import { RUNTIME_CODES, type RuntimeCode } from './runtime-codes.ts';
import { featuresOf } from '../simulate/version.ts';
import { providerOf } from '../simulate/order.ts';

export { RUNTIME_CODES } from './runtime-codes.ts';

/**
 * @example
 * runtimeChecks(config, resources, settings).filter((d) => d.code === 'RUNTIME_PRIORITY_TIE')
 */
export function runtimeChecks(config: DynamicConfig, resources: readonly Resource[], settings: Settings): Diagnostic[] {
  const out: Diagnostic[] = [];
  const byId = new Map(resources.map((r) => [r.id, r]));
  const report = (code: RuntimeCode, message: string, router: DynamicRouter, sub: Path, related?: { message: string; router: DynamicRouter }[]) => {
    const owner = byId.get(router.origin.resourceId);
    const range = owner && router.origin.routeIndex !== undefined ? resourceRange(owner, ['spec', 'routes', router.origin.routeIndex, ...sub]) : router.origin.range;
    out.push(
      diagnostic(RUNTIME_CODES, code, message, router.origin.file, range, {
        related: related?.map((r) => ({ message: r.message, range: r.router.origin.range, file: r.router.origin.file })),
      }),
    );
  };
  const eps = new Map(settings.entryPoints.map((e) => [e.name, e]));
  const tieBreak = featuresOf(settings).providerTieBreak;
  const routers = Object.values(config.routers).filter((r) => !r.disabled);

  for (const ir of resources.filter((r) => r.kind === 'IngressRoute')) {
    const list = ir.raw['spec'] && (ir.raw['spec'] as Record<string, unknown>)['entryPoints'];
    if (!Array.isArray(list)) continue;
    list.forEach((ep, i) => {
      if (typeof ep === 'string' && !eps.has(ep)) {
        out.push(
          diagnostic(RUNTIME_CODES, 'RUNTIME_UNKNOWN_ENTRYPOINT', `EntryPoint "${ep}" is not defined (known: ${[...eps.keys()].join(', ')}): its routers are not served there. Fix the name or add the entryPoint in Settings.`, ir.source.file, resourceRange(ir, ['spec', 'entryPoints', i])),
        );
      }
    });
  }

  // Equal priorities on one entryPoint and TLS bucket: Traefik's order between them is random.
  const buckets = new Map<string, DynamicRouter[]>();
  for (const r of routers) {
    if (r.parentRefs.length) continue;
    for (const ep of r.entryPoints) {
      const key = `${ep}|${r.tls ? 'tls' : 'plain'}|${r.effectivePriority}`;
      // Appended in place: a copy per router made this quadratic in a bucket's size.
      const bucket = buckets.get(key);
      if (bucket) bucket.push(r);
      else buckets.set(key, [r]);
    }
  }
  const flagged = new Set<string>();
  const domains = new Map(routers.map((r) => [r.name, parseDomains(r.rule)]));
  for (const [key, group] of buckets) {
    if (group.length < 2) continue;
    // Only routers that can share a host are compared: by exact host, plus the host-less and
    // wildcard ones against everything in the bucket.
    const byHost = new Map<string, DynamicRouter[]>();
    const open: DynamicRouter[] = [];
    for (const r of group) {
      const hosts = domains.get(r.name) ?? [];
      if (hosts.length === 0 || hosts.some((h) => h.startsWith('*'))) open.push(r);
      for (const h of hosts) {
        const same = byHost.get(h);
        if (same) same.push(r);
        else byHost.set(h, [r]);
      }
    }
    const pairs: [DynamicRouter, DynamicRouter][] = [];
    for (const list of byHost.values()) for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) pairs.push([list[i]!, list[j]!]);
    for (const a of open) for (const b of group) if (a !== b) pairs.push([a, b]);
    for (const [a, b] of pairs) {
      // Since v3.7 routers of different providers at one priority are ordered by provider precedence, not at random.
      if (tieBreak && providerOf(a.name) !== providerOf(b.name)) continue;
      const pair = [a.name, b.name].sort().join('|');
      if (flagged.has(pair)) continue;
      flagged.add(pair);
      report('RUNTIME_PRIORITY_TIE', `${a.name} and ${b.name} have the same priority (${a.effectivePriority}) on entryPoint ${key.split('|')[0]} and can match the same request: Traefik picks one at random. Set an explicit priority on one of them.`, a, ['match'], [{ message: b.name, router: b }]);
    }
  }

  for (const r of routers) {
    if (r.tls?.options && r.tls.resolvedOptions !== 'default' && parseDomains(r.rule).length === 0) {
      report('RUNTIME_TLS_OPTION_NO_HOST', `The rule has no Host(), so TLS option ${r.tls.options} is not applied: connections get the default TLS option, and requests reaching this router with it get 421. Add Host() to the rule.`, r, ['match']);
    }
    // The NGINX provider puts its `-tls` copy of every router on all entryPoints unless httpsEntryPoint is set: by design.
    if (r.tls && !r.name.endsWith('@kubernetesingressnginx')) {
      for (const ep of r.entryPoints) {
        const e = eps.get(ep);
        if (e && !e.tls && (e.port === 80 || e.redirectTo)) {
          report('RUNTIME_TLS_ON_PLAIN_ENTRYPOINT', `This route has tls but entryPoint ${ep} (:${e.port}) looks like plain HTTP: its routers only answer TLS connections there. Use websecure, or remove tls.`, r, []);
        }
      }
    }
  }
  out.push(...cycles(config, byId));
  return out;
}

function cycles(config: DynamicConfig, byId: Map<string, Resource>): Diagnostic[] {
  const out: Diagnostic[] = [];
  const edges = new Map<string, { next: string[]; origin?: { resourceId: string; file: string; range: { start: number; end: number } }; kind: 'chain' | 'service' }>();
  for (const m of Object.values(config.middlewares)) {
    if (m.type === 'chain') edges.set(m.name, { next: (m.config['middlewares'] as string[] | undefined) ?? [], origin: m.origin, kind: 'chain' });
  }
  for (const s of Object.values(config.services)) {
    const next = s.type === 'weighted' || s.type === 'highestRandomWeight' ? s.services.map((c) => c.name) : s.type === 'mirroring' ? [s.service, ...s.mirrors.map((m) => m.name)] : s.type === 'failover' ? [s.service, s.fallback] : [];
    if (next.length) edges.set(s.name, s.origin ? { next, origin: s.origin, kind: 'service' } : { next, kind: 'service' });
  }
  const reported = new Set<string>();
  // Nodes whose every path was followed to its end: no need to follow them again (without this, shapes
  // where services or chains share children took time exponential in their depth).
  const cleared = new Set<string>();
  // One path at a time: every visit pops what it pushed, so the stack is empty again after each start.
  const stack: string[] = [];
  const onStack = new Set<string>();
  /** Follows n's paths; false when the depth cap cut one short (n is then not cleared). */
  const visit = (n: string): boolean => {
    if (onStack.has(n)) {
      const cycle = stack.slice(stack.indexOf(n));
      const key = [...cycle].sort().join('>');
      const e = edges.get(n);
      if (!reported.has(key) && e?.origin && byId.has(e.origin.resourceId)) {
        reported.add(key);
        const code = e.kind === 'chain' ? 'RUNTIME_CHAIN_CYCLE' : 'RUNTIME_SERVICE_CYCLE';
        out.push(diagnostic(RUNTIME_CODES, code, `${[...cycle, n].join(' → ')} is a cycle: Traefik fails to build these ${e.kind === 'chain' ? 'middlewares' : 'services'} and every router using them. Break the cycle.`, e.origin.file, e.origin.range));
      }
      return true;
    }
    if (cleared.has(n)) return true;
    const e = edges.get(n);
    if (!e) return true;
    if (stack.length > 50) return false;
    stack.push(n);
    onStack.add(n);
    let complete = true;
    for (const m of e.next) if (!visit(m)) complete = false;
    stack.pop();
    onStack.delete(n);
    if (complete) cleared.add(n);
    return complete;
  };
  for (const start of edges.keys()) visit(start);
  return out;
}
