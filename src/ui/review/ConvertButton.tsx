import { useStudio } from '../../store/index.ts';
import { analysisClient } from '../useAnalysis.ts';
import { setCompareBase } from './compare-base.ts';

/**
 * "Convert to IngressRoute": rewrites the workspace's Ingresses as IngressRoutes and Middlewares, keeps
 * the Ingress version as the Compare base (the proof: requests routed differently, ideally none) and
 * lists what could not be converted there.
 */
export function ConvertButton({ onMessages }: { onMessages(messages: string[]): void }) {
  const ingresses = useStudio((s) => s.analysis?.summary.resources.filter((r) => r.kind === 'Ingress').length ?? 0);
  if (ingresses === 0) return null;
  const convert = async () => {
    const state = useStudio.getState();
    const before = state.files.map((f) => ({ name: f.name, text: f.text }));
    const answer = await analysisClient().convert(state.analysis?.version ?? state.version);
    if (answer.type !== 'convert') return;
    setCompareBase({ label: `${before.map((f) => f.name).join(', ')} before the conversion`, files: before, equivalence: answer.equivalence, notes: answer.notConverted });
    for (const f of answer.files) useStudio.getState().setText(f.name, f.text);
    useStudio.getState().setBottomTab('compare');
    onMessages([`Converted ${answer.converted} Ingress(es) to IngressRoutes; Compare shows the requests routed differently${answer.notConverted.length ? ` and ${answer.notConverted.length} thing(s) not converted exactly` : ''}.`]);
  };
  return (
    <button type="button" onClick={() => void convert()} title="Rewrite the Ingresses as IngressRoute and Middleware documents, and compare the routing before and after">
      Convert to IngressRoute
    </button>
  );
}
