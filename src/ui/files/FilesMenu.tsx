import { lazy, Suspense, useRef, useState } from 'react';
import { importFiles, outcomeMessages } from './import.ts';

// The dialogs load on first use: export brings the provider and js-yaml, which the page needs for nothing else.
const ExportDialog = lazy(() => import('./ExportDialog.tsx').then((m) => ({ default: m.ExportDialog })));
const ShareDialog = lazy(() => import('./ShareDialog.tsx').then((m) => ({ default: m.ShareDialog })));
const PasteDialog = lazy(() => import('./PasteDialog.tsx').then((m) => ({ default: m.PasteDialog })));

/** Open and paste: the workspace's ways in. */
export function FilesMenu({ onMessages }: { onMessages(messages: string[]): void }) {
  const input = useRef<HTMLInputElement>(null);
  const [pasting, setPasting] = useState(false);
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
          void importFiles(files).then((o) => onMessages(outcomeMessages(o)));
        }}
      />
      <button type="button" onClick={() => setPasting(true)}>Paste…</button>
      <Suspense fallback={null}>{pasting && <PasteDialog onClose={() => setPasting(false)} onImported={onMessages} />}</Suspense>
    </>
  );
}

/** Share and export: the workspace's ways out. */
export function ShareExport() {
  const [open, setOpen] = useState<'export' | 'share' | null>(null);
  return (
    <>
      <button type="button" onClick={() => setOpen('share')}>Share…</button>
      <button type="button" onClick={() => setOpen('export')}>Export…</button>
      <Suspense fallback={null}>
        {open === 'export' && <ExportDialog onClose={() => setOpen(null)} />}
        {open === 'share' && <ShareDialog onClose={() => setOpen(null)} />}
      </Suspense>
    </>
  );
}
