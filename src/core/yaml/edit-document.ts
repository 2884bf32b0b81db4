/**
 * The `insertDocument` intent of planEdit: a new `---` document placed right after a given document
 * (the selected resource), so that "New resource" lands next to what the user is looking at. Every
 * other line of the file stays byte-identical; the edit is one insertion at a document boundary.
 */
import type { EditResult } from './edit.ts';
import { appendDocument } from './edit-intents.ts';
import { parseFile } from './parse-file.ts';
import { splitDocuments } from './split.ts';

/**
 * Inserts `yaml` as a new document after document `afterDocIndex` (at the end when it is the last
 * document, or -1 for the very start). The new document gets index `afterDocIndex + 1`.
 *
 * @example
 * insertDocument('a: 1\n---\nc: 3\n', 0, 'b: 2\n'); // { edits: [{ range: { start: 5, end: 5 }, text: '---\nb: 2\n' }] }
 */
export function insertDocument(text: string, afterDocIndex: number, yaml: string): EditResult {
  if (typeof yaml !== 'string') return { error: 'The new document must be YAML text.' };
  const segments = splitDocuments(text);
  if (!Number.isInteger(afterDocIndex) || afterDocIndex < -1 || afterDocIndex >= Math.max(segments.length, 1)) {
    return { error: `The file has no document ${afterDocIndex} to insert after (it has ${segments.length}).` };
  }
  const next = segments[afterDocIndex + 1];
  if (!next) return appendDocument(text, yaml);
  const normalized = yaml.replace(/\r\n?/g, '\n');
  if (parseFile('new.yaml', normalized).documents.some((d) => d.broken)) return { error: 'The new document is not valid YAML.' };
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  let body = normalized.replace(/^---[ \t]*\n/, '').replace(/\n/g, eol);
  if (!body.endsWith(eol)) body += eol;
  // The next document starts on its own marker line (or, for the first document, at the start of the
  // text when it has no marker): the new document goes just before it, opened by its own marker.
  if (!next.explicit) return { edits: [{ range: { start: next.start, end: next.start }, text: '---' + eol + body + '---' + eol }] };
  return { edits: [{ range: { start: next.start, end: next.start }, text: '---' + eol + body }] };
}
