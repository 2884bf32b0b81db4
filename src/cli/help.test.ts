import { describe, expect, it } from 'vitest';
import { COMMAND_HELP, COMMAND_OPTIONS, COMMANDS, USAGE } from './help.ts';
import { run } from './main.ts';
import { captureIo } from './test-io.ts';

const example = (name: string) => new URL(`../../public/examples/${name}`, import.meta.url).pathname;
const DEFAULT = example('default.yaml');

describe('help', () => {
  it.each(COMMANDS)('%s --help and help %s print the command page and exit 0', (command) => {
    const flag = captureIo();
    expect(run([command, '--help'], flag)).toBe(0);
    expect(flag.out.startsWith(`usage: ingressroute-studio ${command}`)).toBe(true);
    expect(flag.err).toBe('');
    const topic = captureIo();
    expect(run(['help', command], topic)).toBe(0);
    expect(topic.out).toBe(flag.out);
    const short = captureIo();
    expect(run([command, '-h'], short)).toBe(0);
    expect(short.out).toBe(flag.out);
    // Every option the command reads is on its page.
    for (const option of COMMAND_OPTIONS[command]) expect(flag.out).toContain(`--${option}`);
  });

  it('each page names only its own command in its usage line', () => {
    for (const command of COMMANDS) {
      const usage = COMMAND_HELP[command].split('\n')[0]!;
      for (const other of COMMANDS.filter((c) => c !== command)) expect(usage).not.toContain(` ${other} `);
    }
  });

  it('--help and help without a command print the overview, which lists every command', () => {
    for (const argv of [['--help'], ['help']]) {
      const io = captureIo();
      expect(run(argv, io)).toBe(0);
      expect(io.out).toBe(USAGE);
      for (const command of COMMANDS) expect(io.out).toContain(`  ${command} `);
    }
  });

  it('help for an unknown command is a usage error (exit 2)', () => {
    const io = captureIo();
    expect(run(['help', 'deploy'], io)).toBe(2);
    expect(io.err).toContain('no help for deploy');
    const flag = captureIo();
    expect(run(['deploy', '--help'], flag)).toBe(2);
    expect(flag.err).toContain('unknown command deploy');
  });
});

describe('output ends with a newline', () => {
  const cases: { desc: string; argv: string[]; stdin?: string }[] = [
    { desc: 'validate text', argv: ['validate', DEFAULT] },
    { desc: 'validate of a file with errors', argv: ['validate', example('tls-conflict.yaml')] },
    { desc: 'validate sarif', argv: ['validate', DEFAULT, '--format', 'sarif'] },
    { desc: 'simulate text', argv: ['simulate', DEFAULT, '--url', 'https://shop.example.com/api/orders'] },
    { desc: 'simulate text, redirected', argv: ['simulate', DEFAULT, '--url', 'http://shop.example.com/cart'] },
    { desc: 'simulate --json', argv: ['simulate', DEFAULT, '--url', 'https://shop.example.com/', '--json'] },
    { desc: 'export dynamic-yaml', argv: ['export', DEFAULT, '--format', 'dynamic-yaml'] },
    { desc: 'diff text', argv: ['diff', '--base', DEFAULT, '--head', example('canary.yaml')] },
    { desc: 'diff markdown', argv: ['diff', '--base', DEFAULT, '--head', example('canary.yaml'), '--format', 'markdown'] },
    { desc: 'rules --jsonl', argv: ['rules', '--jsonl'], stdin: '{"rule":"Host(`a.com`)","request":{"url":"http://a.com/"}}' },
    { desc: 'a usage error', argv: ['simulate', DEFAULT] },
  ];
  it.each(cases)('$desc', ({ argv, stdin }) => {
    const io = captureIo(stdin);
    run(argv, io);
    expect(io.out + io.err).not.toBe('');
    if (io.out) expect(io.out.endsWith('\n')).toBe(true);
    if (io.err) expect(io.err.endsWith('\n')).toBe(true);
  });
});

describe('simulate numbers its steps consecutively', () => {
  it.each([
    'https://shop.example.com/api/orders',
    'http://shop.example.com/cart',
    'https://status.example.com/',
    'https://unknown.example.org/',
  ])('%s', (url) => {
    const io = captureIo();
    expect(run(['simulate', DEFAULT, '--url', url], io)).toBe(0);
    const numbers = io.out.split('\n').flatMap((line) => /^(\d+) /.exec(line)?.[1] ?? []).map(Number);
    expect(numbers.length).toBeGreaterThan(1);
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
  });
});
