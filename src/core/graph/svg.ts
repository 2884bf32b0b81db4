/** The whole graph (not only what the screen shows) as a standalone SVG for review comments. Every
 * label is escaped: configurations are untrusted. */
import type { Graph, Layout } from './types.ts';

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

const FILL: Record<string, string> = {
  entryPoint: '#1f3a5c',
  router: '#22304a',
  middleware: '#33284a',
  service: '#1d3b34',
  backend: '#262b33',
  missing: '#3a1f22',
};

/**
 * @example
 * const svg = graphToSvg(graph, layoutGraph(graph)); // '<svg xmlns=…'
 */
export function graphToSvg(graph: Graph, layout: Layout, title = 'IngressRoute Studio graph'): string {
  const pad = 20;
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${layout.width + pad * 2}" height="${layout.height + pad * 2}" viewBox="${-pad} ${-pad} ${layout.width + pad * 2} ${layout.height + pad * 2}" font-family="system-ui, sans-serif">`,
    `<title>${escapeXml(title)}</title>`,
    `<rect x="${-pad}" y="${-pad}" width="${layout.width + pad * 2}" height="${layout.height + pad * 2}" fill="#14171c"/>`,
  );
  for (const e of graph.edges) {
    const s = layout.positions[e.source];
    const t = layout.positions[e.target];
    if (!s || !t) continue;
    const x1 = s.x + s.width;
    const y1 = s.y + s.height / 2;
    const x2 = t.x;
    const y2 = t.y + t.height / 2;
    const mx = (x1 + x2) / 2;
    out.push(`<path d="M${x1},${y1} C${mx},${y1} ${mx},${y2} ${x2},${y2}" fill="none" stroke="#5b6678" stroke-width="1.2"/>`);
    if (e.label) out.push(`<text x="${mx}" y="${(y1 + y2) / 2 - 3}" font-size="10" fill="#8b95a5" text-anchor="middle">${escapeXml(e.label)}</text>`);
  }
  for (const n of graph.nodes) {
    const p = layout.positions[n.id];
    if (!p) continue;
    const dash = n.kind === 'missing' ? ' stroke-dasharray="5 3"' : '';
    const stroke = n.badges.errors > 0 || n.kind === 'missing' ? '#f26b6b' : n.badges.warnings > 0 ? '#e7b54a' : '#3a4454';
    out.push(
      `<g><title>${escapeXml(n.fullText)}</title>`,
      `<rect x="${p.x}" y="${p.y}" width="${p.width}" height="${p.height}" rx="6" fill="${FILL[n.kind] ?? '#222'}" stroke="${stroke}"${dash}/>`,
      `<text x="${p.x + 10}" y="${p.y + 19}" font-size="12" font-weight="600" fill="#d9dee7">${escapeXml(n.label)}</text>`,
      `<text x="${p.x + 10}" y="${p.y + 36}" font-size="11" fill="#8b95a5">${escapeXml(n.detail)}</text>`,
    );
    if (n.kind === 'router') {
      const tags = [`priority ${n.badges.priority ?? ''}`, n.badges.tls ? `TLS ${n.badges.tls}` : '', n.badges.disabled ? 'not served' : ''].filter(Boolean).join(' · ');
      out.push(`<text x="${p.x + 10}" y="${p.y + 53}" font-size="10" fill="#36c5a0">${escapeXml(tags)}</text>`);
    }
    out.push('</g>');
  }
  out.push('</svg>');
  return out.join('\n');
}
