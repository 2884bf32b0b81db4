import { useDeferredValue, useMemo, useState, type KeyboardEvent } from 'react';
import { useStudio } from '../../store/index.ts';
import { selectDiagnostics } from '../../store/selectors.ts';
import { addText } from './import.ts';
import { applyTextEdits } from '../editor/bridge.ts';

const SERVER_FIELDS = /^\s*"?(managedFields|resourceVersion|creationTimestamp|uid)"?\s*:|last-applied-configuration/m;

/** One tab per workspace file, with its problem count; files are analysed together. */
export function FileTabs() {
  const files = useStudio((s) => s.files);
  const active = useStudio((s) => s.activeFile);
  const diagnostics = useStudio(selectDiagnostics);
  const [renaming, setRenaming] = useState<string | null>(null);
  // Scanning a large file for server fields on every keystroke cost ~5 ms: done in the background.
  const activeText = useDeferredValue(files.find((f) => f.name === active)?.text ?? '');
  const hasServerFields = useMemo(() => SERVER_FIELDS.test(activeText), [activeText]);
  const errorsByFile = useMemo(() => {
    const counts = new Map<string, number>();
    for (const d of diagnostics) if (d.severity === 'error') counts.set(d.file, (counts.get(d.file) ?? 0) + 1);
    return counts;
  }, [diagnostics]);

  const close = (name: string) => {
    const file = files.find((f) => f.name === name);
    if (file?.text.trim() && !window.confirm(`Close ${name}? Its text will be removed from the workspace.`)) return;
    const rest = files.filter((f) => f.name !== name);
    const s = useStudio.getState();
    s.replaceWorkspace(rest.length ? rest : [{ name: 'workspace.yaml', text: '' }]);
    if (active !== name && rest.some((f) => f.name === active)) s.setActiveFile(active);
  };
  const rename = (from: string, to: string) => {
    setRenaming(null);
    const name = to.trim();
    if (!name || name === from || files.some((f) => f.name === name)) return;
    const s = useStudio.getState();
    s.replaceWorkspace(files.map((f) => (f.name === from ? { ...f, name } : f)));
    s.setActiveFile(name);
  };

  // Arrows move between files, Delete closes the focused one, F2 renames it (WAI-ARIA tabs pattern).
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const name = (e.target as HTMLElement).dataset['file'];
    if (name === undefined) return;
    const i = files.findIndex((f) => f.name === name);
    if (e.key === 'Delete') close(name);
    else if (e.key === 'F2') setRenaming(name);
    else if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
      const next = files[(i + (e.key === 'ArrowRight' ? 1 : files.length - 1)) % files.length]!;
      useStudio.getState().setActiveFile(next.name);
      e.currentTarget.querySelector<HTMLElement>(`[data-file="${CSS.escape(next.name)}"]`)?.focus();
    } else return;
    e.preventDefault();
  };

  return (
    <div className="file-tabs">
      <div role="tablist" aria-label="Files" className="file-tab-list" onKeyDown={onKeyDown}>
        {files.map((f) => {
          const errors = errorsByFile.get(f.name) ?? 0;
          return (
            <div key={f.name} className={`file-tab${f.name === active ? ' active' : ''}`}>
              {renaming === f.name ? (
                <input
                  autoFocus
                  aria-label="File name"
                  defaultValue={f.name}
                  onBlur={(e) => rename(f.name, e.target.value)}
                  onKeyDown={(e) => e.key === 'Enter' && rename(f.name, e.currentTarget.value)}
                />
              ) : (
                <button
                  type="button"
                  role="tab"
                  aria-selected={f.name === active}
                  tabIndex={f.name === active ? 0 : -1}
                  data-file={f.name}
                  onClick={() => useStudio.getState().setActiveFile(f.name)}
                  onDoubleClick={() => setRenaming(f.name)}
                  title={`${f.name} (double-click or F2 to rename, Delete to close)`}
                >
                  <span className="file-tab-name">{f.name}</span>
                  {errors > 0 && (
                    <span className="badge badge-error">
                      {errors}
                      <span className="visually-hidden"> errors</span>
                    </span>
                  )}
                </button>
              )}
              {/* Out of the tab order and the accessibility tree (a tablist holds tabs only): Delete on the tab closes it. */}
              <button type="button" className="close" aria-hidden="true" tabIndex={-1} title={`Close ${f.name}`} onClick={() => close(f.name)}>×</button>
            </div>
          );
        })}
      </div>
      <button type="button" className="add-file" aria-label="New file" onClick={() => void addText(`untitled.yaml`, '')}>+</button>
      {hasServerFields && (
        <button
          type="button"
          className="strip"
          title="Remove status, managedFields, resourceVersion, uid, creationTimestamp and the last-applied annotation"
          onClick={async () => {
            // Loaded on first use: it parses and edits the YAML, which the page otherwise leaves to the worker.
            const { stripServerFields } = await import('../../core/files/strip.ts');
            const state = useStudio.getState();
            const file = state.files.find((f) => f.name === state.activeFile);
            if (!file) return;
            const { text } = stripServerFields(file.name, file.text);
            applyTextEdits(file.name, [{ range: { start: 0, end: file.text.length }, text }]);
          }}
        >
          Strip server fields
        </button>
      )}
    </div>
  );
}
