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
import { registerRuleLanguage } from './rule-language.ts';

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

let yaml: MonacoYaml | null = null;
let currentTarget: TraefikTarget | null = null;

/** Configures (or re-configures, when the target changes) monaco-yaml with our schema. */
export function configureYaml(target: TraefikTarget): void {
  if (currentTarget === target) return;
  currentTarget = target;
  const options = {
    enableSchemaRequest: false,
    validate: false,
    completion: true,
    hover: true,
    format: { enable: false },
    hoverSchemaSource: false,
    isKubernetes: false,
    yamlVersion: '1.1' as const,
    schemas: [{ uri: 'inmemory://ingressroute-studio/schema.json', fileMatch: ['*'], schema: monacoSchema(target) as never }],
  };
  if (yaml) void yaml.update(options);
  else yaml = configureMonacoYaml(monaco, options);
}

registerRuleLanguage(monaco);

export { monaco };
