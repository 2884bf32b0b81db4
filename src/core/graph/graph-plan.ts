/**
 * Graph edits planned against the text: the intents of graph-edits.ts, each addressed to its resource,
 * become one list of `planEdit` edits (one undo step). Apart from graph-edits.ts because it brings the
 * YAML parser and edit layer, which the page loads only when the graph or the form first edits the text.
 */
import { planEdit, type EditIntent, type ResourceIntent } from '../yaml/index.ts';
import type { Path, TextEdit } from '../types.ts';

/** One intent for planIntents: addressed to a resource, or a new document appended. */
export type PlanStep = { place: ResourcePlace; intent: ResourceIntent } | { intent: Extract<EditIntent, { type: 'appendDocument' }> };

/** Where a resource lives: its document and its path inside it (`[]`, or `['items', n]` in a List). */
export interface ResourcePlace {
  docIndex: number;
  path: Path;
}

/**
 * Plans several intents against one text (each addressed to its resource) as one list of edits,
 * applied together as one undo step. Fails if any plan fails or two plans touch the same text.
 *
 * @example
 * planIntents(text, [{ place: { docIndex: 0, path: [] }, intent }, { intent: { type: 'appendDocument', yaml } }])
 */
export function planIntents(text: string, steps: readonly PlanStep[]): { edits: TextEdit[] } | { error: string } {
  const edits: TextEdit[] = [];
  for (const step of steps) {
    const intent: EditIntent = 'place' in step ? ({ ...step.intent, docIndex: step.place.docIndex, path: [...step.place.path, ...step.intent.path] } as EditIntent) : step.intent;
    const result = planEdit(text, intent);
    if ('error' in result) return result;
    edits.push(...result.edits);
  }
  edits.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
  for (let i = 1; i < edits.length; i++) {
    if (edits[i]!.range.start < edits[i - 1]!.range.end) return { error: 'These changes overlap in the text; make them one at a time.' };
  }
  return { edits };
}

