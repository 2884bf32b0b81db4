/**
 * Reads a Traefik static configuration (traefik.yml / traefik.toml) into the settings the simulator
 * uses: entryPoints (address port, asDefault, redirections, default middlewares and TLS, forwarded
 * headers), `providers.kubernetesCRD` options and `core.defaultRuleSyntax`. Traefik reads static
 * keys case-insensitively, so lookups here do too. Mirrors pkg/config/static/entrypoints.go.
 */
import { load, YAML11_SCHEMA, Schema, timestampTag } from 'js-yaml';
import { parse as parseToml } from 'smol-toml';
import type { EntryPointSettings, ProvidersSettings, Settings } from '../types.ts';

const K8S_SCHEMA = new Schema(YAML11_SCHEMA.tags.filter((t) => t !== timestampTag));

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Case-insensitive property lookup. */
function pick(o: unknown, key: string): unknown {
  if (!isObj(o)) return undefined;
  const k = Object.keys(o).find((x) => x.toLowerCase() === key.toLowerCase());
  return k === undefined ? undefined : o[k];
}

function pickPath(o: unknown, ...keys: string[]): unknown {
  return keys.reduce<unknown>((acc, k) => pick(acc, k), o);
}

function asBool(v: unknown): boolean | undefined {
  if (typeof v === 'boolean') return v;
  if (v === 'true') return true;
  if (v === 'false') return false;
  return undefined;
}

function asStrings(v: unknown): string[] | undefined {
  if (Array.isArray(v)) return v.map(String);
  if (typeof v === 'string') return v.split(',').map((s) => s.trim()).filter(Boolean);
  return undefined;
}

/** `[host]:port[/tcp|/udp]` → port number, or null for UDP / unparseable addresses. */
export function portOfAddress(address: string): number | null {
  const m = /:(\d+)(?:\/(tcp|udp))?$/i.exec(address.trim());
  if (!m || m[2]?.toLowerCase() === 'udp') return null;
  return Number(m[1]);
}

export interface StaticConfigResult {
  settings: Settings;
  warnings: string[];
}

/**
 * Applies a static configuration file to the current settings.
 *
 * @example
 * parseStaticConfig('entryPoints:\n  web:\n    address: ":8000"\n', 'traefik.yml', current).settings.entryPoints
 * // [{ name: 'web', port: 8000 }]
 */
export function parseStaticConfig(text: string, fileName: string, current: Settings): StaticConfigResult | { error: string } {
  let doc: unknown;
  try {
    doc = /\.toml$/i.test(fileName) ? parseToml(text) : load(text, { schema: K8S_SCHEMA });
  } catch (e) {
    return { error: `Could not read ${fileName}: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}` };
  }
  if (!isObj(doc)) return { error: `${fileName} is not a Traefik static configuration (expected a mapping).` };
  const warnings: string[] = [];
  const settings: Settings = structuredClone(current);

  const eps = pick(doc, 'entryPoints');
  if (isObj(eps)) {
    const list: EntryPointSettings[] = [];
    for (const [name, raw] of Object.entries(eps)) {
      const address = String(pick(raw, 'address') ?? '');
      const port = portOfAddress(address);
      if (port === null) {
        warnings.push(`entryPoint ${name}: address "${address}" is not a TCP port; skipped.`);
        continue;
      }
      const ep: EntryPointSettings = { name, port };
      const asDefault = asBool(pick(raw, 'asDefault'));
      if (asDefault !== undefined) ep.asDefault = asDefault;
      const redirect = pickPath(raw, 'http', 'redirections', 'entryPoint');
      if (isObj(redirect) && pick(redirect, 'to') !== undefined) {
        ep.redirectTo = {
          to: String(pick(redirect, 'to')),
          scheme: String(pick(redirect, 'scheme') ?? 'https'),
          permanent: asBool(pick(redirect, 'permanent')) ?? true,
        };
        const priority = Number(pick(redirect, 'priority'));
        if (Number.isFinite(priority) && priority !== 0) ep.redirectTo.priority = priority;
      }
      const mws = asStrings(pickPath(raw, 'http', 'middlewares'));
      if (mws) ep.middlewares = mws;
      const tls = pickPath(raw, 'http', 'tls');
      if (tls !== undefined) {
        ep.tls = {};
        const options = pick(tls, 'options');
        const resolver = pick(tls, 'certResolver');
        if (options !== undefined) ep.tls.options = String(options);
        if (resolver !== undefined) ep.tls.certResolver = String(resolver);
      }
      const fh = pick(raw, 'forwardedHeaders');
      if (isObj(fh)) {
        ep.forwardedHeaders = {};
        const insecure = asBool(pick(fh, 'insecure'));
        const trusted = asStrings(pick(fh, 'trustedIPs'));
        if (insecure !== undefined) ep.forwardedHeaders.insecure = insecure;
        if (trusted) ep.forwardedHeaders.trustedIPs = trusted;
      }
      list.push(ep);
    }
    if (list.length > 0) settings.entryPoints = list;
  }

  const crd = pickPath(doc, 'providers', 'kubernetesCRD');
  if (isObj(crd)) {
    const p = settings.provider;
    p.allowCrossNamespace = asBool(pick(crd, 'allowCrossNamespace')) ?? false;
    p.allowExternalNameServices = asBool(pick(crd, 'allowExternalNameServices')) ?? false;
    p.allowEmptyServices = asBool(pick(crd, 'allowEmptyServices')) ?? false;
    p.nativeLBByDefault = asBool(pick(crd, 'nativeLBByDefault')) ?? false;
    const ingressClass = pick(crd, 'ingressClass');
    if (typeof ingressClass === 'string' && ingressClass !== '') p.ingressClass = ingressClass;
    else delete p.ingressClass;
    p.namespaces = asStrings(pick(crd, 'namespaces')) ?? [];
    // Unset allows every namespace; a list (even empty) restricts cross-provider references to it.
    const crossProvider = asStrings(pick(crd, 'crossProviderNamespaces'));
    if (crossProvider) p.crossProviderNamespaces = crossProvider;
    else delete p.crossProviderNamespaces;
    const clusterScope = asBool(pick(crd, 'disableClusterScopeResources'));
    if (clusterScope) p.disableClusterScopeResources = true;
    else delete p.disableClusterScopeResources;
  } else if (pick(doc, 'providers') !== undefined) {
    warnings.push('No providers.kubernetesCRD section: provider options left as they were.');
  }

  if (pick(doc, 'providers') !== undefined) readIngressProviders(doc, settings);

  const syntax = pickPath(doc, 'core', 'defaultRuleSyntax');
  if (syntax === 'v2' || syntax === 'v3') settings.defaultRuleSyntax = syntax;
  else if (syntax !== undefined) warnings.push(`core.defaultRuleSyntax "${String(syntax)}" is not v2 or v3; Traefik refuses to start with it.`);
  return { settings, warnings };
}

/**
 * `providers.kubernetesIngress` and `providers.kubernetesIngressNGINX`: a static config that lists
 * providers runs exactly those, so each Ingress provider is enabled only when its section is there.
 */
function readIngressProviders(doc: Obj, settings: Settings): void {
  const ing = pickPath(doc, 'providers', 'kubernetesIngress');
  const nginx = pickPath(doc, 'providers', 'kubernetesIngressNGINX');
  const providers: ProvidersSettings = {};
  providers.kubernetesIngress = { enabled: ing !== undefined };
  if (isObj(ing)) {
    const p = providers.kubernetesIngress;
    for (const key of ['allowExternalNameServices', 'allowEmptyServices', 'nativeLBByDefault', 'strictPrefixMatching', 'disableIngressClassLookup'] as const) {
      const v = asBool(pick(ing, key));
      if (v !== undefined) p[key] = v;
    }
    if (asBool(pick(ing, 'disableClusterScopeResources')) === true) p.disableClusterScopeResources = true;
    const crossProvider = asStrings(pick(ing, 'crossProviderNamespaces'));
    if (crossProvider) p.crossProviderNamespaces = crossProvider;
    const cls = pick(ing, 'ingressClass');
    if (typeof cls === 'string' && cls !== '') p.ingressClass = cls;
    const selector = pick(ing, 'labelSelector');
    if (typeof selector === 'string' && selector !== '') p.labelSelector = selector;
    const namespaces = asStrings(pick(ing, 'namespaces'));
    if (namespaces) p.namespaces = namespaces;
  }
  providers.kubernetesIngressNGINX = { enabled: nginx !== undefined };
  if (isObj(nginx)) {
    const p = providers.kubernetesIngressNGINX;
    for (const key of ['watchIngressWithoutClass', 'ingressClassByName', 'allowSnippetAnnotations', 'disableSvcExternalName', 'allowCrossNamespaceResources', 'strictValidatePathType', 'proxyRequestBuffering', 'proxyBuffering'] as const) {
      const v = asBool(pick(nginx, key));
      if (v !== undefined) p[key] = v;
    }
    for (const key of ['ingressClass', 'controllerClass', 'httpEntryPoint', 'httpsEntryPoint', 'watchNamespace', 'defaultBackendService', 'globalAuthURL', 'proxyNextUpstream'] as const) {
      const v = pick(nginx, key);
      if (typeof v === 'string' && v !== '') p[key] = v;
    }
    // The ingress-nginx ConfigMap options (numbers: seconds or bytes).
    for (const key of ['proxyConnectTimeout', 'proxyReadTimeout', 'proxySendTimeout', 'upstreamKeepaliveTimeout', 'proxyNextUpstreamTries', 'proxyNextUpstreamTimeout', 'proxyBodySize', 'clientBodyBufferSize', 'proxyBufferSize', 'proxyBuffersNumber'] as const) {
      const v = Number(pick(nginx, key));
      if (pick(nginx, key) !== undefined && Number.isFinite(v)) p[key] = v;
    }
    for (const key of ['customHTTPErrors', 'globalAllowedResponseHeaders'] as const) {
      const v = asStrings(pick(nginx, key));
      if (v) p[key] = v;
    }
    const strategy = pick(nginx, 'ipAllowListStrategy');
    if (isObj(strategy)) p.ipAllowListStrategy = strategy;
  }
  settings.providers = { ...settings.providers, ...providers };
}
