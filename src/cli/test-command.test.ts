import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testCommand } from './commands.ts';
import { captureIo } from './test-io.ts';

const capture = captureIo;

const dir = mkdtempSync(join(tmpdir(), 'irs-test-'));
const example = readFileSync(new URL('../../public/examples/default.yaml', import.meta.url), 'utf8');
function file(name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}
const config = file('default.yaml', example);

const passing = file('pass.routes-test.yaml', `
- name: api orders
  request: { url: 'https://shop.example.com/api/orders', clientIP: 203.0.113.7 }
  expect: { router: shop/shop-web#1, tlsOption: shop-modern-tls@kubernetescrd, upstreamPath: /orders }
- name: plain http is redirected
  request: { url: 'http://shop.example.com/cart' }
  expect: { router: shop/http-to-https, status: 301, location: 'https://shop.example.com/cart' }
- name: status page
  request: { url: 'https://status.example.com/' }
  expect: { router: platform/status#0 }
`);
const failing = file('fail.routes-test.yaml', `
- name: storefront
  request: { url: 'https://shop.example.com/' }
  expect: { router: shop/shop-web#0 }
- name: wrong upstream <path> & "quotes"
  request: { url: 'https://shop.example.com/api/orders' }
  expect: { upstreamPath: /api/orders }
`);
const invalid = file('invalid.routes-test.yaml', `
- name: no url
  request: { method: GET }
  expect: { router: x }
`);

describe('ingressroute-studio test', () => {
  it('exit 0 when every case passes; a line per case and the N passed, N failed line', () => {
    const io = capture();
    expect(testCommand({ files: [config], cases: passing }, io)).toBe(0);
    expect(io.out).toContain('PASS api orders\n');
    expect(io.out).toContain('PASS plain http is redirected\n');
    expect(io.out).toMatch(/router coverage: 3\/5 \(60\.0 %\)/);
    expect(io.out.trimEnd().split('\n').at(-1)).toBe('3 passed, 0 failed');
  });

  it('exit 1 when a case fails, with the reason', () => {
    const io = capture();
    expect(testCommand({ files: [config], cases: failing }, io)).toBe(1);
    expect(io.out).toContain('PASS storefront\n');
    expect(io.out).toContain('FAIL wrong upstream <path> & "quotes"\n');
    expect(io.out).toContain('upstreamPath: expected /api/orders, got /orders');
    expect(io.out.trimEnd().split('\n').at(-1)).toBe('1 passed, 1 failed');
  });

  it('--fail-under: exit 1 when too few routers are exercised, 0 when enough', () => {
    const low = capture();
    expect(testCommand({ files: [config], cases: passing, failUnder: '80' }, low)).toBe(1);
    expect(low.err).toContain('router coverage 60.0 % is under 80 %');
    const ok = capture();
    expect(testCommand({ files: [config], cases: passing, failUnder: '60' }, ok)).toBe(0);
  });

  it('--format junit: one testcase per case, failures escaped', () => {
    const io = capture();
    expect(testCommand({ files: [config], cases: failing, format: 'junit' }, io)).toBe(1);
    expect(io.out.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    expect(io.out).toContain('<testsuites tests="2" failures="1">');
    expect(io.out).toContain('<testcase classname="routes" name="storefront"/>');
    expect(io.out).toContain('name="wrong upstream &#60;path&#62; &#38; &#34;quotes&#34;"');
    expect(io.out).toContain('<failure message="upstreamPath: expected /api/orders, got /orders">');
  });

  it('exit 2 for an invalid cases file or a missing --cases', () => {
    const io = capture();
    expect(testCommand({ files: [config], cases: invalid }, io)).toBe(2);
    expect(io.err).toContain('request.url is required');
    expect(() => testCommand({ files: [config] }, capture())).toThrow(/--cases/);
  });
});
