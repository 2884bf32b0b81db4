import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { CATALOG, FRAGMENTS } from './codes.ts';
import { analyze } from '../analyze.ts';
import { defaultSettings } from '../provider/settings.ts';

describe('diagnostics catalog', () => {
  it('has no code defined by two fragments', () => {
    const seen = new Map<string, string>();
    for (const [fragment, codes] of Object.entries(FRAGMENTS)) {
      for (const code of Object.keys(codes)) {
        expect(seen.get(code), `${code} in ${fragment} and ${seen.get(code)}`).toBeUndefined();
        seen.set(code, fragment);
      }
    }
  });

  it('catalogues every code emitted on the examples, with the catalogued family', () => {
    for (const name of ['default', 'tls-conflict', 'v2-syntax', 'microservices', 'canary', 'https-redirect']) {
      const text = readFileSync(new URL(`../../../public/examples/${name}.yaml`, import.meta.url), 'utf8');
      for (const d of analyze([{ name: `${name}.yaml`, text }], defaultSettings()).diagnostics) {
        expect(CATALOG[d.code], `${d.code} (${name})`).toBeDefined();
        expect(d.family).toBe(CATALOG[d.code]!.family);
      }
    }
  });

  it('the built-in example is free of errors and warnings', () => {
    const text = readFileSync(new URL('../../../public/examples/default.yaml', import.meta.url), 'utf8');
    const found = analyze([{ name: 'example.yaml', text }], defaultSettings()).diagnostics.filter((d) => d.severity !== 'info');
    expect(found.map((d) => `${d.code}: ${d.message}`)).toEqual([]);
  });
});
