// Test helper of the provider's table files: one file `t.yaml` through extractResources and buildDynamicConfig.
import { parseFile } from '../yaml/index.ts';
import { extractResources } from '../model/index.ts';
import { buildDynamicConfig, defaultSettings } from './index.ts';
import type { Settings } from '../types.ts';

/** The provider's output for `text` (as file `t.yaml`), with the text kept to slice diagnostic ranges. */
export function build(text: string, provider: Partial<Settings['provider']> = {}, patch: Partial<Settings> = {}) {
  const settings = { ...defaultSettings(), ...patch };
  settings.provider = { ...settings.provider, ...provider };
  const { resources } = extractResources([parseFile('t.yaml', text)]);
  return { text, ...buildDynamicConfig(resources, settings, { texts: { 't.yaml': text } }) };
}
export type Built = ReturnType<typeof build>;
