// The CLI's bundles as scripts/cli-bundle.mjs makes them: js-yaml's parser state made with Object.assign, not the
// spread literal that Node 20 reads slowly (see parserState there), and the bin running the CLI with V8's code
// cache (code-cache.ts).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { bundleOptions } from '../../scripts/cli-bundle.mjs';

describe('the CLI bundle', () => {
  it.each(['src/cli/main.ts', 'src/cli/parallel-worker.ts'])('%s: js-yaml parses inside it, its parser state made by Object.assign', async (entry) => {
    const { outputFiles } = await build({ ...bundleOptions(entry), write: false, logLevel: 'silent' });
    const text = outputFiles[0]!.text;
    const parseEvents = /function parseEvents\d*\(input, options\) \{[^]*?\n\}\n/.exec(text)?.[0] ?? '';
    expect(parseEvents).toMatch(/const state = Object\.assign\(\{\}, DEFAULT_PARSER_OPTIONS\d*, options, \{\s*input: `\$\{input\}\\0`,/);
    expect(parseEvents).not.toContain('...');
  });

  it('runs from its bin, saves the code cache when the first process ends and uses it in the next', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'irs-bin-'));
    const bin = join(dir, 'ingressroute-studio.mjs');
    await build({ ...bundleOptions('src/cli/main.ts'), outfile: join(dir, 'cli.cjs'), logLevel: 'silent' });
    await build({ ...bundleOptions('src/cli/bin.ts'), outfile: bin, logLevel: 'silent' });
    const validate = () => spawnSync(process.execPath, [bin, 'validate', 'public/examples/v2-syntax.yaml'], { encoding: 'utf8' });
    const first = validate();
    expect(first.status).toBe(1);
    expect(first.stdout).toMatch(/v2-syntax\.yaml:\d+:\d+ error RULE_/);
    const made = statSync(join(dir, 'cli.cjs.cache')).mtimeMs;
    const second = validate();
    expect(second).toMatchObject({ status: 1, stdout: first.stdout, stderr: first.stderr });
    expect(statSync(join(dir, 'cli.cjs.cache')).mtimeMs).toBe(made);
    // Imported (scripts/cli.mjs), it runs nothing by itself and gives `run`.
    const imported = spawnSync(process.execPath, ['--input-type=module', '-e', `const m = await import(${JSON.stringify(pathToFileURL(bin).href)}); process.exitCode = m.run(['validate', 'public/examples/v2-syntax.yaml'], m.processIo);`], { encoding: 'utf8' });
    expect(imported).toMatchObject({ status: 1, stdout: first.stdout });
  });
});
