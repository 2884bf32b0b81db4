// Follows one request the way Traefik serves it: pkg/server/router/tcp/router.go ServeTCP (TLS or not, SNI →
// option, certificate), server_entrypoint_tcp.go (pre-processing), muxer/http/mux.go (routing), then handle.ts.
import type { CompiledRouting } from './compiled.ts';
import { pickCertificate } from './certificates.ts';
import { runEntryPointPipeline, pickEntryPoint } from './entrypoint.ts';
import { escapedPath } from './go-url.ts';
import { handleRouter, type HandlerContext } from './handle.ts';
import { applyErrorPages } from './middlewares/errors.ts';
import { buildUpstream } from './backend.ts';
import { parseClientRequest } from './request.ts';
import { buildRoutingRequest } from './rule-engine.ts';
import { firstMatch, routeMuxer, type RoutingMode } from './route.ts';
import { oldSniCheck, pickTlsOption } from './tls-table.ts';
import { cloneHeaders, headersToJson, httpError, notFound } from './go-http.ts';
import type { EntryPointStep, ResponseCause, SimRequest, SimResponse, SniCheckStep, TlsStep, Verdict } from './verdict.ts';

export interface SimulateOptions {
  /** `indexed` (default) evaluates only the routers the host index keeps; `linear` evaluates every router. */
  mode?: RoutingMode;
}

const IP_LITERAL = /^(\d{1,3}(\.\d{1,3}){3}|[0-9a-fA-F:]*:[0-9a-fA-F:.]*)$/;

/**
 * Simulates one request: which entryPoint, TLS option, certificate, router, middlewares and backend Traefik
 * would give it, and why. Never throws.
 *
 * @example
 * const v = simulate(routing, { method: 'GET', url: 'https://shop.example.com/cart', headers: {}, clientIP: '203.0.113.7' });
 * v.type === 'forwarded' && v.upstream.url // 'http://10.1.0.7:8080/cart'
 */
export function simulate(routing: CompiledRouting, input: SimRequest, options: SimulateOptions = {}): Verdict {
  const sim = sanitize(input);
  try {
    return run(routing, sim, options);
  } catch (e) {
    // Never throw: a bug here must not take the UI or the CLI down with it.
    const reason = `the simulator failed: ${e instanceof Error ? e.message : String(e)}`;
    return { request: sim, entryPoint: null, preprocess: null, tls: null, routing: [], sniCheck: null, middlewares: [], service: null, router: null, errorPages: [], notes: [], type: 'no-response', cause: 'invalid-request', reason };
  }
}

/** A SimRequest with the types it promises (it may come from untyped JSON or YAML). */
function sanitize(r: SimRequest): SimRequest {
  const o = (r ?? {}) as Partial<SimRequest>;
  const headers: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(o.headers && typeof o.headers === 'object' ? o.headers : {})) headers[k] = Array.isArray(v) ? v.map(String) : String(v);
  const out: SimRequest = { method: typeof o.method === 'string' ? o.method : 'GET', url: String(o.url ?? ''), headers, clientIP: typeof o.clientIP === 'string' ? o.clientIP : '' };
  if (o.sni === null) out.sni = null;
  else if (o.sni !== undefined) out.sni = String(o.sni);
  if (typeof o.entryPoint === 'string') out.entryPoint = o.entryPoint;
  return out;
}

function run(routing: CompiledRouting, sim: SimRequest, options: SimulateOptions): Verdict {
  const base = {
    request: sim, entryPoint: null, preprocess: null, tls: null, routing: [], sniCheck: null, middlewares: [], service: null,
    router: null, errorPages: [], notes: [],
  };
  const parsed = parseClientRequest(sim);
  if (!parsed.ok) return { ...base, type: 'no-response', cause: 'invalid-request', reason: parsed.reason };
  const client = parsed.value;
  const notes = [...client.notes];
  const picked = pickEntryPoint(routing.settings, sim.entryPoint, client.port);
  if (!picked.ok) return { ...base, notes, type: 'no-response', cause: 'no-entrypoint', reason: picked.reason };
  const ep = routing.entryPoints[picked.entryPoint.name]!;
  const entryPoint: EntryPointStep = {
    name: ep.name, port: ep.settings.port, chosenBy: picked.chosenBy, scheme: client.scheme,
    redirect: ep.redirect ? { router: ep.redirect.router, to: ep.redirect.to, scheme: ep.redirect.scheme, port: ep.redirect.port, permanent: ep.redirect.permanent, priority: ep.redirect.priority } : null,
    defaultMiddlewares: ep.settings.middlewares ?? [], defaultTls: ep.settings.tls ?? null, trustedForwardedHeaders: false, notes: [],
  };
  if (client.port !== ep.settings.port) entryPoint.notes.push(`the URL port ${client.port} differs from the entryPoint port ${ep.settings.port}: routing ignores ports`);

  // TLS handshake (https): SNI → option (router/tcp/router.go), certificate (tls/certificate_store.go).
  let tls: TlsStep | null = null;
  if (client.scheme === 'https') {
    const sni = sim.sni === undefined ? (IP_LITERAL.test(client.urlHost) ? null : client.urlHost) : sim.sni === '' ? null : sim.sni;
    const pick = pickTlsOption(ep.sni, sni);
    const option = routing.config.tlsOptions[pick.option];
    const cert = pickCertificate(routing.certificates, sni, option?.sniStrict ?? false);
    tls = {
      sni, option: pick.option, entry: pick.entry?.host ?? null, because: pick.because, ties: pick.ties.map((t) => t.host), certificate: cert.choice,
      unknownCertificates: routing.certificates.unknown, handshake: cert.handshake, notes: [cert.because],
    };
    if (sim.sni === undefined && sni === null) tls.notes.push('the URL host is an IP address: clients send no SNI');
    if (routing.config.outside?.includes(pick.option)) tls.notes.push(`TLS option ${pick.option} is outside the workspace (assumed to exist): its settings are unknown, Traefik's defaults are used`);
    const clientAuth = option?.clientAuth?.clientAuthType ?? '';
    let failure: string | null = null;
    if (pick.broken) failure = `the TLS option ${pick.option} cannot be built: Traefik closes the connection`;
    else if (cert.handshake === 'failed') failure = cert.because;
    else if (clientAuth === 'RequireAnyClientCert' || clientAuth === 'RequireAndVerifyClientCert') failure = `the TLS option ${pick.option} requires a client certificate (${clientAuth}) and this client sends none`;
    if (failure) {
      tls.handshake = 'failed';
      return { ...base, notes, entryPoint, tls, type: 'no-response', cause: 'tls-handshake-failed', reason: failure };
    }
  }
  if (parsed.reject) {
    return { ...base, notes, entryPoint, tls, type: 'responded', cause: 'bad-request', response: parsed.reject.response };
  }

  const req = client.request;
  req.sni = tls?.sni ?? null;
  const pipeline = runEntryPointPipeline(req, ep.settings, ep.options);
  const rawTarget = req.requestURI;
  if (!pipeline.ok) {
    notes.push(pipeline.because);
    return { ...base, notes, entryPoint, tls, type: 'responded', cause: 'bad-request', response: pipeline.response };
  }
  entryPoint.trustedForwardedHeaders = pipeline.forwarded.trusted;
  const r = pipeline.request;
  const clientIP = sim.clientIP === '' ? '192.0.2.1' : sim.clientIP;
  const rr = buildRoutingRequest({ method: r.method, host: r.host, escapedPath: escapedPath(r.url), rawQuery: r.url.rawQuery, headers: r.headers, clientIP });
  const preprocess = {
    method: r.method, host: r.host, canonicalHost: rr.canonicalHost, requestTarget: rawTarget, escapedPath: escapedPath(r.url),
    routingPath: rr.routingPath, rawQuery: r.url.rawQuery, headers: headersToJson(r.headers), changes: pipeline.changes,
  };
  const partial = { ...base, notes, entryPoint, tls, preprocess };

  // Before v3.6.18 / v2.11.47 the SNI check wraps the whole HTTPS handler (entryPoint level, before routing).
  let sniCheck: SniCheckStep | null = null;
  if (tls && routing.features.sniCheck === 'host-vs-sni') {
    sniCheck = oldSniCheck(ep.sni, rr.canonicalHost, tls.sni);
    if (sniCheck.result === 'misdirected') {
      return { ...partial, sniCheck, type: 'responded', cause: 'misdirected', response: httpError('Misdirected Request', 421) };
    }
  }

  const mode = options.mode ?? 'indexed';
  const muxer = tls ? ep.https : ep.http;
  const result = routeMuxer(muxer, rr.request, rr.canonicalHost, mode, routing.features.methodNotAllowed);
  const ctx: HandlerContext = {
    routing, chain: { req: { ...r, headers: cloneHeaders(r.headers), url: { ...r.url } }, responseHeaders: {}, omitXForwardedFor: false, errorPages: [] },
    handshakeOption: tls?.option ?? null, originalHost: r.host, clientIP, mode, routingSteps: [result.step], middlewares: [], notes,
    sniCheck, service: null, router: null,
  };
  const assemble = () => ({
    ...partial, routing: ctx.routingSteps, sniCheck: ctx.sniCheck, middlewares: ctx.middlewares, service: ctx.service, router: ctx.router,
    errorPages: ctx.chain.errorPages,
  });
  const respond = (response: SimResponse, cause: ResponseCause): Verdict => {
    const pages = applyErrorPages(response, ctx.chain.errorPages, ctx.chain.req, (name) => routing.middlewares[name]?.config);
    notes.push(...pages.notes);
    const headers = { ...pages.response.headers };
    for (const [k, v] of Object.entries(ctx.chain.responseHeaders)) {
      if (v.length === 1 && v[0] === '') delete headers[k];
      else headers[k] = v.length === 1 ? v[0]! : v;
    }
    return { ...assemble(), type: 'responded', cause, response: { ...pages.response, headers } };
  };

  if (!result.winner) {
    const other = firstMatch(tls ? ep.http : ep.https, rr.request, rr.canonicalHost);
    if (other) notes.push(`${other.router.name} would match over ${tls ? 'plain HTTP' : 'HTTPS'}: it is ${tls ? 'not ' : ''}a TLS router`);
    if (result.methodNotAllowed) {
      notes.push('a router failed only on its Method matcher: Traefik v2.11 answers 405');
      return respond({ status: 405, headers: {}, body: '' }, 'method-not-allowed');
    }
    return respond(notFound(), 'not-found');
  }
  const winner = result.winner.router.router;
  if (winner.defaultEntryPoints) {
    notes.push(`${winner.name} lists no entryPoints: Traefik's router manager attaches it to the default entryPoints (${winner.entryPoints.join(', ')}), so it serves ${ep.settings.name}`);
  }
  const outcome = handleRouter(result.winner.router, ctx, true, ep.settings);
  if (outcome.kind === 'response') return respond(outcome.response, outcome.cause);
  const target = outcome.resolution.target;
  if (!target || target.type === 'internal') {
    const name = target?.service ?? '';
    if (name !== 'noop@internal') notes.push(`${name} is a Traefik internal service (API, dashboard, ping…): its answer is not simulated`);
    return respond({ status: 200, headers: {}, body: '' }, 'internal-service');
  }
  if (target.type === 'external') notes.push(`${target.service} is defined outside the workspace: its servers are unknown`);
  const server = target.type === 'server' ? target : { url: `external://${target.service}`, passHostHeader: true };
  const upstream = buildUpstream(ctx.chain.req, server, ctx.chain.omitXForwardedFor);
  const responseHeaders = Object.fromEntries(Object.entries(ctx.chain.responseHeaders).map(([k, v]) => [k, v.length === 1 ? v[0]! : v]));
  return { ...assemble(), type: 'forwarded', upstream, responseHeaders };
}

/**
 * Traefik's plain first-match scan: every router of the muxer is evaluated in order (no host index).
 *
 * @example
 * simulateLinear(routing, request).routing[0].evaluated // number of routers on the muxer
 */
export function simulateLinear(routing: CompiledRouting, sim: SimRequest): Verdict {
  return simulate(routing, sim, { mode: 'linear' });
}
