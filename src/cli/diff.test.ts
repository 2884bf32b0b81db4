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

  // Head drops `kind: Rule` from the API route: Traefik v3 defaults the kind (kubernetes_http.go accepts
  // "" and "Rule"), v2.11 skips a route whose kind is not exactly `Rule`, so /api changes winner.
  const noKind = file('no-kind.yaml', example.replace('    - kind: Rule\n      match: Host(`shop.example.com`) && PathPrefix(`/api`)', '    - match: Host(`shop.example.com`) && PathPrefix(`/api`)'));
  it('--traefik is applied to both sides: a route without kind changes routing only on v2.11', () => {
    expect(readFileSync(noKind, 'utf8')).not.toBe(example);
    const v3 = capture();
    expect(diffCommand({ base: [base], head: [noKind] }, v3)).toBe(0);
    expect(v3.out).toMatch(/^no routing change/);
    const v2 = capture();
    expect(diffCommand({ base: [base], head: [noKind], traefik: '2.11' }, v2)).toBe(1);
    expect(v2.out).toContain('GET https://shop.example.com/api');
  });

  // Head adds an IngressRoute in a namespace `sandbox` that takes status.example.com with a high priority.
  // A provider that watches only `shop` and `platform` (providers.kubernetesCRD.namespaces) never sees it.
  const sandbox = 'apiVersion: traefik.io/v1alpha1\nkind: IngressRoute\nmetadata:\n  name: takeover\n  namespace: sandbox\nspec:\n  entryPoints: [websecure]\n  routes:\n    - match: Host(`status.example.com`)\n      priority: 1000\n      services:\n        - name: rogue\n          port: 80\n  tls: {}\n';
  const withSandbox = file('with-sandbox.yaml', `${example}---\n${sandbox}`);
  const staticNamespaces = file('traefik.yml', 'providers:\n  kubernetesCRD:\n    namespaces: [shop, platform]\n');
  it('--static is applied to both sides: an IngressRoute outside the watched namespaces changes nothing', () => {
    const withoutStatic = capture();
    expect(diffCommand({ base: [base], head: [withSandbox] }, withoutStatic)).toBe(1);
    expect(withoutStatic.out).toContain('GET https://status.example.com/');
    const withStatic = capture();
    expect(diffCommand({ base: [base], head: [withSandbox], static: staticNamespaces }, withStatic)).toBe(0);
    expect(withStatic.out).toMatch(/^no routing change/);
    expect(withStatic.err).toBe('');
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
