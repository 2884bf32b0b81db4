import { useMemo } from 'react';
import { useStudio } from '../../store/index.ts';
import { sampleRequests } from '../../core/simulate/index.ts';
import { RequestForm } from './RequestForm.tsx';
import { VerdictView } from './VerdictView.tsx';
import { useSimulation } from './useSimulation.ts';
import { headerLines } from './verdict-json.ts';

/** Ask "which route, which TLS option and which backend would this request get, and why?" */
export function SimulatorPanel() {
  const { json, error } = useSimulation();
  const config = useStudio((s) => s.analysis?.summary.config);
  const history = useStudio((s) => s.history);
  const samples = useMemo(() => {
    if (!config) return [];
    return Object.values(config.routers)
      .filter((r) => !r.disabled)
      .flatMap((r) => sampleRequests(r).slice(0, 1).map((req) => ({ label: `${r.name}: ${req.method} ${req.url}`, req })));
  }, [config]);

  return (
    <div className="simulator">
      <div className="toolbar">
        <select
          aria-label="Sample request per router"
          value=""
          onChange={(e) => {
            const pick = samples[Number(e.target.value)];
            if (pick) useStudio.getState().setRequest({ ...pick.req, sni: undefined, entryPoint: undefined });
          }}
        >
          <option value="">Sample request for a router…</option>
          {samples.map((s, i) => (
            <option key={i} value={i}>{s.label}</option>
          ))}
        </select>
        {history.length > 0 && (
          <select
            aria-label="Request history"
            value=""
            onChange={(e) => {
              const req = history[Number(e.target.value)];
              if (req) useStudio.getState().setRequest(req);
            }}
          >
            <option value="">History…</option>
            {history.map((r, i) => (
              <option key={i} value={i} title={headerLines(r.headers)}>
                {r.method} {r.url}
              </option>
            ))}
          </select>
        )}
      </div>
      <RequestForm />
      {error && <p role="alert" className="notice notice-warning">{error}</p>}
      {json && <VerdictView json={json} />}
    </div>
  );
}
