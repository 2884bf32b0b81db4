/**
 * How panes other than the editor change the text: as minimal edits applied through the editor's
 * undo stack when it is mounted (so Ctrl+Z undoes a form edit), or straight to the store before
 * Monaco has loaded.
 */
import type { TextEdit } from '../../core/types.ts';
import { useStudio } from '../../store/index.ts';

type Applier = (file: string, edits: TextEdit[]) => boolean;
let applier: Applier | null = null;

export function registerEditApplier(fn: Applier | null): void {
  applier = fn;
}

/** Applies edits (offsets into the file's current text) and returns true when applied. */
export function applyTextEdits(file: string, edits: TextEdit[]): boolean {
  if (edits.length === 0) return true;
  if (applier?.(file, edits)) return true;
  const state = useStudio.getState();
  const current = state.files.find((f) => f.name === file);
  if (!current) return false;
  let text = current.text;
  for (const e of [...edits].sort((a, b) => b.range.start - a.range.start)) {
    text = text.slice(0, e.range.start) + e.text + text.slice(e.range.end);
  }
  state.setText(file, text);
  return true;
}
