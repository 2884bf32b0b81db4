import { useEffect, useState } from 'react';
import type { WorkspaceDiff } from '../../core/review/index.ts';
import { useStudio } from '../../store/index.ts';
import { analysisClient } from '../useAnalysis.ts';
import { CompareView } from './CompareView.tsx';
import { subscribeCompareBase, type CompareBase } from './compare-base.ts';

/** Connects the Compare view: the chosen base files are diffed against the current workspace on every analysis. */
export function CompareTab() {
  const version = useStudio((s) => s.analysis?.version);
  const [base, setBase] = useState<CompareBase | null>(null);
  const [diff, setDiff] = useState<WorkspaceDiff | null>(null);
  useEffect(() => {
    const sub = subscribeCompareBase(setBase);
    if (sub.initial) setBase(sub.initial);
    return sub.unsubscribe;
  }, []);
  useEffect(() => {
    if (!base || version === undefined) return;
    let live = true;
    void analysisClient().diff(version, base.files, base.equivalence).then((answer) => {
      if (live) setDiff(answer.diff);
    });
    return () => {
      live = false;
    };
  }, [base, version]);
  return (
    <>
      {base?.notes && base.notes.length > 0 && (
        <section className="review-panel" aria-label="Not converted">
          <h3 className="pane-title">Not converted exactly ({base.notes.length})</h3>
          <ul className="change-lines">
            {base.notes.map((n, i) => (
              <li key={i}>{n}</li>
            ))}
          </ul>
        </section>
      )}
      <CompareView baseLabel={base?.label ?? ''} diff={diff} onLoadBase={(files) => setBase({ label: files.map((f) => f.name).join(', '), files })} />
    </>
  );
}
