/**
 * The selection follows a resource renamed in the text. Typing a resource's name in the editor gives it a new id
 * at every keystroke; without this the selection kept the old id, which named nothing in the next analysis, so
 * the form went blank and came back at every keystroke (and the graph lost its highlight) until the cursor moved.
 */
import type { AnalysisResult } from '../worker/protocol.ts';
import type { ResourceSummary } from '../core/analyze.ts';
import type { Selection } from './types.ts';

/** Resources of the same kind in the same document, in order (a List document holds several). */
const sameDocument = (list: readonly ResourceSummary[], r: ResourceSummary) => list.filter((x) => x.file === r.file && x.docIndex === r.docIndex && x.kind === r.kind);

/**
 * The selection for `next` when its resource is gone from it but the same document (file, document, kind, place
 * in a List) holds a resource under another id: that resource, and its route of the same index. Null: unchanged.
 *
 * @example
 * followRename({ resourceId: 'IngressRoute/shop/web' }, before, after) // { resourceId: 'IngressRoute/shop/webX' }
 */
export function followRename(selection: Selection | null, previous: AnalysisResult | null, next: AnalysisResult): Selection | null {
  const id = selection?.resourceId;
  if (!selection || !id || !previous) return null;
  const now = next.summary.resources;
  if (now.some((r) => r.id === id)) return null;
  const before = previous.summary.resources;
  const old = before.find((r) => r.id === id);
  if (!old) return null;
  const renamed = sameDocument(now, old)[sameDocument(before, old).indexOf(old)];
  if (!renamed) return null;
  const routeIndex = selection.routerName === undefined ? undefined : previous.summary.config.routers[selection.routerName]?.origin.routeIndex;
  const router = routeIndex === undefined ? undefined : Object.values(next.summary.config.routers).find((r) => r.origin.resourceId === renamed.id && r.origin.routeIndex === routeIndex);
  // The graph node id named the old resource or router: the graph selects by resource and router instead.
  const { nodeId: _node, routerName: _router, ...rest } = selection;
  return { ...rest, resourceId: renamed.id, ...(router ? { routerName: router.name } : {}) };
}
