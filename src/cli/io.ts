/** File reading and settings for every CLI command. */
import { readFileSync } from 'node:fs';
import type { WorkspaceFile } from '../core/analyze.ts';
import { defaultSettings } from '../core/provider/settings.ts';
import { parseStaticConfig } from '../core/settings/static-config.ts';
import type { Settings } from '../core/types.ts';

export class UsageError extends Error {}

export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  readStdin(): string;
}

const watched = new WeakSet<NodeJS.WriteStream>();

/**
 * A reader that stops early (`validate big.yaml | head`) closes the pipe, and the next write fails with EPIPE: the
 * process then ends quietly with the exit code its command set (what other command-line tools do), instead of
 * printing an unhandled-error stack trace.
 */
function endOnClosedPipe(stream: NodeJS.WriteStream): NodeJS.WriteStream {
  // Not judged by the stream's listeners: a helper thread's output piped into it adds one, and takes it away
  // when the thread ends.
  if (!watched.has(stream)) {
    watched.add(stream);
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EPIPE') throw e;
      process.exit();
    });
  }
  return stream;
}

export const processIo: Io = {
  stdout: (t) => endOnClosedPipe(process.stdout).write(t),
  stderr: (t) => endOnClosedPipe(process.stderr).write(t),
  readStdin: () => readFileSync(0, 'utf8'),
};

export function readInputs(paths: string[], io: Io): WorkspaceFile[] {
  if (paths.length === 0) throw new UsageError('no input file given (use - for standard input)');
  return paths.map((p) => {
    if (p === '-') return { name: '<stdin>', text: io.readStdin() };
    try {
      return { name: p, text: readFileSync(p, 'utf8') };
    } catch (e) {
      throw new UsageError(`cannot read ${p}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
    }
  });
}

export function settingsFrom(options: { static?: string | undefined; traefik?: string | undefined; strict?: boolean | undefined }): Settings {
  let settings = defaultSettings();
  if (options.traefik !== undefined) {
    if (options.traefik === '2.11' || options.traefik.startsWith('2.')) settings = { ...settings, target: 'v2.11', version: '2.11.50' };
    else if (options.traefik === '3' || options.traefik.startsWith('3.')) settings = { ...settings, target: 'v3', version: options.traefik === '3' ? settings.version : options.traefik };
    else if (options.traefik === 'hub') settings = { ...settings, target: 'hub' };
    else throw new UsageError(`--traefik must be 3, 2.11 or hub (got ${options.traefik})`);
  }
  if (options.static) {
    let text: string;
    try {
      text = readFileSync(options.static, 'utf8');
    } catch {
      throw new UsageError(`cannot read static configuration ${options.static}`);
    }
    const result = parseStaticConfig(text, options.static, settings);
    if ('error' in result) throw new UsageError(result.error);
    settings = result.settings;
  }
  if (options.strict) settings = { ...settings, strictServices: true };
  return settings;
}
