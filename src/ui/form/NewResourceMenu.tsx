import { useStudio } from '../../store/index.ts';
import { planEdit } from '../../core/yaml/index.ts';
import { applyTextEdits } from '../editor/bridge.ts';
import { TEMPLATES } from './templates.ts';

/** Appends a template document of the chosen kind to the active file. */
export function NewResourceMenu() {
  const add = (kind: string) => {
    const template = TEMPLATES.find((t) => t.kind === kind);
    const s = useStudio.getState();
    const text = s.files.find((f) => f.name === s.activeFile)?.text ?? '';
    if (!template) return;
    const result = planEdit(text, { type: 'appendDocument', yaml: template.yaml });
    if (!('error' in result)) applyTextEdits(s.activeFile, result.edits);
  };
  return (
    <select aria-label="New resource" value="" onChange={(e) => e.target.value && add(e.target.value)}>
      <option value="">New resource…</option>
      {TEMPLATES.map((t) => (
        <option key={t.kind} value={t.kind}>{t.kind}</option>
      ))}
    </select>
  );
}
