import { useEffect, useRef, useState } from 'react';
import { useStudio } from '../../store/index.ts';
import { encodeShare, holdsSecretData, redactSecrets } from './share.ts';
import { copy } from './download.ts';

/** Creates a share link; warns first when the workspace holds Secret data and offers to redact it. */
export function ShareDialog({ onClose }: { onClose(): void }) {
  const files = useStudio((s) => s.files);
  const settings = useStudio((s) => s.settings);
  const request = useStudio((s) => s.request);
  const secrets = holdsSecretData(files);
  const [link, setLink] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => dialog.current?.showModal(), []);

  const create = async (redact: boolean) => {
    const shared = redact ? files.map((f) => ({ ...f, text: redactSecrets(f.text) })) : files;
    const hash = await encodeShare({ v: 1, files: shared, settings, request });
    setLink(`${location.origin}${location.pathname}${hash}`);
  };

  useEffect(() => {
    if (!secrets) void create(false);
  }, []);

  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="share-title" onClose={onClose}>
      <h2 id="share-title">Share link</h2>
      <p className="muted">
        The workspace, settings and simulator request travel inside the link's fragment (after <code>#</code>), which browsers
        never send to a server. Anyone with the link can read them.
      </p>
      {secrets && !link && (
        <div role="alert" className="export-errors">
          <p>The workspace holds <strong>Secret data</strong>. A link would carry it.</p>
          <div className="button-row">
            <button type="button" className="primary" onClick={() => void create(true)}>Redact Secret values and create link</button>
            <button type="button" onClick={() => void create(false)}>Include Secret data</button>
          </div>
        </div>
      )}
      {link && (
        <>
          <label className="share-link">
            Link ({link.length.toLocaleString()} characters)
            <textarea readOnly value={link} rows={4} aria-label="Share link" onFocus={(e) => e.currentTarget.select()} />
          </label>
          <div className="button-row">
            <button type="button" onClick={() => void copy(link).then((ok) => setNote(ok ? 'Copied.' : 'The clipboard is not available: select the link and copy it.'))}>
              Copy link
            </button>
          </div>
        </>
      )}
      {note && <p role="status">{note}</p>}
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>Close</button>
      </div>
    </dialog>
  );
}
