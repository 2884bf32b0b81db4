import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../core/provider/settings.ts';
import { createAnalysisClient } from './client.ts';
import type { AnalysisResult } from './protocol.ts';
import { ingressRoute } from './fixtures.ts';

const text = ingressRoute('web');

// Node has no Worker: the client analyses on the main thread, as the page does when the worker cannot start. There
// both messages of an analysis are there before the first is read.
describe('analysis client', () => {
  it('shows an analysis whose graph has already come in one update, with its graph', async () => {
    const shown: AnalysisResult[] = [];
    let onMain = 0;
    const client = createAnalysisClient((r) => shown.push(r), (message) => { throw new Error(message); }, () => void onMain++);
    const routes = (r: AnalysisResult) => r.graph.nodes.filter((n) => n.kind === 'router').map((n) => n.label);
    client.analyze(1, [{ name: 'a.yaml', text }], defaultSettings());
    await expect.poll(() => shown.some((r) => r.version === 1), { timeout: 20_000 }).toBe(true);
    expect(onMain).toBe(1);
    client.analyze(2, [{ name: 'a.yaml', text: text.replaceAll('web', 'api') }], defaultSettings());
    await expect.poll(() => shown.some((r) => r.version === 2), { timeout: 20_000 }).toBe(true);
    // (The shadow check may send an analysis again: it comes with its graph too.)
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(shown.map((r) => [r.version, r.graphVersion])).toEqual(shown.map((r) => [r.version, r.version]));
    expect(routes(shown.find((r) => r.version === 1)!)).toEqual(['apps/web#0']);
    expect(routes(shown.at(-1)!)).toEqual(['apps/api#0']);
    client.dispose();
  });
});
