/**
 * `ingressroute-studio diff --base FILE… --head FILE…`: what a change does to routing, for code review.
 * Exit codes: 0 no request routed differently and no new error, 1 routing changes or new errors, 2 bad usage.
 */
import { analyze } from '../core/analyze.ts';
import { diffHasFindings, diffWorkspaces, formatDiffMarkdown, formatDiffText } from '../core/review/index.ts';
import { readInputs, settingsFrom, UsageError, type Io } from './io.ts';

export interface DiffCommandOptions {
  base: string[];
  head: string[];
  format?: string | undefined;
  static?: string | undefined;
  traefik?: string | undefined;
  strict?: boolean | undefined;
}

/**
 * Analyses both versions with the same settings and prints their diff as text, Markdown (a pull-request
 * comment) or JSON. Returns the exit code; usage problems are reported on stderr with code 2.
 *
 * @example
 * diffCommand({ base: ['old/apps.yaml'], head: ['apps.yaml'], format: 'markdown' }, processIo) // 0 | 1 | 2
 */
export function diffCommand(opts: DiffCommandOptions, io: Io): number {
  try {
    const format = opts.format ?? 'text';
    if (format !== 'text' && format !== 'markdown' && format !== 'json') {
      throw new UsageError(`--format must be text, markdown or json (got ${format})`);
    }
    if (opts.base.length === 0) throw new UsageError('diff needs --base FILE (repeat it for several files)');
    if (opts.head.length === 0) throw new UsageError('diff needs --head FILE (repeat it for several files)');
    if (opts.base.includes('-') && opts.head.includes('-')) throw new UsageError('only one of --base and --head can read standard input');
    const settings = settingsFrom(opts);
    const base = analyze(readInputs(opts.base, io), settings);
    const head = analyze(readInputs(opts.head, io), settings);
    const diff = diffWorkspaces(base, head);
    if (format === 'json') io.stdout(JSON.stringify(diff, null, 2) + '\n');
    else if (format === 'markdown') io.stdout(formatDiffMarkdown(diff));
    else io.stdout(formatDiffText(diff));
    return diffHasFindings(diff) ? 1 : 0;
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`ingressroute-studio diff: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}
