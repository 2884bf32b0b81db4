import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';

// Each load runs in a process of its own: within one process V8 finds a source it compiled before in its own
// memory and never reads the cache.
let loader = '';
beforeAll(async () => {
  loader = join(mkdtempSync(join(tmpdir(), 'irs-code-cache-')), 'code-cache.mjs');
  await build({ entryPoints: [new URL('./code-cache.ts', import.meta.url).pathname], bundle: true, platform: 'node', format: 'esm', outfile: loader, logLevel: 'silent' });
});

interface Loaded { cache: string; answer: number; self: string; line: string; saved?: boolean }

function load(file: string, opts: { save?: boolean; cacheFile?: string } = {}): Loaded {
  const script = `
    import { loadBundle } from ${JSON.stringify(pathToFileURL(loader).href)};
    const b = loadBundle(${JSON.stringify(file)}${opts.cacheFile ? `, ${JSON.stringify(opts.cacheFile)}` : ''});
    const r = { cache: b.cache, answer: b.exports.answer(), self: b.exports.self(), line: b.exports.line() };
    ${opts.save ? 'r.saved = b.save();' : ''}
    console.log(JSON.stringify(r));`;
  const p = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  if (p.status !== 0) throw new Error(p.stderr);
  return JSON.parse(p.stdout) as Loaded;
}

/** A CommonJS bundle of a few functions, in a directory of its own. */
function bundle(answer: number): string {
  const file = join(mkdtempSync(join(tmpdir(), 'irs-code-cache-')), 'b.cjs');
  writeFileSync(file, bundleText(answer));
  return file;
}

const bundleText = (answer: number) =>
  `const { basename } = require('node:path');\n` +
  `function answer() { return ${answer}; }\n` +
  `module.exports = { answer, self: () => basename(__filename), line: () => new Error('x').stack.split('\\n')[1] };\n`;

describe('loadBundle', () => {
  it('runs a CommonJS bundle as require would, and the next process uses the cache a run saved', () => {
    const file = bundle(41);
    const first = load(file, { save: true });
    expect(first).toMatchObject({ cache: 'absent', answer: 41, self: 'b.cjs', saved: true });
    // Stack traces point into the bundle at its own line numbers.
    expect(first.line).toContain(`${file}:3:`);
    expect(load(file)).toMatchObject({ cache: 'accepted', answer: 41 });
  });

  it('ignores a cache made from another source of the same length (V8 would take it)', () => {
    const file = bundle(41);
    load(file, { save: true });
    writeFileSync(file, bundleText(42));
    expect(load(file)).toMatchObject({ cache: 'stale', answer: 42 });
  });

  it('compiles as usual when V8 refuses the cache, and a save replaces it', () => {
    const file = bundle(7);
    load(file, { save: true });
    const cached = readFileSync(`${file}.cache`);
    cached.fill(0, 20); // the source's hash stays; V8's data is gone
    writeFileSync(`${file}.cache`, cached);
    expect(load(file, { save: true })).toMatchObject({ cache: 'rejected', answer: 7, saved: true });
    expect(load(file)).toMatchObject({ cache: 'accepted', answer: 7 });
  });

  it('saves nothing, and throws nothing, where the cache cannot be written', () => {
    const file = bundle(1);
    expect(load(file, { save: true, cacheFile: join(file, 'no-such-dir', 'b.cache') })).toMatchObject({ cache: 'absent', answer: 1, saved: false });
  });
});
