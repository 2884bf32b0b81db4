/**
 * ingressroute-studio: validate, export, simulate and test Traefik IngressRoute YAML in CI.
 * Exit codes: 0 clean, 1 findings (errors, failed tests), 2 bad usage or unreadable input.
 */
import { parseArgs } from 'node:util';
import { exportCommand, rulesCommand, simulateCommand, testCommand, validateCommand } from './commands.ts';
import { processIo, UsageError, type Io } from './io.ts';
import { diffCommand } from './diff.ts';
import { convertCommand } from './convert.ts';

const USAGE = `usage: ingressroute-studio <command> [options] FILE…   (FILE may be - for standard input)

commands:
  validate FILE…   [--format text|json|sarif]
  export FILE…     [--format yaml|dynamic-json|dynamic-yaml] [--force] [-o OUT]
  simulate FILE…   --url URL [--method M] [--header 'K: V']… [--client-ip IP] [--sni NAME | --no-sni] [--entrypoint NAME] [--json]
  test FILE…       --cases CASES.yaml [--fail-under PCT] [--format text|junit]
  rules --jsonl    reads {"rule","syntax","request"} lines on standard input
  diff --base FILE… --head FILE…  [--format text|markdown|json]   routers, diagnostics and routing that change
  convert FILE…    [-o OUT]   Ingresses → IngressRoutes + Middlewares, with what cannot be converted and the proof

common options:
  --static FILE    Traefik static configuration (entryPoints, providers.kubernetesCRD)
  --traefik 3|2.11|hub
  --strict         Every reference missing from the files is an error
`;

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

export function run(argv: string[], io: Io): number {
  try {
    const { values: v, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
    const [command, ...files] = positionals;
    if (v.help || !command) {
      io.stdout(USAGE);
      return command || v.help ? 0 : 2;
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
