// The CLI as a process whose reader stops early (`ingressroute-studio validate big.yaml | head`): it ends with its
// own exit code and no stack trace, instead of an unhandled EPIPE.
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../../', import.meta.url).pathname;

/** 9,000 Middlewares with an unknown field each: 1.2 MB of YAML (above what the CLI parses on helper threads) and
 * more problems than a pipe holds. */
function manyProblems(): string {
  const docs: string[] = [];
  for (let i = 0; i < 9000; i++) docs.push(`apiVersion: traefik.io/v1alpha1\nkind: Middleware\nmetadata:\n  name: m${i}\nspec:\n  stripPrefix:\n    prefixes: [/a]\n  colour: red\n`);
  return docs.join('---\n');
}

describe('the CLI process when its reader goes away', () => {
  // With a helper thread, whose output Node pipes into the process's: the pipe adds an error listener of its own.
  it.each(['0', '1'])('validate (helper threads: %s) piped into a reader that reads one chunk and closes: exit code 1, only the summary on stderr', async (threads) => {
    const dir = mkdtempSync(join(tmpdir(), 'irs-pipe-'));
    const file = join(dir, 'many.yaml');
    writeFileSync(file, manyProblems());
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), 'validate', file], {
      cwd: ROOT,
      env: { ...process.env, INGRESSROUTE_STUDIO_THREADS: threads },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    let first = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.once('data', (d: Buffer) => {
      first = d.toString();
      child.stdout.destroy();
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(first).toContain('SCHEMA_UNKNOWN_FIELD');
    expect(stderr).toMatch(/^\d+ errors, \d+ warnings, \d+ infos in 1 file\(s\)\n$/);
    expect(code).toBe(1);
  });
});
