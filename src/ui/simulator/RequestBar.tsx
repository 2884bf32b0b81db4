import { useMemo, useState } from 'react';
import { useStudio } from '../../store/index.ts';
import { sampleRequests } from '../../core/simulate/sample.ts';
import { RequestOptions } from './RequestOptions.tsx';
import { headerLines } from './verdict-json.ts';

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];

/** The request to simulate, one line above the graph: method and URL, samples, history, and the rest folded. */
export function RequestBar() {
  const request = useStudio((s) => s.request);
  const setRequest = useStudio((s) => s.setRequest);
  const config = useStudio((s) => s.analysis?.summary.config);
  const history = useStudio((s) => s.history);
  const [more, setMore] = useState(false);
  // One sample per router costs a rule walk each: at thousands of routers that is done when the
  // list is first opened, not on every analysis.
  const [wantSamples, setWantSamples] = useState(false);
  const samples = useMemo(() => {
    if (!config || !wantSamples) return [];
    return Object.values(config.routers)
      .filter((r) => !r.disabled)
      .flatMap((r) => sampleRequests(r).slice(0, 1).map((req) => ({ label: `${r.name}: ${req.method} ${req.url}`, req })));
  }, [config, wantSamples]);

  return (
    <section className="request-bar" aria-label="Request">
      <form className="request-row" onSubmit={(e) => e.preventDefault()}>
        <select aria-label="Method" value={request.method} onChange={(e) => setRequest({ method: e.target.value })}>
          {METHODS.map((m) => (
            <option key={m}>{m}</option>
          ))}
        </select>
        <input
          className="grow mono"
          aria-label="URL"
          value={request.url}
          spellCheck={false}
          placeholder="https://host/path"
          onChange={(e) => setRequest({ url: e.target.value })}
          onBlur={() => useStudio.getState().remember(useStudio.getState().request)}
        />
        <select
          className="compact-select"
          aria-label="Sample request per router"
          value=""
          onFocus={() => setWantSamples(true)}
          onPointerDown={() => setWantSamples(true)}
          onChange={(e) => {
            const pick = samples[Number(e.target.value)];
            if (pick) setRequest({ ...pick.req, sni: undefined, entryPoint: undefined });
          }}
        >
          <option value="">Samples…</option>
          {samples.map((s, i) => (
            <option key={i} value={i}>{s.label}</option>
          ))}
        </select>
        <button type="button" aria-expanded={more} aria-controls="request-options" onClick={() => setMore(!more)} title="Client IP, entryPoint, SNI, headers">
          {more ? 'Less' : 'More…'}
        </button>
      </form>
      {more && (
        <div className="request-more">
          <RequestOptions />
          {history.length > 0 && (
            <label className="request-history">
              Earlier requests
              <select
                value=""
                onChange={(e) => {
                  const req = history[Number(e.target.value)];
                  if (req) setRequest(req);
                }}
              >
                <option value="">History…</option>
                {history.map((r, i) => (
                  <option key={i} value={i} title={headerLines(r.headers)}>
                    {r.method} {r.url}
                  </option>
                ))}
              </select>
            </label>
          )}
        </div>
      )}
    </section>
  );
}
