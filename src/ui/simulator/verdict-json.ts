/** The verdict as DESIGN.md's `simulate --json` shape: what the panel renders (the CLI prints the same). */
export interface VerdictJson {
  entryPoint: string | null;
  tls: null | { sni: string | null; option: string; certificate: string | null };
  router: string | null;
  ranking: { router: string; priority: number; result: 'matched' | 'not-matched' | 'skipped'; because: string }[];
  middlewares: { name: string; effect: string }[];
  outcome:
    | { type: 'forwarded'; service: string; upstream: { method: string; url: string; headers: Record<string, string | string[]> } }
    | { type: 'responded'; status: number; headers: Record<string, string | string[]>; body: string };
  [more: string]: unknown;
}

export function parseHeaderLines(text: string): Record<string, string[]> {
  const headers: Record<string, string[]> = {};
  for (const line of text.split('\n')) {
    const i = line.indexOf(':');
    if (i <= 0) continue;
    const name = line.slice(0, i).trim();
    if (!name) continue;
    (headers[name] ??= []).push(line.slice(i + 1).trim());
  }
  return headers;
}

export function headerLines(headers: Record<string, string | string[]>): string {
  return Object.entries(headers)
    .flatMap(([k, v]) => (Array.isArray(v) ? v : [v]).map((x) => `${k}: ${x}`))
    .join('\n');
}
