// The CI kit (examples/ci/github-actions.yml and .pre-commit-hooks.yaml): the CLI commands they run, taken
// from the files themselves, run here on the example manifests, and their outputs are what the workflow's
// next steps need — SARIF for upload-sarif, JUnit XML for the test report, a Markdown table for the comment.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { run } from './main.ts';
import { captureIo } from './test-io.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const EXAMPLES = readdirSync(join(ROOT, 'public/examples')).filter((f) => f.endsWith('.yaml')).sort().map((f) => `public/examples/${f}`);
const CASES = 'examples/ci/default.routes-test.yaml';

interface Step { name?: string; uses?: string; run?: string; with?: Record<string, unknown>; if?: string }
const workflow = load(read('examples/ci/github-actions.yml')) as { jobs: Record<string, { steps: Step[]; permissions: Record<string, string> }> };
const job = Object.values(workflow.jobs)[0]!;

/** The CLI calls of the workflow: each `node "$STUDIO" …` line, without its redirection, as words. */
const calls = job.steps.flatMap((s) => (s.run ?? '').split('\n')).flatMap((line) => {
  const m = /node "\$STUDIO" (.+?)(?:\s+>\s*(.+))?$/.exec(line.trim());
  return m ? [{ words: m[1]!.split(/\s+/), output: m[2] }] : [];
});
const call = (command: string, format?: string) => {
  const found = calls.filter((c) => c.words[0] === command && (format === undefined ? !c.words.includes('--format') : c.words.join(' ').includes(`--format ${format}`)));
  expect(found, `${command} --format ${format}`).toHaveLength(1);
  return found[0]!;
};

/** A workflow call with its shell variables replaced by files; any other variable is an error. */
function argv(words: string[], values: { manifests: string[]; cases?: string; base?: string[]; head?: string[] }): string[] {
  return words.flatMap((w) => {
    if (w === '$MANIFESTS') return values.manifests;
    if (w === '"$cases"') return [values.cases!];
    if (w === '"${base[@]}"') return values.base!.flatMap((f) => ['--base', f]);
    if (w === '"${head[@]}"') return values.head!.flatMap((f) => ['--head', f]);
    expect(w, `an unknown variable in the workflow: ${w}`).not.toContain('$');
    return [w];
  });
}

function cli(args: string[]) {
  const io = captureIo();
  // Paths of the repository are relative to its root; options, commands, numbers and temporary files stay.
  const code = run(args.map((a) => (a.startsWith('-') || a.startsWith('/') || /^[a-z]+$/.test(a) || /^\d+$/.test(a) ? a : join(ROOT, a))), io);
  return { code, out: io.out, err: io.err };
}

describe('the GitHub Actions workflow', () => {
  it('uploads the SARIF file its validate step writes, and may write security events and pull-request comments', () => {
    const upload = job.steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'));
    expect(upload?.with?.['sarif_file']).toBe(call('validate', 'sarif').output);
    expect(upload?.if).toBe('always()');
    expect(job.permissions).toMatchObject({ 'security-events': 'write', 'pull-requests': 'write' });
    expect(job.steps.some((s) => /gh pr comment .*--body-file routing-diff\.md/.test(s.run ?? ''))).toBe(true);
    expect(call('diff', 'markdown').output).toBe('routing-diff.md');
  });

  it.each(EXAMPLES)('validate --format sarif on %s: SARIF 2.1.0 with runs[0].results at the files\' lines', (example) => {
    const { code, out } = cli(argv(call('validate', 'sarif').words, { manifests: [example] }));
    const sarif = JSON.parse(out) as { version: string; runs: { tool: { driver: { name: string } }; results: { ruleId: string; level: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[] }[] };
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0]!.tool.driver.name).toBe('ingressroute-studio');
    const results = sarif.runs[0]!.results;
    expect(Array.isArray(results)).toBe(true);
    for (const r of results) {
      expect(r.ruleId).toMatch(/^[A-Z0-9_]+$/);
      expect(['error', 'warning', 'note']).toContain(r.level);
      expect(r.locations[0]!.physicalLocation.artifactLocation.uri).toBe(join(ROOT, example));
      expect(r.locations[0]!.physicalLocation.region.startLine).toBeGreaterThanOrEqual(1);
    }
    // Exit 1 exactly when there are errors: the workflow's last step fails the job on it.
    expect(code).toBe(results.some((r) => r.level === 'error') ? 1 : 0);
  });

  it('validate finds the errors of the v2-syntax example (a job that fails)', () => {
    const { code, out } = cli(argv(call('validate', 'sarif').words, { manifests: ['public/examples/v2-syntax.yaml'] }));
    expect(code).toBe(1);
    expect((JSON.parse(out) as { runs: { results: { level: string }[] }[] }).runs[0]!.results.filter((r) => r.level === 'error').length).toBeGreaterThan(0);
    expect(cli(argv(call('validate').words, { manifests: ['public/examples/v2-syntax.yaml'] })).out).toMatch(/v2-syntax\.yaml:\d+:\d+ error [A-Z_]+ /);
  });

  it('test --format junit: one testcase per route test, no failure, coverage over --fail-under', () => {
    const { code, out } = cli(argv(call('test', 'junit').words, { manifests: ['public/examples/default.yaml'], cases: CASES }));
    expect(code).toBe(0);
    expect(out.startsWith('<?xml')).toBe(true);
    const cases = (load(read(CASES)) as unknown[]).length;
    expect(out.match(/<testcase /g)).toHaveLength(cases);
    expect(out).toContain(`<testsuites tests="${cases}" failures="0">`);
    expect(out).not.toContain('<failure');
    expect(cli(argv(call('test').words, { manifests: ['public/examples/default.yaml'], cases: CASES })).out).toContain(`${cases} passed, 0 failed`);
  });

  it('test --format junit reports a broken route as a failure (exit 1)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'irs-ci-'));
    const broken = join(dir, 'broken.routes-test.yaml');
    writeFileSync(broken, read(CASES).replace('upstreamPath: /orders', 'upstreamPath: /api/orders'));
    const { code, out } = cli(argv(call('test', 'junit').words, { manifests: ['public/examples/default.yaml'], cases: broken }));
    expect(code).toBe(1);
    expect(out.match(/<failure/g)).toHaveLength(1);
  });

  it('diff --format markdown of a change that reroutes /api: a table of the requests routed differently', () => {
    const dir = mkdtempSync(join(tmpdir(), 'irs-ci-'));
    const head = join(dir, 'default.yaml');
    const base = read('public/examples/default.yaml');
    writeFileSync(head, base.replace('PathPrefix(`/api`)', 'PathPrefix(`/apis`)'));
    const { code, out } = cli(argv(call('diff', 'markdown').words, { manifests: [], base: ['public/examples/default.yaml'], head: [head] }));
    expect(code).toBe(1); // routing changes: the comment's reason to exist, not a failure (the step accepts 0 and 1)
    const lines = out.split('\n');
    const header = lines.findIndex((l) => /^\| Request \| Before \| After \|/.test(l));
    expect(header).toBeGreaterThanOrEqual(0);
    expect(lines[header + 1]).toMatch(/^\|(---\|)+$/);
    expect(lines[header + 2]).toContain('/api');
    // No change, no table, exit 0.
    const same = cli(argv(call('diff', 'markdown').words, { manifests: [], base: ['public/examples/default.yaml'], head: ['public/examples/default.yaml'] }));
    expect(same.code).toBe(0);
    expect(same.out).not.toMatch(/^\| Request/m);
  });
});

describe('the pre-commit hook', () => {
  const hooks = load(read('.pre-commit-hooks.yaml')) as { id: string; entry: string; language: string; files: string; exclude: string; require_serial?: boolean }[];
  const hook = hooks.find((h) => h.id === 'ingressroute-studio-validate')!;
  const pkg = JSON.parse(read('package.json')) as { bin: Record<string, string>; files: string[]; scripts: Record<string, string> };
  const [bin, ...args] = hook.entry.split(' ');
  /** What pre-commit would pass: the staged files its `files` pattern takes and `exclude` leaves. */
  const staged = (files: string[]) => files.filter((f) => new RegExp(hook.files).test(f) && !new RegExp(hook.exclude).test(f));

  it('is a node hook on the package\'s bin, which npm pack (prepare) builds and ships', () => {
    expect(hook.language).toBe('node');
    expect(hook.require_serial).toBe(true); // one call: references across the staged files resolve
    expect(pkg.bin[bin!]).toBe('dist-cli/ingressroute-studio.mjs');
    expect(pkg.files).toContain('dist-cli/');
    expect(pkg.scripts['prepare']).toContain('scripts/build-cli.mjs');
    expect(args).toEqual(['validate']);
  });

  it('passes a commit of clean manifests and their route tests, and stops one with errors', () => {
    const clean = staged(['public/examples/default.yaml', CASES, 'README.md']);
    expect(clean).toEqual(['public/examples/default.yaml']);
    expect(cli([...args, ...clean]).code).toBe(0);
    const broken = staged(['public/examples/v2-syntax.yaml']);
    const result = cli([...args, ...broken]);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/\d+ errors/);
  });
});
