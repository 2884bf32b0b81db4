import type { DynamicConfig, Origin } from '../../core/types.ts';

export type SortKey = 'name' | 'entryPoints' | 'rule' | 'priority' | 'middlewares' | 'service' | 'tls';

export interface RouterRow {
  name: string;
  entryPoints: string[];
  rule: string;
  effectivePriority: number;
  priorityExplanation: string;
  middlewares: string[];
  service: string;
  tls: string;
  disabled?: string;
  origin: Origin;
  search: string;
}

/** The routers table's rows: one per router, as Traefik's dashboard would list it. */
export function routerRows(config: DynamicConfig): RouterRow[] {
  return Object.values(config.routers).map((r) => {
    const tls = r.tls ? r.tls.resolvedOptions : '—';
    const row: RouterRow = {
      name: r.name,
      entryPoints: r.entryPoints,
      rule: r.rule,
      effectivePriority: r.effectivePriority,
      priorityExplanation: r.priority === 0 ? 'length of the rule (no priority set)' : 'set explicitly',
      middlewares: r.middlewares,
      service: r.service,
      tls,
      origin: r.origin,
      search: [r.name, r.rule, r.service, tls, ...r.entryPoints, ...r.middlewares].join(' ').toLowerCase(),
    };
    if (r.disabled) row.disabled = r.disabled.reason;
    return row;
  });
}

export function sortRows(rows: RouterRow[], key: SortKey, desc: boolean): RouterRow[] {
  const value = (r: RouterRow): string | number => {
    switch (key) {
      case 'priority':
        return r.effectivePriority;
      case 'entryPoints':
        return r.entryPoints.join(',');
      case 'middlewares':
        return r.middlewares.join(',');
      default:
        return r[key];
    }
  };
  const sorted = [...rows].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
    return c || a.name.localeCompare(b.name);
  });
  return desc ? sorted.reverse() : sorted;
}
