import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze, summarizeAnalysis } from '../../core/analyze.ts';
import { defaultSettings } from '../../core/provider/settings.ts';
import { planEdit } from '../../core/yaml/index.ts';
import { newDocument, TEMPLATES, uniqueName } from './templates.ts';

const shop = readFileSync(new URL('../../../public/examples/default.yaml', import.meta.url), 'utf8');

function problemsOfNew(kind: string, middlewareType?: string): string[] {
  // Inserted after shop/shop-web (document 0), as "New resource" does with it selected.
  const yaml = newDocument(kind, 'shop', `fresh-${kind.toLowerCase()}`, middlewareType)!;
  const r = planEdit(shop, { type: 'insertDocument', afterDocIndex: 0, yaml });
  if ('error' in r) throw new Error(r.error);
  const text = shop.slice(0, r.edits[0]!.range.start) + r.edits[0]!.text + shop.slice(r.edits[0]!.range.start);
  const before = analyze([{ name: 'shop.yaml', text: shop }], defaultSettings()).diagnostics.map((d) => `${d.code} ${d.message}`);
  const after = analyze([{ name: 'shop.yaml', text }], defaultSettings()).diagnostics;
  return after.filter((d) => d.severity !== 'info' && !before.includes(`${d.code} ${d.message}`)).map((d) => `${d.severity} ${d.code}: ${d.message}`);
}

describe('new resource templates', () => {
  it.each(TEMPLATES.map((t) => t.kind))('a new %s raises no error and no warning', (kind) => {
    expect(problemsOfNew(kind)).toEqual([]);
  });

  it.each(['stripPrefix', 'addPrefix', 'redirectScheme', 'ipAllowList', 'headers', 'basicAuth', 'rateLimit', 'compress', 'retry'])('a new %s Middleware raises no error and no warning', (type) => {
    expect(problemsOfNew('Middleware', type)).toEqual([]);
  });

  it('lands where it was inserted, with its name and namespace', () => {
    const yaml = newDocument('IngressRoute', 'shop', 'new-route')!;
    const r = planEdit(shop, { type: 'insertDocument', afterDocIndex: 0, yaml });
    const text = 'edits' in r ? shop.slice(0, r.edits[0]!.range.start) + r.edits[0]!.text + shop.slice(r.edits[0]!.range.start) : '';
    const ids = summarizeAnalysis(analyze([{ name: 'shop.yaml', text }], defaultSettings())).resources.map((x) => x.id);
    expect(ids.slice(0, 3)).toEqual(['IngressRoute/shop/shop-web', 'IngressRoute/shop/new-route', 'IngressRoute/shop/shop-admin']);
  });

  it('picks a name not taken', () => {
    expect(uniqueName('new-route', [])).toBe('new-route');
    expect(uniqueName('new-route', ['new-route', 'new-route-2'])).toBe('new-route-3');
  });
});
