/** Turning dropped, chosen or pasted files into workspace files (and static configs into settings). */
import type { WorkspaceFile } from '../../core/analyze.ts';
import { useStudio } from '../../store/index.ts';

/** A Traefik static config rather than Kubernetes resources? */
export function looksLikeStaticConfig(name: string, text: string): boolean {
  if (/\.toml$/i.test(name)) return true;
  if (/^(traefik|static)[\w.-]*\.ya?ml$/i.test(name)) return !/^\s*apiVersion\s*:/m.test(text);
  return /^entryPoints\s*:/m.test(text) && !/^\s*apiVersion\s*:/m.test(text);
}

function uniqueName(existing: string[], name: string): string {
  if (!existing.includes(name)) return name;
  const m = /^(.*?)(\.[^.]*)?$/.exec(name)!;
  for (let i = 2; ; i++) {
    const candidate = `${m[1]}-${i}${m[2] ?? ''}`;
    if (!existing.includes(candidate)) return candidate;
  }
}

export interface ImportOutcome {
  added: string[];
  settingsFrom?: string;
  messages: string[];
}

/** Adds files to the workspace (a static config updates the settings instead). */
export async function importFiles(files: Iterable<File>): Promise<ImportOutcome> {
  const outcome: ImportOutcome = { added: [], messages: [] };
  for (const file of files) {
    const text = await file.text();
    await addText(file.name, text, outcome);
  }
  return outcome;
}

/** Adds one file (or, for a static config, its settings). Static configs load their TOML/YAML reader on first use. */
export async function addText(name: string, text: string, outcome: ImportOutcome = { added: [], messages: [] }): Promise<ImportOutcome> {
  if (looksLikeStaticConfig(name, text)) {
    const { parseStaticConfig } = await import('../../core/settings/static-config.ts');
    const state = useStudio.getState();
    const result = parseStaticConfig(text, name, state.settings);
    if ('error' in result) outcome.messages.push(result.error);
    else {
      state.setSettings(result.settings);
      outcome.settingsFrom = name;
      outcome.messages.push(`Settings imported from ${name}.`, ...result.warnings);
    }
    return outcome;
  }
  const state = useStudio.getState();
  const files: WorkspaceFile[] = state.files;
  // The untouched empty default file is replaced rather than kept beside the imported ones.
  const keep = files.filter((f) => f.text.trim() !== '');
  const finalName = uniqueName(keep.map((f) => f.name), name);
  state.replaceWorkspace([...keep, { name: finalName, text }]);
  state.setActiveFile(finalName);
  outcome.added.push(finalName);
  return outcome;
}

/** What an import tells the user: one line for the files added (eight files are one toast, not eight), then the rest. */
export function outcomeMessages(outcome: ImportOutcome, verb = 'Opened'): string[] {
  const { added } = outcome;
  const head = added.length === 0 ? [] : added.length === 1 ? [`${verb} ${added[0]}.`] : [`${verb} ${added.length} files: ${added.join(', ')}.`];
  return [...head, ...outcome.messages];
}
