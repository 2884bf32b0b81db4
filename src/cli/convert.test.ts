import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from './main.ts';
import { captureIo } from './test-io.ts';

const EXAMPLE = new URL('../../public/examples/ingress-nginx.yaml', import.meta.url).pathname;

describe('cli convert', () => {
  it('writes IngressRoutes to -o, lists the 308 that cannot be converted and replays the witnesses', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'irs-')), 'converted.yaml');
    const io = captureIo();
    expect(run(['convert', EXAMPLE, '-o', out], io)).toBe(1);
    const text = readFileSync(out, 'utf8');
    expect(text).toContain('kind: IngressRoute');
    expect(text).not.toContain('kind: Ingress\n');
    expect(io.err).toMatch(/ingress-nginx\.yaml:\d+:\d+ not converted: Ingress shop\/shop: .*answers 308/);
    expect(io.err).toMatch(/witness request\(s\) replayed: 0 routed to another router, \d+ answered differently/);
    const check = captureIo();
    expect(run(['validate', out], check)).toBe(0);
  });

  it('exits 1 with a message when there is no Ingress, 2 on an unreadable file', () => {
    const io = captureIo('apiVersion: v1\nkind: Service\nmetadata: {name: a}\n');
    expect(run(['convert', '-'], io)).toBe(1);
    expect(io.err).toContain('no Ingress');
    expect(run(['convert', '/nonexistent.yaml'], captureIo())).toBe(2);
  });
});
