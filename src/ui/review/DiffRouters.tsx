import type { Diagnostic } from '../../core/types.ts';
import type { WorkspaceDiff } from '../../core/review/types.ts';

function DiagnosticList({ label, items, kind }: { label: string; items: Diagnostic[]; kind: 'introduced' | 'fixed' }) {
  if (items.length === 0) return null;
  return (
    <ul className={`diff-list diag-${kind}`} aria-label={label}>
      {items.map((d, i) => (
        <li key={i}>
          <span className={`sev-dot sev-${d.severity}`} aria-hidden="true" />{' '}
          <span className="problem-code">{d.code}</span> <span className="muted">{d.file}</span> {d.message.split('\n')[0]}
        </li>
      ))}
    </ul>
  );
}

/** Routers added, removed and changed, and diagnostics introduced and fixed, of a workspace diff. */
export function DiffRouters({ diff }: { diff: WorkspaceDiff }) {
  const { added, removed, changed } = diff.routers;
  const { introduced, fixed } = diff.diagnostics;
  return (
    <>
      <h3 className="pane-title">Routers</h3>
      {added.length + removed.length + changed.length === 0 && <p className="empty">No router added, removed or changed.</p>}
      <ul className="diff-list" aria-label="Router changes">
        {added.map((r) => (
          <li key={`+${r.name}`} className="diff-added">
            <span className="diff-mark">added</span> <span className="mono">{r.name}</span>{' '}
            <span className="mono muted">{r.rule}</span>
          </li>
        ))}
        {removed.map((r) => (
          <li key={`-${r.name}`} className="diff-removed">
            <span className="diff-mark">removed</span> <span className="mono">{r.name}</span>{' '}
            <span className="mono muted">{r.rule}</span>
          </li>
        ))}
        {changed.map((c) => (
          <li key={`~${c.name}`} className="diff-changed">
            <span className="diff-mark">changed</span> <span className="mono">{c.name}</span>
            {c.previousName && <span className="muted"> (was <span className="mono">{c.previousName}</span>)</span>}
            <dl className="kv field-changes">
              {c.fields.map((f) => (
                <div key={f.field} className="field-change">
                  <dt>{f.field}</dt>
                  <dd className="mono">
                    <del>{f.before}</del> → <ins>{f.after}</ins>
                  </dd>
                </div>
              ))}
            </dl>
          </li>
        ))}
      </ul>
      <h3 className="pane-title">Diagnostics</h3>
      {introduced.length + fixed.length === 0 && <p className="empty">No diagnostic introduced or fixed.</p>}
      <DiagnosticList label="Diagnostics introduced" items={introduced} kind="introduced" />
      <DiagnosticList label="Diagnostics fixed" items={fixed} kind="fixed" />
    </>
  );
}
