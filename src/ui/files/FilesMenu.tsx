import { useRef, useState } from 'react';
import { importFiles } from './import.ts';
import { ExportDialog } from './ExportDialog.tsx';
import { ShareDialog } from './ShareDialog.tsx';
import { PasteDialog } from './PasteDialog.tsx';

/** Open, paste, export and share: the workspace's ways in and out. */
export function FilesMenu({ onMessages }: { onMessages(messages: string[]): void }) {
  const input = useRef<HTMLInputElement>(null);
  const [open, setOpen] = useState<'export' | 'share' | 'paste' | null>(null);
  return (
    <>
      <button type="button" onClick={() => input.current?.click()}>Open files…</button>
      <input
        ref={input}
        type="file"
        multiple
        accept=".yaml,.yml,.json,.toml"
        hidden
        aria-label="Open files"
        data-testid="open-files"
        onChange={(e) => {
          const files = Array.from(e.target.files ?? []);
          e.target.value = '';
          void importFiles(files).then((o) => onMessages([...o.added.map((n) => `Opened ${n}.`), ...o.messages]));
        }}
      />
      <button type="button" onClick={() => setOpen('paste')}>Paste…</button>
      <button type="button" onClick={() => setOpen('export')}>Export…</button>
      <button type="button" onClick={() => setOpen('share')}>Share…</button>
      {open === 'export' && <ExportDialog onClose={() => setOpen(null)} />}
      {open === 'share' && <ShareDialog onClose={() => setOpen(null)} />}
      {open === 'paste' && <PasteDialog onClose={() => setOpen(null)} onImported={onMessages} />}
    </>
  );
}
