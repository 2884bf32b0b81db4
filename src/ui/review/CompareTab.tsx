import { useEffect, useState } from 'react';
import type { WorkspaceDiff } from '../../core/review/index.ts';
import { useStudio } from '../../store/index.ts';
import { analysisClient } from '../useAnalysis.ts';
import { CompareView } from './CompareView.tsx';

/** Connects the Compare view: the chosen base files are diffed against the current workspace on every analysis. */
export function CompareTab() {
  const version = useStudio((s) => s.analysis?.version);
  const [base, setBase] = useState<{ label: string; files: { name: string; text: string }[] } | null>(null);
  const [diff, setDiff] = useState<WorkspaceDiff | null>(null);
  useEffect(() => {
    if (!base || version === undefined) return;
    let live = true;
    void analysisClient().diff(version, base.files).then((answer) => {
      if (live) setDiff(answer.diff);
    });
    return () => {
      live = false;
    };
  }, [base, version]);
  return <CompareView baseLabel={base?.label ?? ''} diff={diff} onLoadBase={(files) => setBase({ label: files.map((f) => f.name).join(', '), files })} />;
}
