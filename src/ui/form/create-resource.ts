/**
 * "New resource": a template document inserted right after the selected resource (or at the end of
 * the active file) as one text edit, then revealed and selected in the editor and opened in the form
 * with its name focused.
 */
import { useStudio } from '../../store/index.ts';
import { planEdit } from '../../core/yaml/index.ts';
import { applyTextEdits } from '../editor/bridge.ts';
import { newDocument, TEMPLATES, uniqueName } from './templates.ts';
import { requestFocus } from './focus-request.ts';

/**
 * Creates a resource of `kind`; `attach(name)` runs first (e.g. to reference the new Middleware from
 * the route being edited). Returns an error message, or null.
 */
export function createResource(kind: string, options: { middlewareType?: string; attach?: (name: string) => void } = {}): string | null {
  const template = TEMPLATES.find((t) => t.kind === kind);
  if (!template) return `No template for ${kind}.`;
  const before = useStudio.getState();
  const resources = before.analysis?.summary.resources ?? [];
  const selected = resources.find((r) => r.id === before.selection?.resourceId);
  const file = selected?.file ?? before.activeFile;
  const namespace = selected?.namespace ?? 'default';
  const base = kind === 'Middleware' && options.middlewareType ? options.middlewareType.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase()) : template.base;
  const name = uniqueName(base, resources.filter((r) => r.kind === kind && r.namespace === namespace).map((r) => r.name));
  const yaml = newDocument(kind, namespace, name, options.middlewareType);
  if (yaml === null) return `No template for ${kind}.`;
  options.attach?.(name);
  const s = useStudio.getState();
  const text = s.files.find((f) => f.name === file)?.text ?? '';
  const result = planEdit(text, selected ? { type: 'insertDocument', afterDocIndex: selected.docIndex, yaml } : { type: 'appendDocument', yaml });
  if ('error' in result) return result.error;
  if (!applyTextEdits(file, result.edits)) return `Could not edit ${file}.`;
  const edit = result.edits[0]!;
  const start = edit.range.start + edit.text.indexOf('apiVersion:');
  const id = `${kind}/${namespace}/${name}`;
  requestFocus(id);
  s.revealRange(file, { start, end: start + yaml.length });
  s.select({ resourceId: id, from: 'form' });
  s.setInspectorOpen(true);
  return null;
}
