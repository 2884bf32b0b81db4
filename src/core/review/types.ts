/**
 * Shapes the review module hands to the UI and the CLI: shadow findings and the diff of two workspace
 * versions. All plain data (structured-cloneable), so the worker can send them as they are.
 */
import type { Diagnostic } from '../types.ts';
import type { SimRequest } from '../simulate/verdict.ts';

export type ShadowKind = 'shadowed' | 'near-duplicate' | 'catch-all';

export interface ShadowFinding {
  kind: ShadowKind;
  /** The router the finding is about (where its diagnostic goes). */
  router: string;
  /** The other router involved: the winner for `shadowed`, the twin for `near-duplicate`, the first router
   * whose request it takes for `catch-all`; null when there is none. */
  by: string | null;
  /** Every other router involved (for `catch-all`, all routers it takes requests from). */
  others: string[];
  /** `websecure (TLS)`, `web`… */
  entryPoint: string;
  /** The proof: a request the router matches that `by` wins (shadowed, catch-all), or null. */
  witness: SimRequest | null;
  message: string;
}

export interface FieldChange {
  field: string;
  before: string;
  after: string;
}

/** A router as the diff lists it. */
export interface RouterRef {
  name: string;
  rule: string;
  entryPoints: string[];
  /** `namespace/ingressroute#N` when it comes from an IngressRoute route. */
  route: string | null;
}

export interface RouterChange {
  /** The name in the head version. */
  name: string;
  /** The name in the base version when it changed (the name hashes the rule). */
  previousName: string | null;
  route: string | null;
  fields: FieldChange[];
}

/** What one request gets in one version. */
export interface RoutingSummary {
  outcome: 'forwarded' | 'responded' | 'no-response';
  router: string | null;
  /** The response status when Traefik answers itself; null when forwarded or no response. */
  status: number | null;
  tlsOption: string | null;
  middlewares: string[];
  service: string | null;
  /** The Kubernetes Service the request reaches (`namespace/name:port`), following weighted choices. */
  backend: string | null;
  /** `METHOD url` of the upstream request, with the Host header when it differs from the URL. */
  upstream: string | null;
  location: string | null;
  /** For no-response: why (no entryPoint, handshake failed…). */
  reason: string | null;
}

export interface RoutingChange {
  request: SimRequest;
  /** `GET https://shop.example.com/api` plus the headers, query and client IP that matter. */
  label: string;
  /** The routers whose witness this request is (in either version). */
  witnessOf: string[];
  before: RoutingSummary;
  after: RoutingSummary;
  /** One line per changed aspect, e.g. `winner: a@kubernetescrd → b@kubernetescrd`. */
  changes: string[];
  winnerChanged: boolean;
}

export interface WorkspaceDiff {
  routers: { added: RouterRef[]; removed: RouterRef[]; changed: RouterChange[] };
  diagnostics: { introduced: Diagnostic[]; fixed: Diagnostic[] };
  /** Only the requests whose handling changed. */
  routing: RoutingChange[];
  /** How many distinct witness requests were replayed against both versions. */
  replayed: number;
}
