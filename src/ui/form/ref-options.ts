/**
 * What the reference pickers offer and write: workspace resources as options (namespace-aware, other
 * namespaces marked by the provider's allowCrossNamespace), and the form intents a choice makes.
 */
import type { Path } from '../../core/types.ts';
import type { ResourceSummary } from '../../core/analyze.ts';
import type { FormIntent } from './context.ts';
import type { RefOption } from './RefSelect.tsx';

export type Ref = { name?: unknown; namespace?: unknown; kind?: unknown; port?: unknown };

const crossLabel = (allowCross: boolean) => (allowCross ? ' — other namespace' : ' — other namespace: refused, allowCrossNamespace is off');

/** Middlewares: same namespace by name, others as `namespace/name`, marked (and disabled when refused). */
export function middlewareOptions(resources: readonly ResourceSummary[], namespace: string, allowCross: boolean): RefOption[] {
  return resources
    .filter((r) => r.kind === 'Middleware')
    .map((r) => {
      const type = r.middlewareType ? ` · ${r.middlewareType}` : '';
      if (r.namespace === namespace) return { value: r.name, label: `${r.name}${type}` };
      return { value: `${r.namespace}/${r.name}`, label: `${r.namespace}/${r.name}${type}${crossLabel(allowCross)}`, disabled: !allowCross };
    })
    .sort((a, b) => Number(a.value.includes('/')) - Number(b.value.includes('/')) || a.value.localeCompare(b.value));
}

/** The intents of choosing middleware `value` (`name` or `namespace/name`) for item `index` (null: a new item). */
export function middlewareIntents(path: Path, list: readonly Ref[], exists: boolean, index: number | null, value: string): FormIntent[] {
  const slash = value.indexOf('/');
  const ref = slash > 0 ? { name: value.slice(slash + 1), namespace: value.slice(0, slash) } : { name: value };
  if (index === null) return [exists ? { type: 'insert', path, index: list.length, value: ref } : { type: 'set', path, value: [ref] }];
  const out: FormIntent[] = [{ type: 'set', path: [...path, index, 'name'], value: ref.name }];
  if ('namespace' in ref) out.push({ type: 'set', path: [...path, index, 'namespace'], value: ref.namespace });
  else if (list[index]?.namespace !== undefined) out.push({ type: 'delete', path: [...path, index, 'namespace'] });
  return out;
}

/** `kind|namespace|name`: one select value whatever namespace and kind the reference has. */
export const serviceKey = (kind: string, ns: string, name: string) => `${kind}|${ns}|${name}`;

/** Services and TraefikServices; Services list their ports. */
export function serviceOptions(resources: readonly ResourceSummary[], namespace: string, allowCross: boolean): RefOption[] {
  return resources
    .filter((r) => r.kind === 'Service' || r.kind === 'TraefikService')
    .map((r) => {
      const ports = r.kind === 'Service' && r.ports?.length ? ` :${r.ports.map((p) => p.port).join(', :')}` : '';
      const what = r.kind === 'TraefikService' ? ' · TraefikService' : ports;
      const other = r.namespace !== namespace;
      return { value: serviceKey(r.kind, r.namespace, r.name), label: `${other ? `${r.namespace}/` : ''}${r.name}${what}${other ? crossLabel(allowCross) : ''}`, disabled: other && !allowCross };
    })
    .sort((a, b) => Number(a.label.includes(' — ')) - Number(b.label.includes(' — ')) || a.label.localeCompare(b.label));
}

/**
 * The intents of choosing service `value` (a serviceKey, or a typed name) for item `index` (null: new):
 * name, kind (TraefikService written, Service left implicit), namespace when it differs, and the
 * Service's first port unless the current port is one of its ports (a TraefikService has no port).
 */
export function serviceIntents(path: Path, list: readonly Ref[], exists: boolean, namespace: string, resources: readonly ResourceSummary[], index: number | null, value: string): FormIntent[] {
  const r = resources.find((x) => (x.kind === 'Service' || x.kind === 'TraefikService') && serviceKey(x.kind, x.namespace, x.name) === value);
  const cur: Ref = index === null ? {} : (list[index] ?? {});
  const name = r ? r.name : value;
  const kind = r ? r.kind : cur.kind === 'TraefikService' ? 'TraefikService' : 'Service';
  const ns = r ? r.namespace : typeof cur.namespace === 'string' ? cur.namespace : namespace;
  const ports = r?.ports ?? [];
  const portKept = cur.port !== undefined && ports.some((p) => p.port === cur.port || (p.name !== undefined && p.name === cur.port));
  const port = kind === 'Service' ? (portKept ? cur.port : (ports[0]?.port ?? cur.port)) : undefined;
  if (index === null) {
    const ref = { ...(kind === 'TraefikService' ? { kind } : {}), name, ...(ns !== namespace ? { namespace: ns } : {}), ...(port !== undefined ? { port } : {}) };
    return [exists ? { type: 'insert', path, index: list.length, value: ref } : { type: 'set', path, value: [ref] }];
  }
  const at = (k: string) => [...path, index, k];
  const out: FormIntent[] = [{ type: 'set', path: at('name'), value: name }];
  if (kind === 'TraefikService') out.push({ type: 'set', path: at('kind'), value: kind });
  else if (cur.kind !== undefined) out.push({ type: 'delete', path: at('kind') });
  if (ns !== namespace) out.push({ type: 'set', path: at('namespace'), value: ns });
  else if (cur.namespace !== undefined) out.push({ type: 'delete', path: at('namespace') });
  if (port !== undefined && port !== cur.port) out.push({ type: 'set', path: at('port'), value: port });
  if (port === undefined && cur.port !== undefined) out.push({ type: 'delete', path: at('port') });
  return out;
}
