/**
 * ingressroute-studio: validate, export, simulate and test Traefik IngressRoute YAML in CI.
 * Exit codes: 0 clean, 1 findings (errors, failed tests), 2 bad usage or unreadable input.
 */
import { hash } from 'node:crypto';
import { parseArgs } from 'node:util';
import { useSha256Hex } from '../core/provider/names.ts';
import { exportCommand, rulesCommand, simulateCommand, testCommand, validateCommand } from './commands.ts';
import { processIo, UsageError, type Io } from './io.ts';

// scripts/cli.mjs imports the bundle and runs it with the process's streams.
export { processIo };
import { diffCommand } from './diff.ts';
import { convertCommand } from './convert.ts';
import { COMMAND_HELP, isCommand, USAGE } from './help.ts';

/** Router names hash each rule: Node's SHA-256 does it 5× faster than the core's portable one. */
export const nodeSha256Hex = (text: string): string => hash('sha256', text, 'hex');
useSha256Hex(nodeSha256Hex);

const OPTIONS = {
  format: { type: 'string' },
  force: { type: 'boolean' },
  output: { type: 'string', short: 'o' },
  url: { type: 'string' },
  method: { type: 'string', short: 'X' },
  header: { type: 'string', short: 'H', multiple: true },
  'client-ip': { type: 'string' },
  sni: { type: 'string' },
  'no-sni': { type: 'boolean' },
  entrypoint: { type: 'string' },
  json: { type: 'boolean' },
  jsonl: { type: 'boolean' },
  cases: { type: 'string' },
  'fail-under': { type: 'string' },
  static: { type: 'string' },
  traefik: { type: 'string' },
  strict: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  base: { type: 'string', multiple: true },
  head: { type: 'string', multiple: true },
} as const;

/**
 * Runs one command line and returns its exit code. Whatever a command prints, its standard output and
 * error end with a newline (a shell prompt or a summary never runs into the last line).
 *
 * @example
 * process.exitCode = run(['validate', 'apps.yaml', '--format', 'sarif'], processIo);
 */
export function run(argv: string[], io: Io): number {
  const out = endingWithNewline(io);
  try {
    return runCommand(argv, out);
  } finally {
    out.finish();
  }
}

/** An Io that remembers the last character written to each stream, and adds the missing newline at the end. */
function endingWithNewline(io: Io): Io & { finish(): void } {
  let lastOut = '\n';
  let lastErr = '\n';
  return {
    stdout: (t) => {
      if (t === '') return;
      lastOut = t[t.length - 1]!;
      io.stdout(t);
    },
    stderr: (t) => {
      if (t === '') return;
      lastErr = t[t.length - 1]!;
      io.stderr(t);
    },
    readStdin: () => io.readStdin(),
    finish: () => {
      if (lastOut !== '\n') io.stdout('\n');
      if (lastErr !== '\n') io.stderr('\n');
    },
  };
}

function runCommand(argv: string[], io: Io): number {
  try {
    const { values: v, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
    const [command, ...files] = positionals;
    if (command === 'help') {
      const [topic] = files;
      if (topic === undefined) io.stdout(USAGE);
      else if (isCommand(topic)) io.stdout(COMMAND_HELP[topic]);
      else throw new UsageError(`no help for ${topic}: the commands are validate, export, simulate, test, rules and diff`);
      return 0;
    }
    if (v.help && isCommand(command)) {
      io.stdout(COMMAND_HELP[command]);
      return 0;
    }
    if (v.help || !command) {
      if (command) throw new UsageError(`unknown command ${command}`);
      io.stdout(USAGE);
      return v.help ? 0 : 2;
    }
    const common = { files, static: v.static, traefik: v.traefik, strict: v.strict };
    switch (command) {
      case 'validate':
        return validateCommand({ ...common, format: v.format }, io);
      case 'export':
        return exportCommand({ ...common, format: v.format, force: v.force, output: v.output }, io);
      case 'simulate':
        return simulateCommand(
          { ...common, url: v.url, method: v.method, header: v.header, clientIp: v['client-ip'], sni: v.sni, noSni: v['no-sni'], entrypoint: v.entrypoint, json: v.json },
          io,
        );
      case 'test':
        return testCommand({ ...common, cases: v.cases, failUnder: v['fail-under'], format: v.format }, io);
      case 'rules':
        return rulesCommand({ jsonl: v.jsonl }, io);
      case 'convert':
        return convertCommand({ ...common, output: v.output }, io);
      case 'diff':
        return diffCommand({ base: v.base ?? [], head: v.head ?? [], format: v.format, static: v.static, traefik: v.traefik, strict: v.strict }, io);
      default:
        throw new UsageError(`unknown command ${command}`);
    }
  } catch (e) {
    if (e instanceof UsageError || (e instanceof Error && 'code' in e && String(e.code).startsWith('ERR_PARSE_ARGS'))) {
      io.stderr(`ingressroute-studio: ${e.message}\n\n${USAGE}`);
      return 2;
    }
    io.stderr(`ingressroute-studio: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return 2;
  }
}

// Run when executed directly (tsx src/cli/main.ts or the bundled bin), not when imported by tests.
const entry = process.argv[1] ?? '';
if (/(?:main\.ts|ingressroute-studio(?:\.mjs)?)$/.test(entry)) {
  process.exitCode = run(process.argv.slice(2), processIo);
}
