import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffCommand } from './diff.ts';
import { captureIo } from './test-io.ts';

const capture = captureIo;

const dir = mkdtempSync(join(tmpdir(), 'irs-diff-'));
const example = readFileSync(new URL('../../public/examples/default.yaml', import.meta.url), 'utf8');
function file(name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

const base = file('base.yaml', example);
// The API route drops below the storefront: /api requests change winner.
const head = file('head.yaml', example.replace('match: Host(`shop.example.com`) && PathPrefix(`/api`)', 'match: Host(`shop.example.com`) && PathPrefix(`/api`)\n      priority: 1'));
// Same routing, split in two files differently: no change.
const [first, ...rest] = example.split('\n---\n');
const splitA = file('split-a.yaml', first!);
const splitB = file('split-b.yaml', rest.join('\n---\n'));
const broken = file('broken.yaml', example.replace('- name: office-only', '- name: office-only-typo'));

describe('ingressroute-studio diff', () => {
  it('exit 0 and "no routing change" when head routes like base (several files per side)', () => {
    const io = capture();
    expect(diffCommand({ base: [base], head: [splitA, splitB] }, io)).toBe(0);
    expect(io.out).toMatch(/^no routing change \(\d+ requests replayed\)/);
    expect(io.err).toBe('');
  });

  it('exit 1 with the changed winner in text', () => {
    const io = capture();
    expect(diffCommand({ base: [base], head: [head] }, io)).toBe(1);
    expect(io.out).toContain('Routing changes:');
    expect(io.out).toContain('GET https://shop.example.com/api');
    expect(io.out).toMatch(/winner: shop-shop-web-[0-9a-f]{20}@kubernetescrd → shop-shop-web-[0-9a-f]{20}@kubernetescrd/);
    expect(io.out).toMatch(/~ shop-shop-web-[0-9a-f]{20}@kubernetescrd\n\s+priority: \d+ \(rule length\) → 1/);
  });

  it('--format markdown gives a pull-request comment', () => {
    const io = capture();
    expect(diffCommand({ base: [base], head: [head], format: 'markdown' }, io)).toBe(1);
    expect(io.out.startsWith('### Routing review\n')).toBe(true);
    expect(io.out).toContain('| Request | Before | After | Changes |');
    expect(io.out).toContain('**');
  });

  it('--format json is the WorkspaceDiff', () => {
    const io = capture();
    expect(diffCommand({ base: [base], head: [head], format: 'json' }, io)).toBe(1);
    const json = JSON.parse(io.out);
    expect(json.routing.some((c: { winnerChanged: boolean }) => c.winnerChanged)).toBe(true);
    expect(json.routers.changed).toHaveLength(1);
  });

  it('exit 1 for a new error even without a routing change of the witnesses', () => {
    const io = capture();
    expect(diffCommand({ base: [base], head: [broken] }, io)).toBe(1);
    expect(io.out).toMatch(/\+ error \S+ .*office-only-typo/);
  });

  it('reads one side from standard input', () => {
    const io = capture(example);
    expect(diffCommand({ base: ['-'], head: [base] }, io)).toBe(0);
  });

  it('--traefik and --static are applied to both sides', () => {
    const io = capture();
    expect(diffCommand({ base: [base], head: [base], traefik: '2.11' }, io)).toBe(0);
  });

  it.each([
    ['no --base', { base: [], head: [head] }, /--base/],
    ['no --head', { base: [base], head: [] }, /--head/],
    ['bad --format', { base: [base], head: [head], format: 'html' }, /--format/],
    ['unreadable file', { base: [join(dir, 'missing.yaml')], head: [head] }, /cannot read/],
    ['stdin twice', { base: ['-'], head: ['-'] }, /standard input/],
    ['bad --traefik', { base: [base], head: [head], traefik: '1.7' }, /--traefik/],
  ])('exit 2 on bad usage: %s', (_, opts, message) => {
    const io = capture();
    expect(diffCommand(opts, io)).toBe(2);
    expect(io.err).toMatch(message);
    expect(io.out).toBe('');
  });
});
