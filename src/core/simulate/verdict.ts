// The verdict of one simulated request: each step Traefik takes (server_entrypoint_tcp.go → router/tcp/router.go
// → muxer/http/mux.go → router.go buildHTTPHandler → middlewares → service.go → proxy), with reasons.
import type { Range } from '../types.ts';

/** A request as the user (UI, CLI, test case) describes it (DESIGN.md). */
export interface SimRequest {
  method: string;
  /** Absolute URL; its authority is the Host header, its scheme decides plain HTTP vs TLS. */
  url: string;
  headers: Record<string, string | string[]>;
  clientIP: string;
  /** undefined → the URL host for https; null → the client sends no SNI. */
  sni?: string | null;
  /** Default: the entryPoint whose port is the URL port (80 → web, 443 → websecure). */
  entryPoint?: string;
}

export interface EntryPointStep {
  name: string;
  port: number;
  chosenBy: 'explicit' | 'port';
  /** `https` when the client opens TLS (URL scheme https), else `http`. */
  scheme: 'http' | 'https';
  /** The entryPoint redirection router, when configured (§7.3). */
  redirect: { router: string; to: string; scheme: string; port: string; permanent: boolean; priority: number } | null;
  /** entryPoint `http.middlewares`, prepended to every router on it. */
  defaultMiddlewares: string[];
  /** entryPoint `http.tls`: routers on it become TLS routers. */
  defaultTls: { options?: string; certResolver?: string } | null;
  /** Whether X-Forwarded-* from this client are trusted (`forwardedHeaders.trustedIPs`/`insecure`). */
  trustedForwardedHeaders: boolean;
  notes: string[];
}

export interface PreprocessStep {
  method: string;
  /** `req.Host` as received (authority or Host header). */
  host: string;
  /** The host routing compares with (port and brackets stripped, trimmed, lower-cased). */
  canonicalHost: string;
  /** The request-target as sent on the wire. */
  requestTarget: string;
  /** Escaped path after normalizePath and sanitizePath. */
  escapedPath: string;
  /** What Path/PathPrefix/PathRegexp compare with (non-reserved escapes decoded). */
  routingPath: string;
  /** Raw query after the semicolon handling. */
  rawQuery: string;
  /** Headers as routing sees them (after the forwarded-headers middleware). */
  headers: Record<string, string | string[]>;
  /** One line per change the entryPoint made, in order. */
  changes: string[];
}

export type CertificateChoice =
  | { type: 'store'; secret: string; key: string; matchedSan: string }
  | { type: 'default-store'; secret: string }
  | { type: 'traefik-default' }
  | { type: 'none'; reason: string };

export interface TlsStep {
  sni: string | null;
  /** The TLS option the handshake used (stored on the connection; compared by the 421 check). */
  option: string;
  /** The SNI table entry that matched: a host, `*`, or null (entryPoint default). */
  entry: string | null;
  because: string;
  /** Entries of equal priority that matched too: Traefik's pick between them is random. */
  ties: string[];
  certificate: CertificateChoice;
  /** Certificates whose Secret is not in the workspace (their SANs are unknown; one of them might be served). */
  unknownCertificates: string[];
  handshake: 'ok' | 'failed';
  notes: string[];
}

export type RankResult = 'matched' | 'not-matched' | 'skipped';

export interface DecidingLeaf {
  text: string;
  range?: Range;
  explanation: string;
}

/** The most tied routers a ranking entry names. */
export const TIED_LISTED = 10;

/** A ranking entry's `tiedWith` (and `tiedTotal` when the list is cut) from the tied routers, or from
 * some of them and how many there are. */
export function tiedFields(tied: readonly string[], total = tied.length): Pick<RankEntry, 'tiedWith' | 'tiedTotal'> {
  if (total === 0) return {};
  return total > TIED_LISTED ? { tiedWith: tied.slice(0, TIED_LISTED), tiedTotal: total } : { tiedWith: [...tied] };
}

export interface RankEntry {
  router: string;
  priority: number;
  /** Position in Traefik's order (0 = tried first). */
  rank: number;
  result: RankResult;
  because: string;
  decidedBy?: DecidingLeaf;
  winner: boolean;
  /** Matched, but this higher-ranked router won. */
  shadowedBy?: string;
  /** Routers sharing the same sort key: Traefik orders them randomly (non-stable sort over a map). At most
   * TIED_LISTED names (a verdict listed every pair of a tie group: 280 MB at 13,000 IngressRoutes). */
  tiedWith?: string[];
  /** How many routers share the sort key, when more than `tiedWith` lists. */
  tiedTotal?: number;
  /** How the result was obtained: rule evaluated, excluded by the host index, or not served at all. */
  via: 'evaluated' | 'index' | 'disabled';
}

export interface RoutingStep {
  muxer: 'http' | 'https' | 'child';
  entryPoint: string;
  /** For a child muxer: the parent router. */
  parent?: string;
  ranking: RankEntry[];
  winner: string | null;
  /** When the winner tied with other matching routers, all of them (Traefik may pick any). */
  nondeterministic: string[];
  /** Number of rules actually evaluated (the index skips the rest). */
  evaluated: number;
  notes: string[];
}

export interface SniCheckStep {
  mode: 'resolved-option' | 'host-vs-sni';
  result: 'passed' | 'misdirected' | 'not-applicable';
  handshakeOption: string;
  routerOption?: string;
  hostOption?: string;
  because: string;
}

export type MiddlewareStatus = 'applied' | 'no-op' | 'responded' | 'not-simulated' | 'missing' | 'error';

export interface MiddlewareStep {
  name: string;
  /** CRD type key (`stripPrefix`, `headers`…) or '' when unknown. */
  type: string;
  /** Router (or service) the middleware is attached to. */
  owner: string;
  /** The chain it was expanded from. */
  chain?: string;
  status: MiddlewareStatus;
  effect: string;
}

export interface ServerChoice {
  url: string;
  source: string;
  fenced?: boolean;
}

export type ServiceNode =
  | { type: 'loadBalancer'; name: string; servers: ServerChoice[]; scheme: string; passHostHeader: boolean;
      strategy: string; sticky?: { cookie: string; matched: boolean }; chosen: string | null; notes: string[] }
  | { type: 'weighted'; name: string; children: { name: string; weight: number; percent: number; node: ServiceNode }[];
      sticky?: { cookie: string; matched: boolean }; chosen: string | null; notes: string[] }
  | { type: 'mirroring'; name: string; main: ServiceNode; mirrors: { name: string; percent: number }[]; notes: string[] }
  | { type: 'failover'; name: string; main: ServiceNode; fallback: ServiceNode; notes: string[] }
  | { type: 'highestRandomWeight'; name: string; children: { name: string; weight: number; node: ServiceNode }[]; notes: string[] }
  | { type: 'internal'; name: string; notes: string[] }
  | { type: 'missing'; name: string; notes: string[] };

export interface ServiceStep {
  name: string;
  tree: ServiceNode;
  /** Service-level middlewares (run before the load balancer). */
  middlewares: string[];
}

export interface SimResponse {
  status: number;
  headers: Record<string, string | string[]>;
  body: string;
}

export interface UpstreamRequest {
  method: string;
  url: string;
  /** The Host header the backend receives. */
  host: string;
  headers: Record<string, string | string[]>;
}

/** An Errors middleware on the path: which service renders which statuses. */
export interface ErrorPageRule {
  middleware: string;
  status: string[];
  service: string;
  query: string;
}

export type ResponseCause =
  | 'bad-request' | 'not-found' | 'method-not-allowed' | 'misdirected' | 'redirect' | 'unauthorized'
  | 'forbidden' | 'rejected' | 'cors-preflight' | 'no-available-server' | 'internal-error' | 'router-error' | 'internal-service';

interface VerdictBase {
  request: SimRequest;
  entryPoint: EntryPointStep | null;
  preprocess: PreprocessStep | null;
  tls: TlsStep | null;
  /** The entryPoint muxer, then one child muxer per parent level. */
  routing: RoutingStep[];
  sniCheck: SniCheckStep | null;
  middlewares: MiddlewareStep[];
  service: ServiceStep | null;
  /** The router that handled the request (the innermost child for parent routers). */
  router: string | null;
  /** Errors middlewares that would replace an error response's body. */
  errorPages: ErrorPageRule[];
  notes: string[];
}

export interface ForwardedVerdict extends VerdictBase {
  type: 'forwarded';
  upstream: UpstreamRequest;
  /** Response headers Traefik adds on the way back (Headers middlewares, sticky cookie). */
  responseHeaders: Record<string, string | string[]>;
}

export interface RespondedVerdict extends VerdictBase {
  type: 'responded';
  cause: ResponseCause;
  response: SimResponse;
}

export interface NoResponseVerdict extends VerdictBase {
  type: 'no-response';
  cause: 'no-entrypoint' | 'tls-handshake-failed' | 'invalid-request';
  reason: string;
}

/** What Traefik does with one request. */
export type Verdict = ForwardedVerdict | RespondedVerdict | NoResponseVerdict;
