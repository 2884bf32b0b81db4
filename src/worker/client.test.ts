import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../core/provider/settings.ts';
import { createAnalysisClient } from './client.ts';
import type { AnalysisResult } from './protocol.ts';
import { ingressRoute } from './fixtures.ts';
import { generateWorkspace } from '../../bench/generate-yaml.ts';

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

  it('sends the view of the graph pane with each request, shows the graph it keeps at once, and gives the whole graph on request', async () => {
    const shown: AnalysisResult[] = [];
    const client = createAnalysisClient((r) => shown.push(r), (message) => { throw new Error(message); });
    const namespaces = (r: AnalysisResult) => new Set(r.graph.nodes.filter((n) => n.kind === 'router').map((n) => n.namespace));
    client.analyze(1, [{ name: 'big.yaml', text: generateWorkspace(600).text }], defaultSettings());
    await expect.poll(() => shown.length, { timeout: 30_000 }).toBeGreaterThan(0);
    const first = shown.at(-1)!;
    expect(first.graphScope.scoped).toBe(true);
    expect(namespaces(first)).toEqual(new Set([first.graphScope.auto]));
    const other = first.graphScope.namespaces.find((ns) => ns !== first.graphScope.auto && ns.startsWith('team-'))!;
    const count = shown.length;
    client.setGraphView({ filter: { namespace: other }, all: false, backends: false });
    await expect.poll(() => shown.length, { timeout: 30_000 }).toBeGreaterThan(count);
    expect(shown.at(-1)!.version).toBe(1);
    expect(namespaces(shown.at(-1)!)).toEqual(new Set([other]));
    // The next analysis comes with the view.
    client.analyze(2, [{ name: 'big.yaml', text: `${generateWorkspace(600).text}\n# edited\n` }], defaultSettings());
    await expect.poll(() => shown.at(-1)!.version, { timeout: 30_000 }).toBe(2);
    expect(namespaces(shown.at(-1)!)).toEqual(new Set([other]));
    const whole = await client.wholeGraph(2);
    expect(whole.graph.nodes.length).toBe(shown.at(-1)!.graphScope.total);
    client.dispose();
  });
});
