/**
 * Shared types of the core: source ranges, diagnostics, the YAML tree, resources, settings and the
 * dynamic configuration. Every core folder codes against these; change them only with care.
 */

// ---------------------------------------------------------------------------------------------
// Source positions

/** A UTF-16 code-unit offset into a file's text (what JS strings and Monaco's getOffsetAt use). */
export type Offset = number;

/** A half-open range [start, end) of UTF-16 offsets into one file's text. */
export interface Range {
  start: Offset;
  end: Offset;
}

/** A path into a YAML value: mapping keys and sequence indices, e.g. ['spec', 'routes', 1, 'match']. */
export type PathSegment = string | number;
export type Path = readonly PathSegment[];

// ---------------------------------------------------------------------------------------------
// Diagnostics

export type Severity = 'error' | 'warning' | 'info';

/** Which family a diagnostic belongs to. */
export type DiagnosticFamily = 'yaml' | 'schema' | 'reference' | 'rule' | 'runtime';

export interface TextEdit {
  range: Range;
  text: string;
  /** File the edit applies to; the diagnostic's file when absent. */
  file?: string;
}

export interface QuickFix {
  title: string;
  edits: TextEdit[];
}

export interface RelatedInformation {
  message: string;
  range: Range;
  file?: string;
}

export interface Diagnostic {
  /** A code from the catalog, e.g. `RULE_UNKNOWN_MATCHER`. */
  code: string;
  severity: Severity;
  family: DiagnosticFamily;
  /** A sentence a person understands, naming the fix where there is one. */
  message: string;
  range: Range;
  /** The workspace file the range belongs to. */
  file: string;
  related?: RelatedInformation[];
  fixes?: QuickFix[];
}

// ---------------------------------------------------------------------------------------------
// YAML tree with source ranges (built by core/yaml from js-yaml events)

export type ScalarStyle = 'plain' | 'single' | 'double' | 'literal' | 'folded';

interface YNodeBase {
  /** Whole node, including tag/anchor properties and, for block scalars, the indicator line. */
  range: Range;
  anchor?: string;
  tag?: string;
}

export interface YScalar extends YNodeBase {
  kind: 'scalar';
  /** The constructed value (YAML 1.1 rules, see core/yaml/README in yaml/index.ts). */
  value: unknown;
  /** The decoded string content (before type resolution). */
  text: string;
  style: ScalarStyle;
  /** Range of the scalar's source text (inside quotes for quoted scalars, the body for block scalars). */
  valueRange: Range;
}

export interface YPair {
  key: YNode;
  /** The key as a string (`String(value)` of a scalar key; '' for complex keys). */
  keyText: string;
  value: YNode;
  // No range of its own (pairRange gives it): one object fewer per pair of every tree, which lives as
  // long as the analysis (166,000 pairs at 5,000 IngressRoutes).
}

export interface YMap extends YNodeBase {
  kind: 'map';
  flow: boolean;
  pairs: YPair[];
}

export interface YSeq extends YNodeBase {
  kind: 'seq';
  flow: boolean;
  items: YNode[];
}

export interface YAlias extends YNodeBase {
  kind: 'alias';
  name: string;
  /** The anchored node it refers to, when found earlier in the same document. */
  target: YNode | null;
}

export type YNode = YScalar | YMap | YSeq | YAlias;

export interface YamlDocument {
  /** 0-based index of the document in its file. */
  index: number;
  /** The document's text range (between its separators). */
  range: Range;
  /** Null for an empty document or one that failed to parse. */
  root: YNode | null;
  /** The constructed JS value (null when empty or broken). */
  value: unknown;
  /** True when the document has a syntax error (root/value are then null). */
  broken: boolean;
}

export interface ParsedFile {
  file: string;
  text: string;
  documents: YamlDocument[];
  /** YAML syntax errors, duplicate keys, YAML 1.1 ambiguity warnings. */
  diagnostics: Diagnostic[];
}

// ---------------------------------------------------------------------------------------------
// Resources (built by core/model from parsed files)

export type TraefikKind =
  | 'IngressRoute'
  | 'Middleware'
  | 'TraefikService'
  | 'TLSOption'
  | 'TLSStore'
  | 'ServersTransport'
  | 'IngressRouteTCP'
  | 'IngressRouteUDP'
  | 'MiddlewareTCP'
  | 'ServersTransportTCP';
export type KubernetesKind = 'Service' | 'Secret' | 'EndpointSlice' | 'ConfigMap' | 'Node' | 'Ingress' | 'IngressClass';
export type ResourceKind = TraefikKind | KubernetesKind;

/** Where a resource's object lives: file, document, and the path of the object inside the document
 * ([] for a plain document, ['items', 3] for an item of a `kind: List`). */
export interface SourceRef {
  file: string;
  docIndex: number;
  path: Path;
  /** The resource's mapping node. */
  node: YNode;
}

export interface ObjectMeta {
  name: string;
  /** `metadata.namespace`, or 'default' when absent. */
  namespace: string;
  /** True when `metadata.namespace` was written in the document. */
  namespaceExplicit: boolean;
  generateName?: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
}

/**
 * A resource as read from the document. `spec` (and `data`, `ports`… for Kubernetes kinds) holds the
 * raw constructed value: it has NOT been checked against the schema, so read it defensively with the
 * helpers of core/model/read.ts (str, num, bool, arr, obj). Schema problems are reported separately.
 */
export interface Resource {
  kind: ResourceKind;
  apiVersion: string;
  /** Stable id: `${kind}/${namespace}/${name}` (plus `#file:doc` when that is not unique). */
  id: string;
  metadata: ObjectMeta;
  /** The whole object (apiVersion, kind, metadata, spec, data, …) as constructed. */
  raw: Record<string, unknown>;
  source: SourceRef;
}

// ---------------------------------------------------------------------------------------------
// Settings: the Traefik the config is simulated against (DESIGN.md "Settings")

export type TraefikTarget = 'v3' | 'v2.11' | 'hub';

export interface EntryPointSettings {
  name: string;
  /** Listening port (80, 443…). */
  port: number;
  /** When any entryPoint sets asDefault, only those are default entryPoints. */
  asDefault?: boolean;
  /** entryPoints.<name>.http.redirections.entryPoint */
  redirectTo?: { to: string; scheme: string; permanent: boolean; priority?: number };
  /** entryPoints.<name>.http.middlewares (provider-qualified names, e.g. `auth@file`). */
  middlewares?: string[];
  /** entryPoints.<name>.http.tls: routers on this entryPoint become TLS routers. */
  tls?: { options?: string; certResolver?: string } | null;
  /** Trusted IPs / insecure for forwarded headers. */
  forwardedHeaders?: { insecure?: boolean; trustedIPs?: string[] };
}

export interface ProviderSettings {
  allowCrossNamespace: boolean;
  allowExternalNameServices: boolean;
  allowEmptyServices: boolean;
  nativeLBByDefault: boolean;
  /** When set, only IngressRoutes of this class are processed. */
  ingressClass?: string;
  /** Namespaces watched; empty = all. */
  namespaces: string[];
  /**
   * Namespaces whose resources may reference objects of other providers (`name@provider`). Unset (the
   * default) allows every namespace; an empty list allows none (kubernetes.go isCrossProviderNamespaceAllowed).
   */
  crossProviderNamespaces?: string[];
  /** No lookup of cluster-scope resources (Nodes): a Service with nodePortLB cannot be built. */
  disableClusterScopeResources?: boolean;
}

/** `providers.kubernetesIngress` of the static configuration (pkg/provider/kubernetes/ingress Provider). */
export interface IngressProviderSettings {
  /** Whether this Traefik runs the provider (default: true). */
  enabled: boolean;
  /** Value of kubernetes.io/ingress.class or IngressClass name to watch for. */
  ingressClass?: string;
  /** Kubernetes label selector of the Ingresses watched (`app=web,tier!=db`). */
  labelSelector?: string;
  /** Namespaces watched; empty = all. */
  namespaces: string[];
  allowExternalNameServices: boolean;
  allowEmptyServices: boolean;
  nativeLBByDefault: boolean;
  strictPrefixMatching: boolean;
  /** disableIngressClassLookup (deprecated in Traefik): IngressClasses are not read. */
  disableIngressClassLookup: boolean;
  /** disableClusterScopeResources: neither IngressClasses nor Nodes are read (a `nodeportlb` Service gets no servers). */
  disableClusterScopeResources: boolean;
  /**
   * Namespaces whose Ingresses may name Middlewares and TLS options, and whose Services may name a
   * serversTransport (all such names are of other providers). Unset: every namespace; a list, even empty: those.
   */
  crossProviderNamespaces?: string[];
}

/** `providers.kubernetesIngressNGINX` of the static configuration (pkg/provider/kubernetes/ingress-nginx Provider). */
export interface IngressNginxProviderSettings {
  enabled: boolean;
  /** Ingress class name (default `nginx`). */
  ingressClass?: string;
  /** IngressClass controller (default `k8s.io/ingress-nginx`). */
  controllerClass?: string;
  watchIngressWithoutClass: boolean;
  ingressClassByName: boolean;
  httpEntryPoint?: string;
  httpsEntryPoint?: string;
  watchNamespace?: string;
  allowSnippetAnnotations: boolean;
  disableSvcExternalName: boolean;
  /** `namespace/name` of the catch-all Service (default-backend routers, custom-http-errors pages). */
  defaultBackendService?: string;
  /** Forward-auth URL of every location without auth-url (unless enable-global-auth: "false"). */
  globalAuthURL?: string;
  /** The IP strategy of the allow-list middlewares (depth, excludedIPs, ipv6Subnet). */
  ipAllowListStrategy?: Record<string, unknown>;
  allowCrossNamespaceResources?: boolean;
  /** Headers a custom-headers ConfigMap may set (others make the location answer 503). */
  globalAllowedResponseHeaders?: string[];
  /** Rejects an Ingress whose Prefix/Exact path has regex characters (default true). */
  strictValidatePathType?: boolean;
  /** Status codes sent to the default backend for an error page. */
  customHTTPErrors?: string[];
  /** Seconds (ingress-nginx ConfigMap defaults: 60). */
  proxyConnectTimeout?: number;
  proxyReadTimeout?: number;
  proxySendTimeout?: number;
  upstreamKeepaliveTimeout?: number;
  proxyNextUpstream?: string;
  proxyNextUpstreamTries?: number;
  proxyNextUpstreamTimeout?: number;
  proxyRequestBuffering?: boolean;
  proxyBuffering?: boolean;
  /** Bytes. */
  proxyBodySize?: number;
  clientBodyBufferSize?: number;
  proxyBufferSize?: number;
  proxyBuffersNumber?: number;
}

/** The Ingress providers of the settings; each missing part takes the provider's defaults. */
export interface ProvidersSettings {
  kubernetesIngress?: Partial<IngressProviderSettings>;
  kubernetesIngressNGINX?: Partial<IngressNginxProviderSettings>;
}

export interface Settings {
  target: TraefikTarget;
  /** Patch version used for version-dependent behaviour, e.g. '3.7.9' or '2.11.50'. */
  version: string;
  entryPoints: EntryPointSettings[];
  provider: ProviderSettings;
  /** `core.defaultRuleSyntax` of the static config, if set. */
  defaultRuleSyntax?: 'v2' | 'v3';
  /**
   * Strict references (Settings → Strict, CLI `--strict`): every reference missing from the workspace
   * (Services, Secrets, Middlewares, TLSOptions, TraefikServices, ServersTransports) is an error, as if the
   * workspace were the whole cluster. Off: references outside the workspace are assumed to exist (info).
   */
  strictServices: boolean;
  /** Kubernetes Ingress providers (kubernetesIngress, kubernetesIngressNGINX); absent = their defaults. */
  providers?: ProvidersSettings;
}

// ---------------------------------------------------------------------------------------------
// Dynamic configuration (built by core/provider): what Traefik's CRD provider would emit

/** Where a piece of dynamic configuration came from, to link it back to the YAML. */
export interface Origin {
  resourceId: string;
  file: string;
  /** Range of the most specific node (the route for a router, the resource for a middleware). */
  range: Range;
  /** For routers: the index of the route in spec.routes. */
  routeIndex?: number;
}

export type RuleSyntax = 'v2' | 'v3';

export interface RouterTLS {
  /** Provider-qualified option name as configured (`apps-opts@kubernetescrd`) or undefined. */
  options?: string;
  /** The option this router actually uses: 'default' or a qualified name. */
  resolvedOptions: string;
  certResolver?: string;
  domains?: { main: string; sans: string[] }[];
}

export interface DynamicRouter {
  /** Full Traefik name with the provider suffix, e.g. `apps-web-4f2c0f1d0a2b3c4d5e6f@kubernetescrd`. */
  name: string;
  rule: string;
  /** Configured priority (0 = default). */
  priority: number;
  /** What Traefik sorts by: `priority` or the rule's byte length when 0. */
  effectivePriority: number;
  ruleSyntax: RuleSyntax;
  /** As written (`syntax`), may be '' */
  ruleSyntaxRaw: string;
  entryPoints: string[];
  /** Qualified middleware names in order (`apps-strip@kubernetescrd`, `auth@file`). */
  middlewares: string[];
  /** Qualified service name, or '' for a parent router without service. */
  service: string;
  tls: RouterTLS | null;
  parentRefs: string[];
  observability?: { accessLogs?: boolean; metrics?: boolean; tracing?: boolean; traceVerbosity?: string };
  /** Set when Traefik would not serve this router (it stays listed so the UI can explain why). Code
   * `PROVIDER_ROUTE_SKIPPED`: the provider does not emit it; any other code: emitted, failed at runtime. */
  disabled?: { reason: string; code: string };
  /** True when the IngressRoute lists no entryPoints: `entryPoints` holds the defaults the router manager
   * applies, and the provider's own output (the export) has none. */
  defaultEntryPoints?: boolean;
  /** References written with their provider (`x-y@kubernetescrd`): the provider keeps them as written. */
  keepQualified?: string[];
  /** A child router's entryPoints as written on its IngressRoute: the provider emits them, while
   * `entryPoints` stays empty (the router manager attaches a child to its parents' muxers). */
  writtenEntryPoints?: string[];
  origin: Origin;
}

export interface DynamicServer {
  url: string;
  /** Where the address came from: EndpointSlice, ClusterIP (nativeLB), ExternalName, or assumed. */
  source: 'endpointslice' | 'clusterip' | 'externalname' | 'nodeport' | 'assumed';
  fenced?: boolean;
}

export interface StickyCookie {
  name: string;
  secure?: boolean;
  httpOnly?: boolean;
  sameSite?: string;
  maxAge?: number;
  path?: string;
  domain?: string;
}

export type DynamicService =
  | {
      type: 'loadBalancer';
      name: string;
      servers: DynamicServer[];
      /** The Kubernetes Service it targets, `ns/name:port`. */
      kubernetesService?: { namespace: string; name: string; port: string | number };
      scheme: 'http' | 'https' | 'h2c';
      passHostHeader: boolean;
      flushInterval?: string;
      strategy: string;
      sticky?: StickyCookie;
      serversTransport?: string;
      /** `serversTransport` was written with its provider (`ns-name@kubernetescrd`): the provider keeps it as written. */
      serversTransportAsWritten?: boolean;
      healthCheck?: Record<string, unknown>;
      origin?: Origin;
    }
  | {
      type: 'weighted';
      name: string;
      services: { name: string; weight: number }[];
      sticky?: StickyCookie;
      origin?: Origin;
    }
  | {
      type: 'mirroring';
      name: string;
      service: string;
      mirrorBody: boolean;
      maxBodySize: number;
      mirrors: { name: string; percent: number }[];
      origin?: Origin;
    }
  | {
      type: 'failover';
      name: string;
      service: string;
      fallback: string;
      /** `errors` as the CRD provider emits it (v3.7+: always, `{}` when nothing is written); maxRequestBodyBytes defaults to -1 at runtime. */
      errors?: { status?: string[]; maxRequestBodyBytes?: number };
      /** Why the service manager cannot build it (bad `errors.status`, no way to detect failures): routers using it fail. */
      failure?: string;
      origin?: Origin;
    }
  | { type: 'highestRandomWeight'; name: string; services: { name: string; weight: number }[]; origin?: Origin };

export interface DynamicMiddleware {
  /** Qualified name, `apps-strip@kubernetescrd`. */
  name: string;
  /** The middleware type key as in the CRD: `stripPrefix`, `headers`, `chain`, … */
  type: string;
  /** The type's configuration as written, with references resolved to qualified names where
   * Traefik does it (chain.middlewares, errors.service). */
  config: Record<string, unknown>;
  /** The configuration as the provider emits it, when it differs from `config` (Secrets read into
   * `users`, chain members and the errors service under their provider names). */
  providerConfig?: Record<string, unknown>;
  /** Why routers using it fail at runtime (a chain member that does not exist), when they do. */
  failure?: string;
  origin: Origin;
}

export interface DynamicTLSOption {
  /** `default` or `ns-name@kubernetescrd`. */
  name: string;
  minVersion?: string;
  maxVersion?: string;
  cipherSuites?: string[];
  curvePreferences?: string[];
  sniStrict: boolean;
  alpnProtocols?: string[];
  clientAuth?: { secretNames?: string[]; clientAuthType?: string };
  /** True for the built-in default option Traefik adds when none is configured. */
  builtin?: boolean;
  /** The option as the provider emits it (buildTLSOptions: Traefik's defaults filled in, client CAs read
   * from the Secrets), in the file-provider shape; the export prints it. */
  providerConfig?: Record<string, unknown>;
  origin?: Origin;
}

export interface DynamicCertificate {
  /** `ns/secretName` */
  secret: string;
  /** Subject alternative names (CN + DNS + IP), lower-cased; empty when the PEM could not be read. */
  sans: string[];
  /** Whether the Secret was found in the workspace with PEM data. */
  present: boolean;
  /** The default certificate of the TLSStore `default`. */
  isDefault?: boolean;
  origin?: Origin;
}

export interface DynamicConfig {
  routers: Record<string, DynamicRouter>;
  services: Record<string, DynamicService>;
  middlewares: Record<string, DynamicMiddleware>;
  tlsOptions: Record<string, DynamicTLSOption>;
  certificates: DynamicCertificate[];
  /** Qualified names of Middlewares, TLSOptions and TraefikServices referenced in namespaces the workspace
   * does not contain: assumed to exist outside it (the simulator says their effect is unknown). */
  outside?: string[];
  /** `http.serversTransports` as the provider emits them, keyed `ns-name`, in the file-provider shape. */
  serversTransports?: Record<string, Record<string, unknown>>;
  /** `tls.certificates` as the provider emits them (getTLSConfig): certFile/keyFile contents, stores. */
  tlsCertificates?: Record<string, unknown>[];
  /** `tls.stores` as the provider emits them (buildTLSStores), keyed `default` or `ns-name`. */
  tlsStores?: Record<string, Record<string, unknown>>;
  /** ServersTransports an Ingress provider builds itself (the kubernetesIngressNGINX provider: one per Ingress), by qualified name. */
  ingressServersTransports?: Record<string, { name: string; config: Record<string, unknown>; origin?: Origin }>;
}

// ---------------------------------------------------------------------------------------------
// Diagnostic catalog entries: each core folder exports a fragment `XXX_CODES` of these; the single
// catalog `validate/codes.ts` merges them.

export interface CodeInfo {
  severity: Severity;
  family: DiagnosticFamily;
  /** One line: what the code means, for the docs table and the problems panel's filter. */
  summary: string;
}
