/**
 * What the page opens with: `?example=NAME` loads that example; otherwise the autosaved workspace;
 * otherwise the built-in example. Examples are served from our own origin (public/examples).
 */
import { useStudio } from '../store/index.ts';
import { decodeShare } from './files/share.ts';

export const DEFAULT_EXAMPLE = 'default';

export async function loadExample(name: string): Promise<string | null> {
  if (!/^[a-z0-9-]+$/.test(name)) return null;
  try {
    const response = await fetch(`${import.meta.env.BASE_URL}examples/${name}.yaml`);
    return response.ok ? await response.text() : null;
  } catch {
    return null;
  }
}

export async function bootWorkspace(): Promise<void> {
  const shared = await decodeShare(location.hash);
  if (shared && 'error' in shared) {
    useStudio.getState().setAnalysisError(shared.error);
  } else if (shared) {
    const s = useStudio.getState();
    s.replaceWorkspace(shared.files);
    s.setSettings(shared.settings);
    s.setRequest(shared.request);
    // The link has done its job; the fragment is removed so a reload shows the autosaved work.
    history.replaceState(null, '', location.pathname + location.search);
    return;
  }
  const params = new URLSearchParams(location.search);
  const example = params.get('example');
  const state = useStudio.getState();
  const hasSavedText = state.files.some((f) => f.text.trim() !== '');
  if (example || !hasSavedText) {
    const name = example ?? DEFAULT_EXAMPLE;
    const text = await loadExample(name);
    if (text !== null) state.replaceWorkspace([{ name: `${name === DEFAULT_EXAMPLE ? 'example' : name}.yaml`, text }]);
  }
  // The example has been loaded into the autosaved workspace: a reload must restore the user's edits,
  // not load the example again.
  if (example) {
    params.delete('example');
    history.replaceState(null, '', location.pathname + (params.size ? `?${params}` : '') + location.hash);
  }
}
