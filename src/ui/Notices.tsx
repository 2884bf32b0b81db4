import { useEffect, useState } from 'react';
import { autosave, useStudio } from '../store/index.ts';
import { watchOtherTabs } from './files/tab-guard.ts';

export interface NoticesProps {
  messages: string[];
  onDismiss(): void;
}

/** Transient messages (imports) and the other-tab warning, which stays until the user decides. */
export function Notices({ messages, onDismiss }: NoticesProps) {
  const [theirs, setTheirs] = useState<{ files: { name: string; text: string }[] } | null | undefined>(undefined);
  useEffect(() => watchOtherTabs(setTheirs), []);
  const [saveError, setSaveError] = useState<string | null>(null);
  useEffect(() => autosave.onStatus(setSaveError), []);
  useEffect(() => {
    if (messages.length === 0) return;
    const t = setTimeout(onDismiss, 8000);
    return () => clearTimeout(t);
  }, [messages, onDismiss]);
  return (
    <div className="notices" aria-live="polite">
      {theirs !== undefined && (
        <div role="alert" className="notice notice-warning">
          Another tab changed this workspace.
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
        <div role="alert" className="notice notice-warning">
          {saveError}
        </div>
      )}
      {messages.map((m, i) => (
        <div key={i} className="notice" role="status">{m}</div>
      ))}
    </div>
  );
}
