/**
 * Runs a CommonJS bundle with V8's code cache: the bytecode of every function a run compiled, saved after that run,
 * so that the next process skips compiling them. The CLI bundle is 1.5 MB; compiling it as its functions are first
 * called was ~60–90 ms of a `validate` (and 25 of the 110 ms of a one-route file). Node 20 has no compile cache of
 * its own (module.enableCompileCache came with Node 22), and none for ES modules, hence a CommonJS bundle run
 * through vm.Script (src/cli/bin.ts).
 *
 * V8 checks a cache against the source's length only, so a rebuilt bundle of the same length would take the old
 * bytecode: the cache file starts with the SHA-1 of the source it was made from, and any other source ignores it.
 * V8 itself rejects a cache of another V8 version or other flags; either way the bundle is compiled as usual and
 * the cache is made again when the process ends.
 */
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { Script } from 'node:vm';

const HASH_BYTES = 20;

/** What became of the cache: used, missing, made from another source, or refused by V8. */
export type CacheState = 'accepted' | 'absent' | 'stale' | 'rejected';

export interface LoadedBundle {
  exports: Record<string, unknown>;
  cache: CacheState;
  /** Writes the cache of what has been compiled so far (atomically); false when it cannot be written. */
  save(): boolean;
}

/**
 * Evaluates `bundle` (a CommonJS file) as `require` would, with the code cache kept in `cacheFile`.
 *
 * @example
 * const cli = loadBundle('/app/dist-cli/cli.cjs');
 * if (cli.cache !== 'accepted') process.once('exit', () => cli.save());
 */
export function loadBundle(bundle: string, cacheFile = `${bundle}.cache`): LoadedBundle {
  const source = readFileSync(bundle, 'utf8');
  const hash = createHash('sha1').update(source).digest();
  let cachedData: Buffer | undefined;
  let cache: CacheState = 'absent';
  try {
    const file = readFileSync(cacheFile);
    if (file.length > HASH_BYTES && file.subarray(0, HASH_BYTES).equals(hash)) cachedData = file.subarray(HASH_BYTES);
    else cache = 'stale';
  } catch {
    // No cache yet (or unreadable): compile as usual.
  }
  // The wrapper `require` puts around a CommonJS module, on the same line so that line numbers stay the file's.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: bundle, ...(cachedData ? { cachedData } : {}) });
  if (cachedData) cache = script.cachedDataRejected === true ? 'rejected' : 'accepted';
  const module = { exports: {} as Record<string, unknown> };
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  run.call(module.exports, module.exports, createRequire(bundle), module, bundle, dirname(bundle));
  return { exports: module.exports, cache, save: () => save(script, hash, cacheFile) };
}

function save(script: Script, hash: Buffer, cacheFile: string): boolean {
  const tmp = `${cacheFile}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, Buffer.concat([hash, script.createCachedData()]));
    renameSync(tmp, cacheFile); // two processes saving at once: each renames a whole file
    return true;
  } catch {
    try {
      rmSync(tmp, { force: true });
    } catch {
      // Nothing was written.
    }
    return false; // a read-only install runs without a cache
  }
}
