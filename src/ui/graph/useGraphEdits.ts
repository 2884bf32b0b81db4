/**
 * Graph edits, thin over core/graph/graph-edits.ts: a gesture becomes planEdit intents on the
 * resource's text, applied through the editor bridge (the form's path: one undo step per gesture,
 * comments and formatting kept).
 */
import { useCallback, useState } from 'react';
import { useStudio } from '../../store/index.ts';
import { selectIsStale } from '../../store/selectors.ts';
import { analysisClient } from '../useAnalysis.ts';
import { applyTextEdits } from '../editor/bridge.ts';
import { nameProblem, newResourceYaml, renameIntents, routeGesture, type GraphNode, type NodeRef, type ResourceIntent, type RouteGesture } from '../../core/graph/index.ts';
import type { PlanStep as Step } from '../../core/graph/graph-plan.ts';
import type { ResourceDetail } from '../../worker/protocol.ts';
import { PLANNERS_FAILED, preloadPlanners, type Planners } from '../planners.ts';


async function detailOf(resourceId: string): Promise<ResourceDetail | null> {
  const s = useStudio.getState();
  if (!s.analysis) return null;
  const answer = await analysisClient().resource(s.analysis.version, resourceId);
  return answer.detail;
}

const namespaceOf = (d: ResourceDetail) => String((d.raw['metadata'] as { namespace?: unknown } | undefined)?.namespace ?? 'default');
const placed = (d: ResourceDetail, intent: ResourceIntent): Step => ({ place: { docIndex: d.docIndex, path: d.path }, intent });

/** The planners, or null when they could not be loaded. */
async function planners(): Promise<Planners | null> {
  return preloadPlanners().catch(() => null);
}

/** Plans steps against one file's current text and applies them as one edit (one undo step). */
function apply({ planIntents }: Planners, file: string, steps: Step[]): string | null {
  if (steps.length === 0) return null;
  const text = useStudio.getState().files.find((f) => f.name === file)?.text;
  if (text === undefined) return `The file ${file} is not open.`;
  const result = planIntents(text, steps);
  if ('error' in result) return result.error;
  const edits = result.edits.filter((e) => text.slice(e.range.start, e.range.end) !== e.text);
  if (edits.length) applyTextEdits(file, edits);
  return null;
}

export interface GraphEdits {
  /** The last edit's problem, shown by the pane (null after a successful edit). */
  error: string | null;
  clearError(): void;
  route(node: GraphNode, gesture: (routeIndex: number) => RouteGesture): Promise<void>;
  /** Attaches an existing Middleware, Service (on its first port) or TraefikService to the route. */
  attachResource(node: GraphNode, resource: { id: string; kind: string; name: string; namespace: string }): Promise<void>;
  /** Appends a new Middleware or Service to the route's file and attaches it, in one edit. */
  createAndAttach(node: GraphNode, kind: 'Middleware' | 'Service', name: string, type?: string): Promise<void>;
  rename(node: GraphNode, newName: string): Promise<void>;
}

export function useGraphEdits(): GraphEdits {
  const [error, setError] = useState<string | null>(null);
  const fail = useCallback((message: string | null) => setError(message), []);

  const ready = useCallback((node: GraphNode): boolean => {
    if (selectIsStale(useStudio.getState())) {
      fail('The graph is catching up with the text: try again in a moment.');
      return false;
    }
    if (!node.origin) {
      fail(`${node.label} has no YAML in this workspace to edit.`);
      return false;
    }
    return true;
  }, [fail]);

  const route = useCallback(
    async (node: GraphNode, gesture: (routeIndex: number) => RouteGesture) => {
      if (node.kind !== 'router' || !ready(node) || node.origin!.routeIndex === undefined) return;
      const [d, p] = await Promise.all([detailOf(node.origin!.resourceId), planners()]);
      if (!d) return fail('The route is no longer in the workspace.');
      if (!p) return fail(PLANNERS_FAILED);
      const planned = routeGesture({ raw: d.raw, namespace: namespaceOf(d) }, gesture(node.origin!.routeIndex));
      fail('error' in planned ? planned.error : apply(p, d.file, planned.intents.map((i) => placed(d, i))));
    },
    [ready, fail],
  );

  const attachResource = useCallback(
    async (node: GraphNode, resource: { id: string; kind: string; name: string; namespace: string }) => {
      let ref: NodeRef;
      if (resource.kind === 'Service') {
        const d = await detailOf(resource.id);
        const ports = (d?.raw['spec'] as { ports?: { port?: unknown }[] } | undefined)?.ports;
        const port = Array.isArray(ports) ? ports[0]?.port : undefined;
        ref = { kind: 'Service', name: resource.name, namespace: resource.namespace, ...(typeof port === 'number' || typeof port === 'string' ? { port } : {}) };
      } else ref = { kind: resource.kind === 'Middleware' ? 'Middleware' : 'TraefikService', name: resource.name, namespace: resource.namespace };
      await route(node, (routeIndex) => ({ type: 'attach', routeIndex, ref }));
    },
    [route],
  );

  const createAndAttach = useCallback(
    async (node: GraphNode, kind: 'Middleware' | 'Service', name: string, type?: string) => {
      if (node.kind !== 'router' || !ready(node) || node.origin!.routeIndex === undefined) return;
      const [d, p] = await Promise.all([detailOf(node.origin!.resourceId), planners()]);
      if (!d) return fail('The route is no longer in the workspace.');
      if (!p) return fail(PLANNERS_FAILED);
      const namespace = namespaceOf(d);
      const ref: NodeRef = kind === 'Service' ? { kind, name, namespace, port: 80 } : { kind, name, namespace };
      const planned = routeGesture({ raw: d.raw, namespace }, { type: 'attach', routeIndex: node.origin!.routeIndex, ref });
      if ('error' in planned) return fail(planned.error);
      const yaml = newResourceYaml(kind, name, namespace, type);
      fail(apply(p, d.file, [...planned.intents.map((i) => placed(d, i)), { intent: { type: 'appendDocument', yaml } }]));
    },
    [ready, fail],
  );

  const rename = useCallback(
    async (node: GraphNode, newName: string) => {
      if (!ready(node)) return;
      if (node.kind === 'router') {
        // A route's resource is its IngressRoute: nothing in the workspace refers to it by name.
        const problem = nameProblem(newName);
        const [d, p] = problem ? [null, null] : await Promise.all([detailOf(node.origin!.resourceId), planners()]);
        if (!problem && d && !p) return fail(PLANNERS_FAILED);
        return fail(problem ?? (d && p ? apply(p, d.file, [placed(d, { type: 'set', path: ['metadata', 'name'], value: newName })]) : 'The route is no longer in the workspace.'));
      }
      if (node.ref?.namespace === undefined) return;
      // A Kubernetes Service's node comes from the route that names it: rename the Service itself.
      const id = node.ref.kind === 'Service' ? `Service/${node.ref.namespace}/${node.ref.name}` : node.origin!.resourceId;
      const [own, p] = await Promise.all([detailOf(id), planners()]);
      if (!own) return fail(`${node.label} is no longer in the workspace.`);
      if (!p) return fail(PLANNERS_FAILED);
      const s = useStudio.getState();
      const routes = (s.analysis?.summary.resources ?? []).filter((r) => r.kind === 'IngressRoute');
      const details = (await Promise.all(routes.map((r) => detailOf(r.id)))).filter((x): x is ResourceDetail => x !== null);
      const planned = renameIntents(node.ref, newName, details.map((x) => ({ raw: x.raw, namespace: namespaceOf(x) })));
      if ('error' in planned) return fail(planned.error);
      // One edit per file: the resource's file (with its references there), then the other files.
      const byFile = new Map<string, Step[]>([[own.file, planned.own.map((i) => placed(own, i))]]);
      for (const r of planned.references) {
        const x = details[r.owner]!;
        byFile.set(x.file, [...(byFile.get(x.file) ?? []), ...r.intents.map((i) => placed(x, i))]);
      }
      let problem: string | null = null;
      for (const [file, steps] of byFile) problem ??= apply(p, file, steps);
      // The selection follows the renamed resource: its old id names no node once the next analysis
      // arrives, and a view refitted then (the inspector resizing the pane) would lose it.
      const selection = useStudio.getState().selection;
      if (!problem && selection?.resourceId === id) {
        const { nodeId: _old, ...rest } = selection;
        useStudio.getState().select({ ...rest, resourceId: `${id.slice(0, id.indexOf('/'))}/${node.ref.namespace}/${newName}` });
      }
      fail(problem);
    },
    [ready, fail],
  );

  return { error, clearError: () => setError(null), route, attachResource, createAndAttach, rename };
}
