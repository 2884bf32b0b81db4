/**
 * parseFile: a YAML stream → documents with YNode trees, values and diagnostics. Each document is
 * parsed on its own (split.ts), so a syntax error skips only its own document.
 */
import { parseEvents } from 'js-yaml';
import type { Diagnostic, ParsedFile, Range, YamlDocument } from '../types.ts';
import { diagnostic } from '../diagnostic.ts';
import { YAML_CODES } from './codes.ts';
import { splitDocuments, type DocSegment } from './split.ts';
import { compose } from './compose.ts';
import { syntaxMessage } from './syntax-messages.ts';
import type { ParseCache } from './parse-cache.ts';

/** js-yaml's own default; deeper nesting is reported as YAML_TOO_DEEP. */
export const MAX_DEPTH = 100;

/**
 * Parses every document of a YAML (or JSON) file, never throwing.
 *
 * @example
 * const parsed = parseFile('apps.yaml', 'kind: Service\n---\nkind: [\n');
 * parsed.documents.map((d) => d.broken); // [false, true]
 * parsed.diagnostics[0]?.code; // 'YAML_SYNTAX'
 */
export function parseFile(file: string, text: string, cache?: ParseCache): ParsedFile {
  const diagnostics: Diagnostic[] = [];
  const documents: YamlDocument[] = [];
  const source = typeof text === 'string' ? text : '';
  let segments;
  try {
    segments = splitDocuments(source);
  } catch {
    segments = [{ start: 0, end: source.length, contentStart: 0, explicit: false }];
  }
  const ctx = { file, diagnostics };
  for (let index = 0; index < segments.length; index++) {
    const sg = segments[index]!;
    const range: Range = { start: sg.contentStart, end: sg.end };
    const seg = sg.start === 0 && sg.end === source.length ? source : source.slice(sg.start, sg.end);
    // An unchanged document (same file, same text) comes from the cache, moved to where it now is.
    const key = cache ? documentKey(file, sg, seg) : '';
    const kept = cache?.take(key, sg.start);
    if (kept) {
      documents.push({ index, range, root: kept.root, value: kept.value, broken: false });
      diagnostics.push(...kept.diagnostics);
      continue;
    }
    const before = diagnostics.length;
    try {
      const events = parseEvents(seg, { maxDepth: MAX_DEPTH });
      const { root, value } = compose(events, seg, sg.start, sg.contentStart - sg.start, ctx);
      documents.push({ index, range, root, value, broken: false });
      cache?.put(key, { root, value, diagnostics: diagnostics.slice(before), base: sg.start });
    } catch (err) {
      documents.push({ index, range, root: null, value: null, broken: true });
      diagnostics.push(syntaxDiagnostic(file, source, sg.start, sg.end, err));
    }
  }
  return { file, text: source, documents, diagnostics };
}

/** The key a document is kept under in a ParseCache: same file, same text, same content offset. */
export function documentKey(file: string, sg: DocSegment, seg: string): string {
  return `${file}\u0000${sg.contentStart - sg.start}\u0000${seg}`;
}

interface ExceptionLike {
  reason?: unknown;
  message?: unknown;
  mark?: { position?: unknown };
}

function syntaxDiagnostic(file: string, text: string, base: number, limit: number, err: unknown): Diagnostic {
  const e = (err ?? {}) as ExceptionLike;
  const reason = typeof e.reason === 'string' ? e.reason : typeof e.message === 'string' ? e.message : String(err);
  const rel = typeof e.mark?.position === 'number' ? e.mark.position : 0;
  const pos = Math.min(base + rel, limit);
  const range = errorRange(text, pos, limit);
  if (/maxDepth/.test(reason)) {
    const message = `Collections are nested more than ${MAX_DEPTH} levels deep; this document is ignored.`;
    return diagnostic(YAML_CODES, 'YAML_TOO_DEEP', message, file, range);
  }
  return diagnostic(YAML_CODES, 'YAML_SYNTAX', syntaxMessage(reason, text, pos), file, range);
}

/** A non-empty range for an error at `pos`: the rest of its line, or the previous non-blank line
 * when the error sits at the end of the text or on an empty line.
 *
 * @example
 * errorRange('a: [\n', 5); // { start: 0, end: 4 } (the line before the end)
 */
export function errorRange(text: string, pos: number, limit = text.length): Range {
  let end = pos;
  while (end < limit && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
  while (end > pos && (text.charCodeAt(end - 1) === 32 || text.charCodeAt(end - 1) === 9)) end--;
  if (end > pos) return { start: pos, end };
  // Empty: use the previous line with content.
  let i = pos - 1;
  while (i >= 0 && /\s/.test(text[i]!)) i--;
  if (i < 0) return { start: pos, end: Math.min(pos + 1, text.length) };
  let start = i;
  while (start > 0 && text.charCodeAt(start - 1) !== 10 && text.charCodeAt(start - 1) !== 13) start--;
  while (start < i && (text.charCodeAt(start) === 32 || text.charCodeAt(start) === 9)) start++;
  return { start, end: i + 1 };
}
