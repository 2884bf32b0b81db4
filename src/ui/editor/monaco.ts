/**
 * A slim Monaco: the editor core with its contributions and the YAML tokenizer only (no TS/CSS/HTML/
 * JSON languages), bundled locally and loaded lazily. monaco-yaml gives schema completion and hover;
 * its own validation is off because our core validator (shared with the CLI) owns the markers.
 */
import 'monaco-editor/esm/vs/editor/edcore.main.js';
import * as monaco from 'monaco-editor/esm/vs/editor/editor.api.js';
import 'monaco-editor/esm/vs/basic-languages/yaml/yaml.contribution.js';
import { configureMonacoYaml, type MonacoYaml } from 'monaco-yaml';
import EditorWorker from 'monaco-editor/esm/vs/editor/editor.worker.js?worker';
import YamlWorker from './yaml.worker.ts?worker';
import { monacoSchema } from '../../core/schema/index.ts';
import type { TraefikTarget } from '../../core/types.ts';
import { registerRuleLanguage, setCompletionTarget } from './rule-language.ts';

declare global {
  interface Window {
    MonacoEnvironment?: monaco.Environment;
  }
}

window.MonacoEnvironment = {
  getWorker(_moduleId: string, label: string) {
    return label === 'yaml' ? new YamlWorker() : new EditorWorker();
  },
};

// monaco-editor 0.54's createWebWorker takes `{ worker }`, while monaco-yaml's worker manager still
// calls it with `{ moduleId, label, createData }` (the old API): without this adapter the YAML requests
// go to the plain editor worker ("Missing requestHandler or method: getFoldingRanges"). Monaco's own
// JSON language does the same: start the worker, post 'ignore', then post the createData.
const createWebWorker = monaco.editor.createWebWorker;
type LegacyOptions = { moduleId?: string; label?: string; createData?: unknown; host?: Record<string, unknown>; keepIdleModels?: boolean };
(monaco.editor as { createWebWorker: (opts: LegacyOptions & { worker?: unknown }) => unknown }).createWebWorker = (opts) => {
  if (opts.worker || opts.label !== 'yaml') return createWebWorker(opts as Parameters<typeof createWebWorker>[0]);
  const worker = new YamlWorker();
  worker.postMessage('ignore');
  worker.postMessage(opts.createData);
  return createWebWorker({ worker, ...(opts.host ? { host: opts.host } : {}), ...(opts.keepIdleModels !== undefined ? { keepIdleModels: opts.keepIdleModels } : {}) });
};

/**
 * Above this size, monaco-yaml's document symbols and folding ranges are not asked for: on the 0.77 MB
 * 1,000-IngressRoute file each keystroke made its worker send tens of thousands of symbols and ranges,
 * whose arrival and the sticky-scroll model built from them blocked the page ~100 ms (e2e/perf.spec.ts).
 * Monaco then folds by indentation and sticky scroll follows indentation.
 */
export const LARGE_MODEL_CHARS = 256 * 1024;

const isLarge = (model: monaco.editor.ITextModel) => model.getValueLength() > LARGE_MODEL_CHARS;

/** monaco's API as monaco-yaml sees it: the same, with its whole-document providers skipping large models. */
const monacoForYaml = {
  ...monaco,
  languages: {
    ...monaco.languages,
    registerDocumentSymbolProvider: (language: string, provider: monaco.languages.DocumentSymbolProvider) =>
      monaco.languages.registerDocumentSymbolProvider(language, {
        ...provider,
        provideDocumentSymbols: (model, token) => (isLarge(model) ? [] : provider.provideDocumentSymbols(model, token)),
      }),
    registerFoldingRangeProvider: (language: string, provider: monaco.languages.FoldingRangeProvider) =>
      monaco.languages.registerFoldingRangeProvider(language, {
        ...provider,
        // null: Monaco's indentation folding takes over.
        provideFoldingRanges: (model, context, token) => (isLarge(model) ? null : provider.provideFoldingRanges(model, context, token)),
      }),
    // Monaco asks for code actions at every cursor move (the light bulb); monaco-yaml's worker answers
    // by parsing the whole document (its "convert to block style" action), which at 0.77 MB took ~350 ms
    // of CPU per keystroke, competing on a 2-core machine with the analysis worker. Its other actions
    // need its own diagnostics, which are off.
    registerCodeActionProvider: (language: string, provider: monaco.languages.CodeActionProvider, metadata?: monaco.languages.CodeActionProviderMetadata) =>
      monaco.languages.registerCodeActionProvider(
        language,
        {
          ...provider,
          provideCodeActions: (model, range, context, token) =>
            isLarge(model) ? { actions: [], dispose: () => undefined } : provider.provideCodeActions(model, range, context, token),
        },
        metadata,
      ),
    registerLinkProvider: (language: string, provider: monaco.languages.LinkProvider) =>
      monaco.languages.registerLinkProvider(language, {
        ...provider,
        provideLinks: (model, token) => (isLarge(model) ? { links: [] } : provider.provideLinks(model, token)),
      }),
  },
} as typeof monaco;

let yaml: MonacoYaml | null = null;
let currentTarget: TraefikTarget | null = null;

/** Configures (or re-configures, when the target changes) monaco-yaml with our schema. */
export function configureYaml(target: TraefikTarget): void {
  if (currentTarget === target) return;
  currentTarget = target;
  setCompletionTarget(target);
  const options = {
    enableSchemaRequest: false,
    validate: false,
    // Key completion comes from our own schema provider (rule-language.ts): monaco-yaml's completion
    // answers nothing in the browser with monaco-editor 0.54 (hover works); see the note in the README.
    completion: false,
    hover: true,
    format: { enable: false },
    hoverSchemaSource: false,
    isKubernetes: false,
    yamlVersion: '1.1' as const,
    schemas: [{ uri: 'inmemory://ingressroute-studio/schema.json', fileMatch: ['**/*', '*'], schema: monacoSchema(target) as never }],
  };
  if (yaml) void yaml.update(options);
  else yaml = configureMonacoYaml(monacoForYaml, options);
}

registerRuleLanguage(monaco);

export { monaco };
