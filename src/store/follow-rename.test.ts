import { describe, expect, it } from 'vitest';
import { followRename } from './follow-rename.ts';
import type { AnalysisResult } from '../worker/protocol.ts';
import type { ResourceSummary } from '../core/analyze.ts';

const resource = (kind: string, name: string, file: string, docIndex: number): ResourceSummary =>
  ({ id: `${kind}/shop/${name}`, kind, name, namespace: 'shop', file, docIndex }) as ResourceSummary;
const router = (name: string, resourceId: string, routeIndex: number) => ({ name, origin: { resourceId, routeIndex } });

function analysis(resources: ResourceSummary[], routers: ReturnType<typeof router>[] = []): AnalysisResult {
  return { summary: { resources, config: { routers: Object.fromEntries(routers.map((r) => [r.name, r])) } } } as unknown as AnalysisResult;
}

describe('the selection follows a resource renamed in the text', () => {
  const before = analysis(
    [resource('IngressRoute', 'web', 'a.yaml', 0), resource('IngressRoute', 'api', 'a.yaml', 1)],
    [router('shop-web-r0', 'IngressRoute/shop/web', 0), router('shop-web-r1', 'IngressRoute/shop/web', 1), router('shop-api-r0', 'IngressRoute/shop/api', 0)],
  );
  const after = analysis(
    [resource('IngressRoute', 'webX', 'a.yaml', 0), resource('IngressRoute', 'api', 'a.yaml', 1)],
    [router('shop-webX-r0', 'IngressRoute/shop/webX', 0), router('shop-webX-r1', 'IngressRoute/shop/webX', 1), router('shop-api-r0', 'IngressRoute/shop/api', 0)],
  );

  it('to the new id of the same document, with the route of the same index; the old graph node is dropped', () => {
    expect(followRename({ resourceId: 'IngressRoute/shop/web', routerName: 'shop-web-r1', nodeId: 'router:shop-web-r1', from: 'editor' }, before, after)).toEqual({
      resourceId: 'IngressRoute/shop/webX',
      routerName: 'shop-webX-r1',
      from: 'editor',
    });
  });

  it('not when the selected id still exists, nor when its document is gone or holds another kind', () => {
    expect(followRename({ resourceId: 'IngressRoute/shop/api', from: 'graph' }, before, after)).toBeNull();
    expect(followRename({ resourceId: 'IngressRoute/shop/web', from: 'graph' }, before, analysis([resource('IngressRoute', 'api', 'a.yaml', 1)]))).toBeNull();
    expect(followRename({ resourceId: 'IngressRoute/shop/web', from: 'graph' }, before, analysis([resource('Middleware', 'web', 'a.yaml', 0)]))).toBeNull();
    expect(followRename({ resourceId: 'IngressRoute/shop/web', from: 'graph' }, null, after)).toBeNull();
    expect(followRename(null, before, after)).toBeNull();
  });

  it('in a List document, to the item at the same place', () => {
    const list = (a: string, b: string) => analysis([resource('Middleware', a, 'l.yaml', 0), resource('Middleware', b, 'l.yaml', 0)]);
    expect(followRename({ resourceId: 'Middleware/shop/two', from: 'outline' }, list('one', 'two'), list('one', 'twoX'))).toEqual({ resourceId: 'Middleware/shop/twoX', from: 'outline' });
  });
});
