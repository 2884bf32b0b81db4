import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { TestCase } from '../../core/simulate/index.ts';
import type { WorkspaceDiff } from '../../core/review/types.ts';
import { CompareView } from './CompareView.tsx';
import { TestsPanel } from './TestsPanel.tsx';

const cases: TestCase[] = [
  { name: 'api <b>orders</b>', request: { method: 'GET', url: 'https://shop.example.com/api', headers: {}, clientIP: '203.0.113.7' }, expect: { router: 'shop/shop-web#1', upstreamPath: '/orders' } },
  { name: 'status', request: { method: 'GET', url: 'https://status.example.com/', headers: {}, clientIP: '203.0.113.7' }, expect: { router: null, status: 404 } },
];
const noop = () => {};

describe('TestsPanel (static render)', () => {
  it('lists cases with pass/fail, failures, coverage; data is text, never markup', () => {
    const html = renderToStaticMarkup(
      <TestsPanel
        cases={cases}
        results={[{ name: 'api <b>orders</b>', passed: true, failures: [] }, { name: 'status', passed: false, failures: ['router: expected none, got <img src=x>'] }]}
        coverage={{ exercised: ['a@kubernetescrd'], total: ['a@kubernetescrd', 'b@kubernetescrd'] }}
        onRecord={noop}
        onChange={noop}
        onSelectRouter={noop}
      />,
    );
    expect(html).toContain('1 passed, 1 failed');
    expect(html).toContain('aria-label="Route tests"');
    expect(html).toContain('Record current request as test');
    expect(html).toContain('api &lt;b&gt;orders&lt;/b&gt;');
    expect(html).toContain('got &lt;img src=x&gt;');
    expect(html).not.toContain('<img');
    expect(html).toContain('b@kubernetescrd');
    expect(html).toContain('Router coverage: 1/2');
    expect(html).toContain('router none · status 404');
  });

  it('shows an empty state and pending results', () => {
    expect(renderToStaticMarkup(<TestsPanel cases={[]} results={null} coverage={null} onRecord={noop} onChange={noop} onSelectRouter={noop} />)).toContain('No tests yet');
    expect(renderToStaticMarkup(<TestsPanel cases={cases} results={null} coverage={null} onRecord={noop} onChange={noop} onSelectRouter={noop} />)).toContain('Running…');
  });
});

describe('CompareView (static render)', () => {
  const summary = { outcome: 'forwarded' as const, status: null, tlsOption: 'default', middlewares: [], upstream: 'GET http://10.0.0.1/', location: null, reason: null };
  const diff: WorkspaceDiff = {
    routers: {
      added: [{ name: 'new@kubernetescrd', rule: 'Host(`n.com`)', entryPoints: ['web'], route: 'a/new#0' }],
      removed: [],
      changed: [{ name: 'x@kubernetescrd', previousName: null, route: 'a/x#0', fields: [{ field: 'priority', before: '24 (rule length)', after: '1' }] }],
    },
    diagnostics: { introduced: [{ code: 'REF_MISSING', severity: 'error', family: 'reference', message: 'Missing <script>', file: 'a.yaml', range: { start: 0, end: 1 } }], fixed: [] },
    routing: [{
      request: { method: 'GET', url: 'https://a.com/api', headers: {}, clientIP: '203.0.113.7' }, label: 'GET https://a.com/api', witnessOf: ['x@kubernetescrd'],
      before: { ...summary, router: 'x@kubernetescrd', service: 'api@kubernetescrd', backend: null }, after: { ...summary, router: 'y@kubernetescrd', service: 'web@kubernetescrd', backend: null },
      changes: ['winner: x@kubernetescrd → y@kubernetescrd'], winnerChanged: true,
    }],
    replayed: 4,
  };

  it('renders the chooser and, with a diff, the highlighted changed winner', () => {
    const empty = renderToStaticMarkup(<CompareView baseLabel="" diff={null} onLoadBase={noop} />);
    expect(empty).toContain('Compare with…');
    expect(empty).toContain('type="file"');
    const html = renderToStaticMarkup(<CompareView baseLabel="main.yaml" diff={diff} onLoadBase={noop} />);
    expect(html).toContain('Base: main.yaml');
    expect(html).toContain('1 request routed differently');
    expect(html).toContain('<mark data-testid="changed-winner">y@kubernetescrd → web@kubernetescrd</mark>');
    expect(html).toContain('Missing &lt;script&gt;');
    expect(html).toContain('new@kubernetescrd');
    expect(html).toContain('<del>24 (rule length)</del>');
  });
});
