import { useMemo, useState } from 'react';
import { useStudio } from '../../store/index.ts';
import { routerRows, sortRows, type RouterRow, type SortKey } from './rows.ts';

const COLUMNS: { key: SortKey; label: string }[] = [
  { key: 'name', label: 'Router' },
  { key: 'entryPoints', label: 'EntryPoints' },
  { key: 'rule', label: 'Rule' },
  { key: 'priority', label: 'Priority' },
  { key: 'middlewares', label: 'Middlewares' },
  { key: 'service', label: 'Service' },
  { key: 'tls', label: 'TLS option' },
];

/** Every router as Traefik would list it, sortable and filterable; a row click shows its YAML. */
export function RoutersTable() {
  const config = useStudio((s) => s.analysis?.summary.config);
  const [filter, setFilter] = useState('');
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({ key: 'priority', desc: true });
  const rows = useMemo(() => (config ? routerRows(config) : []), [config]);
  const shown = useMemo(() => {
    const q = filter.trim().toLowerCase();
    const filtered = q ? rows.filter((r) => r.search.includes(q)) : rows;
    return sortRows(filtered, sort.key, sort.desc);
  }, [rows, filter, sort]);

  const open = (r: RouterRow) => {
    const s = useStudio.getState();
    s.select({ routerName: r.name, resourceId: r.origin.resourceId, from: 'routers' });
    s.revealRange(r.origin.file, r.origin.range);
  };

  return (
    <section className="routers" aria-label="Routers">
      <div className="toolbar">
        <input
          type="search"
          placeholder="Filter by name, rule, entryPoint, service…"
          aria-label="Filter routers"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
        />
        <span className="muted">{shown.length} of {rows.length} routers</span>
      </div>
      <div className="table-scroll">
        <table className="data-table">
          <thead>
            <tr>
              {COLUMNS.map((c) => (
                <th key={c.key} aria-sort={sort.key === c.key ? (sort.desc ? 'descending' : 'ascending') : 'none'}>
                  <button
                    type="button"
                    onClick={() => setSort({ key: c.key, desc: sort.key === c.key ? !sort.desc : c.key === 'priority' })}
                  >
                    {c.label}
                    {sort.key === c.key ? (sort.desc ? ' ▼' : ' ▲') : ''}
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr key={r.name} className={r.disabled ? 'disabled' : undefined} onClick={() => open(r)}>
                <td className="mono">
                  <button type="button" className="link" onClick={() => open(r)} title={r.disabled ?? r.name}>
                    {r.name}
                  </button>
                  {r.disabled && <span className="badge badge-error" title={r.disabled}>not served</span>}
                </td>
                <td>{r.entryPoints.join(', ')}</td>
                <td className="mono rule-cell" title={r.rule}>{r.rule}</td>
                <td className="num" title={r.priorityExplanation}>{r.effectivePriority}</td>
                <td className="mono">{r.middlewares.join(', ')}</td>
                <td className="mono">{r.service}</td>
                <td className="mono">{r.tls}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
