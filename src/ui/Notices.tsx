import { useEffect, useState } from 'react';
import { autosave, useStudio } from '../store/index.ts';
import { watchOtherTabs } from './files/tab-guard.ts';

export interface Toast {
  id: number;
  text: string;
}

export interface NoticesProps {
  toasts: Toast[];
  onDismiss(id: number): void;
}

const TOAST_MS = 6000;

/**
 * Toasts in the bottom-right corner, over the page (they never push the layout): transient messages
 * (imports) leave by themselves; the other-tab and autosave warnings stay until dealt with.
 */
export function Notices({ toasts, onDismiss }: NoticesProps) {
  const [theirs, setTheirs] = useState<{ files: { name: string; text: string }[] } | null | undefined>(undefined);
  useEffect(() => watchOtherTabs(setTheirs), []);
  const [saveError, setSaveError] = useState<string | null>(null);
  useEffect(() => autosave.onStatus(setSaveError), []);
  return (
    <div className="notices toasts" aria-live="polite">
      {theirs !== undefined && (
        <div role="alert" className="toast toast-warning">
          <span>Another tab changed this workspace.</span>
          {theirs && (
            <button type="button" onClick={() => { useStudio.getState().replaceWorkspace(theirs.files); setTheirs(undefined); }}>
              Load the other tab's version
            </button>
          )}
          <button type="button" onClick={() => { const s = useStudio.getState(); s.replaceWorkspace([...s.files]); setTheirs(undefined); }}>
            Keep this tab's version
          </button>
        </div>
      )}
      {saveError && (
        <div role="alert" className="toast toast-warning">
          {saveError}
        </div>
      )}
      {toasts.map((t) => (
        <ToastItem key={t.id} toast={t} onDismiss={onDismiss} />
      ))}
    </div>
  );
}

function ToastItem({ toast, onDismiss }: { toast: Toast; onDismiss(id: number): void }) {
  const [paused, setPaused] = useState(false);
  useEffect(() => {
    if (paused) return;
    const t = setTimeout(() => onDismiss(toast.id), TOAST_MS);
    return () => clearTimeout(t);
  }, [toast.id, onDismiss, paused]);
  // Hovering or focusing a toast keeps it while it is being read.
  return (
    <div className="toast" role="status" onMouseEnter={() => setPaused(true)} onMouseLeave={() => setPaused(false)} onFocus={() => setPaused(true)} onBlur={() => setPaused(false)}>
      <span className="toast-text" title={toast.text}>{toast.text}</span>
      <button type="button" className="icon-button" aria-label="Dismiss" onClick={() => onDismiss(toast.id)}>
        ×
      </button>
    </div>
  );
}
