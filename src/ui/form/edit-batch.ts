/**
 * Form intents → text edits through planEdit. Several intents made by one choice (a Service picked
 * with its port) become one edit, so that one Ctrl+Z undoes one choice; everything outside the
 * changed span stays byte-identical.
 */
import type { Path, TextEdit } from '../../core/types.ts';
import { applyEdits, planEdit } from '../../core/yaml/index.ts';
import type { FormIntent } from './context.ts';

/** One edit from `before` to `after`: the changed middle only (common prefix and suffix kept). */
function diffEdit(before: string, after: string): TextEdit {
  let s = 0;
  while (s < before.length && s < after.length && before[s] === after[s]) s++;
  let e = 0;
  while (e < before.length - s && e < after.length - s && before[before.length - 1 - e] === after[after.length - 1 - e]) e++;
  return { range: { start: s, end: before.length - e }, text: after.slice(s, after.length - e) };
}

/**
 * The edits for `intents` on the resource at `docIndex`/`base` (paths are relative to it); [] when
 * nothing changes (a commit of the value already there leaves no empty undo step).
 *
 * @example
 * batchEdits('a: 1\nb: 2\n', 0, [], [{ type: 'set', path: ['a'], value: 3 }, { type: 'set', path: ['b'], value: 4 }])
 * // { edits: [{ range: { start: 3, end: 10 }, text: '3\nb: 4' }] }
 */
export function batchEdits(text: string, docIndex: number, base: Path, intents: readonly FormIntent[]): { edits: TextEdit[] } | { error: string } {
  let out = text;
  let last: TextEdit[] = [];
  for (const intent of intents) {
    const result = planEdit(out, { ...intent, docIndex, path: [...base, ...intent.path] } as Parameters<typeof planEdit>[1]);
    if ('error' in result) return result;
    last = result.edits;
    out = applyEdits(out, result.edits);
  }
  if (out === text) return { edits: [] };
  return { edits: intents.length === 1 ? last.filter((e) => text.slice(e.range.start, e.range.end) !== e.text) : [diffEdit(text, out)] };
}
