// Test helper of planEdit's table files: an intent applied to a text, as the editor applies the edits.
import { planEdit, type EditIntent } from './index.ts';

/** `text` after `intent`'s edits (applied from the end, so earlier ranges stay valid); throws on a refusal. */
export function apply(text: string, intent: EditIntent): string {
  const r = planEdit(text, intent);
  if ('error' in r) throw new Error(r.error);
  let out = text;
  for (const e of [...r.edits].sort((a, b) => b.range.start - a.range.start)) out = out.slice(0, e.range.start) + e.text + out.slice(e.range.end);
  return out;
}

/** A `set` intent on the first document. */
export const set = (path: (string | number)[], value: unknown): EditIntent => ({ type: 'set', docIndex: 0, path, value });
