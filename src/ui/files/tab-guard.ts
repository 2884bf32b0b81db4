/**
 * A second tab must not overwrite the first tab's work silently: every tab watches the autosave
 * key, and when another tab writes it, this tab says so and lets the user choose.
 */
import { STORAGE_KEY, useStudio } from '../../store/index.ts';
import { readChunked } from '../../store/chunked.ts';

export function watchOtherTabs(onConflict: (theirs: { files: { name: string; text: string }[] } | null) => void): () => void {
  const listener = (e: StorageEvent) => {
    if (e.key !== STORAGE_KEY || e.newValue === null) return;
    try {
      // The key holds the manifest; the workspace is in its chunks (written before it).
      const theirs = (JSON.parse(readChunked(localStorage, STORAGE_KEY) ?? e.newValue) as { state?: { files?: { name: string; text: string }[] } }).state;
      const mine = useStudio.getState().files;
      if (theirs?.files && JSON.stringify(theirs.files) !== JSON.stringify(mine)) onConflict({ files: theirs.files });
    } catch {
      onConflict(null);
    }
  };
  window.addEventListener('storage', listener);
  return () => window.removeEventListener('storage', listener);
}
