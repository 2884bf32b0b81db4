import { useRef, useState } from 'react';
import { diffSummary, outcomeText } from '../../core/review/diff-format.ts';
import type { RoutingChange, WorkspaceDiff } from '../../core/review/types.ts';
import { DiffRouters } from './DiffRouters.tsx';
import './review.css';

export interface CompareViewProps {
  /** What the current workspace is compared with (file names), '' before a base is loaded. */
  baseLabel: string;
  diff: WorkspaceDiff | null;
  onLoadBase(files: { name: string; text: string }[]): void;
}

function RoutingRow({ change }: { change: RoutingChange }) {
  return (
    <tr className={change.winnerChanged ? 'winner-changed' : undefined}>
      <td className="mono">{change.label}</td>
      <td className="mono">{outcomeText(change.before)}</td>
      <td className="mono">
        {change.winnerChanged ? <mark data-testid="changed-winner">{outcomeText(change.after)}</mark> : outcomeText(change.after)}
      </td>
      <td>
        <ul className="change-lines">
          {change.changes.map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ul>
      </td>
    </tr>
  );
}

/** "Compare with…": load another version of the files and see what the current one changes in routing. */
export function CompareView({ baseLabel, diff, onLoadBase }: CompareViewProps) {
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | null>(null);
  const load = async (list: FileList | null) => {
    if (!list || list.length === 0) return;
    try {
      const files = await Promise.all([...list].map(async (f) => ({ name: f.name, text: await f.text() })));
      setError(null);
      onLoadBase(files);
    } catch (e) {
      setError(`Cannot read the file: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  return (
    <section className="review-panel compare-view" aria-label="Compare versions">
      <div className="toolbar">
        <button type="button" className="primary" onClick={() => input.current?.click()}>
          Compare with…
        </button>
        <input
          ref={input}
          type="file"
          multiple
          accept=".yaml,.yml,application/yaml,text/yaml"
          className="visually-hidden"
          aria-label="Base version files"
          tabIndex={-1}
          onChange={(e) => {
            void load(e.target.files);
            e.target.value = '';
          }}
        />
        <span className="muted">{baseLabel ? `Base: ${baseLabel} → head: the current workspace` : 'Choose the version to compare the workspace with (e.g. the main branch files).'}</span>
      </div>
      {error && <p role="alert" className="notice notice-warning">{error}</p>}
      {diff && (
        <div className="diff-body">
          <p role="status" className="diff-summary" data-testid="diff-summary">{diffSummary(diff)}</p>
          <h3 className="pane-title">Requests routed differently</h3>
          {diff.routing.length === 0 ? (
            <p className="empty">No request is routed differently ({diff.replayed} witness requests replayed against both versions).</p>
          ) : (
            <div className="table-scroll">
              <table className="data-table routing-diff" aria-label="Routing changes">
                <thead>
                  <tr>
                    <th scope="col">Request</th>
                    <th scope="col">Before</th>
                    <th scope="col">After</th>
                    <th scope="col">Changes</th>
                  </tr>
                </thead>
                <tbody>
                  {diff.routing.map((c, i) => (
                    <RoutingRow key={i} change={c} />
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <DiffRouters diff={diff} />
        </div>
      )}
    </section>
  );
}
