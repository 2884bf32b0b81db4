import { useState, type ReactNode } from 'react';
import { useStudio } from '../../store/index.ts';
import type { Origin } from '../../core/types.ts';
import type { VerdictJson } from './verdict-json.ts';

/** A router, middleware or service name: a click selects its node in the graph and its YAML. */
function Ref({ name }: { name: string }) {
  const config = useStudio((s) => s.analysis?.summary.config);
  const kind = config?.routers[name] ? 'router' : config?.middlewares[name] ? 'middleware' : config?.services[name] ? 'service' : null;
  const origin: Origin | undefined = config?.routers[name]?.origin ?? config?.middlewares[name]?.origin ?? config?.services[name]?.origin;
  if (!kind) return <span className="mono">{name}</span>;
  return (
    <button
      type="button"
      className={`link mono ref-${kind}`}
      title={`Select ${kind} ${name} in the graph and the YAML`}
      onClick={() => {
        const s = useStudio.getState();
        // The graph's node ids are `<kind>:<Traefik name>` (core/graph/build.ts).
        s.select({ nodeId: `${kind}:${name}`, resourceId: origin?.resourceId, routerName: kind === 'router' ? name : undefined, from: 'simulator' });
        if (origin) s.revealRange(origin.file, origin.range);
      }}
    >
      {name}
    </button>
  );
}

const RANKING_SHOWN = 30;

function Step({ title, summary, children, open = false }: { title: string; summary: ReactNode; children?: ReactNode; open?: boolean }) {
  const [expanded, setExpanded] = useState(open);
  return (
    <li className="step">
      <button type="button" className="step-head" aria-expanded={expanded} onClick={() => setExpanded(!expanded)} disabled={!children}>
        <span className="step-title">{title}</span>
        <span className="step-summary">{summary}</span>
      </button>
      {expanded && children && <div className="step-body">{children}</div>}
    </li>
  );
}

function headerRows(headers: Record<string, string | string[]>) {
  return Object.entries(headers).flatMap(([k, v]) =>
    (Array.isArray(v) ? v : [v]).map((x, i) => (
      <tr key={`${k}-${i}`}>
        <td className="mono">{k}</td>
        <td className="mono">{x}</td>
      </tr>
    )),
  );
}

/** The verdict as a story: entryPoint → TLS → routing → middlewares → outcome, each expandable. */
export function VerdictView({ json }: { json: VerdictJson }) {
  // Thousands of ranked routers would be a long render on every keystroke: the matched ones and the
  // first others are listed, the rest on request.
  const [all, setAll] = useState(false);
  const ranked = json.ranking.map((r, i) => ({ ...r, rank: i + 1 })).filter((r) => all || r.rank <= RANKING_SHOWN || r.result === 'matched');
  const matched = json.ranking.filter((r) => r.result === 'matched');
  const outcome = json.outcome;
  const headline =
    outcome.type === 'forwarded' ? (
      <>
        <strong className="ok">Routed</strong> by <Ref name={json.router ?? ''} /> to <Ref name={outcome.service} />
      </>
    ) : (
      <>
        <strong className={outcome.status >= 400 ? 'bad' : 'ok'}>{outcome.status}</strong> answered by Traefik
        {json.router ? (
          <>
            {' '}
            on <Ref name={json.router} />
          </>
        ) : null}
      </>
    );
  return (
    <div className="verdict">
      <p className="headline" data-testid="verdict-headline">{headline}</p>
      <ol className="steps">
        <Step title="EntryPoint" summary={json.entryPoint ?? 'none'} />
        <Step
          title="TLS"
          summary={
            json.tls ? (
              <>
                option <span className="mono" data-testid="tls-option">{json.tls.option}</span>, SNI {json.tls.sni ?? '(none)'}
              </>
            ) : (
              'plain HTTP'
            )
          }
        >
          {json.tls && (
            <dl className="kv">
              <dt>SNI</dt>
              <dd className="mono">{json.tls.sni ?? '(none)'}</dd>
              <dt>TLS option</dt>
              <dd className="mono">{json.tls.option}</dd>
              <dt>Certificate</dt>
              <dd className="mono">{json.tls.certificate ?? 'none'}</dd>
            </dl>
          )}
        </Step>
        <Step
          title="Routing"
          summary={`${json.ranking.length} routers ranked, ${matched.length} matched`}
          open
        >
          <table className="data-table ranking">
            <thead>
              <tr>
                <th>#</th>
                <th>Router</th>
                <th>Priority</th>
                <th>Result</th>
                <th>Because</th>
              </tr>
            </thead>
            <tbody>
              {ranked.map((r) => (
                <tr key={r.router} className={`result-${r.result}${r.router === json.router ? ' winner' : ''}`}>
                  <td className="num">{r.rank}</td>
                  <td><Ref name={r.router} /></td>
                  <td className="num">{r.priority}</td>
                  <td>{r.router === json.router ? 'winner' : r.result}</td>
                  <td className="because">{r.because}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {ranked.length < json.ranking.length && (
            <button type="button" className="link" onClick={() => setAll(true)}>
              Show all {json.ranking.length} routers ({json.ranking.length - ranked.length} more)
            </button>
          )}
        </Step>
        <Step title="Middlewares" summary={json.middlewares.length ? `${json.middlewares.length} in order` : 'none'} open={json.middlewares.length > 0}>
          <ol className="mw-list">
            {json.middlewares.map((m, i) => (
              <li key={i}>
                <Ref name={m.name} />: {m.effect}
              </li>
            ))}
          </ol>
        </Step>
        <Step
          title="Outcome"
          summary={outcome.type === 'forwarded' ? `${outcome.upstream.method} ${outcome.upstream.url}` : `${outcome.status} ${outcome.body.trim()}`}
          open
        >
          {outcome.type === 'forwarded' ? (
            <>
              <p>
                Upstream request: <span className="mono" data-testid="upstream-url">{outcome.upstream.method} {outcome.upstream.url}</span>
              </p>
              <table className="data-table compact"><tbody>{headerRows(outcome.upstream.headers)}</tbody></table>
            </>
          ) : (
            <>
              <p>
                Response <strong data-testid="response-status">{outcome.status}</strong>
              </p>
              <table className="data-table compact"><tbody>{headerRows(outcome.headers)}</tbody></table>
              {outcome.body && <pre className="body">{outcome.body}</pre>}
            </>
          )}
        </Step>
      </ol>
    </div>
  );
}
