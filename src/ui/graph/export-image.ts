import { graphToSvg, type Graph, type Layout } from '../../core/graph/index.ts';
import { download } from '../files/download.ts';

export function exportSvg(graph: Graph, layout: Layout): void {
  download('ingressroute-graph.svg', graphToSvg(graph, layout), 'image/svg+xml');
}

/** Renders the SVG of the whole graph on a canvas (at most 8,000 px wide) and downloads it as PNG. */
export async function exportPng(graph: Graph, layout: Layout): Promise<void> {
  const svg = graphToSvg(graph, layout);
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error('could not render the SVG'));
      img.src = url;
    });
    const scale = Math.min(2, 8000 / Math.max(1, img.width));
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(img.width * scale));
    canvas.height = Math.max(1, Math.round(img.height * scale));
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    ctx.scale(scale, scale);
    ctx.drawImage(img, 0, 0);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) return;
    const png = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = png;
    a.download = 'ingressroute-graph.png';
    a.click();
    setTimeout(() => URL.revokeObjectURL(png), 1000);
  } finally {
    URL.revokeObjectURL(url);
  }
}
