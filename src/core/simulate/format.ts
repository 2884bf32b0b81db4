// No Traefik counterpart: the verdict as the CLI prints it — the `simulate --json` shape of DESIGN.md, and text.
import { assertNever } from '../diagnostic.ts';
import { priorityText } from './order.ts';
import type { CertificateChoice, RankEntry, RoutingStep, ServiceNode, Verdict } from './verdict.ts';

const MAX_RANKING_LINES = 12;

function indent(lines: string[], pad = '    '): string[] {
  return lines.map((l) => pad + l);
}

function rankLine(e: RankEntry): string {
  const mark = e.winner ? '→' : e.result === 'matched' ? '✓' : e.result === 'skipped' ? '–' : '✗';
  const pos = e.rank >= 0 ? `#${e.rank + 1}` : '  ';
  return `${mark} ${pos} ${e.router} (priority ${priorityText(e.priority)}): ${e.because}`;
}

function routingLines(step: RoutingStep): string[] {
  const head = step.muxer === 'child' ? `child routers of ${step.parent}` : `${step.muxer.toUpperCase()} routers of ${step.entryPoint}`;
  const out = [`${head}: ${step.winner ? `winner ${step.winner}` : 'no router matches'} (${step.evaluated} rule${step.evaluated === 1 ? '' : 's'} evaluated)`];
  const important = step.ranking.filter((e) => e.via === 'evaluated' || e.result !== 'not-matched');
  const shown = important.slice(0, MAX_RANKING_LINES);
  out.push(...indent(shown.map(rankLine)));
  const hidden = step.ranking.length - shown.length;
  if (hidden > 0) out.push(`    … ${hidden} more router${hidden === 1 ? '' : 's'} not matching this host`);
  out.push(...indent(step.notes));
  return out;
}

function serviceLines(node: ServiceNode, depth = 0): string[] {
  const pad = '  '.repeat(depth);
  switch (node.type) {
    case 'loadBalancer':
      return [`${pad}${node.name}: load balancer (${node.strategy}, passHostHeader ${node.passHostHeader}) → ${node.chosen ?? 'no server'}`,
        ...node.servers.map((s) => `${pad}  ${s.url === node.chosen ? '→' : ' '} ${s.url}${s.fenced ? ' (terminating)' : ''}`), ...node.notes.map((n) => `${pad}  ${n}`)];
    case 'weighted':
      return [`${pad}${node.name}: weighted`, ...node.children.flatMap((c) => [`${pad}  ${c.name === node.chosen ? '→' : ' '} ${c.name} weight ${c.weight} (${c.percent}%)`,
        ...(c.name === node.chosen ? serviceLines(c.node, depth + 2) : [])]), ...node.notes.map((n) => `${pad}  ${n}`)];
    case 'mirroring':
      return [`${pad}${node.name}: mirroring`, ...serviceLines(node.main, depth + 1), ...node.notes.map((n) => `${pad}  ${n}`)];
    case 'failover':
      return [`${pad}${node.name}: failover`, ...serviceLines(node.main, depth + 1), ...node.notes.map((n) => `${pad}  ${n}`)];
    case 'highestRandomWeight':
      return [`${pad}${node.name}: highest random weight`, ...node.children.map((c) => `${pad}  ${c.name} weight ${c.weight}`), ...node.notes.map((n) => `${pad}  ${n}`)];
    case 'internal':
    case 'missing':
      return [`${pad}${node.name}: ${node.notes.join('; ')}`];
    default:
      return assertNever(node);
  }
}

/**
 * The verdict as text, one numbered block per step.
 *
 * @example
 * console.log(formatVerdict(simulate(routing, request)))
 */
export function formatVerdict(v: Verdict): string {
  const r = v.request;
  const out: string[] = [`${r.method || 'GET'} ${r.url}  (client ${r.clientIP || '192.0.2.1'})`];
  // Steps are numbered as printed (the 421 check comes before or after routing, or not at all).
  let n = 0;
  const step = (label: string, rest = '') => (rest ? `${++n} ${label.padEnd(11)} ${rest}` : `${++n} ${label}`);
  if (v.entryPoint) {
    const ep = v.entryPoint;
    out.push(step('entryPoint', `${ep.name} (:${ep.port}, ${ep.chosenBy === 'explicit' ? 'as requested' : 'by port'}), ${ep.scheme === 'https' ? 'TLS' : 'plain HTTP'}`));
    if (ep.redirect) out.push(`    redirection router ${ep.redirect.router} → ${ep.redirect.scheme}:${ep.redirect.port} (${ep.redirect.permanent ? 'permanent' : 'temporary'})`);
    if (ep.defaultMiddlewares.length) out.push(`    entryPoint middlewares: ${ep.defaultMiddlewares.join(', ')}`);
    out.push(...indent(ep.notes));
  }
  if (v.tls) {
    const t = v.tls;
    out.push(step('TLS', `SNI ${t.sni ?? '(none)'} → option ${t.option}; certificate ${certificateName(t.certificate) ?? 'none'}; handshake ${t.handshake}`));
    out.push(...indent([t.because, ...t.notes]));
    if (t.unknownCertificates.length) out.push(`    certificates not in the workspace (SANs unknown): ${t.unknownCertificates.join(', ')}`);
  }
  if (v.preprocess) {
    const p = v.preprocess;
    out.push(step('request', `${p.method} Host "${p.host}" → "${p.canonicalHost}", path ${p.routingPath}${p.rawQuery ? `?${p.rawQuery}` : ''}`));
    out.push(...indent(p.changes));
  }
  if (v.sniCheck?.mode === 'host-vs-sni') out.push(step('421 check', `${v.sniCheck.result}: ${v.sniCheck.because}`));
  v.routing.forEach((s, i) => out.push(i === 0 ? step('routing', routingLines(s).join('\n')) : `  ${routingLines(s).join('\n')}`));
  if (v.sniCheck?.mode === 'resolved-option') out.push(step('421 check', `${v.sniCheck.result}: ${v.sniCheck.because}`));
  if (v.middlewares.length) {
    out.push(step('middlewares'));
    out.push(...indent(v.middlewares.map((m) => `${m.name}${m.type ? ` (${m.type})` : ''}${m.chain ? ` from ${m.chain}` : ''} [${m.status}]: ${m.effect}`)));
  }
  if (v.service) out.push(step('service'), ...indent(serviceLines(v.service.tree)));
  switch (v.type) {
    case 'forwarded':
      out.push(`→ forwarded: ${v.upstream.method} ${v.upstream.url}  Host: ${v.upstream.host}`);
      out.push(...indent(Object.entries(v.upstream.headers).map(([k, val]) => `${k}: ${Array.isArray(val) ? val.join(', ') : val}`)));
      break;
    case 'responded':
      out.push(`→ Traefik answers ${v.response.status} (${v.cause})${v.response.body ? `: ${JSON.stringify(v.response.body)}` : ''}`);
      out.push(...indent(Object.entries(v.response.headers).map(([k, val]) => `${k}: ${Array.isArray(val) ? val.join(', ') : val}`)));
      break;
    case 'no-response':
      out.push(`→ no HTTP response (${v.cause}): ${v.reason}`);
      break;
    default:
      assertNever(v);
  }
  if (v.notes.length) out.push('notes', ...indent(v.notes));
  return out.join('\n');
}

export interface VerdictJson {
  entryPoint: string | null;
  tls: null | { sni: string | null; option: string; certificate: string | null };
  router: string | null;
  ranking: { router: string; priority: number; result: RankEntry['result']; because: string }[];
  middlewares: { name: string; effect: string }[];
  outcome:
    | { type: 'forwarded'; service: string; upstream: { method: string; url: string; headers: Record<string, string | string[]> } }
    | { type: 'responded'; status: number; headers: Record<string, string | string[]>; body: string }
    | { type: 'no-response'; reason: string };
}

/**
 * The certificate as one string: the Secret, or Traefik's generated default; null when the handshake fails.
 *
 * @example
 * certificateName({ type: 'traefik-default' }) // 'TRAEFIK DEFAULT CERT'
 */
export function certificateName(c: CertificateChoice): string | null {
  switch (c.type) {
    case 'store':
    case 'default-store':
      return c.secret;
    case 'traefik-default':
      return 'TRAEFIK DEFAULT CERT';
    case 'none':
      return null;
    default:
      return assertNever(c);
  }
}

/**
 * The DESIGN.md `simulate --json` object (a `no-response` outcome is added for refused connections and
 * failed TLS handshakes, where Traefik sends no HTTP response at all).
 *
 * @example
 * JSON.stringify(verdictToJson(simulate(routing, request)), null, 2)
 */
export function verdictToJson(v: Verdict): VerdictJson {
  const ranking = v.routing.flatMap((step) =>
    step.ranking.map((e) => ({
      router: e.router,
      priority: e.priority,
      result: e.result,
      because: step.parent ? `[child of ${step.parent}] ${e.because}` : e.because,
    })),
  );
  let outcome: VerdictJson['outcome'];
  switch (v.type) {
    case 'forwarded':
      outcome = { type: 'forwarded', service: v.service?.name ?? '', upstream: { method: v.upstream.method, url: v.upstream.url, headers: { Host: v.upstream.host, ...v.upstream.headers } } };
      break;
    case 'responded':
      outcome = { type: 'responded', status: v.response.status, headers: v.response.headers, body: v.response.body };
      break;
    case 'no-response':
      outcome = { type: 'no-response', reason: v.reason };
      break;
    default:
      return assertNever(v);
  }
  return {
    entryPoint: v.entryPoint?.name ?? null,
    tls: v.tls ? { sni: v.tls.sni, option: v.tls.option, certificate: certificateName(v.tls.certificate) } : null,
    router: v.router,
    ranking,
    middlewares: v.middlewares.map((m) => ({ name: m.name, effect: m.status === 'applied' || m.status === 'no-op' || m.status === 'responded' ? m.effect : `${m.status}: ${m.effect}` })),
    outcome,
  };
}
