/**
 * Graph gestures → YAML edit intents. Attaching a middleware or a service to a route, detaching one,
 * reordering a route's chain, renaming a resource (and the routes that refer to it) and creating a new
 * middleware or service are all written as `planEdit` intents (yaml/edit.ts) on the resources'
 * own text, so a graph edit is a minimal text edit like a form edit. Pure: the UI passes the
 * resource's parsed value (`raw`) and applies the planned edits. Planning them against the text is
 * graph-plan.ts, apart because it brings the YAML parser, which the page loads on the first edit.
 */
import type { ResourceIntent } from '../yaml/index.ts';
import type { Path } from '../types.ts';
import type { NodeRef } from './types.ts';

export type { ResourceIntent };

/** What a route edit needs of its IngressRoute: the parsed resource and its namespace. */
export interface RouteOwner {
  raw: Record<string, unknown>;
  namespace: string;
}

export type RouteGesture =
  | { type: 'attach'; routeIndex: number; ref: NodeRef }
  | { type: 'detach'; routeIndex: number; ref: NodeRef }
  | { type: 'detachAt'; routeIndex: number; list: 'middlewares' | 'services'; index: number }
  | { type: 'reorder'; routeIndex: number; from: number; to: number };

export type GestureResult = { intents: ResourceIntent[] } | { error: string };

type Item = Record<string, unknown>;

function routeOf(owner: RouteOwner, index: number): Item | null {
  const spec = owner.raw['spec'];
  const routes = spec && typeof spec === 'object' ? (spec as Item)['routes'] : undefined;
  const route = Array.isArray(routes) ? routes[index] : undefined;
  return route && typeof route === 'object' && !Array.isArray(route) ? (route as Item) : null;
}

function listOf(route: Item, key: 'middlewares' | 'services'): Item[] {
  const list = route[key];
  return Array.isArray(list) ? list.map((x) => (x && typeof x === 'object' ? (x as Item) : {})) : [];
}

const listKey = (ref: NodeRef): 'middlewares' | 'services' => (ref.kind === 'Middleware' ? 'middlewares' : 'services');

/** Whether a route's reference (`{ name, namespace?, kind?, port? }`) names the node's resource. */
export function refersTo(item: Item, ref: NodeRef, routeNamespace: string): boolean {
  if (String(item['name'] ?? '') !== ref.name) return false;
  if (ref.namespace === undefined) return true; // another provider's name (`auth@file`)
  if (String(item['namespace'] ?? routeNamespace) !== ref.namespace) return false;
  if (ref.kind === 'Middleware') return true;
  const kind = String(item['kind'] ?? 'Service');
  if (kind !== ref.kind) return false;
  return ref.port === undefined || item['port'] === undefined || String(item['port']) === String(ref.port);
}

/** The reference a route writes to point at a node's resource (the namespace only when it differs). */
export function referenceTo(ref: NodeRef, routeNamespace: string): Item {
  const out: Item = { name: ref.name };
  if (ref.namespace !== undefined && ref.namespace !== routeNamespace) out['namespace'] = ref.namespace;
  if (ref.kind === 'TraefikService') out['kind'] = 'TraefikService';
  if (ref.kind === 'Service' && ref.port !== undefined) out['port'] = ref.port;
  return out;
}

/**
 * The intents for a gesture on a route of an IngressRoute.
 *
 * @example
 * routeGesture(owner, { type: 'attach', routeIndex: 0, ref: { kind: 'Middleware', name: 'strip-api', namespace: 'shop' } })
 * // { intents: [{ type: 'insert', path: ['spec', 'routes', 0, 'middlewares'], index: 1, value: { name: 'strip-api' } }] }
 */
export function routeGesture(owner: RouteOwner, gesture: RouteGesture): GestureResult {
  const route = routeOf(owner, gesture.routeIndex);
  if (!route) return { error: `This IngressRoute has no route ${gesture.routeIndex}.` };
  const base: Path = ['spec', 'routes', gesture.routeIndex];
  switch (gesture.type) {
    case 'attach': {
      const key = listKey(gesture.ref);
      const list = listOf(route, key);
      if (list.some((item) => refersTo(item, gesture.ref, owner.namespace))) {
        return { error: `${gesture.ref.name} is already ${key === 'middlewares' ? 'in this route\'s chain' : 'a service of this route'}.` };
      }
      return { intents: [{ type: 'insert', path: [...base, key], index: list.length, value: referenceTo(gesture.ref, owner.namespace) }] };
    }
    case 'detach': {
      const key = listKey(gesture.ref);
      const index = listOf(route, key).findIndex((item) => refersTo(item, gesture.ref, owner.namespace));
      if (index < 0) return { error: `${gesture.ref.name} is not ${key === 'middlewares' ? 'in this route\'s chain' : 'a service of this route'}.` };
      return routeGesture(owner, { type: 'detachAt', routeIndex: gesture.routeIndex, list: key, index });
    }
    case 'detachAt': {
      const list = listOf(route, gesture.list);
      if (gesture.index < 0 || gesture.index >= list.length) return { error: `The route has no ${gesture.list} item ${gesture.index}.` };
      // The last one takes its key along: no `middlewares: []` left behind.
      return { intents: [list.length === 1 ? { type: 'delete', path: [...base, gesture.list] } : { type: 'delete', path: [...base, gesture.list, gesture.index] }] };
    }
    case 'reorder': {
      const n = listOf(route, 'middlewares').length;
      const { from, to } = gesture;
      if (from < 0 || from >= n || to < 0 || to >= n) return { error: `Cannot move middleware ${from + 1} to position ${to + 1} of ${n}.` };
      return { intents: from === to ? [] : [{ type: 'move', path: [...base, 'middlewares'], from, to }] };
    }
  }
}

/** Kubernetes object names (DNS-1123 subdomain, as `metadata.name` of these kinds must be). */
const NAME = /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/;

/** Why a name cannot be a resource's `metadata.name`, or null. */
export function nameProblem(name: string): string | null {
  if (name.length === 0) return 'A name is required.';
  if (name.length > 253) return 'A name has at most 253 characters.';
  if (!NAME.test(name)) return 'Use lower-case letters, digits, "-" and ".", starting and ending with a letter or digit.';
  return null;
}

/**
 * Renaming a Middleware, Service or TraefikService: its `metadata.name`, and in each IngressRoute of
 * the workspace every route reference that names it (`routes[].middlewares[]`, `routes[].services[]`).
 * References inside other resources (a chain's members, a TraefikService's children, an errors
 * middleware's service) are left for the user: the problems panel then names them.
 *
 * @example
 * renameIntents({ kind: 'Middleware', name: 'strip-api', namespace: 'shop' }, 'strip-v1', routes)
 * // { own: [{ type: 'set', path: ['metadata', 'name'], value: 'strip-v1' }], references: [{ owner: 0, intents: [...] }] }
 */
export function renameIntents(
  ref: NodeRef,
  newName: string,
  ingressRoutes: readonly RouteOwner[],
): { own: ResourceIntent[]; references: { owner: number; intents: ResourceIntent[] }[] } | { error: string } {
  const problem = nameProblem(newName);
  if (problem) return { error: problem };
  if (ref.namespace === undefined) return { error: `${ref.name} is defined by another provider: it cannot be renamed here.` };
  const references = ingressRoutes.flatMap((owner, i) => {
    const intents: ResourceIntent[] = [];
    const routes = (owner.raw['spec'] as Item | undefined)?.['routes'];
    (Array.isArray(routes) ? routes : []).forEach((_, r) => {
      const route = routeOf(owner, r);
      if (!route) return;
      listOf(route, listKey(ref)).forEach((item, k) => {
        if (refersTo(item, ref, owner.namespace)) intents.push({ type: 'set', path: ['spec', 'routes', r, listKey(ref), k, 'name'], value: newName });
      });
    });
    return intents.length ? [{ owner: i, intents }] : [];
  });
  return { own: [{ type: 'set', path: ['metadata', 'name'], value: newName }], references };
}

/** Middleware types a new middleware can start as, each with a small valid spec. */
export const NEW_MIDDLEWARES: Record<string, Record<string, unknown>> = {
  stripPrefix: { prefixes: ['/api'] },
  addPrefix: { prefix: '/v1' },
  headers: { customResponseHeaders: { 'X-Frame-Options': 'DENY' } },
  redirectScheme: { scheme: 'https', permanent: true },
  basicAuth: { secret: 'users' },
  ipAllowList: { sourceRange: ['10.0.0.0/8'] },
  rateLimit: { average: 100, burst: 50 },
  compress: {},
};

/**
 * The YAML of a new resource for "+ new" on a route: a Middleware of one of NEW_MIDDLEWARES' types,
 * or a Kubernetes Service on port 80.
 *
 * @example
 * newResourceYaml('Middleware', 'strip', 'shop', 'stripPrefix') // 'apiVersion: traefik.io/v1alpha1\nkind: Middleware\n…'
 */
export function newResourceYaml(kind: 'Middleware' | 'Service', name: string, namespace: string, type = 'stripPrefix'): string {
  if (kind === 'Service') {
    return `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\n  namespace: ${namespace}\nspec:\n  ports:\n    - name: http\n      port: 80\n  selector:\n    app: ${name}\n`;
  }
  const spec = NEW_MIDDLEWARES[type] ?? {};
  return `apiVersion: traefik.io/v1alpha1\nkind: Middleware\nmetadata:\n  name: ${name}\n  namespace: ${namespace}\nspec:\n  ${type}:${yamlBlock(spec, 4)}\n`;
}

/** A tiny YAML writer for the fixed specs above (plain scalars that need no quoting, or quoted keys). */
function yamlBlock(value: unknown, indent: number): string {
  const pad = ' '.repeat(indent);
  if (Array.isArray(value)) return value.map((v) => `\n${pad}- ${String(v)}`).join('');
  if (value && typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 0) return ' {}';
    return entries.map(([k, v]) => `\n${pad}${/^[A-Za-z][\w]*$/.test(k) ? k : JSON.stringify(k)}:${typeof v === 'object' ? yamlBlock(v, indent + 2) : ` ${String(v)}`}`).join('');
  }
  return ` ${String(value)}`;
}
