import { useEffect, useState } from 'react';
import { importFiles, outcomeMessages } from './import.ts';

/** Files dropped anywhere on the window join the workspace (static configs set the settings). */
export function DropOverlay({ onImported }: { onImported(messages: string[]): void }) {
  const [active, setActive] = useState(false);
  useEffect(() => {
    let depth = 0;
    const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files');
    const enter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth++;
      setActive(true);
    };
    const leave = () => {
      depth = Math.max(0, depth - 1);
      if (depth === 0) setActive(false);
    };
    const over = (e: DragEvent) => {
      if (hasFiles(e)) e.preventDefault();
    };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth = 0;
      setActive(false);
      const files = Array.from(e.dataTransfer?.files ?? []);
      void importFiles(files).then((o) => onImported(outcomeMessages(o)));
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragleave', leave);
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, [onImported]);
  return active ? (
    <div className="drop-overlay" role="status">
      Drop YAML or JSON files (or a traefik.yml / traefik.toml) to add them to the workspace
    </div>
  ) : null;
}
