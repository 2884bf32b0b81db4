// The compiled routing tables: what pkg/server/router/router.go and router/tcp/manager.go build once per
// configuration (muxers per entryPoint and TLS-ness, SNI table, certificate store), plus our host index.
import type { DynamicConfig, DynamicMiddleware, DynamicRouter, EntryPointSettings, Range, Settings } from '../types.ts';
import type { SecretData } from '../secrets.ts';
import type { CertificateStore } from './certificates.ts';
import type { EntryPointHttpOptions } from './entrypoint.ts';
import type { HostIndex } from './host-index.ts';
import type { SniTable } from './tls-table.ts';
import type { Features } from './version.ts';
import type { DecidingLeaf, RankEntry } from './verdict.ts';

/** A rule as a boolean tree (our normalised view of the rules module's AST). */
export type RuleTree =
  | { type: 'and' | 'or'; left: RuleTree; right: RuleTree }
  | { type: 'not'; child: RuleTree }
  | { type: 'leaf'; matcher: string; args: string[]; text: string; range?: Range; node: unknown };

/** The outcome of evaluating a rule against the request. */
export interface RuleEvaluation {
  matched: boolean;
  because: string;
  decidedBy?: DecidingLeaf;
  /** The rules module's leaf trace, for the UI. */
  trace: unknown[];
}

/** The routing request built once per simulated request (opaque: the rules module's RoutingRequest). */
export interface RoutingInput {
  method: string;
  host: string;
  escapedPath: string;
  rawQuery: string;
  headers: Record<string, string[]>;
  clientIP: string;
}

export interface CompiledRule {
  rule: string;
  syntax: 'v2' | 'v3';
  ok: boolean;
  errors: string[];
  tree: RuleTree | null;
  /** Evaluates with a trace; total (never throws). */
  evaluate(request: unknown): RuleEvaluation;
  /** Evaluates one leaf (for the v2.11 405 emulation). */
  evaluateLeaf(leaf: Extract<RuleTree, { type: 'leaf' }>, request: unknown): boolean;
}

export interface CompiledRouter {
  name: string;
  router: DynamicRouter;
  priority: number;
  rule: CompiledRule;
  /** Routers that Traefik would not serve: rule error, `disabled` from the provider, missing entryPoint… */
  skipReason: string | null;
  /** Internal routers created from the static configuration. */
  internal: boolean;
  /** Child muxer for parent routers (parentRefs), per entryPoint built lazily at compile time. */
  children: CompiledMuxer | null;
}

/** A router placed in one muxer: its position in Traefik's order. */
export interface MuxRoute {
  router: CompiledRouter;
  rank: number;
  providerRank: number;
  /** Names of the routers sharing this sort key (random order in Traefik). */
  tiedWith: string[];
  /** Why the host index may skip it (precomputed), '' when it is always evaluated. */
  indexReason: string;
  /** Its ranking entry when the index skips it: built once, shared (frozen) by every verdict. */
  excludedEntry: Readonly<RankEntry>;
}

export interface CompiledMuxer {
  kind: 'http' | 'https' | 'child';
  entryPoint: string;
  parent?: string;
  /** Served routers in Traefik's order. */
  routes: MuxRoute[];
  /** Routers attached to this muxer that Traefik does not serve (listed as skipped). */
  skipped: CompiledRouter[];
  index: HostIndex;
}

export interface RedirectRouter {
  router: string;
  middleware: string;
  to: string;
  scheme: string;
  port: string;
  permanent: boolean;
  priority: number;
}

export interface CompiledEntryPoint {
  name: string;
  settings: EntryPointSettings;
  http: CompiledMuxer;
  https: CompiledMuxer;
  sni: SniTable;
  redirect: RedirectRouter | null;
  options: EntryPointHttpOptions;
}

/** Extra workspace data the simulation can use. */
export interface RoutingExtras {
  /** Decoded Secret data keyed by `namespace/name` (see core/secrets.ts secretsOf). */
  secrets?: SecretData;
  /** Secret `type` by `namespace/name` (e.g. `kubernetes.io/basic-auth`), when known. */
  secretTypes?: Record<string, string>;
  /** Per-entryPoint `http` options beyond Settings (sanitizePath, encodeQuerySemicolons). */
  httpOptions?: Record<string, Partial<EntryPointHttpOptions>>;
}

export interface CompiledRouting {
  settings: Settings;
  features: Features;
  config: DynamicConfig;
  entryPoints: Record<string, CompiledEntryPoint>;
  /** Every router by name (root, children, internal). */
  routers: Record<string, CompiledRouter>;
  /** config.middlewares plus internal ones (entryPoint redirections). */
  middlewares: Record<string, DynamicMiddleware>;
  certificates: CertificateStore;
  secrets: SecretData;
  secretTypes: Record<string, string>;
  /** Problems found while compiling (for the UI; Traefik logs them). */
  notes: string[];
}
