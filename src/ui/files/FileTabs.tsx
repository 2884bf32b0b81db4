import { useDeferredValue, useMemo, useState } from 'react';
import { useStudio } from '../../store/index.ts';
import { selectDiagnostics } from '../../store/selectors.ts';
import { addText } from './import.ts';
import { stripServerFields } from '../../core/files/strip.ts';
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

  return (
    <div className="file-tabs" role="tablist" aria-label="Files">
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
                onClick={() => useStudio.getState().setActiveFile(f.name)}
                onDoubleClick={() => setRenaming(f.name)}
                title="Double-click to rename"
              >
                {f.name}
                {errors > 0 && <span className="badge badge-error" aria-label={`${errors} errors`}>{errors}</span>}
              </button>
            )}
            <button type="button" className="close" aria-label={`Close ${f.name}`} onClick={() => close(f.name)}>×</button>
          </div>
        );
      })}
      <button type="button" className="add-file" aria-label="New file" onClick={() => addText(`untitled.yaml`, '')}>+</button>
      {hasServerFields && (
        <button
          type="button"
          className="strip"
          title="Remove status, managedFields, resourceVersion, uid, creationTimestamp and the last-applied annotation"
          onClick={() => {
            const file = files.find((f) => f.name === active);
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
