import { useState } from 'react';
import { useStudio } from '../../store/index.ts';
import { headerLines, parseHeaderLines } from './verdict-json.ts';

/** The rest of the request, folded under the request bar: client IP, entryPoint, SNI and headers. */
export function RequestOptions() {
  const request = useStudio((s) => s.request);
  const entryPoints = useStudio((s) => s.settings.entryPoints);
  const setRequest = useStudio((s) => s.setRequest);
  const [headersText, setHeadersText] = useState(() => headerLines(request.headers));
  const sniMode = request.sni === undefined ? 'url' : request.sni === null ? 'none' : 'custom';

  return (
    <div className="request-options" id="request-options">
      <label>
        Client IP
        <input className="mono" value={request.clientIP} onChange={(e) => setRequest({ clientIP: e.target.value })} />
      </label>
      <label>
        EntryPoint
        <select value={request.entryPoint ?? ''} onChange={(e) => setRequest({ entryPoint: e.target.value || undefined })}>
          <option value="">by the URL's port</option>
          {entryPoints.map((ep) => (
            <option key={ep.name} value={ep.name}>
              {ep.name} (:{ep.port})
            </option>
          ))}
        </select>
      </label>
      <label>
        SNI mode
        <select
          value={sniMode}
          onChange={(e) => {
            const mode = e.target.value;
            let host = '';
            try {
              host = new URL(request.url).hostname;
            } catch {
              // An unfinished URL: the custom SNI starts empty.
            }
            setRequest({ sni: mode === 'url' ? undefined : mode === 'none' ? null : host });
          }}
        >
          <option value="url">the URL's host</option>
          <option value="custom">another name…</option>
          <option value="none">none (no SNI)</option>
        </select>
      </label>
      {sniMode === 'custom' && (
        <label>
          SNI
          <input className="mono" value={request.sni ?? ''} onChange={(e) => setRequest({ sni: e.target.value })} />
        </label>
      )}
      <label className="wide">
        Headers (one <code>Name: value</code> per line)
        <textarea
          className="mono"
          rows={2}
          value={headersText}
          spellCheck={false}
          onChange={(e) => {
            setHeadersText(e.target.value);
            setRequest({ headers: parseHeaderLines(e.target.value) });
          }}
        />
      </label>
    </div>
  );
}
