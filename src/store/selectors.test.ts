import { describe, expect, it } from 'vitest';
import { resourceAt, routersOfResource, selectActiveText, selectCounts, selectIsStale, selectRouterCount } from './selectors.ts';
import type { StudioState } from './types.ts';
import type { ResourceSummary } from '../core/analyze.ts';
import type { Diagnostic, DynamicConfig } from '../core/types.ts';

const d = (severity: Diagnostic['severity']): Diagnostic => ({
  code: 'X', severity, family: 'schema', message: 'm', file: 'a.yaml', range: { start: 0, end: 1 },
});

function state(patch: Partial<StudioState>): StudioState {
  return { files: [{ name: 'a.yaml', text: 'A' }, { name: 'b.yaml', text: 'B' }], activeFile: 'b.yaml', version: 3, analysis: null, ...patch } as StudioState;
}

const summary = (diagnostics: Diagnostic[], graphVersion = 3) =>
  ({ version: 3, graphVersion, ms: 1, graph: { nodes: [], edges: [] }, layout: {}, summary: { resources: [], diagnostics, config: {}, hints: [] } }) as unknown as StudioState['analysis'];

describe('selectors', () => {
  it('selects the active file text', () => {
    expect(selectActiveText(state({}))).toBe('B');
    expect(selectActiveText(state({ activeFile: 'missing' }))).toBe('');
  });

  it('counts diagnostics by severity and memoises the result', () => {
    const s = state({ analysis: summary([d('error'), d('warning'), d('warning'), d('info')]) });
    const counts = selectCounts(s);
    expect(counts).toEqual({ errors: 1, warnings: 2, infos: 1 });
    expect(selectCounts(s)).toBe(counts);
  });

  it('counts the routers of the analysis, once per configuration', () => {
    const withRouters = (routers: Record<string, unknown>) => state({ analysis: { ...summary([]), summary: { resources: [], diagnostics: [], hints: [], config: { routers } } } as unknown as StudioState['analysis'] });
    expect(selectRouterCount(state({ analysis: null }))).toBe(0);
    const routers = { a: {}, b: {}, c: {} };
    expect(selectRouterCount(withRouters(routers))).toBe(3);
    // Another configuration is counted again.
    expect(selectRouterCount(withRouters({ d: {} }))).toBe(1);
    expect(selectRouterCount(withRouters(routers))).toBe(3);
  });

  it('lists the routers of a resource in the configuration\'s order, indexed once per configuration', () => {
    const router = (name: string, resourceId: string, routeIndex: number) => ({ name, origin: { resourceId, routeIndex } });
    const config = { routers: { b1: router('b1', 'IngressRoute/x/b', 1), a0: router('a0', 'IngressRoute/x/a', 0), b0: router('b0', 'IngressRoute/x/b', 0) } } as unknown as DynamicConfig;
    expect(routersOfResource(config, 'IngressRoute/x/b').map((r) => r.name)).toEqual(['b1', 'b0']);
    expect(routersOfResource(config, 'IngressRoute/x/b')).toBe(routersOfResource(config, 'IngressRoute/x/b'));
    expect(routersOfResource(config, 'IngressRoute/x/none')).toEqual([]);
  });

  it('knows when the analysis is stale', () => {
    expect(selectIsStale(state({ analysis: summary([]), version: 3 }))).toBe(false);
    expect(selectIsStale(state({ analysis: summary([]), version: 4 }))).toBe(true);
    expect(selectIsStale(state({ analysis: null }))).toBe(true);
    // The analysis of the text came, its graph not yet (the page still shows the graph of version 2).
    expect(selectIsStale(state({ analysis: summary([], 2), version: 3 }))).toBe(true);
  });

  it('finds the resource under a cursor offset in the right file', () => {
    const r = (id: string, file: string, start: number, end: number) => ({ id, file, range: { start, end } }) as ResourceSummary;
    const resources = [r('one', 'a.yaml', 0, 10), r('two', 'a.yaml', 14, 30), r('three', 'b.yaml', 0, 50)];
    expect(resourceAt(resources, 'a.yaml', 5)?.id).toBe('one');
    expect(resourceAt(resources, 'a.yaml', 20)?.id).toBe('two');
    expect(resourceAt(resources, 'a.yaml', 12)).toBeUndefined();
    expect(resourceAt(resources, 'b.yaml', 5)?.id).toBe('three');
  });
});
