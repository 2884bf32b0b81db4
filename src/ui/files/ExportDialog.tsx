import { useEffect, useRef, useState } from 'react';
import { useStudio } from '../../store/index.ts';
import { selectDiagnostics } from '../../store/selectors.ts';
import { allAsOne, dynamicJson, dynamicYaml, routersCsv } from './export-data.ts';
import { copy, download } from './download.ts';

/**
 * Validated export: with errors the dialog lists them and exports only after an explicit
 * "Export anyway"; with warnings it says so.
 */
export function ExportDialog({ onClose }: { onClose(): void }) {
  const files = useStudio((s) => s.files);
  const diagnostics = useStudio(selectDiagnostics);
  const config = useStudio((s) => s.analysis?.summary.config);
  const [forced, setForced] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => dialog.current?.showModal(), []);

  const errors = diagnostics.filter((d) => d.severity === 'error');
  const warnings = diagnostics.filter((d) => d.severity === 'warning');
  const blocked = errors.length > 0 && !forced;

  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="export-title" onClose={onClose}>
      <h2 id="export-title">Export</h2>
      {errors.length > 0 ? (
        <div role="alert" className="export-errors">
          <p>
            <strong>{errors.length} error{errors.length === 1 ? '' : 's'}</strong>: Traefik would not serve this configuration as written.
          </p>
          <ul>
            {errors.slice(0, 12).map((d, i) => (
              <li key={i}>
                <span className="mono">{d.file}</span> {d.message} <span className="problem-code">{d.code}</span>
              </li>
            ))}
            {errors.length > 12 && <li>… and {errors.length - 12} more</li>}
          </ul>
          {!forced && (
            <button type="button" onClick={() => setForced(true)}>Export anyway</button>
          )}
        </div>
      ) : (
        <p className="notice">
          Validated: no errors{warnings.length ? `, ${warnings.length} warning${warnings.length === 1 ? '' : 's'} (see Problems)` : ''}.
        </p>
      )}
      <h3>YAML</h3>
      <div className="button-row">
        {files.map((f) => (
          <button key={f.name} type="button" disabled={blocked} onClick={() => download(f.name, f.text)}>
            Download {f.name}
          </button>
        ))}
        <button type="button" disabled={blocked} onClick={() => download('ingressroutes.yaml', allAsOne(files))}>
          Download all as one file
        </button>
        <button
          type="button"
          disabled={blocked}
          onClick={() => void copy(allAsOne(files)).then((ok) => setNote(ok ? 'Copied to the clipboard.' : 'The clipboard is not available.'))}
        >
          Copy
        </button>
      </div>
      <h3>Traefik's view</h3>
      <div className="button-row">
        <button type="button" disabled={!config} onClick={() => config && download('dynamic.json', dynamicJson(config), 'application/json')}>
          Dynamic configuration (JSON)
        </button>
        <button type="button" disabled={!config} onClick={() => config && download('dynamic.yaml', dynamicYaml(config))}>
          Dynamic configuration (YAML)
        </button>
        <button type="button" disabled={!config} onClick={() => config && download('routers.csv', routersCsv(config), 'text/csv')}>
          Routers table (CSV)
        </button>
      </div>
      {note && <p role="status">{note}</p>}
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>Close</button>
      </div>
    </dialog>
  );
}
