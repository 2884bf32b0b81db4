import { useState } from 'react';
import { useStudio } from '../../store/index.ts';
import { headerLines, parseHeaderLines } from './verdict-json.ts';

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];

/** The request to simulate: method, URL, headers, client IP, SNI and entryPoint. */
export function RequestForm() {
  const request = useStudio((s) => s.request);
  const entryPoints = useStudio((s) => s.settings.entryPoints);
  const setRequest = useStudio((s) => s.setRequest);
  const [headersText, setHeadersText] = useState(() => headerLines(request.headers));
  const sniMode = request.sni === undefined ? 'url' : request.sni === null ? 'none' : 'custom';

  return (
    <form className="request-form" aria-label="Request" onSubmit={(e) => e.preventDefault()}>
      <div className="row">
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
          onChange={(e) => setRequest({ url: e.target.value })}
          onBlur={() => useStudio.getState().remember(useStudio.getState().request)}
        />
      </div>
      <div className="grid2">
        <label>
          Client IP
          <input className="mono" value={request.clientIP} onChange={(e) => setRequest({ clientIP: e.target.value })} />
        </label>
        <label>
          EntryPoint
          <select
            value={request.entryPoint ?? ''}
            onChange={(e) => setRequest({ entryPoint: e.target.value || undefined })}
          >
            <option value="">by the URL's port</option>
            {entryPoints.map((ep) => (
              <option key={ep.name} value={ep.name}>
                {ep.name} (:{ep.port})
              </option>
            ))}
          </select>
        </label>
        <label>
          SNI
          <select
            aria-label="SNI mode"
            value={sniMode}
            onChange={(e) => {
              const mode = e.target.value;
              setRequest({ sni: mode === 'url' ? undefined : mode === 'none' ? null : new URL(request.url).hostname });
            }}
          >
            <option value="url">the URL's host</option>
            <option value="custom">another name…</option>
            <option value="none">none (no SNI)</option>
          </select>
        </label>
        {sniMode === 'custom' && (
          <label>
            Server name
            <input aria-label="SNI" className="mono" value={request.sni ?? ''} onChange={(e) => setRequest({ sni: e.target.value })} />
          </label>
        )}
      </div>
      <label className="block">
        Headers (one <code>Name: value</code> per line)
        <textarea
          className="mono"
          rows={3}
          aria-label="Headers"
          value={headersText}
          spellCheck={false}
          onChange={(e) => {
            setHeadersText(e.target.value);
            setRequest({ headers: parseHeaderLines(e.target.value) });
          }}
        />
      </label>
    </form>
  );
}
