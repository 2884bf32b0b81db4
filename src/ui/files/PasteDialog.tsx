import { useEffect, useRef, useState } from 'react';
import { addText, outcomeMessages } from './import.ts';

/** Paste YAML or JSON (e.g. `kubectl get … -o yaml` output) as a new workspace file. */
export function PasteDialog({ onClose, onImported }: { onClose(): void; onImported(messages: string[]): void }) {
  const [text, setText] = useState('');
  const [name, setName] = useState('pasted.yaml');
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => dialog.current?.showModal(), []);
  const add = () => {
    void addText(name.trim() || 'pasted.yaml', text).then((o) => onImported(outcomeMessages(o, 'Added')));
    onClose();
  };
  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="paste-title" onClose={onClose}>
      <h2 id="paste-title">Paste configuration</h2>
      <label className="block">
        File name
        <input value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <label className="block">
        YAML or JSON (a <code>kubectl get … -o yaml</code> list works too)
        <textarea className="mono" rows={16} value={text} onChange={(e) => setText(e.target.value)} aria-label="Configuration to paste" />
      </label>
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>Cancel</button>
        <button type="button" className="primary" disabled={!text.trim()} onClick={add}>Add to workspace</button>
      </div>
    </dialog>
  );
}
