// No Traefik counterpart: a seeded generator of realistic dynamic configurations (as the CRD provider would emit
// for many IngressRoutes) and of requests against them, for benchmarks (bench/) and property tests.
import type { DynamicConfig, DynamicMiddleware, DynamicRouter, DynamicService } from '../types.ts';
import type { SimRequest } from './verdict.ts';
import { prng } from '../prng.ts';

const PATHS = ['/api', '/app', '/static', '/v1', '/v2', '/admin', '/shop', '/blog', '/auth', '/img'];

function hostFor(i: number, ns: string): string {
  return `app-${Math.floor(i / 3)}.${ns}.example.com`;
}

function ruleFor(i: number, ns: string, rnd: () => number): { rule: string; syntax: 'v2' | 'v3' } {
  const h = hostFor(i, ns);
  const p = PATHS[Math.floor(rnd() * PATHS.length)]!;
  const form = rnd();
  const q = (s: string) => `\`${s}\``;
  if (form < 0.02) return { rule: `PathPrefix(${q('/healthz')})`, syntax: 'v3' };
  if (form < 0.03) return { rule: `HostRegexp(${q(`^[a-z]+-${i % 7}\\.regex\\.example\\.com$`)})`, syntax: 'v3' };
  if (form < 0.05) return { rule: `Host(${q(h)}, ${q(hostFor(i + 3, ns))}) && PathPrefix(${q(p)})`, syntax: 'v2' };
  if (form < 0.08) return { rule: `Host(${q(`*.wild-${Math.floor(i / 5)}.example.com`)})`, syntax: 'v3' };
  if (form < 0.25) return { rule: `Host(${q(h)})`, syntax: 'v3' };
  if (form < 0.5) return { rule: `Host(${q(h)}) && PathPrefix(${q(p)})`, syntax: 'v3' };
  if (form < 0.6) return { rule: `Host(${q(h)}) && Path(${q(`${p}/exact`)})`, syntax: 'v3' };
  if (form < 0.7) return { rule: `(Host(${q(h)}) || Host(${q(hostFor(i + 3, ns))})) && PathPrefix(${q(p)})`, syntax: 'v3' };
  if (form < 0.78) return { rule: `Host(${q(h)}) && PathPrefix(${q(p)}) && Method(${q(rnd() < 0.5 ? 'GET' : 'POST')})`, syntax: 'v3' };
  if (form < 0.85) return { rule: `Host(${q(h)}) && Header(${q('X-Version')}, ${q('2')})`, syntax: 'v3' };
  if (form < 0.92) return { rule: `Host(${q(h)}) && (Query(${q('v')}, ${q('1')}) || PathRegexp(${q('^/api/v[0-9]+/')}))`, syntax: 'v3' };
  return { rule: `Host(${q(h)}) && !PathPrefix(${q('/admin')})`, syntax: 'v3' };
}

function hex(rnd: () => number, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += Math.floor(rnd() * 16).toString(16);
  return s;
}

/**
 * A dynamic configuration of `nRouters` routers over ~nRouters/3 hosts in 10 namespaces: Host/Path/Method/Header/
 * Query rules, a few catch-alls, wildcards and HostRegexp, half of them TLS, with middlewares and services.
 *
 * @example
 * const config = generateConfig(5000, 42);
 * Object.keys(config.routers).length // 5000
 */
export function generateConfig(nRouters: number, seed: number): DynamicConfig {
  const rnd = prng(seed);
  const config: DynamicConfig = { routers: {}, services: {}, middlewares: {}, tlsOptions: { default: { name: 'default', sniStrict: false, builtin: true } }, certificates: [] };
  for (let n = 0; n < 10; n++) {
    const ns = `ns-${n}`;
    const origin = { resourceId: `Middleware/${ns}/strip`, file: 'generated.yaml', range: { start: 0, end: 0 } };
    const mws: DynamicMiddleware[] = [
      { name: `${ns}-strip@kubernetescrd`, type: 'stripPrefix', config: { prefixes: ['/api'] }, origin },
      { name: `${ns}-headers@kubernetescrd`, type: 'headers', config: { customRequestHeaders: { 'X-Namespace': ns } }, origin: { ...origin, resourceId: `Middleware/${ns}/headers` } },
    ];
    for (const m of mws) config.middlewares[m.name] = m;
    config.tlsOptions[`${ns}-modern@kubernetescrd`] = { name: `${ns}-modern@kubernetescrd`, sniStrict: false, minVersion: 'VersionTLS13' };
    config.certificates.push({ secret: `${ns}/wildcard-tls`, sans: [`*.${ns}.example.com`], present: true });
  }
  for (let i = 0; i < nRouters; i++) {
    const ns = `ns-${i % 10}`;
    const { rule, syntax } = ruleFor(i, ns, rnd);
    const ir = `ir-${Math.floor(i / 2)}`;
    const name = `${ns}-${ir}-${hex(rnd, 20)}@kubernetescrd`;
    const tls = rnd() < 0.5;
    const custom = tls && rnd() < 0.1;
    const priority = rnd() < 0.1 ? 1 + Math.floor(rnd() * 100) : 0;
    const middlewares = rnd() < 0.3 ? [`${ns}-strip@kubernetescrd`] : rnd() < 0.2 ? [`${ns}-headers@kubernetescrd`] : [];
    const router: DynamicRouter = {
      name, rule, priority, effectivePriority: priority || new TextEncoder().encode(rule).length, ruleSyntax: syntax, ruleSyntaxRaw: syntax === 'v2' ? 'v2' : '',
      entryPoints: [tls ? 'websecure' : 'web'], middlewares, service: name,
      tls: tls ? { ...(custom ? { options: `${ns}-modern@kubernetescrd` } : {}), resolvedOptions: custom ? `${ns}-modern@kubernetescrd` : 'default' } : null,
      parentRefs: [], origin: { resourceId: `IngressRoute/${ns}/${ir}`, file: 'generated.yaml', range: { start: 0, end: 0 }, routeIndex: i % 2 },
    };
    config.routers[name] = router;
    const servers = Array.from({ length: 1 + Math.floor(rnd() * 3) }, (_, k) => ({ url: `http://10.${i % 250}.${Math.floor(i / 250) % 250}.${k + 1}:8080`, source: 'endpointslice' as const }));
    const svc: DynamicService = { type: 'loadBalancer', name, servers, scheme: 'http', passHostHeader: true, strategy: 'wrr' };
    config.services[name] = svc;
  }
  return config;
}

/**
 * Requests aimed at the generated hosts (and a few strangers), over HTTP and HTTPS.
 *
 * @example
 * generateRequests(generateConfig(500, 1), 100, 7)[0].url
 */
export function generateRequests(config: DynamicConfig, count: number, seed: number): SimRequest[] {
  const rnd = prng(seed);
  const routers = Object.values(config.routers);
  const out: SimRequest[] = [];
  for (let i = 0; i < count; i++) {
    const r = routers[Math.floor(rnd() * routers.length)];
    const hosts = r ? [...r.rule.matchAll(/Host\(`([^`]*)`/g)].map((m) => m[1]!) : [];
    let host = hosts.length > 0 && rnd() < 0.9 ? hosts[Math.floor(rnd() * hosts.length)]! : `stranger-${i}.example.org`;
    host = host.replace('*', `w${i % 3}`);
    const scheme = r?.tls ? (rnd() < 0.9 ? 'https' : 'http') : rnd() < 0.9 ? 'http' : 'https';
    const path = [...PATHS, '/healthz', '/'][Math.floor(rnd() * (PATHS.length + 2))]! + (rnd() < 0.5 ? '/exact' : '/x');
    const headers: Record<string, string> = rnd() < 0.2 ? { 'X-Version': '2' } : {};
    const query = rnd() < 0.2 ? '?v=1' : '';
    out.push({ method: rnd() < 0.8 ? 'GET' : 'POST', url: `${scheme}://${host}${path}${query}`, headers, clientIP: `203.0.113.${i % 250}` });
  }
  return out;
}
