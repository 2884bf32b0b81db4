import { useEffect, useRef, useState } from 'react';
import { configureYaml, LARGE_MODEL_CHARS, monaco } from './monaco.ts';
import { MARKER_OWNER, setModelDiagnostics, setModelInlayHints } from './rule-language.ts';
import { registerEditApplier } from './bridge.ts';
import { keepCursorOnScreen } from './keep-cursor.ts';
import { defineStudioTheme, STUDIO_THEME } from './theme.ts';
import { useStudio } from '../../store/index.ts';
import { resourceAt, routersOfResource } from '../../store/selectors.ts';
import type { Diagnostic, DynamicConfig } from '../../core/types.ts';
import type { AnalysisSummary } from '../../core/analyze.ts';
import { setMarkers } from './markers.ts';

const SEVERITY = {
  error: monaco.MarkerSeverity.Error,
  warning: monaco.MarkerSeverity.Warning,
  info: monaco.MarkerSeverity.Info,
} as const;


/** The router made from the route of IngressRoute `resourceId` whose YAML holds `offset`. */
function routeAt(config: DynamicConfig, resourceId: string, offset: number): string | undefined {
  return routersOfResource(config, resourceId).find((r) => r.origin.routeIndex !== undefined && r.origin.range.start <= offset && offset <= r.origin.range.end)?.name;
}

function modelFor(file: string, text: string): monaco.editor.ITextModel {
  const uri = monaco.Uri.parse(`file:///${encodeURIComponent(file)}`);
  return monaco.editor.getModel(uri) ?? monaco.editor.createModel(text, 'yaml', uri);
}

function toMarker(model: monaco.editor.ITextModel, d: Diagnostic): monaco.editor.IMarkerData {
  const a = model.getPositionAt(d.range.start);
  const b = model.getPositionAt(Math.max(d.range.end, d.range.start + 1));
  return {
    severity: SEVERITY[d.severity],
    message: d.message,
    code: d.code,
    source: d.family,
    startLineNumber: a.lineNumber,
    startColumn: a.column,
    endLineNumber: b.lineNumber,
    endColumn: b.column,
  };
}

/** `task` once the page is idle (within a second). */
function whenIdle(task: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(task, { timeout: 1000 });
  else setTimeout(task, 50);
}

/** The Monaco YAML pane. The Monaco model owns the text and its undo history; the store mirrors it. */
export default function YamlEditor() {
  const host = useRef<HTMLDivElement>(null);
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const activeFile = useStudio((s) => s.activeFile);
  const target = useStudio((s) => s.settings.target);
  const reveal = useStudio((s) => s.reveal);
  // Large files (the 1,000-IngressRoute one is 0.77 MB): folding and sticky scroll are off; they
  // recomputed indentation ranges and redrew thousands of fold regions on every keystroke (~90 ms and
  // ~40 ms of main thread, e2e/perf.spec.ts).
  const [large, setLarge] = useState(false);

  useEffect(() => configureYaml(target), [target]);

  useEffect(() => {
    if (!host.current) return;
    defineStudioTheme(monaco);
    const editor = monaco.editor.create(host.current, {
      automaticLayout: true,
      minimap: { enabled: false },
      fontSize: 13,
      tabSize: 2,
      insertSpaces: true,
      theme: STUDIO_THEME,
      scrollBeyondLastLine: false,
      renderWhitespace: 'selection',
      quickSuggestions: { other: true, strings: true, comments: false },
      wordBasedSuggestions: 'off',
      inlayHints: { enabled: 'on' },
      ariaLabel: 'YAML editor',
      fixedOverflowWidgets: true,
    });
    editorRef.current = editor;
    const fitToSize = () => {
      const model = editor.getModel();
      const isLarge = !!model && model.getValueLength() > LARGE_MODEL_CHARS;
      if (editor.getOption(monaco.editor.EditorOption.folding) === isLarge) editor.updateOptions({ folding: !isLarge, stickyScroll: { enabled: !isLarge } });
      setLarge(isLarge);
    };
    registerEditApplier((file, edits) => {
      const model = editor.getModel();
      if (!model || decodeURIComponent(model.uri.path.slice(1)) !== file) return false;
      editor.pushUndoStop();
      editor.executeEdits(
        'form',
        edits.map((e) => {
          const a = model.getPositionAt(e.range.start);
          const b = model.getPositionAt(e.range.end);
          return { range: new monaco.Range(a.lineNumber, a.column, b.lineNumber, b.column), text: e.text, forceMoveMarkers: true };
        }),
      );
      editor.pushUndoStop();
      return true;
    });
    const subs = [
      keepCursorOnScreen(editor),
      editor.onDidChangeModel(fitToSize),
      editor.onDidChangeModelContent(() => {
        const model = editor.getModel();
        if (!model) return;
        fitToSize();
        useStudio.getState().setText(decodeURIComponent(model.uri.path.slice(1)), model.getValue());
      }),
      editor.onDidChangeCursorPosition((e) => {
        const model = editor.getModel();
        // Only the user's own cursor moves select: edits from the form or the model move it too.
        if (!model || (e.source !== 'mouse' && e.source !== 'keyboard')) return;
        const state = useStudio.getState();
        const file = decodeURIComponent(model.uri.path.slice(1));
        const offset = model.getOffsetAt(e.position);
        const r = resourceAt(state.analysis?.summary.resources ?? [], file, offset);
        if (!r) return;
        // The route under the cursor, so that the graph selects that route rather than the first one.
        const routerName = state.analysis ? routeAt(state.analysis.summary.config, r.id, offset) : undefined;
        if (state.selection?.resourceId !== r.id || state.selection.routerName !== routerName) {
          state.select({ resourceId: r.id, ...(routerName ? { routerName } : {}), from: 'editor' });
        }
      }),
    ];
    return () => {
      registerEditApplier(null);
      subs.forEach((s) => s.dispose());
      editor.dispose();
      editorRef.current = null;
    };
  }, []);

  // Show the active file; keep the model in step with store text changed elsewhere (import, reset).
  useEffect(() => {
    const editor = editorRef.current;
    if (!editor) return;
    const apply = () => {
      const state = useStudio.getState();
      const file = state.files.find((f) => f.name === state.activeFile);
      if (!file) return;
      const model = modelFor(file.name, file.text);
      if (editor.getModel() !== model) editor.setModel(model);
      if (model.getValue() !== file.text) {
        model.pushEditOperations([], [{ range: model.getFullModelRange(), text: file.text }], () => null);
      }
    };
    apply();
    return useStudio.subscribe((s, prev) => {
      if (s.files !== prev.files || s.activeFile !== prev.activeFile) apply();
    });
  }, [activeFile]);

  // Markers (markers.ts) and inlay hints from the latest analysis, in a task of their own as soon as the store has it
  // (Monaco redraws decorations for them), not after React has drawn the other panes.
  useEffect(() => {
    let shown: AnalysisSummary | undefined;
    let task: ReturnType<typeof setTimeout> | undefined;
    const apply = () => {
      task = undefined;
      const summary = useStudio.getState().analysis?.summary;
      if (!summary || summary === shown) return;
      shown = summary;
      for (const model of monaco.editor.getModels()) {
        const file = decodeURIComponent(model.uri.path.slice(1));
        const diagnostics = summary.diagnostics.filter((d) => d.file === file);
        setModelDiagnostics(model.uri.toString(), diagnostics);
        setMarkers<monaco.editor.IMarkerData>(diagnostics, {
          set: (markers) => monaco.editor.setModelMarkers(model, MARKER_OWNER, markers),
          toMarker: (d) => toMarker(model, d),
          whenIdle,
          current: () => shown === summary && !model.isDisposed(),
        });
        setModelInlayHints(
          model.uri.toString(),
          summary.hints.filter((h) => h.file === file),
        );
      }
    };
    const schedule = () => {
      task ??= setTimeout(apply, 0);
    };
    schedule();
    const stop = useStudio.subscribe((s, prev) => {
      if (s.analysis?.summary !== prev.analysis?.summary) schedule();
    });
    return () => {
      stop();
      clearTimeout(task);
    };
  }, []);

  // Reveal and select a range asked for by another pane.
  useEffect(() => {
    const editor = editorRef.current;
    const model = editor?.getModel();
    if (!editor || !model || !reveal) return;
    if (reveal.file !== useStudio.getState().activeFile) useStudio.getState().setActiveFile(reveal.file);
    const a = model.getPositionAt(reveal.range.start);
    const b = model.getPositionAt(reveal.range.end);
    const range = new monaco.Range(a.lineNumber, a.column, b.lineNumber, b.column);
    editor.setSelection(range, 'api');
    editor.revealRangeInCenterIfOutsideViewport(range);
  }, [reveal]);

  return (
    <>
      <div ref={host} className="editor-host" data-testid="yaml-editor" />
      {large && (
        <p className="editor-note" role="note">
          Large file: folding and sticky scroll are off to keep typing fast.
        </p>
      )}
    </>
  );
}
