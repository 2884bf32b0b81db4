// Mirrors the strategy check of pkg/provider/kubernetes/crd/kubernetes_http.go buildServersLB (v3.4+) and
// loadServers (v2.11, v3.0–v3.3), with the values of dynamic.BalancerStrategy* at each version.
import type { BuildContext } from './context.ts';
import type { RefSite } from './services.ts';
import { atLeast } from './settings.ts';

/**
 * The strategies buildServersLB accepts at the settings' Traefik version: `wrr`, `p2c` from v3.4.0, `hrw`
 * and `leasttime` from v3.6.0 (git tags containing the commits that added them). Before v3.4 (and on
 * v2.11) only the old spelling `RoundRobin` passes: the list is empty.
 */
export function acceptedStrategies(ctx: BuildContext): string[] {
  if (atLeast(ctx.settings, '3.6.0')) return ['wrr', 'p2c', 'hrw', 'leasttime'];
  if (atLeast(ctx.settings, '3.4.0')) return ['wrr', 'p2c'];
  return [];
}

/**
 * The strategy of a Kubernetes Service's load balancer, or null when Traefik refuses it (reported at
 * `strategy`: the route, TraefikService or Middleware using the reference is dropped). Empty and
 * `RoundRobin` are the default `wrr` (ServersLoadBalancer.SetDefaults); `RoundRobin` logs a deprecation
 * warning from v3.4 on.
 *
 * @example
 * resolveStrategy(ctx, 'RoundRobin', site) // 'wrr', with PROVIDER_LB_STRATEGY_DEPRECATED on v3.4+
 */
export function resolveStrategy(ctx: BuildContext, written: string, site: RefSite): string | null {
  const accepted = acceptedStrategies(ctx);
  const path = [...site.path, 'strategy'];
  if (written === '') return 'wrr';
  if (accepted.includes(written)) return written;
  if (written === 'RoundRobin') {
    if (accepted.length) ctx.report('PROVIDER_LB_STRATEGY_DEPRECATED', 'The RoundRobin strategy is deprecated: Traefik reads it as wrr and logs "RoundRobin strategy value is deprecated, please use wrr value instead". Write wrr.', site.owner, path);
    return 'wrr';
  }
  // The error each version returns (v3.4+: buildServersLB; before: loadServers), as Traefik logs it.
  const said = accepted.length ? `load-balancer strategy ${written} is not supported` : `load balancing strategy ${written} is not supported`;
  const fix = accepted.length
    ? `Use ${accepted.join(', ')}, or leave it empty for wrr.`
    : `Traefik v${ctx.settings.version} knows only RoundRobin (wrr and p2c came in v3.4, hrw and leasttime in v3.6): write RoundRobin or leave it empty.`;
  ctx.report('PROVIDER_LB_STRATEGY', `Strategy "${written}" is not supported: Traefik refuses this load balancer ("${said}") and drops the route, TraefikService or Middleware that uses it. ${fix}`, site.owner, path);
  return null;
}
