/**
 * No Traefik counterpart: "Convert to IngressRoute". The routers, services and middlewares the Ingress
 * providers built for an Ingress are written back as IngressRoute, Middleware (and TLS) documents that
 * the CRD provider turns into the same routing; each document says which annotation it came from, and
 * what cannot be said with CRDs is listed, never dropped silently.
 */
import { dump } from 'js-yaml';
import type { Analysis } from '../analyze.ts';
import { arr, obj, str } from '../model/index.ts';
import { normalize, routerKey } from '../provider/names.ts';
import type { DynamicConfig, DynamicRouter, DynamicService, Range, Resource } from '../types.ts';
import { middlewareSpec } from './convert-middlewares.ts';

export interface NotConverted {
  /** `Ingress ns/name`. */
  resource: string;
  file: string;
  range: Range;
  what: string;
}

export interface Conversion {
  /** Ingress resource id → the YAML documents that replace it (joined with `---`). */
  byIngress: Map<string, string>;
  notConverted: NotConverted[];
  /** Original router/middleware names → the names the CRD provider gives the converted ones. */
  equivalence: { routers: Map<string, string>; middlewares: Map<string, string> };
}

const INGRESS_SUFFIXES = ['@kubernetes', '@kubernetesingressnginx'];
const isIngressRouter = (r: DynamicRouter) => INGRESS_SUFFIXES.some((s) => r.name.endsWith(s));
const base = (name: string) => name.slice(0, name.lastIndexOf('@'));

/** Where a provider middleware came from, for the comment on its Middleware. */
const ANNOTATION_OF: Record<string, string> = {
  'redirect-scheme': 'nginx.ingress.kubernetes.io/ssl-redirect (on by default with a TLS section) or force-ssl-redirect',
  'rewrite-target': 'nginx.ingress.kubernetes.io/rewrite-target',
  'basic-auth': 'nginx.ingress.kubernetes.io/auth-type: basic + auth-secret',
  cors: 'nginx.ingress.kubernetes.io/enable-cors and cors-*',
  retry: 'nginx.ingress.kubernetes.io/proxy-next-upstream (retry is on by default in the NGINX provider)',
  'allowed-source-range': 'nginx.ingress.kubernetes.io/allowlist-source-range or whitelist-source-range',
  redirect: 'nginx.ingress.kubernetes.io/permanent-redirect or temporal-redirect',
  'limit-rpm': 'nginx.ingress.kubernetes.io/limit-rpm',
  'limit-rps': 'nginx.ingress.kubernetes.io/limit-rps',
  'limit-connections': 'nginx.ingress.kubernetes.io/limit-connections',
  buffering: 'nginx.ingress.kubernetes.io/proxy-request-buffering or proxy-buffering',
  'app-root': 'nginx.ingress.kubernetes.io/app-root',
  vhost: 'nginx.ingress.kubernetes.io/upstream-vhost',
  'digest-auth': 'nginx.ingress.kubernetes.io/auth-type: digest + auth-secret',
  'custom-http-errors': 'nginx.ingress.kubernetes.io/custom-http-errors (+ default-backend)',
  'custom-headers': 'nginx.ingress.kubernetes.io/custom-headers',
  snippet: 'nginx.ingress.kubernetes.io/auth-url (or the provider\'s globalAuthURL) and auth-*',
  'pass-certificate-to-upstream': 'nginx.ingress.kubernetes.io/auth-tls-pass-certificate-to-upstream',
};

/** Annotations that set the NGINX provider's serversTransport beyond its defaults. */
const TRANSPORT_ANNOTATIONS = ['proxy-connect-timeout', 'proxy-read-timeout', 'proxy-send-timeout', 'proxy-http-version', 'proxy-ssl-secret', 'proxy-ssl-verify', 'proxy-ssl-name', 'proxy-ssl-server-name'];

/** The NGINX provider's serversTransport as a ServersTransport spec, and what it cannot carry. */
function transportSpec(config: Record<string, unknown>, ns: string): { spec: Record<string, unknown>; lost: string[] } {
  const t = (config['forwardingTimeouts'] ?? {}) as Record<string, unknown>;
  const spec: Record<string, unknown> = { forwardingTimeouts: { dialTimeout: t['dialTimeout'], idleConnTimeout: t['idleConnTimeout'] } };
  for (const k of ['serverName', 'insecureSkipVerify', 'disableHTTP2']) if (config[k] !== undefined) spec[k] = config[k];
  const local = (refs: unknown) => (Array.isArray(refs) ? refs.map(String).filter((r) => r.startsWith(`${ns}/`)).map((r) => r.slice(ns.length + 1)) : []);
  if (local(config['rootCAsSecrets']).length) spec['rootCAs'] = local(config['rootCAsSecrets']).map((secret) => ({ secret }));
  if (local(config['certificatesSecrets']).length) spec['certificatesSecrets'] = local(config['certificatesSecrets']);
  return { spec, lost: [`proxy-read-timeout / proxy-send-timeout (${String(t['readTimeout'])} / ${String(t['writeTimeout'])} between two reads / writes): a ServersTransport resource has no such timeouts`] };
}

interface Doc {
  comment: string[];
  body: Record<string, unknown>;
}

function yamlDoc(d: Doc): string {
  return `${d.comment.map((c) => `# ${c}`).join('\n')}\n${dump(d.body, { lineWidth: -1, noRefs: true })}`;
}

/** A CRD reference `{ name, namespace? }` to a middleware of the configuration. */
function crdRef(name: string, config: DynamicConfig, ns: string): Record<string, unknown> {
  if (name.endsWith('@kubernetescrd')) {
    const m = /^Middleware\/([^/]+)\/([^/#]+)/.exec(config.middlewares[name]?.origin.resourceId ?? '');
    if (m) return m[1] === ns ? { name: m[2] } : { name: m[2], namespace: m[1] };
  }
  return { name };
}

/** The route's services: one Kubernetes Service, or the weighted pair of a canary. */
function routeServices(svc: DynamicService | undefined, config: DynamicConfig, ns: string, lost: string[], transportOf: (name: string) => string | undefined = () => undefined): Record<string, unknown>[] | string {
  if (!svc) return 'its service does not exist';
  const one = (s: DynamicService | undefined, weight?: number): Record<string, unknown> | string => {
    if (!s || s.type !== 'loadBalancer' || !s.kubernetesService) return `service ${s?.name ?? '?'} is not a Kubernetes Service (e.g. the NGINX provider's unavailable-service answering 503)`;
    const k = s.kubernetesService;
    const out: Record<string, unknown> = { name: k.name, port: k.port };
    if (k.namespace !== ns) out['namespace'] = k.namespace;
    if (weight !== undefined) out['weight'] = weight;
    const derived = s.scheme === 'https' ? 'https' : 'http';
    if (s.scheme === 'h2c' || (derived === 'https' && !(k.port === 443 || String(k.port).startsWith('https')))) out['scheme'] = s.scheme;
    if (!s.passHostHeader) out['passHostHeader'] = false;
    if (s.sticky) out['sticky'] = { cookie: { ...s.sticky } };
    // The NGINX provider's per-Ingress transport only carries its proxy timeouts; another one is named by an annotation.
    const converted = s.serversTransport ? transportOf(s.serversTransport) : undefined;
    if (converted) out['serversTransport'] = converted;
    if (s.serversTransport && !s.serversTransport.endsWith('@kubernetesingressnginx')) lost.push(`serversTransport ${s.serversTransport} of service ${s.name}: set serversTransport on the route's service by hand (an IngressRoute names a ServersTransport of its namespace)`);
    return out;
  };
  if (svc.type === 'weighted') {
    const out: Record<string, unknown>[] = [];
    for (const child of svc.services) {
      const c = one(config.services[child.name], child.weight);
      if (typeof c === 'string') return c;
      out.push(c);
    }
    return out;
  }
  const s = one(svc);
  return typeof s === 'string' ? s : [s];
}

/**
 * Converts the Ingresses of an analysis (all of them, or those whose ids are given).
 *
 * @example
 * const c = convertIngresses(analyze(files, settings));
 * c.byIngress.get('Ingress/apps/web') // 'kind: IngressRoute …'
 */
export function convertIngresses(analysis: Analysis, only?: ReadonlySet<string>): Conversion {
  const { config } = analysis;
  const result: Conversion = { byIngress: new Map(), notConverted: [], equivalence: { routers: new Map(), middlewares: new Map() } };
  const routersOf = new Map<string, DynamicRouter[]>();
  for (const r of Object.values(config.routers)) {
    if (!isIngressRouter(r) || r.disabled) continue;
    routersOf.set(r.origin.resourceId, [...(routersOf.get(r.origin.resourceId) ?? []), r]);
  }
  for (const ing of analysis.resources) {
    if (ing.kind !== 'Ingress' || (only && !only.has(ing.id))) continue;
    const docs = convertOne(ing, routersOf.get(ing.id) ?? [], config, result);
    result.byIngress.set(ing.id, docs.map(yamlDoc).join('---\n'));
  }
  return result;
}

function convertOne(ing: Resource, routers: DynamicRouter[], config: DynamicConfig, result: Conversion): Doc[] {
  const ns = ing.metadata.namespace;
  const label = `Ingress ${ns}/${ing.metadata.name}`;
  const lose = (what: string) => {
    if (!result.notConverted.some((n) => n.resource === label && n.what === what)) result.notConverted.push({ resource: label, file: ing.source.file, range: ing.source.node.range, what });
  };
  if (routers.length === 0) {
    // A canary Ingress has no routers of its own: it lives on in the weighted services and header routes of the Ingress it shadows.
    if (ing.metadata.annotations['nginx.ingress.kubernetes.io/canary']?.toLowerCase() !== 'true') lose('Traefik builds no router from this Ingress (see its diagnostics): nothing to convert');
    return [];
  }
  const middlewareDocs: Doc[] = [];
  const mwBySpec = new Map<string, string>();
  const groups = new Map<string, { tls: DynamicRouter['tls']; entryPoints: string[]; routes: { router: DynamicRouter; route: Record<string, unknown> }[] }>();
  const secret = str(obj(arr(obj(ing.raw['spec'])?.['tls'])[0])?.['secretName']);
  const extraDocs: Doc[] = [];
  // The NGINX provider's serversTransport, written out when an annotation (or an HTTPS backend) makes it matter.
  const setsTransport = TRANSPORT_ANNOTATIONS.some((k) => ing.metadata.annotations[`nginx.ingress.kubernetes.io/${k}`] !== undefined)
    || /^(HTTPS|GRPCS)$/i.test(ing.metadata.annotations['nginx.ingress.kubernetes.io/backend-protocol'] ?? '');
  const transportOf = (name: string): string | undefined => {
    const t = config.ingressServersTransports?.[name];
    if (!t || !setsTransport) return undefined;
    const docName = normalize(`${ing.metadata.name}-transport`);
    if (!extraDocs.some((d) => (d.body['metadata'] as { name: string }).name === docName)) {
      const { spec, lost } = transportSpec(t.config, ns);
      for (const l of lost) if (ing.metadata.annotations['nginx.ingress.kubernetes.io/proxy-read-timeout'] !== undefined || ing.metadata.annotations['nginx.ingress.kubernetes.io/proxy-send-timeout'] !== undefined) lose(l);
      extraDocs.push({ comment: [`Converted from ${label}: nginx.ingress.kubernetes.io/proxy-* and backend-protocol (the provider's serversTransport).`], body: { apiVersion: 'traefik.io/v1alpha1', kind: 'ServersTransport', metadata: { name: docName, namespace: ns }, spec } });
    }
    return docName;
  };
  const serviceRef = (name: string): Record<string, unknown> | undefined => {
    const s = config.services[name];
    if (!s || s.type !== 'loadBalancer' || !s.kubernetesService || !s.kubernetesService.port) return undefined;
    const k = s.kubernetesService;
    return { name: k.name, port: k.port, ...(k.namespace !== ns ? { namespace: k.namespace } : {}) };
  };
  for (const r of routers) {
    const lostServices: string[] = [];
    const services = routeServices(config.services[r.service], config, ns, lostServices, transportOf);
    for (const l of lostServices) lose(l);
    if (typeof services === 'string') {
      lose(`router ${r.name}: ${services}; the route is left out`);
      continue;
    }
    const middlewares: Record<string, unknown>[] = [];
    for (const m of r.middlewares) {
      const mw = config.middlewares[m];
      if (!mw || !m.endsWith('@kubernetesingressnginx')) {
        middlewares.push(crdRef(m, config, ns));
        continue;
      }
      const suffix = base(m).slice(base(r.name).length + 1) || base(m);
      const { spec, lost } = middlewareSpec(mw.type, mw.config, serviceRef);
      for (const l of lost) lose(`${ANNOTATION_OF[suffix] ?? suffix}: ${l}`);
      if (!spec) continue;
      const key = JSON.stringify(spec);
      let name = mwBySpec.get(key);
      if (!name) {
        name = normalize(`${ing.metadata.name}-${suffix}`);
        for (let i = 2; middlewareDocs.some((d) => (d.body['metadata'] as { name: string }).name === name); i++) name = normalize(`${ing.metadata.name}-${suffix}-${i}`);
        mwBySpec.set(key, name);
        middlewareDocs.push({
          comment: [`Converted from ${label}: ${ANNOTATION_OF[suffix] ?? `the ${mw.type} middleware of the Ingress provider`}.`],
          body: { apiVersion: 'traefik.io/v1alpha1', kind: 'Middleware', metadata: { name, namespace: ns }, spec },
        });
      }
      result.equivalence.middlewares.set(m, `${normalize(`${ns}-${name}`)}@kubernetescrd`);
      middlewares.push({ name });
    }
    const route: Record<string, unknown> = { kind: 'Rule', match: r.rule };
    if (r.priority !== 0) route['priority'] = r.priority;
    if (r.ruleSyntax === 'v2' && r.ruleSyntaxRaw === 'v2') route['syntax'] = 'v2';
    if (middlewares.length) route['middlewares'] = middlewares;
    route['services'] = services;
    if (r.observability) route['observability'] = { ...r.observability };
    const key = JSON.stringify([r.tls, r.entryPoints]);
    const group = groups.get(key) ?? { tls: r.tls, entryPoints: r.entryPoints, routes: [] };
    group.routes.push({ router: r, route });
    groups.set(key, group);
  }
  const routeDocs: Doc[] = [];
  const used = new Set<string>();
  for (const g of groups.values()) {
    let name = g.tls ? `${ing.metadata.name}-tls` : ing.metadata.name;
    for (let i = 2; used.has(name); i++) name = `${g.tls ? `${ing.metadata.name}-tls` : ing.metadata.name}-${i}`;
    used.add(name);
    const spec: Record<string, unknown> = { entryPoints: g.entryPoints, routes: g.routes.map((x) => x.route) };
    if (g.tls) {
      const tls: Record<string, unknown> = {};
      if (secret) tls['secretName'] = secret;
      if (g.tls.certResolver) tls['certResolver'] = g.tls.certResolver;
      if (g.tls.domains?.length) tls['domains'] = g.tls.domains;
      const nginxOption = g.tls.options?.endsWith('@kubernetesingressnginx') ? config.tlsOptions[g.tls.options] : undefined;
      if (nginxOption?.clientAuth) {
        // auth-tls-secret: the provider's client-certificate option becomes a TLSOption of the namespace.
        const optName = normalize(`${ing.metadata.name}-client-auth`);
        const secrets = (nginxOption.clientAuth.secretNames ?? []).filter((s) => s.startsWith(`${ns}/`)).map((s) => s.slice(ns.length + 1));
        if (secrets.length !== (nginxOption.clientAuth.secretNames ?? []).length) lose('auth-tls-secret in another namespace: a TLSOption reads Secrets of its own namespace');
        if (!extraDocs.some((d) => (d.body['metadata'] as { name: string }).name === optName)) {
          extraDocs.push({ comment: [`Converted from ${label}: nginx.ingress.kubernetes.io/auth-tls-secret and auth-tls-verify-client.`], body: { apiVersion: 'traefik.io/v1alpha1', kind: 'TLSOption', metadata: { name: optName, namespace: ns }, spec: { clientAuth: { secretNames: secrets, clientAuthType: nginxOption.clientAuth.clientAuthType } } } });
        }
        tls['options'] = { name: optName };
      } else if (g.tls.options) {
        const m = /^TLSOption\/([^/]+)\/([^/#]+)/.exec(config.tlsOptions[g.tls.options]?.origin?.resourceId ?? '');
        if (m) tls['options'] = m[1] === ns ? { name: m[2] } : { name: m[2], namespace: m[1] };
        else lose(`TLS option ${g.tls.options} is not a TLSOption of the workspace: set tls.options by hand`);
      }
      spec['tls'] = tls;
    }
    for (const { router, route } of g.routes) result.equivalence.routers.set(router.name, `${routerKey(ns, name, String(route['match']))}@kubernetescrd`);
    const provider = g.routes[0]!.router.name.endsWith('@kubernetesingressnginx') ? 'kubernetesIngressNGINX' : 'kubernetesIngress';
    routeDocs.push({
      comment: [`Converted from ${label} (Traefik's ${provider} provider): ${g.tls ? 'its TLS routers' : 'its plain HTTP routers'}.`],
      body: { apiVersion: 'traefik.io/v1alpha1', kind: 'IngressRoute', metadata: { name, namespace: ns }, spec },
    });
  }
  if (arr(obj(ing.raw['spec'])?.['tls']).length > 1) lose('only the first spec.tls secret is set on the IngressRoute: add the others to a TLSStore');
  return [...extraDocs, ...middlewareDocs, ...routeDocs];
}

/**
 * A file with each top-level Ingress document replaced by its conversion (other documents kept as written).
 *
 * @example
 * convertFileText(parsedFile, analysis, conversion) // '# Converted from Ingress apps/web …'
 */
export function convertFileText(analysis: Analysis, file: string, conversion: Conversion): string {
  const parsed = analysis.files.find((f) => f.file === file);
  if (!parsed) return '';
  const ingressAt = new Map(analysis.resources.filter((r) => r.kind === 'Ingress' && r.source.file === file && r.source.path.length === 0).map((r) => [r.source.docIndex, r.id]));
  const parts: string[] = [];
  for (const doc of parsed.documents) {
    const id = ingressAt.get(doc.index);
    const text = id !== undefined ? (conversion.byIngress.get(id) ?? '') : parsed.text.slice(doc.range.start, doc.range.end).replace(/^(---[^\n]*)?\n+/, '');
    if (text.trim() !== '') parts.push(text.replace(/\s+$/, '\n'));
  }
  return parts.join('---\n');
}
