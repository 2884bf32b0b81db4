/**
 * Editor help for Traefik rules inside `match:` values: matcher completion with signatures, hover
 * docs, quick fixes carried by our diagnostics (e.g. v2 → v3 syntax), and the effective priority as
 * an inlay hint. The knowledge comes from core/rules; this file only adapts it to Monaco.
 */
import type * as Monaco from 'monaco-editor/esm/vs/editor/editor.api.js';
import { MATCHER_DOCS } from '../../core/rules/index.ts';
import type { Diagnostic, TraefikTarget } from '../../core/types.ts';
import { completeKeys } from '../../core/schema/complete.ts';

export const MARKER_OWNER = 'ingressroute-studio';

export interface InlayHint {
  offset: number;
  label: string;
  tooltip: string;
}

const diagnosticsByModel = new Map<string, Diagnostic[]>();
const hintsByModel = new Map<string, InlayHint[]>();
let hintsChanged: ((uri: string) => void) | null = null;

/** Remembers the diagnostics behind a model's markers, so code actions can offer their fixes. */
export function setModelDiagnostics(uri: string, diagnostics: Diagnostic[]): void {
  diagnosticsByModel.set(uri, diagnostics);
}

export function setModelInlayHints(uri: string, hints: InlayHint[]): void {
  hintsByModel.set(uri, [...hints].sort((a, b) => a.offset - b.offset));
  hintsChanged?.(uri);
}

const MATCH_LINE = /^\s*(?:-\s+)?match\s*:/;

function inMatchValue(model: Monaco.editor.ITextModel, position: Monaco.Position): boolean {
  const line = model.getLineContent(position.lineNumber);
  const m = MATCH_LINE.exec(line);
  if (m) return position.column > m[0].length;
  // Continuation lines of a block or multi-line match scalar: look up for the owning key.
  for (let n = position.lineNumber - 1; n >= Math.max(1, position.lineNumber - 20); n--) {
    const text = model.getLineContent(n);
    if (MATCH_LINE.test(text)) return /[|>]/.test(text) || !/\S/.test(text.slice(text.indexOf(':') + 1));
    if (/^\s*(?:-\s+)?[\w.-]+\s*:/.test(text)) return false;
  }
  return false;
}

let completionTarget: TraefikTarget = 'v3';

export function setCompletionTarget(target: TraefikTarget): void {
  completionTarget = target;
}

export function registerRuleLanguage(monaco: typeof Monaco): void {
  // Keys from our schema, found by indentation so it works while the YAML is half typed.
  monaco.languages.registerCompletionItemProvider('yaml', {
    
    provideCompletionItems(model, position) {
      const offset = model.getOffsetAt(position);
      const result = completeKeys(model.getValue(), offset, completionTarget);
      if (!result) return { suggestions: [] };
      const word = model.getWordUntilPosition(position);
      const range = new monaco.Range(position.lineNumber, word.startColumn, position.lineNumber, word.endColumn);
      const suggestions = result.fields.map((f, i) => ({
        label: { label: f.name, description: f.type },
        kind: monaco.languages.CompletionItemKind.Property,
        detail: `${f.type}${f.required ? ', required' : ''}${f.default !== undefined ? `, default ${JSON.stringify(f.default)}` : ''}`,
        documentation: { value: f.description },
        insertText: /object|array|list|map/i.test(f.type) ? `${f.name}:\n  ` : `${f.name}: `,
        range,
        sortText: `${f.required ? 0 : 1}${String(i).padStart(3, '0')}`,
      }));
      return { suggestions };
    },
  });

  monaco.languages.registerCompletionItemProvider('yaml', {
    triggerCharacters: ['(', ' ', '&', '|', '!'],
    provideCompletionItems(model, position) {
      if (!inMatchValue(model, position)) return { suggestions: [] };
      const word = model.getWordUntilPosition(position);
      const range = new monaco.Range(position.lineNumber, word.startColumn, position.lineNumber, word.endColumn);
      const seen = new Set<string>();
      const suggestions = MATCHER_DOCS.filter((d) => !seen.has(d.name) && seen.add(d.name)).map((d) => ({
        label: { label: d.name, description: d.signature },
        kind: monaco.languages.CompletionItemKind.Function,
        detail: `${d.signature} (${d.syntax})`,
        documentation: { value: d.doc },
        insertText: `${d.name}(\`$1\`)$0`,
        insertTextRules: monaco.languages.CompletionItemInsertTextRule.InsertAsSnippet,
        range,
        sortText: d.syntax === 'v3' ? `0${d.name}` : `1${d.name}`,
      }));
      return { suggestions };
    },
  });

  monaco.languages.registerHoverProvider('yaml', {
    provideHover(model, position) {
      if (!inMatchValue(model, position)) return null;
      const word = model.getWordAtPosition(position);
      if (!word) return null;
      const docs = MATCHER_DOCS.filter((d) => d.name.toLowerCase() === word.word.toLowerCase());
      if (docs.length === 0) return null;
      return {
        range: new monaco.Range(position.lineNumber, word.startColumn, position.lineNumber, word.endColumn),
        contents: docs.map((d) => ({ value: `**${d.signature}** — Traefik ${d.syntax} syntax\n\n${d.doc}` })),
      };
    },
  });

  monaco.languages.registerCodeActionProvider('yaml', {
    provideCodeActions(model, _range, context) {
      const diagnostics = diagnosticsByModel.get(model.uri.toString()) ?? [];
      const actions: Monaco.languages.CodeAction[] = [];
      for (const marker of context.markers) {
        const start = model.getOffsetAt({ lineNumber: marker.startLineNumber, column: marker.startColumn });
        const d = diagnostics.find((x) => x.range.start === start && String(x.code) === String(marker.code));
        for (const fix of d?.fixes ?? []) {
          actions.push({
            title: fix.title,
            kind: 'quickfix',
            diagnostics: [marker],
            isPreferred: true,
            edit: {
              edits: fix.edits.map((e) => {
                const a = model.getPositionAt(e.range.start);
                const b = model.getPositionAt(e.range.end);
                return {
                  resource: model.uri,
                  versionId: model.getVersionId(),
                  textEdit: { range: new monaco.Range(a.lineNumber, a.column, b.lineNumber, b.column), text: e.text },
                };
              }),
            },
          });
        }
      }
      return { actions, dispose() {} };
    },
  });

  const emitter = new monaco.Emitter<void>();
  hintsChanged = () => emitter.fire();
  monaco.languages.registerInlayHintsProvider('yaml', {
    onDidChangeInlayHints: emitter.event,
    provideInlayHints(model, range) {
      // Only the hints in the asked range (the visible lines): a 1,000-IngressRoute file has 2,500.
      const all = hintsByModel.get(model.uri.toString()) ?? [];
      const from = model.getOffsetAt(range.getStartPosition());
      const to = model.getOffsetAt(range.getEndPosition());
      const hints = all.slice(firstAtOrAfter(all, from), firstAtOrAfter(all, to + 1)).map((h) => ({
        position: model.getPositionAt(h.offset),
        label: h.label,
        tooltip: h.tooltip,
        paddingLeft: true,
        kind: monaco.languages.InlayHintKind.Type,
      }));
      return { hints, dispose() {} };
    },
  });
}

/** Index of the first hint at or after `offset` in hints sorted by offset. */
function firstAtOrAfter(hints: readonly InlayHint[], offset: number): number {
  let lo = 0;
  let hi = hints.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (hints[mid]!.offset < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
