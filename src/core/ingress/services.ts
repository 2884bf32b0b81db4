// Mirrors loadService and getProtocol in pkg/provider/kubernetes/ingress/kubernetes.go, on top of the
// CRD provider's server resolution (EndpointSlices, nativeLB, ExternalName), which Traefik shares.
import { diagnostic } from '../diagnostic.ts';
import { num, obj, str } from '../model/index.ts';
import { crossProviderAllowed, type BuildContext } from '../provider/context.ts';
import { buildServersLB } from '../provider/services.ts';
import type { Diagnostic, DynamicService, Path, Resource } from '../types.ts';
import { parseServiceAnnotations } from './annotations.ts';
import { INGRESS_CODES } from './codes.ts';

/** A backend as written: `backend.service.{name, port.{number|name}}` (or a resource backend). */
export interface IngressBackend {
  service?: { name: string; port: { number?: number; name?: string } };
  resource: boolean;
}

/**
 * Reads `spec.defaultBackend` or a path's `backend`.
 *
 * @example
 * readBackend({ service: { name: 'web', port: { number: 80 } } }) // { service: { name: 'web', port: { number: 80 } }, resource: false }
 */
export function readBackend(raw: unknown): IngressBackend {
  const b = obj(raw) ?? {};
  const svc = obj(b['service']);
  const out: IngressBackend = { resource: obj(b['resource']) !== undefined };
  if (svc) {
    const port = obj(svc['port']) ?? {};
    const p: { number?: number; name?: string } = {};
    const n = num(port['number']);
    const name = str(port['name']);
    if (n !== undefined) p.number = n;
    if (name) p.name = name;
    out.service = { name: str(svc['name']) ?? '', port: p };
  }
  return out;
}

const SCHEMES = new Set(['http', 'https', 'h2c']);

/**
 * loadService: the load balancer of one backend, or null when Traefik refuses it (reported at the
 * backend). Service annotations (`traefik.ingress.kubernetes.io/service.*`) set the scheme, sticky
 * cookie, passHostHeader, serversTransport and nativeLB.
 */
export function loadService(ctx: BuildContext, ingress: Resource, namespace: string, backend: NonNullable<IngressBackend['service']>, path: Path, diagnostics: Diagnostic[]): DynamicService | null {
  const svc = ctx.find('Service', namespace, backend.name);
  const decoded = parseServiceAnnotations(svc?.metadata.annotations ?? {});
  if (decoded.error) {
    const target = svc ?? ingress;
    const at = svc ? ['metadata', 'annotations', decoded.error.annotation] : path;
    diagnostics.push(diagnostic(INGRESS_CODES, 'INGRESS_ANNOTATION_INVALID', `${decoded.error.message}: Traefik cannot create the service ${namespace}/${backend.name}, so every path using it is skipped.`, target.source.file, ctx.range(target, at)));
    return null;
  }
  const ann = decoded.value ?? {};
  // The build context holds this provider's own crossProviderNamespaces (kubernetes-ingress.ts).
  if (svc && ann.serversTransport && !crossProviderAllowed(ctx, namespace)) {
    const message = `Service ${namespace}/${backend.name} names the serversTransport ${ann.serversTransport} (another provider's), but namespace ${namespace} is not in the kubernetesIngress provider's crossProviderNamespaces: Traefik cannot create the service ("cross-provider serversTransport reference is not allowed"), so every path using it is skipped.`;
    diagnostics.push(diagnostic(INGRESS_CODES, 'INGRESS_CROSS_PROVIDER', message, svc.source.file, ctx.range(svc, ['metadata', 'annotations', 'traefik.ingress.kubernetes.io/service.serverstransport'])));
    return null;
  }
  const ref: Record<string, unknown> = { name: backend.name, port: backend.port.number ?? backend.port.name ?? 0 };
  if (ann.serversScheme && SCHEMES.has(ann.serversScheme)) ref['scheme'] = ann.serversScheme;
  if (ann.passHostHeader !== undefined) ref['passHostHeader'] = ann.passHostHeader;
  if (ann.nativeLB !== undefined) ref['nativeLB'] = ann.nativeLB;
  // `service.nodeportlb`: a NodePort Service's servers are the Nodes' InternalIPs at its nodePort. This provider
  // checks it before nativeLB (the kubernetesCRD provider checks nativeLB first), so it wins over nativeLB here.
  if (ann.nodePortLB) {
    ref['nodePortLB'] = true;
    if (str(obj(svc?.raw['spec'])?.['type']) === 'NodePort') ref['nativeLB'] = false;
  }
  const lb = buildServersLB(ctx, namespace, ref, { owner: ingress, path: [...path, 'service'] });
  if (!lb || lb.type !== 'loadBalancer') return null;
  // getProtocol uses serversScheme verbatim, even when it is not http/https/h2c.
  if (ann.serversScheme && !SCHEMES.has(ann.serversScheme)) {
    lb.servers = lb.servers.map((s) => ({ ...s, url: s.url.replace(/^[a-z0-9+.-]+:\/\//i, `${ann.serversScheme}://`) }));
  }
  if (ann.sticky) lb.sticky = ann.sticky;
  else delete lb.sticky;
  // The Ingress provider takes the serversTransport name as written (e.g. `foobar@file`).
  if (ann.serversTransport) lb.serversTransport = ann.serversTransport;
  else delete lb.serversTransport;
  return lb;
}
