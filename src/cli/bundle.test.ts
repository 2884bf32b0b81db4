// The CLI's bundles as scripts/cli-bundle.mjs makes them: without object spread literals, which Node 20 runs
// slowly where it matters most (js-yaml's parser state, see LOWERED there).
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { bundleOptions } from '../../scripts/cli-bundle.mjs';

describe('the CLI bundle', () => {
  it.each(['src/cli/main.ts', 'src/cli/parallel-worker.ts'])('%s: js-yaml parses inside it, and no object literal spreads', async (entry) => {
    const { outputFiles } = await build({ ...bundleOptions(entry), write: false, logLevel: 'silent' });
    const text = outputFiles[0]!.text;
    expect(text).toMatch(/function parseEvents\d*\(input, options\)/);
    expect(text.match(/\{\s*\.\.\./g) ?? []).toEqual([]);
  });
});
