// Mirrors pkg/provider/kubernetes/crd/kubernetes_http.go buildTraefikService (weighted, mirroring, highestRandomWeight,
// failover), buildServicesLB and buildMirroring.
import { arr, bool, num, obj } from '../model/index.ts';
import type { DynamicConfig, DynamicService, Origin, Path, Resource } from '../types.ts';
import type { BuildContext } from './context.ts';
import { makeID, normalize, qualify } from './names.ts';
import { nameAndService, placedService, stickyCookie } from './services.ts';
import { buildFailover } from './failover.ts';
import { atLeast } from './settings.ts';

/** The order in which buildTraefikService tries the types: the first one set is built, the others are ignored. */
const TYPES = ['weighted', 'mirroring', 'highestRandomWeight', 'failover'] as const;
type ServiceType = (typeof TYPES)[number];

/** The types the target version's buildTraefikService knows: highestRandomWeight came in v3.6, failover in v3.7. */
function knownTypes(ctx: BuildContext): readonly ServiceType[] {
  return TYPES.filter((t) => (t === 'highestRandomWeight' ? atLeast(ctx.settings, '3.6.0') : t === 'failover' ? atLeast(ctx.settings, '3.7.0') : true));
}

/** A child reference: its qualified name, emitting the child's load balancer when it is a Kubernetes Service. */
function child(ctx: BuildContext, config: DynamicConfig, ns: string, ref: Record<string, unknown>, owner: Resource, path: Path): string | null {
  const resolved = nameAndService(ctx, ns, ref, { owner, path });
  if (!resolved) return null;
  const name = qualify(resolved.name);
  const lb = resolved.lb;
  if (lb) ctx.setServiceIfAbsent(config, name, () => placedService(lb, name, origin(ctx, owner, path)));
  return name;
}

function origin(ctx: BuildContext, owner: Resource, path: Path): Origin {
  return { resourceId: owner.id, file: owner.source.file, range: ctx.range(owner, path) };
}

/** A weighted round robin named `name` over `refs` (the services of a route, or of a TraefikService). */
export function buildWeighted(ctx: BuildContext, config: DynamicConfig, ns: string, name: string, refs: unknown, owner: Resource, path: Path, stickyRaw?: unknown): Extract<DynamicService, { type: 'weighted' }> | null {
  const services: { name: string; weight: number }[] = [];
  let ok = true;
  arr(refs).forEach((raw, i) => {
    const ref = obj(raw) ?? {};
    const childName = child(ctx, config, ns, ref, owner, [...path, i]);
    if (childName === null) ok = false;
    else services.push({ name: childName, weight: num(ref['weight']) ?? 1 });
  });
  if (!ok) return null;
  const svc: Extract<DynamicService, { type: 'weighted' }> = { type: 'weighted', name, services, origin: origin(ctx, owner, path) };
  // buildServicesLB copies every cookie field (sameSite, maxAge and domain too), as buildServersLB does.
  const sticky = stickyCookie(stickyRaw);
  if (sticky) svc.sticky = sticky;
  return svc;
}

/** TraefikService CRDs → services named `ns-name@kubernetescrd`. */
export function buildTraefikServices(ctx: BuildContext, config: DynamicConfig): void {
  for (const r of ctx.all('TraefikService')) {
    const spec = obj(r.raw['spec']) ?? {};
    const ns = r.metadata.namespace;
    const name = qualify(normalize(makeID(ns, r.metadata.name)));
    const known = knownTypes(ctx);
    const given = TYPES.filter((t) => spec[t] !== undefined && spec[t] !== null);
    const set = given.filter((t) => known.includes(t));
    const label = `TraefikService ${ns}/${r.metadata.name}`;
    if (set.length === 0) {
      const newer = given.filter((t) => !known.includes(t));
      const why = newer.length ? `; it sets ${newer.join(', ')}, which Traefik v${ctx.settings.version} does not know (highestRandomWeight came in v3.6, failover in v3.7)` : '';
      ctx.report('PROVIDER_TRAEFIKSERVICE_TYPE', `${label} sets none of ${known.join(', ')}${why}: Traefik does not build it ("unspecified service type").`, r, ['spec'], { key: true });
      continue;
    }
    const type = set[0]!;
    for (const ignored of given.filter((t) => t !== type)) {
      const because = known.includes(ignored) ? `Traefik builds \`${type}\`, the first of ${known.join(', ')} that is set` : `Traefik v${ctx.settings.version} does not know it (highestRandomWeight came in v3.6, failover in v3.7) and builds \`${type}\``;
      ctx.report('PROVIDER_TRAEFIKSERVICE_IGNORED', `${label}: \`${ignored}\` is ignored. ${because}; give \`${ignored}\` a TraefikService of its own.`, r, ['spec', ignored], { key: true });
    }
    const body = obj(spec[type]) ?? {};
    let svc: DynamicService | null = null;
    if (type === 'weighted') svc = buildWeighted(ctx, config, ns, name, body['services'], r, ['spec', 'weighted', 'services'], body['sticky']);
    else if (type === 'highestRandomWeight') {
      const w = buildWeighted(ctx, config, ns, name, body['services'], r, ['spec', 'highestRandomWeight', 'services']);
      svc = w ? { type: 'highestRandomWeight', name, services: w.services, origin: w.origin! } : null;
    } else if (type === 'mirroring') {
      const main = child(ctx, config, ns, body, r, ['spec', 'mirroring']);
      const mirrors: { name: string; percent: number }[] = [];
      let ok = main !== null;
      arr(body['mirrors']).forEach((raw, i) => {
        const m = obj(raw) ?? {};
        const mirror = child(ctx, config, ns, m, r, ['spec', 'mirroring', 'mirrors', i]);
        if (mirror === null) ok = false;
        else mirrors.push({ name: mirror, percent: num(m['percent']) ?? 0 });
      });
      if (ok && main) svc = { type: 'mirroring', name, service: main, mirrorBody: bool(body['mirrorBody']) ?? true, maxBodySize: num(body['maxBodySize']) ?? -1, mirrors, origin: origin(ctx, r, ['spec']) };
    } else {
      const main = child(ctx, config, ns, obj(body['service']) ?? {}, r, ['spec', 'failover', 'service']);
      const fallback = child(ctx, config, ns, obj(body['fallback']) ?? {}, r, ['spec', 'failover', 'fallback']);
      if (main && fallback) svc = buildFailover(ctx, config, r, name, body, main, fallback);
    }
    if (svc) config.services[name] = svc;
  }
}
