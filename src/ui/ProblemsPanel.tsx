import { useMemo, useState } from 'react';
import { createPortal } from 'react-dom';
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
export function ProblemsPanel({ filtersSlot }: { filtersSlot?: HTMLElement | null } = {}) {
  const diagnostics = useDeferredStudio(selectDiagnostics);
  const resources = useDeferredStudio(selectResources);
  // Line and column from the texts the analysis read: the store's files run ahead of it while the user types
  // (positions of an older analysis in a newer text were off by the edit, then right again: every row re-laid out).
  const files = useDeferredStudio((s) => s.analysedFiles ?? s.files);
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

  // With nothing to show the region stays (specs and screen readers find it) but takes no room:
  // the strip's tab says "Problems (0)".
  if (diagnostics.length === 0) return <section className="problems" aria-label="Problems" />;
  // The filters sit in the bottom strip's tab bar when it offers a slot (one line less for the list).
  const filters = (
    <div className="problems-filters" role="group" aria-label="Problem filters">
      {SEVERITIES.map((s) => (
        <label key={s} className="toggle">
          <input type="checkbox" checked={shown[s]} onChange={(e) => setShown({ ...shown, [s]: e.target.checked })} />
          {s === 'info' ? 'infos' : `${s}s`} ({diagnostics.filter((d) => d.severity === s).length})
        </label>
      ))}
      <label className="toggle">
        Code
        <select value={code} onChange={(e) => setCode(e.target.value)}>
          <option value="">all</option>
          {codes.map((c) => (
            <option key={c} value={c}>{c}</option>
          ))}
        </select>
      </label>
    </div>
  );
  return (
    <section className="problems" aria-label="Problems">
      {filtersSlot ? createPortal(filters, filtersSlot) : filters}
      <div className="problems-list">
        {groups.length === 0 && <p className="empty">No problems match the filter.</p>}
        {diagnostics.length > MAX_LISTED && (
          <p className="empty">Showing the first {MAX_LISTED} of {diagnostics.length} problems: filter by severity or code to see the others.</p>
        )}
        {groups.map((g) => (
          <div key={g.key} className="problem-group" role="group" aria-label={g.title}>
            <div className="problem-group-title" aria-hidden="true">{g.title}</div>
            <ul className="problem-items">
              {g.items.map(({ d, line, column }, i) => (
                <li key={i}>
                  <button type="button" className={`problem sev-${d.severity}`} onClick={() => jump(d)}>
                    <span className={`sev-dot sev-${d.severity}`} aria-hidden="true" />
                    <span className="visually-hidden">{d.severity}: </span>
                    <span className="problem-msg">{d.message}</span>
                    <span className="problem-code">{d.code}</span>
                    <span className="problem-pos">
                      {d.file}:{line}:{column}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </div>
    </section>
  );
}
