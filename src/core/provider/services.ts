// Mirrors pkg/provider/kubernetes/crd/kubernetes_http.go (configBuilder: nameAndService, buildServersLB,
// loadServers, getServicePort, parseServiceProtocol, fullServiceName) and kubernetes.go.
import { arr, bool, num, obj, str } from '../model/index.ts';
import type { DynamicServer, DynamicService, Origin, Path, Resource, StickyCookie } from '../types.ts';
import type { BuildContext} from './context.ts';
import { crossNamespaceHint, crossProviderAllowed, crossProviderHint, namespaceAllowed } from './context.ts';
import { judgeMissing, outsideMessage } from '../validate/references.ts';
import { makeID, normalize, qualify } from './names.ts';
import { resolveStrategy } from './lb-strategy.ts';

type Raw = Record<string, unknown>;

/** A reference is reported on `owner` at `path` (the service item), so the problem lands where it was written. */
export interface RefSite {
  owner: Resource;
  path: Path;
}

export function portString(port: unknown): string {
  return port === undefined || port === null ? '' : String(port);
}

/**
 * The name Traefik gives a service reference: `ns-svc-port` for a Kubernetes Service, `ns-name` for
 * a TraefikService, `x@provider` kept for other providers.
 */
export function fullServiceName(namespace: string, ref: Raw): string {
  const name = str(ref['name']) ?? '';
  const kind = str(ref['kind']) ?? '';
  if (kind === '' || kind === 'Service') return normalize(`${makeID(namespace, name)}-${portString(ref['port'])}`);
  if (!name.includes('@')) return normalize(makeID(namespace, name));
  const [base, provider] = [name.slice(0, name.lastIndexOf('@')), name.slice(name.lastIndexOf('@') + 1)];
  if (provider === 'kubernetescrd') return normalize(makeID(namespace, base));
  return `${normalize(base)}@${provider}`;
}

/** net.JoinHostPort: an IPv6 host is bracketed. */
function joinHostPort(host: string, port: number | string): string {
  return `${host.includes(':') ? `[${host}]` : host}:${port}`;
}

/** A sticky cookie as buildServersLB and buildServicesLB copy it (Cookie.SetDefaults: path `/`); none without `cookie`. */
export function stickyCookie(raw: unknown): StickyCookie | undefined {
  const cookie = obj(obj(raw)?.['cookie']);
  if (!cookie) return undefined;
  const out: StickyCookie = { name: str(cookie['name']) ?? '', path: str(cookie['path']) ?? '/' };
  const secure = bool(cookie['secure']);
  const httpOnly = bool(cookie['httpOnly']);
  const sameSite = str(cookie['sameSite']);
  const maxAge = num(cookie['maxAge']);
  const domain = str(cookie['domain']);
  if (secure !== undefined) out.secure = secure;
  if (httpOnly !== undefined) out.httpOnly = httpOnly;
  if (sameSite) out.sameSite = sameSite;
  if (maxAge !== undefined) out.maxAge = maxAge;
  if (domain) out.domain = domain;
  return out;
}

/** parseServiceProtocol: explicit http/https/h2c, else https for port 443 or a port name starting with https. */
export function serviceScheme(provided: string, portName: string, portNumber: number | undefined): string | null {
  if (provided === 'http' || provided === 'https' || provided === 'h2c') return provided;
  if (provided !== '') return null;
  return portNumber === 443 || portName.startsWith('https') ? 'https' : 'http';
}

interface ResolvedPort {
  name: string;
  port?: number;
  targetPort?: number | string;
  nodePort?: number;
}

/** getServicePort: a number must be a service port; a string must be a port name. */
function servicePort(svc: Resource, ref: unknown): ResolvedPort | 'missing' {
  const ports = arr(obj(svc.raw['spec'])?.['ports']).map((p) => obj(p) ?? {});
  const isExternal = str(obj(svc.raw['spec'])?.['type']) === 'ExternalName';
  for (const p of ports) {
    const hit = typeof ref === 'number' ? num(p['port']) === ref : str(p['name']) === ref;
    if (hit) {
      const out: ResolvedPort = { name: str(p['name']) ?? '' };
      const port = num(p['port']);
      const nodePort = num(p['nodePort']);
      const targetPort = p['targetPort'];
      if (port !== undefined) out.port = port;
      if (nodePort !== undefined) out.nodePort = nodePort;
      if (typeof targetPort === 'number' || typeof targetPort === 'string') out.targetPort = targetPort;
      return out;
    }
  }
  // Stryker disable next-line StringLiteral: an unlisted ExternalName port has no name; it only feeds the scheme, which a name changes only when it starts with "https"
  if (isExternal && typeof ref === 'number') return { name: '', port: ref };
  return 'missing';
}

/** Servers from the EndpointSlices of the workspace that belong to the Service (label kubernetes.io/service-name). */
function endpointServers(ctx: BuildContext, svc: Resource, portName: string, scheme: string): DynamicServer[] | null {
  const slices = ctx
    .all('EndpointSlice')
    .filter((s) => s.metadata.namespace === svc.metadata.namespace && s.metadata.labels['kubernetes.io/service-name'] === svc.metadata.name);
  if (slices.length === 0) return null;
  const seen = new Set<string>();
  const servers: DynamicServer[] = [];
  for (const slice of slices) {
    // Traefik matches only named slice ports (p.Name != nil): str() of a missing name never equals portName.
    const port = arr(slice.raw['ports']).map((p) => obj(p) ?? {}).find((p) => str(p['name']) === portName);
    const portNumber = num(port?.['port']);
    if (!port || portNumber === undefined) continue;
    for (const ep of arr(slice.raw['endpoints']).map((e) => obj(e) ?? {})) {
      const conditions = obj(ep['conditions']) ?? {};
      if (bool(conditions['serving']) === false) continue;
      for (const address of arr(ep['addresses']).map((a) => str(a) ?? '')) {
        if (!address || seen.has(address)) continue;
        seen.add(address);
        const server: DynamicServer = { url: `${scheme}://${joinHostPort(address, portNumber)}`, source: 'endpointslice' };
        if (bool(conditions['terminating']) === true) server.fenced = true;
        servers.push(server);
      }
    }
  }
  return servers;
}

/**
 * The load balancer of one Kubernetes Service reference, or null when Traefik would refuse it (the
 * reason is reported at the reference).
 */
export function buildServersLB(ctx: BuildContext, namespace: string, ref: Raw, site: RefSite): DynamicService | null {
  // The strategy is checked first (buildServersLB before loadServers; loadServers' first check before v3.4).
  const strategy = resolveStrategy(ctx, str(ref['strategy']) ?? '', site);
  if (strategy === null) return null;
  const name = str(ref['name']) ?? '';
  const portRef = ref['port'];
  if (portRef === undefined || portRef === 0 || portRef === '') {
    ctx.report('PROVIDER_SERVICE_PORT', `Service ${namespace}/${name} has no port: set port to a port number or port name of the Service.`, site.owner, [...site.path, 'port'], { key: portRef === undefined });
    return null;
  }
  const svc = ctx.find('Service', namespace, name);
  const healthCheck = obj(ref['healthCheck']);
  const providedScheme = str(ref['scheme']) ?? '';
  let servers: DynamicServer[];
  let scheme: string | null;
  if (!svc) {
    if (ctx.settings.strictServices) {
      ctx.report('PROVIDER_SERVICE_NOT_FOUND', `Kubernetes Service ${namespace}/${name} is not in the workspace (strict mode): add it, or fix the name or namespace.`, site.owner, [...site.path, 'name']);
      return null;
    }
    ctx.report('PROVIDER_SERVICE_ASSUMED', `Kubernetes Service ${namespace}/${name} is not in the workspace; assuming it exists with port ${portString(portRef)}.`, site.owner, [...site.path, 'name']);
    // A number port has no name: its text cannot start with "https".
    scheme = serviceScheme(providedScheme, String(portRef), typeof portRef === 'number' ? portRef : undefined);
    if (!scheme) return badScheme(ctx, providedScheme, site);
    const port = typeof portRef === 'number' ? `:${portRef}` : '';
    servers = [{ url: `${scheme}://${name}.${namespace}.svc${port}`, source: 'assumed' }];
  } else {
    const spec = obj(svc.raw['spec']) ?? {};
    const external = str(spec['type']) === 'ExternalName';
    if (healthCheck && !external) {
      ctx.report('PROVIDER_HEALTHCHECK_NOT_EXTERNAL', `healthCheck is only allowed for ExternalName Services; ${namespace}/${name} is ${str(spec['type']) ?? 'ClusterIP'}: remove healthCheck.`, site.owner, [...site.path, 'healthCheck'], { key: true });
      return null;
    }
    if (external && !ctx.settings.provider.allowExternalNameServices) {
      ctx.report('PROVIDER_EXTERNAL_NAME', `Service ${namespace}/${name} is of type ExternalName, which the provider refuses: enable allowExternalNameServices in the settings.`, site.owner, [...site.path, 'name']);
      return null;
    }
    const port = servicePort(svc, portRef);
    if (port === 'missing') {
      const known = arr(spec['ports']).map((p) => `${str(obj(p)?.['name']) ?? '(unnamed)'}:${num(obj(p)?.['port']) ?? '?'}`).join(', ');
      ctx.report('PROVIDER_SERVICE_PORT', `Service ${namespace}/${name} has no port ${typeof portRef === 'number' ? 'number' : 'named'} ${portString(portRef)} (its ports: ${known || 'none'}); a number must be a service port, a string a port name.`, site.owner, [...site.path, 'port']);
      return null;
    }
    if (external && typeof portRef === 'number' && arr(spec['ports']).length > 0 && !arr(spec['ports']).some((p) => num(obj(p)?.['port']) === portRef)) {
      ctx.report('PROVIDER_EXTERNAL_NAME_PORT', `Port ${portRef} is not listed on ExternalName Service ${namespace}/${name}; Traefik uses it anyway.`, site.owner, [...site.path, 'port']);
    }
    scheme = serviceScheme(providedScheme, port.name, port.port);
    if (!scheme) return badScheme(ctx, providedScheme, site);
    const nativeLB = bool(ref['nativeLB']) ?? ctx.settings.provider.nativeLBByDefault;
    const nodePort = !external && !nativeLB && str(spec['type']) === 'NodePort' && bool(ref['nodePortLB']) === true;
    if (nodePort && ctx.settings.provider.disableClusterScopeResources) {
      ctx.report('PROVIDER_NODES_DISABLED', `nodePortLB load-balances over the cluster's Nodes, but disableClusterScopeResources turns the Node lookup off ("nodes lookup is disabled"): Traefik skips the route.`, site.owner, [...site.path, 'nodePortLB']);
      return null;
    }
    if (nodePort && ctx.has('Node')) {
      // Each InternalIP of each Node, at the nodePort (net.JoinHostPort brackets IPv6).
      servers = ctx.all('Node').flatMap((n) => arr(obj(n.raw['status'])?.['addresses']).map((a) => obj(a) ?? {}))
        .filter((a) => str(a['type']) === 'InternalIP' && str(a['address']))
        .map((a) => ({ url: `${scheme}://${joinHostPort(str(a['address'])!, port.nodePort ?? 0)}`, source: 'nodeport' as const }));
      if (servers.length === 0) {
        ctx.report('PROVIDER_NO_ENDPOINTS', `nodePortLB: no Node of the workspace has an InternalIP address, so Traefik generates no servers and skips the route.`, site.owner, [...site.path, 'nodePortLB']);
        return null;
      }
    } else if (nodePort) {
      ctx.report('PROVIDER_NODES_ASSUMED', `nodePortLB: the servers are the InternalIP of every Node at nodePort ${port.nodePort ?? '?'}; Nodes are not in the workspace.`, site.owner, [...site.path, 'nodePortLB']);
      servers = [{ url: `${scheme}://node-internal-ip:${port.nodePort ?? 0}`, source: 'nodeport' }];
    } else if (external) {
      servers = [{ url: `${scheme}://${joinHostPort(str(spec['externalName']) ?? name, port.port ?? portString(portRef))}`, source: 'externalname' }];
    } else if (nativeLB) {
      const clusterIP = str(spec['clusterIP']) ?? '';
      if (clusterIP === 'None') {
        ctx.report('PROVIDER_NO_ENDPOINTS', `Service ${namespace}/${name} is headless (clusterIP: None): nativeLB has no ClusterIP to send to ("no clusterIP on headless service"), so Traefik skips the route. Remove nativeLB to use the endpoints.`, site.owner, [...site.path, 'nativeLB']);
        return null;
      }
      // A Service written without clusterIP gets one from the API server: reached by its DNS name here.
      servers = [{ url: `${scheme}://${joinHostPort(clusterIP || `${name}.${namespace}.svc`, port.port ?? 0)}`, source: 'clusterip' }];
    } else {
      const fromSlices = endpointServers(ctx, svc, port.name, scheme);
      if (fromSlices && fromSlices.length === 0 && !ctx.settings.provider.allowEmptyServices) {
        ctx.report('PROVIDER_NO_ENDPOINTS', `Service ${namespace}/${name} has no ready endpoints in the workspace's EndpointSlices: Traefik skips the route (enable allowEmptyServices to answer 503 instead).`, site.owner, [...site.path, 'name']);
        return null;
      }
      const target = port.targetPort ?? port.port;
      servers = fromSlices ?? [{ url: `${scheme}://${name}.${namespace}.svc:${typeof target === 'number' ? target : port.port}`, source: 'assumed' }];
    }
  }
  const lb: DynamicService = {
    type: 'loadBalancer',
    // Stryker disable next-line StringLiteral: every caller names the load balancer (placedService) before storing it
    name: '',
    servers,
    kubernetesService: { namespace, name, port: typeof portRef === 'number' || typeof portRef === 'string' ? portRef : portString(portRef) },
    scheme: scheme as 'http' | 'https' | 'h2c',
    passHostHeader: bool(ref['passHostHeader']) ?? true,
    flushInterval: str(obj(ref['responseForwarding'])?.['flushInterval']) ?? '100ms',
    strategy,
  };
  const st = stickyCookie(ref['sticky']);
  if (st) lb.sticky = st;
  const transport = str(ref['serversTransport']);
  if (transport) {
    const key = serversTransportKey(ctx, namespace, transport, site);
    if (key === null) return null;
    lb.serversTransport = key;
    if (transport.endsWith('@kubernetescrd')) lb.serversTransportAsWritten = true;
  }
  if (healthCheck) lb.healthCheck = healthCheck;
  return lb;
}

function badScheme(ctx: BuildContext, scheme: string, site: RefSite): null {
  ctx.report('PROVIDER_SCHEME', `Invalid scheme "${scheme}": use http, https or h2c, or leave it empty to derive it from the port.`, site.owner, [...site.path, 'scheme']);
  return null;
}

/**
 * A load balancer from nameAndService under the name and origin of the router or service that uses
 * it: `{ ...lb, name, origin }`, made with Object.assign. Node 20's V8 gives every object made by a
 * spread followed by a new property a hidden class of its own (12,427 of them at 5,000 IngressRoutes,
 * ~4 MB, and every later read of a service megamorphic); Object.assign shares one.
 *
 * @example
 * config.services[name] = placedService(resolved.lb, name, { resourceId, file, range });
 */
export function placedService(lb: DynamicService, name: string, origin: Origin): DynamicService {
  return Object.assign({}, lb, { name, origin });
}

/**
 * nameAndService: the service name a reference produces and, for a Kubernetes Service, its load
 * balancer. Null when the reference fails (reported).
 */
export function nameAndService(ctx: BuildContext, parentNamespace: string, ref: Raw, site: RefSite): { name: string; lb: DynamicService | null; failing?: string } | null {
  const kind = str(ref['kind']) ?? '';
  const name = str(ref['name']) ?? '';
  let namespace = parentNamespace;
  const refNs = str(ref['namespace']);
  if (name.includes('@')) {
    if (!crossProviderAllowed(ctx, parentNamespace)) {
      ctx.report('PROVIDER_CROSS_PROVIDER', crossProviderHint(`Service ${name}`, parentNamespace), site.owner, [...site.path, 'name']);
      return null;
    }
    // A provider-qualified name is neither defaulted to nor checked against the parent namespace
    // (kubernetes_http.go nameAndService); fullServiceName then uses the namespace as written.
    namespace = refNs ?? '';
  } else {
    if (refNs && !namespaceAllowed(ctx, parentNamespace, refNs)) {
      ctx.report('PROVIDER_CROSS_NAMESPACE', `Service ${refNs}/${name} is in another namespace than ${parentNamespace}: ${crossNamespaceHint(parentNamespace)}.`, site.owner, [...site.path, 'namespace']);
      return null;
    }
    namespace = refNs || parentNamespace;
  }
  if (kind === '' || kind === 'Service') {
    const lb = buildServersLB(ctx, namespace, ref, site);
    return lb ? { name: fullServiceName(namespace, ref), lb } : null;
  }
  if (kind === 'TraefikService') {
    const fullName = fullServiceName(namespace, ref);
    // The provider does not look the TraefikService up: the router is emitted and fails at runtime.
    if (name.includes('@') || ctx.find('TraefikService', namespace, name)) return { name: fullName, lb: null };
    const verdict = judgeMissing(ctx.scope, 'TraefikService', namespace, name);
    if (verdict.kind === 'outside') {
      ctx.addOutside(qualify(fullName));
      ctx.report('PROVIDER_REFERENCE_OUTSIDE', outsideMessage('TraefikService', namespace, name, 'its servers are unknown to the simulator'), site.owner, [...site.path, 'name']);
      return { name: fullName, lb: null };
    }
    ctx.report('PROVIDER_SERVICE_NOT_FOUND', `TraefikService ${namespace}/${name} is not defined in the workspace: Traefik emits the router and fails it ("the service does not exist").${verdict.suggestion ? ` Did you mean ${verdict.suggestion}?` : ''} Add it, or fix the name or namespace.`, site.owner, [...site.path, 'name']);
    return { name: fullName, lb: null, failing: `TraefikService ${namespace}/${name} does not exist` };
  }
  ctx.report('PROVIDER_SERVICE_KIND', `Unknown service kind "${kind}": use Service or TraefikService.`, site.owner, [...site.path, 'kind']);
  return null;
}

/** makeServersTransportKey, plus the reference rule for a ServersTransport that is not in the workspace. Null: the service cannot be built. */
function serversTransportKey(ctx: BuildContext, namespace: string, transport: string, site: RefSite): string | null {
  const path = [...site.path, 'serversTransport'];
  if (transport.includes('@')) {
    if (!ctx.settings.provider.allowCrossNamespace && transport.endsWith('@kubernetescrd')) {
      ctx.report('PROVIDER_CROSS_NAMESPACE', `serversTransport "${transport}" uses the @kubernetescrd form, which needs allowCrossNamespace.`, site.owner, path);
      return null;
    }
    if (!crossProviderAllowed(ctx, namespace)) {
      ctx.report('PROVIDER_CROSS_PROVIDER', crossProviderHint(`serversTransport ${transport}`, namespace), site.owner, path);
      return null;
    }
    return transport;
  }
  if (!ctx.find('ServersTransport', namespace, transport)) {
    const verdict = judgeMissing(ctx.scope, 'ServersTransport', namespace, transport);
    if (verdict.kind === 'outside') ctx.report('PROVIDER_REFERENCE_OUTSIDE', outsideMessage('ServersTransport', namespace, transport, 'its TLS and timeouts are unknown'), site.owner, path);
    else ctx.report('PROVIDER_SERVICE_NOT_FOUND', `ServersTransport ${namespace}/${transport} is not defined: the service fails at runtime.${verdict.suggestion ? ` Did you mean ${verdict.suggestion}?` : ''}`, site.owner, path);
  }
  return qualify(normalize(makeID(namespace, transport)));
}
