import { useMemo } from 'react';
import { caseFromVerdict, DEFAULT_TESTS_FILE, findTestsFile, readCases, serializeCases, uniqueCaseName } from '../../core/review/index.ts';
import type { TestCase, VerdictJson } from '../../core/simulate/index.ts';
import { useStudio } from '../../store/index.ts';
import { analysisClient } from '../useAnalysis.ts';
import { TestsPanel } from './TestsPanel.tsx';

/** Connects the Tests panel to the workspace: cases live in its `*.routes-test.yaml` file, results come from the worker. */
export function TestsTab() {
  const files = useStudio((s) => s.files);
  const tests = useStudio((s) => s.analysis?.tests ?? null);
  const testsFile = findTestsFile(files);
  const text = testsFile?.text ?? '';
  const cases = useMemo(() => readCases(text).cases, [text]);

  const save = (next: TestCase[]) => useStudio.getState().setText(testsFile?.name ?? DEFAULT_TESTS_FILE, serializeCases(next));
  const record = async () => {
    const s = useStudio.getState();
    if (!s.analysis) return;
    const answer = await analysisClient().simulate(s.analysis.version, s.request);
    const name = uniqueCaseName(cases, `${s.request.method} ${s.request.url}`);
    save([...cases, caseFromVerdict(name, s.request, answer.json as VerdictJson, useStudio.getState().analysis?.summary.config)]);
  };
  const selectRouter = (name: string) => {
    const s = useStudio.getState();
    const origin = s.analysis?.summary.config.routers[name]?.origin;
    if (!origin) return;
    s.select({ routerName: name, resourceId: origin.resourceId, from: 'routers' });
    s.revealRange(origin.file, origin.range);
  };
  return (
    <TestsPanel
      cases={cases}
      results={tests && tests.file === (testsFile?.name ?? '') ? tests.results : null}
      coverage={tests?.coverage ?? null}
      onRecord={() => void record()}
      onChange={save}
      onSelectRouter={selectRouter}
    />
  );
}
