/** Export of the whole graph for review comments: the SVG core/graph builds (every label escaped
 * there), and a PNG rendered from that SVG on a canvas. Both are local downloads from Blob URLs. */
import { graphToSvg, type Graph, type Layout } from '../../core/graph/index.ts';
import { download } from '../files/download.ts';

const FILE = 'ingressroute-graph';
/** Canvas limits in Chromium/Firefox: each side below 32,767 px and the area below ~268 M px; stay well under. */
const MAX_SIDE = 16_000;
const MAX_AREA = 120_000_000;

export function exportSvg(graph: Graph, layout: Layout): void {
  download(`${FILE}.svg`, graphToSvg(graph, layout), 'image/svg+xml');
}

/** The scale at which a w × h image fits the canvas limits (2× for sharp text when it fits). */
export function pngScale(width: number, height: number): number {
  return Math.min(2, MAX_SIDE / Math.max(1, width), MAX_SIDE / Math.max(1, height), Math.sqrt(MAX_AREA / Math.max(1, width * height)));
}

export async function exportPng(graph: Graph, layout: Layout): Promise<void> {
  const svg = graphToSvg(graph, layout);
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.decoding = 'async';
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error('the browser could not render the SVG'));
      img.src = url;
    });
    const scale = pngScale(img.naturalWidth, img.naturalHeight);
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.floor(img.naturalWidth * scale));
    canvas.height = Math.max(1, Math.floor(img.naturalHeight * scale));
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2D canvas');
    ctx.scale(scale, scale);
    ctx.drawImage(img, 0, 0);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error('the graph is too large for a PNG; export SVG instead');
    const png = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = png;
    a.download = `${FILE}.png`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(png), 1000);
  } finally {
    URL.revokeObjectURL(url);
  }
}
