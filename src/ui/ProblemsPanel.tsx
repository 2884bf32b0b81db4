import { useMemo, useState } from 'react';
import { useStudio } from '../store/index.ts';
import { useDeferredStudio } from './useDeferredStudio.ts';
import { resourceAt, selectDiagnostics, selectResources } from '../store/selectors.ts';
import { lineIndexFor } from '../core/line-cache.ts';
import type { Diagnostic, Severity } from '../core/types.ts';

const SEVERITIES: Severity[] = ['error', 'warning', 'info'];
const MAX_LISTED = 300;

interface Group {
  key: string;
  title: string;
  items: { d: Diagnostic; line: number; column: number }[];
}

/** Problems grouped by resource, filterable by severity and code; a click jumps to the range. */
export function ProblemsPanel() {
  const diagnostics = useDeferredStudio(selectDiagnostics);
  const resources = useDeferredStudio(selectResources);
  const files = useDeferredStudio((s) => s.files);
  const [shown, setShown] = useState<Record<Severity, boolean>>({ error: true, warning: true, info: true });
  const [code, setCode] = useState('');

  const codes = useMemo(() => [...new Set(diagnostics.map((d) => d.code))].sort(), [diagnostics]);
  const groups = useMemo(() => {
    const out = new Map<string, Group>();
    let listed = 0;
    for (const d of diagnostics) {
      if (!shown[d.severity] || (code && d.code !== code)) continue;
      // Thousands of rows would freeze the page; the filters narrow the list.
      if (++listed > MAX_LISTED) break;
      const text = files.find((f) => f.name === d.file)?.text ?? '';
      const { line, column } = lineIndexFor(text).positionAt(d.range.start);
      const r = resourceAt(resources, d.file, d.range.start);
      const key = r ? r.id : `file:${d.file}`;
      const title = r ? `${r.kind} ${r.namespace}/${r.name}` : d.file;
      const g = out.get(key) ?? { key, title, items: [] };
      g.items.push({ d, line, column });
      out.set(key, g);
    }
    return [...out.values()];
  }, [diagnostics, resources, files, shown, code]);

  const jump = (d: Diagnostic) => {
    useStudio.getState().revealRange(d.file, d.range);
  };

  return (
    <section className="problems" aria-label="Problems">
      <header className="pane-header">
        <h2 className="pane-title">Problems</h2>
        {SEVERITIES.map((s) => (
          <label key={s} className="toggle">
            <input type="checkbox" checked={shown[s]} onChange={(e) => setShown({ ...shown, [s]: e.target.checked })} />
            {s === 'info' ? 'infos' : `${s}s`} ({diagnostics.filter((d) => d.severity === s).length})
          </label>
        ))}
        <label className="toggle">
          Code
          <select value={code} onChange={(e) => setCode(e.target.value)} aria-label="Filter by code">
            <option value="">all</option>
            {codes.map((c) => (
              <option key={c} value={c}>{c}</option>
            ))}
          </select>
        </label>
      </header>
      <div className="problems-list" role="list">
        {groups.length === 0 && <p className="empty">No problems{diagnostics.length ? ' match the filter' : ''}.</p>}
        {diagnostics.length > MAX_LISTED && (
          <p className="empty">Showing the first {MAX_LISTED} of {diagnostics.length} problems: filter by severity or code to see the others.</p>
        )}
        {groups.map((g) => (
          <div key={g.key} className="problem-group" role="group" aria-label={g.title}>
            <div className="problem-group-title">{g.title}</div>
            {g.items.map(({ d, line, column }, i) => (
              <button type="button" role="listitem" key={i} className={`problem sev-${d.severity}`} onClick={() => jump(d)}>
                <span className={`sev-dot sev-${d.severity}`} aria-label={d.severity} />
                <span className="problem-msg">{d.message}</span>
                <span className="problem-code">{d.code}</span>
                <span className="problem-pos">
                  {d.file}:{line}:{column}
                </span>
              </button>
            ))}
          </div>
        ))}
      </div>
    </section>
  );
}
