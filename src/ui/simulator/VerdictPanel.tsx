import { VerdictView } from './VerdictView.tsx';
import { useSimulation } from './useSimulation.ts';

/** The verdict of the request bar's request, re-simulated on every edit; the graph lights the same path. */
export function VerdictPanel() {
  const { json, error } = useSimulation();
  return (
    <section className="verdict-panel" aria-label="Verdict">
      {error && <p role="alert" className="verdict-error">{error}</p>}
      {json ? <VerdictView json={json} /> : !error && <p className="empty">Type a URL in the request bar to see which router takes it.</p>}
    </section>
  );
}
