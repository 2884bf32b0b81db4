/**
 * monacoSchema against the real yaml-language-server that monaco-yaml runs in its worker. The
 * worker bundle is loaded in Node with its `monaco-worker-manager` import replaced by a stub that
 * hands us the language service factory (the bundle is otherwise unchanged).
 */
import { mkdtempSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TraefikTarget } from '../types.ts';
import { monacoSchema } from './monaco.ts';

interface Worker {
  doComplete(uri: string, position: { line: number; character: number }): Promise<{ items: { label: string }[] } | undefined>;
  doHover(uri: string, position: { line: number; character: number }): Promise<{ contents: { value: string } } | null>;
}
type Factory = (ctx: unknown, options: unknown) => Worker;

let dir = '';
let factory: Factory;

beforeAll(async () => {
  const modules = fileURLToPath(new URL('../../../node_modules', import.meta.url));
  dir = mkdtempSync(join(tmpdir(), 'ir-studio-yls-'));
  symlinkSync(modules, join(dir, 'node_modules'), 'dir');
  const source = readFileSync(join(modules, 'monaco-yaml/yaml.worker.js'), 'utf8')
    .replace('import { initialize } from "monaco-worker-manager/worker";', 'const initialize = (fn) => { globalThis.__irStudioYamlWorker = fn; };')
    .replace(/\/\/# sourceMappingURL=.*$/m, '');
  writeFileSync(join(dir, 'worker.mjs'), source);
  await import(/* @vite-ignore */ pathToFileURL(join(dir, 'worker.mjs')).href);
  factory = (globalThis as unknown as { __irStudioYamlWorker: Factory }).__irStudioYamlWorker;
});

afterAll(() => {
  if (!dir) return;
  unlinkSync(join(dir, 'node_modules'));
  rmSync(dir, { recursive: true, force: true });
});

/** Completion labels at the `|` in `text`. */
async function complete(text: string, target: TraefikTarget = 'v3'): Promise<string[]> {
  const at = text.indexOf('|');
  const value = text.replace('|', '');
  const lines = value.slice(0, at).split('\n');
  const uri = `file:///doc-${Math.random()}.yaml`;
  const ctx = { getMirrorModels: () => [{ uri, version: 1, getValue: () => value }] };
  const worker = factory(ctx, {
    enableSchemaRequest: false,
    completion: true,
    hover: true,
    validate: false,
    isKubernetes: false,
    yamlVersion: '1.1',
    // Cloned as postMessage would: the language service resolves $refs in place.
    schemas: [{ uri: 'inmemory://schema.json', fileMatch: ['*'], schema: structuredClone(monacoSchema(target)) }],
  });
  const list = await worker.doComplete(uri, { line: lines.length - 1, character: lines[lines.length - 1]!.length });
  return [...new Set(list?.items.map((i) => i.label) ?? [])];
}

const IR = 'apiVersion: traefik.io/v1alpha1\nkind: IngressRoute\nmetadata:\n  name: a\nspec:\n  routes:\n    - kind: Rule\n      |\n';

describe('completion through yaml-language-server', () => {
  it.each(['v3', 'v2.11', 'hub'] as const)('offers `match` inside routes[0] (%s)', async (target) => {
    expect(await complete(IR, target)).toContain('match');
  });

  it('follows the target inside a route', async () => {
    expect(await complete(IR, 'v3')).toContain('observability');
    expect(await complete(IR, 'hub')).not.toContain('observability');
  });

  it('offers the Middleware types, not the MiddlewareTCP ones', async () => {
    const labels = await complete('kind: Middleware\nspec:\n  |\n');
    expect(labels).toEqual(expect.arrayContaining(['stripPrefix', 'headers', 'redirectScheme']));
    expect(labels).not.toContain('inFlightConn');
  });

  it('dispatches each document of a multi-document file by its kind', async () => {
    const labels = await complete('kind: IngressRoute\nspec: {}\n---\nkind: Middleware\nspec:\n  st|\n');
    expect(labels).toContain('stripPrefix');
    expect(labels).not.toContain('routes');
  });

  it('dispatches the items of a `kind: List`', async () => {
    expect(await complete('apiVersion: v1\nkind: List\nitems:\n  - kind: TLSOption\n    spec:\n      |\n')).toContain('minVersion');
  });

  it('completes the kind values', async () => {
    expect(await complete('kind: |\n')).toEqual(expect.arrayContaining(['IngressRoute', 'Middleware', 'Service']));
  });
});
