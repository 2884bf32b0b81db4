import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { nodeSha256Hex, run } from './main.ts';
import { portableSha256Hex, routerKey } from '../core/provider/names.ts';
import { captureIo } from './test-io.ts';
import { countWork } from '../core/robustness/work.ts';

const EXAMPLE = new URL('../../public/examples/default.yaml', import.meta.url).pathname;

const capture = captureIo;

function tmp(name: string, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'irs-'));
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const BROKEN = `apiVersion: traefik.io/v1alpha1
kind: IngressRoute
metadata:
  name: web
  namespace: apps
spec:
  entryPoints: [web]
  routes:
    - kind: Rule
      match: Host(\`a.example.com\`) && pathPrefix(\`/x\`)
      middlewares:
        - name: missing
      services:
        - name: web
          port: 80
`;

describe('cli', () => {
  it('prints usage and exits 2 without a command', () => {
    const io = capture();
    expect(run([], io)).toBe(2);
    expect(io.out).toContain('usage: ingressroute-studio');
  });

  it('exits 2 on unknown commands, unknown options and unreadable files', () => {
    expect(run(['frobnicate'], capture())).toBe(2);
    expect(run(['validate', '--nope', EXAMPLE], capture())).toBe(2);
    const io = capture();
    expect(run(['validate', '/does/not/exist.yaml'], io)).toBe(2);
    expect(io.err).toContain('cannot read');
  });

  it('validate: the example is clean (exit 0)', () => {
    const io = capture();
    expect(run(['validate', EXAMPLE], io)).toBe(0);
    expect(io.out.split('\n').filter((l) => / (error|warning) /.test(l))).toEqual([]);
  });

  it('validate: errors as file:line:col severity CODE message, exit 1', () => {
    const file = tmp('broken.yaml', BROKEN);
    const io = capture();
    expect(run(['validate', file], io)).toBe(1);
    expect(io.out).toMatch(new RegExp(`^${file}:10:\\d+ error RULE_\\w+ `, 'm'));
    expect(io.out).toMatch(new RegExp(`^${file}:12:\\d+ error \\w+ .*missing`, 'm'));
  });

  it('validate reads standard input with -', () => {
    const io = capture(BROKEN);
    expect(run(['validate', '-'], io)).toBe(1);
    expect(io.out).toContain('<stdin>:10:');
  });

  it('validate --format json and sarif', () => {
    const file = tmp('broken.yaml', BROKEN);
    const json = capture();
    run(['validate', file, '--format', 'json'], json);
    const items = JSON.parse(json.out) as { line: number; code: string; severity: string }[];
    expect(items.some((d) => d.line === 10 && d.code.startsWith('RULE_') && d.severity === 'error')).toBe(true);
    const sarif = capture();
    run(['validate', file, '--format', 'sarif'], sarif);
    const doc = JSON.parse(sarif.out) as { version: string; runs: { results: { ruleId: string; locations: { physicalLocation: { region: { startLine: number } } }[] }[] }[] };
    expect(doc.version).toBe('2.1.0');
    expect(doc.runs[0]!.results.some((r) => r.locations[0]!.physicalLocation.region.startLine === 10)).toBe(true);
  });

  it('export --format yaml refuses on errors unless --force', () => {
    const file = tmp('broken.yaml', BROKEN);
    const refused = capture();
    expect(run(['export', file], refused)).toBe(1);
    expect(refused.err).toContain('refusing to export');
    const forced = capture();
    expect(run(['export', file, '--force'], forced)).toBe(0);
    expect(forced.out).toContain('kind: IngressRoute');
  });

  it('export --format dynamic-json gives the file-provider shape with Traefik names', () => {
    const io = capture();
    const out = join(mkdtempSync(join(tmpdir(), 'irs-')), 'dyn.json');
    expect(run(['export', EXAMPLE, '--format', 'dynamic-json', '-o', out], io)).toBe(0);
    const dyn = JSON.parse(readFileSync(out, 'utf8')) as { http: { routers: Record<string, { rule: string; service: string }> } };
    const names = Object.keys(dyn.http.routers);
    expect(names.length).toBe(5);
    for (const n of names) expect(n).toMatch(/^(shop|platform)-[a-z0-9-]+-[0-9a-f]{20}$/);
  });

  it('simulate --json answers with the DESIGN.md shape', () => {
    const io = capture();
    expect(run(['simulate', EXAMPLE, '--url', 'https://shop.example.com/api/orders', '--json'], io)).toBe(0);
    const v = JSON.parse(io.out) as { entryPoint: string; router: string; tls: { option: string }; outcome: { type: string; upstream: { url: string } } };
    expect(v.entryPoint).toBe('websecure');
    expect(v.router).toMatch(/^shop-shop-web-[0-9a-f]{20}@kubernetescrd$/);
    expect(v.tls.option).toBe('shop-modern-tls@kubernetescrd');
    expect(v.outcome.type).toBe('forwarded');
    expect(new URL(v.outcome.upstream.url).pathname).toBe('/orders');
  });

  it('simulate needs a URL', () => {
    expect(run(['simulate', EXAMPLE], capture())).toBe(2);
  });

  it('rules --jsonl answers one line per input line', () => {
    const input = [
      JSON.stringify({ rule: 'Host(`a.com`) && PathPrefix(`/api`)', syntax: 'v3', request: { method: 'GET', url: 'http://a.com/api/x' } }),
      JSON.stringify({ rule: 'Host(`a.com`)', syntax: 'v3', request: { method: 'GET', url: 'http://b.com/' } }),
      JSON.stringify({ rule: 'Hots(`a.com`)', syntax: 'v3', request: { method: 'GET', url: 'http://a.com/' } }),
    ].join('\n');
    const io = capture(input);
    expect(run(['rules', '--jsonl'], io)).toBe(0);
    const lines = io.out.trim().split('\n').map((l) => JSON.parse(l) as { result: string });
    expect(lines.map((l) => l.result)).toEqual(['match', 'nomatch', 'error']);
  });

  it('rules --jsonl handles 1,000 lines in one process with twice the work of 500 (linear)', () => {
    const line = JSON.stringify({ rule: 'Host(`a.com`) && (PathPrefix(`/api`) || Header(`X-A`, `b`))', syntax: 'v3', request: { method: 'GET', url: 'http://a.com/api/x' } });
    // Work, not time: reading the input again for each line would make the count ×4 when the lines double.
    const work = (lines: number) => {
      const io = capture(Array.from({ length: lines }, () => line).join('\n'));
      const { total } = countWork(() => run(['rules', '--jsonl'], io), { strings: true, chars: true });
      expect(io.out.trim().split('\n')).toHaveLength(lines);
      return total;
    };
    expect(work(1000) / work(500)).toBeLessThan(3);
  });
});

describe("the CLI's SHA-256 (router names)", () => {
  it("is the core's own on any text: the same names from the CLI as in the browser", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' })), (text) => {
        expect(nodeSha256Hex(text)).toBe(portableSha256Hex(text));
      }),
    );
    // A lone surrogate (possible in a JSON escape) is U+FFFD's bytes to both.
    expect(nodeSha256Hex('Host(`\uD800`)')).toBe(portableSha256Hex('Host(`\uD800`)'));
    expect(routerKey('default', 'test.route', 'Host(`foo.com`) && PathPrefix(`/bar`)')).toBe('default-test-route-6b204d94623b3df4370c');
  });
});
