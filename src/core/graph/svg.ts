/**
 * The whole graph (every node and edge, not only what the screen shows) as a standalone SVG for review
 * comments. Configurations are untrusted: every piece of text goes through `escapeXml`, and nothing
 * from the configuration ever lands in an attribute except numbers we computed.
 */
import { plainName } from './details.ts';
import { nodeHeight } from './layout.ts';
import type { Graph, GraphNode, Layout, NodeBox } from './types.ts';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/**
 * Text safe inside an XML element or attribute: markup characters escaped, and characters XML 1.0
 * forbids (control characters, lone surrogates) dropped so the file always parses.
 *
 * @example
 * escapeXml('<b>"x" & y</b>') // '&lt;b&gt;&quot;x&quot; &amp; y&lt;/b&gt;'
 */
export function escapeXml(text: string): string {
  return text
    // eslint-disable-next-line no-control-regex -- matching the control characters XML forbids is the point
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
    .replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** Cut to about what fits in `width` pixels at `size`px (the full text stays in the node's <title>). */
function fit(text: string, width: number, size: number): string {
  const max = Math.max(4, Math.floor(width / (size * 0.6)));
  const one = text.replace(/\s+/g, ' ');
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

const THEME = {
  bg: '#15181d',
  text: '#d9dee7',
  muted: '#8b95a5',
  edge: '#566173',
  accent: '#4fa3ff',
  ok: '#36c5a0',
  error: '#f26b6b',
  warning: '#e7b54a',
  group: '#1b2029',
};

const FILL: Record<GraphNode['kind'], [fill: string, stroke: string]> = {
  entryPoint: ['#1b3150', '#2f5a8f'],
  router: ['#1f2a3d', '#36507a'],
  middleware: ['#2a2340', '#574487'],
  service: ['#1a342e', '#2f6b5a'],
  backend: ['#1f2329', '#3a4454'],
  missing: ['#341d20', THEME.error],
};

const KIND: Record<GraphNode['kind'], string> = { entryPoint: 'ENTRYPOINT', router: 'ROUTE', middleware: 'MIDDLEWARE', service: 'SERVICE', backend: 'BACKEND', missing: 'MISSING' };

function text(x: number, y: number, size: number, fill: string, body: string, extra = ''): string {
  return `<text x="${x}" y="${y}" font-size="${size}" fill="${fill}"${extra}>${escapeXml(body)}</text>`;
}

function nodeSvg(n: GraphNode, p: NodeBox): string {
  const [fill, stroke0] = FILL[n.kind];
  const stroke = n.badges.errors > 0 ? THEME.error : n.badges.warnings > 0 ? THEME.warning : stroke0;
  const dash = n.kind === 'missing' || n.badges.disabled ? ' stroke-dasharray="5 3"' : '';
  const out = [`<g><title>${escapeXml(`${n.label}\n${n.fullText}`)}</title>`, `<rect x="${p.x}" y="${p.y}" width="${p.width}" height="${p.height}" rx="6" fill="${fill}" stroke="${stroke}"${dash}/>`];
  // Badges, right-aligned on the first line.
  const badges: [string, string][] = [];
  if (n.badges.errors > 0) badges.push([`✕ ${n.badges.errors}`, THEME.error]);
  if (n.badges.warnings > 0) badges.push([`⚠ ${n.badges.warnings}`, THEME.warning]);
  if (n.badges.usage !== undefined && n.badges.usage > 1) badges.push([`×${n.badges.usage}`, THEME.muted]);
  let right = p.x + p.width - 8;
  for (const [label, color] of badges.reverse()) {
    out.push(text(right, p.y + 14, 10, color, label, ' text-anchor="end"'));
    right -= label.length * 6.5 + 6;
  }
  out.push(text(p.x + 9, p.y + 14, 8.5, THEME.muted, KIND[n.kind], ' letter-spacing="0.6"'));
  out.push(text(p.x + 9, p.y + 29, 12, THEME.text, fit(n.label, p.width - 18, 12), ' font-weight="600"'));
  if (n.detail) out.push(text(p.x + 9, p.y + 44, 10.5, THEME.muted, fit(n.detail, p.width - 18, 10.5), ' font-family="ui-monospace, monospace"'));
  if (n.kind === 'router') {
    const tags = [n.badges.priority !== undefined ? `prio ${n.badges.priority}` : '', n.badges.tls ? `TLS${n.badges.tls === 'default' ? '' : ` ${plainName(n.badges.tls)}`}` : '', n.badges.disabled ? 'not served' : ''].filter(Boolean).join(' · ');
    out.push(text(p.x + 9, p.y + 58, 10, n.badges.disabled ? THEME.error : THEME.ok, fit(tags, p.width - 18, 10)));
    n.chain?.forEach((c, i) => out.push(text(p.x + 9, p.y + 78 + i * 22, 11, c.missing ? THEME.error : THEME.text, fit(`${i + 1} ${c.label}`, p.width - 18, 11))));
  }
  n.rows?.forEach((r, i) => out.push(text(p.x + 9, p.y + 62 + i * 18, 10.5, r.missing ? THEME.error : THEME.muted, fit(`→ ${r.label} ${r.share}`, p.width - 18, 10.5))));
  out.push('</g>');
  return out.join('');
}

/**
 * @example
 * const svg = graphToSvg(graph, layoutGraph(graph)); // '<svg xmlns=…'
 */
export function graphToSvg(graph: Graph, layout: Layout, title = 'IngressRoute Studio graph'): string {
  const pad = 24;
  const w = Math.ceil(layout.width + pad * 2);
  const h = Math.ceil(layout.height + pad * 2);
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="${-pad} ${-pad} ${w} ${h}" font-family="system-ui, -apple-system, 'Segoe UI', sans-serif">`,
    `<title>${escapeXml(title)}</title>`,
    `<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="${THEME.edge}"/></marker></defs>`,
    `<rect x="${-pad}" y="${-pad}" width="${w}" height="${h}" fill="${THEME.bg}"/>`,
  ];
  for (const g of layout.groups) {
    out.push(`<rect x="${g.x}" y="${g.y}" width="${g.width}" height="${g.height}" rx="8" fill="${THEME.group}" stroke="#2a3140"/>`);
    out.push(text(g.x + 8, g.y + 16, 10.5, THEME.muted, fit(g.label, g.width - 16, 10.5), ' font-weight="600"'));
  }
  for (const e of graph.edges) {
    const s = layout.positions[e.source];
    const t = layout.positions[e.target];
    if (!s || !t) continue;
    const x1 = s.x + s.width;
    const y1 = s.y + s.height / 2;
    const x2 = t.x;
    const y2 = t.y + t.height / 2;
    const mx = (x1 + x2) / 2;
    const dash = e.kind === 'mirror' || e.kind === 'fallback' || e.kind === 'errors' ? ' stroke-dasharray="4 3"' : '';
    out.push(`<path d="M${x1},${y1} C${mx},${y1} ${mx},${y2} ${x2},${y2}" fill="none" stroke="${THEME.edge}" stroke-width="1.2" marker-end="url(#arrow)"${dash}/>`);
    if (e.label) out.push(text(mx, (y1 + y2) / 2 - 4, 10, THEME.muted, e.label, ' text-anchor="middle"'));
  }
  for (const n of graph.nodes) {
    const p = layout.positions[n.id] ?? null;
    if (p) out.push(nodeSvg(n, p.height ? p : { ...p, height: nodeHeight(n) }));
  }
  out.push('</svg>');
  return out.join('\n');
}
