import { LineIndex } from './yaml/line-index.ts';

let lastText = '';
let lastIndex: LineIndex | null = null;

/** A LineIndex for a text, memoised for the last text asked (the common case: one file, many lookups). */
export function lineIndexFor(text: string): LineIndex {
  if (lastIndex && lastText === text) return lastIndex;
  lastText = text;
  lastIndex = new LineIndex(text);
  return lastIndex;
}
